package de.grantflow.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * How many a second, and the machine's CPU for each (all its cores, the database's too), of which this JVM's (the
 * application with the benchmark's clients): the rest is PostgreSQL's and the kernel's. Also the JIT compiler's time
 * for each, which is part of the JVM's: it shows whether the work ran compiled or still taught the compiler.
 */
record Rate(int count, double seconds, double cpuMs, double jvmCpuMs, double jitMs) {

    /** Nothing measured yet: the start of a sum of turns. */
    static final Rate NONE = new Rate(0, 0, 0, 0, 0);

    static Rate of(int count, Work work) throws Exception {
        double cpuBefore = MachineCpu.busySeconds();
        long jvmBefore = jvmCpuNanos();
        long jitBefore = jitMillis();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Rate(count, seconds, (MachineCpu.busySeconds() - cpuBefore) * 1000,
                (jvmCpuNanos() - jvmBefore) / 1e6, jitMillis() - jitBefore);
    }

    /** This and another measurement of the same work, as if measured at once. */
    Rate plus(Rate other) {
        return new Rate(count + other.count, seconds + other.seconds, cpuMs + other.cpuMs, jvmCpuMs + other.jvmCpuMs,
                jitMs + other.jitMs);
    }

    double perSecond() {
        return count / seconds;
    }

    double cpuMsEach() {
        return cpuMs / count;
    }

    double jvmCpuMsEach() {
        return jvmCpuMs / count;
    }

    double jitMsEach() {
        return jitMs / count;
    }

    private static long jvmCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }
}

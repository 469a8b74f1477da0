package de.grantflow.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * How many a second, and the machine's CPU for each (all its cores, the database's too), of which this JVM's (the
 * application with the benchmark's clients): the rest is PostgreSQL's and the kernel's.
 */
record Rate(double perSecond, double cpuMsEach, double jvmCpuMsEach) {

    static Rate of(int count, Work work) throws Exception {
        double cpuBefore = MachineCpu.busySeconds();
        long jvmBefore = jvmCpuNanos();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Rate(count / seconds, (MachineCpu.busySeconds() - cpuBefore) * 1000 / count,
                (jvmCpuNanos() - jvmBefore) / 1e6 / count);
    }

    private static long jvmCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }
}

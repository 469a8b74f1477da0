package de.grantflow.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JVM's CPU by group of threads (the name with its numbers left out), between two snapshots. */
final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final long processBefore;
    private final double machineBefore;

    ThreadCpu() {
        for (long id : threads.getAllThreadIds()) {
            before.put(id, threads.getThreadCpuTime(id));
        }
        processBefore = processCpu();
        machineBefore = MachineCpu.busySeconds();
    }

    Map<String, Long> msByGroup() {
        Map<String, Long> groups = new HashMap<>();
        long threadsTotal = 0;
        for (long id : threads.getAllThreadIds()) {
            long now = threads.getThreadCpuTime(id);
            ThreadInfo info = threads.getThreadInfo(id);
            if (now < 0 || info == null) {
                continue;
            }
            long spent = now - before.getOrDefault(id, 0L);
            threadsTotal += spent;
            groups.merge(info.getThreadName().replaceAll("\\d+", "#"), spent / 1_000_000, Long::sum);
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        sorted.put("machine", (long) ((MachineCpu.busySeconds() - machineBefore) * 1000));
        long process = processCpu() - processBefore;
        sorted.put("jvm", process / 1_000_000);
        sorted.put("jvm threads gone or unnamed", (process - threadsTotal) / 1_000_000);
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}

package de.grantflow.benchmark;

/** How many a second, and the machine's CPU for each (all its cores, the database's too). */
record Rate(double perSecond, double cpuMsEach) {

    static Rate of(int count, Work work) throws Exception {
        double cpuBefore = MachineCpu.busySeconds();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Rate(count / seconds, (MachineCpu.busySeconds() - cpuBefore) * 1000 / count);
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }
}

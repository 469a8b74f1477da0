package de.grantflow.benchmark;

import de.grantflow.ApiClient;
import de.grantflow.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** How the benchmarks' clients send their load: a number of steps over a number of clients, as well-behaved clients. */
final class Load {

    private Load() {
    }

    /** Runs steps 0 to count - 1 on that many client threads, each taking the next step when it is done. */
    static void parallel(int count, int clients, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        step.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A POST as a well-behaved client sends it: shed with 503, it counts it, waits for Retry-After and sends again. */
    static Response post(ApiClient client, String path, Object body, AtomicInteger shed) {
        while (true) {
            Response response = client.post(path, body);
            if (response.status() != 503) {
                return response;
            }
            shed.incrementAndGet();
            String retryAfter = response.headers().getFirst("Retry-After");
            LockSupport.parkNanos(Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter)).toNanos());
        }
    }

    /** The p-th percentile of the latencies by the nearest-rank method. */
    static long percentile(List<Long> latencies, int p) {
        List<Long> sorted = latencies.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    @FunctionalInterface
    interface Step {
        void run(int index) throws Exception;
    }
}

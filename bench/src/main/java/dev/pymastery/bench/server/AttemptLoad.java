package dev.pymastery.bench.server;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.server.ProgressServer;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.store.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Posts attempts from {@code connections} {@link LoadClient}s for a warm-up and a measured window;
 * reports attempts per second, latency quantiles and the JVM's CPU time per attempt.
 */
final class AttemptLoad {
    private AttemptLoad() {}

    static String run(String kind, String url, int seconds, int warmup, int connections) throws Exception {
        CheckCatalog catalog = ServerBench.catalog(24);
        try (ProgressServer server = ProgressServer.create(Database.open(url), catalog, false)) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                tokens.add(server.people().issueToken(server.people().add("bench" + i, Role.LEARNER)));
            }
            server.app().start("127.0.0.1", 0);
            int port = server.app().port();
            List<CheckSpec> checks = catalog.all();
            long now = System.nanoTime();
            long measureFrom = now + Duration.ofSeconds(warmup).toNanos();
            long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
            List<LoadClient> clients = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                LoadClient client = new LoadClient(
                        "127.0.0.1", port, tokens.get(i % tokens.size()), "w" + i + "-" + UUID.randomUUID(), checks);
                clients.add(client);
                running.add(pool.submit(() -> {
                    client.run(measureFrom, end);
                    return null;
                }));
            }
            java.lang.management.OperatingSystemMXBean os =
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean) os;
            while (System.nanoTime() < measureFrom) {
                Thread.sleep(10);
            }
            long cpuStart = process.getProcessCpuTime();
            for (Future<?> future : running) {
                future.get();
            }
            long cpu = process.getProcessCpuTime() - cpuStart;
            pool.shutdown();
            long[] all = clients.stream()
                    .map(LoadClient::latencies)
                    .flatMapToLong(Arrays::stream)
                    .sorted()
                    .toArray();
            int errors = clients.stream().mapToInt(LoadClient::errors).sum();
            double perSecond = all.length / (double) seconds;
            return String.format(
                    "| %-10s | attempts recorded | %,8.0f /s | p50 %5.2f ms | p99 %6.2f ms | p99.9 %6.2f ms | %d errors"
                            + " | %.0f µs CPU per attempt (server + client) |",
                    kind,
                    perSecond,
                    ms(all, 0.50),
                    ms(all, 0.99),
                    ms(all, 0.999),
                    errors,
                    all.length == 0 ? 0.0 : cpu / 1000.0 / all.length);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}

package dev.pymastery.server.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The server's metrics in the Prometheus text format (version 0.0.4): requests by route and status,
 * request durations as a histogram, attempts stored and deduplicated, open event streams. Written by
 * hand: the format is small, and the client library's artifacts did not resolve from Maven Central.
 */
public final class Metrics {
    private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private record RequestKey(String method, String route, int status) {}

    private static final class Histogram {
        final AtomicLongArray counts = new AtomicLongArray(BUCKETS.length);
        final LongAdder count = new LongAdder();
        final LongAdder micros = new LongAdder();

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    counts.incrementAndGet(i);
                    break;
                }
            }
            count.increment();
            micros.add(Math.round(seconds * 1_000_000));
        }
    }

    private final Map<RequestKey, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> durations = new ConcurrentHashMap<>();
    private final LongAdder attemptsCreated = new LongAdder();
    private final LongAdder attemptsDuplicate = new LongAdder();
    private volatile IntSupplier eventStreams = () -> 0;
    private volatile Supplier<VerificationGauge> verification = () -> null;

    /**
     * The verification queue (backpressure: jobs waiting and running) and what it verified.
     *
     * @param queued jobs waiting for a worker
     * @param running jobs a worker holds
     */
    public record VerificationGauge(
            long queued, long running, long passed, long failed, long unverified, long retried, int workers) {}

    public void request(String method, String route, int status, double seconds) {
        requests.computeIfAbsent(new RequestKey(method, route, status), k -> new LongAdder())
                .increment();
        durations.computeIfAbsent(route, k -> new Histogram()).observe(seconds);
    }

    public void attempt(boolean duplicate) {
        (duplicate ? attemptsDuplicate : attemptsCreated).increment();
    }

    public void eventStreams(IntSupplier open) {
        this.eventStreams = open;
    }

    public void verification(Supplier<VerificationGauge> gauge) {
        this.verification = gauge;
    }

    /** The text exposition. */
    public String scrape() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP pymastery_http_requests_total HTTP requests answered, by route and status.\n")
                .append("# TYPE pymastery_http_requests_total counter\n");
        new TreeMap<String, Long>(collectRequests())
                .forEach((labels, value) -> out.append("pymastery_http_requests_total")
                        .append(labels)
                        .append(' ')
                        .append(value)
                        .append('\n'));
        out.append("# HELP pymastery_http_request_duration_seconds Time to answer, by route.\n")
                .append("# TYPE pymastery_http_request_duration_seconds histogram\n");
        new TreeMap<>(durations).forEach((route, h) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += h.counts.get(i);
                out.append("pymastery_http_request_duration_seconds_bucket{route=\"")
                        .append(escape(route))
                        .append("\",le=\"")
                        .append(BUCKETS[i])
                        .append("\"} ")
                        .append(cumulative)
                        .append('\n');
            }
            String label = "{route=\"" + escape(route) + "\"}";
            out.append("pymastery_http_request_duration_seconds_bucket{route=\"")
                    .append(escape(route))
                    .append("\",le=\"+Inf\"} ")
                    .append(h.count.sum())
                    .append('\n');
            out.append("pymastery_http_request_duration_seconds_sum")
                    .append(label)
                    .append(' ')
                    .append(h.micros.sum() / 1_000_000.0)
                    .append('\n');
            out.append("pymastery_http_request_duration_seconds_count")
                    .append(label)
                    .append(' ')
                    .append(h.count.sum())
                    .append('\n');
        });
        out.append("# HELP pymastery_attempts_total Attempts posted, by whether they were new or retries.\n")
                .append("# TYPE pymastery_attempts_total counter\n")
                .append("pymastery_attempts_total{result=\"created\"} ")
                .append(attemptsCreated.sum())
                .append('\n')
                .append("pymastery_attempts_total{result=\"duplicate\"} ")
                .append(attemptsDuplicate.sum())
                .append('\n');
        out.append("# HELP pymastery_event_streams Open server-sent event streams.\n")
                .append("# TYPE pymastery_event_streams gauge\n")
                .append("pymastery_event_streams ")
                .append(eventStreams.getAsInt())
                .append('\n');
        VerificationGauge v = verification.get();
        if (v != null) {
            out.append("# HELP pymastery_verification_jobs Verification jobs in the durable queue, by state.\n")
                    .append("# TYPE pymastery_verification_jobs gauge\n")
                    .append("pymastery_verification_jobs{state=\"queued\"} ")
                    .append(v.queued())
                    .append('\n')
                    .append("pymastery_verification_jobs{state=\"running\"} ")
                    .append(v.running())
                    .append('\n');
            out.append("# HELP pymastery_verification_workers Threads verifying submissions.\n")
                    .append("# TYPE pymastery_verification_workers gauge\n")
                    .append("pymastery_verification_workers ")
                    .append(v.workers())
                    .append('\n');
            out.append("# HELP pymastery_verifications_total Verifications finished by this process, by result.\n")
                    .append("# TYPE pymastery_verifications_total counter\n");
            for (var entry : Map.of(
                            "verified-pass", v.passed(),
                            "verified-fail", v.failed(),
                            "unverified", v.unverified(),
                            "retried", v.retried())
                    .entrySet()
                    .stream()
                    .sorted(Map.Entry.comparingByKey())
                    .toList()) {
                out.append("pymastery_verifications_total{result=\"")
                        .append(entry.getKey())
                        .append("\"} ")
                        .append(entry.getValue())
                        .append('\n');
            }
        }
        return out.toString();
    }

    private Map<String, Long> collectRequests() {
        Map<String, Long> lines = new TreeMap<>();
        requests.forEach((k, v) -> lines.put(
                "{method=\"" + k.method() + "\",route=\"" + escape(k.route()) + "\",status=\"" + k.status() + "\"}",
                v.sum()));
        return lines;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

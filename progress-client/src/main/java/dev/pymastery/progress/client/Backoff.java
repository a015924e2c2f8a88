package dev.pymastery.progress.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the outbox waits before trying again after a failure: {@code initial}, doubled after each
 * further failure up to {@code max}, with up to 20% random jitter so many kernels do not retry in step.
 */
public record Backoff(Duration initial, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
    }

    /** The wait after {@code failures} consecutive failures (1 or more). */
    public Duration after(int failures) {
        long base = initial.toMillis();
        for (int i = 1; i < failures && base < max.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, max.toMillis());
        long jitter = (long) (base * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(base + jitter);
    }
}

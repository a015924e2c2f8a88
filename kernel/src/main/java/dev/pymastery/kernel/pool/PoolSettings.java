package dev.pymastery.kernel.pool;

import java.time.Duration;
import java.util.Map;

/**
 * The warm pool's settings, read once by each executable that uses them (the launcher, a spare)
 * from its environment; a claim's environment may ask a spare for another size ({@link
 * #poolSize(Map, int)}).
 *
 * <ul>
 *   <li>{@code PYMASTERY_POOL_SIZE}: how many spares wait for the next kernel, 0 to 8; default 1
 *       (a notebook runner asks for as many as it runs at once).
 *   <li>{@code PYMASTERY_SPARE_IDLE_SECONDS}: a spare nobody claims for this long exits; default
 *       1800.
 * </ul>
 *
 * @param poolSize spares to keep ready
 * @param spareIdle how long an unclaimed spare waits before it exits
 */
public record PoolSettings(int poolSize, Duration spareIdle) {
    static final int DEFAULT_SIZE = 1;
    static final int MAX_SIZE = 8;
    static final long DEFAULT_IDLE_SECONDS = 1800;

    public static PoolSettings fromEnvironment() {
        return from(System.getenv());
    }

    static PoolSettings from(Map<String, String> env) {
        long idle;
        try {
            idle = Long.parseLong(
                    env.getOrDefault("PYMASTERY_SPARE_IDLE_SECONDS", "").strip());
        } catch (NumberFormatException e) {
            idle = DEFAULT_IDLE_SECONDS;
        }
        return new PoolSettings(poolSize(env, DEFAULT_SIZE), Duration.ofSeconds(Math.max(0, idle)));
    }

    /** {@code PYMASTERY_POOL_SIZE} of {@code env}, 0 to 8; {@code fallback} when unset or not a number. */
    public static int poolSize(Map<String, String> env, int fallback) {
        try {
            return Math.max(
                    0,
                    Math.min(
                            MAX_SIZE,
                            Integer.parseInt(
                                    env.getOrDefault("PYMASTERY_POOL_SIZE", "").strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

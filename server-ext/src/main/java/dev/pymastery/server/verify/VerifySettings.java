package dev.pymastery.server.verify;

import java.time.Duration;
import java.util.Map;

/**
 * How the server verifies submissions.
 *
 * <table>
 * <caption>Settings (environment variable)</caption>
 * <tr><td>PYMASTERY_VERIFY_WORKERS</td><td>threads verifying at once (each runs one container);
 *     0 verifies nothing (attempts wait in the queue)</td><td>1</td></tr>
 * <tr><td>DOCKER_HOST, PYMASTERY_RUNTIMES, PYMASTERY_RUNTIME_*</td><td>the container engine and runtimes,
 *     read as the kernel reads them</td><td></td></tr>
 * </table>
 *
 * @param runtimeEnv the environment the runtimes are configured from
 * @param poll how often an idle worker looks at the queue (a new attempt wakes one at once)
 */
public record VerifySettings(int workers, Map<String, String> runtimeEnv, Duration poll) {
    public VerifySettings {
        if (workers < 0 || workers > 64) {
            throw new IllegalArgumentException("PYMASTERY_VERIFY_WORKERS must be 0..64, not " + workers);
        }
        runtimeEnv = Map.copyOf(runtimeEnv);
    }

    public static VerifySettings fromEnvironment(Map<String, String> env) {
        String workers = env.getOrDefault("PYMASTERY_VERIFY_WORKERS", "1").strip();
        try {
            return new VerifySettings(Integer.parseInt(workers), env, Duration.ofSeconds(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "PYMASTERY_VERIFY_WORKERS must be a whole number, not '" + workers + "'");
        }
    }

    /** No workers: attempts are queued and wait (tests of other parts, benchmarks). */
    public static VerifySettings off() {
        return new VerifySettings(0, Map.of(), Duration.ofSeconds(2));
    }
}

package dev.pymastery.kernel;

import java.time.Duration;
import java.time.Instant;

/** One-line log records on stderr, where Jupyter (or a spare's log file) collects them. */
final class Logging {
    private Logging() {}

    static void configure() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "[%1$tT.%1$tL %4$s %3$s] %5$s%6$s%n");
    }

    /** Milliseconds since this process started. */
    static long uptimeMillis() {
        return ProcessHandle.current()
                .info()
                .startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis())
                .orElse(-1L);
    }
}

package dev.pymastery.kernel.messaging;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the kernel log readable under bad traffic: each kind of warning is logged at most {@link
 * #PER_WINDOW} times a minute, and the rest are counted and summarised in one line when the next
 * minute begins (or when the session ends). Thread-safe.
 */
final class WarningLimiter {
    static final int PER_WINDOW = 5;
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private static final int MAX_KINDS = 64;

    private final System.Logger log;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private long windowStart = System.nanoTime();

    WarningLimiter(System.Logger log) {
        this.log = log;
    }

    /** Logs {@code message} unless {@code kind} was logged {@link #PER_WINDOW} times this minute. */
    void warn(String kind, String message) {
        boolean log;
        synchronized (this) {
            if (System.nanoTime() - windowStart > WINDOW_NANOS) {
                summarize();
            }
            // Kinds come from the wire (message types): past MAX_KINDS, new ones share one count.
            String key = counts.containsKey(kind) || counts.size() < MAX_KINDS ? kind : "other";
            int seen = counts.merge(key, 1, Integer::sum);
            log = seen <= PER_WINDOW;
            if (seen == PER_WINDOW) {
                message += " (more like this in the next minute are counted, not logged)";
            }
        }
        if (log) {
            this.log.log(Level.WARNING, message);
        }
    }

    /** Logs one line per kind with warnings left out since the window began, and starts a new window. */
    synchronized void summarize() {
        counts.forEach((kind, seen) -> {
            if (seen > PER_WINDOW) {
                log.log(Level.WARNING, (seen - PER_WINDOW) + " more warnings of kind " + kind + " were not logged");
            }
        });
        counts.clear();
        windowStart = System.nanoTime();
    }
}

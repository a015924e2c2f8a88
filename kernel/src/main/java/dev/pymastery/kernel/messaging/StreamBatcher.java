package dev.pymastery.kernel.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Collects stream text and sends it at most every {@value #INTERVAL_MS} ms (or when a batch passes
 * {@value #MAX_BATCH_CHARS} characters), so a print loop reaches the front end whole without a
 * flood of messages. Order across stdout and stderr is kept: a change of stream starts a new
 * segment.
 */
final class StreamBatcher {
    static final int INTERVAL_MS = 50;
    static final int MAX_BATCH_CHARS = 1 << 20;

    private record Segment(String name, StringBuilder text) {}

    private final ScheduledExecutorService timer;
    private final BiConsumer<String, String> send;
    private final List<Segment> segments = new ArrayList<>();
    private int pendingChars;
    private boolean scheduled;

    StreamBatcher(ScheduledExecutorService timer, BiConsumer<String, String> send) {
        this.timer = timer;
        this.send = send;
    }

    synchronized void append(String name, String text) {
        if (text.isEmpty()) {
            return;
        }
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && last.name().equals(name)) {
            last.text().append(text);
        } else {
            segments.add(new Segment(name, new StringBuilder(text)));
        }
        pendingChars += text.length();
        if (pendingChars >= MAX_BATCH_CHARS) {
            flush();
        } else if (!scheduled) {
            scheduled = true;
            timer.schedule(this::flush, INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends everything collected so far; called before any other output of the request. */
    synchronized void flush() {
        scheduled = false;
        for (Segment segment : segments) {
            send.accept(segment.name(), segment.text().toString());
        }
        segments.clear();
        pendingChars = 0;
    }
}

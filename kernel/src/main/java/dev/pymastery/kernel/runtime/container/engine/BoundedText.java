package dev.pymastery.kernel.runtime.container.engine;

import java.nio.charset.StandardCharsets;

/** The last bytes a process wrote to a stream, for error messages. Thread-safe. */
final class BoundedText {
    private static final int LIMIT = 64 * 1024;
    private final StringBuilder text = new StringBuilder();

    synchronized void append(byte[] bytes) {
        append(new String(bytes, StandardCharsets.UTF_8));
    }

    synchronized void append(String more) {
        text.append(more);
        if (text.length() > LIMIT) {
            text.delete(0, text.length() - LIMIT);
        }
    }

    @Override
    public synchronized String toString() {
        return text.toString();
    }
}

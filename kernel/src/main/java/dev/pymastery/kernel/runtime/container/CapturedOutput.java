package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.cell.DiscardingOutput;
import dev.pymastery.kernel.runtime.TestRun;

/**
 * The output of a check's test: text that reaches the session's file descriptors (C code, child
 * processes) is kept, up to a limit, instead of going to the notebook; displays are dropped and
 * input is refused.
 */
final class CapturedOutput extends DiscardingOutput {
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void stream(String name, String chunk) {
        if (text.length() < TestRun.MAX_OUTPUT) {
            text.append(chunk, 0, Math.min(chunk.length(), TestRun.MAX_OUTPUT - text.length()));
        }
    }

    synchronized String text() {
        return text.toString();
    }
}

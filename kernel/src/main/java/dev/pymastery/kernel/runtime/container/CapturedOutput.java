package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.cell.StdinUnavailableException;
import dev.pymastery.kernel.runtime.TestRun;
import java.util.Optional;

/**
 * The output of a check's test: text that reaches the session's file descriptors (C code, child
 * processes) is kept, up to a limit, instead of going to the notebook; displays are dropped and
 * input is refused.
 */
final class CapturedOutput implements CellOutput {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void started(String code, int executionCount) {}

    @Override
    public synchronized void stream(String name, String chunk) {
        if (text.length() < TestRun.MAX_OUTPUT) {
            text.append(chunk, 0, Math.min(chunk.length(), TestRun.MAX_OUTPUT - text.length()));
        }
    }

    @Override
    public void display(MimeBundle bundle, Optional<String> displayId, boolean update) {}

    @Override
    public void clear(boolean wait) {}

    @Override
    public void result(int executionCount, MimeBundle bundle) {}

    @Override
    public void error(ErrorInfo error) {}

    @Override
    public String input(String prompt, boolean password) {
        throw new StdinUnavailableException();
    }

    synchronized String text() {
        return text.toString();
    }
}

package dev.pymastery.server.verify;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.MimeBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a replayed cell's output goes: nowhere but a note of its errors, for the reason a failed
 * verification gives. Input is refused (nobody is there to answer).
 */
final class ReplayOutput implements CellOutput {
    private final List<String> errors = new ArrayList<>();

    @Override
    public void started(String code, int executionCount) {}

    @Override
    public void stream(String name, String text) {}

    @Override
    public void display(MimeBundle bundle, Optional<String> displayId, boolean update) {}

    @Override
    public void clear(boolean wait) {}

    @Override
    public void result(int executionCount, MimeBundle bundle) {}

    @Override
    public synchronized void error(ErrorInfo error) {
        errors.add(error.ename() + ": " + error.evalue());
    }

    @Override
    public String input(String prompt, boolean password) {
        throw new dev.pymastery.kernel.cell.StdinUnavailableException();
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }
}

package dev.pymastery.server.verify;

import dev.pymastery.kernel.cell.DiscardingOutput;
import dev.pymastery.kernel.cell.ErrorInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a replayed cell's output goes: nowhere but a note of its errors, for the reason a failed
 * verification gives. Input is refused (nobody is there to answer).
 */
final class ReplayOutput extends DiscardingOutput {
    private final List<String> errors = new ArrayList<>();

    @Override
    public synchronized void error(ErrorInfo error) {
        errors.add(error.ename() + ": " + error.evalue());
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }
}

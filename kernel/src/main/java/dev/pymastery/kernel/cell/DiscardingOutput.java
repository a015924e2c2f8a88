package dev.pymastery.kernel.cell;

import java.util.Optional;

/**
 * A cell output nobody reads: everything sent to it is dropped and input is refused (nobody is
 * there to answer). Outputs that keep one part extend it (a check's captured text, a replayed
 * cell's errors); a benchmark uses it as it is.
 */
public class DiscardingOutput implements CellOutput {
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
    public void error(ErrorInfo error) {}

    @Override
    public String input(String prompt, boolean password) {
        throw new StdinUnavailableException();
    }
}

package dev.pymastery.kernel.runtime.graalpy;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.MimeBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A cell output that records what it is given; input answers from a queue. */
final class RecordingOutput implements CellOutput {
    final StringBuilder stdout = new StringBuilder();
    final StringBuilder stderr = new StringBuilder();
    final List<MimeBundle> displays = new ArrayList<>();
    final List<String> inputs = new ArrayList<>();

    @Override
    public void started(String code, int executionCount) {}

    @Override
    public synchronized void stream(String name, String text) {
        (name.equals("stdout") ? stdout : stderr).append(text);
    }

    @Override
    public synchronized void display(MimeBundle bundle, Optional<String> displayId, boolean update) {
        displays.add(bundle);
    }

    @Override
    public void clear(boolean wait) {}

    @Override
    public void result(int executionCount, MimeBundle bundle) {}

    @Override
    public void error(ErrorInfo error) {}

    @Override
    public String input(String prompt, boolean password) {
        return inputs.remove(0);
    }
}

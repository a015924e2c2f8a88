package dev.pymastery.kernel.cell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A cell output for tests: keeps what it is given, and answers input() from a list. */
public final class RecordingOutput implements CellOutput {
    public record Display(MimeBundle bundle, Optional<String> displayId, boolean update) {}

    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final List<Display> displays = new ArrayList<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();
    private final List<MimeBundle> results = new ArrayList<>();

    public RecordingOutput answering(String... lines) {
        answers.addAll(List.of(lines));
        return this;
    }

    @Override
    public void started(String code, int executionCount) {}

    @Override
    public synchronized void stream(String name, String text) {
        (name.equals("stderr") ? stderr : stdout).append(text);
    }

    @Override
    public synchronized void display(MimeBundle bundle, Optional<String> displayId, boolean update) {
        displays.add(new Display(bundle, displayId, update));
    }

    @Override
    public void clear(boolean wait) {}

    @Override
    public synchronized void result(int executionCount, MimeBundle bundle) {
        results.add(bundle);
    }

    @Override
    public void error(ErrorInfo error) {}

    @Override
    public synchronized String input(String prompt, boolean password) {
        prompts.add(prompt);
        if (answers.isEmpty()) {
            throw new StdinUnavailableException();
        }
        return answers.removeFirst();
    }

    public synchronized String stdout() {
        return stdout.toString();
    }

    public synchronized String stderr() {
        return stderr.toString();
    }

    public synchronized List<Display> displays() {
        return List.copyOf(displays);
    }

    /** The cells' values (execute_result), in order. */
    public synchronized List<MimeBundle> results() {
        return List.copyOf(results);
    }

    public synchronized List<String> prompts() {
        return List.copyOf(prompts);
    }
}

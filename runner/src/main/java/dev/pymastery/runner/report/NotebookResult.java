package dev.pymastery.runner.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One notebook's results.
 *
 * @param notebook the path as given to the runner
 * @param kernel the kernelspec it ran with, when one was found
 * @param problem what kept the notebook from running at all (unreadable, no kernelspec)
 */
public record NotebookResult(
        Path notebook, Optional<String> kernel, List<CellResult> cells, Optional<String> problem, Duration duration) {

    public NotebookResult {
        cells = List.copyOf(cells);
    }

    public static NotebookResult unusable(Path notebook, String problem) {
        return new NotebookResult(notebook, Optional.empty(), List.of(), Optional.of(problem), Duration.ZERO);
    }

    public boolean ok() {
        return problem.isEmpty()
                && cells.stream().allMatch(cell -> cell.verdict().ok());
    }

    public long count(Class<? extends CellVerdict> kind) {
        return cells.stream().filter(cell -> kind.isInstance(cell.verdict())).count();
    }

    public long failures() {
        return cells.stream().filter(cell -> !cell.verdict().ok()).count();
    }
}

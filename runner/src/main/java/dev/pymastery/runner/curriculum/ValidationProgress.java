package dev.pymastery.runner.curriculum;

import dev.pymastery.runner.report.CellResult;
import dev.pymastery.runner.report.RunEvent;
import dev.pymastery.runner.report.RunListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What validate prints while it runs, before its final tables: each notebook as it starts and ends
 * (the instructor's solution, or the learner version released below the work folder) and each
 * {@code %check} cell's outcome as it comes, with the seconds since the start; {@code --verbose}
 * adds every other cell. Lines of notebooks run side by side ({@code -j}) interleave, each naming its
 * notebook. Thread-safe: the runner calls it from the notebook threads.
 */
final class ValidationProgress implements RunListener {
    private final PrintStream out;
    private final Path curriculum;
    private final Path workDir;
    private final boolean verbose;
    private final long start = System.nanoTime();

    ValidationProgress(PrintStream out, Path curriculum, Path workDir, boolean verbose) {
        this.out = out;
        this.curriculum = curriculum.toAbsolutePath().normalize();
        this.workDir = workDir.toAbsolutePath().normalize();
        this.verbose = verbose;
    }

    @Override
    public void on(RunEvent event) {
        switch (event) {
            case RunEvent.NotebookStarted started ->
                line(label(started.notebook()) + ": started (kernel " + started.kernel() + ")");
            case RunEvent.CellFinished finished -> cell(finished.notebook(), finished.result());
            case RunEvent.NotebookFinished finished ->
                line(label(finished.result().notebook()) + ": "
                        + finished.result()
                                .problem()
                                .map(p -> "did not run: " + p)
                                .orElse("done")
                        + String.format(
                                Locale.ROOT,
                                " in %.1f s",
                                finished.result().duration().toMillis() / 1000.0));
            case RunEvent.NotebookWritten written -> {}
            case RunEvent.UpdateSkipped skipped -> {}
        }
    }

    private void cell(Path notebook, CellResult result) {
        Optional<CheckCell> check = CheckCell.of(result.cell());
        if (check.isPresent()) {
            line("  " + label(notebook) + ": %check "
                    + String.join(" ", check.get().ids()) + " "
                    + CheckOutcome.of(result).describe());
        } else if (verbose) {
            line("  " + label(notebook) + ": " + result.cell().label() + " "
                    + result.verdict().summary());
        }
    }

    /** "month1/week01-x.ipynb (solution)" or "month1/week01-x.ipynb (learner version)". */
    String label(Path notebook) {
        Path path = notebook.toAbsolutePath().normalize();
        if (path.startsWith(workDir)) {
            return workDir.relativize(path) + " (learner version)";
        }
        return (path.startsWith(curriculum) ? curriculum.relativize(path) : path) + " (solution)";
    }

    private synchronized void line(String text) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, text);
        out.flush();
    }
}

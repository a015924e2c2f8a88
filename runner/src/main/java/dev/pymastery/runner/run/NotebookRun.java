package dev.pymastery.runner.run;

import dev.pymastery.runner.client.CellRun;
import dev.pymastery.runner.client.KernelLauncher;
import dev.pymastery.runner.client.KernelSession;
import dev.pymastery.runner.client.KernelSpec;
import dev.pymastery.runner.client.KernelSpecs;
import dev.pymastery.runner.client.KernelStartException;
import dev.pymastery.runner.compare.Markers;
import dev.pymastery.runner.compare.OutputComparison;
import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.notebook.Notebook;
import dev.pymastery.runner.notebook.NotebookFiles;
import dev.pymastery.runner.notebook.NotebookFormatException;
import dev.pymastery.runner.report.CellResult;
import dev.pymastery.runner.report.CellVerdict;
import dev.pymastery.runner.report.NotebookResult;
import dev.pymastery.runner.report.RunEvent;
import dev.pymastery.runner.report.RunListener;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Runs one notebook: reads it, starts the kernel its metadata names (or the override), runs the
 * code cells in order and judges each, shuts the kernel down, then writes the executed copy or the
 * update. A kernel that dies or never starts fails the cells it could not run and the notebook
 * ends there; nothing here stops the run as a whole. Thread-safe: every call has its own kernel.
 * Outputs are compared by the comparison {@code comparisons} gives for the notebook's path.
 */
public final class NotebookRun {
    private final NotebookFiles files;
    private final KernelSpecs kernelSpecs;
    private final KernelLauncher launcher;
    private final RunOptions options;
    private final Function<Path, OutputComparison> comparisons;
    private final RunListener listener;

    public NotebookRun(
            NotebookFiles files,
            KernelSpecs kernelSpecs,
            KernelLauncher launcher,
            RunOptions options,
            Function<Path, OutputComparison> comparisons,
            RunListener listener) {
        this.files = files;
        this.kernelSpecs = kernelSpecs;
        this.launcher = launcher;
        this.options = options;
        this.comparisons = comparisons;
        this.listener = listener;
    }

    public NotebookResult run(Path path) {
        long started = System.nanoTime();
        NotebookResult result;
        try {
            result = execute(path, started);
        } catch (NotebookFormatException | UncheckedIOException | IllegalStateException e) {
            result = NotebookResult.unusable(path, e.getMessage());
        } catch (RuntimeException e) {
            // A fault of the runner itself fails this notebook; the others still run.
            result = NotebookResult.unusable(path, "the runner failed on this notebook: " + e);
        }
        listener.on(new RunEvent.NotebookFinished(result));
        return result;
    }

    private NotebookResult execute(Path path, long started) {
        Notebook notebook = files.read(path);
        Optional<String> kernelName = options.kernel().or(notebook::kernelName);
        if (kernelName.isEmpty()) {
            return NotebookResult.unusable(
                    path, "the notebook names no kernel (metadata.kernelspec.name); choose one with --kernel NAME");
        }
        Optional<KernelSpec> spec = kernelSpecs.find(kernelName.get());
        if (spec.isEmpty()) {
            return NotebookResult.unusable(
                    path,
                    "no kernelspec named '" + kernelName.get() + "' (found: "
                            + String.join(", ", kernelSpecs.names()) + "; searched " + kernelSpecs.searched()
                            + "); install it or choose another with --kernel NAME");
        }
        listener.on(new RunEvent.NotebookStarted(path, spec.get().name()));
        CellJudge judge = new CellJudge(comparisons.apply(path), options.lax(), options.update());
        List<CellResult> results = runCells(path, notebook.codeCells(), spec.get(), judge);
        NotebookResult result = new NotebookResult(
                path, kernelName, results, Optional.empty(), Duration.ofNanos(System.nanoTime() - started));
        return write(notebook, result);
    }

    private List<CellResult> runCells(Path path, List<CodeCell> cells, KernelSpec spec, CellJudge judge) {
        List<CellResult> results = new ArrayList<>();
        Path folder = path.toAbsolutePath().getParent();
        try (KernelSession session = launcher.start(spec, folder, options.timeouts())) {
            String diedIn = null;
            for (CodeCell cell : cells) {
                CellResult result = diedIn == null
                        ? runCell(session, cell, judge)
                        : notRun(cell, "Not run: the kernel died in " + diedIn + " and the cells after it fail.");
                if (diedIn == null && session.lost().isPresent()) {
                    diedIn = cell.label();
                }
                results.add(result);
                listener.on(new RunEvent.CellFinished(path, result));
            }
        } catch (KernelStartException e) {
            for (CodeCell cell : cells.subList(results.size(), cells.size())) {
                CellResult result = notRun(cell, "Not run: " + e.getMessage());
                results.add(result);
                listener.on(new RunEvent.CellFinished(path, result));
            }
        }
        return results;
    }

    private CellResult runCell(KernelSession session, CodeCell cell, CellJudge judge) {
        Markers markers = Markers.of(cell.tags(), cell.source());
        if (markers.skip()) {
            return CellResult.notRun(cell, new CellVerdict.Skipped("NBVAL_SKIP"));
        }
        long started = System.nanoTime();
        CellRun run;
        try {
            run = session.execute(cell.source(), cell.id(), options.timeouts());
        } catch (RuntimeException e) {
            // A fault in the runner's own plumbing fails this cell, not the whole run.
            run = new CellRun.KernelDied(List.of(), "the runner lost its connection to the kernel: " + e);
        }
        return new CellResult(
                cell,
                judge.judge(cell, markers, run),
                Optional.of(run.outputs()),
                run instanceof CellRun.Completed completed ? completed.executionCount() : OptionalInt.empty(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static CellResult notRun(CodeCell cell, String why) {
        Markers markers = Markers.of(cell.tags(), cell.source());
        return CellResult.notRun(
                cell, markers.skip() ? new CellVerdict.Skipped("NBVAL_SKIP") : new CellVerdict.KernelLost(why));
    }

    /** Writes the executed copy and the update; a refused update turns "updated" back into failures. */
    private NotebookResult write(Notebook notebook, NotebookResult result) {
        if (options.keepExecuted().isEmpty() && !options.update()) {
            return result;
        }
        var executed = ExecutedNotebook.of(notebook, result.cells());
        options.keepExecuted().ifPresent(dir -> {
            Path target = dir.resolve(relative(notebook.path()));
            files.write(target, executed);
            listener.on(new RunEvent.NotebookWritten(notebook.path(), target, false));
        });
        if (!options.update()) {
            return result;
        }
        Optional<CellResult> broken =
                result.cells().stream().filter(cell -> !cell.verdict().ok()).findFirst();
        if (broken.isEmpty()) {
            files.write(notebook.path(), executed);
            listener.on(new RunEvent.NotebookWritten(notebook.path(), notebook.path(), true));
            return result;
        }
        listener.on(new RunEvent.UpdateSkipped(
                notebook.path(),
                broken.get().cell().label() + " " + broken.get().verdict().summary()));
        List<CellResult> unchanged = result.cells().stream()
                .map(cell -> cell.verdict() instanceof CellVerdict.Updated updated
                        ? new CellResult(
                                cell.cell(),
                                new CellVerdict.OutputsDiffer(updated.difference()),
                                cell.fresh(),
                                cell.executionCount(),
                                cell.duration())
                        : cell)
                .toList();
        return new NotebookResult(result.notebook(), result.kernel(), unchanged, result.problem(), result.duration());
    }

    /** The notebook's path below {@code base}, or below the file system root when outside it. */
    private Path relative(Path notebook) {
        Path absolute = notebook.toAbsolutePath().normalize();
        Path base = options.base().toAbsolutePath().normalize();
        return absolute.startsWith(base)
                ? base.relativize(absolute)
                : absolute.getRoot().relativize(absolute);
    }
}

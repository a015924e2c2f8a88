package dev.pymastery.runner.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The human report: one line per notebook when it finishes (so parallel notebooks do not
 * interleave), then each failing cell with notebook path, cell number and id, its source and a diff
 * or traceback; a summary at the end. With {@code verbose}, one line per cell as well.
 */
public final class ConsoleReport implements RunListener {
    private final PrintStream out;
    private final boolean verbose;

    public ConsoleReport(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public synchronized void on(RunEvent event) {
        switch (event) {
            case RunEvent.NotebookStarted started -> {
                if (verbose) {
                    out.println("RUN  " + started.notebook() + " (kernel " + started.kernel() + ")");
                }
            }
            case RunEvent.CellFinished cell -> {
                if (verbose) {
                    out.println("     " + cell.notebook() + " "
                            + cell.result().cell().label() + ": "
                            + cell.result().verdict().summary() + " ("
                            + seconds(cell.result().duration()) + ")");
                }
            }
            case RunEvent.NotebookFinished finished -> notebook(finished.result());
            case RunEvent.NotebookWritten written ->
                out.println((written.updatedInPlace() ? "     updated " : "     executed copy ") + written.file());
            case RunEvent.UpdateSkipped skipped ->
                out.println("     not updated " + skipped.notebook() + ": " + skipped.reason());
        }
        out.flush();
    }

    private void notebook(NotebookResult result) {
        if (result.problem().isPresent()) {
            out.println("FAIL " + result.notebook() + ": " + result.problem().get());
            return;
        }
        out.println((result.ok() ? "PASS " : "FAIL ") + result.notebook() + "  " + counts(result) + " in "
                + seconds(result.duration()));
        for (CellResult cell : result.cells()) {
            CellVerdict verdict = cell.verdict();
            if (!verdict.ok()) {
                out.println("  [FAIL] " + result.notebook() + " " + cell.cell().label() + ": " + verdict.summary());
                out.print(CellReports.source(cell.cell()));
                out.print(CellReports.details(verdict));
            } else if (verdict instanceof CellVerdict.Updated updated) {
                out.println(
                        "  [UPDATED] " + result.notebook() + " " + cell.cell().label());
                out.print(updated.difference());
            }
        }
    }

    /** The closing line: notebooks and cells by verdict, and the wall time. */
    public void summary(List<NotebookResult> results, Duration wall) {
        long cells = results.stream().mapToLong(r -> r.cells().size()).sum();
        long failed = results.stream().mapToLong(NotebookResult::failures).sum()
                + results.stream().filter(r -> r.problem().isPresent()).count();
        long skipped = results.stream()
                .mapToLong(r -> r.count(CellVerdict.Skipped.class))
                .sum();
        long updated = results.stream()
                .mapToLong(r -> r.count(CellVerdict.Updated.class))
                .sum();
        long passed = results.stream()
                .mapToLong(r -> r.count(CellVerdict.Passed.class))
                .sum();
        long badNotebooks = results.stream().filter(r -> !r.ok()).count();
        out.println("nbval: " + results.size() + " notebook(s), " + cells + " code cell(s): " + passed
                + " passed, " + failed + " failed, " + skipped + " skipped"
                + (updated > 0 ? ", " + updated + " updated" : "") + " in " + seconds(wall)
                + (badNotebooks > 0 ? " (" + badNotebooks + " notebook(s) failing)" : ""));
        out.flush();
    }

    private static String counts(NotebookResult result) {
        long skipped = result.count(CellVerdict.Skipped.class);
        long updated = result.count(CellVerdict.Updated.class);
        long failed = result.failures();
        long passed = result.count(CellVerdict.Passed.class);
        return result.cells().size() + " code cells (" + passed + " passed"
                + (failed > 0 ? ", " + failed + " failed" : "")
                + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + (updated > 0 ? ", " + updated + " updated" : "") + ")";
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}

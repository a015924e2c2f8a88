package dev.pymastery.runner.curriculum;

import java.io.PrintStream;
import java.util.List;

/** Prints validate's findings: a table per notebook (check id | solution | stub), then a summary. */
final class ValidationReport {
    private final PrintStream out;

    ValidationReport(PrintStream out) {
        this.out = out;
    }

    void notebook(NotebookValidation result) {
        out.println((result.ok() ? "OK   " : "FAIL ") + result.notebook());
        if (result.rows().isEmpty() && result.problems().isEmpty()) {
            out.println("  no %check cells and no checks file: nothing to prove");
        }
        if (!result.rows().isEmpty()) {
            int width = Math.max(
                    "check".length(),
                    result.rows().stream()
                            .mapToInt(row -> row.checkId().length())
                            .max()
                            .orElse(0));
            int outcomeWidth = Math.max(
                    "solution".length(),
                    result.rows().stream()
                            .mapToInt(row -> Math.max(
                                    row.solution().describe().length(),
                                    row.stub().describe().length()))
                            .max()
                            .orElse(0));
            String format = "  %-" + width + "s  %-" + outcomeWidth + "s  %-" + outcomeWidth + "s  %s%n";
            out.printf(format, "check", "solution", "stub", "");
            for (CheckRow row : result.rows()) {
                out.printf(
                        format,
                        row.checkId(),
                        row.solution().describe(),
                        row.stub().describe(),
                        row.proven() ? "ok" : "<-- NOT PROVEN");
            }
        }
        for (CheckRow row : result.rows()) {
            if (!row.proven()) {
                out.println("  - " + row.problem());
            }
        }
        result.problems().forEach(problem -> out.println("  - " + problem));
        out.flush();
    }

    void summary(List<NotebookValidation> results) {
        long checks = results.stream().mapToLong(r -> r.rows().size()).sum();
        long proven = results.stream()
                .flatMap(r -> r.rows().stream())
                .filter(CheckRow::proven)
                .count();
        long failing = results.stream().filter(r -> !r.ok()).count();
        out.println("validate: " + results.size() + " notebook(s), " + checks + " check(s), " + proven
                + " pass on the solution and fail on the stub"
                + (failing > 0 ? "; " + failing + " notebook(s) with problems" : ""));
        out.flush();
    }
}

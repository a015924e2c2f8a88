package dev.pymastery.runner.curriculum;

import java.nio.file.Path;
import java.util.List;

/**
 * What validate found for one notebook: a row per {@code %check} cell and the problems that are
 * not about one check (a check file out of step with the cells, a solution cell that raises, a
 * release that failed).
 */
public record NotebookValidation(Path notebook, List<CheckRow> rows, List<String> problems) {

    public NotebookValidation {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty() && rows.stream().allMatch(CheckRow::proven);
    }
}

package dev.pymastery.runner;

import dev.pymastery.runner.report.NotebookResult;
import java.time.Duration;
import java.util.List;

/** What a whole run found. */
public record RunSummary(List<NotebookResult> notebooks, Duration wall) {

    public RunSummary {
        notebooks = List.copyOf(notebooks);
    }

    /** 0 when every notebook ran and every cell passed (or was skipped), 1 otherwise. */
    public int exitCode() {
        return notebooks.stream().allMatch(NotebookResult::ok) ? 0 : 1;
    }
}

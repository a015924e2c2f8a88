package dev.pymastery.runner.report;

import dev.pymastery.runner.notebook.CodeCell;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.node.ObjectNode;

/**
 * One code cell's result.
 *
 * @param fresh the outputs of this run; empty when the cell did not run
 * @param executionCount the fresh execution count, if the cell ran
 */
public record CellResult(
        CodeCell cell,
        CellVerdict verdict,
        Optional<List<ObjectNode>> fresh,
        OptionalInt executionCount,
        Duration duration) {

    public CellResult {
        fresh = fresh.map(List::copyOf);
    }

    public static CellResult notRun(CodeCell cell, CellVerdict verdict) {
        return new CellResult(cell, verdict, Optional.empty(), OptionalInt.empty(), Duration.ZERO);
    }
}

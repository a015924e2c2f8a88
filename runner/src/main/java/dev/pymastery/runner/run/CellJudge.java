package dev.pymastery.runner.run;

import dev.pymastery.runner.client.CellRun;
import dev.pymastery.runner.compare.Markers;
import dev.pymastery.runner.compare.OutputComparison;
import dev.pymastery.runner.compare.OutputDifference;
import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.report.CellVerdict;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * nbval's rules for a cell that ran: an error fails the cell unless it is marked
 * NBVAL_RAISES_EXCEPTION; outputs are compared unless the cell says NBVAL_IGNORE_OUTPUT, or the run
 * is lax and the cell does not say NBVAL_CHECK_OUTPUT; a cell stored without an execution count
 * has nothing to compare, and must then have no stored outputs either.
 */
final class CellJudge {
    private final OutputComparison comparison;
    private final boolean lax;
    private final boolean update;

    CellJudge(OutputComparison comparison, boolean lax, boolean update) {
        this.comparison = comparison;
        this.lax = lax;
        this.update = update;
    }

    CellVerdict judge(CodeCell cell, Markers markers, CellRun run) {
        return switch (run) {
            case CellRun.KernelDied died ->
                new CellVerdict.KernelLost("The kernel died while this cell ran: " + died.reason());
            case CellRun.TimedOut timedOut -> new CellVerdict.TimedOut(timedOut.message());
            case CellRun.Completed completed -> completed(cell, markers, completed);
        };
    }

    private CellVerdict completed(CodeCell cell, Markers markers, CellRun.Completed run) {
        Optional<ObjectNode> error = run.outputs().stream()
                .filter(output -> output.path("output_type").asString("").equals("error"))
                .findFirst();
        if (!markers.raisesException()) {
            if (error.isPresent()) {
                ObjectNode e = error.get();
                return new CellVerdict.Raised(
                        e.path("ename").asString(""), e.path("evalue").asString(""), lines(e.path("traceback")));
            }
            if (!run.status().equals("ok")) {
                return new CellVerdict.Raised(
                        "KernelReply", "the kernel replied '" + run.status() + "' without an error output", List.of());
            }
        }
        if (cell.executionCount().isEmpty()) {
            if (!cell.outputs().isEmpty() && !update) {
                return new CellVerdict.OutputsDiffer("    the notebook stores outputs for this cell but no execution"
                        + " count (saved from a cell that never ran?); run with --update to store fresh outputs\n");
            }
            return new CellVerdict.Passed();
        }
        if (!markers.checkOutput().orElse(!lax)) {
            return new CellVerdict.Passed();
        }
        Optional<OutputDifference> difference = comparison.compare(cell.outputs(), run.outputs());
        if (difference.isEmpty()) {
            return new CellVerdict.Passed();
        }
        String described = difference.get().describe();
        return update ? new CellVerdict.Updated(described) : new CellVerdict.OutputsDiffer(described);
    }

    private static List<String> lines(JsonNode traceback) {
        return traceback.valueStream().map(line -> line.asString("")).toList();
    }
}

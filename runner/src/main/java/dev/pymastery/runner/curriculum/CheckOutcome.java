package dev.pymastery.runner.curriculum;

import dev.pymastery.runner.report.CellResult;
import dev.pymastery.runner.report.CellVerdict;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** How one {@code %check} cell ended in one run, as validate reads it. */
public sealed interface CheckOutcome {
    /** The error name the kernel's {@code %check} gives a check that does not pass. */
    String CHECK_FAILED = "CheckFailed";

    /** The cell ran without an error: the check passed. */
    record Passed() implements CheckOutcome {}

    /** The check ran and did not pass (error {@code CheckFailed}). */
    record Failed(String message) implements CheckOutcome {}

    /** The cell raised something else: an unknown check, a broken magic, a missing kernel feature. */
    record Raised(String ename, String evalue) implements CheckOutcome {}

    /** The cell did not run to an answer: skipped, timed out, kernel died, cell missing. */
    record NotRun(String reason) implements CheckOutcome {}

    static CheckOutcome of(CellResult result) {
        return switch (result.verdict()) {
            case CellVerdict.Skipped s -> new NotRun("skipped (" + s.reason() + ")");
            case CellVerdict.TimedOut t -> new NotRun(t.summary());
            case CellVerdict.KernelLost k -> new NotRun(k.summary());
            case CellVerdict.Raised r -> raised(r.ename(), r.evalue());
            // the cell's own markers (NBVAL_RAISES_EXCEPTION) do not decide a check: its outputs do
            case CellVerdict.Passed p -> fromOutputs(result);
            case CellVerdict.Updated u -> fromOutputs(result);
            case CellVerdict.OutputsDiffer d -> fromOutputs(result);
        };
    }

    private static CheckOutcome fromOutputs(CellResult result) {
        Optional<ObjectNode> error = result.fresh().orElse(java.util.List.of()).stream()
                .filter(output -> output.path("output_type").asString("").equals("error"))
                .findFirst();
        return error.map(e ->
                        raised(e.path("ename").asString(""), e.path("evalue").asString("")))
                .orElseGet(Passed::new);
    }

    private static CheckOutcome raised(String ename, String evalue) {
        return ename.equals(CHECK_FAILED) ? new Failed(evalue) : new Raised(ename, evalue);
    }

    /** "passed", "failed", "raised NameError", "not run: ...": the table's words. */
    default String describe() {
        return switch (this) {
            case Passed p -> "passed";
            case Failed f -> "failed";
            case Raised r -> "raised " + r.ename();
            case NotRun n -> "not run";
        };
    }

    /** The detail behind {@link #describe()}, for the lines under the table; empty when none. */
    default String detail() {
        return switch (this) {
            case Passed p -> "";
            case Failed f -> f.message();
            case Raised r -> r.evalue();
            case NotRun n -> n.reason();
        };
    }
}

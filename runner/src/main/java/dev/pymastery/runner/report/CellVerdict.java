package dev.pymastery.runner.report;

import java.util.List;

/** The verdict on one code cell. */
public sealed interface CellVerdict {

    /** Ran without an unexpected error and, where compared, produced the stored outputs. */
    record Passed() implements CellVerdict {}

    /** Ran well; its outputs differed and {@code --update} stored the fresh ones. */
    record Updated(String difference) implements CellVerdict {}

    /** Not run: NBVAL_SKIP. */
    record Skipped(String reason) implements CellVerdict {}

    /** Ran, but its outputs differ from the stored ones. */
    record OutputsDiffer(String difference) implements CellVerdict {}

    /** Raised an error (a failing {@code %check} included) without NBVAL_RAISES_EXCEPTION. */
    record Raised(String ename, String evalue, List<String> traceback) implements CellVerdict {
        public Raised {
            traceback = List.copyOf(traceback);
        }
    }

    /** A timeout struck; the message says which one and what became of the kernel. */
    record TimedOut(String message) implements CellVerdict {}

    /** The kernel died or never started, during or before this cell. */
    record KernelLost(String message) implements CellVerdict {}

    /** Whether the cell counts as passing (passed, updated or skipped). */
    default boolean ok() {
        return switch (this) {
            case Passed p -> true;
            case Updated u -> true;
            case Skipped s -> true;
            case OutputsDiffer d -> false;
            case Raised r -> false;
            case TimedOut t -> false;
            case KernelLost k -> false;
        };
    }

    /** A one-line summary, e.g. "raised ZeroDivisionError: division by zero". */
    default String summary() {
        return switch (this) {
            case Passed p -> "passed";
            case Updated u -> "outputs updated";
            case Skipped s -> "skipped (" + s.reason() + ")";
            case OutputsDiffer d -> "outputs differ";
            case Raised r -> "raised " + r.ename() + (r.evalue().isEmpty() ? "" : ": " + r.evalue());
            case TimedOut t -> t.message().lines().findFirst().orElse("timed out");
            case KernelLost k -> k.message().lines().findFirst().orElse("kernel lost");
        };
    }
}

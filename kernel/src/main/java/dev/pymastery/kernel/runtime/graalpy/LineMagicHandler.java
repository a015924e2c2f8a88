package dev.pymastery.kernel.runtime.graalpy;

import dev.pymastery.kernel.runtime.GuestValue;
import java.util.List;

/**
 * Runs the line magics a GraalPy cell contains ({@code %time f()}, {@code x = %pwd}); the kernel's
 * magic registry implements it. Called on the GraalPy thread, in the middle of the cell.
 */
public interface LineMagicHandler {
    Outcome run(String name, String args);

    /** Names of the known magics of one kind, for completion. */
    List<String> names(boolean cellMagics);

    /** What a line magic gives back to the Python expression it stands in. */
    sealed interface Outcome {
        record Value(GuestValue value) implements Outcome {}

        record Text(String text) implements Outcome {}

        record None() implements Outcome {}

        /** Raised in the cell as {@code UsageError(message)}. */
        record Failed(String message) implements Outcome {}

        /** Raised in the cell as {@code exception(message)}. */
        record Raised(CellException exception, String message) implements Outcome {}
    }

    /** Exceptions other than UsageError a line magic may raise in its cell. */
    enum CellException {
        /** A lab check did not pass ({@code %check}): the cell fails, so a notebook run stops there. */
        CheckFailed,
        /** The magic was interrupted. */
        KeyboardInterrupt
    }
}

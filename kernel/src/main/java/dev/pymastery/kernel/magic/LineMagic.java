package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.runtime.GuestValue;

/**
 * A magic that stands in a line of a Python cell: {@code %name args}. Its outcome is the value of
 * that expression in the cell; a Python exception it triggers propagates into the cell.
 */
public interface LineMagic {
    String name();

    /** One line: usage and what it does, as {@code %lsmagic} and errors show it. */
    String help();

    Outcome run(String args, MagicContext context);

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

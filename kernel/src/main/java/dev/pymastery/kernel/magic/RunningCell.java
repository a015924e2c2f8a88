package dev.pymastery.kernel.magic;

import java.util.Optional;

/**
 * The cell a session is running, as its magics see it: the interpreter enters each cell here, and
 * {@link RegistryLineMagics} hands it to the line magics the shell meets in that cell.
 */
public final class RunningCell {
    private volatile MagicContext current;

    /** From now on line magics run in {@code cell}. */
    public void enter(MagicContext cell) {
        current = cell;
    }

    /** The cell running, or the last one; empty before the session's first cell. */
    public Optional<MagicContext> current() {
        return Optional.ofNullable(current);
    }
}

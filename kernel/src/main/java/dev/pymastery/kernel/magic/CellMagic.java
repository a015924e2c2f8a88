package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.runtime.CellResult;

/** A magic that owns a whole cell: {@code %%name args} on the first line, the body below. */
public interface CellMagic {
    String name();

    /** One line: usage and what it does. */
    String help();

    /** Runs the cell; outputs go to the context's output as they happen. */
    CellResult run(String args, String body, MagicContext context);
}

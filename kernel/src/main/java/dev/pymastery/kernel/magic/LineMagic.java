package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.runtime.graalpy.LineMagicHandler.Outcome;

/**
 * A magic that stands in a line of a Python cell: {@code %name args}. Its outcome is the value of
 * that expression in the cell; a Python exception it triggers propagates into the cell.
 */
public interface LineMagic {
    String name();

    /** One line: usage and what it does, as {@code %lsmagic} and errors show it. */
    String help();

    Outcome run(String args, MagicContext context);
}

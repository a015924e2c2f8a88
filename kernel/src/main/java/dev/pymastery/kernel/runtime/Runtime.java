package dev.pymastery.kernel.runtime;

import dev.pymastery.kernel.cell.CellOutput;

/**
 * A place where cells run and keep their state: GraalPy inside this JVM, or a CPython in a
 * container. A runtime owns its lifecycle and streams output while a cell runs.
 */
public interface Runtime extends AutoCloseable {
    /** The name magics use, e.g. {@code graalpy}, {@code stock}. */
    String name();

    /** Runs a cell; blocks until it ends. Guest errors come back as {@link CellResult.Failed}. */
    CellResult run(Cell cell, CellOutput output);

    /** Stops the running cell with KeyboardInterrupt; does nothing when idle. Any thread. */
    void interrupt();

    @Override
    void close();
}

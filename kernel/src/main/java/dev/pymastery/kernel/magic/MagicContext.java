package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.runtime.Cell;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.PythonShell;
import dev.pymastery.kernel.runtime.Runtime;
import java.util.function.Supplier;

/**
 * What a magic may use while it runs: the cell's output, the learner's Python shell, the registry, and
 * a way to name code it runs as part of the current cell.
 */
public interface MagicContext {
    CellOutput output();

    PythonShell python();

    MagicRegistry registry();

    /** The current cell with other code (a cell magic's body), keeping its name and number. */
    Cell cell(String code);

    /**
     * Runs a cell in another runtime (a container's CPython): outputs go to this cell, and an
     * interrupt of the kernel reaches that runtime while it runs.
     */
    CellResult runIn(Runtime runtime, Cell cell);

    /**
     * Does {@code work} (which runs code in {@code target}) so that an interrupt of the kernel
     * reaches {@code target} while it runs, as {@link #runIn} does for a cell.
     */
    <T> T interruptible(Runtime target, Supplier<T> work);

    /** This session's stored cells, oldest first (the running cell is not among them yet). */
    java.util.List<StoredCell> history();

    /** The cells this session ran, the running one last, with their cell ids where the client gave them. */
    java.util.List<RanCell> ranCells();

    /** Prints to the cell's stdout. */
    default void print(String text) {
        output().stream("stdout", text.endsWith("\n") ? text : text + "\n");
    }
}

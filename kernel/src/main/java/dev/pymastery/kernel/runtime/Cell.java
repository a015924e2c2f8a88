package dev.pymastery.kernel.runtime;

/**
 * Code to run as one cell.
 *
 * @param name the file name tracebacks show, e.g. {@code <cell 3>}; unique per execution
 * @param executionCount the cell's number ({@code In[n]})
 * @param storeHistory whether the cell counts for {@code In}, {@code Out} and {@code _}
 */
public record Cell(String code, String name, int executionCount, boolean storeHistory) {
    public Cell {
        if (name.isBlank()) {
            throw new IllegalArgumentException("a cell needs a name");
        }
    }
}

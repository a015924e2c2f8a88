package dev.pymastery.kernel.cell;

/** The client sent the cell with {@code allow_stdin: false}, so {@code input()} cannot ask. */
public final class StdinUnavailableException extends RuntimeException {
    public StdinUnavailableException() {
        super("input() was called, but this front end does not support input requests"
                + " (the request had allow_stdin=false). Run the cell from a notebook or console"
                + " that can answer prompts, or pass the value in code.");
    }
}

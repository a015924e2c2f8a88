package dev.pymastery.kernel.cell;

/** The kernel was interrupted while {@code input()} waited for the user. */
public final class InputInterruptedException extends RuntimeException {
    public InputInterruptedException() {
        super("interrupted while waiting for input");
    }
}

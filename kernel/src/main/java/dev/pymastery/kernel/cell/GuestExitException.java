package dev.pymastery.kernel.cell;

/**
 * The guest ended its process ({@code os._exit(status)}): the cell has no result and the kernel
 * process must end with {@code status}, as a Python process would.
 */
public final class GuestExitException extends RuntimeException {
    private final int status;

    public GuestExitException(int status) {
        super("the cell ended the process with os._exit(" + status + ")");
        this.status = status;
    }

    public int status() {
        return status;
    }
}

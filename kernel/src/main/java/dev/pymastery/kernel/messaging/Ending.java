package dev.pymastery.kernel.messaging;

/** Why a kernel stopped serving. */
public enum Ending {
    /** A client sent shutdown_request. */
    SHUTDOWN,
    /** A client sent shutdown_request with restart: true. */
    RESTART,
    /** The process was told to stop from outside (its launcher died or sent TERM). */
    STOPPED,
    /**
     * The cell's code ended the process ({@code os._exit}): no reply is sent, the process exits with
     * the code's status, and Jupyter sees the kernel die and restarts it, as with a Python kernel.
     */
    EXITED;

    /** Whether the session ended as Jupyter asked (so the process is in a known state). */
    public boolean requested() {
        return this == SHUTDOWN || this == RESTART;
    }
}

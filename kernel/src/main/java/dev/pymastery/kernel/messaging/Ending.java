package dev.pymastery.kernel.messaging;

/** Why a kernel stopped serving. */
public enum Ending {
    /** A client sent shutdown_request. */
    SHUTDOWN,
    /** A client sent shutdown_request with restart: true. */
    RESTART,
    /** The process was told to stop from outside (its launcher died or sent TERM). */
    STOPPED;

    /** Whether the session ended as Jupyter asked (so the process is in a known state). */
    public boolean requested() {
        return this != STOPPED;
    }
}

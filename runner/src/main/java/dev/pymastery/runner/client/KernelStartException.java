package dev.pymastery.runner.client;

/** A kernel that could not be started or did not become ready. */
public final class KernelStartException extends RuntimeException {
    private final boolean portConflict;

    KernelStartException(String message, boolean portConflict) {
        super(message);
        this.portConflict = portConflict;
    }

    /** Whether the kernel failed because one of its ports was taken (worth a retry with new ports). */
    boolean portConflict() {
        return portConflict;
    }
}

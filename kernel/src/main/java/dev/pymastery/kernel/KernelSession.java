package dev.pymastery.kernel;

import dev.pymastery.kernel.check.LabChecks;
import dev.pymastery.kernel.messaging.Ending;
import dev.pymastery.kernel.messaging.JupyterKernel;
import dev.pymastery.kernel.runtime.container.CPythonRuntimes;
import java.util.concurrent.CompletableFuture;

/**
 * One Jupyter connection served by a kernel process: the protocol, and the CPython runtimes the
 * session started (their containers go when the session ends).
 */
public final class KernelSession {
    private final JupyterKernel kernel;
    private final CPythonRuntimes cpython;
    private final LabChecks checks;

    KernelSession(JupyterKernel kernel, CPythonRuntimes cpython, LabChecks checks) {
        this.kernel = kernel;
        this.cpython = cpython;
        this.checks = checks;
    }

    /** Completes when the session should end: a client asked, or {@link #stop()} was called. */
    public CompletableFuture<Ending> ended() {
        return kernel.ended();
    }

    /** The status the process exits with (the cell's {@code os._exit} status after {@link Ending#EXITED}, else 0). */
    public int exitStatus() {
        return kernel.exitStatus();
    }

    /** Interrupts the running cell (a SIGINT sent to the launcher). */
    public void interrupt() {
        kernel.interrupt();
    }

    /** Ends the session from outside (the launcher went away). */
    public void stop() {
        kernel.stop();
    }

    /**
     * Stops the session's runtimes (removing their containers) and the attempt outbox's delivery
     * (undelivered attempts stay on disk), then closes the sockets.
     */
    public void close() {
        try {
            try {
                checks.close();
            } finally {
                cpython.close();
            }
        } finally {
            kernel.close();
        }
    }
}

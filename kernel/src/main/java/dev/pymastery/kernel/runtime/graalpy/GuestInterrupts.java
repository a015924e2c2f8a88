package dev.pymastery.kernel.runtime.graalpy;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;

/**
 * The guest call running on the GraalPy thread, and the ways to stop it: SIGINT inside Python
 * first, then {@code Context.interrupt} from outside when the code does not stop, and the same
 * outside stop when the heap is nearly full. Whether the last call was stopped from outside, or for
 * memory, is kept until the next call starts, for the error the learner sees.
 */
final class GuestInterrupts {
    private static final System.Logger LOG = System.getLogger(GuestInterrupts.class.getName());
    private static final Duration SOFT_INTERRUPT_GRACE = Duration.ofMillis(500);

    private final Supplier<Context> context;
    private final Runnable afterHardInterrupt;
    private final Object busyLock = new Object();
    private volatile boolean busy;
    private volatile boolean hardInterrupted;
    private volatile boolean stoppedForMemory;

    /**
     * @param context the context guest calls run in (replaced when the runtime renews it)
     * @param afterHardInterrupt run on the GraalPy thread when a call stopped from outside has ended
     */
    GuestInterrupts(Supplier<Context> context, Runnable afterHardInterrupt) {
        this.context = context;
        this.afterHardInterrupt = afterHardInterrupt;
    }

    /** Marks the context busy for the duration of one top-level guest call (interrupt target). */
    <T> T call(Callable<T> call) throws Exception {
        boolean outermost = !busy;
        if (outermost) {
            busy = true;
            hardInterrupted = false;
            stoppedForMemory = false;
        }
        try {
            return call.call();
        } finally {
            if (outermost) {
                synchronized (busyLock) {
                    busy = false;
                    busyLock.notifyAll();
                }
                if (hardInterrupted) {
                    afterHardInterrupt.run();
                }
            }
        }
    }

    /**
     * Interrupts the running guest call: first SIGINT inside Python (a real, catchable
     * KeyboardInterrupt with the cell's traceback); if the code is still running after a grace
     * period (blocked in native code, or it swallowed the exception), the context is interrupted
     * from outside and the kernel reports the KeyboardInterrupt itself.
     */
    void interrupt() {
        if (!busy || context.get() == null) {
            return;
        }
        raiseSigint();
        if (awaitIdle(SOFT_INTERRUPT_GRACE)) {
            return;
        }
        LOG.log(Level.INFO, "the cell ignored KeyboardInterrupt; interrupting the context");
        interruptContext();
    }

    /** Stops the running guest code from outside; the cell then ends with KeyboardInterrupt. */
    void interruptContext() {
        hardInterrupted = true;
        try {
            context.get().interrupt(Duration.ofSeconds(5));
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "the context did not stop within 5 s of an interrupt");
        }
    }

    /**
     * Raises SIGINT in this process; the guest's handler (installed by the shell) turns it into
     * KeyboardInterrupt in the running cell. The signal reaches the guest through GraalPy's own
     * signal thread, so nothing here waits for the GIL: a compiled loop that does not give the GIL
     * up (seen in a renewed context on a shared engine) is still interrupted.
     */
    static void raiseSigint() {
        try {
            sun.misc.Signal.raise(new sun.misc.Signal("INT"));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.DEBUG, "cannot raise SIGINT here; relying on the context interrupt", e);
        }
    }

    /**
     * Stops the running cell because the heap is nearly full; it ends with a MemoryError that says
     * so. Without a running cell there is nothing to stop (the memory is the namespace's, and the
     * learner frees it).
     */
    void stopForMemory() {
        if (!busy || stoppedForMemory) {
            return;
        }
        stoppedForMemory = true;
        LOG.log(Level.WARNING, "the heap is nearly full after a collection; stopping the running cell");
        // Not on the notification thread: the interrupt waits for the guest to stop.
        Thread stopper = new Thread(this::interruptContext, "memory-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Whether no guest code runs, waiting up to {@code timeout} for the running call to end. */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (busyLock) {
            while (busy) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    busyLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return !busy;
                }
            }
            return true;
        }
    }

    /** Whether the last (or running) call was stopped from outside. */
    boolean hardInterrupted() {
        return hardInterrupted;
    }

    /** Whether the last (or running) call was stopped because the heap was nearly full. */
    boolean stoppedForMemory() {
        return stoppedForMemory;
    }
}

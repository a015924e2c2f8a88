package dev.pymastery.kernel.runtime.graalpy;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends a lab check that runs past its time: at the deadline the test gets KeyboardInterrupt
 * ({@code soft}), again {@code retry} later, and if it is still running {@code hardAfter} past the
 * deadline, {@code hard} stops it from outside (which ends the whole cell). Started with the test,
 * closed when it returns.
 */
final class CheckWatchdog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CheckWatchdog.class.getName());

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean expired = new AtomicBoolean();
    private final Thread thread;

    private CheckWatchdog(Duration timeout, Duration retry, Duration hardAfter, Runnable soft, Runnable hard) {
        if (retry.compareTo(hardAfter) > 0) {
            throw new IllegalArgumentException("retry must come before the hard interrupt");
        }
        thread = Thread.ofPlatform().daemon().name("graalpy-check-timeout").unstarted(() -> {
            try {
                Thread.sleep(timeout);
                if (!running.get()) {
                    return;
                }
                expired.set(true);
                soft.run();
                Thread.sleep(retry);
                if (running.get()) {
                    soft.run();
                }
                Thread.sleep(hardAfter.minus(retry));
                if (running.get()) {
                    LOG.log(Level.INFO, "a check ignored KeyboardInterrupt; interrupting the context");
                    hard.run();
                }
            } catch (InterruptedException e) {
                // the test ended in time
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "interrupting a check", e);
            }
        });
    }

    static CheckWatchdog start(Duration timeout, Duration retry, Duration hardAfter, Runnable soft, Runnable hard) {
        CheckWatchdog watchdog = new CheckWatchdog(timeout, retry, hardAfter, soft, hard);
        watchdog.thread.start();
        return watchdog;
    }

    /** The test returned: nothing more is sent to it. */
    void finished() {
        running.set(false);
    }

    /** Whether the deadline passed while the test ran (it was interrupted for its time). */
    boolean expired() {
        return expired.get();
    }

    @Override
    public void close() {
        finished();
        thread.interrupt();
    }
}

package dev.pymastery.kernel;

/**
 * The last resort when the heap runs out: a thread of the kernel (the socket loop, the heartbeat,
 * ZeroMQ's I/O thread) that dies of OutOfMemoryError leaves a process that looks alive and answers
 * nothing, so the whole process exits instead, and Jupyter sees the kernel die and restarts it.
 * A cell that runs out of memory does not come here: the memory watchdog stops it first, and an
 * OutOfMemoryError inside the guest reaches the learner as MemoryError.
 */
final class OutOfMemoryPolicy {
    /** The exit status of a kernel that ran out of memory (as a JVM with -XX:+ExitOnOutOfMemoryError exits). */
    static final int EXIT_STATUS = 3;

    private OutOfMemoryPolicy() {}

    /** Makes an uncaught OutOfMemoryError on any thread halt the process; other errors are printed as before. */
    static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (outOfMemory(error)) {
                // Halt, not exit: shutdown hooks would need memory that is not there.
                System.err.println("pymastery: the kernel ran out of memory in thread " + thread.getName()
                        + "; exiting so that Jupyter restarts it");
                Runtime.getRuntime().halt(EXIT_STATUS);
            }
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                thread.getThreadGroup().uncaughtException(thread, error);
            }
        });
    }

    private static boolean outOfMemory(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}

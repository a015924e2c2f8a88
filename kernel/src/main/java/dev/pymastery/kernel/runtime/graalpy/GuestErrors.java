package dev.pymastery.kernel.runtime.graalpy;

import dev.pymastery.kernel.cell.ErrorInfo;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import tools.jackson.databind.ObjectMapper;

/**
 * The error a learner sees for an exception that left the guest without Python formatting it: a
 * cell stopped from outside or for memory, exhausted resources, the kernel shutting down, or a
 * failure of the kernel itself. Says what happened and what to do, never in Java's words.
 */
final class GuestErrors {
    private static final System.Logger LOG = System.getLogger(GuestErrors.class.getName());

    private final ObjectMapper json;

    GuestErrors(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param shell the shell the call ran in: formats a Python exception that escaped it
     * @param interrupts how the call was stopped, if it was
     */
    ErrorInfo of(PolyglotException e, Value shell, GuestInterrupts interrupts) {
        List<String> frames = GuestFrames.format(e, GraalPyContexts.HELPER_FILE);
        if (interrupts.stoppedForMemory()) {
            return traceback("MemoryError", outOfMemory(), frames);
        }
        if (e.isInterrupted() || interrupts.hardInterrupted()) {
            return traceback(
                    "KeyboardInterrupt",
                    "the cell did not stop on KeyboardInterrupt (it caught the exception, or was blocked"
                            + " outside Python), so the kernel stopped it from outside; the namespace is intact",
                    frames);
        }
        if (e.isResourceExhausted()) {
            return traceback(
                    "MemoryError",
                    e.getMessage() != null && e.getMessage().contains("heap")
                            ? outOfMemory()
                            : "the cell ran out of memory or stack: " + e.getMessage(),
                    frames);
        }
        if (e.isCancelled()) {
            return traceback("KernelShutdown", "the kernel is shutting down", frames);
        }
        if (e.isGuestException() && !e.isHostException()) {
            try {
                return ErrorInfo.fromJson(json.readTree(
                        shell.invokeMember("_error_json", e.getGuestObject()).asString()));
            } catch (RuntimeException formatting) {
                LOG.log(Level.WARNING, "could not format a guest exception", formatting);
            }
        }
        LOG.log(Level.ERROR, "internal error while running a cell", e);
        return traceback(
                "InternalError",
                "the kernel failed while running this cell (" + e.getMessage()
                        + "). The kernel log has the details; the namespace is intact.",
                frames);
    }

    /** What a learner reads when the heap ran out: what happened and what to do. */
    private static String outOfMemory() {
        return String.format(
                java.util.Locale.ROOT,
                "the kernel's memory (%.1f GB) is nearly full, so the kernel stopped this cell. Free what you"
                        + " no longer need (del a big list or dict, or assign None to it) and run the cell again"
                        + " on less data, or restart the kernel. Names defined before this cell are intact.",
                java.lang.Runtime.getRuntime().maxMemory() / 1e9);
    }

    private static ErrorInfo traceback(String ename, String evalue, List<String> frames) {
        List<String> lines = new ArrayList<>();
        if (!frames.isEmpty()) {
            lines.add("Traceback (most recent call last):");
            lines.addAll(frames);
        }
        lines.add(evalue.isEmpty() ? ename : ename + ": " + evalue);
        return new ErrorInfo(ename, evalue, lines);
    }
}

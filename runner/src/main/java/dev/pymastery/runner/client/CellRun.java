package dev.pymastery.runner.client;

import java.util.List;
import java.util.OptionalInt;
import tools.jackson.databind.node.ObjectNode;

/**
 * How running one cell ended, with the outputs it produced in nbformat's shape (stream text and
 * MIME data as single strings).
 */
public sealed interface CellRun {
    List<ObjectNode> outputs();

    /** The kernel replied and went idle; {@code status} is the execute_reply's (ok, error, aborted). */
    record Completed(List<ObjectNode> outputs, OptionalInt executionCount, String status) implements CellRun {
        public Completed {
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * A timeout struck. {@code recovered}: the interrupt stopped the cell and the kernel can run the
     * next one; otherwise the kernel was given up.
     */
    record TimedOut(List<ObjectNode> outputs, String message, boolean recovered) implements CellRun {
        public TimedOut {
            outputs = List.copyOf(outputs);
        }
    }

    /** The kernel died (process gone, heartbeat silent) before the cell finished. */
    record KernelDied(List<ObjectNode> outputs, String reason) implements CellRun {
        public KernelDied {
            outputs = List.copyOf(outputs);
        }
    }
}

package dev.pymastery.kernel.interpreter;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.Completeness;
import dev.pymastery.kernel.cell.Completion;
import dev.pymastery.kernel.cell.Inspection;
import java.util.List;

/**
 * What a cell means, independent of the Jupyter protocol: the messaging layer calls these methods
 * and turns their results into replies. Calls other than {@link #interrupt()} arrive one at a time
 * from the shell thread; {@code interrupt} comes from the control thread while a call runs.
 */
public interface Interpreter {
    KernelInfo info();

    /**
     * Runs a cell; outputs go to {@code output} as they happen. Never throws for guest errors.
     *
     * @throws dev.pymastery.kernel.cell.GuestExitException when the cell ended the process
     */
    ExecuteOutcome execute(ExecuteRequest request, CellOutput output);

    /** The execution count of the last cell that stored history (0 before the first). */
    int executionCount();

    /** Completions at {@code cursor} (in code points). */
    Completion complete(String code, int cursor);

    /** Help for the object at {@code cursor}; level 0 signature and docstring, 1 adds the source. */
    Inspection inspect(String code, int cursor, int detailLevel);

    Completeness isComplete(String code);

    List<HistoryEntry> history(HistoryQuery query, boolean withOutput);

    /** Stops the running cell with KeyboardInterrupt; safe to call when nothing runs. */
    void interrupt();

    /**
     * A comm message from the front end ({@code comm_open}, {@code comm_msg}, {@code comm_close}),
     * the whole message as JSON; what its handlers print or send goes to {@code output}.
     */
    void comm(String messageJson, CellOutput output);

    /** The comms open in the kernel, comm_id to target name; only those of {@code target} if given. */
    java.util.Map<String, String> comms(java.util.Optional<String> target);

    /** Stops running work and releases this session's resources; the process may serve another session. */
    void shutdown();
}

package dev.pymastery.kernel.runtime;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.Completeness;
import dev.pymastery.kernel.cell.Completion;
import dev.pymastery.kernel.cell.Inspection;
import java.time.Duration;
import java.util.Map;

/**
 * The learner's Python namespace as the interpreter, the magics and the checks use it: cells,
 * expressions, completion and inspection, the helper calls of the magics that live in Python, and
 * lab checks. GraalPy in this JVM implements it ({@code GraalPyRuntime}); tests script one. Calls
 * that run guest code block until it ends; a Python exception in a cell comes back as {@link
 * CellResult.Failed}.
 */
public interface PythonShell extends Runtime {
    /**
     * Sends the guest's output (prints, displays, input prompts, also from threads) to this cell
     * from now on; the interpreter calls it as each cell starts, whatever runs the cell.
     */
    void attach(CellOutput output);

    /** Evaluates user_expressions in the namespace; each gives a value or an error. */
    Map<String, CellResult> expressions(Map<String, String> expressions);

    /**
     * Runs source in the namespace and returns the value of a lone expression (else None). A Python
     * exception propagates unchanged, so a line magic that calls this raises it in the cell.
     */
    GuestValue evaluate(String source);

    /** Calls a helper method of the shell (the magics that live in Python). */
    GuestValue call(String method, Object... args);

    /**
     * Runs a lab check's test against the namespace, in the middle of the {@code %check} cell; a
     * test still running after {@code timeout} is interrupted.
     */
    TestRun runCheck(String test, String testFile, Duration timeout);

    Completion complete(String code, int cursor);

    Inspection inspect(String code, int cursor, int detailLevel);

    Completeness isComplete(String code);

    /** For kernel_info's banner: whether hot code is compiled, e.g. {@code on (GraalVM CE)}. */
    String optimizingState();
}

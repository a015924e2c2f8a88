package dev.pymastery.kernel.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.cell.RecordingOutput;
import dev.pymastery.kernel.magic.BuiltinMagics;
import dev.pymastery.kernel.magic.LineMagic;
import dev.pymastery.kernel.magic.MagicContext;
import dev.pymastery.kernel.magic.MagicRegistry;
import dev.pymastery.kernel.magic.RegistryLineMagics;
import dev.pymastery.kernel.magic.RunningCell;
import dev.pymastery.kernel.runtime.Cell;
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.ScriptedShell;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The interpreter over a scripted shell: what it sends where, and how failures become errors. */
class PythonInterpreterTest {
    private final ScriptedShell shell = new ScriptedShell();
    private final MagicRegistry magics =
            BuiltinMagics.register(new MagicRegistry()).register(new WhereMagic());
    private final RunningCell running = new RunningCell();
    private final PythonInterpreter interpreter = new PythonInterpreter(
            shell.magics(new RegistryLineMagics(magics, running)),
            magics,
            running,
            new KernelVersions("0-test", "25.0", "3.12.8"));

    @Test
    void cellsRunInTheShellNamedByTheirCountWhileSilentRunsShiftNothing() {
        shell.cell("6 * 7", cell -> ScriptedShell.value("42"));
        RecordingOutput output = new RecordingOutput();

        ExecuteOutcome first = interpreter.execute(request("6 * 7", false), output);
        interpreter.execute(request("probe = 1", true), output);
        ExecuteOutcome second = interpreter.execute(request("x = 1", false), output);

        assertThat(first).isInstanceOf(ExecuteOutcome.Completed.class);
        assertThat(((ExecuteOutcome.Completed) first).executionCount()).isEqualTo(1);
        assertThat(((ExecuteOutcome.Completed) second).executionCount()).isEqualTo(2);
        assertThat(shell.ran()).extracting(Cell::name).containsExactly("<cell 1>", "<silent 1>", "<cell 2>");
        assertThat(shell.attached()).contains(output);
        assertThat(interpreter.history(new HistoryQuery.Tail(10), true))
                .extracting(HistoryEntry::input)
                .containsExactly("6 * 7", "x = 1");
    }

    @Test
    void aLineMagicInACellRunsFromTheRegistryInTheCellThatRuns() {
        interpreter.execute(request("x = 1", false), new RecordingOutput());
        RecordingOutput output = new RecordingOutput();
        ExecuteOutcome outcome = interpreter.execute(request("%where", false), output);

        assertThat(outcome).isInstanceOf(ExecuteOutcome.Completed.class);
        assertThat(output.results()).extracting(MimeBundle::plainText).containsExactly("'<cell 2>'");
    }

    @Test
    void magicsUseTheShellTimeEvaluatesThereAndPrintsTheTimes() {
        RecordingOutput output = new RecordingOutput();
        ExecuteOutcome outcome = interpreter.execute(request("%time 6 * 7", false), output);

        assertThat(outcome).isInstanceOf(ExecuteOutcome.Completed.class);
        assertThat(shell.calls()).containsExactly("evaluate 6 * 7");
        assertThat(output.stdout()).contains("Wall time");
    }

    @Test
    void magicsDoneByTheShellCallItsMethodsAndItsPythonErrorsFailTheCell() {
        shell.helper("magic_pwd", ScriptedShell.text("/home/ann"))
                .helper(
                        "run_cell_magic",
                        ScriptedShell.text("{\"ename\":\"FileNotFoundError\",\"evalue\":\"no such folder: out\","
                                + "\"traceback\":[]}"));
        RecordingOutput output = new RecordingOutput();

        interpreter.execute(request("%pwd", false), output);
        ErrorInfo arguments = failure(interpreter.execute(request("%pwd /tmp", false), new RecordingOutput()));
        ErrorInfo written =
                failure(interpreter.execute(request("%%writefile out/a.txt\nhello", false), new RecordingOutput()));

        assertThat(output.results()).extracting(MimeBundle::plainText).containsExactly("'/home/ann'");
        assertThat(arguments.evalue()).isEqualTo("%pwd takes no arguments");
        assertThat(shell.calls()).containsExactly("magic_pwd", "run_cell_magic");
        assertThat(written.ename()).isEqualTo("FileNotFoundError");
        assertThat(written.evalue()).isEqualTo("no such folder: out");
    }

    @Test
    void anUnknownMagicIsAUsageErrorThatNamesTheKnownOnes() {
        ErrorInfo line = failure(interpreter.execute(request("%nosuch", false), new RecordingOutput()));
        assertThat(line.ename()).isEqualTo("UsageError");
        assertThat(line.evalue()).contains("nosuch").contains("%time");

        // A cell magic the kernel lacks may be the learner's own (IPython.core.magic): the shell is asked first.
        ErrorInfo cell = failure(interpreter.execute(request("%%nosuch\nx = 1", false), new RecordingOutput()));
        assertThat(shell.calls()).containsExactly("find_cell_magic");
        assertThat(cell.ename()).isEqualTo("UsageError");
        assertThat(cell.evalue()).contains("nosuch");
    }

    @Test
    void aKernelFailureIsAnErrorInTheCellAndTheNextCellRuns() {
        shell.cell("boom()", cell -> {
            throw new IllegalStateException("bridge broke");
        });
        shell.cell("remote()", cell -> {
            throw new RuntimeUnavailableException("the stock container is gone");
        });

        ErrorInfo internal = failure(interpreter.execute(request("boom()", false), new RecordingOutput()));
        ErrorInfo unavailable = failure(interpreter.execute(request("remote()", false), new RecordingOutput()));
        ExecuteOutcome next = interpreter.execute(request("x = 1", false), new RecordingOutput());

        assertThat(internal.ename()).isEqualTo("InternalError");
        assertThat(internal.evalue()).contains("bridge broke").contains("the namespace is intact");
        assertThat(unavailable.ename()).isEqualTo("RuntimeUnavailable");
        assertThat(unavailable.evalue()).isEqualTo("the stock container is gone");
        assertThat(next).isInstanceOf(ExecuteOutcome.Completed.class);
        assertThat(((ExecuteOutcome.Completed) next).executionCount()).isEqualTo(3);
    }

    @Test
    void kernelInfoSaysWhatTheShellSaysOfItsCompilerAndInterruptsReachIt() {
        assertThat(interpreter.info().banner()).contains("Optimizing runtime: off (scripted shell)");
        interpreter.interrupt();
        assertThat(shell.interrupts()).isEqualTo(1);
    }

    private static ExecuteRequest request(String code, boolean silent) {
        return new ExecuteRequest(code, silent, true, Map.of(), false, Optional.empty());
    }

    private static ErrorInfo failure(ExecuteOutcome outcome) {
        assertThat(outcome).isInstanceOf(ExecuteOutcome.Failed.class);
        return ((ExecuteOutcome.Failed) outcome).error();
    }

    /** {@code %where}: the name of the cell it runs in. */
    private static final class WhereMagic implements LineMagic {
        @Override
        public String name() {
            return "where";
        }

        @Override
        public String help() {
            return "%where: the running cell's name";
        }

        @Override
        public Outcome run(String args, MagicContext context) {
            return new Outcome.Text(context.cell("").name());
        }
    }
}

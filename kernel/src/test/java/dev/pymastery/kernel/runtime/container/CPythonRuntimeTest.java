package dev.pymastery.kernel.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.cell.RecordingOutput;
import dev.pymastery.kernel.runtime.Cell;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.TestOutcome;
import dev.pymastery.kernel.runtime.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime and its agent against a real local interpreter (the process engine): everything
 * but the container. The container engine is exercised by the integration tests.
 */
class CPythonRuntimeTest {
    static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    @TempDir
    Path config;

    private CPythonRuntimes runtimes;
    private int count;

    private CPythonRuntime runtime(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", config.toString());
        env.put("PYMASTERY_RUNTIME_LOCAL_ENGINE", "process");
        env.put("PYMASTERY_RUNTIME_LOCAL_LOCAL_PYTHON", PYTHON);
        env.put("PYMASTERY_RUNTIME_LOCAL_START_TIMEOUT", "20");
        settings.forEach((key, value) -> env.put("PYMASTERY_RUNTIME_LOCAL_" + key, value));
        runtimes = CPythonRuntimes.create(
                env, KernelIdentity.current("test"), JsonMapper.builder().build());
        return runtimes.runtime("local");
    }

    private CPythonRuntime runtime() {
        return runtime(Map.of());
    }

    @AfterEach
    void stop() {
        if (runtimes != null) {
            runtimes.close();
        }
    }

    private CellResult run(CPythonRuntime runtime, String code, RecordingOutput output) {
        count++;
        return runtime.run(new Cell(code, "<cell " + count + ">", count, true), output);
    }

    private static String text(CellResult result) {
        assertThat(result).isInstanceOf(CellResult.Ok.class);
        return ((CellResult.Ok) result).value().map(MimeBundle::plainText).orElse("");
    }

    private static ErrorInfo error(CellResult result) {
        assertThat(result).isInstanceOf(CellResult.Failed.class);
        return ((CellResult.Failed) result).error();
    }

    @Test
    void namesPersistAcrossCellsAndTheLastExpressionIsTheResult() {
        CPythonRuntime runtime = runtime();
        RecordingOutput output = new RecordingOutput();
        assertThat(text(run(runtime, "x = 41", output))).isEmpty();
        assertThat(text(run(runtime, "x + 1", output))).isEqualTo("42");
        assertThat(text(run(runtime, "x + 1;", output))).isEmpty();
    }

    @Test
    void outputOfCCodeThreadsAndChildProcessesArrivesBeforeTheCellEnds() {
        CPythonRuntime runtime = runtime();
        RecordingOutput output = new RecordingOutput();
        run(runtime, """
                import ctypes, os, subprocess, sys, threading
                ctypes.CDLL(None).printf(b"from C\\n")
                os.system("echo from a shell")
                subprocess.run([sys.executable, "-c", "print('from a child')"])
                t = threading.Thread(target=print, args=("from a thread",)); t.start(); t.join()
                print("to stderr", file=sys.stderr)
                print("from Python")
                """, output);
        assertThat(output.stdout())
                .contains("from C\n", "from a shell\n", "from a child\n", "from a thread\n", "from Python\n");
        assertThat(output.stderr()).isEqualTo("to stderr\n");
    }

    @Test
    void tracebacksReadAsCPythonPrintsThemWithoutTheAgentsFrames() {
        CPythonRuntime runtime = runtime();
        ErrorInfo error = error(run(runtime, "def f():\n    return 1 / 0\nf()", new RecordingOutput()));
        assertThat(error.ename()).isEqualTo("ZeroDivisionError");
        assertThat(error.traceback().get(0)).isEqualTo("Traceback (most recent call last):");
        assertThat(String.join("\n", error.traceback()))
                .contains("File \"<cell 1>\", line 3, in <module>", "line 2, in f", "return 1 / 0")
                .doesNotContain("pymastery-agent");
        assertThat(error(run(runtime, "if x\n", new RecordingOutput())).ename()).isEqualTo("SyntaxError");
    }

    @Test
    void richReprsAndDisplayCallsBecomeMimeBundles() {
        CPythonRuntime runtime = runtime();
        RecordingOutput output = new RecordingOutput();
        CellResult result = run(runtime, """
                class Box:
                    def _repr_html_(self):
                        return "<b>box</b>"
                display(Box())
                Box()
                """, output);
        MimeBundle bundle = ((CellResult.Ok) result).value().orElseThrow();
        assertThat(bundle.data().path("text/html").asString()).isEqualTo("<b>box</b>");
        assertThat(bundle.plainText()).startsWith("<__main__.Box object");
        assertThat(output.displays()).hasSize(1);
        assertThat(output.displays().get(0).bundle().data().path("text/html").asString())
                .isEqualTo("<b>box</b>");
    }

    @Test
    void anInterruptRaisesKeyboardInterruptInsideAndTheSessionKeepsItsState() throws Exception {
        CPythonRuntime runtime = runtime();
        run(runtime, "kept = 'still here'", new RecordingOutput());
        CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(
                () -> run(runtime, "import time\nfor _ in range(600):\n    time.sleep(0.05)", new RecordingOutput()));
        Thread.sleep(500);
        long start = System.nanoTime();
        runtime.interrupt();
        CellResult result = running.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        ErrorInfo error = error(result);
        assertThat(error.ename()).isEqualTo("KeyboardInterrupt");
        assertThat(String.join("\n", error.traceback())).contains("<cell 2>").doesNotContain("pymastery-agent");
        assertThat(text(run(runtime, "kept", new RecordingOutput()))).isEqualTo("'still here'");
    }

    @Test
    void aCellThatIgnoresInterruptsLosesItsSessionAtTheSecondOne() throws Exception {
        CPythonRuntime runtime = runtime();
        run(runtime, "started = True", new RecordingOutput()); // the interrupts must meet a running session
        CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(() -> run(
                runtime,
                "import time\nwhile True:\n    try:\n        time.sleep(1)\n    except KeyboardInterrupt:\n        pass",
                new RecordingOutput()));
        Thread.sleep(500);
        runtime.interrupt();
        Thread.sleep(Session.ESCALATE_AFTER.toMillis() + 200);
        runtime.interrupt();
        ErrorInfo error = error(running.get(10, TimeUnit.SECONDS));
        assertThat(error.ename()).isEqualTo("SessionDied");
        assertThat(error.evalue()).contains("ignored KeyboardInterrupt");
    }

    @Test
    void aDeadSessionIsReportedAndTheNextCellStartsAFreshOneAndSaysSo() {
        CPythonRuntime runtime = runtime();
        run(runtime, "before = 1", new RecordingOutput());
        ErrorInfo error = error(run(runtime, "import os\nos._exit(3)", new RecordingOutput()));
        assertThat(error.ename()).isEqualTo("SessionDied");
        assertThat(error.evalue()).contains("exited with status 3", "starts a fresh session");
        RecordingOutput output = new RecordingOutput();
        assertThat(error(run(runtime, "before", output)).ename()).isEqualTo("NameError");
        assertThat(output.stderr())
                .contains("Started a fresh local session", "status 3", "names defined before are gone");
    }

    @Test
    void aCellPastItsTimeoutIsInterruptedWithATimeoutError() {
        CPythonRuntime runtime = runtime();
        count++;
        CellResult result = runtime.run(
                new Cell("import time\ntime.sleep(30)", "<cell 1>", 1, true),
                new RecordingOutput(),
                Optional.of(Duration.ofMillis(500)));
        ErrorInfo error = error(result);
        assertThat(error.ename()).isEqualTo("TimeoutError");
        assertThat(error.evalue()).contains("--timeout of 0.5 s");
        assertThat(error.traceback()).last().asString().startsWith("TimeoutError:");
    }

    @Test
    void inputIsAskedOfTheFrontEnd() {
        CPythonRuntime runtime = runtime();
        RecordingOutput output = new RecordingOutput().answering("Ada");
        assertThat(text(run(runtime, "'hello ' + input('name? ')", output))).isEqualTo("'hello Ada'");
        assertThat(output.prompts()).containsExactly("name? ");
        assertThat(error(run(runtime, "input()", new RecordingOutput())).ename())
                .isEqualTo("StdinNotImplementedError");
    }

    @Test
    void valuesTravelAsPicklesAndThoseThatCannotAreNamedWithTheirType() {
        CPythonRuntime source = runtime();
        RecordingOutput output = new RecordingOutput();
        run(source, "data = {'a': [1, 2, 3]}\ngen = (i for i in range(3))", output);
        ValueTransfer fetched = source.get(List.of("data", "gen", "nothing"), output);
        assertThat(fetched.values()).containsOnlyKeys("data");
        assertThat(fetched.types()).containsEntry("gen", "generator");
        assertThat(fetched.problems().get("gen").describe("gen", Optional.empty()))
                .startsWith("'gen' (type generator): TypeError");
        assertThat(fetched.problems().get("nothing").reason()).contains("not defined");

        source.stop();
        assertThat(source.put(fetched.values(), output)).isEmpty();
        assertThat(text(run(source, "data['a'][2]", output))).isEqualTo("3");
        assertThat(source.put(Map.of("broken", "bm90IGEgcGlja2xl"), output)).containsKey("broken");
    }

    @Test
    void aFreeThreadedRuntimeWarnsWhenItsInterpreterHasTheGil() {
        CPythonRuntime runtime = runtime(Map.of("FREE_THREADED", "true"));
        RecordingOutput output = new RecordingOutput();
        run(runtime, "1", output);
        assertThat(output.stderr()).contains("meant to be free-threaded", "GIL");
        RecordingOutput second = new RecordingOutput();
        run(runtime, "2", second);
        assertThat(second.stderr()).isEmpty();
    }

    @Test
    void aGpuRuntimeWithoutAVisibleGpuIsRefusedWithWhatToDo() {
        assumeFalse(GpuCheck.hostHasGpu(), "this machine has a GPU");
        CPythonRuntime runtime = runtime(Map.of("GPU", "true"));
        assertThatThrownBy(() -> run(runtime, "1", new RecordingOutput()))
                .isInstanceOf(RuntimeUnavailableException.class)
                .hasMessageContaining("needs a GPU, but none is visible")
                .hasMessageContaining("no NVIDIA GPU");
        assertThat(runtime.running()).isFalse();
    }

    @Test
    void aMissingInterpreterSaysWhichCommandFailed() {
        CPythonRuntime runtime = runtime(Map.of("LOCAL_PYTHON", "/nonexistent/python3.13t"));
        assertThatThrownBy(() -> run(runtime, "1", new RecordingOutput()))
                .isInstanceOf(RuntimeUnavailableException.class)
                .hasMessageContaining("/nonexistent/python3.13t");
    }

    @Test
    void statusShowsTheInterpreterOnceStarted() {
        CPythonRuntime runtime = runtime();
        assertThat(runtime.status().running()).isFalse();
        run(runtime, "1", new RecordingOutput());
        RuntimeStatus status = runtime.status();
        assertThat(status.running()).isTrue();
        assertThat(status.engine()).isEqualTo("local process");
        assertThat(status.python()).get().asString().startsWith("CPython 3.");
        assertThat(status.gil()).contains(true);
        runtime.stop();
        assertThat(runtime.status().running()).isFalse();
        assertThat(runtime.status().python()).isPresent();
    }

    @Test
    void aCheckRunsInACopyOfTheNamespaceCapturesOutputAndShowsOnlyTheLearnersFrames() {
        CPythonRuntime runtime = runtime();
        RecordingOutput output = new RecordingOutput();
        run(runtime, "def half(x):\n    print('halving', x)\n    return x / 0", output);
        Duration limit = Duration.ofSeconds(5);

        TestRun passed = runtime.check("secret_name = 1\nassert callable(half)", "<check w01.a.b>", limit, output);
        assertThat(passed.outcome()).isInstanceOf(TestOutcome.Passed.class);
        TestRun failed = runtime.check("assert half is None, 'half should be None'", "<check w01.a.b>", limit, output);
        assertThat(failed.outcome()).isEqualTo(new TestOutcome.Failed("half should be None"));

        TestRun raised = runtime.check("secret_value = half(4)", "<check w01.a.b>", limit, output);
        TestOutcome.Raised error = (TestOutcome.Raised) raised.outcome();
        assertThat(error.ename()).isEqualTo("ZeroDivisionError");
        assertThat(String.join("\n", error.traceback()))
                .contains("in half", "return x / 0")
                .doesNotContain("<check", "secret_value");
        assertThat(raised.output()).isEqualTo("halving 4\n");
        assertThat(output.stdout()).doesNotContain("halving");
        assertThat(text(run(runtime, "'secret_name' in globals()", output))).isEqualTo("False");
    }

    @Test
    void aCheckPastItsTimeoutIsInterruptedAndTheSessionKeepsItsNames() {
        CPythonRuntime runtime = runtime();
        RecordingOutput output = new RecordingOutput();
        run(runtime, "kept = 7\ndef spin():\n    while True:\n        pass", output);
        long start = System.nanoTime();
        TestRun run = runtime.check("spin()", "<check w01.a.b>", Duration.ofSeconds(1), output);
        assertThat(run.outcome()).isEqualTo(new TestOutcome.TimedOut(Duration.ofSeconds(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(text(run(runtime, "kept", output))).isEqualTo("7");
    }
}

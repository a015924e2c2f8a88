package dev.pymastery.kernel.runtime.graalpy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.kernel.cell.RecordingOutput;
import dev.pymastery.kernel.interpreter.KernelVersions;
import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.magic.LineMagicHandler;
import dev.pymastery.kernel.runtime.Cell;
import dev.pymastery.kernel.runtime.CellResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/** GraalPy itself (on the fallback interpreter here: unit tests do not start the JIT). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraalPyRuntimeTest {
    private GraalPyRuntime python;
    private int cells;

    @BeforeAll
    void start() {
        python = GraalPyRuntime.create(
                new GraalPyRuntime.Settings(Optional.empty()),
                JsonMapper.builder().build());
        python.session(new LineMagicHandler() {
            @Override
            public Outcome run(String name, String args) {
                return name.equals("shout") ? new Outcome.Text(args.toUpperCase()) : new Outcome.Failed("no %" + name);
            }

            @Override
            public List<String> names(boolean cellMagics) {
                return List.of("shout");
            }
        });
        python.awaitReady();
    }

    @AfterAll
    void stop() {
        python.close();
    }

    private CellResult run(String code, RecordingOutput output) {
        cells++;
        return python.run(new Cell(code, "<cell " + cells + ">", cells, true), output);
    }

    @Test
    void thePythonVersionIsTheOneTheKernelAnnounces() {
        CellResult result = run("import sys\n'%d.%d.%d' % sys.version_info[:3]", new RecordingOutput());
        assertThat(((CellResult.Ok) result).value().orElseThrow().plainText())
                .isEqualTo("'" + KernelVersions.load().python() + "'");
    }

    @Test
    void printsDisplaysAndTheLastValue() {
        RecordingOutput output = new RecordingOutput();
        CellResult result = run("print('hi')\ndisplay({'a': 1})\n[1, 2]", output);
        assertThat(output.stdout()).isEqualTo("hi\n");
        assertThat(output.displays())
                .singleElement()
                .extracting(d -> d.bundle().plainText())
                .isEqualTo("{'a': 1}");
        assertThat(((CellResult.Ok) result).value().orElseThrow().plainText()).isEqualTo("[1, 2]");
    }

    private String value(CellResult result) {
        return switch (result) {
            case CellResult.Ok ok -> ok.value().orElseThrow().plainText();
            case CellResult.Failed failed ->
                failed.error().ename() + ": " + failed.error().evalue();
        };
    }

    @Test
    void historyNamesReadOutAndInWithoutAddingGlobals() {
        int first = cells + 1;
        assertThat(value(run("6 * 7", new RecordingOutput()))).isEqualTo("42");
        String out = "_" + first;
        String in = "_i" + first;
        assertThat(value(run(out + " + 1", new RecordingOutput()))).isEqualTo("43");
        assertThat(value(run(in, new RecordingOutput()))).isEqualTo("'6 * 7'");
        assertThat(value(run("[f() for f in [lambda: " + out + "]]", new RecordingOutput())))
                .isEqualTo("[42]");
        // Not globals: a global added at every cell made GraalPy recompile functions reading globals.
        assertThat(value(run("'" + out + "' in globals(), '" + in + "' in globals()", new RecordingOutput())))
                .isEqualTo("(False, False)");
        assertThat(value(run("_99999", new RecordingOutput()))).isEqualTo("NameError: name '_99999' is not defined");
        // A name the learner binds is theirs.
        assertThat(value(run("_7 = 'mine'\n_7", new RecordingOutput()))).isEqualTo("'mine'");
        assertThat(value(run("_7", new RecordingOutput()))).isEqualTo("'mine'");
    }

    @Test
    void errorsHideTheKernelsOwnFrames() {
        CellResult result = run("def f():\n    raise ValueError('bad')\nf()", new RecordingOutput());
        CellResult.Failed failed = (CellResult.Failed) result;
        assertThat(failed.error().ename()).isEqualTo("ValueError");
        assertThat(String.join("\n", failed.error().traceback()))
                .contains("line 3, in <module>", "line 2, in f", "ValueError: bad")
                .doesNotContain(GraalPyContexts.HELPER_FILE);
    }

    @Test
    void lineMagicsCallTheHandlerAndFailuresAreUsageErrors() {
        CellResult ok = run("_pymastery_line_magic('shout', 'hey')", new RecordingOutput());
        assertThat(((CellResult.Ok) ok).value().orElseThrow().plainText()).isEqualTo("'HEY'");
        CellResult failed = run("_pymastery_line_magic('nope', '')", new RecordingOutput());
        assertThat(((CellResult.Failed) failed).error().ename()).isEqualTo("UsageError");
    }

    @Test
    void inputReadsFromTheCellOutput() {
        RecordingOutput output = new RecordingOutput().answering("42");
        CellResult result = run("int(input('n? ')) + 1", output);
        assertThat(((CellResult.Ok) result).value().orElseThrow().plainText()).isEqualTo("43");
    }

    @Test
    void codeThatSwallowsKeyboardInterruptIsStoppedFromOutside() throws Exception {
        CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(() -> run(
                "while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass",
                new RecordingOutput()));
        Thread.sleep(1500);
        python.interrupt();
        CellResult result = running.get(10, TimeUnit.SECONDS);
        assertThat(((CellResult.Failed) result).error().ename()).isEqualTo("KeyboardInterrupt");
        assertThat(String.join("\n", ((CellResult.Failed) result).error().traceback()))
                .contains("stopped it from outside")
                .doesNotContain("java.");
        CellResult after = run("'alive'", new RecordingOutput());
        assertThat(((CellResult.Ok) after).value().orElseThrow().plainText()).isEqualTo("'alive'");
    }

    @Test
    void completionAndInspection() {
        run("completion_subject = 3", new RecordingOutput());
        assertThat(python.complete("completion_su", 13).matches()).contains("completion_subject");
        run("import json", new RecordingOutput());
        assertThat(python.inspect("json.dumps(", 11, 0).bundle().orElseThrow().plainText())
                .contains("Signature", "Serialize");
    }
}

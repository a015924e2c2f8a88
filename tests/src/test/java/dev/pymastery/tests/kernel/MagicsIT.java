package dev.pymastery.tests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.Execution;
import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.JupyterDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.node.ObjectNode;

/** The IPython-spelled magics, each through a real client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MagicsIT {
    private JupyterDriver kernel;
    private Path work;

    @BeforeAll
    void start() throws Exception {
        work = Files.createDirectories(Path.of("target", "it-work", "magics")).toAbsolutePath();
        kernel = JupyterDriver.start(InstalledKernel.install(), work, work.resolve("kernel.log"));
    }

    @AfterAll
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void lsmagicListsLineAndCellMagics() {
        String text = kernel.execute("%lsmagic").stdout();
        assertThat(text).contains("%time", "%timeit", "%env", "%who", "%pwd", "%cd");
        assertThat(text).contains("%%time", "%%writefile", "%%html", "%%markdown", "%%javascript");
    }

    @Test
    void lsmagicListsTheMagicsThisNotebookRegistered() {
        kernel.execute(
                "from IPython.core.magic import register_cell_magic\n"
                        + "@register_cell_magic\ndef upper_cell(line, cell):\n    'Upper-cases the cell.'\n    return cell.upper()");
        assertThat(kernel.execute("%%upper_cell\nabc").result()).isEqualTo("'ABC\\n'");
        assertThat(kernel.execute("%lsmagic").stdout())
                .contains("%pinfo", "%pinfo2", "%pdoc", "%psource")
                .contains("Defined in this notebook:\n  %%upper_cell\n      Upper-cases the cell.");
    }

    @Test
    void helpIsAPagerPayloadAndAHeadlessClientAlsoKeepsItAsOutput() {
        Execution interactive = kernel.execute("len?");
        assertThat(interactive.content().path("payload").get(0).path("source").asString())
                .isEqualTo("page");
        assertThat(interactive
                        .content()
                        .path("payload")
                        .get(0)
                        .path("data")
                        .path("text/plain")
                        .asString())
                .contains("Signature:");
        assertThat(interactive.of("display_data")).isEmpty();
        ObjectNode headless = kernel.executeContent("len?");
        headless.put("allow_stdin", false);
        Execution batch = kernel.collect(kernel.send("shell", "execute_request", headless), 60);
        assertThat(batch.content().path("payload").size()).isEqualTo(1);
        assertThat(batch.of("display_data")).hasSize(1);
        assertThat(batch.of("display_data")
                        .get(0)
                        .path("content")
                        .path("data")
                        .path("text/plain")
                        .asString())
                .contains("Signature:");
    }

    @Test
    void historyPrintsTheCellsAsTyped() {
        kernel.execute("history_marker = 1");
        kernel.execute("%pwd");
        String text = kernel.execute("%history -n -l 2").stdout();
        assertThat(text).matches("(?s)\\s*\\d+: history_marker = 1\\n\\s*\\d+: %pwd\\n");
        assertThat(kernel.execute("%history -l x").content().path("evalue").asString())
                .contains("not a cell number");
    }

    @Test
    void pipCondaAndMatplotlibSayWhatToDoInstead() {
        Execution pip = kernel.execute("%pip install requests");
        assertThat(pip.content().path("ename").asString()).isEqualTo("UsageError");
        assertThat(pip.content().path("evalue").asString()).contains("does not install packages", "%%cpython");
        assertThat(pip.content().path("traceback").toString()).doesNotContain("_pymastery_line_magic");
        assertThat(kernel.execute("%conda install numpy")
                        .content()
                        .path("ename")
                        .asString())
                .isEqualTo("UsageError");
        assertThat(kernel.execute("%matplotlib inline").stdout()).contains("%%cpython");
    }

    @Test
    void resetAsksFirstAndSaysSoWhenNobodyCanAnswer() {
        kernel.execute("reset_victim = 1");
        ObjectNode headless = kernel.executeContent("%reset");
        headless.put("allow_stdin", false);
        Execution refused = kernel.collect(kernel.send("shell", "execute_request", headless), 60);
        assertThat(refused.content().path("evalue").asString()).contains("%reset -f");
        assertThat(kernel.execute("reset_victim").result()).isEqualTo("1");
    }

    @Test
    void timePrintsCpuAndWallTimeAndKeepsTheValue() {
        Execution line = kernel.execute("%time sum(range(1000))");
        assertThat(line.stdout()).containsPattern("CPU times: user .+, sys: .+, total: .+\\nWall time: .+");
        assertThat(line.result()).contains("499500");

        Execution cell = kernel.execute("%%time\ntimed_total = sum(range(10))\ntimed_total * 2");
        assertThat(cell.stdout()).contains("Wall time:");
        assertThat(cell.result()).contains("90");
        Execution assigned = kernel.execute("elapsed_value = %time 3 + 4\nelapsed_value");
        assertThat(assigned.result()).contains("7");
        Execution ordered = kernel.execute("print('before')\n%time print('inside')\nprint('after')");
        assertThat(ordered.stdout()).startsWith("before\ninside\nCPU times:").endsWith("after\n");
    }

    @Test
    void timeitHonoursLoopsAndRuns() {
        Execution run = kernel.execute("%timeit -n 5 -r 3 sum(range(100))");
        assertThat(run.stdout()).containsPattern("± .+ per loop \\(mean ± std\\. dev\\. of 3 runs, 5 loops each\\)");
        Execution result = kernel.execute("r = %timeit -o -q -n 2 -r 2 pass\n(r.loops, r.repeat, len(r.all_runs))");
        assertThat(result.result()).contains("(2, 2, 2)");
        assertThat(kernel.execute("%timeit -n x pass").content().path("ename").asString())
                .isEqualTo("UsageError");
    }

    @Test
    void envWhoPwdCd() throws Exception {
        assertThat(kernel.execute("%env PYMASTERY_IT_VAR=hello").stdout()).contains("env: PYMASTERY_IT_VAR=hello");
        assertThat(kernel.execute("%env PYMASTERY_IT_VAR").result()).contains("'hello'");
        assertThat(kernel.execute("import os\nos.environ['PYMASTERY_IT_VAR']").result())
                .contains("'hello'");

        kernel.execute("who_int = 1\nwho_str = 'x'");
        String who = kernel.execute("%who int").stdout();
        assertThat(who).contains("who_int").doesNotContain("who_str");

        assertThat(kernel.execute("%pwd").result()).contains(work.toString());
        Path sub = Files.createDirectories(work.resolve("sub dir"));
        assertThat(kernel.execute("%cd 'sub dir'").stdout()).contains(sub.toString());
        assertThat(kernel.execute("import os\nos.getcwd()").result()).contains("sub dir");
        kernel.execute("%cd -");
        assertThat(kernel.execute("%pwd").result()).contains(work.toString()).doesNotContain("sub dir");
        assertThat(kernel.execute("%cd /no/such/dir").content().path("ename").asString())
                .isEqualTo("UsageError");
    }

    @Test
    void writefileWritesAndAppends() throws Exception {
        Files.deleteIfExists(work.resolve("written_by_magic.py"));
        assertThat(kernel.execute("%%writefile written_by_magic.py\nVALUE = 1\n")
                        .stdout())
                .contains("Writing written_by_magic.py");
        assertThat(kernel.execute("%%writefile -a written_by_magic.py\nOTHER = 2\n")
                        .stdout())
                .contains("Appending to written_by_magic.py");
        assertThat(Files.readString(work.resolve("written_by_magic.py"))).isEqualTo("VALUE = 1\nOTHER = 2\n");
        assertThat(kernel.execute("import written_by_magic\nwritten_by_magic.OTHER")
                        .result())
                .contains("2");
    }

    @Test
    void htmlMarkdownJavascriptCellsDisplayTheirBody() {
        assertThat(kernel.execute("%%html\n<b>bold</b>")
                        .of("display_data")
                        .get(0)
                        .path("content")
                        .path("data")
                        .path("text/html")
                        .asString())
                .isEqualTo("<b>bold</b>");
        assertThat(kernel.execute("%%markdown\n# Title")
                        .of("display_data")
                        .get(0)
                        .path("content")
                        .path("data")
                        .path("text/markdown")
                        .asString())
                .isEqualTo("# Title");
        assertThat(kernel.execute("%%javascript\nconsole.log(1)")
                        .of("display_data")
                        .get(0)
                        .path("content")
                        .path("data")
                        .path("application/javascript")
                        .asString())
                .isEqualTo("console.log(1)");
    }

    @Test
    void shellEscapesStreamAndCapture() {
        assertThat(kernel.execute("!echo from-shell").stdout()).isEqualTo("from-shell\n");
        assertThat(kernel.execute("lines = !printf 'a\\nb\\n'\nlines").result()).contains("['a', 'b']");
    }

    @Test
    void writefileExpandsItsArgumentsAndReportsPythonErrors() throws Exception {
        Path dir = Files.createTempDirectory("writefile");
        kernel.execute("target = " + "'" + dir + "'");
        assertThat(kernel.execute("%%writefile {target}/a.py\nx = 1").status()).isEqualTo("ok");
        assertThat(Files.readString(dir.resolve("a.py"))).isEqualTo("x = 1\n");
        Execution missing = kernel.execute("%%writefile {target}/no/such/folder/b.py\nx = 1");
        assertThat(missing.status()).isEqualTo("error");
        assertThat(missing.content().path("ename").asString()).isEqualTo("FileNotFoundError");
        assertThat(kernel.execute("import sys\nsys.argv[0]").result()).contains("pymastery_kernel");
    }

    @Test
    void shellEscapesExpandPythonValuesAsIPythonDoes() {
        kernel.execute("word = 'graal'\nn = 3");
        assertThat(kernel.execute("!echo {word.upper()} $n").stdout()).isEqualTo("GRAAL 3\n");
        assertThat(kernel.execute("!echo $$UNSET_IN_SHELL {{braces}}").stdout()).isEqualTo("{braces}\n");
        assertThat(kernel.execute("def f(x):\n    out = !echo {x * 2}\n    return out\nf(21)")
                        .result())
                .contains("42");
        assertThat(kernel.execute("!echo $undefined_name").stdout()).isEqualTo("\n");
    }

    @Test
    void unknownMagicsNameTheKnownOnes() {
        Execution line = kernel.execute("%nosuchmagic");
        assertThat(line.content().path("ename").asString()).isEqualTo("UsageError");
        assertThat(line.content().path("evalue").asString())
                .contains("%nosuchmagic")
                .contains("%timeit");
        Execution cell = kernel.execute("%%nosuchcell\nbody");
        assertThat(cell.content().path("ename").asString()).isEqualTo("UsageError");
        assertThat(cell.content().path("evalue").asString())
                .contains("%%nosuchcell")
                .contains("%%writefile");
    }

    @Test
    void magicsInsideStringsAndBracketsAreLeftAlone() {
        Execution run = kernel.execute("text = '''\n%time not a magic\n'''\nvalues = [7\n%4]\ntext.strip(), values");
        assertThat(run.result()).contains("'%time not a magic'").contains("[3]");
    }
}

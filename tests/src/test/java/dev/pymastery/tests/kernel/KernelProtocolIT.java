package dev.pymastery.tests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.Execution;
import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.JupyterDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The message order and shapes of every request, through Debian's jupyter_client against the
 * installed kernel. One kernel serves the whole class; tests use their own names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KernelProtocolIT {
    private JupyterDriver kernel;
    private Path work;

    @BeforeAll
    void start() throws Exception {
        work = Files.createDirectories(Path.of("target", "it-work", "protocol")).toAbsolutePath();
        kernel = JupyterDriver.start(InstalledKernel.install(), work, work.resolve("kernel.log"));
    }

    @AfterAll
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private static void assertParentedTo(Execution execution) {
        for (JsonNode message : execution.iopub()) {
            assertThat(message.path("parent_header").path("msg_id").asString())
                    .as("parent of %s", message.path("msg_type").asString())
                    .isEqualTo(execution.msgId());
        }
        assertThat(execution.reply().path("parent_header").path("msg_id").asString())
                .isEqualTo(execution.msgId());
    }

    @Test
    void kernelInfoDescribesPython312OnGraalPy() {
        Execution info = kernel.request("kernel_info_request", kernel.content());
        JsonNode content = info.content();
        assertThat(content.path("status").asString()).isEqualTo("ok");
        assertThat(content.path("protocol_version").asString()).isGreaterThanOrEqualTo("5.3");
        assertThat(content.path("implementation").asString()).isEqualTo("pymastery");
        assertThat(content.path("implementation_version").asString()).isNotBlank();
        JsonNode language = content.path("language_info");
        assertThat(language.path("name").asString()).isEqualTo("python");
        assertThat(language.path("version").asString()).startsWith("3.12.");
        assertThat(language.path("mimetype").asString()).isEqualTo("text/x-python");
        assertThat(language.path("file_extension").asString()).isEqualTo(".py");
        assertThat(language.path("pygments_lexer").asString()).isEqualTo("ipython3");
        assertThat(language.path("codemirror_mode").path("name").asString()).isEqualTo("ipython");
        assertThat(content.path("banner").asString()).contains("GraalPy").contains("Optimizing runtime");
        assertThat(content.path("help_links").size()).isGreaterThan(0);
        assertThat(info.types()).containsExactly("status", "status");
        assertParentedTo(info);
    }

    @Test
    void executePublishesBusyInputOutputResultIdleInOrder() {
        Execution run = kernel.execute("print('order')\n6 * 7");
        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.types()).containsExactly("status", "execute_input", "stream", "execute_result", "status");
        assertThat(run.iopub().get(0).path("content").path("execution_state").asString())
                .isEqualTo("busy");
        assertThat(run.iopub().get(4).path("content").path("execution_state").asString())
                .isEqualTo("idle");
        assertThat(run.stdout()).isEqualTo("order\n");
        assertThat(run.result()).contains("42");
        int count = run.content().path("execution_count").asInt();
        assertThat(run.of("execute_input")
                        .get(0)
                        .path("content")
                        .path("execution_count")
                        .asInt())
                .isEqualTo(count);
        assertThat(run.of("execute_result")
                        .get(0)
                        .path("content")
                        .path("execution_count")
                        .asInt())
                .isEqualTo(count);
        assertThat(run.content().has("user_expressions")).isTrue();
        assertThat(run.content().has("payload")).isTrue();
        assertParentedTo(run);
    }

    @Test
    void executionCountCountsOnlyStoredCellsAndSilentIsQuiet() {
        int before = kernel.execute("pass").content().path("execution_count").asInt();
        ObjectNode unstored = kernel.executeContent("counted_not = 1\ncounted_not");
        unstored.put("store_history", false);
        Execution notStored = kernel.collect(kernel.send("shell", "execute_request", unstored), 60);
        assertThat(notStored.content().path("execution_count").asInt()).isEqualTo(before);

        ObjectNode quiet = kernel.executeContent("print('still streams')\n'no result'");
        quiet.put("silent", true);
        Execution silent = kernel.collect(kernel.send("shell", "execute_request", quiet), 60);
        assertThat(silent.status()).isEqualTo("ok");
        assertThat(silent.types()).doesNotContain("execute_input", "execute_result");
        assertThat(silent.stdout()).isEqualTo("still streams\n");
        assertThat(kernel.execute("pass").content().path("execution_count").asInt())
                .isEqualTo(before + 1);
    }

    @Test
    void cellsAreNamedAlikeWhetherOrNotHistoryIsStored() {
        // nbval sends store_history=false; JupyterLab and the project's runner send true. A notebook
        // run top to bottom must show the same names either way (week 9 shows a code object's file).
        int stored = cellNumber(kernel.execute("1/0").traceback());
        ObjectNode unstored = kernel.executeContent("def shown():\n    return 1\n1/0");
        unstored.put("store_history", false);
        Execution notStored = kernel.collect(kernel.send("shell", "execute_request", unstored), 60);
        assertThat(cellNumber(notStored.traceback())).isEqualTo(stored + 1);
        ObjectNode quiet = kernel.executeContent("quiet_name = __import__('sys')._getframe().f_code.co_filename");
        quiet.put("silent", true);
        kernel.collect(kernel.send("shell", "execute_request", quiet), 60);
        assertThat(kernel.execute("quiet_name").result()).startsWith("'<silent ");
        assertThat(kernel.execute("import inspect\nprint(inspect.getsource(shown), end='')")
                        .stdout())
                .as("an unstored cell's source stays readable")
                .isEqualTo("def shown():\n    return 1\n");
        assertThat(cellNumber(kernel.execute("1/0").traceback()))
                .as("a silent run shifts no names")
                .isEqualTo(stored + 4);
    }

    private static int cellNumber(String traceback) {
        java.util.regex.Matcher name =
                java.util.regex.Pattern.compile("<cell (\\d+)>").matcher(traceback);
        assertThat(name.find()).as("a cell name in\n" + traceback).isTrue();
        return Integer.parseInt(name.group(1));
    }

    @Test
    void userExpressionsAreEvaluatedAfterTheCell() {
        ObjectNode content = kernel.executeContent("ue_value = 21");
        content.putObject("user_expressions").put("double", "ue_value * 2").put("broken", "1/0");
        Execution run = kernel.collect(kernel.send("shell", "execute_request", content), 60);
        JsonNode expressions = run.content().path("user_expressions");
        assertThat(expressions.path("double").path("status").asString()).isEqualTo("ok");
        assertThat(expressions.path("double").path("data").path("text/plain").asString())
                .isEqualTo("42");
        assertThat(expressions.path("broken").path("status").asString()).isEqualTo("error");
        assertThat(expressions.path("broken").path("ename").asString()).isEqualTo("ZeroDivisionError");
    }

    @Test
    void stopOnErrorAbortsTheQueuedExecutions() {
        String failing =
                kernel.send("shell", "execute_request", kernel.executeContent("import time\ntime.sleep(0.5)\n1/0"));
        String queued1 = kernel.send("shell", "execute_request", kernel.executeContent("aborted_one = 1"));
        String queued2 = kernel.send("shell", "execute_request", kernel.executeContent("aborted_two = 2"));
        assertThat(kernel.collect(failing, 60).status()).isEqualTo("error");
        assertThat(kernel.collect(queued1, 60).status()).isEqualTo("aborted");
        assertThat(kernel.collect(queued2, 60).status()).isEqualTo("aborted");
        assertThat(kernel.execute("'aborted_one' in dir()").result()).contains("False");

        ObjectNode keepGoing = kernel.executeContent("import time\ntime.sleep(0.5)\n1/0");
        keepGoing.put("stop_on_error", false);
        String failingAgain = kernel.send("shell", "execute_request", keepGoing);
        String runs = kernel.send("shell", "execute_request", kernel.executeContent("ran_after = 3"));
        assertThat(kernel.collect(failingAgain, 60).status()).isEqualTo("error");
        assertThat(kernel.collect(runs, 60).status()).isEqualTo("ok");
    }

    @Test
    void errorsCarryPythonTracebacksPointingAtTheCell() {
        Execution run = kernel.execute("def explode(x):\n    return x / 0\n\nexplode(1)");
        assertThat(run.status()).isEqualTo("error");
        assertThat(run.content().path("ename").asString()).isEqualTo("ZeroDivisionError");
        assertThat(run.content().path("evalue").asString()).isEqualTo("division by zero");
        assertThat(run.error()).isPresent();
        String traceback = run.traceback();
        assertThat(traceback)
                .contains("Traceback (most recent call last):")
                .contains("line 4, in <module>")
                .contains("line 2, in explode")
                .contains("return x / 0")
                .doesNotContain("pymastery-kernel")
                .doesNotContainPattern("\\bat (org|com|java|dev)\\.");
        assertThat(run.content().path("traceback").size())
                .isEqualTo(run.error().get().path("traceback").size());
    }

    @Test
    void syntaxErrorsStackOverflowAndHugeAllocationsAreReadablePythonErrors() {
        Execution syntax = kernel.execute("x = (1,\ny = 2 +");
        assertThat(syntax.content().path("ename").asString()).isEqualTo("SyntaxError");
        assertThat(syntax.traceback()).contains("<cell").doesNotContain("java.");

        Execution recursion = kernel.execute("def forever(n):\n    return forever(n + 1)\nforever(0)");
        assertThat(recursion.content().path("ename").asString()).isEqualTo("RecursionError");
        assertThat(recursion.traceback()).contains("forever").doesNotContain("java.");

        Execution memory = kernel.execute("huge = [None] * (2 ** 31 - 100)");
        assertThat(memory.content().path("ename").asString()).isEqualTo("MemoryError");
        assertThat(memory.traceback()).doesNotContain("java.");
        assertThat(kernel.execute("1 + 1").result()).contains("2");
    }

    @Test
    void topLevelAwaitRunsOnOneEventLoopAcrossCells() {
        kernel.execute("import asyncio\nawaited = await asyncio.sleep(0.01, 'slept')");
        assertThat(kernel.execute("awaited").result()).isEqualTo("'slept'");
        assertThat(kernel.execute("[await asyncio.sleep(0, i) for i in range(3)]")
                        .result())
                .isEqualTo("[0, 1, 2]");
        kernel.execute("background = asyncio.ensure_future(asyncio.sleep(0.05, 'later'))");
        assertThat(kernel.execute("await background").result()).isEqualTo("'later'");
    }

    @Test
    void richReprsBecomeMimeBundles() {
        Execution run = kernel.execute("""
                class Rich:
                    def _repr_html_(self): return '<b>rich</b>'
                    def _repr_markdown_(self): return '**rich**'
                    def _repr_svg_(self): return '<svg xmlns="http://www.w3.org/2000/svg"/>'
                    def _repr_png_(self): return b'\\x89PNG\\r\\n'
                    def _repr_jpeg_(self): return b'\\xff\\xd8\\xff'
                    def _repr_json_(self): return {'a': 1}
                    def _repr_latex_(self): return r'$x^2$'
                    def __repr__(self): return 'Rich()'
                Rich()
                """);
        JsonNode data = run.resultData();
        assertThat(data.path("text/plain").asString()).isEqualTo("Rich()");
        assertThat(data.path("text/html").asString()).isEqualTo("<b>rich</b>");
        assertThat(data.path("text/markdown").asString()).isEqualTo("**rich**");
        assertThat(data.path("image/svg+xml").asString()).startsWith("<svg");
        assertThat(data.path("image/png").asString()).isEqualTo("iVBORw0K");
        assertThat(data.path("image/jpeg").asString()).isEqualTo("/9j/");
        assertThat(data.path("application/json").path("a").asInt()).isEqualTo(1);
        assertThat(data.path("text/latex").asString()).isEqualTo("$x^2$");

        Execution bundle = kernel.execute(
                "class B:\n    def _repr_mimebundle_(self, include=None, exclude=None):\n"
                        + "        return {'text/html': '<i>b</i>', 'text/plain': 'B!'}, {'text/html': {'isolated': True}}\nB()");
        JsonNode result = bundle.of("execute_result").get(0).path("content");
        assertThat(result.path("data").path("text/html").asString()).isEqualTo("<i>b</i>");
        assertThat(result.path("data").path("text/plain").asString()).isEqualTo("B!");
        assertThat(result.path("metadata").path("text/html").path("isolated").asBoolean())
                .isTrue();
    }

    @Test
    void displayUpdateClearAndSemicolon() {
        Execution run = kernel.execute(
                "h = display('first', display_id=True)\nh.update('second')\ndisplay('other')\nclear_output(wait=True)");
        assertThat(run.types())
                .containsSubsequence("display_data", "update_display_data", "display_data", "clear_output");
        String id = run.of("display_data")
                .get(0)
                .path("content")
                .path("transient")
                .path("display_id")
                .asString();
        assertThat(id).isNotBlank();
        assertThat(run.of("update_display_data")
                        .get(0)
                        .path("content")
                        .path("transient")
                        .path("display_id")
                        .asString())
                .isEqualTo(id);
        assertThat(run.of("clear_output").get(0).path("content").path("wait").asBoolean())
                .isTrue();

        assertThat(kernel.execute("1 + 1;").result()).isEmpty();
        assertThat(kernel.execute("1 + 1  # no semicolon").result()).contains("2");
    }

    @Test
    void printsFromThreadsAndLongLoopsArriveCompleteInFewMessages() {
        long started = System.nanoTime();
        Execution loop = kernel.execute("for i in range(100000):\n    print('line', i)");
        double seconds = (System.nanoTime() - started) / 1e9;
        String text = loop.stdout();
        assertThat(text.split("\n")).hasSize(100000);
        assertThat(text).startsWith("line 0\n").endsWith("line 99999\n");
        // Batched: at most one stream message per 50 ms (JupyterLab's server drops output past
        // about 1,000 messages a second), whatever the speed of the loop.
        assertThat(loop.of("stream").size())
                .as("stream messages for 100,000 lines in %.1f s", seconds)
                .isLessThanOrEqualTo((int) (seconds * 20) + 5);

        // One write per thread: print() writes its pieces separately, which threads may interleave.
        Execution threads = kernel.execute("import sys, threading\n"
                + "ts = [threading.Thread(target=sys.stdout.write, args=(f'from thread {n}\\n',)) for n in range(4)]\n"
                + "[t.start() for t in ts]; [t.join() for t in ts];");
        assertThat(threads.stdout().lines().filter(l -> l.startsWith("from thread")))
                .hasSize(4);

        Execution stderr =
                kernel.execute("import sys\nprint('out')\nprint('err', file=sys.stderr)\nprint('out again')");
        assertThat(stderr.stream("stderr")).isEqualTo("err\n");
        assertThat(stderr.stdout()).isEqualTo("out\nout again\n");
    }

    @Test
    void completeNamesAttributesImportsKeywordsWithCodePointOffsets() {
        kernel.execute("completion_target = 'x'\nimport collections");
        JsonNode names = complete("completion_ta", 13);
        assertThat(strings(names.path("matches"))).contains("completion_target");
        assertThat(names.path("cursor_start").asInt()).isEqualTo(0);
        assertThat(names.path("cursor_end").asInt()).isEqualTo(13);

        assertThat(strings(complete("collections.Ord", 15).path("matches"))).contains("OrderedDict");
        assertThat(strings(complete("import json, coll", 17).path("matches"))).contains("collections");
        assertThat(strings(complete("from collections import deq", 27).path("matches")))
                .contains("deque");
        assertThat(strings(complete("whi", 3).path("matches"))).contains("while");
        assertThat(strings(complete("%ti", 3).path("matches"))).contains("%time", "%timeit");

        // "🐍" is one code point (two UTF-16 units): offsets count code points.
        String code = "s = '🐍'; completion_ta";
        JsonNode emoji = complete(code, code.codePointCount(0, code.length()));
        assertThat(strings(emoji.path("matches"))).contains("completion_target");
        assertThat(emoji.path("cursor_start").asInt()).isEqualTo(9);
        assertThat(emoji.path("cursor_end").asInt()).isEqualTo(22);
    }

    private JsonNode complete(String code, int cursor) {
        ObjectNode content = kernel.content();
        content.put("code", code);
        content.put("cursor_pos", cursor);
        Execution reply = kernel.request("complete_request", content);
        assertThat(reply.status()).isEqualTo("ok");
        return reply.content();
    }

    private static List<String> strings(JsonNode array) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asString("")));
        return out;
    }

    @Test
    void inspectGivesSignatureDocstringAndSource() {
        kernel.execute("def documented(a, b=2):\n    '''Adds two numbers.'''\n    return a + b");
        ObjectNode content = kernel.content();
        content.put("code", "documented(");
        content.put("cursor_pos", 11);
        content.put("detail_level", 0);
        JsonNode level0 = kernel.request("inspect_request", content).content();
        assertThat(level0.path("found").asBoolean()).isTrue();
        String text = level0.path("data").path("text/plain").asString();
        assertThat(text).contains("documented(a, b=2)").contains("Adds two numbers.");
        content.put("detail_level", 1);
        assertThat(kernel.request("inspect_request", content)
                        .content()
                        .path("data")
                        .path("text/plain")
                        .asString())
                .contains("return a + b");
        content.put("code", "no_such_name_here");
        content.put("cursor_pos", 5);
        assertThat(kernel.request("inspect_request", content)
                        .content()
                        .path("found")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void isCompleteTellsCompleteIncompleteAndInvalid() {
        assertThat(isComplete("x = 1").path("status").asString()).isEqualTo("complete");
        JsonNode block = isComplete("for i in range(3):");
        assertThat(block.path("status").asString()).isEqualTo("incomplete");
        assertThat(block.path("indent").asString()).isEqualTo("    ");
        assertThat(isComplete("x = (1,").path("status").asString()).isEqualTo("incomplete");
        assertThat(isComplete("s = \"\"\"open").path("status").asString()).isEqualTo("incomplete");
        assertThat(isComplete("def f():\n    return 1").path("status").asString())
                .isEqualTo("incomplete");
        assertThat(isComplete("def f():\n    return 1\n").path("status").asString())
                .isEqualTo("complete");
        assertThat(isComplete("x = = 1").path("status").asString()).isEqualTo("invalid");
    }

    private JsonNode isComplete(String code) {
        ObjectNode content = kernel.content();
        content.put("code", code);
        return kernel.request("is_complete_request", content).content();
    }

    @Test
    void historyTailRangeAndSearch() {
        kernel.execute("history_marker_one = 1");
        kernel.execute("history_marker_two = 2");
        ObjectNode tail = kernel.content();
        tail.put("hist_access_type", "tail");
        tail.put("n", 2);
        tail.put("output", false);
        tail.put("raw", true);
        JsonNode last = kernel.request("history_request", tail).content().path("history");
        assertThat(last.size()).isEqualTo(2);
        assertThat(last.get(1).get(2).asString()).isEqualTo("history_marker_two = 2");

        ObjectNode search = kernel.content();
        search.put("hist_access_type", "search");
        search.put("pattern", "history_marker_*");
        search.put("n", 10);
        search.put("output", false);
        search.put("raw", true);
        assertThat(kernel.request("history_request", search)
                        .content()
                        .path("history")
                        .size())
                .isEqualTo(2);

        int line = last.get(1).get(1).asInt();
        ObjectNode range = kernel.content();
        range.put("hist_access_type", "range");
        range.put("session", 0);
        range.put("start", line);
        range.put("stop", line + 1);
        range.put("output", false);
        range.put("raw", true);
        JsonNode one = kernel.request("history_request", range).content().path("history");
        assertThat(one.size()).isEqualTo(1);
        assertThat(one.get(0).get(2).asString()).isEqualTo("history_marker_two = 2");
    }

    @Test
    void commInfoIsAnswered() {
        Execution comms = kernel.request("comm_info_request", kernel.content());
        assertThat(comms.status()).isEqualTo("ok");
        assertThat(comms.content().path("comms").isObject()).isTrue();
    }

    @Test
    void malformedMessagesAndBadSignaturesAreDroppedWhileTheKernelServes() {
        kernel.raw("shell", List.of("not", "a", "jupyter", "message"));
        kernel.raw(
                "shell",
                List.of(
                        "<IDS|MSG>",
                        "deadbeef",
                        "{\"msg_type\": \"execute_request\"}",
                        "{}",
                        "{}",
                        "{\"code\": \"1\"}"));
        kernel.raw("shell", List.of("<IDS|MSG>", "", "not json", "{}", "{}", "{}"));
        assertThat(kernel.execute("'still serving'").result()).contains("still serving");
    }

    @Test
    void theDefaultKernelRunsOnTheOptimizingRuntime() {
        kernel.execute("pass");
        Execution info = kernel.request("kernel_info_request", kernel.content());
        assertThat(info.content().path("banner").asString())
                .as("the default kernelspec must start GraalPy with the Graal JIT, not the fallback interpreter")
                .contains("Optimizing runtime: on")
                .doesNotContain("fallback");
    }
}

package dev.pymastery.tests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.Execution;
import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.JupyterDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a hostile client or cell found, through Debian's jupyter_client: replays, Java names in
 * replies, exit(), os._exit, a busy control channel, interrupting input(), and a bounded protocol
 * fuzzer (testkit's protocol_fuzzer.py) with the kernel log kept short under it. One
 * kernel serves the class; the tests that end a kernel start their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KernelFidelityIT {
    private static final Pattern JAVA_NAME = Pattern.compile("IllegalArgumentException|UnsupportedOperationException"
            + "|NullPointerException|IllegalStateException|ClassCastException|RejectedExecutionException"
            + "|ForeignException|polyglot\\.|java\\.(lang|util)\\.");
    private JupyterDriver kernel;
    private Path work;

    @BeforeAll
    void start() throws Exception {
        work = Files.createDirectories(Path.of("target", "it-work", "fidelity")).toAbsolutePath();
        kernel = JupyterDriver.start(InstalledKernel.install(), work, work.resolve("kernel.log"));
    }

    @AfterAll
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private JupyterDriver ownKernel(String name) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        return JupyterDriver.start(InstalledKernel.install(), dir, dir.resolve("kernel.log"));
    }

    @Test
    void aReplayedExecuteRequestRunsOnce() {
        kernel.execute("replayed_runs = 0");
        JsonNode replay = kernel.call(Map.of("cmd", "replay", "code", "replayed_runs += 1", "times", 5));
        assertThat(replay.path("replies").asInt())
                .as("replies to one message sent 5 times")
                .isEqualTo(1);
        assertThat(kernel.execute("replayed_runs").result()).isEqualTo("1");
    }

    @Test
    void anExecuteRequestWithoutStringCodeIsATypeErrorShownLikeAFailedCell() {
        kernel.execute("'count before'");
        ObjectNode content = kernel.executeContent("");
        content.put("code", 1);
        Execution bad = kernel.collect(kernel.send("shell", "execute_request", content), 30);
        assertThat(bad.status()).isEqualTo("error");
        assertThat(bad.content().path("ename").asString()).isEqualTo("TypeError");
        assertThat(bad.content().path("evalue").asString())
                .contains("'code' must be a string")
                .contains("number");
        assertThat(bad.content().path("execution_count").isInt()).isTrue();
        assertThat(bad.content().path("traceback").size()).isPositive();
        assertThat(bad.of("error")).hasSize(1);
        assertThat(bad.of("error").get(0).path("content").path("ename").asString())
                .isEqualTo("TypeError");
        assertThat(bad.types()).startsWith("status").endsWith("status");
        assertThat(kernel.execute("'still serving'").result()).contains("still serving");
    }

    @Test
    void anUnknownRequestGetsBusyAndIdleButNoReplyAsFromIpykernel() {
        Execution unknown = kernel.collect(kernel.send("shell", "frobnicate_request", kernel.content()), 3);
        assertThat(unknown.reply().isNull() || unknown.reply().isMissingNode()).isTrue();
        assertThat(unknown.types()).containsExactly("status", "status");
        assertThat(kernel.execute("'served after'").result()).contains("served after");
    }

    @Test
    void controlAnswersAnInterruptWhileACompletionWaitsForABusyCell() {
        String loop = kernel.send("shell", "execute_request", kernel.executeContent("while True:\n    pass"));
        // The loop must be running before the completion is sent, or there is nothing to wait for.
        kernel.collect(loop, 1.5);
        String completion = kernel.send("control", "complete_request", completeContent("str.upp", 7));
        String interrupt = kernel.send("control", "interrupt_request", kernel.content());
        Execution interrupted = kernel.collect(interrupt, 5);
        assertThat(interrupted.timedOut()).as("interrupt_reply within 5 s").isFalse();
        assertThat(interrupted.status()).isEqualTo("ok");
        Execution cell = kernel.collect(loop, 30);
        assertThat(cell.content().path("ename").asString()).isEqualTo("KeyboardInterrupt");
        Execution completed = kernel.collect(completion, 30);
        assertThat(completed.status()).isEqualTo("ok");
        assertThat(completed.content().path("matches").toString()).contains("upper");
    }

    private ObjectNode completeContent(String code, int cursor) {
        ObjectNode content = kernel.content();
        content.put("code", code);
        content.put("cursor_pos", cursor);
        return content;
    }

    @Test
    void interruptingInputRaisesKeyboardInterruptFromInputAndOutputKeepsWorking() {
        String id = kernel.send(
                "shell",
                "execute_request",
                kernel.executeContent(
                        "try:\n    input('name? ')\nexcept KeyboardInterrupt:\n    print('stopped at input')\n"
                                + "    raise"));
        assertThat(kernel.collect(id, 60).stdin()).isPresent();
        long start = System.nanoTime();
        String interrupt = kernel.send("control", "interrupt_request", kernel.content());
        Execution interrupted = kernel.collect(id, 30);
        double seconds = (System.nanoTime() - start) / 1e9;
        kernel.collect(interrupt, 5);
        assertThat(interrupted.content().path("ename").asString()).isEqualTo("KeyboardInterrupt");
        assertThat(interrupted.content().path("evalue").asString())
                .as("a KeyboardInterrupt raised by input(), not the kernel stopping a cell from outside")
                .doesNotContain("did not stop");
        assertThat(interrupted.stdout()).isEqualTo("stopped at input\n");
        System.out.printf("interrupting input(): the cell ended %.3f s after the interrupt was sent%n", seconds);
        Execution after = kernel.execute("print('a')");
        assertThat(after.status()).isEqualTo("ok");
        assertThat(after.stdout()).isEqualTo("a\n");
        String again = kernel.send("shell", "execute_request", kernel.executeContent("input('again? ')"));
        assertThat(kernel.collect(again, 30).stdin()).isPresent();
        kernel.input("yes");
        assertThat(kernel.collect(again, 30).result()).isEqualTo("'yes'");
    }

    @Test
    void exitEndsTheKernelCleanlyWithIPythonsPayload() throws Exception {
        try (JupyterDriver own = ownKernel("exit")) {
            Execution exit = own.execute("print('before'); exit()");
            assertThat(exit.status()).isEqualTo("ok");
            assertThat(exit.stdout()).isEqualTo("before\n");
            JsonNode payload = exit.content().path("payload");
            assertThat(payload.size()).isEqualTo(1);
            assertThat(payload.get(0).path("source").asString()).isEqualTo("ask_exit");
            assertThat(payload.get(0).path("keepkernel").asBoolean(true)).isFalse();
            JsonNode ended = own.call(Map.of("cmd", "wait_exit", "timeout", 10));
            assertThat(ended.path("alive").asBoolean())
                    .as("kernel alive 10 s after exit()")
                    .isFalse();
            assertThat(ended.path("exit_code").asInt(-1)).isZero();
        }
    }

    @Test
    void quitWithKeepKernelKeepsItAndOsExitEndsTheProcessWithItsStatus() throws Exception {
        try (JupyterDriver own = ownKernel("os-exit")) {
            Execution kept = own.execute("quit(keep_kernel=True)");
            assertThat(kept.content().path("payload").get(0).path("keepkernel").asBoolean())
                    .isTrue();
            assertThat(own.execute("'kept'").result()).isEqualTo("'kept'");
            String id = own.send("shell", "execute_request", own.executeContent("import os\nos._exit(3)"));
            Execution exited = own.collect(id, 5);
            assertThat(exited.reply().isNull() || exited.reply().isMissingNode())
                    .as("a process that calls os._exit sends no reply")
                    .isTrue();
            JsonNode ended = own.call(Map.of("cmd", "wait_exit", "timeout", 10));
            assertThat(ended.path("alive").asBoolean()).isFalse();
            assertThat(ended.path("exit_code").asInt(-1)).isEqualTo(3);
        }
    }

    @Test
    void theFuzzerFindsNoReplyToBadMessagesNoJavaNamesAndAShortLog() throws Exception {
        // GraalPy up first: requests that wait for it would make the fuzzer wait for start-up instead.
        assertThat(kernel.execute("'ready'").result()).isEqualTo("'ready'");
        JsonNode report = kernel.call(Map.of("cmd", "fuzz", "seconds", 15, "max_messages", 3000, "seed", 7));
        String summary = report.toString();
        assertThat(report.path("sent").asInt()).as(summary).isGreaterThan(500);
        assertThat(report.path("unexpected_reply_count").asInt())
                .as("replies to unreadable, badly signed, replayed or unknown messages: %s", summary)
                .isZero();
        assertThat(report.path("bad_reply_count").asInt())
                .as("error replies without a Python exception name and a message: %s", summary)
                .isZero();
        assertThat(report.path("missing_reply_count").asInt())
                .as("requests that must be answered: %s", summary)
                .isZero();
        for (String category : List.of("unreadable", "bad signature", "wrong content", "replay", "oversized")) {
            assertThat(report.path("stats").path(category).path("sent").asInt())
                    .as("%s sent", category)
                    .isPositive();
        }
        assertThat(JAVA_NAME.matcher(summary).find())
                .as("a Java name in a reply: %s", summary)
                .isFalse();
        assertThat(kernel.execute("'alive after fuzzing'").result()).contains("alive after fuzzing");
        Path log = kernelLog(
                work.resolve("kernel.log"),
                kernel.call(Map.of("cmd", "connection_file")).path("path").asString());
        long dropped;
        try (Stream<String> lines = Files.lines(log)) {
            dropped = lines.filter(line -> line.contains("dropped a message")).count();
        }
        assertThat(dropped)
                .as(
                        "'dropped a message' lines in %s after %d messages",
                        log, report.path("sent").asInt())
                .isLessThan(60);
        assertThat(Files.size(log)).as("kernel log bytes").isLessThan(256 * 1024);
    }

    /**
     * The log of the kernel process behind this driver: the spare log, in the pool folder the
     * launcher names, that says it serves this connection file.
     */
    private static Path kernelLog(Path launcherLog, String connectionFile) throws IOException {
        Matcher named = Pattern.compile("log in (\\S+)").matcher(Files.readString(launcherLog));
        assertThat(named.find())
                .as("the launcher names its kernel's log in %s", launcherLog)
                .isTrue();
        Path dir = Path.of(named.group(1));
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".log")).forEach(logs::add);
        }
        for (Path candidate : logs) {
            if (Files.readString(candidate).contains("serving " + connectionFile)) {
                return candidate;
            }
        }
        throw new AssertionError("no kernel log in " + dir + " serves " + connectionFile + ": " + logs);
    }
}

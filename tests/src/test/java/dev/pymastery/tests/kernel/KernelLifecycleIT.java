package dev.pymastery.tests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.Execution;
import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.JupyterDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Interrupts, input over stdin, restart and shutdown: the requests that cross the control channel. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KernelLifecycleIT {
    private JupyterDriver kernel;

    @BeforeAll
    void start() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-work", "lifecycle"))
                .toAbsolutePath();
        kernel = JupyterDriver.start(InstalledKernel.install(), work, work.resolve("kernel.log"));
        kernel.execute("pass");
    }

    @AfterAll
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private Execution interruptAfter(String code, long delayMillis) throws InterruptedException {
        String id = kernel.send("shell", "execute_request", kernel.executeContent(code));
        Thread.sleep(delayMillis);
        long start = System.nanoTime();
        kernel.interrupt();
        Execution run = kernel.collect(id, 30);
        assertThat((System.nanoTime() - start) / 1e9)
                .as("seconds from interrupt to reply")
                .isLessThan(1.0);
        return run;
    }

    @Test
    @Order(1)
    void interruptStopsABusyLoopWithKeyboardInterruptAndKeepsTheNamespace() throws Exception {
        kernel.execute("survivor = 'still here'");
        // A loop that does work: an empty `while True: pass` compiled by GraalPy can lose the
        // line in the KeyboardInterrupt's traceback (docs/architecture.md, "GraalPy differences").
        Execution run = interruptAfter("spins = 0\nwhile True:\n    spins += 1", 1500);
        assertThat(run.status()).isEqualTo("error");
        assertThat(run.content().path("ename").asString()).isEqualTo("KeyboardInterrupt");
        assertThat(run.traceback()).contains("<cell").doesNotContain("java.");
        assertThat(kernel.execute("survivor").result()).contains("still here");
    }

    @Test
    @Order(2)
    void interruptStopsSleepAndIsCatchableInPython() throws Exception {
        Execution sleep = interruptAfter("import time\ntime.sleep(60)", 1000);
        assertThat(sleep.content().path("ename").asString()).isEqualTo("KeyboardInterrupt");
        // A loop that does work: GraalPy's compiled empty `while True: pass` at module level can let the
        // KeyboardInterrupt escape the try (docs/architecture.md, "GraalPy differences").
        Execution caught = interruptAfter(
                "count = 0\ntry:\n    while True:\n        count += 1\nexcept KeyboardInterrupt:\n    print('caught it')",
                1000);
        assertThat(caught.status()).as(caught.traceback()).isEqualTo("ok");
        assertThat(caught.stdout()).isEqualTo("caught it\n");
    }

    @Test
    @Order(3)
    void codeThatSwallowsKeyboardInterruptIsStillStopped() throws Exception {
        Execution run = interruptAfter(
                "while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass",
                1000);
        assertThat(run.content().path("ename").asString()).isEqualTo("KeyboardInterrupt");
        assertThat(kernel.execute("1 + 2").result()).contains("3");
    }

    @Test
    @Order(4)
    void inputAsksOverStdinAndUsesTheReply() {
        String id = kernel.send(
                "shell", "execute_request", kernel.executeContent("name = input('Your name: ')\nname.upper()"));
        Execution asked = kernel.collect(id, 30);
        assertThat(asked.stdin()).isPresent();
        assertThat(asked.stdin().get().path("msg_type").asString()).isEqualTo("input_request");
        assertThat(asked.stdin().get().path("content").path("prompt").asString())
                .isEqualTo("Your name: ");
        assertThat(asked.stdin().get().path("content").path("password").asBoolean())
                .isFalse();
        kernel.input("ada");
        Execution done = kernel.collect(id, 30);
        assertThat(done.result()).contains("'ADA'");
    }

    @Test
    @Order(5)
    void getpassAsksForAPassword() {
        String id = kernel.send(
                "shell",
                "execute_request",
                kernel.executeContent("import getpass\nsecret = getpass.getpass()\nlen(secret)"));
        Execution asked = kernel.collect(id, 30);
        assertThat(asked.stdin().orElseThrow().path("content").path("password").asBoolean())
                .isTrue();
        kernel.input("hunter2");
        assertThat(kernel.collect(id, 30).result()).contains("7");
    }

    @Test
    @Order(6)
    void inputWithoutStdinIsAClearErrorAndInterruptWakesAWaitingInput() throws Exception {
        var content = kernel.executeContent("input('never asked')");
        content.put("allow_stdin", false);
        Execution refused = kernel.collect(kernel.send("shell", "execute_request", content), 30);
        assertThat(refused.content().path("ename").asString()).isEqualTo("StdinNotImplementedError");
        assertThat(refused.content().path("evalue").asString()).contains("allow_stdin");

        String id = kernel.send("shell", "execute_request", kernel.executeContent("input('waiting: ')"));
        assertThat(kernel.collect(id, 30).stdin()).isPresent();
        kernel.interrupt();
        Execution interrupted = kernel.collect(id, 30);
        assertThat(interrupted.content().path("ename").asString()).isEqualTo("KeyboardInterrupt");
    }

    @Test
    @Order(7)
    void restartGivesAFreshNamespaceQuickly() {
        kernel.execute("before_restart = 1");
        double seconds = kernel.restart();
        assertThat(kernel.execute("'before_restart' in dir()").result()).contains("False");
        assertThat(seconds).as("restart seconds (reported, not a timing gate)").isPositive();
    }

    @Test
    @Order(8)
    void shutdownEndsTheProcessWithinTwoSeconds() {
        var result = kernel.shutdown();
        assertThat(result.path("alive").asBoolean()).isFalse();
        assertThat(result.path("seconds").asDouble()).isLessThan(2.0);
    }
}

package dev.pymastery.tests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.tests.support.Execution;
import dev.pymastery.tests.support.InstalledKernel;
import dev.pymastery.tests.support.JupyterDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The warm pool behind the kernelspec: a process that served a session comes back with a fresh
 * namespace, a process whose launcher dies goes away, and a process that loaded a C extension is
 * not reused, and a spare of a kernel since uninstalled exits. Pool size 0 here, so the only spare is
 * the recycled one.
 */
class KernelPoolIT {
    private final InstalledKernel kernel =
            InstalledKernel.install("pymastery-it-pool", Map.of("PYMASTERY_POOL_SIZE", "0"));

    private JupyterDriver start(String name) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-work", "pool-" + name))
                .toAbsolutePath();
        return JupyterDriver.start(kernel, work, work.resolve("kernel.log"));
    }

    private static long kernelPid(JupyterDriver driver) {
        return Long.parseLong(driver.execute("import os\nos.getpid()").result());
    }

    @Test
    void aCleanlyShutDownProcessServesTheNextKernelWithAFreshNamespace() throws Exception {
        long first;
        try (JupyterDriver one = start("first")) {
            first = kernelPid(one);
            one.execute("left_behind = 'secret'");
            one.execute("import signal\nsignal.signal(signal.SIGALRM, lambda *a: print('stale alarm'))\n"
                    + "signal.setitimer(signal.ITIMER_REAL, 3)");
            one.shutdown();
        }
        try (JupyterDriver two = start("second")) {
            assertThat(kernelPid(two))
                    .as("the same warm process serves the next kernel")
                    .isEqualTo(first);
            assertThat(two.execute("'left_behind' in globals()").result()).isEqualTo("False");
            assertThat(two.execute("import signal\nsignal.getsignal(signal.SIGALRM) is signal.SIG_DFL, "
                                    + "signal.getitimer(signal.ITIMER_REAL)[0]")
                            .result())
                    .as("no handler or timer of the last session")
                    .isEqualTo("(True, 0.0)");
            assertThat(two.execute("import os\nos.getcwd()").result()).contains("pool-second");
            two.shutdown();
        }
    }

    @Test
    void aRecycledProcessStillInterruptsABusyLoop() throws Exception {
        // Regression: in a renewed context on the shared engine, a compiled `while True: pass`
        // kept the GIL, so an interrupt that needed the GIL never arrived.
        String spin = "while True:\n    pass";
        long first;
        try (JupyterDriver one = start("spin-first")) {
            first = kernelPid(one);
            interruptedWithinASecond(one, spin);
            one.shutdown();
        }
        try (JupyterDriver two = start("spin-second")) {
            assertThat(kernelPid(two)).as("the recycled process").isEqualTo(first);
            two.execute("survivor = 1");
            interruptedWithinASecond(two, spin);
            interruptedWithinASecond(two, "for i in range(10**10):\n    pass");
            assertThat(two.execute("survivor + 1").result()).isEqualTo("2");
            two.shutdown();
        }
    }

    private static void interruptedWithinASecond(JupyterDriver driver, String code) throws InterruptedException {
        String id = driver.send("shell", "execute_request", driver.executeContent(code));
        Thread.sleep(2000);
        long start = System.nanoTime();
        driver.interrupt();
        Execution run = driver.collect(id, 30);
        assertThat((System.nanoTime() - start) / 1e9)
                .as("seconds from interrupt to reply")
                .isLessThan(1.0);
        assertThat(run.content().path("ename").asString()).isEqualTo("KeyboardInterrupt");
    }

    @Test
    void aProcessThatLoadedACExtensionIsNotReused() throws Exception {
        long first;
        try (JupyterDriver one = start("native")) {
            first = kernelPid(one);
            one.execute("import pyexpat");
            one.shutdown();
        }
        waitForExit(first, Duration.ofSeconds(20));
        assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void aKernelWhoseLauncherIsKilledGoesAway() throws Exception {
        try (JupyterDriver one = start("killed")) {
            long kernel = kernelPid(one);
            long launcher = one.call(Map.of("cmd", "pid")).path("pid").asLong();
            ProcessHandle.of(launcher).orElseThrow().destroyForcibly();
            waitForExit(kernel, Duration.ofSeconds(20));
            assertThat(ProcessHandle.of(kernel).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        }
    }

    @Test
    void aSpareOfAnUninstalledKernelGoesAway() throws Exception {
        InstalledKernel removed =
                InstalledKernel.install("pymastery-it-pool-removed", Map.of("PYMASTERY_POOL_SIZE", "0"));
        Path work = Files.createDirectories(Path.of("target", "it-work", "pool-removed"))
                .toAbsolutePath();
        long spare;
        try (JupyterDriver one = JupyterDriver.start(removed, work, work.resolve("kernel.log"))) {
            spare = kernelPid(one);
            one.shutdown();
        }
        Thread.sleep(2000);
        assertThat(ProcessHandle.of(spare).map(ProcessHandle::isAlive))
                .as("the used process waits in the pool")
                .isEqualTo(Optional.of(true));
        assertThat(removed.uninstall()).isTrue();
        waitForExit(spare, Duration.ofSeconds(20));
        assertThat(ProcessHandle.of(spare).map(ProcessHandle::isAlive))
                .as("a spare whose kernelspec was removed exits instead of idling for half an hour")
                .isNotEqualTo(Optional.of(true));
    }

    private static void waitForExit(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(100);
        }
    }
}

package dev.pymastery.tests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

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
 * not reused. Pool size 0 here, so the only spare is the recycled one.
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
            one.shutdown();
        }
        try (JupyterDriver two = start("second")) {
            assertThat(kernelPid(two))
                    .as("the same warm process serves the next kernel")
                    .isEqualTo(first);
            assertThat(two.execute("'left_behind' in globals()").result()).isEqualTo("False");
            assertThat(two.execute("import os\nos.getcwd()").result()).contains("pool-second");
            two.shutdown();
        }
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

    private static void waitForExit(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(100);
        }
    }
}

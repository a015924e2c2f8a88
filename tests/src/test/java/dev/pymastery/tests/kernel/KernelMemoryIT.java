package dev.pymastery.tests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.Execution;
import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.JupyterDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A kernel whose heap fills up: the cell ends with a MemoryError the learner can act on and the
 * kernel keeps serving; a process back in the pool after a heavy session gives its memory back.
 * The heap is capped at 512 MB so that filling it is quick.
 */
class KernelMemoryIT {
    private static final String FILL_THE_HEAP = "objs = []\nwhile True:\n    objs.append([i for i in range(1000)])";

    private final InstalledKernel kernel =
            InstalledKernel.install("pymastery-it-memory", Map.of("PYMASTERY_POOL_SIZE", "0"), "512m");

    private JupyterDriver start(String name) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-work", "memory-" + name))
                .toAbsolutePath();
        return JupyterDriver.start(kernel, work, work.resolve("kernel.log"));
    }

    @Test
    void aCellThatFillsTheHeapEndsWithMemoryErrorAndTheKernelKeepsServing() throws Exception {
        try (JupyterDriver driver = start("full")) {
            driver.execute("before = 'still here'");
            Execution full =
                    driver.collect(driver.send("shell", "execute_request", driver.executeContent(FILL_THE_HEAP)), 90);
            assertThat(full.timedOut())
                    .as("the cell ends instead of hanging the kernel")
                    .isFalse();
            assertThat(full.content().path("ename").asString()).isEqualTo("MemoryError");
            assertThat(full.content().path("evalue").asString()).contains("nearly full", "del ", "restart the kernel");
            assertThat(full.traceback()).doesNotContain("java.");
            assertThat(driver.execute("del objs\n1 + 1").result()).isEqualTo("2");
            assertThat(driver.execute("before").result()).contains("still here");
            assertThat(driver.request("kernel_info_request", driver.content()).status())
                    .isEqualTo("ok");
            assertThat(driver.alive()).isTrue();
            driver.shutdown();
        }
    }

    @Test
    void aProcessBackFromAHeavySessionIsAboutAsSmallAsAFreshOneOrRetires() throws Exception {
        long pid;
        long fresh;
        try (JupyterDriver one = start("heavy")) {
            pid = Long.parseLong(one.execute("import os\nos.getpid()").result());
            fresh = resident(pid).orElseThrow();
            // About 400 MB of a 512 MB heap, then freed: the heap has grown to its maximum.
            one.execute("x = [bytearray(1024 * 1024) for _ in range(400)]\ndel x");
            one.shutdown();
        }
        // Pool size 0: the only spare is the returned process, and a claim waits for its renewal.
        try (JupyterDriver two = start("after-heavy")) {
            long second = Long.parseLong(two.execute("import os\nos.getpid()").result());
            if (second == pid) {
                assertThat(resident(pid).orElseThrow())
                        .as("resident bytes of the returned process (fresh: " + fresh + ")")
                        .isLessThan(fresh + 300L * 1024 * 1024);
            } else {
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                        .as("a process not returned retires")
                        .isNotEqualTo(Optional.of(true));
            }
            two.shutdown();
        }
    }

    /**
     * A learner who freed a big allocation and went quiet: after PYMASTERY_QUIET_GC_SECONDS the
     * kernel collects and the heap it had grown goes back to the machine (decision 0002).
     */
    @Test
    void aQuietKernelGivesFreedMemoryBack() throws Exception {
        InstalledKernel quiet = InstalledKernel.install(
                "pymastery-it-quiet", Map.of("PYMASTERY_POOL_SIZE", "0", "PYMASTERY_QUIET_GC_SECONDS", "3"));
        Path work = Files.createDirectories(Path.of("target", "it-work", "memory-quiet"))
                .toAbsolutePath();
        try (JupyterDriver driver = JupyterDriver.start(quiet, work, work.resolve("kernel.log"))) {
            long pid = Long.parseLong(
                    driver.execute("import os, time\nos.getpid()").result());
            // 400 MB, freed at once, then a short pause inside the cell: the kernel is busy, so no
            // quiet-time collection yet. (The default 2 GB heap: a 512 MB one is collected in full
            // while it fills, and shrinks without the quiet time.)
            driver.execute("x = [bytearray(1024 * 1024) for _ in range(400)]\ndel x\ntime.sleep(1)");
            long grown = resident(pid).orElseThrow();
            Thread.sleep(9_000);
            long after = resident(pid).orElseThrow();
            assertThat(grown - after)
                    .as("resident bytes %d after the cell, %d after 9 quiet seconds", grown, after)
                    .isGreaterThan(150L * 1024 * 1024);
            assertThat(driver.execute("1 + 1").result()).isEqualTo("2");
            driver.shutdown();
        } finally {
            quiet.uninstall();
        }
    }

    private static Optional<Long> resident(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (java.io.IOException e) {
            // the process is gone
        }
        return Optional.empty();
    }
}

package dev.pymastery.tests.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.JupyterDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kernel killed with -9 leaves its containers; the next kernel to start removes them. */
class OrphanReapingIT {
    @TempDir
    Path dir;

    @Test
    void theNextKernelRemovesTheContainersOfAKilledOne() throws Exception {
        TestRuntimes.require();
        Files.createDirectories(dir.resolve("config"));
        long killedPid;
        try (JupyterDriver first = JupyterDriver.start(
                TestRuntimes.kernel(), dir, dir.resolve("first.log"), TestRuntimes.env(dir.resolve("config")))) {
            assertThat(first.execute("%%cpython\n'up'").result()).isEqualTo("'up'");
            killedPid = first.kernelPid();
            first.submit("%%cpython\nwhile True:\n    pass");
            Thread.sleep(500);
            first.kill();
        }
        assertThat(EngineContainers.ofKernelProcess(killedPid))
                .as("left behind by the killed kernel")
                .isNotEmpty();
        try (JupyterDriver second = JupyterDriver.start(
                TestRuntimes.kernel(), dir, dir.resolve("second.log"), TestRuntimes.env(dir.resolve("config")))) {
            assertThat(EngineContainers.awaitNone(killedPid, 15)).isEmpty();
            second.shutdown();
        }
    }
}

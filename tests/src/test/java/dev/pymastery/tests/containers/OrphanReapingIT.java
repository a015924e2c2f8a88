package dev.pymastery.tests.containers;

import static org.assertj.core.api.Assertions.assertThat;

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
        Prerequisites.require();
        Path jupyter = InstalledKernel.install(dir.resolve("prefix"));
        Files.createDirectories(dir.resolve("config"));
        long killedPid;
        try (JupyterDriver first =
                new JupyterDriver(jupyter, TestRuntimes.env(dir.resolve("config")), dir.resolve("first.log"))) {
            first.start();
            assertThat(first.execute("%%cpython\n'up'").result()).isEqualTo("'up'");
            killedPid = first.kernelPid();
            first.submit("%%cpython\nwhile True:\n    pass");
            Thread.sleep(500);
            first.kill();
        }
        assertThat(EngineContainers.ofKernelProcess(killedPid))
                .as("left behind by the killed kernel")
                .isNotEmpty();
        try (JupyterDriver second =
                new JupyterDriver(jupyter, TestRuntimes.env(dir.resolve("config")), dir.resolve("second.log"))) {
            second.start();
            assertThat(EngineContainers.awaitNone(killedPid, 15)).isEmpty();
            second.shutdown();
        }
    }
}

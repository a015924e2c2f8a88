package dev.pymastery.runner.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ProcessGroupTest {

    @Test
    void aChildStartedWithSetsidLeavesItsParentsGroup() throws Exception {
        long self = ProcessHandle.current().pid();
        assertThat(KernelProcess.processGroup(self)).isPresent();
        Process plain = new ProcessBuilder("sleep", "30").start();
        Process own = Files.isExecutable(Path.of("/usr/bin/setsid"))
                ? new ProcessBuilder("/usr/bin/setsid", "sleep", "30").start()
                : null;
        try {
            assertThat(KernelProcess.processGroup(plain.pid())).isEqualTo(KernelProcess.processGroup(self));
            if (own != null) {
                Thread.sleep(200); // setsid runs before exec
                assertThat(KernelProcess.processGroup(own.pid())).isNotEqualTo(KernelProcess.processGroup(self));
            }
        } finally {
            plain.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            if (own != null) {
                own.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        assertThat(KernelProcess.processGroup(Long.MAX_VALUE)).isEmpty();
    }
}

package dev.pymastery.kernel.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.kernel.runtime.container.engine.Labels;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelIdentityTest {
    private final KernelIdentity self = KernelIdentity.current("k1");

    private Map<String, String> ownedBy(String owner) {
        return Map.of(Labels.OWNER, owner, Labels.KERNEL, "other");
    }

    @Test
    void labelsNameTheKernelAndItsProcess() {
        assertThat(self.labels("stock"))
                .containsEntry(Labels.KERNEL, "k1")
                .containsEntry(Labels.RUNTIME, "stock")
                .containsEntry(Labels.OWNER, self.host() + "/" + self.pid() + "/" + self.startMillis());
    }

    @Test
    void aContainerOfAKernelProcessThatIsGoneIsAnOrphan() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertThat(self.isOrphan(ownedBy(self.host() + "/" + gone.pid() + "/1")))
                .isTrue();
    }

    @Test
    void containersOfLiveKernelsOtherHostsAndStrangersAreLeftAlone() {
        assertThat(self.isOrphan(self.labels("stock"))).isFalse();
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        long parentStart = parent.info().startInstant().orElseThrow().toEpochMilli();
        assertThat(self.isOrphan(ownedBy(self.host() + "/" + parent.pid() + "/" + parentStart)))
                .isFalse();
        assertThat(self.isOrphan(ownedBy("elsewhere/1/1"))).isFalse();
        assertThat(self.isOrphan(Map.of(Labels.OWNER, "garbage"))).isFalse();
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsAnOrphan() {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        assertThat(self.isOrphan(ownedBy(self.host() + "/" + parent.pid() + "/12345")))
                .isTrue();
    }
}

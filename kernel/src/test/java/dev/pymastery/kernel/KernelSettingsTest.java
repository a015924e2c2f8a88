package dev.pymastery.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelSettingsTest {
    @Test
    void defaults() {
        KernelSettings settings = KernelSettings.from(Map.of("XDG_CACHE_HOME", "/cache"));
        assertThat(settings.graalpy().bytecodeCache()).contains(Path.of("/cache/pymastery/pycache"));
        assertThat(settings.quietCollect()).isEqualTo(Duration.ofSeconds(KernelSettings.DEFAULT_QUIET_SECONDS));
    }

    @Test
    void theKernelspecCanSetThem() {
        KernelSettings settings =
                KernelSettings.from(Map.of("PYMASTERY_PYCACHE", "off", "PYMASTERY_QUIET_GC_SECONDS", "0"));
        assertThat(settings.graalpy().bytecodeCache()).isEmpty();
        assertThat(settings.quietCollect()).isZero();
        assertThat(KernelSettings.from(Map.of("PYMASTERY_QUIET_GC_SECONDS", "30"))
                        .quietCollect())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aValueThatIsNotANumberKeepsTheDefault() {
        assertThat(KernelSettings.from(Map.of("PYMASTERY_QUIET_GC_SECONDS", "soon"))
                        .quietCollect())
                .isEqualTo(Duration.ofSeconds(KernelSettings.DEFAULT_QUIET_SECONDS));
    }
}

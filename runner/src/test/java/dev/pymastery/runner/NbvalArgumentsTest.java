package dev.pymastery.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NbvalArgumentsTest {
    private static final Path DEFAULT = Path.of("notebooks");

    @Test
    void defaultsRunTheNotebooksFolderStrictlyOneAtATime() {
        NbvalOptions options = NbvalArguments.parse(List.of(), Map.of(), DEFAULT);
        assertThat(options.paths()).containsExactly(DEFAULT);
        assertThat(options.defaultPaths()).isTrue();
        assertThat(options.lax()).isFalse();
        assertThat(options.jobs()).isEqualTo(1);
        assertThat(options.timeouts().kernelStart()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.timeouts().outputGap()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        NbvalOptions options = NbvalArguments.parse(
                List.of(
                        "a.ipynb",
                        "--kernel",
                        "python3",
                        "--lax",
                        "--sanitize-with",
                        "s1.cfg",
                        "--sanitize-with=s2.cfg",
                        "-j",
                        "4",
                        "--junit-xml",
                        "out.xml",
                        "--keep-executed",
                        "kept",
                        "--update",
                        "--cell-timeout",
                        "2.5",
                        "--output-timeout",
                        "3",
                        "--kernel-start-timeout=90",
                        "--interrupt-grace",
                        "4",
                        "--heartbeat-timeout",
                        "7",
                        "--compare-images",
                        "--compare-error-values",
                        "-v",
                        "folder"),
                Map.of("JUPYTER_PATH", "/k"),
                DEFAULT);
        assertThat(options.paths()).containsExactly(Path.of("a.ipynb"), Path.of("folder"));
        assertThat(options.defaultPaths()).isFalse();
        assertThat(options.kernel()).contains("python3");
        assertThat(options.lax()).isTrue();
        assertThat(options.sanitizers()).containsExactly(Path.of("s1.cfg"), Path.of("s2.cfg"));
        assertThat(options.jobs()).isEqualTo(4);
        assertThat(options.junitXml()).contains(Path.of("out.xml"));
        assertThat(options.keepExecuted()).contains(Path.of("kept"));
        assertThat(options.update()).isTrue();
        assertThat(options.timeouts().cell()).isEqualTo(Duration.ofMillis(2500));
        assertThat(options.timeouts().outputGap()).contains(Duration.ofSeconds(3));
        assertThat(options.timeouts().kernelStart()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.timeouts().interruptGrace()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.timeouts().heartbeat()).isEqualTo(Duration.ofSeconds(7));
        assertThat(options.compareImages()).isTrue();
        assertThat(options.compareErrorValues()).isTrue();
        assertThat(options.verbose()).isTrue();
        assertThat(options.jupyterDataDirs().getFirst()).isEqualTo(Path.of("/k"));
        assertThat(NbvalArguments.parse(List.of("-j2"), Map.of(), DEFAULT).jobs())
                .isEqualTo(2);
    }

    @Test
    void wrongUsageSaysWhatToChange() {
        assertThatThrownBy(() -> NbvalArguments.parse(List.of("--frobnicate"), Map.of(), DEFAULT))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> NbvalArguments.parse(List.of("-j", "0"), Map.of(), DEFAULT))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> NbvalArguments.parse(List.of("--cell-timeout", "soon"), Map.of(), DEFAULT))
                .hasMessageContaining("seconds");
        assertThatThrownBy(() -> NbvalArguments.parse(List.of("--junit-xml"), Map.of(), DEFAULT))
                .hasMessageContaining("needs a value");
    }
}

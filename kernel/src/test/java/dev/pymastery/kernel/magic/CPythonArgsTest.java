package dev.pymastery.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CPythonArgsTest {
    @Test
    void readsTheRuntimeAndEveryOption() {
        CPythonArgs args = CPythonArgs.parse("ft --in a,b --in=c --out d --timeout 2.5 --fresh", "cpython", true);
        assertThat(args.runtime()).contains("ft");
        assertThat(args.in()).containsExactly("a", "b", "c");
        assertThat(args.out()).containsExactly("d");
        assertThat(args.timeout()).contains(Duration.ofMillis(2500));
        assertThat(args.fresh()).isTrue();
        assertThat(CPythonArgs.parse("--out total, size --fresh", "cpython", true)
                        .out())
                .containsExactly("total", "size");
        CPythonArgs none = CPythonArgs.parse("", "cpython", true);
        assertThat(none.runtime()).isEmpty();
        assertThat(none.in()).isEmpty();
        assertThat(none.timeout()).isEmpty();
    }

    @Test
    void mistakesAreUsageErrorsThatShowTheUsage() {
        assertThatThrownBy(() -> CPythonArgs.parse("--in", "cpython", true))
                .isInstanceOf(MagicUsageException.class)
                .hasMessageContaining("--in needs a value")
                .hasMessageContaining("Usage: %%cpython [RUNTIME]");
        assertThatThrownBy(() -> CPythonArgs.parse("--in a-b", "cpython", true))
                .hasMessageContaining("'a-b' is not a name");
        assertThatThrownBy(() -> CPythonArgs.parse("--timeout soon", "cpython", true))
                .hasMessageContaining("--timeout needs a number of seconds");
        assertThatThrownBy(() -> CPythonArgs.parse("--gpu", "cpython", true))
                .hasMessageContaining("unknown option --gpu");
        assertThatThrownBy(() -> CPythonArgs.parse("stock", "ft", false))
                .hasMessageContaining("unexpected 'stock'")
                .hasMessageContaining("Usage: %%ft [--in");
        assertThatThrownBy(() -> CPythonArgs.parse("--fresh stock", "cpython", true))
                .hasMessageContaining("unexpected 'stock'");
    }
}

package dev.pymastery.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MagicArgsTest {
    private static final Set<String> VALUES = Set.of("n", "r");
    private static final Set<String> FLAGS = Set.of("q", "o");

    @Test
    void optionsComeFirstAndTheRestIsKeptVerbatim() {
        MagicArgs args = MagicArgs.parse("-n 10 -r3 -q x = f(-1)", VALUES, FLAGS);
        assertThat(args.intOption("n", 0)).isEqualTo(10);
        assertThat(args.intOption("r", 7)).isEqualTo(3);
        assertThat(args.flag("q")).isTrue();
        assertThat(args.flag("o")).isFalse();
        assertThat(args.rest()).isEqualTo("x = f(-1)");
        assertThat(MagicArgs.parse("-1 + 2", VALUES, FLAGS).rest()).isEqualTo("-1 + 2");
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThatThrownBy(() -> MagicArgs.parse("-z pass", VALUES, FLAGS)).hasMessageContaining("unknown option -z");
        assertThatThrownBy(() -> MagicArgs.parse("-n", VALUES, FLAGS)).hasMessageContaining("-n needs a value");
        assertThatThrownBy(() -> MagicArgs.parse("-n ten pass", VALUES, FLAGS).intOption("n", 0))
                .isInstanceOf(MagicUsageException.class)
                .hasMessageContaining("whole number");
    }
}

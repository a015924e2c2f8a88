package dev.pymastery.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void formatsLikeIpython() {
        assertThat(Durations.format(1.5)).isEqualTo("1.5 s");
        assertThat(Durations.format(0.0123)).isEqualTo("12.3 ms");
        assertThat(Durations.format(0.0015)).isEqualTo("1.5 ms");
        assertThat(Durations.format(4.56e-6)).isEqualTo("4.56 µs");
        assertThat(Durations.format(7e-9)).isEqualTo("7 ns");
        assertThat(Durations.format(0)).isEqualTo("0 ns");
        assertThat(Durations.format(125)).isEqualTo("2min 5s");
    }
}

package dev.pymastery.kernel.runtime.container.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExitStatusTest {
    @Test
    void describesHowAProcessEndedForALearner() {
        assertThat(new ExitStatus(OptionalInt.of(137), true, "").describe())
                .isEqualTo("it was killed for using more memory than its limit");
        assertThat(new ExitStatus(OptionalInt.of(137), false, "").describe())
                .isEqualTo("it was killed by signal 9 (SIGKILL)");
        assertThat(new ExitStatus(OptionalInt.of(3), false, "").describe())
                .isEqualTo("its interpreter exited with status 3");
        assertThat(ExitStatus.unknown("the engine restarted").describe())
                .isEqualTo("the connection to it broke (the engine restarted)");
    }
}

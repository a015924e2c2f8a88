package dev.pymastery.kernel.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {
    @Test
    void thePoolSizeIsZeroToEightAndOneWhenUnsetOrNotANumber() {
        assertThat(PoolSettings.from(Map.of()).poolSize()).isEqualTo(1);
        assertThat(PoolSettings.from(Map.of("PYMASTERY_POOL_SIZE", " 3 ")).poolSize())
                .isEqualTo(3);
        assertThat(PoolSettings.from(Map.of("PYMASTERY_POOL_SIZE", "0")).poolSize())
                .isZero();
        assertThat(PoolSettings.from(Map.of("PYMASTERY_POOL_SIZE", "20")).poolSize())
                .isEqualTo(8);
        assertThat(PoolSettings.from(Map.of("PYMASTERY_POOL_SIZE", "-2")).poolSize())
                .isZero();
        assertThat(PoolSettings.from(Map.of("PYMASTERY_POOL_SIZE", "many")).poolSize())
                .isEqualTo(1);
    }

    @Test
    void aClaimAsksForItsOwnSizeElseTheSparesStays() {
        assertThat(PoolSettings.poolSize(Map.of("PYMASTERY_POOL_SIZE", "4"), 2)).isEqualTo(4);
        assertThat(PoolSettings.poolSize(Map.of(), 2)).isEqualTo(2);
    }

    @Test
    void anUnclaimedSpareWaitsHalfAnHourUnlessToldOtherwise() {
        assertThat(PoolSettings.from(Map.of()).spareIdle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(PoolSettings.from(Map.of("PYMASTERY_SPARE_IDLE_SECONDS", "5"))
                        .spareIdle())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(PoolSettings.from(Map.of("PYMASTERY_SPARE_IDLE_SECONDS", "soon"))
                        .spareIdle())
                .isEqualTo(Duration.ofMinutes(30));
    }
}

package dev.pymastery.kernel.runtime.graalpy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckWatchdogTest {
    private final AtomicInteger soft = new AtomicInteger();
    private final CountDownLatch hard = new CountDownLatch(1);

    private CheckWatchdog start(Duration timeout) {
        return CheckWatchdog.start(
                timeout, Duration.ofMillis(50), Duration.ofMillis(100), soft::incrementAndGet, hard::countDown);
    }

    @Test
    void aTestThatEndsInTimeIsLeftAlone() throws Exception {
        try (CheckWatchdog watchdog = start(Duration.ofSeconds(30))) {
            watchdog.finished();
            assertThat(watchdog.expired()).isFalse();
        }
        assertThat(hard.await(200, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(soft).hasValue(0);
    }

    @Test
    void aTestThatIgnoresKeyboardInterruptIsInterruptedTwiceThenStoppedFromOutside() throws Exception {
        try (CheckWatchdog watchdog = start(Duration.ofMillis(20))) {
            assertThat(hard.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(watchdog.expired()).isTrue();
        }
        assertThat(soft).hasValue(2);
    }

    @Test
    void aTestThatStopsAtTheFirstInterruptIsNotStoppedFromOutside() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (CheckWatchdog watchdog = CheckWatchdog.start(
                Duration.ofMillis(20),
                Duration.ofMillis(300),
                Duration.ofMillis(600),
                interrupted::countDown,
                hard::countDown)) {
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
            watchdog.finished(); // the KeyboardInterrupt ended the test
            assertThat(watchdog.expired()).isTrue();
            assertThat(hard.await(1, TimeUnit.SECONDS)).isFalse();
        }
    }
}

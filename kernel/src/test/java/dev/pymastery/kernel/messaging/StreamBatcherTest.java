package dev.pymastery.kernel.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamBatcherTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> sent = new ArrayList<>();
    private final StreamBatcher batcher = new StreamBatcher(timer, (name, text) -> {
        synchronized (sent) {
            sent.add(name + ":" + text);
        }
    });

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void mergesWritesAndKeepsOrderAcrossStreams() {
        batcher.append("stdout", "a");
        batcher.append("stdout", "b");
        batcher.append("stderr", "c");
        batcher.append("stdout", "d");
        batcher.flush();
        assertThat(sent).containsExactly("stdout:ab", "stderr:c", "stdout:d");
    }

    @Test
    void sendsOnTheTimerWithoutAnExplicitFlush() throws InterruptedException {
        batcher.append("stdout", "later");
        Thread.sleep(StreamBatcher.INTERVAL_MS * 4L);
        synchronized (sent) {
            assertThat(sent).containsExactly("stdout:later");
        }
    }

    @Test
    void aBigBatchIsSentAtOnce() {
        batcher.append("stdout", "x".repeat(StreamBatcher.MAX_BATCH_CHARS));
        assertThat(sent).hasSize(1);
    }
}

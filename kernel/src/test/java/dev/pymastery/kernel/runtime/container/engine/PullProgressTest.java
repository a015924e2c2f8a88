package dev.pymastery.kernel.runtime.container.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PullProgressTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static PullProgress fed(String... lines) {
        PullProgress progress = new PullProgress();
        for (String line : lines) {
            progress.accept(JSON.readTree(line));
        }
        return progress;
    }

    @Test
    void layerProgressAddsUp() {
        PullProgress progress = fed(
                "{\"status\":\"Pulling from library/python\",\"id\":\"3.13-slim\"}",
                "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"a\"}",
                "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":10,\"total\":100},\"id\":\"a\"}",
                "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":5,\"total\":50},\"id\":\"b\"}",
                "{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"b\"}");
        PullListener.Progress snapshot = progress.snapshot();
        assertThat(snapshot.totalBytes()).isEqualTo(150);
        assertThat(snapshot.bytes()).isEqualTo(60);
        assertThat(snapshot.layers()).isEqualTo(1);
        assertThat(snapshot.totalLayers()).isEqualTo(2);
        assertThat(snapshot.status()).isEqualTo("Pull complete");
        assertThat(snapshot.fraction()).isEqualTo(0.4);
        assertThat(progress.error()).isEmpty();
    }

    @Test
    void theFirstErrorIsKept() {
        PullProgress progress = fed(
                "{\"progressDetail\":{},\"errorDetail\":{\"message\":\"pinging container registry: no such host\"},"
                        + "\"error\":\"pinging container registry: no such host\"}",
                "{\"error\":\"later\"}");
        assertThat(progress.error()).contains("pinging container registry: no such host");
    }
}

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
        assertThat(progress.total()).isEqualTo(150);
        assertThat(progress.current()).isEqualTo(60);
        assertThat(progress.status()).isEqualTo("1/3 layers; Pull complete");
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

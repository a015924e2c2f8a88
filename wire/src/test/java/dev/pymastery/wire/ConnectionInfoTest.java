package dev.pymastery.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class ConnectionInfoTest {
    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void readsAJupyterClientConnectionFile() {
        ConnectionInfo info = ConnectionInfo.parse(
                json.readTree(
                        "{\"shell_port\": 1, \"iopub_port\": 2, \"stdin_port\": 3, \"control_port\": 4, \"hb_port\": 5,"
                                + " \"ip\": \"127.0.0.1\", \"key\": \"k\", \"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha256\"}"));
        assertThat(info.endpoint(info.controlPort())).isEqualTo("tcp://127.0.0.1:4");
        assertThat(info.key()).isEqualTo("k");
    }

    @Test
    void saysWhichFieldIsWrong() {
        assertThatThrownBy(() -> ConnectionInfo.parse(json.readTree("{\"ip\": \"127.0.0.1\"}")))
                .hasMessageContaining("shell_port");
        assertThatThrownBy(() -> ConnectionInfo.parse(
                        json.readTree("{\"shell_port\": 1, \"iopub_port\": 2, \"stdin_port\": 3, \"control_port\": 4,"
                                + " \"hb_port\": 5, \"transport\": \"udp\"}")))
                .hasMessageContaining("transport");
    }
}

package dev.pymastery.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class WireCodecTest {
    private final ObjectMapper json = JsonMapper.builder().build();
    private final WireCodec codec = new WireCodec(json, Signer.of("hmac-sha256", "secret"));

    private Message message() {
        ObjectNode header = json.createObjectNode().put("msg_id", "1").put("msg_type", "execute_request");
        ObjectNode content = json.createObjectNode().put("code", "1 + 1");
        return new Message(
                List.of("client".getBytes(StandardCharsets.UTF_8)),
                header,
                json.createObjectNode(),
                json.createObjectNode(),
                content,
                List.of(new byte[] {1, 2}));
    }

    @Test
    void roundTripsAMessageWithIdentitiesAndBuffers() {
        Message decoded = codec.decode(codec.encode(message()));
        assertThat(decoded.type()).isEqualTo("execute_request");
        assertThat(decoded.content().path("code").asString()).isEqualTo("1 + 1");
        assertThat(new String(decoded.identities().get(0), StandardCharsets.UTF_8))
                .isEqualTo("client");
        assertThat(decoded.buffers().get(0)).containsExactly(1, 2);
    }

    @Test
    void aSignatureFromAnotherKeyIsRejected() {
        List<byte[]> frames = new WireCodec(json, Signer.of("hmac-sha256", "other")).encode(message());
        assertThatThrownBy(() -> codec.decode(frames))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("signature does not match");
    }

    @Test
    void aSignedMessageIsAcceptedOnceAndItsReplayRejected() {
        List<byte[]> frames = new WireCodec(json, Signer.of("hmac-sha256", "secret")).encode(message());
        assertThat(codec.decode(frames).type()).isEqualTo("execute_request");
        assertThatThrownBy(() -> codec.decode(frames))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("replay")
                .extracting(e -> ((MalformedMessageException) e).kind())
                .isEqualTo("replay");
    }

    @Test
    void contentThatIsNotUtf8IsRejectedEvenWithAByteOrderMark() {
        WireCodec unsigned = new WireCodec(json, Signer.of("hmac-sha256", ""));
        List<byte[]> frames = new ArrayList<>(unsigned.encode(message()));
        frames.set(frames.size() - 2, new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0, '}', 0});
        assertThatThrownBy(() -> unsigned.decode(frames)).hasMessageContaining("content is not UTF-8");
    }

    @Test
    void aTamperedContentIsRejected() {
        List<byte[]> frames = new ArrayList<>(codec.encode(message()));
        frames.set(frames.size() - 2, "{\"code\": \"import os\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> codec.decode(frames)).hasMessageContaining("signature does not match");
    }

    @Test
    void malformedFramesAreNamed() {
        assertThatThrownBy(() -> codec.decode(List.of("a".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("no <IDS|MSG> delimiter");
        WireCodec unsigned = new WireCodec(json, Signer.of("hmac-sha256", ""));
        List<byte[]> frames = new ArrayList<>(unsigned.encode(message()));
        frames.set(3, "not json".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> unsigned.decode(frames)).hasMessageContaining("header is not valid JSON");
        assertThatThrownBy(() -> unsigned.decode(frames.subList(0, 4)))
                .hasMessageContaining("expected at least 5 frames");
    }

    @Test
    void anEmptyKeySignsNothing() {
        WireCodec unsigned = new WireCodec(json, Signer.of("hmac-sha256", ""));
        List<byte[]> frames = unsigned.encode(message());
        assertThat(frames.get(2)).isEmpty();
        assertThat(unsigned.decode(frames).type()).isEqualTo("execute_request");
    }
}

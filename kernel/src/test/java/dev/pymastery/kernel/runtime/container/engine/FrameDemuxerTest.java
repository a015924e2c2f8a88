package dev.pymastery.kernel.runtime.container.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameDemuxerTest {
    private static void frame(ByteArrayOutputStream out, int type, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(type);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(payload.length >>> 24);
        out.write(payload.length >>> 16);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.writeBytes(payload);
    }

    @Test
    void stdoutPayloadsAreReadAndStderrPayloadsKeptAside() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        frame(wire, 1, "{\"ev\": \"hello\"}\n{\"ev\"");
        frame(wire, 2, "a warning\n");
        frame(wire, 1, ": \"done\"}\n");
        frame(wire, 2, "é".repeat(300));
        BoundedText stderr = new BoundedText();
        FrameDemuxer demuxer = new FrameDemuxer(new ByteArrayInputStream(wire.toByteArray()), stderr);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        byte[] small = new byte[3];
        int n;
        while ((n = demuxer.read(small, 0, small.length)) >= 0) {
            stdout.write(small, 0, n);
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("{\"ev\": \"hello\"}\n{\"ev\": \"done\"}\n");
        assertThat(stderr.toString()).isEqualTo("a warning\n" + "é".repeat(300));
    }

    @Test
    void aStreamCutInsideAHeaderIsAnError() {
        FrameDemuxer demuxer = new FrameDemuxer(new ByteArrayInputStream(new byte[] {1, 0, 0}), new BoundedText());
        assertThatThrownBy(demuxer::read).isInstanceOf(EOFException.class);
    }
}

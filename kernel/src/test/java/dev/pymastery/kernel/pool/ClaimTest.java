package dev.pymastery.kernel.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimTest {
    @Test
    void roundTripsUnicodeAndLongValues() throws Exception {
        Claim claim = new Claim(
                Path.of("/run/user/1000/jupyter/kernel-ä.json"),
                Path.of("/home/ada/notes 🐍"),
                Map.of("PATH", "x".repeat(70_000), "LANG", "C.UTF-8"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        claim.write(new DataOutputStream(bytes));
        assertThat(Claim.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
                .isEqualTo(claim);
    }

    @Test
    void anEmptyStreamIsAStopAndGarbageIsRejected() {
        assertThatThrownBy(() -> Claim.read(new DataInputStream(new ByteArrayInputStream(new byte[0]))))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> Claim.read(new DataInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3, 4}))))
                .hasMessageContaining("not a PyMastery launcher");
    }
}

package dev.pymastery.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeenSignaturesTest {
    private static byte[] signature(int n) {
        return (String.format("%016x", n * 0x9E3779B97F4A7C15L) + "0".repeat(48)).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aSignatureIsNewOnceAndTheOldestIsForgottenPastCapacity() {
        SeenSignatures seen = new SeenSignatures(3);
        assertThat(seen.add(signature(1))).isTrue();
        assertThat(seen.add(signature(1))).isFalse();
        assertThat(seen.add(signature(2))).isTrue();
        assertThat(seen.add(signature(3))).isTrue();
        assertThat(seen.add(signature(4))).isTrue();
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.add(signature(1)))
                .as("forgotten once 3 newer ones came")
                .isTrue();
        assertThat(seen.add(signature(4))).isFalse();
    }

    @Test
    void signaturesThatAreNotHexAreStillTold() {
        SeenSignatures seen = new SeenSignatures(10);
        assertThat(seen.add("not-hex-at-all-but-long-enough".getBytes(StandardCharsets.US_ASCII)))
                .isTrue();
        assertThat(seen.add("not-hex-at-all-but-long-enough".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(seen.add("short".getBytes(StandardCharsets.US_ASCII))).isTrue();
    }
}

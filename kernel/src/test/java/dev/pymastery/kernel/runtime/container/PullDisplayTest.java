package dev.pymastery.kernel.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PullDisplayTest {
    @Test
    void theBarIsOneDisplayUpdatedInPlace() {
        RecordingOutput output = new RecordingOutput();
        PullDisplay display = new PullDisplay(output, "pull-1");
        display.progress("python:3.13-slim", 0, 0, "pulling");
        display.progress("python:3.13-slim", 10, 100, "ignored: too soon");
        display.finished("python:3.13-slim", true);
        assertThat(output.displays()).hasSize(2);
        assertThat(output.displays().get(0).displayId()).contains("pull-1");
        assertThat(output.displays().get(0).update()).isFalse();
        assertThat(output.displays().get(1).update()).isTrue();
        assertThat(output.displays().get(1).bundle().plainText()).isEqualTo("Pulled python:3.13-slim.");
    }

    @Test
    void theBarShowsTheShareOfBytesKnown() {
        var bundle = PullDisplay.bundle("python:3.13-slim", 25_000_000, 50_000_000, "1/3 layers; Downloading");
        assertThat(bundle.plainText())
                .isEqualTo("Pulling python:3.13-slim [###############---------------] 50% of 50.0 MB"
                        + " (1/3 layers; Downloading)");
        assertThat(bundle.data().path("text/html").asString()).contains("<progress max=\"1000\" value=\"500\">");
    }
}

package dev.pymastery.kernel.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.kernel.cell.RecordingOutput;
import dev.pymastery.kernel.runtime.container.engine.PullListener.Progress;
import org.junit.jupiter.api.Test;

class PullDisplayTest {
    @Test
    void theBarIsOneDisplayUpdatedInPlace() {
        RecordingOutput output = new RecordingOutput();
        PullDisplay display = new PullDisplay(output, "pull-1");
        display.progress("python:3.13-slim", new Progress(0, 0, 0, 0, "starting"));
        display.progress("python:3.13-slim", new Progress(10, 100, 0, 1, "ignored: too soon"));
        display.finished("python:3.13-slim", true);
        assertThat(output.displays()).hasSize(2);
        assertThat(output.displays().get(0).displayId()).contains("pull-1");
        assertThat(output.displays().get(0).update()).isFalse();
        assertThat(output.displays().get(1).update()).isTrue();
        assertThat(output.displays().get(1).bundle().plainText()).isEqualTo("Pulled python:3.13-slim.");
    }

    @Test
    void theBarShowsTheShareOfBytesKnownElseOfLayers() {
        var bytes = PullDisplay.bundle("python:3.13-slim", new Progress(25_000_000, 50_000_000, 1, 3, "Downloading"));
        assertThat(bytes.plainText())
                .isEqualTo("Pulling python:3.13-slim [###############---------------] 50% of 50.0 MB, 1/3 layers"
                        + " (Downloading)");
        assertThat(bytes.data().path("text/html").asString()).contains("<progress max=\"1000\" value=\"500\">");
        var layers = PullDisplay.bundle("x:1", new Progress(0, 0, 1, 4, "Download complete"));
        assertThat(layers.plainText())
                .isEqualTo("Pulling x:1 [########----------------------] 25%, 1/4 layers (Download complete)");
    }
}

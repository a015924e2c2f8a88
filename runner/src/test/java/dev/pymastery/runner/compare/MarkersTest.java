package dev.pymastery.runner.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkersTest {

    @Test
    void unmarkedCellUsesTheRunDefault() {
        assertThat(Markers.of(List.of(), "print(1)")).isEqualTo(Markers.NONE);
    }

    @Test
    void commentMarkersOnAnyWholeCommentLineAsNbvalReadsThem() {
        assertThat(Markers.of(List.of(), "# NBVAL_IGNORE_OUTPUT\nx = 1").checkOutput())
                .contains(false);
        assertThat(Markers.of(List.of(), "%%time\n#NBVAL_CHECK_OUTPUT\nx").checkOutput())
                .contains(true);
        assertThat(Markers.of(List.of(), "x = 1\n  ## NBVAL_SKIP  ").skip()).isTrue();
        assertThat(Markers.of(List.of(), "# NBVAL_RAISES_EXCEPTION\n1/0").raisesException())
                .isTrue();
    }

    @Test
    void aMarkerMayCarryItsReason() {
        assertThat(Markers.of(List.of(), "# NBVAL_SKIP: needs ruff, not in the CI images\n!ruff check")
                        .skip())
                .isTrue();
        assertThat(Markers.of(List.of(), "# NBVAL_IGNORE_OUTPUT (timings)\nx").checkOutput())
                .contains(false);
        assertThat(Markers.of(List.of(), "# NBVAL_SKIPPED\nx")).isEqualTo(Markers.NONE);
    }

    @Test
    void markersInsideCodeOrTextDoNotCount() {
        assertThat(Markers.of(List.of(), "x = 1  # NBVAL_SKIP")).isEqualTo(Markers.NONE);
        assertThat(Markers.of(List.of(), "# please NBVAL_SKIP this")).isEqualTo(Markers.NONE);
        assertThat(Markers.of(List.of(), "s = '# NBVAL_SKIP'")).isEqualTo(Markers.NONE);
    }

    @Test
    void tagsInNbvalAndJupyterSpellings() {
        assertThat(Markers.of(List.of("nbval-skip"), "").skip()).isTrue();
        assertThat(Markers.of(List.of("NBVAL_SKIP"), "").skip()).isTrue();
        assertThat(Markers.of(List.of("nbval-ignore-output"), "").checkOutput()).contains(false);
        assertThat(Markers.of(List.of("nbval-check-output"), "").checkOutput()).contains(true);
        assertThat(Markers.of(List.of("raises-exception"), "").raisesException())
                .isTrue();
        assertThat(Markers.of(List.of("nbval-raises-exception"), "").raisesException())
                .isTrue();
        assertThat(Markers.of(List.of("solution", "hide-input"), "")).isEqualTo(Markers.NONE);
    }

    @Test
    void aCommentWinsOverATagOfTheSameKind() {
        Markers markers = Markers.of(List.of("nbval-ignore-output"), "# NBVAL_CHECK_OUTPUT\nx");
        assertThat(markers.checkOutput()).isEqualTo(Optional.of(true));
    }
}

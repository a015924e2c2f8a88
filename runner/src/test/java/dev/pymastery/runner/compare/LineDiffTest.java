package dev.pymastery.runner.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void marksRemovedAndAddedLinesWithContext() {
        assertThat(LineDiff.diff("a\nb\nc\n", "a\nB\nc\n", "")).isEqualTo("  a\n- b\n+ B\n  c\n");
    }

    @Test
    void farAwayUnchangedLinesAreElided() {
        String stored = IntStream.range(0, 20).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
        String fresh = stored.replace("\n10\n", "\nten\n");
        assertThat(LineDiff.diff(stored, fresh, "")).isEqualTo("  7\n  8\n  9\n- 10\n+ ten\n  11\n  12\n  13\n");
    }

    @Test
    void separateChangesAreSeparatedByAnEllipsis() {
        String stored = "a\n1\n2\n3\n4\n5\n6\n7\n8\nz\n";
        String fresh = "A\n1\n2\n3\n4\n5\n6\n7\n8\nZ\n";
        assertThat(LineDiff.diff(stored, fresh, ""))
                .isEqualTo("- a\n+ A\n  1\n  2\n  3\n  ...\n  6\n  7\n  8\n- z\n+ Z\n");
    }

    @Test
    void aMissingFinalNewlineIsShown() {
        assertThat(LineDiff.diff("x\n", "x", "")).isEqualTo("  x\n+ \\ (no newline at end)\n");
    }

    @Test
    void invisibleCharactersAreShown() {
        assertThat(LineDiff.diff("a\tb\n", "a b\n", "")).isEqualTo("- a\\tb\n+ a b\n");
    }
}

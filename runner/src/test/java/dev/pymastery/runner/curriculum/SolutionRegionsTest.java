package dev.pymastery.runner.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.curriculum.SolutionRegions.Kind;
import dev.pymastery.runner.curriculum.SolutionRegions.Problem;
import org.junit.jupiter.api.Test;

class SolutionRegionsTest {

    @Test
    void aRegionBecomesTheStubAtTheMarkersIndentationAndTheLinesAroundItStay() {
        String source = """
                %%cpython
                def mean(xs):
                    \"\"\"The arithmetic mean.\"\"\"
                    ### BEGIN SOLUTION
                    if not xs:
                        raise ValueError("empty")
                    return sum(xs) / len(xs)
                    ### END SOLUTION

                print(mean([1, 2]))""";
        SolutionRegions.Stubbed stubbed = SolutionRegions.stub(source, Kind.CODE);
        assertThat(stubbed.problems()).isEmpty();
        assertThat(stubbed.regions()).isEqualTo(1);
        assertThat(stubbed.source()).isEqualTo("""
                %%cpython
                def mean(xs):
                    \"\"\"The arithmetic mean.\"\"\"
                    # YOUR CODE HERE
                    raise NotImplementedError()

                print(mean([1, 2]))""");
    }

    @Test
    void severalRegionsAndAnEndMarkerOnTheLastLineWithoutNewline() {
        String source =
                "### BEGIN SOLUTION\na = 1\n### END SOLUTION\nb = 2\n  ### BEGIN SOLUTION\n  c = 3\n  ### END SOLUTION";
        SolutionRegions.Stubbed stubbed = SolutionRegions.stub(source, Kind.CODE);
        assertThat(stubbed.regions()).isEqualTo(2);
        assertThat(stubbed.source())
                .isEqualTo("# YOUR CODE HERE\nraise NotImplementedError()\nb = 2\n"
                        + "  # YOUR CODE HERE\n  raise NotImplementedError()");
    }

    @Test
    void markdownRegionsBecomeYourAnswerHere() {
        String source =
                "Why does `is` differ from `==`?\n\n### BEGIN SOLUTION\nIdentity, not equality.\n### END SOLUTION\n";
        assertThat(SolutionRegions.stub(source, Kind.MARKDOWN).source())
                .isEqualTo("Why does `is` differ from `==`?\n\nYOUR ANSWER HERE\n");
    }

    @Test
    void windowsLineEndsAreKept() {
        String source = "x = 0\r\n### BEGIN SOLUTION\r\nx = 1\r\n### END SOLUTION\r\nprint(x)\r\n";
        assertThat(SolutionRegions.stub(source, Kind.CODE).source())
                .isEqualTo("x = 0\r\n# YOUR CODE HERE\r\nraise NotImplementedError()\r\nprint(x)\r\n");
    }

    @Test
    void withoutMarkersTheSourceIsUnchanged() {
        SolutionRegions.Stubbed stubbed = SolutionRegions.stub("print('hi')\n", Kind.CODE);
        assertThat(stubbed.source()).isEqualTo("print('hi')\n");
        assertThat(stubbed.regions()).isZero();
        assertThat(stubbed.ok()).isTrue();
    }

    @Test
    void nestedMarkersAreAnErrorNamingTheLine() {
        String source = "### BEGIN SOLUTION\na = 1\n    ### BEGIN SOLUTION\nb = 2\n### END SOLUTION\n";
        SolutionRegions.Stubbed stubbed = SolutionRegions.stub(source, Kind.CODE);
        assertThat(stubbed.ok()).isFalse();
        assertThat(stubbed.problems()).extracting(Problem::line).containsExactly(3);
        assertThat(stubbed.problems().getFirst().message()).contains("nested").contains("line 1");
        assertThat(stubbed.source()).as("a refused cell is returned as it was").isEqualTo(source);
    }

    @Test
    void unbalancedMarkersAreErrors() {
        assertThat(SolutionRegions.stub("a = 1\n### END SOLUTION\n", Kind.CODE).problems())
                .containsExactly(new Problem(2, "### END SOLUTION without a ### BEGIN SOLUTION before it"));
        assertThat(SolutionRegions.stub("a = 1\n### BEGIN SOLUTION\nb = 2\n", Kind.MARKDOWN)
                        .problems())
                .containsExactly(new Problem(2, "### BEGIN SOLUTION is never closed by ### END SOLUTION"));
    }

    @Test
    void aMisspeltOrEmbeddedMarkerIsAnErrorSoNoSolutionLeaks() {
        assertThat(SolutionRegions.stub("## BEGIN SOLUTION\nsecret = 42\n### END SOLUTION\n", Kind.CODE)
                        .problems())
                .extracting(Problem::line)
                .containsExactly(1, 3);
        assertThat(SolutionRegions.stub("x = 1  ### BEGIN SOLUTION\n", Kind.CODE)
                        .problems())
                .extracting(Problem::line)
                .containsExactly(1);
    }
}

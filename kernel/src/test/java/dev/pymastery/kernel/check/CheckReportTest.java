package dev.pymastery.kernel.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.kernel.runtime.TestOutcome;
import dev.pymastery.kernel.runtime.TestRun;
import dev.pymastery.progress.client.AttemptOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckReportTest {
    static final CheckSpec CHECK = new CheckSpec(
            "w01.money.eq",
            "Money <compares> by value",
            2,
            CheckRuntime.GRAALPY,
            Duration.ofSeconds(3),
            List.of("First.", "Second."),
            "assert secret_test_code");

    static CheckReport report(TestOutcome outcome, String output, int failures) {
        return CheckReport.of(
                CHECK,
                new TestRun(outcome, output),
                outcome instanceof TestOutcome.Passed
                        ? Optional.empty()
                        : SessionResults.hint(CHECK.hints(), failures));
    }

    @Test
    void passedShowsFullPointsAndNoHint() {
        CheckReport report = report(new TestOutcome.Passed(), "", 0);
        assertThat(report.text()).isEqualTo("✔ w01.money.eq · Money <compares> by value\nPASSED · 2/2 points");
        assertThat(report.html()).contains("PASSED", "Money &lt;compares&gt; by value", "2/2 points");
        assertThat(report.attemptOutcome()).isEqualTo(AttemptOutcome.PASSED);
        assertThat(report.score()).isEqualTo(2);
    }

    @Test
    void failedShowsTheExpectationTheHintAndTheCapturedOutput() {
        CheckReport report = report(new TestOutcome.Failed("equal amounts should be equal"), "debug 1\n", 1);
        assertThat(report.text()).isEqualTo("""
                        ✘ w01.money.eq · Money <compares> by value
                        FAILED · 0/2 points
                        Expected: equal amounts should be equal
                        Hint 1/2: First.
                        Your code printed during the check:
                          debug 1""");
        assertThat(report.summary()).isEqualTo("w01.money.eq failed: equal amounts should be equal");
        assertThat(report.attemptOutcome()).isEqualTo(AttemptOutcome.FAILED);
        assertThat(report.text()).doesNotContain("secret_test_code");
    }

    @Test
    void errorsShowTheLearnersFramesAndTimeoutsTheLimit() {
        CheckReport raised = report(
                new TestOutcome.Raised(
                        "ZeroDivisionError", "division by zero", List.of("  File \"<cell 2>\", line 2, in f")),
                "",
                2);
        assertThat(raised.text())
                .contains("Your code raised ZeroDivisionError: division by zero\n  File \"<cell 2>\", line 2, in f")
                .contains("Hint 2/2: Second.");
        assertThat(raised.attemptOutcome()).isEqualTo(AttemptOutcome.ERROR);

        CheckReport slow = report(new TestOutcome.TimedOut(Duration.ofSeconds(3)), "", 5);
        assertThat(slow.text()).contains("The check did not finish within 3 s (an infinite loop?)", "Hint 2/2");
        assertThat(slow.attemptOutcome()).isEqualTo(AttemptOutcome.FAILED);
    }

    @Test
    void theSameOutcomeRendersTheSameBytes() {
        TestOutcome outcome = new TestOutcome.Failed("");
        assertThat(report(outcome, "", 1).bundle())
                .isEqualTo(report(outcome, "", 1).bundle());
        assertThat(report(outcome, "", 1).text()).contains("Expected: an expectation of the check did not hold");
    }

    @Test
    void hintsFollowTheFailuresAndStayOnTheLast() {
        List<String> hints = List.of("a", "b", "c");
        assertThat(SessionResults.hint(hints, 0)).isEmpty();
        assertThat(SessionResults.hint(hints, 1).orElseThrow().text()).isEqualTo("a");
        assertThat(SessionResults.hint(hints, 2).orElseThrow().text()).isEqualTo("b");
        assertThat(SessionResults.hint(hints, 7).orElseThrow()).isEqualTo(new SessionResults.Hint(3, 3, "c"));
        assertThat(SessionResults.hint(List.of(), 1)).isEmpty();

        SessionResults results = new SessionResults();
        assertThat(results.tally("x").describe()).isEqualTo("not tried");
        assertThat(results.failed("x").failures()).isEqualTo(1);
        assertThat(results.failed("x").describe()).isEqualTo("failed 2 times");
        assertThat(results.passed("x").describe()).isEqualTo("passed (after 2 failed)");
    }

    @Test
    void progressBarsInAscii() {
        assertThat(ProgressView.asciiBar(0, 10)).isEqualTo("[....................]");
        assertThat(ProgressView.asciiBar(5, 10)).isEqualTo("[##########..........]");
        assertThat(ProgressView.asciiBar(3, 0)).isEqualTo("[....................]");
        assertThat(ProgressView.percent(12, 10)).isEqualTo(100);
    }
}

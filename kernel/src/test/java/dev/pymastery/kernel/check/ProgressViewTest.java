package dev.pymastery.kernel.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.progress.client.AttemptOutcome;
import dev.pymastery.progress.client.CheckProgress;
import dev.pymastery.progress.client.LearnerProgress;
import dev.pymastery.progress.client.WeekProgress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressViewTest {
    private static CheckProgress check(String id, int points, String state) {
        return new CheckProgress(id, id, points, 2, Optional.of(AttemptOutcome.PASSED), 1, state);
    }

    @Test
    void weeksCountVerifiedPointsAndSayWhatPassedHereWithoutVerification() {
        WeekProgress week = new WeekProgress(
                1,
                "Data model",
                2,
                6,
                List.of(
                        check("w01.a.b", 2, "verified"),
                        check("w01.a.c", 0, "passed-unverified"),
                        check("w01.a.d", 0, "failed")));
        String text = ProgressView.of(new LearnerProgress("ann", 2, 6, List.of(week)))
                .data()
                .path("text/plain")
                .asString();
        assertThat(text)
                .contains("Week 1: Data model")
                .contains("2/6")
                .contains("1 verified, 1 passed here, not verified yet")
                .contains("Points count once the server has verified them");
        assertThat(ProgressView.verification(
                        new WeekProgress(2, "", 0, 2, List.of(check("w02.a.b", 0, "passed-unverified")))))
                .isEqualTo("1 passed here, not verified yet");
        assertThat(ProgressView.verification(new WeekProgress(3, "", 0, 2, List.of(check("w03.a.b", 0, "failed")))))
                .isEmpty();
    }
}

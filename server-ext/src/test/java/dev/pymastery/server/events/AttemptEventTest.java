package dev.pymastery.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.progress.client.Attempt;
import dev.pymastery.progress.client.AttemptOutcome;
import dev.pymastery.progress.client.RecordedAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptEventTest {
    private static AttemptEvent event(String checkId, CheckRuntime runtime) {
        Attempt attempt = Attempt.create(
                checkId, AttemptOutcome.PASSED, 1, 1, "", Duration.ZERO, runtime, Optional.empty(), Optional.empty());
        return AttemptEvent.of(new RecordedAttempt(1, "ann", attempt, Instant.now(), false));
    }

    @Test
    void aWeeksAndATracksLabOfTheSameNumberAreDifferentUnits() {
        AttemptEvent week = event("w03.lab.step", CheckRuntime.GRAALPY);
        AttemptEvent lab = event("a03.typed.get-set-delete", CheckRuntime.ARCHITECT);
        assertThat(week.unit()).isEqualTo("w03");
        assertThat(lab.unit()).isEqualTo("a03");
        assertThat(week.week()).isEqualTo(3);
        assertThat(lab.week()).isEqualTo(3);
    }
}

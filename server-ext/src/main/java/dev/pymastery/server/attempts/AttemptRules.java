package dev.pymastery.server.attempts;

import dev.pymastery.checks.CheckSpec;
import dev.pymastery.progress.client.Attempt;
import dev.pymastery.progress.client.AttemptOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the server checks of an attempt before storing it, against its own catalog and clock: the
 * points are the check's, the score fits the outcome (a pass earns the check's points, anything
 * else less), and the attempt did not happen in the future. A client that claims otherwise gets a
 * 422 saying which rule it broke. Passing these rules does not make an attempt count: only the
 * server's verification of the submitted code does.
 */
public final class AttemptRules {
    /**
     * How far ahead of the server's clock an attempt's time may be: two machines kept by NTP agree
     * within milliseconds; this allows for one that is not, without letting a learner date an
     * attempt into next week.
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final Clock clock;

    public AttemptRules(Clock clock) {
        this.clock = clock;
    }

    /** Why the attempt cannot be stored; empty when it may be. */
    public Optional<String> broken(CheckSpec check, Attempt attempt) {
        if (attempt.maxScore() != check.points()) {
            return Optional.of("'maxScore' is " + attempt.maxScore() + ", but " + check.id() + " is worth "
                    + check.points() + " points in the server's catalog; send the catalog's points");
        }
        boolean passed = attempt.outcome() == AttemptOutcome.PASSED;
        if (passed ? attempt.score() != check.points() : attempt.score() >= check.points() && check.points() > 0) {
            return Optional.of("'score' " + attempt.score() + " does not fit the outcome '"
                    + attempt.outcome().key() + "': a passed attempt scores the check's " + check.points()
                    + " points, a failed or error one less than that");
        }
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        if (attempt.attemptedAt().isAfter(latest)) {
            return Optional.of("'attemptedAt' " + attempt.attemptedAt() + " is later than the server's clock ("
                    + clock.instant() + "); send the time the check ran, or set the machine's clock");
        }
        return Optional.empty();
    }
}

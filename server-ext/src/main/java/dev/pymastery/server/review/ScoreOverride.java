package dev.pymastery.server.review;

import java.time.Instant;

/**
 * An instructor's word on a learner's points for one check: grading takes it instead of the
 * verified score.
 *
 * @param setBy the instructor's name, or {@code cli:USER}
 */
public record ScoreOverride(long personId, String checkId, int score, String reason, String setBy, Instant setAt) {
    public ScoreOverride {
        if (score < 0) {
            throw new IllegalArgumentException("an override's score is 0 or more, not " + score);
        }
    }
}

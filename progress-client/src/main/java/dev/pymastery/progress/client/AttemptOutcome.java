package dev.pymastery.progress.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a check attempt ended: the learner's code passed it, failed an expectation, or raised. */
public enum AttemptOutcome {
    /** Every expectation held. */
    PASSED,
    /** An expectation failed (an {@code assert} with its message), or the check timed out. */
    FAILED,
    /** The learner's code or the check raised something other than a failed expectation. */
    ERROR;

    /** The wire name: {@code passed}, {@code failed} or {@code error}. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome a wire name stands for; an {@link IllegalArgumentException} naming the choices otherwise. */
    @JsonCreator
    public static AttemptOutcome of(String key) {
        for (AttemptOutcome outcome : values()) {
            if (outcome.key().equals(key)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("'outcome' must be one of passed, failed, error; not '" + key + "'");
    }

    /** Higher is better: passed beats failed beats error. Used to report a learner's best outcome. */
    public int rank() {
        return switch (this) {
            case PASSED -> 3;
            case FAILED -> 2;
            case ERROR -> 1;
        };
    }

    /** The outcome of a rank from {@link #rank()}. */
    public static AttemptOutcome ofRank(int rank) {
        for (AttemptOutcome outcome : values()) {
            if (outcome.rank() == rank) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("no outcome has rank " + rank);
    }
}

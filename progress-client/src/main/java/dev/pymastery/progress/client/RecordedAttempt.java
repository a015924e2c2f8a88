package dev.pymastery.progress.client;

import java.time.Instant;

/**
 * An attempt as the server stored it.
 *
 * @param id the server's id for it
 * @param learner the learner it belongs to
 * @param receivedAt when the server first stored it
 * @param duplicate true when this answer is for a retry: the attempt was already stored under its key
 * @param verification what the server's own run of the submitted code found, so far
 */
public record RecordedAttempt(
        long id, String learner, Attempt attempt, Instant receivedAt, boolean duplicate, Verification verification) {
    public RecordedAttempt {
        if (learner == null || attempt == null || receivedAt == null) {
            throw new IllegalArgumentException("learner, attempt and receivedAt are required");
        }
        verification = verification == null ? Verification.initial(attempt) : verification;
    }

    /** A newly stored attempt: pending verification when it brought code, unverified otherwise. */
    public RecordedAttempt(long id, String learner, Attempt attempt, Instant receivedAt, boolean duplicate) {
        this(id, learner, attempt, receivedAt, duplicate, Verification.initial(attempt));
    }

    public RecordedAttempt asDuplicate() {
        return new RecordedAttempt(id, learner, attempt, receivedAt, true, verification);
    }
}

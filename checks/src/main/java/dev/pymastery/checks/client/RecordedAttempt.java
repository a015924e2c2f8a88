package dev.pymastery.checks.client;

import java.time.Instant;

/**
 * An attempt as the server stored it.
 *
 * @param id the server's id for it
 * @param learner the learner it belongs to
 * @param receivedAt when the server first stored it
 * @param duplicate true when this answer is for a retry: the attempt was already stored under its key
 */
public record RecordedAttempt(long id, String learner, Attempt attempt, Instant receivedAt, boolean duplicate) {
    public RecordedAttempt {
        if (learner == null || attempt == null || receivedAt == null) {
            throw new IllegalArgumentException("learner, attempt and receivedAt are required");
        }
    }

    public RecordedAttempt asDuplicate() {
        return new RecordedAttempt(id, learner, attempt, receivedAt, true);
    }
}

package dev.pymastery.server.events;

import dev.pymastery.checks.client.RecordedAttempt;

/**
 * What a dashboard hears when an attempt is stored: enough to know which cell to refresh.
 *
 * @param learner whose attempt it was
 * @param week the check's week
 */
public record AttemptEvent(String learner, String checkId, int week, String outcome, int score, String attemptedAt) {
    static AttemptEvent of(RecordedAttempt recorded) {
        var a = recorded.attempt();
        int week = Integer.parseInt(a.checkId().substring(1, 3));
        return new AttemptEvent(
                recorded.learner(),
                a.checkId(),
                week,
                a.outcome().key(),
                a.score(),
                a.attemptedAt().toString());
    }
}

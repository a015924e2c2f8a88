package dev.pymastery.server.events;

import dev.pymastery.progress.client.RecordedAttempt;

/**
 * What a dashboard hears when an attempt is stored: enough to know which cell to refresh.
 *
 * @param learner whose attempt it was
 * @param week the check's week, or its lab's number within a track
 * @param unit the check's unit, as its id starts: {@code w05}, {@code a03}
 */
public record AttemptEvent(
        String learner, String checkId, int week, String outcome, int score, String attemptedAt, String unit) {
    static AttemptEvent of(RecordedAttempt recorded) {
        var a = recorded.attempt();
        String unit = a.checkId().substring(0, 3);
        return new AttemptEvent(
                recorded.learner(),
                a.checkId(),
                Integer.parseInt(unit.substring(1)),
                a.outcome().key(),
                a.score(),
                a.attemptedAt().toString(),
                unit);
    }
}

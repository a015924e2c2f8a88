package dev.pymastery.progress.client;

import java.util.List;

/**
 * A learner's progress over the whole catalog, as {@code GET /api/v1/me/progress} reports it; the
 * kernel's {@code %progress} renders it.
 */
public record LearnerProgress(String learner, int points, int maxPoints, List<WeekProgress> weeks) {
    public LearnerProgress {
        weeks = List.copyOf(weeks);
    }
}

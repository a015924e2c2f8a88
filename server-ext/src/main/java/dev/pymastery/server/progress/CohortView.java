package dev.pymastery.server.progress;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The instructor's grid: one row per learner, one column per week.
 *
 * @param weeks the columns, in week order
 * @param learners the rows, by name
 * @param maxPoints the course's points
 */
public record CohortView(List<Column> weeks, List<Row> learners, int maxPoints) {
    public CohortView {
        weeks = List.copyOf(weeks);
        learners = List.copyOf(learners);
    }

    /** A week: its number, title and points. */
    public record Column(int week, String title, int maxPoints) {}

    /**
     * A learner's row.
     *
     * @param weeks points per week, in the order of {@link CohortView#weeks()}
     * @param lastAttemptAt when their latest attempt ran; empty before the first
     */
    public record Row(String name, int points, List<Integer> weeks, Optional<Instant> lastAttemptAt) {
        public Row {
            weeks = List.copyOf(weeks);
        }
    }
}

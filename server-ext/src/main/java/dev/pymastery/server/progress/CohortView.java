package dev.pymastery.server.progress;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The instructor's grid: one row per learner, one column per week, then one per track lab.
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

    /**
     * A week or a track's lab: its number, title and points.
     *
     * @param unit the code its check ids start with ({@code w05}, {@code a03})
     * @param label its name for people ({@code Week 5}, {@code Architect lab 3})
     */
    public record Column(int week, String title, int maxPoints, String unit, String label) {
        /** A week's column. */
        public Column(int week, String title, int maxPoints) {
            this(week, title, maxPoints, String.format(java.util.Locale.ROOT, "w%02d", week), "Week " + week);
        }
    }

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

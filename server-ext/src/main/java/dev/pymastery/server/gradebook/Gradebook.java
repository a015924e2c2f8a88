package dev.pymastery.server.gradebook;

import dev.pymastery.server.store.CheckState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Learners × the units they are graded on: the weeks, then a track's labs (self-paced: never on the
 * schedule, so never late and without publication or due times).
 *
 * @param scheduled whether the server publishes weeks (else every week of the catalog is here)
 * @param weeks the columns, the weeks in order, then each track's labs in order
 * @param maxPoints the points of those weeks
 * @param learners the rows, by name
 */
public record Gradebook(
        Instant generatedAt, boolean scheduled, List<WeekColumn> weeks, int maxPoints, List<LearnerRow> learners) {
    public Gradebook {
        weeks = List.copyOf(weeks);
        learners = List.copyOf(learners);
    }

    /**
     * A unit: its labs and, for a week when scheduled, its publication and due time.
     *
     * @param week the week's number, or the lab's within its track
     * @param unit the unit's code, as its check ids start: {@code w05}, {@code a03}
     * @param label the unit's name for people: {@code Week 5}, {@code Architect lab 3}
     */
    public record WeekColumn(
            int week,
            String unit,
            String label,
            String title,
            int maxPoints,
            Optional<Instant> publishedAt,
            Optional<Instant> dueAt,
            List<LabColumn> labs) {
        public WeekColumn {
            labs = List.copyOf(labs);
        }
    }

    /** A lab: {@code w01.repl-audit} or {@code a03.typed-field}, the checks whose ids start with it. */
    public record LabColumn(String lab, int maxPoints, List<CheckColumn> checks) {
        public LabColumn {
            checks = List.copyOf(checks);
        }
    }

    public record CheckColumn(String id, String title, int maxPoints) {}

    /**
     * A learner's grades.
     *
     * @param late whether any week's points include late ones
     */
    public record LearnerRow(String name, int points, boolean late, List<WeekCell> weeks) {
        public LearnerRow {
            weeks = List.copyOf(weeks);
        }
    }

    /**
     * @param unit the column's unit ({@code w05}, {@code a03})
     * @param label the column's name for people
     * @param deadline the learner's deadline: their extension, else the week's due time; none for a
     *     track's lab
     * @param extended whether the deadline is an extension
     */
    public record WeekCell(
            int week,
            String unit,
            String label,
            int points,
            boolean late,
            Optional<Instant> deadline,
            boolean extended,
            List<LabCell> labs) {
        public WeekCell {
            labs = List.copyOf(labs);
        }
    }

    public record LabCell(String lab, int points, boolean late, List<CheckCell> checks) {
        public LabCell {
            checks = List.copyOf(checks);
        }
    }

    /**
     * One check of one learner.
     *
     * @param points what counts: the override if there is one, else the verified score (capped at
     *     the check's points)
     * @param claimedPoints the best score the kernel reported (feedback, not proof)
     * @param verifiedPoints the best score the server verified; empty while none was
     * @param late whether the points that count were earned only after the learner's deadline
     * @param lateAttempts how many attempts came after the deadline
     */
    public record CheckCell(
            String id,
            CheckState state,
            int points,
            int claimedPoints,
            Optional<Integer> verifiedPoints,
            Optional<OverrideNote> override,
            boolean late,
            int lateAttempts) {}

    /** An override as the gradebook shows it: the score, who set it and why. */
    public record OverrideNote(int score, String reason, String setBy, Instant setAt) {}
}

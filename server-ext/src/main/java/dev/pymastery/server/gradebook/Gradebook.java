package dev.pymastery.server.gradebook;

import dev.pymastery.server.store.CheckState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Learners × the weeks they are graded on.
 *
 * @param scheduled whether the server publishes weeks (else every week of the catalog is here)
 * @param weeks the columns, in week order
 * @param maxPoints the points of those weeks
 * @param learners the rows, by name
 */
public record Gradebook(
        Instant generatedAt, boolean scheduled, List<WeekColumn> weeks, int maxPoints, List<LearnerRow> learners) {
    public Gradebook {
        weeks = List.copyOf(weeks);
        learners = List.copyOf(learners);
    }

    /** A week: its labs and, when scheduled, its publication and due time. */
    public record WeekColumn(
            int week,
            String title,
            int maxPoints,
            Optional<Instant> publishedAt,
            Optional<Instant> dueAt,
            List<LabColumn> labs) {
        public WeekColumn {
            labs = List.copyOf(labs);
        }
    }

    /** A lab: {@code w01.repl-audit}, the checks whose ids start with it. */
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
     * @param deadline the learner's deadline: their extension, else the week's due time
     * @param extended whether the deadline is an extension
     */
    public record WeekCell(
            int week, int points, boolean late, Optional<Instant> deadline, boolean extended, List<LabCell> labs) {
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

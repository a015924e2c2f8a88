package dev.pymastery.server.store;

import dev.pymastery.checks.Track;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The late flag of attempts: attempted after the learner's deadline, which is their extension for
 * the week if they have one, else the week's due time; never late without either. Set when an
 * attempt is stored ({@link #AT_INSERT}) and recomputed when a deadline changes. Deadlines are
 * per week: a track's lab ({@code a03...}) is self-paced, has none and is never late, even beside
 * a week of the same number (decision 0014).
 */
final class Lateness {
    /**
     * The flag as an SQL expression for an INSERT; parameters: attempted-at, person id, week, week.
     * The week parameters are NULL for a check that is not a week's ({@link #week}): {@code = NULL}
     * matches no row, so both subqueries are NULL, the comparison is NULL and the flag FALSE, on
     * SQLite and PostgreSQL alike.
     */
    static final String AT_INSERT = "CASE WHEN ? > COALESCE((SELECT e.until_at FROM extensions e"
            + " WHERE e.person_id = ? AND e.week = ?), (SELECT w.due_at FROM published_weeks w WHERE w.week = ?))"
            + " THEN TRUE ELSE FALSE END";

    private Lateness() {}

    /**
     * The week of a check id ({@code w03.lab.step} is week 3); empty for a track's lab ({@code
     * a03.lab.step}), which has no deadline.
     */
    static Optional<Integer> week(String checkId) {
        return Track.WEEK.owns(checkId) ? Optional.of(Integer.parseInt(checkId.substring(1, 3))) : Optional.empty();
    }

    /**
     * Sets the flag again on the week's attempts, all learners' or one's: only check ids of the week
     * ({@code w03.%}), never a track's lab of the same number.
     */
    static int recompute(Connection c, int week, Optional<Long> personId) throws SQLException {
        String sql = "UPDATE attempts SET late = CASE WHEN attempted_at > COALESCE((SELECT e.until_at"
                + " FROM extensions e WHERE e.person_id = attempts.person_id AND e.week = ?),"
                + " (SELECT w.due_at FROM published_weeks w WHERE w.week = ?)) THEN TRUE ELSE FALSE END"
                + " WHERE check_id LIKE ?" + (personId.isPresent() ? " AND person_id = ?" : "");
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setInt(1, week);
            update.setInt(2, week);
            update.setString(3, String.format("w%02d.%%", week));
            if (personId.isPresent()) {
                update.setLong(4, personId.get());
            }
            return update.executeUpdate();
        }
    }
}

package dev.pymastery.server.store;

import dev.pymastery.progress.client.AttemptOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the per-check summaries that progress and the cohort view are computed from. */
public final class ResultStore {
    private static final String COLUMNS = "r.person_id, r.check_id, r.best_score, r.best_rank, r.attempts,"
            + " r.last_attempt_at, r.verified_score, r.verified_passes";
    private final Database database;

    public ResultStore(Database database) {
        this.database = database;
    }

    /** One person's summaries. */
    public List<CheckResult> of(long personId) {
        return query("SELECT " + COLUMNS + " FROM check_results r WHERE r.person_id = ?", personId);
    }

    /**
     * A learner's best score on a check, and when they last tried it: all the cohort grid needs.
     *
     * @param lastAttemptAt epoch milliseconds
     */
    public record BestScore(
            long personId,
            String checkId,
            int bestScore,
            long lastAttemptAt,
            Optional<Integer> verifiedScore,
            CheckState state) {}

    /** Every learner's (not instructors') best score per check: the cohort. */
    public List<BestScore> cohort() {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT r.person_id, r.check_id, r.best_score, r.last_attempt_at, r.verified_score,"
                                + " r.verified_passes, r.best_rank, r.attempts"
                                + " FROM check_results r JOIN people p ON p.id = r.person_id WHERE p.role = 'learner'")) {
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                List<BestScore> scores = new ArrayList<>();
                while (rows.next()) {
                    Optional<AttemptOutcome> claimed =
                            rows.getInt(8) == 0 ? Optional.empty() : Optional.of(AttemptOutcome.ofRank(rows.getInt(7)));
                    scores.add(new BestScore(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getInt(3),
                            rows.getLong(4),
                            nullableInt(rows, 5),
                            CheckState.of(claimed, rows.getInt(6))));
                }
                return scores;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the cohort", e);
        }
    }

    /**
     * Recomputes one learner's summary on one check from the attempts that count (not voided), in
     * the caller's transaction: after an attempt is voided or verified, when a maximum kept
     * incrementally would be wrong (a regrade can lower a verified score). Deletes the row when no
     * attempt counts.
     */
    public static void recompute(Connection c, long personId, String checkId) throws SQLException {
        try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM check_results WHERE person_id = ? AND check_id = ?")) {
            delete.setLong(1, personId);
            delete.setString(2, checkId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO check_results (person_id, check_id,"
                + " best_score, best_rank, attempts, last_attempt_at, verified_score, verified_passes)"
                + " SELECT person_id, check_id, MAX(score), MAX(" + RANK + "), COUNT(*), MAX(attempted_at),"
                + " MAX(verified_score),"
                + " SUM(CASE WHEN verification = 'verified-pass' THEN 1 ELSE 0 END)"
                + " FROM attempts WHERE person_id = ? AND check_id = ? AND voided_at IS NULL"
                + " GROUP BY person_id, check_id")) {
            insert.setLong(1, personId);
            insert.setString(2, checkId);
            insert.executeUpdate();
        }
    }

    /** An attempt's outcome rank in SQL ({@link AttemptOutcome#rank}). */
    private static final String RANK = java.util.Arrays.stream(AttemptOutcome.values())
            .map(o -> "WHEN '" + o.key() + "' THEN " + o.rank())
            .collect(java.util.stream.Collectors.joining(" ", "CASE outcome ", " END"));

    private static Optional<Integer> nullableInt(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private List<CheckResult> query(String sql, long parameter) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, parameter);
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                List<CheckResult> results = new ArrayList<>();
                while (rows.next()) {
                    results.add(new CheckResult(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getInt(3),
                            AttemptOutcome.ofRank(rows.getInt(4)),
                            rows.getInt(5),
                            Instant.ofEpochMilli(rows.getLong(6)),
                            nullableInt(rows, 7),
                            rows.getInt(8)));
                }
                return results;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read check results", e);
        }
    }
}

package dev.pymastery.server.store;

import dev.pymastery.checks.client.AttemptOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the per-check summaries that progress and the cohort view are computed from. */
public final class ResultStore {
    private static final String COLUMNS =
            "r.person_id, r.check_id, r.best_score, r.best_rank, r.attempts, r.last_attempt_at";
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
    public record BestScore(long personId, String checkId, int bestScore, long lastAttemptAt) {}

    /** Every learner's (not instructors') best score per check: the cohort. */
    public List<BestScore> cohort() {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT r.person_id, r.check_id, r.best_score, r.last_attempt_at"
                                + " FROM check_results r JOIN people p ON p.id = r.person_id WHERE p.role = 'learner'")) {
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                List<BestScore> scores = new ArrayList<>();
                while (rows.next()) {
                    scores.add(new BestScore(rows.getLong(1), rows.getString(2), rows.getInt(3), rows.getLong(4)));
                }
                return scores;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the cohort", e);
        }
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
                            Instant.ofEpochMilli(rows.getLong(6))));
                }
                return results;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read check results", e);
        }
    }
}

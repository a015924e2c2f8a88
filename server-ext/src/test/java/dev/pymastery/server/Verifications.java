package dev.pymastery.server;

import dev.pymastery.server.store.ResultStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Records a server verification of an attempt as the verification workers (issue 12, part A) do:
 * the attempt's verification, verified score and time, and the recomputed summary, in one
 * transaction. Gradebook and dashboard tests use it to put learners in the verified state.
 */
final class Verifications {
    private Verifications() {}

    static void verify(String url, long attemptId, int score, boolean pass) {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE attempts SET verification = ?," + " verified_score = ?, verified_at = ? WHERE id = ?")) {
                update.setString(1, pass ? "verified-pass" : "verified-fail");
                update.setInt(2, score);
                update.setLong(3, System.currentTimeMillis());
                update.setLong(4, attemptId);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("no attempt " + attemptId);
                }
            }
            try (PreparedStatement select =
                    c.prepareStatement("SELECT person_id, check_id FROM attempts WHERE id = ?")) {
                select.setLong(1, attemptId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    ResultStore.recompute(c, rows.getLong(1), rows.getString(2));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

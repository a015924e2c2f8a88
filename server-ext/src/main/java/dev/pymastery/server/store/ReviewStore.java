package dev.pymastery.server.store;

import dev.pymastery.server.review.ScoreOverride;
import dev.pymastery.server.review.VoidedAttempt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Voiding attempts and overriding scores. Each change, the recomputed summary of the learner's
 * check and its audit entry are written in one transaction.
 */
public final class ReviewStore {
    private final Database database;
    private final Clock clock;

    public ReviewStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Voids an attempt (it stays stored and no longer counts) or restores a voided one.
     *
     * @return empty when there is no such attempt
     * @throws IllegalStateException when it is voided already (or, to restore, not voided)
     */
    public Optional<VoidedAttempt> setVoided(long attemptId, boolean voided, String reason, String actor) {
        return Transactions.run(database, (voided ? "void" : "restore") + " attempt " + attemptId, c -> {
            long personId;
            String checkId;
            String learner;
            boolean wasVoided;
            try (PreparedStatement select = c.prepareStatement("SELECT a.person_id, a.check_id, p.name, a.voided_at"
                    + " FROM attempts a JOIN people p ON p.id = a.person_id WHERE a.id = ?")) {
                select.setLong(1, attemptId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    personId = rows.getLong(1);
                    checkId = rows.getString(2);
                    learner = rows.getString(3);
                    rows.getLong(4);
                    wasVoided = !rows.wasNull();
                }
            }
            if (wasVoided == voided) {
                throw new IllegalStateException(
                        "attempt " + attemptId + " is " + (voided ? "voided already" : "not voided"));
            }
            long now = clock.millis();
            try (PreparedStatement update = c.prepareStatement("UPDATE attempts SET voided_at = ? WHERE id = ?")) {
                if (voided) {
                    update.setLong(1, now);
                } else {
                    update.setNull(1, Types.BIGINT);
                }
                update.setLong(2, attemptId);
                update.executeUpdate();
            }
            ResultStore.recompute(c, personId, checkId);
            AuditLog.append(
                    c,
                    new AuditLog.Change(
                            now,
                            actor,
                            voided ? "void" : "restore",
                            Optional.of(personId),
                            "attempt " + attemptId,
                            reason,
                            AuditLog.detail("checkId", checkId, "voided", voided)));
            return Optional.of(new VoidedAttempt(
                    attemptId, learner, checkId, voided ? Optional.of(Instant.ofEpochMilli(now)) : Optional.empty()));
        });
    }

    /**
     * Sets (a score) or clears (empty) the override of a learner's points on a check, and audits it.
     *
     * @return the override before
     */
    public Optional<ScoreOverride> override(
            long personId, String checkId, Optional<Integer> score, String reason, String actor) {
        return Transactions.run(database, "override " + checkId, c -> {
            Optional<ScoreOverride> before = overrides(c, Optional.of(personId)).stream()
                    .filter(o -> o.checkId().equals(checkId))
                    .findFirst();
            long now = clock.millis();
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM score_overrides WHERE person_id = ? AND check_id = ?")) {
                delete.setLong(1, personId);
                delete.setString(2, checkId);
                delete.executeUpdate();
            }
            if (score.isPresent()) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO score_overrides (person_id,"
                        + " check_id, score, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, personId);
                    insert.setString(2, checkId);
                    insert.setInt(3, score.get());
                    insert.setString(4, reason);
                    insert.setString(5, actor);
                    insert.setLong(6, now);
                    insert.executeUpdate();
                }
            }
            AuditLog.append(
                    c,
                    new AuditLog.Change(
                            now,
                            actor,
                            score.isPresent() ? "override" : "clear-override",
                            Optional.of(personId),
                            checkId,
                            reason,
                            AuditLog.detail(
                                    "scoreBefore",
                                    before.map(ScoreOverride::score).orElse(null),
                                    "score",
                                    score.orElse(null))));
            return before;
        });
    }

    /** The overrides of one learner, or of everyone. */
    public List<ScoreOverride> overrides(Optional<Long> personId) {
        try (Connection c = database.dataSource().getConnection()) {
            return overrides(c, personId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the score overrides", e);
        }
    }

    private static List<ScoreOverride> overrides(Connection c, Optional<Long> personId) throws SQLException {
        String sql = "SELECT person_id, check_id, score, reason, set_by, set_at FROM score_overrides"
                + (personId.isPresent() ? " WHERE person_id = ?" : "");
        try (PreparedStatement select = c.prepareStatement(sql)) {
            if (personId.isPresent()) {
                select.setLong(1, personId.get());
            }
            try (ResultSet rows = select.executeQuery()) {
                List<ScoreOverride> overrides = new ArrayList<>();
                while (rows.next()) {
                    overrides.add(new ScoreOverride(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getInt(3),
                            rows.getString(4),
                            rows.getString(5),
                            Instant.ofEpochMilli(rows.getLong(6))));
                }
                return overrides;
            }
        }
    }
}

package dev.pymastery.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Per-learner deadline extensions; granting one re-flags the learner's attempts of that week. */
public final class DeadlineStore {
    private final Database database;
    private final Clock clock;

    public DeadlineStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Gives {@code personId} until {@code until} for {@code week} (replacing an earlier extension),
     * re-flags their attempts of the week, and audits it.
     *
     * @return how many of their attempts of the week are late now
     */
    public int extend(long personId, int week, Instant until, String reason, String actor) {
        return Transactions.run(database, "extend week " + week, c -> {
            Optional<Instant> before = extension(c, personId, week);
            String sql = before.isPresent()
                    ? "UPDATE extensions SET until_at = ? WHERE person_id = ? AND week = ?"
                    : "INSERT INTO extensions (until_at, person_id, week) VALUES (?, ?, ?)";
            try (PreparedStatement upsert = c.prepareStatement(sql)) {
                upsert.setLong(1, until.toEpochMilli());
                upsert.setLong(2, personId);
                upsert.setInt(3, week);
                upsert.executeUpdate();
            }
            Lateness.recompute(c, week, Optional.of(personId));
            AuditLog.append(
                    c,
                    new AuditLog.Change(
                            clock.millis(),
                            actor,
                            "extend",
                            Optional.of(personId),
                            "week " + week,
                            reason,
                            AuditLog.detail(
                                    "untilBefore", before.map(Instant::toString).orElse(null),
                                    "until", until.toString())));
            return lateAttempts(c, personId, week);
        });
    }

    /** One learner's extensions by week. */
    public Map<Integer, Instant> of(long personId) {
        return all().getOrDefault(personId, Map.of());
    }

    /** Every extension: person id → week → until. */
    public Map<Long, Map<Integer, Instant>> all() {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT person_id, week, until_at FROM extensions");
                ResultSet rows = select.executeQuery()) {
            Map<Long, Map<Integer, Instant>> all = new HashMap<>();
            while (rows.next()) {
                all.computeIfAbsent(rows.getLong(1), id -> new TreeMap<>())
                        .put(rows.getInt(2), Instant.ofEpochMilli(rows.getLong(3)));
            }
            return all;
        } catch (SQLException e) {
            throw new StoreException("cannot read the extensions", e);
        }
    }

    private static Optional<Instant> extension(Connection c, long personId, int week) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT until_at FROM extensions WHERE person_id = ? AND week = ?")) {
            select.setLong(1, personId);
            select.setInt(2, week);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(Instant.ofEpochMilli(rows.getLong(1))) : Optional.empty();
            }
        }
    }

    private static int lateAttempts(Connection c, long personId, int week) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT COUNT(*) FROM attempts WHERE person_id = ? AND check_id LIKE ? AND late")) {
            select.setLong(1, personId);
            select.setString(2, String.format("w%02d.%%", week));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}

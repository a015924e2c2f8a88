package dev.pymastery.server.store;

import dev.pymastery.server.review.AuditEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of instructor actions. Entries are appended by the stores that make the change, in
 * the same transaction ({@link #append}), so a change is never kept without its entry.
 */
public final class AuditLog {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Database database;

    public AuditLog(Database database) {
        this.database = database;
    }

    /** An entry to append: who, what, about whom, why, and the values before and after. */
    record Change(
            long at,
            String actor,
            String action,
            Optional<Long> personId,
            String target,
            String reason,
            Map<String, Object> detail) {}

    static void append(Connection c, Change change) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (at, actor, action, person_id,"
                + " target, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, change.at());
            insert.setString(2, change.actor());
            insert.setString(3, change.action());
            if (change.personId().isPresent()) {
                insert.setLong(4, change.personId().get());
            } else {
                insert.setNull(4, Types.BIGINT);
            }
            insert.setString(5, change.target());
            insert.setString(6, change.reason());
            insert.setString(7, JSON.writeValueAsString(change.detail()));
            insert.executeUpdate();
        }
    }

    /** Key-value pairs for {@link Change#detail}, in order; a null value is written as JSON null. */
    static Map<String, Object> detail(Object... keysAndValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            detail.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return detail;
    }

    /** The newest entries first, all of them or those about one person. */
    public List<AuditEntry> entries(Optional<Long> personId, int limit) {
        String sql = "SELECT a.id, a.at, a.actor, a.action, p.name, a.target, a.reason, a.detail"
                + " FROM audit_log a LEFT JOIN people p ON p.id = a.person_id"
                + (personId.isPresent() ? " WHERE a.person_id = ?" : "") + " ORDER BY a.id DESC LIMIT ?";
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            int i = 1;
            if (personId.isPresent()) {
                select.setLong(i++, personId.get());
            }
            select.setInt(i, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<AuditEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(new AuditEntry(
                            rows.getLong(1),
                            Instant.ofEpochMilli(rows.getLong(2)),
                            rows.getString(3),
                            rows.getString(4),
                            Optional.ofNullable(rows.getString(5)),
                            rows.getString(6),
                            rows.getString(7),
                            rows.getString(8)));
                }
                return entries;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit log", e);
        }
    }
}

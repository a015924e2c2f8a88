package dev.pymastery.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The late flag and void time of listed attempts, read by id for the attempt listings. */
public final class AttemptFlags {
    private final Database database;

    public AttemptFlags(Database database) {
        this.database = database;
    }

    /** An attempt's flags: late (after the learner's deadline), and when it was voided. */
    public record Flags(boolean late, Optional<Instant> voidedAt) {}

    /** The flags of the attempts with these ids (at most a page of a listing). */
    public Map<Long, Flags> of(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select =
                        c.prepareStatement("SELECT id, late, voided_at FROM attempts WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                Map<Long, Flags> flags = new HashMap<>();
                while (rows.next()) {
                    boolean late = rows.getBoolean(2);
                    long voided = rows.getLong(3);
                    Optional<Instant> voidedAt =
                            rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(voided));
                    flags.put(rows.getLong(1), new Flags(late, voidedAt));
                }
                return flags;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the flags of " + ids.size() + " attempts", e);
        }
    }
}

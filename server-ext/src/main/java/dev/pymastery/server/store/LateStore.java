package dev.pymastery.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads which learners have late attempts on which checks, and what they had verified in time: the
 * gradebook's late flags. Only pairs with a late attempt are read (a partial index holds them).
 */
public final class LateStore {
    private final Database database;

    public LateStore(Database database) {
        this.database = database;
    }

    /** Every (learner, check) with a late attempt that counts; all people, or one. */
    public List<LateResult> late(Optional<Long> personId) {
        String sql = "SELECT l.person_id, l.check_id, l.n, (SELECT MAX(o.verified_score) FROM attempts o"
                + " WHERE o.person_id = l.person_id AND o.check_id = l.check_id AND o.voided_at IS NULL"
                + " AND NOT o.late) FROM (SELECT person_id, check_id, COUNT(*) AS n FROM attempts"
                + " WHERE late AND voided_at IS NULL" + (personId.isPresent() ? " AND person_id = ?" : "")
                + " GROUP BY person_id, check_id) l";
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            if (personId.isPresent()) {
                select.setLong(1, personId.get());
            }
            try (ResultSet rows = select.executeQuery()) {
                List<LateResult> late = new ArrayList<>();
                while (rows.next()) {
                    int verified = rows.getInt(4);
                    Optional<Integer> onTime = rows.wasNull() ? Optional.empty() : Optional.of(verified);
                    late.add(new LateResult(rows.getLong(1), rows.getString(2), onTime, rows.getInt(3)));
                }
                return late;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read late attempts", e);
        }
    }
}

package dev.pymastery.server.store;

import dev.pymastery.server.review.Feedback;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Feedback text per learner and lab; writing it is audited. */
public final class FeedbackStore {
    private final Database database;
    private final Clock clock;

    public FeedbackStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Writes (replaces) the feedback on a lab; blank text removes it. Returns what is stored now. */
    public Optional<Feedback> write(long personId, String lab, String text, String actor) {
        Feedback.checkLab(lab);
        return Transactions.run(database, "write feedback on " + lab, c -> {
            long now = clock.millis();
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM feedback WHERE person_id = ? AND lab = ?")) {
                delete.setLong(1, personId);
                delete.setString(2, lab);
                delete.executeUpdate();
            }
            Optional<Feedback> written = Optional.empty();
            if (!text.isBlank()) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO feedback (person_id, lab, body,"
                        + " written_by, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setLong(1, personId);
                    insert.setString(2, lab);
                    insert.setString(3, text.strip());
                    insert.setString(4, actor);
                    insert.setLong(5, now);
                    insert.executeUpdate();
                }
                written = Optional.of(new Feedback(lab, text.strip(), actor, Instant.ofEpochMilli(now)));
            }
            AuditLog.append(
                    c,
                    new AuditLog.Change(
                            now,
                            actor,
                            "feedback",
                            Optional.of(personId),
                            lab,
                            "",
                            AuditLog.detail("length", text.strip().length())));
            return written;
        });
    }

    /** A learner's feedback, by lab. */
    public List<Feedback> of(long personId) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT lab, body, written_by, updated_at FROM feedback WHERE person_id = ? ORDER BY lab")) {
            select.setLong(1, personId);
            try (ResultSet rows = select.executeQuery()) {
                List<Feedback> feedback = new ArrayList<>();
                while (rows.next()) {
                    feedback.add(new Feedback(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            Instant.ofEpochMilli(rows.getLong(4))));
                }
                return feedback;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read feedback", e);
        }
    }
}

package dev.pymastery.server.store;

import dev.pymastery.server.people.Tokens;
import dev.pymastery.server.roster.IssuedToken;
import dev.pymastery.server.roster.RosterEntry;
import dev.pymastery.server.roster.RosterImport;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Adds a roster in one transaction: everyone new with one token each, or nobody. People already
 * there keep their tokens.
 */
public final class RosterStore {
    private final Database database;
    private final Tokens tokens;
    private final Clock clock;

    public RosterStore(Database database, Tokens tokens, Clock clock) {
        this.database = database;
        this.tokens = tokens;
        this.clock = clock;
    }

    public RosterImport importAll(List<RosterEntry> entries, String actor) {
        return Transactions.run(database, "import " + entries.size() + " people", c -> {
            Set<String> present = new HashSet<>();
            try (PreparedStatement select = c.prepareStatement("SELECT name FROM people");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    present.add(rows.getString(1));
                }
            }
            long now = clock.millis();
            List<IssuedToken> added = new ArrayList<>();
            List<String> existing = new ArrayList<>();
            try (PreparedStatement person = c.prepareStatement(
                            "INSERT INTO people (name, role, created_at) VALUES (?, ?, ?) RETURNING id");
                    PreparedStatement token =
                            c.prepareStatement("INSERT INTO tokens (hash, person_id, created_at) VALUES (?, ?, ?)")) {
                for (RosterEntry entry : entries) {
                    if (present.contains(entry.name())) {
                        existing.add(entry.name());
                        continue;
                    }
                    person.setString(1, entry.name());
                    person.setString(2, entry.role().key());
                    person.setLong(3, now);
                    long id;
                    try (ResultSet rows = person.executeQuery()) {
                        rows.next();
                        id = rows.getLong(1);
                    }
                    String issued = tokens.generate();
                    token.setString(1, Tokens.hash(issued));
                    token.setLong(2, id);
                    token.setLong(3, now);
                    token.addBatch();
                    added.add(new IssuedToken(entry.name(), entry.role(), issued));
                }
                token.executeBatch();
            }
            AuditLog.append(
                    c,
                    new AuditLog.Change(
                            now,
                            actor,
                            "import-roster",
                            Optional.empty(),
                            entries.size() + " people",
                            "",
                            AuditLog.detail("added", added.size(), "existing", existing.size())));
            return new RosterImport(added, existing);
        });
    }
}

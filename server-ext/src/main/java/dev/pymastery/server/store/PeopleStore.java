package dev.pymastery.server.store;

import dev.pymastery.server.people.Person;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.people.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** People and their tokens. */
public final class PeopleStore {
    private static final String COLUMNS = "p.id, p.name, p.role, p.created_at";
    private final Database database;
    private final Tokens tokens;
    private final Clock clock;

    public PeopleStore(Database database, Tokens tokens, Clock clock) {
        this.database = database;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Adds a person; an {@link IllegalStateException} when the name is taken. */
    public Person add(String name, Role role) {
        Person.checkName(name);
        if (find(name).isPresent()) {
            throw new IllegalStateException("'" + name + "' already exists; issue a new token with 'token " + name
                    + "' or revoke it with 'revoke " + name + "'");
        }
        long now = clock.millis();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO people (name, role, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, role.key());
            insert.setLong(3, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot add " + name, e);
        }
        return find(name).orElseThrow();
    }

    public Optional<Person> find(String name) {
        return one("SELECT " + COLUMNS + " FROM people p WHERE p.name = ?", name);
    }

    /** The person a token stands for, unless it is unknown or revoked. */
    public Optional<Person> byToken(String token) {
        return one(
                "SELECT " + COLUMNS + " FROM tokens t JOIN people p ON p.id = t.person_id"
                        + " WHERE t.hash = ? AND t.revoked_at IS NULL",
                Tokens.hash(token));
    }

    public List<Person> list() {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM people p ORDER BY p.name");
                ResultSet rows = select.executeQuery()) {
            List<Person> people = new ArrayList<>();
            while (rows.next()) {
                people.add(person(rows));
            }
            return people;
        } catch (SQLException e) {
            throw new StoreException("cannot list people", e);
        }
    }

    /** Issues a new token for {@code person}; returns it (the only time it is seen). */
    public String issueToken(Person person) {
        String token = tokens.generate();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO tokens (hash, person_id, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, Tokens.hash(token));
            insert.setLong(2, person.id());
            insert.setLong(3, clock.millis());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot issue a token for " + person.name(), e);
        }
        return token;
    }

    /** Revokes every token of {@code name}; returns how many were active. */
    public int revoke(String name) {
        Person person = find(name).orElseThrow(() -> new IllegalStateException("nobody is called '" + name + "'"));
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE tokens SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL")) {
            update.setLong(1, clock.millis());
            update.setLong(2, person.id());
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot revoke the tokens of " + name, e);
        }
    }

    private Optional<Person> one(String sql, String parameter) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(person(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look a person up", e);
        }
    }

    static Person person(ResultSet rows) throws SQLException {
        return new Person(
                rows.getLong(1), rows.getString(2), Role.of(rows.getString(3)), Instant.ofEpochMilli(rows.getLong(4)));
    }
}

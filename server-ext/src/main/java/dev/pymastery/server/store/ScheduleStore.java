package dev.pymastery.server.store;

import dev.pymastery.server.course.Publication;
import dev.pymastery.server.course.PublishedWeek;
import dev.pymastery.server.course.WeekFile;
import dev.pymastery.server.course.WeekGate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Published weeks, their files and due times; each publication is audited in its transaction. */
public final class ScheduleStore {
    private final Database database;
    private final Clock clock;

    public ScheduleStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Publishes (or publishes again) a week: its times and files replace what was stored. */
    public void publish(Publication publication, String actor) {
        Transactions.run(database, "publish week " + publication.week(), c -> {
            Optional<PublishedWeek> before = week(c, publication.week());
            long now = clock.millis();
            String upsert = before.isPresent()
                    ? "UPDATE published_weeks SET published_at = ?, due_at = ?, updated_at = ? WHERE week = ?"
                    : "INSERT INTO published_weeks (published_at, due_at, updated_at, week) VALUES (?, ?, ?, ?)";
            try (PreparedStatement week = c.prepareStatement(upsert)) {
                week.setLong(1, publication.publishedAt().toEpochMilli());
                setOptionalTime(week, 2, publication.dueAt());
                week.setLong(3, now);
                week.setInt(4, publication.week());
                week.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM published_files WHERE week = ?")) {
                delete.setInt(1, publication.week());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO published_files (week, name, kind,"
                    + " content, sha256, size_bytes) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (WeekFile file : publication.files()) {
                    insert.setInt(1, file.week());
                    insert.setString(2, file.name());
                    insert.setString(3, file.kind().key());
                    insert.setString(4, file.content());
                    insert.setString(5, file.sha256());
                    insert.setInt(6, file.size());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Lateness.recompute(c, publication.week(), Optional.empty());
            AuditLog.append(
                    c,
                    new AuditLog.Change(
                            now,
                            actor,
                            "publish",
                            Optional.empty(),
                            "week " + publication.week(),
                            "",
                            AuditLog.detail(
                                    "publishedAtBefore",
                                    before.map(w -> w.publishedAt().toString()).orElse(null),
                                    "dueAtBefore",
                                    before.flatMap(PublishedWeek::dueAt)
                                            .map(Instant::toString)
                                            .orElse(null),
                                    "publishedAt",
                                    publication.publishedAt().toString(),
                                    "dueAt",
                                    publication.dueAt().map(Instant::toString).orElse(null),
                                    "files",
                                    publication.files().stream()
                                            .map(f -> f.name() + " " + f.sha256())
                                            .toList())));
            return null;
        });
    }

    /** Every week on the schedule, in week order, with its files listed. */
    public List<PublishedWeek> weeks() {
        try (Connection c = database.dataSource().getConnection()) {
            Map<Integer, List<PublishedWeek.FileInfo>> files = files(c);
            List<PublishedWeek> weeks = new ArrayList<>();
            try (PreparedStatement select =
                            c.prepareStatement("SELECT week, published_at, due_at FROM published_weeks ORDER BY week");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    weeks.add(week(rows, files.getOrDefault(rows.getInt(1), List.of())));
                }
            }
            return weeks;
        } catch (SQLException e) {
            throw new StoreException("cannot read the schedule", e);
        }
    }

    /** A published file with its content. */
    public Optional<WeekFile> file(int week, String name) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT kind, content, sha256 FROM published_files WHERE week = ? AND name = ?")) {
            select.setInt(1, week);
            select.setString(2, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new WeekFile(
                                week, name, WeekFile.Kind.of(rows.getString(1)), rows.getString(2), rows.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read a published file of week " + week, e);
        }
    }

    /** Whether the server has a schedule, and when {@code week} is published: one query per attempt. */
    public WeekGate gate(int week) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT (SELECT published_at FROM published_weeks"
                        + " WHERE week = ?), (SELECT COUNT(*) FROM published_weeks)")) {
            select.setInt(1, week);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                long published = rows.getLong(1);
                Optional<Instant> at = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(published));
                return new WeekGate(rows.getLong(2) > 0, at);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the schedule of week " + week, e);
        }
    }

    private static Optional<PublishedWeek> week(Connection c, int week) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT week, published_at, due_at FROM published_weeks WHERE week = ?")) {
            select.setInt(1, week);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(week(rows, List.of())) : Optional.empty();
            }
        }
    }

    private static PublishedWeek week(ResultSet rows, List<PublishedWeek.FileInfo> files) throws SQLException {
        long due = rows.getLong(3);
        Optional<Instant> dueAt = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(due));
        return new PublishedWeek(rows.getInt(1), Instant.ofEpochMilli(rows.getLong(2)), dueAt, files);
    }

    private static Map<Integer, List<PublishedWeek.FileInfo>> files(Connection c) throws SQLException {
        Map<Integer, List<PublishedWeek.FileInfo>> files = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT week, name, kind, sha256, size_bytes"
                        + " FROM published_files ORDER BY week, kind DESC, name");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                files.computeIfAbsent(rows.getInt(1), w -> new ArrayList<>())
                        .add(new PublishedWeek.FileInfo(
                                rows.getString(2),
                                WeekFile.Kind.of(rows.getString(3)),
                                rows.getString(4),
                                rows.getInt(5)));
            }
        }
        return files;
    }

    static void setOptionalTime(PreparedStatement statement, int index, Optional<Instant> time) throws SQLException {
        if (time.isPresent()) {
            statement.setLong(index, time.get().toEpochMilli());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }
}

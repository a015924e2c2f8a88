package dev.pymastery.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of verification work, in the database beside the attempts: a job is queued in
 * the transaction that stores its attempt, claimed by a worker under a lease, and done when its
 * result is stored. A worker that dies leaves a lease that runs out; the job is then claimed again,
 * up to {@link #MAX_TRIES} times. So queued work survives a restart of the server.
 */
public final class VerificationJobs {
    public static final int MAX_TRIES = 3;

    /** A claimed job: the attempt to verify and how many times it has been tried, this one included. */
    public record Job(long id, long attemptId, int tries, String cause) {}

    /**
     * What a worker needs to verify an attempt: whose it is, which check, and the submitted code.
     *
     * @param submission the submission's JSON as the kernel sent it
     */
    public record Work(long attemptId, long personId, String learner, String checkId, String submission) {}

    /** The queue's size, for /metrics. */
    public record Depth(long queued, long running) {}

    private final Database database;
    private final Clock clock;

    public VerificationJobs(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Queues a job for an attempt, in the caller's transaction. */
    static void enqueue(Connection c, long attemptId, String cause, long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO verification_jobs (attempt_id, state, tries,"
                + " cause, enqueued_at) VALUES (?, 'queued', 0, ?, ?)")) {
            insert.setLong(1, attemptId);
            insert.setString(2, cause);
            insert.setLong(3, now);
            insert.executeUpdate();
        }
    }

    /**
     * Claims the oldest job that is queued, or running under a lease that ran out; empty when there
     * is none. The claim holds for {@code lease}.
     */
    public Optional<Job> claim(Duration lease) {
        long now = clock.millis();
        for (int race = 0; race < 5; race++) {
            try (Connection c = database.dataSource().getConnection()) {
                long id;
                try (PreparedStatement next =
                        c.prepareStatement("SELECT id FROM verification_jobs WHERE state = 'queued'"
                                + " OR (state = 'running' AND lease_until < ?) ORDER BY id LIMIT 1")) {
                    next.setLong(1, now);
                    try (ResultSet rows = next.executeQuery()) {
                        if (!rows.next()) {
                            return Optional.empty();
                        }
                        id = rows.getLong(1);
                    }
                }
                // Claimed only if nobody took it in between (another worker, another server process).
                try (PreparedStatement take = c.prepareStatement("UPDATE verification_jobs SET state = 'running',"
                        + " lease_until = ?, tries = tries + 1 WHERE id = ? AND (state = 'queued'"
                        + " OR (state = 'running' AND lease_until < ?)) RETURNING id, attempt_id, tries, cause")) {
                    take.setLong(1, now + lease.toMillis());
                    take.setLong(2, id);
                    take.setLong(3, now);
                    try (ResultSet rows = take.executeQuery()) {
                        if (rows.next()) {
                            return Optional.of(
                                    new Job(rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getString(4)));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot claim a verification job", e);
            }
        }
        return Optional.empty();
    }

    /** The attempt, its learner and its submitted code; empty when the attempt has no submission. */
    public Optional<Work> work(long attemptId) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT a.id, a.person_id, p.name, a.check_id, s.content"
                        + " FROM attempts a JOIN people p ON p.id = a.person_id"
                        + " JOIN submissions s ON s.attempt_id = a.id WHERE a.id = ?")) {
            select.setLong(1, attemptId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Work(
                        rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read attempt " + attemptId + " to verify it", e);
        }
    }

    /**
     * Stores a job's result on its attempt, refreshes the learner's summary of that check and marks
     * the job done, in one transaction.
     *
     * @param verification {@code verified-pass}, {@code verified-fail} or {@code unverified}
     * @param score the verified score (0 unless passed); ignored when unverified
     */
    public void finish(Job job, Work work, String verification, int score, String reason) {
        long now = clock.millis();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                if (job.cause().equals("regrade")) {
                    logChange(c, work, verification, score, now);
                }
                try (PreparedStatement update = c.prepareStatement("UPDATE attempts SET verification = ?,"
                        + " verification_reason = ?, verified_score = ?, verified_at = ? WHERE id = ?")) {
                    update.setString(1, verification);
                    update.setString(2, reason);
                    if (verification.equals("unverified")) {
                        update.setNull(3, java.sql.Types.INTEGER);
                    } else {
                        update.setInt(3, score);
                    }
                    update.setLong(4, now);
                    update.setLong(5, work.attemptId());
                    update.executeUpdate();
                }
                ResultStore.recompute(c, work.personId(), work.checkId());
                done(c, job.id(), now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the verification of attempt " + work.attemptId(), e);
        }
    }

    private static void logChange(Connection c, Work work, String verification, int score, long now)
            throws SQLException {
        String before;
        Integer beforeScore;
        try (PreparedStatement select =
                c.prepareStatement("SELECT verification, verified_score FROM attempts WHERE id = ?")) {
            select.setLong(1, work.attemptId());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return;
                }
                before = rows.getString(1);
                int value = rows.getInt(2);
                beforeScore = rows.wasNull() ? null : value;
            }
        }
        Integer afterScore = verification.equals("unverified") ? null : score;
        if (before.equals(verification) && java.util.Objects.equals(beforeScore, afterScore)) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO regrades (attempt_id, person_id, check_id,"
                + " regraded_at, before_verification, after_verification, before_score, after_score)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, work.attemptId());
            insert.setLong(2, work.personId());
            insert.setString(3, work.checkId());
            insert.setLong(4, now);
            insert.setString(5, before);
            insert.setString(6, verification);
            insert.setObject(7, beforeScore, java.sql.Types.INTEGER);
            insert.setObject(8, afterScore, java.sql.Types.INTEGER);
            insert.executeUpdate();
        }
    }

    /** Ends a job whose attempt cannot be verified at all (no submission, attempt gone). */
    public void abandon(Job job, String reason) {
        long now = clock.millis();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE attempts SET verification = 'unverified', verification_reason = ? WHERE id = ?")) {
                    update.setString(1, reason);
                    update.setLong(2, job.attemptId());
                    update.executeUpdate();
                }
                done(c, job.id(), now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot end verification job " + job.id(), e);
        }
    }

    /** Gives a job back to the queue (its worker is stopping); it keeps its tries. */
    public void release(Job job) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE verification_jobs SET state = 'queued', lease_until = NULL WHERE id = ?")) {
            update.setLong(1, job.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot release verification job " + job.id(), e);
        }
    }

    private static void done(Connection c, long jobId, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE verification_jobs SET state = 'done', finished_at = ?, lease_until = NULL WHERE id = ?")) {
            update.setLong(1, now);
            update.setLong(2, jobId);
            update.executeUpdate();
        }
    }

    /**
     * Queues every stored submission of a check again (a regrade); each keeps its result until the
     * new one is stored, and a change is logged in {@code regrades}. Returns the attempt ids queued.
     */
    public List<Long> requeueCheck(String checkId) {
        long now = clock.millis();
        List<Long> ids = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement select = c.prepareStatement("SELECT a.id FROM attempts a JOIN submissions s"
                        + " ON s.attempt_id = a.id WHERE a.check_id = ? AND a.voided_at IS NULL ORDER BY a.id")) {
                    select.setString(1, checkId);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                }
                for (long id : ids) {
                    enqueue(c, id, "regrade", now);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot queue the submissions of " + checkId + " again", e);
        }
        return ids;
    }

    /** A change a regrade made to one attempt's verified result. */
    public record Change(
            long attemptId,
            String learner,
            String checkId,
            long regradedAt,
            String before,
            String after,
            Optional<Integer> beforeScore,
            Optional<Integer> afterScore) {}

    /** The changes regrades made since {@code sinceMillis}, for one check or all; oldest first. */
    public List<Change> changes(Optional<String> checkId, long sinceMillis) {
        String sql = "SELECT r.attempt_id, p.name, r.check_id, r.regraded_at, r.before_verification,"
                + " r.after_verification, r.before_score, r.after_score FROM regrades r JOIN people p"
                + " ON p.id = r.person_id WHERE r.regraded_at >= ?" + (checkId.isPresent() ? " AND r.check_id = ?" : "")
                + " ORDER BY r.id";
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, sinceMillis);
            if (checkId.isPresent()) {
                select.setString(2, checkId.get());
            }
            List<Change> changes = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changes.add(new Change(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getLong(4),
                            rows.getString(5),
                            rows.getString(6),
                            nullableInt(rows, 7),
                            nullableInt(rows, 8)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new StoreException("cannot read the regrade log", e);
        }
    }

    /** Whether any job with an id above {@code afterJobId} is not done yet. */
    public boolean unfinishedAfter(long afterJobId) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select =
                        c.prepareStatement("SELECT COUNT(*) FROM verification_jobs WHERE id > ? AND state <> 'done'")) {
            select.setLong(1, afterJobId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the verification queue", e);
        }
    }

    /** The newest job's id (0 when there is none). */
    public long lastJobId() {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM verification_jobs");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read the verification queue", e);
        }
    }

    private static Optional<Integer> nullableInt(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /** Jobs queued and running now. */
    public Depth depth() {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT"
                        + " SUM(CASE WHEN state = 'queued' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN state = 'running' THEN 1 ELSE 0 END) FROM verification_jobs");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return new Depth(rows.getLong(1), rows.getLong(2));
        } catch (SQLException e) {
            throw new StoreException("cannot count verification jobs", e);
        }
    }
}

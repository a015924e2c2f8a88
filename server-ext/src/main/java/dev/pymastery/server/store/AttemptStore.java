package dev.pymastery.server.store;

import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.progress.client.Attempt;
import dev.pymastery.progress.client.AttemptJson;
import dev.pymastery.progress.client.AttemptOutcome;
import dev.pymastery.progress.client.RecordedAttempt;
import dev.pymastery.progress.client.Submission;
import dev.pymastery.progress.client.Verification;
import dev.pymastery.server.people.Person;
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
 * Attempts and the per-check summaries they update. {@link #record} stores a batch in one
 * transaction (group commit); an attempt whose (person, idempotency key) is stored already is not
 * stored again, and the stored one comes back marked as a duplicate.
 */
public final class AttemptStore {
    private static final String ATTEMPT_COLUMNS = "a.id, a.idempotency_key, a.check_id, a.outcome, a.score,"
            + " a.max_score, a.message, a.duration_ms, a.runtime, a.attempted_at, a.received_at, a.notebook,"
            + " a.kernel_id, a.verification, a.verification_reason, a.verified_score";
    private static final String INSERT = "INSERT INTO attempts (person_id, idempotency_key, check_id, outcome,"
            + " score, max_score, message, duration_ms, runtime, attempted_at, received_at, notebook, kernel_id,"
            + " verification, verification_reason, late)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + Lateness.AT_INSERT + ")"
            + " ON CONFLICT (person_id, idempotency_key) DO NOTHING RETURNING id";
    private static final String EXISTING =
            "SELECT " + ATTEMPT_COLUMNS + " FROM attempts a WHERE a.person_id = ? AND a.idempotency_key = ?";

    private final Database database;
    private final Clock clock;
    private final String upsertResult;

    public AttemptStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        String max = database.dialect().greatest();
        this.upsertResult = "INSERT INTO check_results (person_id, check_id, best_score, best_rank, attempts,"
                + " last_attempt_at) VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (person_id, check_id) DO UPDATE SET"
                + " best_score = " + max + "(check_results.best_score, excluded.best_score),"
                + " best_rank = " + max + "(check_results.best_rank, excluded.best_rank),"
                + " attempts = check_results.attempts + 1,"
                + " last_attempt_at = " + max + "(check_results.last_attempt_at, excluded.last_attempt_at)";
    }

    /** Stores the batch in one transaction; the answers are in the batch's order. */
    public List<RecordedAttempt> record(List<NewAttempt> batch) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT);
                    PreparedStatement existing = c.prepareStatement(EXISTING);
                    PreparedStatement result = c.prepareStatement(upsertResult)) {
                List<RecordedAttempt> answers = new ArrayList<>(batch.size());
                for (NewAttempt item : batch) {
                    answers.add(recordOne(item, insert, existing, result));
                }
                c.commit();
                return answers;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store " + batch.size() + " attempts", e);
        }
    }

    private RecordedAttempt recordOne(
            NewAttempt item, PreparedStatement insert, PreparedStatement existing, PreparedStatement result)
            throws SQLException {
        Attempt a = item.attempt();
        long person = item.person().id();
        long now = clock.millis();
        insert.setLong(1, person);
        insert.setString(2, a.idempotencyKey());
        insert.setString(3, a.checkId());
        insert.setString(4, a.outcome().key());
        insert.setInt(5, a.score());
        insert.setInt(6, a.maxScore());
        insert.setString(7, a.message());
        insert.setLong(8, a.durationMs());
        insert.setString(9, a.runtime().key());
        insert.setLong(10, a.attemptedAt().toEpochMilli());
        insert.setLong(11, now);
        insert.setString(12, a.notebook().orElse(null));
        insert.setString(13, a.kernelId().orElse(null));
        insert.setString(14, Verification.initial(a).state());
        insert.setString(15, Verification.initial(a).reason());
        // late: after the learner's deadline for the check's week (Lateness.AT_INSERT); a track's
        // lab has no week, so no deadline (NULL: never late)
        insert.setLong(16, a.attemptedAt().toEpochMilli());
        insert.setLong(17, person);
        Optional<Integer> week = Lateness.week(a.checkId());
        for (int index : new int[] {18, 19}) {
            if (week.isPresent()) {
                insert.setInt(index, week.get());
            } else {
                insert.setNull(index, Types.INTEGER);
            }
        }
        try (ResultSet id = insert.executeQuery()) {
            if (id.next()) {
                long attemptId = id.getLong(1);
                if (a.submission().isPresent()) {
                    storeSubmission(
                            insert.getConnection(), attemptId, a.submission().get(), now);
                }
                result.setLong(1, person);
                result.setString(2, a.checkId());
                result.setInt(3, a.score());
                result.setInt(4, a.outcome().rank());
                result.setLong(5, a.attemptedAt().toEpochMilli());
                result.executeUpdate();
                return new RecordedAttempt(attemptId, item.person().name(), a, Instant.ofEpochMilli(now), false);
            }
        }
        existing.setLong(1, person);
        existing.setString(2, a.idempotencyKey());
        try (ResultSet rows = existing.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("attempt " + a.idempotencyKey() + " conflicts but cannot be found");
            }
            return attempt(rows, item.person().name()).asDuplicate();
        }
    }

    /** Keeps the learner's code for the attempt and queues its verification, in the caller's transaction. */
    private static void storeSubmission(Connection c, long attemptId, Submission submission, long now)
            throws SQLException {
        String content = AttemptJson.writeSubmission(submission).toString();
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO submissions (attempt_id, content, sha256) VALUES (?, ?, ?)")) {
            insert.setLong(1, attemptId);
            insert.setString(2, content);
            insert.setString(3, sha256(content));
            insert.executeUpdate();
        }
        VerificationJobs.enqueue(c, attemptId, "attempt", now);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person's attempts, newest first, optionally for one check. */
    public List<RecordedAttempt> attempts(Person person, Optional<String> checkId, int limit) {
        String sql = "SELECT " + ATTEMPT_COLUMNS + " FROM attempts a WHERE a.person_id = ?"
                + (checkId.isPresent() ? " AND a.check_id = ?" : "") + " ORDER BY a.id DESC LIMIT ?";
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            int i = 1;
            select.setLong(i++, person.id());
            if (checkId.isPresent()) {
                select.setString(i++, checkId.get());
            }
            select.setInt(i, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<RecordedAttempt> attempts = new ArrayList<>();
                while (rows.next()) {
                    attempts.add(attempt(rows, person.name()));
                }
                return attempts;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the attempts of " + person.name(), e);
        }
    }

    /** Every attempt stored, counted: for tests and benchmarks. */
    public long count() {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM attempts");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count attempts", e);
        }
    }

    private static RecordedAttempt attempt(ResultSet rows, String learner) throws SQLException {
        Attempt attempt = new Attempt(
                rows.getString(2),
                rows.getString(3),
                AttemptOutcome.of(rows.getString(4)),
                rows.getInt(5),
                rows.getInt(6),
                rows.getString(7),
                rows.getLong(8),
                CheckRuntime.of(rows.getString(9)),
                Instant.ofEpochMilli(rows.getLong(10)),
                Optional.ofNullable(rows.getString(12)),
                Optional.ofNullable(rows.getString(13)));
        int score = rows.getInt(16);
        Optional<Integer> verifiedScore = rows.wasNull() ? Optional.empty() : Optional.of(score);
        return new RecordedAttempt(
                rows.getLong(1),
                learner,
                attempt,
                Instant.ofEpochMilli(rows.getLong(11)),
                false,
                new Verification(rows.getString(14), rows.getString(15), verifiedScore));
    }
}

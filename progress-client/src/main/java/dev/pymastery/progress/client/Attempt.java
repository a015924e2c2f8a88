package dev.pymastery.progress.client;

import dev.pymastery.checks.CheckRuntime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of {@code %check}: what the kernel posts to {@code POST /api/v1/attempts} and keeps in the
 * outbox until the server has it. The same rules are checked here and by the server, so an attempt
 * that can be constructed is one the server accepts (unless its check is unknown there).
 *
 * @param idempotencyKey 1–{@value #MAX_KEY} characters, unique per learner; a retry with the same key is
 *     never counted twice
 * @param checkId the catalog id, e.g. {@code w01.repl-audit.money-eq}
 * @param score 0..maxScore
 * @param maxScore what the check is worth, 0..{@value #MAX_SCORE}
 * @param message the failed expectation or error text, at most {@value #MAX_MESSAGE} characters, no NUL
 *     (PostgreSQL cannot store one); may be empty
 * @param durationMs how long the check ran, 0..one day
 * @param attemptedAt when the check ran, on the kernel's clock (whole milliseconds)
 * @param notebook the notebook's path, when the kernel knows it
 * @param kernelId the kernel's id, when the kernel knows it
 * @param submission the learner's code for the lab, for the server to verify the attempt; without
 *     it the server records the attempt as unverified
 */
public record Attempt(
        String idempotencyKey,
        String checkId,
        AttemptOutcome outcome,
        int score,
        int maxScore,
        String message,
        long durationMs,
        CheckRuntime runtime,
        Instant attemptedAt,
        Optional<String> notebook,
        Optional<String> kernelId,
        Optional<Submission> submission) {

    public static final int MAX_KEY = 100;
    public static final int MAX_CHECK_ID = 200;
    public static final int MAX_SCORE = 10_000;
    public static final int MAX_MESSAGE = 4_000;
    public static final int MAX_NOTEBOOK = 1_000;
    public static final int MAX_KERNEL_ID = 200;
    public static final long MAX_DURATION_MS = Duration.ofDays(1).toMillis();

    public Attempt {
        text("idempotencyKey", idempotencyKey, 1, MAX_KEY);
        text("checkId", checkId, 1, MAX_CHECK_ID);
        if (outcome == null) {
            throw new IllegalArgumentException("'outcome' is missing; use passed, failed or error");
        }
        if (maxScore < 0 || maxScore > MAX_SCORE) {
            throw new IllegalArgumentException("'maxScore' must be between 0 and " + MAX_SCORE + ", not " + maxScore);
        }
        if (score < 0 || score > maxScore) {
            throw new IllegalArgumentException(
                    "'score' must be between 0 and maxScore (" + maxScore + "), not " + score);
        }
        if (message == null) {
            throw new IllegalArgumentException("'message' is missing; send \"\" when there is nothing to say");
        }
        if (message.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "'message' must not contain NUL characters (Attempt.create replaces them)");
        }
        if (message.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("'message' has " + message.length() + " characters; at most "
                    + MAX_MESSAGE + " are kept (Attempt.create truncates)");
        }
        if (durationMs < 0 || durationMs > MAX_DURATION_MS) {
            throw new IllegalArgumentException(
                    "'durationMs' must be between 0 and " + MAX_DURATION_MS + ", not " + durationMs);
        }
        if (runtime == null) {
            throw new IllegalArgumentException("'runtime' is missing; use graalpy, stock, ft or cuda");
        }
        if (attemptedAt == null) {
            throw new IllegalArgumentException("'attemptedAt' is missing; send an RFC 3339 timestamp");
        }
        attemptedAt = attemptedAt.truncatedTo(ChronoUnit.MILLIS);
        notebook = optionalText("notebook", notebook, MAX_NOTEBOOK);
        kernelId = optionalText("kernelId", kernelId, MAX_KERNEL_ID);
        submission = submission == null ? Optional.empty() : submission;
    }

    /** An attempt without the learner's code (the server cannot verify it). */
    public Attempt(
            String idempotencyKey,
            String checkId,
            AttemptOutcome outcome,
            int score,
            int maxScore,
            String message,
            long durationMs,
            CheckRuntime runtime,
            Instant attemptedAt,
            Optional<String> notebook,
            Optional<String> kernelId) {
        this(
                idempotencyKey,
                checkId,
                outcome,
                score,
                maxScore,
                message,
                durationMs,
                runtime,
                attemptedAt,
                notebook,
                kernelId,
                Optional.empty());
    }

    /** The same attempt carrying the learner's code. */
    public Attempt withSubmission(Submission code) {
        return new Attempt(
                idempotencyKey,
                checkId,
                outcome,
                score,
                maxScore,
                message,
                durationMs,
                runtime,
                attemptedAt,
                notebook,
                kernelId,
                Optional.of(code));
    }

    /**
     * A new attempt made now, with a fresh random idempotency key; a {@code message} longer than
     * {@value #MAX_MESSAGE} characters is cut, marked with an ellipsis.
     */
    public static Attempt create(
            String checkId,
            AttemptOutcome outcome,
            int score,
            int maxScore,
            String message,
            Duration duration,
            CheckRuntime runtime,
            Optional<String> notebook,
            Optional<String> kernelId) {
        return new Attempt(
                UUID.randomUUID().toString(),
                checkId,
                outcome,
                score,
                maxScore,
                truncate(message),
                Math.min(Math.max(0, duration.toMillis()), MAX_DURATION_MS),
                runtime,
                Instant.now(),
                notebook,
                kernelId);
    }

    private static String truncate(String message) {
        if (message == null) {
            return "";
        }
        message = message.replace('\0', '\uFFFD');
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }

    private static void text(String field, String value, int min, int max) {
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        if (value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(
                    "'" + field + "' must have " + min + " to " + max + " characters, not " + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'" + field + "' must not contain control characters");
        }
    }

    private static Optional<String> optionalText(String field, Optional<String> value, int max) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        text(field, value.get(), 0, max);
        return value.get().isEmpty() ? Optional.empty() : value;
    }
}

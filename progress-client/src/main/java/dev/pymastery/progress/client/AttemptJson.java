package dev.pymastery.progress.client;

import dev.pymastery.checks.CheckRuntime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link Attempt} and {@link RecordedAttempt}, written out field by field so that the
 * kernel, the outbox files and the server agree on one shape, and so that a bad field gets a message
 * naming it. Reading throws {@link IllegalArgumentException} with that message.
 */
public final class AttemptJson {
    /** The fields an attempt may carry; any other field is an error. */
    public static final Set<String> FIELDS = Set.of(
            "idempotencyKey",
            "checkId",
            "outcome",
            "score",
            "maxScore",
            "message",
            "durationMs",
            "runtime",
            "attemptedAt",
            "notebook",
            "kernelId",
            "submission");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AttemptJson() {}

    public static ObjectNode write(Attempt attempt) {
        ObjectNode node = NODES.objectNode();
        node.put("idempotencyKey", attempt.idempotencyKey());
        node.put("checkId", attempt.checkId());
        node.put("outcome", attempt.outcome().key());
        node.put("score", attempt.score());
        node.put("maxScore", attempt.maxScore());
        node.put("message", attempt.message());
        node.put("durationMs", attempt.durationMs());
        node.put("runtime", attempt.runtime().key());
        node.put("attemptedAt", attempt.attemptedAt().toString());
        attempt.notebook().ifPresent(v -> node.put("notebook", v));
        attempt.kernelId().ifPresent(v -> node.put("kernelId", v));
        attempt.submission().ifPresent(v -> node.set("submission", writeSubmission(v)));
        return node;
    }

    public static ObjectNode writeSubmission(Submission submission) {
        ObjectNode node = NODES.objectNode();
        ArrayNode cells = node.putArray("cells");
        for (Submission.Cell cell : submission.cells()) {
            ObjectNode item = cells.addObject();
            cell.id().ifPresent(id -> item.put("id", id));
            item.put("code", cell.code());
        }
        ObjectNode files = node.putObject("files");
        submission.files().forEach(files::put);
        node.put("labCells", submission.labCells());
        return node;
    }

    /** Reads a submission; wrong shapes are errors naming the field. */
    public static Submission readSubmission(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("'submission' must be an object with cells, files and labCells");
        }
        for (String name : node.propertyNames()) {
            if (!Set.of("cells", "files", "labCells").contains(name)) {
                throw new IllegalArgumentException(
                        "unknown field 'submission." + name + "'; a submission has cells, files and labCells");
            }
        }
        JsonNode cellsNode = node.path("cells");
        if (!cellsNode.isArray()) {
            throw new IllegalArgumentException("'submission.cells' must be a list of {id?, code}");
        }
        List<Submission.Cell> cells = new ArrayList<>();
        for (JsonNode cell : cellsNode) {
            if (!cell.isObject()) {
                throw new IllegalArgumentException("'submission.cells' must be a list of {id?, code}");
            }
            cells.add(new Submission.Cell(optionalText(cell, "id"), text(cell, "code")));
        }
        Map<String, String> files = new TreeMap<>();
        JsonNode filesNode = node.path("files");
        if (!filesNode.isMissingNode() && !filesNode.isNull()) {
            if (!filesNode.isObject()) {
                throw new IllegalArgumentException("'submission.files' must map paths to Base64 contents");
            }
            for (String path : filesNode.propertyNames()) {
                JsonNode content = filesNode.get(path);
                if (!content.isString()) {
                    throw new IllegalArgumentException("'submission.files' must map paths to Base64 contents");
                }
                files.put(path, content.asString());
            }
        }
        return new Submission(cells, files, node.path("labCells").asBoolean(false));
    }

    /** Reads an attempt; unknown fields, missing fields and wrong types are errors naming the field. */
    public static Attempt read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object with the attempt's fields");
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown field '" + name + "'; an attempt has " + new TreeSet<>(FIELDS));
            }
        }
        return new Attempt(
                text(node, "idempotencyKey"),
                text(node, "checkId"),
                AttemptOutcome.of(text(node, "outcome")),
                (int) whole(node, "score", Integer.MAX_VALUE),
                (int) whole(node, "maxScore", Integer.MAX_VALUE),
                text(node, "message"),
                whole(node, "durationMs", Long.MAX_VALUE),
                runtime(text(node, "runtime")),
                timestamp(node, "attemptedAt"),
                optionalText(node, "notebook"),
                optionalText(node, "kernelId"),
                node.hasNonNull("submission") ? Optional.of(readSubmission(node.get("submission"))) : Optional.empty());
    }

    public static ObjectNode writeRecorded(RecordedAttempt recorded) {
        ObjectNode node = NODES.objectNode();
        node.put("id", recorded.id());
        node.put("learner", recorded.learner());
        ObjectNode attempt = write(recorded.attempt());
        attempt.remove("submission"); // the code stays on the server; answers never echo it
        node.setAll(attempt);
        node.put("receivedAt", recorded.receivedAt().toString());
        node.put("duplicate", recorded.duplicate());
        node.put("verification", recorded.verification().state());
        node.put("verificationReason", recorded.verification().reason());
        recorded.verification().score().ifPresent(score -> node.put("verifiedScore", score));
        return node;
    }

    /** Reads the server's answer; fields this version does not know are ignored. */
    public static RecordedAttempt readRecorded(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object describing the stored attempt");
        }
        ObjectNode attempt = NODES.objectNode();
        for (String field : FIELDS) {
            if (node.has(field)) {
                attempt.set(field, node.get(field));
            }
        }
        Attempt read = read(attempt);
        Verification verification = node.hasNonNull("verification")
                ? new Verification(
                        text(node, "verification"),
                        node.path("verificationReason").asString(""),
                        node.hasNonNull("verifiedScore")
                                ? Optional.of((int) whole(node, "verifiedScore", Integer.MAX_VALUE))
                                : Optional.empty())
                : Verification.initial(read);
        return new RecordedAttempt(
                whole(node, "id", Long.MAX_VALUE),
                text(node, "learner"),
                read,
                timestamp(node, "receivedAt"),
                node.path("duplicate").asBoolean(false),
                verification);
    }

    private static CheckRuntime runtime(String key) {
        try {
            return CheckRuntime.of(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'runtime': " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        if (!value.isString()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asString();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(text(node, field));
    }

    private static long whole(JsonNode node, String field, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        long number = value.asLong();
        if (number > max || number < -max) {
            throw new IllegalArgumentException("'" + field + "' is out of range");
        }
        return number;
    }

    private static Instant timestamp(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + field + "' must be an RFC 3339 timestamp such as 2025-01-31T09:30:00Z, not '" + text + "'",
                    e);
        }
    }
}

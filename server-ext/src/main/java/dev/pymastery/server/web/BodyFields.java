package dev.pymastery.server.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** The fields of a small JSON request body, each read with a 400 that names it when it is wrong. */
final class BodyFields {
    private final JsonNode body;

    private BodyFields(JsonNode body) {
        this.body = body;
    }

    /** The body's fields; any field outside {@code allowed} is a 400 naming it. */
    static BodyFields of(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object with " + new TreeSet<>(allowed));
        }
        for (String name : body.propertyNames()) {
            if (!allowed.contains(name)) {
                throw ApiProblem.badRequest("unknown field '" + name + "'; this body has " + new TreeSet<>(allowed));
            }
        }
        return new BodyFields(body);
    }

    /** A required string of at most {@code max} characters; blank is refused when {@code required}. */
    String text(String field, int max, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiProblem.badRequest("'" + field + "' is missing");
            }
            return "";
        }
        if (!value.isString()) {
            throw ApiProblem.badRequest("'" + field + "' must be a string");
        }
        String text = value.asString();
        if (required && text.isBlank()) {
            throw ApiProblem.badRequest("'" + field + "' must not be blank: say why");
        }
        if (text.length() > max) {
            throw ApiProblem.badRequest("'" + field + "' has " + text.length() + " characters; at most " + max);
        }
        return text;
    }

    /** A whole number, or empty when the field is null or absent. */
    Optional<Integer> optionalWhole(String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw ApiProblem.badRequest("'" + field + "' must be a whole number from " + min + " to " + max
                    + (body.has(field) ? ", not " + value : ""));
        }
        return Optional.of(value.asInt());
    }

    int whole(String field, int min, int max) {
        return optionalWhole(field, min, max).orElseThrow(() -> ApiProblem.badRequest("'" + field + "' is missing"));
    }

    /** An RFC 3339 timestamp. */
    Instant time(String field) {
        String text = text(field, 100, true);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(
                    "'" + field + "' must be an RFC 3339 timestamp such as 2026-01-31T23:59:00Z, not '" + text + "'");
        }
    }

    boolean has(String field) {
        return body.has(field);
    }
}

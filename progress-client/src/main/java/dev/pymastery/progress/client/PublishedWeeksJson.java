package dev.pymastery.progress.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads {@code GET /api/v1/weeks}; fields this version does not know are ignored. */
final class PublishedWeeksJson {
    private PublishedWeeksJson() {}

    static PublishedWeeks read(JsonNode root) {
        List<PublishedWeeks.Week> weeks = new ArrayList<>();
        for (JsonNode week : root.path("weeks")) {
            List<PublishedWeeks.File> files = new ArrayList<>();
            for (JsonNode file : week.path("files")) {
                files.add(new PublishedWeeks.File(
                        file.path("name").asString(),
                        file.path("kind").asString(),
                        file.path("sha256").asString(),
                        file.path("size").asLong(),
                        file.path("url").asString()));
            }
            weeks.add(new PublishedWeeks.Week(
                    week.path("week").asInt(),
                    week.path("title").asString(""),
                    time(week.path("publishedAt")).orElse(Instant.EPOCH),
                    time(week.path("deadline")),
                    files));
        }
        return new PublishedWeeks(root.path("scheduled").asBoolean(false), weeks);
    }

    private static Optional<Instant> time(JsonNode node) {
        if (!node.isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asString()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

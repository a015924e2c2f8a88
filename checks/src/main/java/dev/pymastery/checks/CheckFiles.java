package dev.pymastery.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads {@code *.checks.yaml} files. The format, with defaults:
 *
 * <pre>
 * week: 1
 * title: Syntax, Values, Names, and the Data Model
 * checks:
 *   - id: w01.repl-audit.money-eq    # w&lt;week&gt;.&lt;lab&gt;.&lt;step&gt;
 *     title: Money compares and hashes by value
 *     points: 2                      # default 1
 *     runtime: graalpy               # graalpy | stock | ft | py314 | cuda | architect; default graalpy
 *     timeout: 10                    # seconds; default 10
 *     hints: [Equal amounts in the same currency are equal.]
 *     test: |                        # public: ships with the learner's notebook
 *       assert Money(1, "EUR") == Money(1, "EUR"), "equal amounts should be equal"
 *     hidden: |                      # optional; stays with the instructor and the server
 *       assert Money(1, "EUR") != Money(1, "USD"), "currencies differ"
 *     files: [report.json]           # optional: files the lab writes that the tests read
 *     cells: [w01-lab1, w01-lab1-demo]   # written by release: the lab's cells for this check
 * </pre>
 *
 * A lab of a track beside the weeks (see {@link Track}) names its track and lab instead of a week,
 * and its check ids start with the track's letter and the lab's number:
 *
 * <pre>
 * track: architect
 * lab: 3
 * title: Descriptors
 * checks:
 *   - id: a03.typed-field.rejects-wrong-type
 *     ...
 * </pre>
 *
 * Unknown keys are errors, so a typo never silently drops a hint or a test. {@link #writeLearnerCopy}
 * writes the file a learner gets: the same checks without their hidden tests.
 */
public final class CheckFiles {
    public static final String SUFFIX = ".checks.yaml";
    private static final Set<String> FILE_KEYS = Set.of("week", "track", "lab", "title", "checks");
    private static final Set<String> CHECK_KEYS =
            Set.of("id", "title", "points", "runtime", "timeout", "hints", "test", "hidden", "files", "cells");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    private CheckFiles() {}

    public static WeekChecks read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new CheckFormatException(file, "cannot read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new CheckFormatException(file, "not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CheckFormatException(file, "expected a mapping with week, title and checks");
        }
        unknownKeys(file, root, FILE_KEYS, "the file");
        Track track = track(file, root);
        int week = integer(file, root, track == Track.WEEK ? "week" : "lab", null, "the file");
        String title = text(file, root, "title", "", "the file");
        JsonNode list = root.path("checks");
        if (!list.isArray()) {
            throw new CheckFormatException(file, "'checks' must be a list");
        }
        List<CheckSpec> checks = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (JsonNode node : list) {
            CheckSpec check = check(file, node);
            if (!ids.add(check.id())) {
                throw new CheckFormatException(file, "check id " + check.id() + " appears twice");
            }
            checks.add(check);
        }
        try {
            return new WeekChecks(week, title, file, checks, track);
        } catch (IllegalArgumentException e) {
            throw new CheckFormatException(file, e.getMessage(), e);
        }
    }

    /** {@code week: N} for a week; {@code track: NAME} with {@code lab: N} for a track's lab. */
    private static Track track(Path file, JsonNode root) {
        boolean week = root.has("week");
        boolean track = root.has("track");
        boolean lab = root.has("lab");
        if (week && (track || lab)) {
            throw new CheckFormatException(
                    file, "the file names a week and a track's lab: give 'week' alone, or 'track' and 'lab'");
        }
        if (lab && !track) {
            throw new CheckFormatException(file, "'lab' needs 'track' (e.g. track: architect)");
        }
        if (!track) {
            return Track.WEEK;
        }
        try {
            Track named = Track.of(text(file, root, "track", null, "the file"));
            if (named == Track.WEEK) {
                throw new CheckFormatException(file, "a week's file gives 'week: N', not 'track: week'");
            }
            return named;
        } catch (IllegalArgumentException e) {
            throw new CheckFormatException(file, e.getMessage(), e);
        }
    }

    private static CheckSpec check(Path file, JsonNode node) {
        if (!node.isObject()) {
            throw new CheckFormatException(file, "each entry of 'checks' must be a mapping");
        }
        String id = text(file, node, "id", null, "a check");
        String where = "check " + id;
        unknownKeys(file, node, CHECK_KEYS, where);
        try {
            return new CheckSpec(
                    id,
                    text(file, node, "title", null, where),
                    integer(file, node, "points", 1, where),
                    CheckRuntime.of(text(file, node, "runtime", "graalpy", where)),
                    Duration.ofSeconds(integer(file, node, "timeout", 10, where)),
                    strings(file, node, "hints", where),
                    text(file, node, "test", null, where),
                    node.hasNonNull("hidden") ? Optional.of(text(file, node, "hidden", null, where)) : Optional.empty(),
                    strings(file, node, "files", where),
                    strings(file, node, "cells", where));
        } catch (IllegalArgumentException e) {
            throw new CheckFormatException(file, e.getMessage(), e);
        }
    }

    private static List<String> strings(Path file, JsonNode node, String key, String where) {
        List<String> values = new ArrayList<>();
        JsonNode list = node.path(key);
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw new CheckFormatException(file, where + ": '" + key + "' must be a list of strings");
            }
            for (JsonNode value : list) {
                if (!value.isString() && !value.isNumber()) {
                    throw new CheckFormatException(file, where + ": each of '" + key + "' must be text");
                }
                values.add(value.asString(""));
            }
        }
        return values;
    }

    /**
     * Writes the learner's copy of a week's checks: no hidden tests, and each check's lab cells
     * ({@code cells}, from {@code labCells}; checks it lacks keep what they had). The same input
     * gives the same bytes.
     */
    public static void writeLearnerCopy(WeekChecks week, Map<String, List<String>> labCells, Path target) {
        ObjectNode root = YAML.createObjectNode();
        if (week.track() == Track.WEEK) {
            root.put("week", week.week());
        } else {
            root.put("track", week.track().key());
            root.put("lab", week.week());
        }
        root.put("title", week.title());
        ArrayNode checks = root.putArray("checks");
        for (CheckSpec check : week.checks()) {
            CheckSpec learner = check.forLearners(labCells.getOrDefault(check.id(), check.cells()));
            ObjectNode node = checks.addObject();
            node.put("id", learner.id());
            node.put("title", learner.title());
            node.put("points", learner.points());
            node.put("runtime", learner.runtime().key());
            node.put("timeout", learner.timeout().toSeconds());
            learner.hints().forEach(node.putArray("hints")::add);
            node.put("test", learner.test());
            if (!learner.files().isEmpty()) {
                learner.files().forEach(node.putArray("files")::add);
            }
            if (!learner.cells().isEmpty()) {
                learner.cells().forEach(node.putArray("cells")::add);
            }
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, YAML.writeValueAsString(root));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void unknownKeys(Path file, JsonNode node, Set<String> known, String where) {
        for (String key : node.propertyNames()) {
            if (!known.contains(key)) {
                throw new CheckFormatException(
                        file, where + ": unknown key '" + key + "' (known: " + new TreeSet<>(known) + ")");
            }
        }
    }

    private static String text(Path file, JsonNode node, String key, String fallback, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new CheckFormatException(file, where + ": '" + key + "' is missing");
            }
            return fallback;
        }
        if (!value.isString() && !value.isNumber()) {
            throw new CheckFormatException(file, where + ": '" + key + "' must be text");
        }
        return value.asString();
    }

    private static int integer(Path file, JsonNode node, String key, Integer fallback, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new CheckFormatException(file, where + ": '" + key + "' is missing");
            }
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new CheckFormatException(file, where + ": '" + key + "' must be a whole number");
        }
        return value.asInt();
    }
}

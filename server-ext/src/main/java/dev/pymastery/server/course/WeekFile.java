package dev.pymastery.server.course;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A released file of a published week, as learners download it.
 *
 * @param name the file's name, no folder: {@code week01-data-model.ipynb} or {@code
 *     week01-data-model.checks.yaml}
 * @param sha256 of the UTF-8 content, lowercase hex
 */
public record WeekFile(int week, String name, Kind kind, String content, String sha256) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    /** What the file is: the learner notebook or the public checks file beside it. */
    public enum Kind {
        NOTEBOOK,
        CHECKS;

        public String key() {
            return this == NOTEBOOK ? "notebook" : "checks";
        }

        public static Kind of(String key) {
            return switch (key) {
                case "notebook" -> NOTEBOOK;
                case "checks" -> CHECKS;
                default -> throw new IllegalArgumentException("unknown file kind '" + key + "'");
            };
        }
    }

    public WeekFile {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a published file's name has letters, digits, '.', '_' or '-', not '" + name + "'");
        }
    }

    /** A file with its checksum computed. */
    public static WeekFile of(int week, String name, Kind kind, String content) {
        return new WeekFile(week, name, kind, content, sha256(content));
    }

    /** The size in bytes of the UTF-8 content. */
    public int size() {
        return content.getBytes(StandardCharsets.UTF_8).length;
    }

    static String sha256(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package dev.pymastery.server.people;

import java.util.Locale;

/** What a person may do: a learner reads and writes their own records, an instructor reads the cohort. */
public enum Role {
    LEARNER,
    INSTRUCTOR;

    /** The stored and wire name: {@code learner} or {@code instructor}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String key) {
        return switch (key) {
            case "learner" -> LEARNER;
            case "instructor" -> INSTRUCTOR;
            default -> throw new IllegalArgumentException("unknown role '" + key + "'");
        };
    }
}

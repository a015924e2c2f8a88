package dev.pymastery.server.people;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A learner or an instructor.
 *
 * @param name 1–100 letters, digits, {@code . _ @ -}: an OS user name or an e-mail address fits
 */
public record Person(long id, String name, Role role, Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    public Person {
        checkName(name);
    }

    /** Throws an {@link IllegalArgumentException} saying what a name may contain, when it may not be one. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a name has 1 to 100 letters, digits, '.', '_', '@' or '-', not '" + name + "'");
        }
        return name;
    }

    public boolean isInstructor() {
        return role == Role.INSTRUCTOR;
    }
}

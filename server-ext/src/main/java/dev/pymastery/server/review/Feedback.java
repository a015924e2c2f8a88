package dev.pymastery.server.review;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * An instructor's feedback to a learner on one lab, shown on the learner's page.
 *
 * @param lab unit and lab of the check ids, e.g. {@code w01.repl-audit}, or {@code a03.typed-field}
 *     for a lab of the Architect track
 */
public record Feedback(String lab, String text, String writtenBy, Instant updatedAt) {
    private static final Pattern LAB = Pattern.compile("[wa]\\d{2}\\.[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final int MAX_TEXT = 8000;

    public Feedback {
        checkLab(lab);
    }

    /** Throws an {@link IllegalArgumentException} saying what a lab id looks like, when it is not one. */
    public static String checkLab(String lab) {
        if (lab == null || lab.length() > 120 || !LAB.matcher(lab).matches()) {
            throw new IllegalArgumentException(
                    "a lab is named like w01.repl-audit or a03.typed-field (the first two parts of its check ids),"
                            + " not '" + lab + "'");
        }
        return lab;
    }
}

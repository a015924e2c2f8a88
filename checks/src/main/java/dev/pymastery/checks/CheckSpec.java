package dev.pymastery.checks;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One lab check: hidden test code run against the learner's namespace.
 *
 * @param id {@code w<week>.<lab>.<step>}, e.g. {@code w01.repl-audit.money-eq}, or for a track's lab
 *     {@code <letter><lab>.<topic>.<step>}, e.g. {@code a03.descriptor.rejects-bad-type} (see {@link
 *     Track}); unique in the course
 * @param title what the check proves, in the learner's words
 * @param points what passing is worth
 * @param runtime where the lab's code lives and the test runs
 * @param timeout how long the test may run before it counts as failed
 * @param hints shown, in order, after failed attempts
 * @param test Python code; a failing {@code assert} (with its message) is the failed expectation
 */
public record CheckSpec(
        String id, String title, int points, CheckRuntime runtime, Duration timeout, List<String> hints, String test) {

    static final Pattern ID =
            Pattern.compile("^([wa])(\\d{2})\\.([a-z0-9]+(?:-[a-z0-9]+)*)\\.([a-z0-9]+(?:-[a-z0-9]+)*)$");

    public CheckSpec {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "check id '" + id + "' must look like w01.lab-name.step-name (two-digit week, lowercase words),"
                            + " or a01.lab-name.step-name for the Architect track's lab 1");
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("check " + id + " needs a title");
        }
        if (points < 0) {
            throw new IllegalArgumentException("check " + id + " has negative points");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("check " + id + " needs a timeout between 1 s and 10 min");
        }
        if (test.isBlank()) {
            throw new IllegalArgumentException("check " + id + " has no test code");
        }
        hints = List.copyOf(hints);
    }

    /** The track the id's letter names: {@link Track#WEEK} for {@code w05...}. */
    public Track track() {
        return Track.ofLetter(part(1).charAt(0));
    }

    /** The number the id names: the week, or the lab within its {@link #track()}. */
    public int week() {
        return Integer.parseInt(part(2));
    }

    /** The unit's code, the id's first part: {@code w05}, {@code a03}. */
    public String unit() {
        return part(1) + part(2);
    }

    /** The lab the id names (the middle part). */
    public String lab() {
        return part(3);
    }

    /** The step the id names (the last part). */
    public String step() {
        return part(4);
    }

    private String part(int group) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            throw new IllegalStateException(id);
        }
        return m.group(group);
    }
}

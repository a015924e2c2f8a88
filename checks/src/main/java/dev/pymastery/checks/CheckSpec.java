package dev.pymastery.checks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One lab check: test code run against the learner's namespace. Its tests come in two kinds, as
 * otter-grader splits them: the public {@code test} ships with the learner's notebook and gives
 * immediate feedback in {@code %check}; the {@code hidden} test stays with the instructor and the
 * progress server, which runs both on the learner's submitted code, and only that result counts.
 *
 * @param id {@code w<week>.<lab>.<step>}, e.g. {@code w01.repl-audit.money-eq}, or for a track's lab
 *     {@code <letter><lab>.<topic>.<step>}, e.g. {@code a03.descriptor.rejects-bad-type} (see {@link
 *     Track}); unique in the course
 * @param title what the check proves, in the learner's words
 * @param points what passing is worth
 * @param runtime where the lab's code lives and the test runs
 * @param timeout how long the test may run before it counts as failed
 * @param hints shown, in order, after failed attempts
 * @param test the public test, Python; a failing {@code assert} (with its message) is the failed
 *     expectation
 * @param hidden the hidden test, Python, run after the public one; never in a learner's copy
 * @param files files the lab's code writes (paths relative to the notebook's folder) that the
 *     tests read: sent with each attempt, so the server's re-run has them
 * @param cells the ids of the notebook cells that hold the lab's code for this check, in notebook
 *     order: what the kernel sends with an attempt. Written by the release step; empty in an
 *     instructor's file, where the kernel sends the cells the session ran instead
 */
public record CheckSpec(
        String id,
        String title,
        int points,
        CheckRuntime runtime,
        Duration timeout,
        List<String> hints,
        String test,
        Optional<String> hidden,
        List<String> files,
        List<String> cells) {

    static final Pattern ID =
            Pattern.compile("^([wa])(\\d{2})\\.([a-z0-9]+(?:-[a-z0-9]+)*)\\.([a-z0-9]+(?:-[a-z0-9]+)*)$");
    private static final Pattern FILE = Pattern.compile("^(?!/)(?!.*(?:^|/)\\.\\.(?:/|$))[^\\x00]{1,200}$");

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
        if (hidden.isPresent() && hidden.get().isBlank()) {
            throw new IllegalArgumentException("check " + id + " has an empty hidden test; leave 'hidden' out instead");
        }
        hints = List.copyOf(hints);
        files = List.copyOf(files);
        cells = List.copyOf(cells);
        for (String file : files) {
            if (!FILE.matcher(file).matches()) {
                throw new IllegalArgumentException("check " + id + ": file '" + file
                        + "' must be a path relative to the notebook's folder, without '..'");
            }
        }
    }

    /** A check with a public test only. */
    public CheckSpec(
            String id,
            String title,
            int points,
            CheckRuntime runtime,
            Duration timeout,
            List<String> hints,
            String test) {
        this(id, title, points, runtime, timeout, hints, test, Optional.empty(), List.of(), List.of());
    }

    /** The same check as a learner's copy holds it: no hidden test, and the lab's cells named. */
    public CheckSpec forLearners(List<String> labCells) {
        return new CheckSpec(id, title, points, runtime, timeout, hints, test, Optional.empty(), files, labCells);
    }

    /** The tests to run, public first: the hidden one too when this copy has it. */
    public List<String> tests() {
        return hidden.map(h -> List.of(test, h)).orElse(List.of(test));
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

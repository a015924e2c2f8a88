package dev.pymastery.checks;

import java.nio.file.Path;
import java.util.List;

/**
 * The checks of one unit of the course, as one {@code *.checks.yaml} file holds them: a week, or a
 * lab of a {@link Track} beside the weeks.
 *
 * @param week the week's number, or the lab's within its track
 * @param source the file they came from
 * @param track {@link Track#WEEK} for a week
 */
public record WeekChecks(int week, String title, Path source, List<CheckSpec> checks, Track track) {
    public WeekChecks {
        if (week < 1 || week > 99) {
            throw new IllegalArgumentException((track == Track.WEEK ? "week" : "lab") + " must be 1..99, not " + week);
        }
        checks = List.copyOf(checks);
        for (CheckSpec check : checks) {
            if (check.track() != track || check.week() != week) {
                throw new IllegalArgumentException("check " + check.id() + " names "
                        + check.track().label(check.week()).toLowerCase(java.util.Locale.ROOT) + " but the file is for "
                        + track.label(week).toLowerCase(java.util.Locale.ROOT)
                        + " (its id must start with " + track.code(week) + ".)");
            }
        }
    }

    /** A week's checks. */
    public WeekChecks(int week, String title, Path source, List<CheckSpec> checks) {
        this(week, title, source, checks, Track.WEEK);
    }

    /** The unit's code, as check ids start: {@code w05}, {@code a03}. */
    public String unit() {
        return track.code(week);
    }

    /** The unit's name for people: {@code Week 5}, {@code Architect lab 3}. */
    public String label() {
        return track.label(week);
    }

    /** Points available in this unit. */
    public int points() {
        return checks.stream().mapToInt(CheckSpec::points).sum();
    }
}

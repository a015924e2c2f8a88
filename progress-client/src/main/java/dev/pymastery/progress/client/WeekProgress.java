package dev.pymastery.progress.client;

import java.util.List;

/**
 * A learner's points in one unit of the course (a week, or a track's lab): the best score of each
 * check, summed, out of the unit's points.
 *
 * @param week the week's number, or the lab's within its track
 * @param unit the unit's code, as its check ids start ({@code w05}, {@code a03})
 * @param label the unit's name for people ({@code Week 5}, {@code Architect lab 3})
 */
public record WeekProgress(
        int week, String title, int points, int maxPoints, List<CheckProgress> checks, String unit, String label) {
    public WeekProgress {
        checks = List.copyOf(checks);
        unit = unit == null ? String.format(java.util.Locale.ROOT, "w%02d", week) : unit;
        label = label == null ? "Week " + week : label;
    }

    /** A week's progress. */
    public WeekProgress(int week, String title, int points, int maxPoints, List<CheckProgress> checks) {
        this(week, title, points, maxPoints, checks, null, null);
    }
}

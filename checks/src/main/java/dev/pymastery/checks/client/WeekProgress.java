package dev.pymastery.checks.client;

import java.util.List;

/**
 * A learner's points in one week: the best score of each check, summed, out of the week's points.
 */
public record WeekProgress(int week, String title, int points, int maxPoints, List<CheckProgress> checks) {
    public WeekProgress {
        checks = List.copyOf(checks);
    }
}

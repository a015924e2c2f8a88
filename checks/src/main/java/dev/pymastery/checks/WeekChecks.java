package dev.pymastery.checks;

import java.nio.file.Path;
import java.util.List;

/**
 * The checks of one week, as one {@code *.checks.yaml} file holds them.
 *
 * @param source the file they came from
 */
public record WeekChecks(int week, String title, Path source, List<CheckSpec> checks) {
    public WeekChecks {
        if (week < 1 || week > 99) {
            throw new IllegalArgumentException("week must be 1..99, not " + week);
        }
        checks = List.copyOf(checks);
        for (CheckSpec check : checks) {
            if (check.week() != week) {
                throw new IllegalArgumentException(
                        "check " + check.id() + " names week " + check.week() + " but the file is for week " + week);
            }
        }
    }

    /** Points available this week. */
    public int points() {
        return checks.stream().mapToInt(CheckSpec::points).sum();
    }
}

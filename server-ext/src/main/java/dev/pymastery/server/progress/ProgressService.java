package dev.pymastery.server.progress;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.progress.client.CheckProgress;
import dev.pymastery.progress.client.LearnerProgress;
import dev.pymastery.progress.client.WeekProgress;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.store.CheckResult;
import dev.pymastery.server.store.CheckState;
import dev.pymastery.server.store.PeopleStore;
import dev.pymastery.server.store.ResultStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes progress from the catalog and the stored summaries. A check's points are the best score
 * the server verified (decision 0041), capped at what the catalog says it is worth now; what a
 * kernel claimed shows as the check's state, and checks no longer in the catalog do not count.
 */
public final class ProgressService {
    private final CheckCatalog catalog;
    private final PeopleStore people;
    private final ResultStore results;

    public ProgressService(CheckCatalog catalog, PeopleStore people, ResultStore results) {
        this.catalog = catalog;
        this.people = people;
        this.results = results;
    }

    public LearnerProgress of(Person person) {
        Map<String, CheckResult> byCheck = new HashMap<>();
        for (CheckResult result : results.of(person.id())) {
            byCheck.put(result.checkId(), result);
        }
        List<WeekProgress> weeks = new ArrayList<>();
        int points = 0;
        int maxPoints = 0;
        for (WeekChecks week : catalog.weeks()) {
            List<CheckProgress> checks = new ArrayList<>();
            int weekPoints = 0;
            for (CheckSpec check : week.checks()) {
                Optional<CheckResult> result = Optional.ofNullable(byCheck.get(check.id()));
                // What counts is what the server verified, never what the kernel claimed.
                int got = result.flatMap(CheckResult::verifiedScore)
                        .map(score -> Math.min(score, check.points()))
                        .orElse(0);
                weekPoints += got;
                checks.add(new CheckProgress(
                        check.id(),
                        check.title(),
                        got,
                        check.points(),
                        result.map(CheckResult::bestOutcome),
                        result.map(CheckResult::attempts).orElse(0),
                        result.map(CheckResult::state)
                                .orElse(CheckState.NOT_STARTED)
                                .key()));
            }
            weeks.add(new WeekProgress(
                    week.week(), week.title(), weekPoints, week.points(), checks, week.unit(), week.label()));
            points += weekPoints;
            maxPoints += week.points();
        }
        return new LearnerProgress(person.name(), points, maxPoints, weeks);
    }

    /** Every learner's points per week. */
    public CohortView cohort() {
        List<WeekChecks> weeks = catalog.weeks();
        Map<String, Integer> column = new HashMap<>();
        Map<String, Integer> worth = new HashMap<>();
        for (int i = 0; i < weeks.size(); i++) {
            for (CheckSpec check : weeks.get(i).checks()) {
                column.put(check.id(), i);
                worth.put(check.id(), check.points());
            }
        }
        Map<Long, int[]> points = new HashMap<>();
        Map<Long, Long> latest = new HashMap<>();
        for (ResultStore.BestScore result : results.cohort()) {
            Integer index = column.get(result.checkId());
            if (index == null) {
                continue;
            }
            int[] row = points.computeIfAbsent(result.personId(), id -> new int[weeks.size()]);
            row[index] += Math.min(result.verifiedScore().orElse(0), worth.get(result.checkId()));
            latest.merge(result.personId(), result.lastAttemptAt(), Math::max);
        }
        List<CohortView.Row> rows = new ArrayList<>();
        for (Person person : people.list()) {
            if (person.role() != Role.LEARNER) {
                continue;
            }
            int[] row = points.getOrDefault(person.id(), new int[weeks.size()]);
            List<Integer> perWeek = new ArrayList<>(row.length);
            int total = 0;
            for (int value : row) {
                perWeek.add(value);
                total += value;
            }
            rows.add(new CohortView.Row(
                    person.name(),
                    total,
                    perWeek,
                    Optional.ofNullable(latest.get(person.id())).map(Instant::ofEpochMilli)));
        }
        List<CohortView.Column> columns = weeks.stream()
                .map(w -> new CohortView.Column(w.week(), w.title(), w.points(), w.unit(), w.label()))
                .toList();
        return new CohortView(
                columns, rows, weeks.stream().mapToInt(WeekChecks::points).sum());
    }

    /**
     * The cohort as CSV: one line per learner and check, with a header line. The week column holds
     * the week's number, or for a track's lab its code ({@code a03}).
     */
    public String cohortCsv() {
        StringBuilder csv =
                new StringBuilder("learner,week,check_id,check_title,points,max_points,best_outcome,attempts,state\n");
        for (Person person : people.list()) {
            if (person.role() != Role.LEARNER) {
                continue;
            }
            for (WeekProgress week : of(person).weeks()) {
                for (CheckProgress check : week.checks()) {
                    csv.append(Csv.field(person.name()))
                            .append(',')
                            .append(week.unit().startsWith("w") ? String.valueOf(week.week()) : week.unit())
                            .append(',')
                            .append(Csv.field(check.id()))
                            .append(',')
                            .append(Csv.field(check.title()))
                            .append(',')
                            .append(check.points())
                            .append(',')
                            .append(check.maxPoints())
                            .append(',')
                            .append(check.bestOutcome().map(o -> o.key()).orElse(""))
                            .append(',')
                            .append(check.attempts())
                            .append(',')
                            .append(check.state())
                            .append('\n');
                }
            }
        }
        return csv.toString();
    }

    public CheckCatalog catalog() {
        return catalog;
    }
}

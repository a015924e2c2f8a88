package dev.pymastery.server.gradebook;

import dev.pymastery.checks.CheckSpec;
import dev.pymastery.checks.Track;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.server.course.PublishedWeek;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.review.ScoreOverride;
import dev.pymastery.server.store.CheckState;
import dev.pymastery.server.store.LateResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes a {@link Gradebook} from what the stores hold; no I/O. */
final class GradebookBuilder {
    /**
     * Everything a gradebook is made from.
     *
     * @param weeks the units, in column order: the weeks, then a track's labs
     * @param schedule the published weeks by number (weeks only: a track's lab is never on it)
     * @param extensions person id → week → until (weeks only)
     */
    record Inputs(
            Instant now,
            boolean scheduled,
            List<WeekChecks> weeks,
            Map<Integer, PublishedWeek> schedule,
            List<Person> learners,
            List<Standing> standings,
            List<ScoreOverride> overrides,
            List<LateResult> late,
            Map<Long, Map<Integer, Instant>> extensions) {}

    private record Key(long personId, String checkId) {}

    private GradebookBuilder() {}

    static Gradebook build(Inputs in) {
        Map<Key, Standing> standings = new HashMap<>();
        in.standings().forEach(s -> standings.put(new Key(s.personId(), s.checkId()), s));
        Map<Key, ScoreOverride> overrides = new HashMap<>();
        in.overrides().forEach(o -> overrides.put(new Key(o.personId(), o.checkId()), o));
        Map<Key, LateResult> late = new HashMap<>();
        in.late().forEach(l -> late.put(new Key(l.personId(), l.checkId()), l));

        List<Gradebook.WeekColumn> columns =
                in.weeks().stream().map(w -> column(w, in)).toList();
        List<Gradebook.LearnerRow> rows = new ArrayList<>();
        for (Person learner : in.learners()) {
            List<Gradebook.WeekCell> weeks = new ArrayList<>();
            for (Gradebook.WeekColumn column : columns) {
                List<Gradebook.LabCell> labs = new ArrayList<>();
                for (Gradebook.LabColumn lab : column.labs()) {
                    List<Gradebook.CheckCell> checks = new ArrayList<>();
                    for (Gradebook.CheckColumn check : lab.checks()) {
                        Key key = new Key(learner.id(), check.id());
                        checks.add(cell(
                                check,
                                Optional.ofNullable(standings.get(key)),
                                Optional.ofNullable(overrides.get(key)),
                                Optional.ofNullable(late.get(key))));
                    }
                    labs.add(new Gradebook.LabCell(
                            lab.lab(),
                            checks.stream()
                                    .mapToInt(Gradebook.CheckCell::points)
                                    .sum(),
                            checks.stream().anyMatch(Gradebook.CheckCell::late),
                            checks));
                }
                // Deadlines and extensions are a week's; a track's lab of the same number has none.
                Optional<Instant> extension = Track.WEEK.owns(column.unit())
                        ? Optional.ofNullable(in.extensions()
                                .getOrDefault(learner.id(), Map.of())
                                .get(column.week()))
                        : Optional.empty();
                weeks.add(new Gradebook.WeekCell(
                        column.week(),
                        column.unit(),
                        column.label(),
                        labs.stream().mapToInt(Gradebook.LabCell::points).sum(),
                        labs.stream().anyMatch(Gradebook.LabCell::late),
                        extension.or(column::dueAt),
                        extension.isPresent(),
                        labs));
            }
            rows.add(new Gradebook.LearnerRow(
                    learner.name(),
                    weeks.stream().mapToInt(Gradebook.WeekCell::points).sum(),
                    weeks.stream().anyMatch(Gradebook.WeekCell::late),
                    weeks));
        }
        return new Gradebook(
                in.now(),
                in.scheduled(),
                columns,
                columns.stream().mapToInt(Gradebook.WeekColumn::maxPoints).sum(),
                rows);
    }

    private static Gradebook.WeekColumn column(WeekChecks week, Inputs in) {
        Map<String, List<Gradebook.CheckColumn>> labs = new LinkedHashMap<>();
        for (CheckSpec check : week.checks()) {
            labs.computeIfAbsent(labOf(check), l -> new ArrayList<>())
                    .add(new Gradebook.CheckColumn(check.id(), check.title(), check.points()));
        }
        Optional<PublishedWeek> published =
                week.track() == Track.WEEK ? Optional.ofNullable(in.schedule().get(week.week())) : Optional.empty();
        return new Gradebook.WeekColumn(
                week.week(),
                week.unit(),
                week.label(),
                week.title(),
                week.points(),
                published.map(PublishedWeek::publishedAt),
                published.flatMap(PublishedWeek::dueAt),
                labs.entrySet().stream()
                        .map(e -> new Gradebook.LabColumn(
                                e.getKey(),
                                e.getValue().stream()
                                        .mapToInt(Gradebook.CheckColumn::maxPoints)
                                        .sum(),
                                e.getValue()))
                        .toList());
    }

    /** {@code w01.repl-audit} for {@code w01.repl-audit.money-eq}, {@code a03.typed-field} for {@code a03.typed-field.x}. */
    static String labOf(CheckSpec check) {
        return check.unit() + "." + check.lab();
    }

    private static Gradebook.CheckCell cell(
            Gradebook.CheckColumn check,
            Optional<Standing> standing,
            Optional<ScoreOverride> override,
            Optional<LateResult> late) {
        int max = check.maxPoints();
        Optional<Integer> verified = standing.flatMap(Standing::verified).map(v -> Math.min(v, max));
        int points = override.map(o -> Math.min(o.score(), max)).orElse(verified.orElse(0));
        int onTime = late.flatMap(LateResult::onTimeVerified)
                .map(v -> Math.min(v, max))
                .orElse(0);
        boolean earnedLate = override.isEmpty() && late.isPresent() && verified.orElse(0) > onTime;
        return new Gradebook.CheckCell(
                check.id(),
                standing.map(Standing::state).orElse(CheckState.NOT_STARTED),
                points,
                standing.map(s -> Math.min(s.claimed(), max)).orElse(0),
                verified,
                override.map(o -> new Gradebook.OverrideNote(o.score(), o.reason(), o.setBy(), o.setAt())),
                earnedLate,
                late.map(LateResult::lateAttempts).orElse(0));
    }
}

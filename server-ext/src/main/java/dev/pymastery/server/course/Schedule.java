package dev.pymastery.server.course;

import dev.pymastery.checks.Track;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.progress.client.LearnerProgress;
import dev.pymastery.progress.client.WeekProgress;
import dev.pymastery.server.people.Person;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schedule as read at one moment. Without any published week there is no schedule and every
 * week is open (one learner on their own machine, decision 0014); with one, learners see a week
 * from its publication on, and the gradebook has the weeks on the schedule. A track's labs (the
 * Architect track) are not on the schedule, which publishes weeks: they are self-paced, always open
 * and graded, with or without a schedule. The methods taking a number mean a week; those taking a
 * unit ({@link WeekChecks}) tell a week from a track's lab of the same number.
 */
public record Schedule(Instant now, Map<Integer, PublishedWeek> weeks) {
    public Schedule {
        weeks = Map.copyOf(weeks);
    }

    public static Schedule of(Instant now, List<PublishedWeek> weeks) {
        Map<Integer, PublishedWeek> byWeek = new LinkedHashMap<>();
        weeks.forEach(w -> byWeek.put(w.week(), w));
        return new Schedule(now, byWeek);
    }

    /** Whether the server publishes weeks at all. */
    public boolean scheduled() {
        return !weeks.isEmpty();
    }

    public Optional<PublishedWeek> week(int week) {
        return Optional.ofNullable(weeks.get(week));
    }

    /** Whether learners see the week and may attempt its checks now. */
    public boolean open(int week) {
        return !scheduled() || week(week).map(w -> w.openAt(now)).orElse(false);
    }

    /** Whether learners see the unit and may attempt its checks now: a track's lab always. */
    public boolean open(WeekChecks unit) {
        return unit.track() != Track.WEEK || open(unit.week());
    }

    /** Whether {@code viewer} sees the week: instructors every week, learners the open ones. */
    public boolean visibleTo(Person viewer, int week) {
        return viewer.isInstructor() || open(week);
    }

    /** Whether {@code viewer} sees the unit: a track's lab everyone, a week as {@link #visibleTo(Person, int)}. */
    public boolean visibleTo(Person viewer, WeekChecks unit) {
        return viewer.isInstructor() || open(unit);
    }

    /** Whether the week is graded: on the schedule (published or to be), or any week without one. */
    public boolean graded(int week) {
        return !scheduled() || weeks.containsKey(week);
    }

    /** Whether the unit is graded: a track's lab always, a week as {@link #graded(int)}. */
    public boolean graded(WeekChecks unit) {
        return unit.track() != Track.WEEK || graded(unit.week());
    }

    /** The catalog's units {@code viewer} sees. */
    public List<WeekChecks> visible(Person viewer, List<WeekChecks> catalog) {
        return catalog.stream().filter(w -> visibleTo(viewer, w)).toList();
    }

    /** The progress with only the units {@code viewer} sees, its totals summed over them. */
    public LearnerProgress visible(Person viewer, LearnerProgress progress) {
        List<WeekProgress> weeks = progress.weeks().stream()
                .filter(w -> !Track.WEEK.owns(w.unit()) || visibleTo(viewer, w.week()))
                .toList();
        if (weeks.size() == progress.weeks().size()) {
            return progress;
        }
        return new LearnerProgress(
                progress.learner(),
                weeks.stream().mapToInt(WeekProgress::points).sum(),
                weeks.stream().mapToInt(WeekProgress::maxPoints).sum(),
                weeks);
    }
}

package dev.pymastery.server.course;

import dev.pymastery.checks.WeekChecks;
import dev.pymastery.checks.client.LearnerProgress;
import dev.pymastery.checks.client.WeekProgress;
import dev.pymastery.server.people.Person;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schedule as read at one moment. Without any published week there is no schedule and every
 * week is open (one learner on their own machine, decision 0014); with one, learners see a week
 * from its publication on, and the gradebook has the weeks on the schedule.
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

    /** Whether {@code viewer} sees the week: instructors every week, learners the open ones. */
    public boolean visibleTo(Person viewer, int week) {
        return viewer.isInstructor() || open(week);
    }

    /** Whether the week is graded: on the schedule (published or to be), or any week without one. */
    public boolean graded(int week) {
        return !scheduled() || weeks.containsKey(week);
    }

    /** The catalog's weeks {@code viewer} sees. */
    public List<WeekChecks> visible(Person viewer, List<WeekChecks> catalog) {
        return catalog.stream().filter(w -> visibleTo(viewer, w.week())).toList();
    }

    /** The progress with only the weeks {@code viewer} sees, its totals summed over them. */
    public LearnerProgress visible(Person viewer, LearnerProgress progress) {
        List<WeekProgress> weeks = progress.weeks().stream()
                .filter(w -> visibleTo(viewer, w.week()))
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

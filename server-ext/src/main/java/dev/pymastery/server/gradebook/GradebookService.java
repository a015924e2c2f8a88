package dev.pymastery.server.gradebook;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.server.course.CourseSchedule;
import dev.pymastery.server.course.Schedule;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.store.CheckResult;
import dev.pymastery.server.store.DeadlineStore;
import dev.pymastery.server.store.LateStore;
import dev.pymastery.server.store.PeopleStore;
import dev.pymastery.server.store.ResultStore;
import dev.pymastery.server.store.ReviewStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds gradebooks from the stores: the whole cohort's (instructors) or one learner's. A learner's
 * own has only the weeks open to them; the cohort's has the weeks on the schedule. Both have every
 * lab of a track, which is not on the schedule (decision 0014).
 */
public final class GradebookService {
    private final CheckCatalog catalog;
    private final CourseSchedule schedule;
    private final PeopleStore people;
    private final ResultStore results;
    private final ReviewStore reviews;
    private final LateStore late;
    private final DeadlineStore deadlines;

    public GradebookService(
            CheckCatalog catalog,
            CourseSchedule schedule,
            PeopleStore people,
            ResultStore results,
            ReviewStore reviews,
            LateStore late,
            DeadlineStore deadlines) {
        this.catalog = catalog;
        this.schedule = schedule;
        this.people = people;
        this.results = results;
        this.reviews = reviews;
        this.late = late;
        this.deadlines = deadlines;
    }

    /** Every learner, on the graded units. */
    public Gradebook cohort() {
        Schedule now = schedule.now();
        List<WeekChecks> weeks = catalog.weeks().stream().filter(now::graded).toList();
        List<Standing> standings = results.cohort().stream()
                .map(b -> new Standing(b.personId(), b.checkId(), b.bestScore(), b.verifiedScore(), b.state()))
                .toList();
        return GradebookBuilder.build(new GradebookBuilder.Inputs(
                now.now(),
                now.scheduled(),
                weeks,
                now.weeks(),
                people.list().stream().filter(p -> p.role() == Role.LEARNER).toList(),
                standings,
                reviews.overrides(Optional.empty()),
                late.late(Optional.empty()),
                deadlines.all()));
    }

    /**
     * One person's grades, as {@code viewer} may see them: a learner viewing themselves gets the
     * open weeks, an instructor the graded ones.
     */
    public Gradebook of(Person person, Person viewer) {
        Schedule now = schedule.now();
        List<WeekChecks> weeks = catalog.weeks().stream()
                .filter(w -> viewer.isInstructor() ? now.graded(w) : now.open(w))
                .toList();
        List<Standing> standings =
                results.of(person.id()).stream().map(GradebookService::standing).toList();
        return GradebookBuilder.build(new GradebookBuilder.Inputs(
                now.now(),
                now.scheduled(),
                weeks,
                now.weeks(),
                List.of(person),
                standings,
                reviews.overrides(Optional.of(person.id())),
                late.late(Optional.of(person.id())),
                Map.of(person.id(), deadlines.of(person.id()))));
    }

    private static Standing standing(CheckResult r) {
        return new Standing(r.personId(), r.checkId(), r.bestScore(), r.verifiedScore(), r.state());
    }
}

package dev.pymastery.server;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.server.course.CourseSchedule;
import dev.pymastery.server.gradebook.GradebookService;
import dev.pymastery.server.people.Tokens;
import dev.pymastery.server.store.AuditLog;
import dev.pymastery.server.store.Database;
import dev.pymastery.server.store.DeadlineStore;
import dev.pymastery.server.store.FeedbackStore;
import dev.pymastery.server.store.LateStore;
import dev.pymastery.server.store.PeopleStore;
import dev.pymastery.server.store.ResultStore;
import dev.pymastery.server.store.ReviewStore;
import dev.pymastery.server.store.RosterStore;
import dev.pymastery.server.store.ScheduleStore;
import java.time.Clock;

/**
 * The course's schedule, deadlines, reviews, feedback, roster and gradebook on one database: wired
 * once for the server ({@link ProgressServer}) and for the command line that changes them.
 */
public record CourseServices(
        CheckCatalog catalog,
        PeopleStore people,
        CourseSchedule schedule,
        DeadlineStore deadlines,
        ReviewStore reviews,
        FeedbackStore feedback,
        RosterStore roster,
        AuditLog audit,
        GradebookService gradebook) {

    public static CourseServices create(Database database, CheckCatalog catalog, PeopleStore people, Clock clock) {
        CourseSchedule schedule = new CourseSchedule(new ScheduleStore(database, clock), clock);
        DeadlineStore deadlines = new DeadlineStore(database, clock);
        ReviewStore reviews = new ReviewStore(database, clock);
        return new CourseServices(
                catalog,
                people,
                schedule,
                deadlines,
                reviews,
                new FeedbackStore(database, clock),
                new RosterStore(database, new Tokens(), clock),
                new AuditLog(database),
                new GradebookService(
                        catalog,
                        schedule,
                        people,
                        new ResultStore(database),
                        reviews,
                        new LateStore(database),
                        deadlines));
    }
}

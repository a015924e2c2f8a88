package dev.pymastery.server.web;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.Track;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.server.course.CourseSchedule;
import dev.pymastery.server.course.PublishedWeek;
import dev.pymastery.server.course.Schedule;
import dev.pymastery.server.course.WeekFile;
import dev.pymastery.server.gradebook.GradebookJson;
import dev.pymastery.server.gradebook.GradebookService;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.review.Feedback;
import dev.pymastery.server.store.DeadlineStore;
import dev.pymastery.server.store.FeedbackStore;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What learners read about the course: the published weeks and their files ({@code %fetch} and the
 * learner page's links), their grades and the feedback instructors wrote them.
 */
public final class CourseRoutes {
    private final CheckCatalog catalog;
    private final CourseSchedule schedule;
    private final DeadlineStore deadlines;
    private final GradebookService gradebook;
    private final FeedbackStore feedback;

    public CourseRoutes(
            CheckCatalog catalog,
            CourseSchedule schedule,
            DeadlineStore deadlines,
            GradebookService gradebook,
            FeedbackStore feedback) {
        this.catalog = catalog;
        this.schedule = schedule;
        this.deadlines = deadlines;
        this.gradebook = gradebook;
        this.feedback = feedback;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/weeks", Access.PERSON, this::weeks),
                Route.get("/api/v1/weeks/{week}/files/{file}", Access.PERSON, this::file),
                Route.get("/api/v1/me/grades", Access.PERSON, ctx -> {
                    Person me = Authenticator.person(ctx);
                    ctx.json(GradebookJson.of(gradebook.of(me, me)));
                }),
                Route.get("/api/v1/me/feedback", Access.PERSON, ctx -> {
                    Person me = Authenticator.person(ctx);
                    ctx.json(feedbackOf(me.name(), feedback.of(me.id())));
                }));
    }

    /** The weeks the caller sees on the schedule (learners: the open ones), with their files. */
    private void weeks(Context ctx) {
        Person viewer = Authenticator.person(ctx);
        Schedule now = schedule.now();
        Map<Integer, Instant> extensions = viewer.isInstructor() ? Map.of() : deadlines.of(viewer.id());
        List<Map<String, Object>> weeks = now.weeks().values().stream()
                .filter(w -> now.visibleTo(viewer, w.week()))
                .sorted(java.util.Comparator.comparingInt(PublishedWeek::week))
                .map(w -> week(w, now, Optional.ofNullable(extensions.get(w.week()))))
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scheduled", now.scheduled());
        out.put("weeks", weeks);
        ctx.json(out);
    }

    private Map<String, Object> week(PublishedWeek week, Schedule now, Optional<Instant> extension) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("week", week.week());
        out.put(
                "title",
                catalog.weeks().stream()
                        .filter(w -> w.track() == Track.WEEK && w.week() == week.week())
                        .map(WeekChecks::title)
                        .findFirst()
                        .orElse("Week " + week.week()));
        out.put("open", week.openAt(now.now()));
        out.put("publishedAt", week.publishedAt().toString());
        out.put("dueAt", week.dueAt().map(Instant::toString).orElse(null));
        out.put("deadline", extension.or(week::dueAt).map(Instant::toString).orElse(null));
        out.put("extended", extension.isPresent());
        out.put(
                "files",
                week.files().stream()
                        .map(f -> Map.<String, Object>of(
                                "name",
                                f.name(),
                                "kind",
                                f.kind().key(),
                                "sha256",
                                f.sha256(),
                                "size",
                                f.size(),
                                "url",
                                "api/v1/weeks/" + week.week() + "/files/" + f.name()))
                        .toList());
        return out;
    }

    private void file(Context ctx) {
        Person viewer = Authenticator.person(ctx);
        int week = weekParameter(ctx);
        String name = ctx.pathParam("file");
        Schedule now = schedule.now();
        if (now.week(week).isEmpty() || !now.visibleTo(viewer, week)) {
            throw ApiProblem.notFound("week " + week + " is not published"
                    + (now.scheduled()
                            ? ""
                            : ": this server publishes no weeks (the notebooks are in your course folder)")
                    + "; GET api/v1/weeks lists what is");
        }
        WeekFile file = schedule.store()
                .file(week, name)
                .orElseThrow(() -> ApiProblem.notFound(
                        "week " + week + " has no file '" + name + "'; GET api/v1/weeks lists its files"));
        ctx.contentType(
                file.kind() == WeekFile.Kind.NOTEBOOK
                        ? "application/x-ipynb+json; charset=utf-8"
                        : "application/yaml; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        ctx.header("ETag", "\"" + file.sha256() + "\"");
        ctx.result(file.content().getBytes(StandardCharsets.UTF_8));
    }

    static int weekParameter(Context ctx) {
        String text = ctx.pathParam("week");
        try {
            int week = Integer.parseInt(text);
            if (week >= 1 && week <= 99) {
                return week;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("the week is a number from 1 to 99, not '" + text + "'");
    }

    static Map<String, Object> feedbackOf(String learner, List<Feedback> feedback) {
        return Map.of(
                "learner",
                learner,
                "feedback",
                feedback.stream()
                        .map(f -> Map.of(
                                "lab",
                                f.lab(),
                                "text",
                                f.text(),
                                "writtenBy",
                                f.writtenBy(),
                                "updatedAt",
                                f.updatedAt().toString()))
                        .toList());
    }
}

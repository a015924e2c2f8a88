package dev.pymastery.server.web;

import dev.pymastery.checks.CheckSpec;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.progress.client.Attempt;
import dev.pymastery.progress.client.AttemptJson;
import dev.pymastery.progress.client.Learner;
import dev.pymastery.progress.client.RecordedAttempt;
import dev.pymastery.server.attempts.AttemptRecorder;
import dev.pymastery.server.attempts.RecordResult;
import dev.pymastery.server.course.AttemptWindow;
import dev.pymastery.server.course.CourseSchedule;
import dev.pymastery.server.events.EventHub;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.progress.ProgressService;
import dev.pymastery.server.store.AttemptFlags;
import dev.pymastery.server.store.AttemptStore;
import dev.pymastery.server.store.PeopleStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON API under {@code /api/v1}: thin handlers over the services. */
public final class ApiRoutes {
    private static final Pattern CHECK_ID = Pattern.compile("[a-z0-9.-]{1,200}");
    private final AttemptRecorder recorder;
    private final AttemptStore attempts;
    private final PeopleStore people;
    private final ProgressService progress;
    private final EventHub events;
    private final Metrics metrics;
    private final JsonMapper json;
    private final CourseSchedule schedule;
    private final AttemptWindow window;
    private final AttemptFlags flags;

    public ApiRoutes(
            AttemptRecorder recorder,
            AttemptStore attempts,
            PeopleStore people,
            ProgressService progress,
            EventHub events,
            Metrics metrics,
            JsonMapper json,
            CourseSchedule schedule,
            AttemptFlags flags) {
        this.recorder = recorder;
        this.attempts = attempts;
        this.people = people;
        this.progress = progress;
        this.events = events;
        this.metrics = metrics;
        this.json = json;
        this.schedule = schedule;
        this.window = new AttemptWindow(schedule.store());
        this.flags = flags;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/v1/attempts", Access.PERSON, this::postAttempt),
                Route.get("/api/v1/me", Access.PERSON, ctx -> ctx.json(learner(Authenticator.person(ctx)))),
                Route.get(
                        "/api/v1/me/progress",
                        Access.PERSON,
                        ctx -> ctx.json(progressOf(ctx, Authenticator.person(ctx)))),
                Route.get("/api/v1/me/attempts", Access.PERSON, ctx -> attemptsOf(ctx, Authenticator.person(ctx))),
                Route.get("/api/v1/checks", Access.PERSON, this::checks),
                Route.get("/api/v1/learners", Access.INSTRUCTOR, this::learners),
                Route.get(
                        "/api/v1/learners/{name}/progress",
                        Access.PERSON,
                        ctx -> ctx.json(progressOf(ctx, visible(ctx)))),
                Route.get("/api/v1/learners/{name}/attempts", Access.PERSON, ctx -> attemptsOf(ctx, visible(ctx))),
                Route.get("/api/v1/cohort", Access.INSTRUCTOR, ctx -> ctx.json(progress.cohort())),
                Route.get("/api/v1/cohort.csv", Access.INSTRUCTOR, this::cohortCsv),
                new Route(
                        HandlerType.GET,
                        "/api/v1/events",
                        Access.PERSON,
                        new SseHandler(client -> events.subscribe(client, Authenticator.person(client.ctx())))));
    }

    private void postAttempt(Context ctx) {
        Person person = Authenticator.person(ctx);
        Attempt attempt;
        try {
            attempt = AttemptJson.read(JsonBody.read(ctx, json));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        progress.catalog().find(attempt.checkId()).ifPresent(check -> window.refusal(person, attempt, check)
                .ifPresent(refusal -> {
                    throw new ApiProblem(422, refusal);
                }));
        // Stored on this request's thread (or by the request committing alongside it): the answer
        // comes after the commit.
        RecordResult result = recorder.record(person, attempt);
        answer(ctx, result);
    }

    private void answer(Context ctx, RecordResult result) {
        switch (result) {
            case RecordResult.Created created -> {
                metrics.attempt(false);
                ctx.status(201).json(AttemptJson.writeRecorded(created.attempt()));
            }
            case RecordResult.Duplicate duplicate -> {
                metrics.attempt(true);
                ctx.status(200).json(AttemptJson.writeRecorded(duplicate.attempt()));
            }
            case RecordResult.UnknownCheck unknown ->
                Problems.write(
                        ctx,
                        422,
                        "unknown check '" + unknown.checkId() + "': the server's catalog does not have it"
                                + " (see GET api/v1/checks)");
            case RecordResult.Rejected rejected -> Problems.write(ctx, 422, rejected.reason());
        }
    }

    private void attemptsOf(Context ctx, Person person) {
        int limit = limit(ctx);
        Optional<String> checkId = Optional.ofNullable(ctx.queryParam("checkId"));
        if (checkId.isPresent() && !CHECK_ID.matcher(checkId.get()).matches()) {
            throw ApiProblem.badRequest("'checkId' must look like w01.lab-name.step-name");
        }
        ArrayNode list = json.createArrayNode();
        List<RecordedAttempt> listed = attempts.attempts(person, checkId, limit);
        Map<Long, AttemptFlags.Flags> flagged =
                flags.of(listed.stream().map(RecordedAttempt::id).toList());
        for (RecordedAttempt recorded : listed) {
            ObjectNode node = AttemptJson.writeRecorded(recorded);
            AttemptFlags.Flags f = flagged.get(recorded.id());
            node.put("late", f != null && f.late());
            Optional<Instant> voidedAt = f == null ? Optional.empty() : f.voidedAt();
            if (voidedAt.isPresent()) {
                node.put("voidedAt", voidedAt.get().toString());
            } else {
                node.putNull("voidedAt");
            }
            list.add(node);
        }
        ctx.json(Map.of("learner", person.name(), "attempts", list));
    }

    private void checks(Context ctx) {
        List<Map<String, Object>> weeks =
                schedule
                        .now()
                        .visible(Authenticator.person(ctx), progress.catalog().weeks())
                        .stream()
                        .map(this::week)
                        .toList();
        ctx.json(Map.of("weeks", weeks));
    }

    private Map<String, Object> week(WeekChecks week) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("week", week.week());
        out.put("unit", week.unit());
        out.put("label", week.label());
        out.put("title", week.title());
        out.put("maxPoints", week.points());
        out.put("checks", week.checks().stream().map(ApiRoutes::check).toList());
        return out;
    }

    private static Map<String, Object> check(CheckSpec check) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", check.id());
        out.put("title", check.title());
        out.put("lab", check.lab());
        out.put("maxPoints", check.points());
        out.put("runtime", check.runtime().key());
        return out;
    }

    private void learners(Context ctx) {
        ctx.json(Map.of(
                "people",
                people.list().stream()
                        .map(p -> Map.of(
                                "name",
                                p.name(),
                                "role",
                                p.role().key(),
                                "createdAt",
                                p.createdAt().toString()))
                        .toList()));
    }

    private void cohortCsv(Context ctx) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"pymastery-cohort.csv\"");
        ctx.result(progress.cohortCsv());
    }

    /** A person's progress on the weeks the caller sees (a learner: the open ones). */
    private dev.pymastery.progress.client.LearnerProgress progressOf(Context ctx, Person person) {
        return schedule.now().visible(Authenticator.person(ctx), progress.of(person));
    }

    /** The person named in the path, if the caller may see them: themselves, or anyone for an instructor. */
    private Person visible(Context ctx) {
        Person caller = Authenticator.person(ctx);
        String name = ctx.pathParam("name");
        if (!caller.isInstructor() && !caller.name().equals(name)) {
            throw ApiProblem.forbidden("learners see only their own records; you are " + caller.name());
        }
        if (caller.name().equals(name)) {
            return caller;
        }
        try {
            Person.checkName(name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("nobody is called '" + name + "': " + e.getMessage());
        }
        return people.find(name).orElseThrow(() -> ApiProblem.notFound("nobody is called '" + name + "'"));
    }

    private static Learner learner(Person person) {
        return new Learner(person.name(), person.role().key());
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= 500) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("'limit' must be a whole number from 1 to 500, not '" + text + "'");
    }
}

package dev.pymastery.server;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.server.attempts.AttemptRecorder;
import dev.pymastery.server.attempts.AttemptRules;
import dev.pymastery.server.events.EventHub;
import dev.pymastery.server.people.Tokens;
import dev.pymastery.server.progress.ProgressService;
import dev.pymastery.server.store.AttemptFlags;
import dev.pymastery.server.store.AttemptStore;
import dev.pymastery.server.store.Database;
import dev.pymastery.server.store.PeopleStore;
import dev.pymastery.server.store.ResultStore;
import dev.pymastery.server.store.VerificationJobs;
import dev.pymastery.server.verify.VerificationWorkers;
import dev.pymastery.server.verify.VerifySettings;
import dev.pymastery.server.web.ApiRoutes;
import dev.pymastery.server.web.Authenticator;
import dev.pymastery.server.web.CourseRoutes;
import dev.pymastery.server.web.DashboardRoutes;
import dev.pymastery.server.web.GradebookRoutes;
import dev.pymastery.server.web.InstructorRoutes;
import dev.pymastery.server.web.Metrics;
import dev.pymastery.server.web.OpsRoutes;
import dev.pymastery.server.web.Route;
import dev.pymastery.server.web.WebApp;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The composition root: wires the database, the stores, the attempt writer, the event hub and the
 * routes into one unstarted Javalin app. Owns them all; {@link #close} stops and closes them.
 */
public final class ProgressServer implements AutoCloseable {
    private final Database database;
    private final CheckCatalog catalog;
    private final PeopleStore people;
    private final AttemptStore attempts;
    private final AttemptRecorder recorder;
    private final EventHub events;
    private final VerificationJobs verificationJobs;
    private final VerificationWorkers verifiers;
    private final CourseServices course;
    private final List<Route> routes;
    private final Javalin app;

    private ProgressServer(
            Database database,
            CheckCatalog catalog,
            Optional<Path> catalogFolder,
            boolean accessLog,
            VerifySettings verify) {
        Clock clock = Clock.systemUTC();
        JsonMapper json = JsonMapper.builder().build();
        this.database = database;
        this.catalog = catalog;
        this.people = new PeopleStore(database, new Tokens(), clock);
        this.attempts = new AttemptStore(database, clock);
        this.events = new EventHub(json);
        this.verificationJobs = new VerificationJobs(database, clock);
        VerificationWorkers.Verify inContainers = VerificationWorkers.inContainers(verify.runtimeEnv(), json);
        this.verifiers = (catalogFolder.isPresent()
                        ? VerificationWorkers.onFolder(
                                verificationJobs, catalogFolder.get(), catalog, inContainers, json, verify.poll())
                        : new VerificationWorkers(verificationJobs, catalog, inContainers, json, verify.poll()))
                .start(verify.workers());
        this.recorder = new AttemptRecorder(
                attempts,
                catalog,
                recorded -> {
                    events.publish(recorded);
                    if (recorded.attempt().submission().isPresent()) {
                        verifiers.wake();
                    }
                },
                256,
                new AttemptRules(clock));
        Metrics metrics = new Metrics();
        metrics.eventStreams(events::size);
        metrics.verification(() -> {
            VerificationJobs.Depth depth = verificationJobs.depth();
            VerificationWorkers.Counts counts = verifiers.counts();
            return new Metrics.VerificationGauge(
                    depth.queued(),
                    depth.running(),
                    counts.passed(),
                    counts.failed(),
                    counts.unverified(),
                    counts.retried(),
                    verify.workers());
        });
        ProgressService progress = new ProgressService(catalog, people, new ResultStore(database));
        Authenticator authenticator = new Authenticator(people);
        List<Route> all = new ArrayList<>();
        all.addAll(new OpsRoutes(database, metrics).routes());
        this.course = CourseServices.create(database, catalog, people, clock);
        all.addAll(new ApiRoutes(
                        recorder,
                        attempts,
                        people,
                        progress,
                        events,
                        metrics,
                        json,
                        course.schedule(),
                        new AttemptFlags(database))
                .routes());
        all.addAll(instructorTools(course, json));
        all.addAll(new DashboardRoutes(authenticator).routes());
        this.routes = List.copyOf(all);
        this.app = WebApp.create(routes, authenticator, metrics, json, accessLog);
    }

    /** Publishing, deadlines, grades, feedback and the audit log (issue 12, part B). */
    private static List<Route> instructorTools(CourseServices course, JsonMapper json) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(new CourseRoutes(
                        course.catalog(), course.schedule(), course.deadlines(), course.gradebook(), course.feedback())
                .routes());
        InstructorRoutes corrections = new InstructorRoutes(
                course.catalog(), course.people(), course.reviews(), course.feedback(), course.deadlines(), json);
        routes.addAll(new GradebookRoutes(course.gradebook(), course.audit(), corrections).routes());
        routes.addAll(corrections.routes());
        return routes;
    }

    /** A server on an open database and a loaded catalog; the app is not started. */
    public static ProgressServer create(Database database, CheckCatalog catalog, boolean accessLog) {
        return new ProgressServer(database, catalog, Optional.empty(), accessLog, VerifySettings.off());
    }

    /** The same, verifying submissions as {@code verify} says. */
    public static ProgressServer create(
            Database database, CheckCatalog catalog, boolean accessLog, VerifySettings verify) {
        return new ProgressServer(database, catalog, Optional.empty(), accessLog, verify);
    }

    /** Opens the database and the catalog the settings name; the app is not started. */
    public static ProgressServer create(ServerSettings settings) {
        CheckCatalog catalog = CheckCatalog.load(settings.catalog());
        Database database = Database.open(settings.databaseUrl());
        try {
            return new ProgressServer(
                    database,
                    catalog,
                    Optional.of(settings.catalog()),
                    settings.accessLog(),
                    VerifySettings.fromEnvironment(System.getenv()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The unstarted app: tests start it on port 0 (JavalinTest), {@code ./pymastery server} on its port. */
    public Javalin app() {
        return app;
    }

    public List<Route> routes() {
        return routes;
    }

    public PeopleStore people() {
        return people;
    }

    public AttemptStore attempts() {
        return attempts;
    }

    public Database database() {
        return database;
    }

    /** Publishing, deadlines, reviews, feedback, roster and gradebook on the server's database. */
    public CourseServices course() {
        return course;
    }

    /** The check catalog the server scores attempts against. */
    public CheckCatalog catalog() {
        return catalog;
    }

    /** The verification queue, for the regrade command and the tests. */
    public VerificationJobs verificationJobs() {
        return verificationJobs;
    }

    @Override
    public void close() {
        events.close();
        app.stop();
        verifiers.close();
        recorder.close();
        database.close();
    }
}

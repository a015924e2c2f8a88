package dev.pymastery.server.cli;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.Track;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.server.CourseServices;
import dev.pymastery.server.ServerSettings;
import dev.pymastery.server.course.Publication;
import dev.pymastery.server.course.PublishedWeek;
import dev.pymastery.server.course.WeekFile;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.people.Tokens;
import dev.pymastery.server.store.Database;
import dev.pymastery.server.store.PeopleStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code publish}, {@code schedule} and {@code extend}: the course's weeks, due times and
 * extensions, changed on the database directly (a running server sees them at its next request).
 */
final class CourseCommands {
    private final Map<String, String> env;
    private final PrintStream out;
    private final Clock clock;

    CourseCommands(Map<String, String> env, PrintStream out, Clock clock) {
        this.env = env;
        this.out = out;
        this.clock = clock;
    }

    /** Opens the database and the catalog, runs {@code work}, closes them. */
    static <T> T withCourse(ServerSettings settings, Clock clock, Function<CourseServices, T> work) {
        CheckCatalog catalog = CheckCatalog.load(settings.catalog());
        try (Database database = Database.open(settings.databaseUrl())) {
            PeopleStore people = new PeopleStore(database, new Tokens(), clock);
            return work.apply(CourseServices.create(database, catalog, people, clock));
        }
    }

    /** Who the audit log names for a command: {@code cli:} and the OS user. */
    String actor() {
        return "cli:" + env.getOrDefault("USER", System.getProperty("user.name", "unknown"));
    }

    int publish(ServerSettings settings, Args args) {
        int week = week(args.single("WEEK"));
        if (!args.has("--at")) {
            throw new UsageException("publish needs --at DATETIME (when learners see the week; 'now' for now)");
        }
        if (!args.has("--from")) {
            throw new UsageException("publish needs --from DIR, the folder ./pymastery release wrote"
                    + " (./pymastery server publish WEEK runs the release for you)");
        }
        Instant at = TimeArgument.parse("--at", args.flag("--at", ""), clock);
        Optional<Instant> due = args.has("--due")
                ? Optional.of(TimeArgument.parse("--due", args.flag("--due", ""), clock))
                : Optional.empty();
        List<WeekFile> files = ReleasedWeek.read(Path.of(args.flag("--from", "")), week);
        Publication publication;
        try {
            publication = new Publication(week, at, due, files);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return withCourse(settings, clock, course -> {
            Optional<WeekChecks> inCatalog = course.catalog().weeks().stream()
                    .filter(w -> w.track() == Track.WEEK && w.week() == week)
                    .findFirst();
            if (inCatalog.isEmpty()) {
                throw new IllegalStateException(
                        "the server's catalog (" + settings.catalog().toAbsolutePath() + ") has no week " + week
                                + ": its attempts would be refused; publish with the course's --catalog");
            }
            course.schedule().store().publish(publication, actor());
            out.println("published week " + week + " (" + inCatalog.get().title() + ")");
            out.println("  learners see it from " + TimeArgument.describe(at, clock));
            out.println("  due " + due.map(d -> TimeArgument.describe(d, clock)).orElse("never (no --due)"));
            for (WeekFile file : files) {
                out.println("  " + file.kind().key() + " " + file.name() + " (" + file.size() + " bytes, sha256 "
                        + file.sha256().substring(0, 12) + ")");
            }
            return 0;
        });
    }

    int schedule(ServerSettings settings) {
        return withCourse(settings, clock, course -> {
            List<PublishedWeek> weeks = course.schedule().store().weeks();
            if (weeks.isEmpty()) {
                out.println("no week is published: every week is open to learners and nothing is late"
                        + " (./pymastery server publish WEEK --at DATETIME starts a schedule)");
                return 0;
            }
            Instant now = clock.instant();
            for (PublishedWeek week : weeks) {
                out.printf(
                        "week %2d  %s %s  due %s  %s%n",
                        week.week(),
                        week.openAt(now) ? "open since" : "opens     ",
                        TimeArgument.describe(week.publishedAt(), clock),
                        week.dueAt().map(d -> TimeArgument.describe(d, clock)).orElse("never"),
                        String.join(
                                ", ",
                                week.files().stream()
                                        .map(PublishedWeek.FileInfo::name)
                                        .toList()));
            }
            return 0;
        });
    }

    int extend(ServerSettings settings, Args args) {
        if (args.positional().size() != 2) {
            throw new UsageException("extend takes LEARNER WEEK --until DATETIME --reason TEXT");
        }
        String name = args.positional().get(0);
        int week = week(args.positional().get(1));
        if (!args.has("--until")) {
            throw new UsageException("extend needs --until DATETIME, the learner's new deadline");
        }
        Instant until = TimeArgument.parse("--until", args.flag("--until", ""), clock);
        String reason = reason(args);
        return withCourse(settings, clock, course -> {
            Person learner = course.people()
                    .find(name)
                    .orElseThrow(() -> new IllegalStateException("nobody is called '" + name + "'"));
            int late = course.deadlines().extend(learner.id(), week, until, reason, actor());
            out.println(name + " has until " + TimeArgument.describe(until, clock) + " for week " + week + "; " + late
                    + " of their attempts of the week are late");
            return 0;
        });
    }

    static String reason(Args args) {
        String reason = args.flag("--reason", "").strip();
        if (reason.isEmpty()) {
            throw new UsageException("say why with --reason TEXT (it is kept in the audit log)");
        }
        return reason;
    }

    static int week(String text) {
        String digits = text.toLowerCase(java.util.Locale.ROOT).replaceFirst("^week", "");
        try {
            int week = Integer.parseInt(digits);
            if (week >= 1 && week <= 99) {
                return week;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException("WEEK is 1..99 (3, 03 or week03), not '" + text + "'");
    }
}

package dev.pymastery.server.cli;

import dev.pymastery.checks.CheckSpec;
import dev.pymastery.server.ServerSettings;
import dev.pymastery.server.gradebook.GradebookCsv;
import dev.pymastery.server.gradebook.GradebookJson;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.review.AuditEntry;
import dev.pymastery.server.review.VoidedAttempt;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code void}, {@code restore}, {@code override}, {@code feedback}, {@code audit} and {@code
 * gradebook}: the instructor's corrections (each audited with its reason) and the exports.
 */
final class ReviewCommands {
    private final CourseCommands course;
    private final PrintStream out;
    private final Clock clock;

    ReviewCommands(CourseCommands course, PrintStream out, Clock clock) {
        this.course = course;
        this.out = out;
        this.clock = clock;
    }

    int setVoided(ServerSettings settings, Args args, boolean voided) {
        String text = args.single("ATTEMPT_ID");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("ATTEMPT_ID is a number (the 'id' in the attempt listings), not '" + text + "'");
        }
        String reason = CourseCommands.reason(args);
        return CourseCommands.withCourse(settings, clock, services -> {
            VoidedAttempt result = services.reviews()
                    .setVoided(id, voided, reason, course.actor())
                    .orElseThrow(() -> new IllegalStateException("there is no attempt " + id));
            out.println((voided ? "voided" : "restored") + " attempt " + id + " of " + result.learner() + " on "
                    + result.checkId() + (voided ? "; it no longer counts" : "; it counts again"));
            return 0;
        });
    }

    int override(ServerSettings settings, Args args) {
        if (args.positional().size() != 3) {
            throw new UsageException("override takes LEARNER CHECK_ID SCORE|none --reason TEXT");
        }
        String name = args.positional().get(0);
        String checkId = args.positional().get(1);
        String scoreText = args.positional().get(2);
        String reason = CourseCommands.reason(args);
        return CourseCommands.withCourse(settings, clock, services -> {
            CheckSpec check = services.catalog()
                    .find(checkId)
                    .orElseThrow(() -> new IllegalStateException("the catalog has no check '" + checkId + "'"));
            Optional<Integer> score =
                    scoreText.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(score(scoreText, check));
            Person learner = person(services.people(), name);
            services.reviews().override(learner.id(), checkId, score, reason, course.actor());
            out.println(score.map(s -> name + " gets " + s + "/" + check.points() + " on " + checkId + " (override)")
                    .orElse(name + "'s override on " + checkId + " is removed; the verified score counts again"));
            return 0;
        });
    }

    int feedback(ServerSettings settings, Args args) {
        if (args.positional().size() < 2 || args.positional().size() > 3) {
            throw new UsageException("feedback takes LEARNER LAB TEXT (or --file FILE; empty text removes it)");
        }
        String name = args.positional().get(0);
        String lab = args.positional().get(1);
        String text = args.positional().size() == 3 ? args.positional().get(2) : readFile(args);
        return CourseCommands.withCourse(settings, clock, services -> {
            Person learner = person(services.people(), name);
            try {
                boolean kept = services.feedback()
                        .write(learner.id(), lab, text, course.actor())
                        .isPresent();
                out.println(
                        kept
                                ? "feedback on " + lab + " for " + name + " stored; it shows on their page"
                                : "feedback on " + lab + " for " + name + " removed");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return 0;
        });
    }

    int audit(ServerSettings settings, Args args) {
        return CourseCommands.withCourse(settings, clock, services -> {
            Optional<Long> learner = args.has("--learner")
                    ? Optional.of(person(services.people(), args.flag("--learner", ""))
                            .id())
                    : Optional.empty();
            int limit = Integer.parseInt(args.flag("--limit", "50"));
            for (AuditEntry e : services.audit().entries(learner, limit)) {
                out.println(e.at() + "\t" + e.actor() + "\t" + e.action() + "\t"
                        + e.learner().orElse("-") + "\t" + e.target() + "\t" + e.reason() + "\t" + e.detail());
            }
            return 0;
        });
    }

    int gradebook(ServerSettings settings, Args args) {
        String format = args.flag("--format", "csv");
        if (!format.equals("csv") && !format.equals("json")) {
            throw new UsageException("--format is csv or json, not '" + format + "'");
        }
        return CourseCommands.withCourse(settings, clock, services -> {
            var book = services.gradebook().cohort();
            String text = format.equals("csv")
                    ? GradebookCsv.of(book)
                    : GradebookJson.of(book).toPrettyString() + "\n";
            if (args.has("--out")) {
                Path file = Path.of(args.flag("--out", ""));
                try {
                    Files.writeString(file, text);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
                System.err.println(
                        "pymastery server: gradebook of " + book.learners().size() + " learners written to " + file);
            } else {
                out.print(text);
            }
            return 0;
        });
    }

    private static int score(String text, CheckSpec check) {
        try {
            int score = Integer.parseInt(text);
            if (score >= 0 && score <= check.points()) {
                return score;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException(
                "SCORE for " + check.id() + " is 0.." + check.points() + " or none, not '" + text + "'");
    }

    private static Person person(dev.pymastery.server.store.PeopleStore people, String name) {
        return people.find(name).orElseThrow(() -> new IllegalStateException("nobody is called '" + name + "'"));
    }

    private static String readFile(Args args) {
        if (!args.has("--file")) {
            throw new UsageException("feedback needs the TEXT, or --file FILE");
        }
        Path file = Path.of(args.flag("--file", ""));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

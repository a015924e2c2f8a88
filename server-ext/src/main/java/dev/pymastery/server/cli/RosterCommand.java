package dev.pymastery.server.cli;

import dev.pymastery.server.ServerSettings;
import dev.pymastery.server.roster.IssuedToken;
import dev.pymastery.server.roster.RosterCsv;
import dev.pymastery.server.roster.RosterEntry;
import dev.pymastery.server.roster.RosterImport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code import-roster FILE --tokens-out FILE}: adds every new person of a roster CSV in one
 * transaction and writes their tokens to a file only the owner may read (0600, as {@code
 * ensure-local-learner} writes the local token), never to the terminal unless asked with {@code
 * --tokens-out -}. An existing tokens file is never overwritten: those tokens are shown once.
 */
final class RosterCommand {
    private final CourseCommands course;
    private final PrintStream out;
    private final Clock clock;

    RosterCommand(CourseCommands course, PrintStream out, Clock clock) {
        this.course = course;
        this.out = out;
        this.clock = clock;
    }

    int run(ServerSettings settings, Args args) {
        Path roster = Path.of(args.single("FILE"));
        if (!args.has("--tokens-out")) {
            throw new UsageException("import-roster needs --tokens-out FILE: the new tokens go there (mode 0600),"
                    + " one 'name,role,token' line each; '-' prints them instead");
        }
        String target = args.flag("--tokens-out", "");
        Path tokens = Path.of(target);
        if (!target.equals("-") && Files.exists(tokens)) {
            throw new UsageException(tokens + " exists; it may hold tokens shown only once, so it is not replaced:"
                    + " name another file");
        }
        List<RosterEntry> entries;
        try {
            entries = RosterCsv.parse(Files.readString(roster, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the roster " + roster, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(roster + ": " + e.getMessage());
        }
        long[] ms = new long[1];
        RosterImport result = CourseCommands.withCourse(settings, clock, services -> {
            long start = System.nanoTime();
            RosterImport imported = services.roster().importAll(entries, course.actor());
            ms[0] = (System.nanoTime() - start) / 1_000_000;
            return imported;
        });
        StringBuilder csv = new StringBuilder("name,role,token\n");
        for (IssuedToken issued : result.added()) {
            csv.append(issued.name())
                    .append(',')
                    .append(issued.role().key())
                    .append(',')
                    .append(issued.token())
                    .append('\n');
        }
        if (target.equals("-")) {
            out.print(csv);
        } else {
            PrivateFiles.write(tokens, csv.toString());
        }
        System.err.println("pymastery server: imported " + roster + " in " + ms[0] + " ms: "
                + result.added().size()
                + " added, " + result.existing().size() + " already there (their tokens are unchanged; "
                + "./pymastery server token NAME issues another)"
                + (target.equals("-")
                        ? ""
                        : "; the new tokens are in " + tokens.toAbsolutePath()
                                + " (mode 0600): hand each learner theirs, then delete the file"));
        return 0;
    }
}

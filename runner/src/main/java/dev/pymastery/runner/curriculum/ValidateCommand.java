package dev.pymastery.runner.curriculum;

import dev.pymastery.runner.NbvalArguments;
import dev.pymastery.runner.UsageException;
import dev.pymastery.runner.client.Timeouts;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code ./pymastery validate [WEEK|TRACK|PATH...] [-j N]}: parses the command line, validates, reports. */
final class ValidateCommand {
    static final String USAGE = """
            usage: pymastery validate [WEEK|TRACK|PATH...] [OPTIONS]

            Proves that every %check of the notebooks passes on the solution and fails on the stub
            (default: every notebook under notebooks/; WEEK: 3, 03 or week03; TRACK: architect, the
            track's labs; PATH: a notebook or a folder). For each notebook:
              1. every %check cell names a check of its checks file, and every check has a cell;
              2. the instructor notebook runs in its kernel: every %check cell passes and no other
                 cell raises (outputs are not compared; ./pymastery nbval does that);
              3. its learner version (./pymastery release, in a temporary folder) runs to the end:
                 every %check cell fails with CheckFailed. A timeout or a dead kernel is a problem of
                 its own, never a failing check.
            Prints progress as it runs, then a table per notebook (check | solution | stub). Exit code 0 only when every check
            is proven both ways, 1 otherwise, 2 for wrong usage.

              -j, --jobs N                run N notebooks at a time (default 1)
              --cell-timeout S            seconds a cell may run (default 600)
              --kernel-start-timeout S    seconds for a kernel to start (default 120)
              --keep DIR                  release the learner versions into DIR and keep them
              -v, --verbose               a line for every cell as it finishes (without it: each
                                          notebook as it starts and ends, and each %check cell)
            """;

    /** The parsed command line. */
    record Options(List<String> selectors, int jobs, Timeouts timeouts, Optional<Path> keep, boolean verbose) {}

    /** Runs the validation; the runner behind it is wired by the caller. */
    interface Validator {
        List<NotebookValidation> validate(List<Path> notebooks, Path workDir, Options options);
    }

    private final Curriculum curriculum;
    private final Validator validator;
    private final PrintStream out;

    ValidateCommand(Curriculum curriculum, Validator validator, PrintStream out) {
        this.curriculum = curriculum;
        this.validator = validator;
        this.out = out;
    }

    int run(List<String> arguments) {
        Options options;
        try {
            options = parse(arguments);
        } catch (HelpRequested help) {
            out.print(USAGE);
            return 0;
        }
        List<Path> notebooks = curriculum.select(options.selectors());
        if (notebooks.isEmpty()) {
            out.println("validate: no notebooks in " + curriculum.root());
            return 0;
        }
        Path workDir = options.keep().orElseGet(ValidateCommand::temporaryFolder);
        if (curriculum.contains(workDir)) {
            throw new UsageException("--keep " + workDir + " is inside " + curriculum.root());
        }
        try {
            out.println("validate: " + notebooks.size() + " notebook(s), each run as the solution and as the"
                    + " learner version (" + options.jobs() + " at a time); progress follows, the tables at the end");
            out.flush();
            List<NotebookValidation> results = validator.validate(notebooks, workDir, options);
            ValidationReport report = new ValidationReport(out);
            results.forEach(report::notebook);
            report.summary(results);
            return results.stream().allMatch(NotebookValidation::ok) ? 0 : 1;
        } finally {
            if (options.keep().isEmpty()) {
                deleteTree(workDir);
            }
        }
    }

    static Options parse(List<String> arguments) {
        List<String> selectors = new ArrayList<>();
        int jobs = 1;
        Timeouts defaults = Timeouts.defaults();
        Duration cell = defaults.cell();
        Duration kernelStart = defaults.kernelStart();
        Optional<Path> keep = Optional.empty();
        boolean verbose = false;
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            switch (arg) {
                case "-j", "--jobs" -> jobs = NbvalArguments.positiveInt(value(arguments, ++i, arg), arg);
                case "--cell-timeout" ->
                    cell = Duration.ofSeconds(NbvalArguments.positiveInt(value(arguments, ++i, arg), arg));
                case "--kernel-start-timeout" ->
                    kernelStart = Duration.ofSeconds(NbvalArguments.positiveInt(value(arguments, ++i, arg), arg));
                case "--keep" -> keep = Optional.of(Path.of(value(arguments, ++i, arg)));
                case "-v", "--verbose" -> verbose = true;
                case "-h", "--help" -> throw new HelpRequested();
                default -> {
                    if (arg.startsWith("-j") && arg.length() > 2) {
                        jobs = NbvalArguments.positiveInt(arg.substring(2), "-j");
                    } else if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'");
                    } else {
                        selectors.add(arg);
                    }
                }
            }
        }
        Timeouts timeouts =
                new Timeouts(kernelStart, cell, defaults.outputGap(), defaults.interruptGrace(), defaults.heartbeat());
        return new Options(selectors, jobs, timeouts, keep, verbose);
    }

    private static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help", null, false, false);
        }
    }

    private static String value(List<String> arguments, int index, String option) {
        if (index >= arguments.size()) {
            throw new UsageException(option + " needs a value");
        }
        return arguments.get(index);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("pymastery-validate-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the learner versions", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}

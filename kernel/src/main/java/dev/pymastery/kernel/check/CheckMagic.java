package dev.pymastery.kernel.check;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckFormatException;
import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.kernel.magic.LineMagic;
import dev.pymastery.kernel.magic.LineMagic.CellException;
import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.magic.MagicContext;
import dev.pymastery.kernel.magic.MagicUsageException;
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.TestOutcome;
import dev.pymastery.kernel.runtime.TestRun;
import dev.pymastery.kernel.runtime.container.CPythonRuntime;
import dev.pymastery.progress.client.Attempt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code %check ID}: runs the check's hidden test where the learner's code lives (GraalPy, or a
 * CPython runtime's session), shows the report, records the attempt, and fails the cell with
 * {@code CheckFailed} unless the check passed.
 */
final class CheckMagic implements LineMagic {
    private final LabChecks checks;

    CheckMagic(LabChecks checks) {
        this.checks = checks;
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String help() {
        return "%check ID: run a lab check against your code and show whether it passes (with a hint if not)";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        String id = args.strip();
        if (id.isEmpty() || id.contains(" ")) {
            throw new MagicUsageException("usage: %check ID, e.g. %check w01.repl-audit.money-eq; %checks lists them");
        }
        CheckSpec check = find(id);
        long start = System.nanoTime();
        TestRun run;
        try {
            run = runTest(check, context);
        } catch (RuntimeException e) {
            Optional<RuntimeUnavailableException> unavailable = unavailable(e);
            if (unavailable.isPresent()) {
                // Not the learner's fault and not an attempt: say what is missing and what to do.
                throw new MagicUsageException(
                        "the check " + id + " runs in the '" + check.runtime().key()
                                + "' runtime, which is not available: "
                                + unavailable.get().getMessage()
                                + " (%runtimes shows the runtimes and how to get them)");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (check.runtime() == CheckRuntime.GRAALPY && took.compareTo(check.timeout()) >= 0) {
                // The test ignored KeyboardInterrupt and GraalPy was stopped from outside: the cell
                // ends with that interrupt, but the report and the attempt still say what happened.
                finish(check, new TestRun(new TestOutcome.TimedOut(check.timeout()), ""), took, context);
            }
            throw e;
        }
        return finish(check, run, Duration.ofNanos(System.nanoTime() - start), context);
    }

    private static Optional<RuntimeUnavailableException> unavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuntimeUnavailableException missing) {
                return Optional.of(missing);
            }
        }
        return Optional.empty();
    }

    private Outcome finish(CheckSpec check, TestRun run, Duration took, MagicContext context) {
        String id = check.id();
        if (run.outcome() instanceof TestOutcome.Interrupted) {
            return new Outcome.Raised(CellException.KeyboardInterrupt, "the check " + id + " was interrupted");
        }
        SessionResults.Tally tally =
                run.outcome() instanceof TestOutcome.Passed ? checks.results.passed(id) : checks.results.failed(id);
        CheckReport report = CheckReport.of(
                check,
                run,
                run.outcome() instanceof TestOutcome.Passed
                        ? Optional.empty()
                        : SessionResults.hint(check.hints(), tally.failures()));
        context.output().display(report.bundle(), Optional.empty(), false);
        checks.recorder.record(Attempt.create(
                        id,
                        report.attemptOutcome(),
                        report.score(),
                        check.points(),
                        report.problem(),
                        took,
                        check.runtime(),
                        Optional.of(checks.notebook.orElse("unknown")),
                        checks.kernelId)
                .withSubmission(LabSubmission.of(check, context.ranCells(), checks.cwd)));
        return report.passed() ? new Outcome.None() : new Outcome.Raised(CellException.CheckFailed, report.summary());
    }

    private CheckSpec find(String id) {
        CheckCatalog catalog;
        try {
            catalog = checks.catalogs.catalog();
        } catch (CheckFormatException e) {
            throw new MagicUsageException("a check file is broken, so checks cannot run: " + e.getMessage());
        }
        return catalog.find(id).orElseThrow(() -> {
            List<String> ids = catalog.all().stream().map(CheckSpec::id).toList();
            if (ids.isEmpty()) {
                return new MagicUsageException(
                        "no check " + id + ": no *.checks.yaml files were found in " + checks.catalogs.searched());
            }
            List<String> close = CloseIds.to(id, ids);
            return new MagicUsageException("no check " + id + "."
                    + (close.isEmpty() ? "" : " Did you mean: " + String.join(", ", close) + "?")
                    + " %checks lists this notebook's checks.");
        });
    }

    /**
     * Runs the public test, then the hidden one when this copy of the checks has it (an
     * instructor's): the first that does not pass is the outcome; what both printed is kept.
     */
    private TestRun runTest(CheckSpec check, MagicContext context) {
        String file = "<check " + check.id() + ">";
        StringBuilder output = new StringBuilder();
        TestRun run = null;
        for (String test : check.tests()) {
            run = runOne(check, test, file, context);
            output.append(run.output());
            if (!(run.outcome() instanceof TestOutcome.Passed)) {
                break;
            }
        }
        return new TestRun(run.outcome(), output.toString());
    }

    private TestRun runOne(CheckSpec check, String test, String file, MagicContext context) {
        if (check.runtime() == CheckRuntime.GRAALPY) {
            return context.python().runCheck(test, file, check.timeout());
        }
        CPythonRuntime runtime = checks.cpython.runtime(check.runtime().key());
        return context.interruptible(runtime, () -> runtime.check(test, file, check.timeout(), context.output()));
    }
}

package dev.pymastery.runner.curriculum;

import dev.pymastery.runner.Nbval;
import dev.pymastery.runner.NbvalOptions;
import dev.pymastery.runner.client.Timeouts;
import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.notebook.Notebook;
import dev.pymastery.runner.notebook.NotebookFiles;
import dev.pymastery.runner.notebook.NotebookFormatException;
import dev.pymastery.runner.report.CellResult;
import dev.pymastery.runner.report.CellVerdict;
import dev.pymastery.runner.report.NotebookResult;
import dev.pymastery.runner.report.RunListener;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proves a notebook's checks both ways: the checks file and the {@code %check} cells name the same
 * checks; the instructor notebook runs with every check passing and no other cell raising; its
 * learner version (released into a work folder) runs to the end with every check failing with
 * {@code CheckFailed}. Both versions of every notebook run in one batch of the runner.
 */
public final class Validation {
    /** Runs notebooks through their kernels, results in the order given: the runner in production. */
    @FunctionalInterface
    interface NotebookRunner {
        List<NotebookResult> run(List<Path> notebooks);
    }

    private final Release release;
    private final NotebookFiles files;
    private final NotebookRunner runner;

    Validation(Release release, NotebookFiles files, NotebookRunner runner) {
        this.release = release;
        this.files = files;
        this.runner = runner;
    }

    /** What is known about a notebook before it runs. */
    private record Plan(Path notebook, List<CheckCell> checks, List<String> problems, Optional<Path> learner) {}

    /**
     * Validation of the notebooks of the curriculum folder {@code curriculum} (and of any other
     * notebook given), with the kernels {@code ./pymastery nbval} would start.
     */
    public static Validation withKernels(
            Path curriculum, List<Path> jupyterDataDirs, int jobs, Timeouts timeouts, RunListener listener) {
        NotebookFiles files = new NotebookFiles();
        Curriculum folder = new Curriculum(curriculum);
        return new Validation(
                new Release(folder, files), files, kernels(folder.root(), jupyterDataDirs, jobs, timeouts, listener));
    }

    /** Validates each notebook; learner versions are released below {@code workDir}. */
    public List<NotebookValidation> validate(List<Path> notebooks, Path workDir) {
        List<Plan> plans =
                notebooks.stream().map(notebook -> plan(notebook, workDir)).toList();
        List<Path> runs = new ArrayList<>();
        for (Plan plan : plans) {
            if (!plan.checks().isEmpty()) {
                runs.add(plan.notebook());
                plan.learner().ifPresent(runs::add);
            }
        }
        List<NotebookResult> results = runs.isEmpty() ? List.of() : runner.run(runs);
        Map<Path, NotebookResult> byPath = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            byPath.put(runs.get(i), results.get(i));
        }
        return plans.stream()
                .map(plan ->
                        judge(plan, byPath.get(plan.notebook()), plan.learner().map(byPath::get)))
                .toList();
    }

    /**
     * The runner behind {@code ./pymastery nbval}, in-process: each notebook with the kernel its
     * metadata names, {@code jobs} at a time; outputs compared only where a cell asks for it (validate
     * looks at errors alone), nothing written.
     */
    static NotebookRunner kernels(
            Path curriculum, List<Path> jupyterDataDirs, int jobs, Timeouts timeouts, RunListener listener) {
        return notebooks -> new Nbval(
                        new NbvalOptions(
                                notebooks,
                                false,
                                Optional.empty(),
                                true,
                                List.of(),
                                false,
                                false,
                                jobs,
                                timeouts,
                                Optional.empty(),
                                Optional.empty(),
                                false,
                                false,
                                jupyterDataDirs,
                                curriculum),
                        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8),
                        listener)
                .run()
                .notebooks();
    }

    private Plan plan(Path notebook, Path workDir) {
        List<String> problems = new ArrayList<>();
        Notebook read;
        try {
            read = files.read(notebook);
        } catch (NotebookFormatException | UncheckedIOException e) {
            return new Plan(notebook, List.of(), List.of(e.getMessage()), Optional.empty());
        }
        List<CheckCell> checks = CheckCell.in(read.codeCells());
        problems.addAll(CheckFileAgreement.problems(checks, Curriculum.checksFile(notebook)));
        if (checks.isEmpty()) {
            return new Plan(notebook, checks, problems, Optional.empty());
        }
        return switch (release.release(notebook, workDir)) {
            case Release.Result.Written written -> new Plan(notebook, checks, problems, Optional.of(written.learner()));
            case Release.Result.Failed failed -> {
                // the %check problems of a release are the ones found above already
                failed.problems().stream()
                        .filter(p -> !p.message().startsWith("%check"))
                        .forEach(p -> problems.add("release: " + p));
                yield new Plan(notebook, checks, problems, Optional.empty());
            }
        };
    }

    private static NotebookValidation judge(Plan plan, NotebookResult solution, Optional<NotebookResult> stub) {
        List<String> problems = new ArrayList<>(plan.problems());
        if (plan.checks().isEmpty()) {
            return new NotebookValidation(plan.notebook(), List.of(), problems);
        }
        solution.problem().ifPresent(p -> problems.add("solution run: " + p));
        stub.flatMap(NotebookResult::problem).ifPresent(p -> problems.add("stub run: " + p));
        Set<Integer> checkCells = new HashSet<>();
        plan.checks().forEach(check -> checkCells.add(check.cell().number()));
        for (CellResult cell : solution.cells()) {
            if (!checkCells.contains(cell.cell().number())
                    && !cell.verdict().ok()
                    && !(cell.verdict() instanceof CellVerdict.OutputsDiffer)) {
                problems.add("solution run: " + cell.cell().label() + " "
                        + cell.verdict().summary());
            }
        }
        stub.ifPresent(result -> result.cells().stream()
                .filter(cell -> CheckCell.of(cell.cell()).isEmpty())
                .filter(cell -> cell.verdict() instanceof CellVerdict.TimedOut
                        || cell.verdict() instanceof CellVerdict.KernelLost)
                .findFirst()
                .ifPresent(cell -> problems.add("stub run: " + cell.cell().label() + " "
                        + cell.verdict().summary())));
        List<CheckRow> rows = new ArrayList<>();
        for (int i = 0; i < plan.checks().size(); i++) {
            CheckCell check = plan.checks().get(i);
            int ordinal = i;
            CheckOutcome onSolution = outcome(solution, check.cell(), ordinal, "the solution did not run");
            CheckOutcome onStub = stub.map(result -> outcome(result, check.cell(), ordinal, "the stub did not run"))
                    .orElse(new CheckOutcome.NotRun("no learner version was released"));
            for (String id : check.ids()) {
                rows.add(
                        new CheckRow(id.isEmpty() ? "(no id)" : id, check.cell().label(), onSolution, onStub));
            }
        }
        return new NotebookValidation(plan.notebook(), rows, problems);
    }

    /** The check cell's result in a run: by cell id, else as the {@code ordinal}-th check cell. */
    private static CheckOutcome outcome(NotebookResult result, CodeCell cell, int ordinal, String notRun) {
        List<CellResult> checkResults = result.cells().stream()
                .filter(r -> CheckCell.of(r.cell()).isPresent())
                .toList();
        Optional<CellResult> match = cell.id().isPresent()
                ? checkResults.stream()
                        .filter(r -> r.cell().id().equals(cell.id()))
                        .findFirst()
                : ordinal < checkResults.size() ? Optional.of(checkResults.get(ordinal)) : Optional.empty();
        return match.map(CheckOutcome::of)
                .orElseGet(() -> new CheckOutcome.NotRun(result.problem().orElse(notRun)));
    }
}

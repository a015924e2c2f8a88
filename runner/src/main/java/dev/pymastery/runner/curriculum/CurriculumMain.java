package dev.pymastery.runner.curriculum;

import dev.pymastery.runner.UsageException;
import dev.pymastery.runner.client.KernelSpecs;
import dev.pymastery.runner.notebook.NotebookFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./pymastery release} and {@code ./pymastery validate}: the composition root. The
 * curriculum folder comes from the {@code pymastery.notebooks} system property (the launcher sets
 * it), else {@code notebooks}; kernelspecs are found as {@code ./pymastery nbval} finds them.
 * Exit codes: 0 done, 1 a notebook was not released or not proven, 2 wrong usage.
 */
public final class CurriculumMain {
    private CurriculumMain() {}

    public static void main(String[] args) {
        int code = run(
                Arrays.asList(args),
                Path.of(System.getProperty("pymastery.notebooks", "notebooks")),
                KernelSpecs.dataDirs(System.getenv()),
                System.out);
        System.out.flush();
        System.exit(code);
    }

    /** Runs {@code release ARGS} or {@code validate ARGS}; the exit code. */
    public static int run(List<String> args, Path notebooks, List<Path> jupyterDataDirs, PrintStream out) {
        String command = args.isEmpty() ? "" : args.getFirst();
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        Curriculum curriculum = new Curriculum(notebooks);
        NotebookFiles files = new NotebookFiles();
        Release release = new Release(curriculum, files);
        try {
            return switch (command) {
                case "release" -> new ReleaseCommand(curriculum, release, out).run(rest);
                case "validate" ->
                    new ValidateCommand(
                                    curriculum,
                                    (selected, workDir, options) -> new Validation(
                                                    release,
                                                    files,
                                                    Validation.kernels(
                                                            curriculum.root(),
                                                            jupyterDataDirs,
                                                            options.jobs(),
                                                            options.timeouts(),
                                                            new ValidationProgress(
                                                                    out,
                                                                    curriculum.root(),
                                                                    workDir,
                                                                    options.verbose())))
                                            .validate(selected, workDir),
                                    out)
                            .run(rest);
                default -> throw new UsageException("the command is release or validate, not '" + command + "'");
            };
        } catch (UsageException e) {
            System.err.println("pymastery " + command + ": " + e.getMessage());
            System.err.println(
                    "(./pymastery " + (command.isEmpty() ? "help" : command + " --help") + " says how it is used)");
            return 2;
        }
    }
}

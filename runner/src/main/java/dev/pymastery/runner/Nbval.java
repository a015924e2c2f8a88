package dev.pymastery.runner;

import dev.pymastery.runner.client.KernelLauncher;
import dev.pymastery.runner.client.KernelSpecs;
import dev.pymastery.runner.client.PortAllocator;
import dev.pymastery.runner.compare.ComparisonOptions;
import dev.pymastery.runner.compare.OutputComparison;
import dev.pymastery.runner.compare.Sanitizer;
import dev.pymastery.runner.notebook.NotebookFiles;
import dev.pymastery.runner.report.ConsoleReport;
import dev.pymastery.runner.report.JunitXml;
import dev.pymastery.runner.report.NotebookResult;
import dev.pymastery.runner.report.RunListener;
import dev.pymastery.runner.run.NotebookPaths;
import dev.pymastery.runner.run.NotebookRun;
import dev.pymastery.runner.run.ParallelRun;
import dev.pymastery.runner.run.RunOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One nbval run: wires the parts for the given options, runs the notebooks, reports. The console
 * report goes to {@code out}; {@code listener} hears every event too (tests use it). Notebooks under
 * the curriculum folder are compared with its {@code sanitize.cfg} first, then the run's own
 * sanitizers.
 */
public final class Nbval {
    /** The curriculum's own sanitizer file, applied to every notebook under the curriculum folder. */
    public static final String DEFAULT_SANITIZER = "sanitize.cfg";

    private final NbvalOptions options;
    private final PrintStream out;
    private final RunListener listener;

    public Nbval(NbvalOptions options, PrintStream out, RunListener listener) {
        this.options = options;
        this.out = out;
        this.listener = listener;
    }

    /**
     * @throws UsageException when a path or sanitizer file does not exist or cannot be read
     */
    public RunSummary run() {
        long started = System.nanoTime();
        List<Path> notebooks = notebooks();
        Path curriculum = options.curriculum().toAbsolutePath().normalize();
        Path defaultSanitizer = curriculum.resolve(DEFAULT_SANITIZER);
        List<Path> curriculumSanitizers = new ArrayList<>();
        if (Files.isRegularFile(defaultSanitizer)) {
            curriculumSanitizers.add(defaultSanitizer);
        }
        curriculumSanitizers.addAll(options.sanitizers());
        OutputComparison plain = comparison(options.sanitizers());
        OutputComparison curriculumComparison = comparison(curriculumSanitizers);
        ConsoleReport console = new ConsoleReport(out, options.verbose());
        if (notebooks.isEmpty()) {
            out.println("nbval: no notebooks in " + options.paths());
            return new RunSummary(List.of(), Duration.ZERO);
        }
        ObjectMapper json = JsonMapper.builder().build();
        Path runtimeDir = runtimeDir();
        // PyMastery's kernel keeps as many processes warm as notebooks run at once (decision 0002):
        // with one, every second kernel of a -j 2 run waited for a cold start.
        try (KernelLauncher launcher = new KernelLauncher(
                json,
                new PortAllocator(InetAddress.getLoopbackAddress()),
                runtimeDir,
                Map.of("PYMASTERY_POOL_SIZE", Integer.toString(options.jobs())))) {
            NotebookRun notebookRun = new NotebookRun(
                    new NotebookFiles(),
                    new KernelSpecs(options.jupyterDataDirs(), json),
                    launcher,
                    new RunOptions(
                            options.kernel(),
                            options.lax(),
                            options.timeouts(),
                            options.keepExecuted(),
                            options.update(),
                            Path.of("").toAbsolutePath()),
                    path -> path.toAbsolutePath().normalize().startsWith(curriculum) ? curriculumComparison : plain,
                    event -> {
                        console.on(event);
                        listener.on(event);
                    });
            // Ctrl-C (or any exit) must not leave kernels behind.
            Thread killKernels = new Thread(launcher::killAll, "nbval-kill-kernels");
            Runtime.getRuntime().addShutdownHook(killKernels);
            List<NotebookResult> results;
            try {
                results = new ParallelRun(notebookRun, options.jobs()).run(notebooks);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(killKernels);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to: nothing to undo
                }
            }
            RunSummary summary = new RunSummary(results, Duration.ofNanos(System.nanoTime() - started));
            options.junitXml().ifPresent(file -> {
                JunitXml.write(file, results);
                out.println("nbval: JUnit XML in " + file);
            });
            console.summary(results, summary.wall());
            return summary;
        } finally {
            deleteTree(runtimeDir);
        }
    }

    /**
     * @throws UsageException when a sanitizer file cannot be read or holds a bad regex
     */
    private OutputComparison comparison(List<Path> sanitizers) {
        try {
            return new OutputComparison(new ComparisonOptions(
                    Sanitizer.fromFiles(sanitizers), options.compareImages(), options.compareErrorValues()));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private List<Path> notebooks() {
        if (options.defaultPaths() && options.paths().stream().noneMatch(Files::exists)) {
            return List.of();
        }
        try {
            return NotebookPaths.expand(options.paths());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A private folder for this run's connection files and kernel logs. */
    private static Path runtimeDir() {
        try {
            return Files.createTempDirectory("pymastery-nbval-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a runtime folder for connection files", e);
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

package dev.pymastery.runner.it;

import dev.pymastery.runner.Nbval;
import dev.pymastery.runner.NbvalArguments;
import dev.pymastery.runner.NbvalOptions;
import dev.pymastery.runner.RunSummary;
import dev.pymastery.runner.report.RunEvent;
import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.Prerequisites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the integration tests share: this build's kernel installed as kernelspec {@code pymastery}
 * under {@code target/}, Debian's Jupyter (the {@code python3} ipykernel kernelspec, nbconvert),
 * and a way to run nbval in-process and see its report and events. Without Debian's Jupyter the
 * tests that need it are skipped, or fail when {@code CI=true} / {@code -Dpymastery.ci=true}.
 */
final class TestJupyter {
    static final Path PYTHON = Prerequisites.PYTHON;
    static final Path SYSTEM_DATA_DIR = Path.of("/usr/share/jupyter");
    private static Path kernelDataDir;

    private TestJupyter() {}

    /** The Jupyter data folder holding the {@code pymastery} kernelspec for this build (installed once). */
    static synchronized Path pymasteryDataDir() {
        if (kernelDataDir == null) {
            kernelDataDir = Path.of(InstalledKernel.install(
                            Path.of("target", "it-jupyter"),
                            "pymastery",
                            "Python Mastery (GraalPy, test build)",
                            Map.of())
                    .jupyterPath());
        }
        return kernelDataDir;
    }

    /** Debian's Jupyter with ipykernel, nbclient and nbconvert; skips or (in CI) fails without it. */
    static void requirePythonJupyter() {
        String missing = null;
        if (!Files.isExecutable(PYTHON)) {
            missing = PYTHON + " is missing";
        } else if (!Files.isRegularFile(SYSTEM_DATA_DIR.resolve("kernels/python3/kernel.json"))) {
            missing = "the python3 kernelspec is missing from " + SYSTEM_DATA_DIR;
        } else {
            Result probe = run(
                    List.of(PYTHON.toString(), "-c", "import ipykernel, nbclient, nbconvert, jupyter_client"), null);
            if (probe.exitCode() != 0) {
                missing = "python3 lacks ipykernel/nbclient/nbconvert: " + probe.output();
            }
        }
        if (missing != null) {
            Prerequisites.require(
                    false, missing + "; install python3-ipykernel python3-nbclient jupyter-nbconvert (.ci/run does)");
        }
    }

    /** JUPYTER_PATH for kernels and Jupyter tools: this build's kernel first, then the system's. */
    static String jupyterPath() {
        return pymasteryDataDir() + java.io.File.pathSeparator + SYSTEM_DATA_DIR;
    }

    /** The repository's notebooks/ folder: its sanitize.cfg applies to the notebooks under it. */
    static Path curriculum() {
        return Path.of(System.getProperty("pymastery.root", ".."))
                .resolve("notebooks")
                .toAbsolutePath()
                .normalize();
    }

    /** Kernelspec folders as {@link #nbval} uses them: this build's kernel first, then the system's. */
    static List<Path> dataDirs() {
        return List.of(pymasteryDataDir(), SYSTEM_DATA_DIR);
    }

    /** What an in-process nbval run printed and emitted. */
    record Run(RunSummary summary, String report, List<RunEvent> events) {}

    static Run nbval(String... args) {
        return nbval(List.of(), args);
    }

    /** An nbval run that looks for kernelspecs in {@code dataDirs} first. */
    static Run nbval(List<Path> dataDirs, String... args) {
        StringBuilder path = new StringBuilder();
        dataDirs.forEach(dir -> path.append(dir).append(java.io.File.pathSeparator));
        path.append(jupyterPath());
        NbvalOptions options =
                NbvalArguments.parse(List.of(args), Map.of("JUPYTER_PATH", path.toString()), curriculum());
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunSummary summary;
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            summary = new Nbval(options, out, events::add).run();
        }
        String text = report.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return new Run(summary, text, List.copyOf(events));
    }

    record Result(int exitCode, String output) {}

    /** Runs a command with JUPYTER_PATH set, output and errors together. */
    static Result run(List<String> command, Path directory) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().put("JUPYTER_PATH", jupyterPath());
        builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** A test notebook copied into {@code dir}. */
    static Path fixture(String name, Path dir) throws Exception {
        Path source =
                Path.of(TestJupyter.class.getResource("/notebooks/" + name).toURI());
        return Files.copy(source, dir.resolve(name));
    }
}

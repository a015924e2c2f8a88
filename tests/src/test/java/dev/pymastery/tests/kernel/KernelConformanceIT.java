package dev.pymastery.tests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Jupyter project's kernel conformance suite (Debian's python3-jupyter-kernel-test) with the
 * project's IPython-style samples (tests/src/test/python/kernel_conformance.py): IPython.display,
 * get_ipython(), magics a learner registers, help in every spelling, events, payloads. The same
 * samples run against ipykernel, so each one states what IPython does, and against this kernel.
 */
class KernelConformanceIT {
    private static final Path SCRIPT_DIR = Path.of("src/test/python").toAbsolutePath();

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requirePython("jupyter_kernel_test", "ipykernel");
    }

    private static String run(String kernelName, String jupyterPath, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        Prerequisites.PYTHON.toString(), "-m", "unittest", "-v", "kernel_conformance")
                .directory(SCRIPT_DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KERNEL_NAME", kernelName);
        if (jupyterPath != null) {
            builder.environment().put("JUPYTER_PATH", jupyterPath);
        }
        Process process = builder.start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended && process.exitValue() == 0)
                .as("jupyter_kernel_test against %s (log %s):%n%s", kernelName, log, output)
                .isTrue();
        return output;
    }

    @Test
    void ipykernelPassesTheSamples() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-work", "conformance"))
                .toAbsolutePath();
        String output = run("python3", null, work.resolve("ipykernel.log"));
        assertThat(output).contains("OK");
    }

    @Test
    void thisKernelPassesTheSamples() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-work", "conformance"))
                .toAbsolutePath();
        InstalledKernel kernel = InstalledKernel.install();
        String output = run(kernel.name(), kernel.jupyterPath(), work.resolve("pymastery.log"));
        assertThat(output).contains("OK").doesNotContain("skipped 'test_pager'");
    }
}

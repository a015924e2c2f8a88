package dev.pymastery.tests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.Prerequisites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** nbclient (through jupyter nbconvert --execute) runs a sample notebook with this kernel to the end. */
class NbconvertIT {
    @Test
    void nbconvertExecutesTheSampleNotebook() throws Exception {
        Prerequisites.requirePython("nbclient", "nbconvert");
        InstalledKernel kernel = InstalledKernel.install();
        Path work = Files.createDirectories(Path.of("target", "it-work", "nbconvert"))
                .toAbsolutePath();
        Path notebook = work.resolve("sample.ipynb");
        Files.copy(
                Path.of("src/test/resources/notebooks/sample.ipynb"),
                notebook,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder(
                        Prerequisites.PYTHON.toString(),
                        "-m",
                        "nbconvert",
                        "--to",
                        "notebook",
                        "--execute",
                        "--ExecutePreprocessor.kernel_name=" + kernel.name(),
                        "--ExecutePreprocessor.timeout=120",
                        "--output",
                        "executed.ipynb",
                        notebook.toString())
                .directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JUPYTER_PATH", kernel.jupyterPath());
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();

        JsonNode executed = JsonMapper.builder()
                .build()
                .readTree(work.resolve("executed.ipynb").toFile());
        StringBuilder outputs = new StringBuilder();
        executed.path("cells").forEach(cell -> cell.path("outputs")
                .forEach(output -> outputs.append(output).append('\n')));
        assertThat(outputs.toString())
                .contains("hello from GraalPy")
                .contains("[\"55\"]")
                .contains("<b>rich</b>");
        assertThat(executed.path("metadata").path("language_info").path("name").asString())
                .isEqualTo("python");
    }
}

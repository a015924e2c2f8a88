package dev.pymastery.runner.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class KernelSpecsTest {

    @Test
    void firstFolderWinsAndNamesAreCaseInsensitive(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        spec(first, "mine", """
                {"argv": ["java", "-cp", "{resource_dir}/k.jar", "Main", "{connection_file}"],
                 "display_name": "Mine", "language": "python", "interrupt_mode": "message", "env": {"A": "1"}}""");
        spec(second, "mine", "{\"argv\": [\"other\"], \"display_name\": \"Other\"}");
        spec(second, "python3", "{\"argv\": [\"python3\", \"-f\", \"{connection_file}\"], \"display_name\": \"Py\"}");
        KernelSpecs specs =
                new KernelSpecs(List.of(first, second), JsonMapper.builder().build());

        KernelSpec mine = specs.find("Mine").orElseThrow();
        assertThat(mine.displayName()).isEqualTo("Mine");
        assertThat(mine.interruptMode()).isEqualTo(InterruptMode.MESSAGE);
        assertThat(mine.env()).isEqualTo(Map.of("A", "1"));
        assertThat(mine.command(Path.of("/run/k.json")))
                .containsExactly("java", "-cp", first.resolve("kernels/mine") + "/k.jar", "Main", "/run/k.json");
        assertThat(specs.find("python3").orElseThrow().interruptMode()).isEqualTo(InterruptMode.SIGNAL);
        assertThat(specs.find("missing")).isEmpty();
        assertThat(specs.names()).containsExactly("mine", "python3");
    }

    @Test
    void searchesAsJupyterCoreDoes() {
        List<Path> dirs = KernelSpecs.dataDirs(Map.of("JUPYTER_PATH", "/a:/b", "JUPYTER_DATA_DIR", "/user"));
        assertThat(dirs)
                .containsExactly(
                        Path.of("/a"),
                        Path.of("/b"),
                        Path.of("/user"),
                        Path.of("/usr/local/share/jupyter"),
                        Path.of("/usr/share/jupyter"));
    }

    private static void spec(Path dataDir, String name, String json) throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("kernels").resolve(name));
        Files.writeString(dir.resolve("kernel.json"), json);
    }
}

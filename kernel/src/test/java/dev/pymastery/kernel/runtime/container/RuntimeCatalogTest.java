package dev.pymastery.kernel.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeCatalogTest {
    @TempDir
    Path home;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("XDG_CONFIG_HOME", home.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void theDefaultsAreStockFtPy314ArchitectAndCudaInContainersWithLimitsAndNoNetwork() {
        RuntimeCatalog catalog = RuntimeCatalog.load(env());
        assertThat(catalog.runtimes()).containsOnlyKeys("stock", "ft", "py314", "architect", "cuda");
        RuntimeSpec stock = catalog.runtime("stock").orElseThrow();
        assertThat(stock.engine()).isEqualTo(RuntimeSpec.EngineChoice.AUTO);
        assertThat(stock.image()).isEqualTo("pymastery/stock:3.13");
        assertThat(stock.memoryBytes()).isEqualTo(2L << 30);
        assertThat(stock.cpus()).isEqualTo(2.0);
        assertThat(stock.pids()).isEqualTo(512);
        assertThat(stock.network()).isEqualTo("none");
        assertThat(stock.user()).contains("65534:65534");
        assertThat(stock.startTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(stock.build()).isEqualTo("./docker/build.sh stock");
        RuntimeSpec ft = catalog.runtime("ft").orElseThrow();
        assertThat(ft.freeThreaded()).isTrue();
        assertThat(ft.pythonCommand(false)).containsExactly("python3.14t");
        RuntimeSpec py314 = catalog.runtime("py314").orElseThrow();
        assertThat(py314.freeThreaded()).isFalse();
        assertThat(py314.image()).isEqualTo("pymastery/py314:3.14");
        RuntimeSpec architect = catalog.runtime("architect").orElseThrow();
        assertThat(architect.image()).isEqualTo("pymastery/architect:3.11");
        assertThat(architect.network()).isEqualTo("none");
        assertThat(architect.build()).isEqualTo("./docker/build.sh architect");
        assertThat(RuntimeCatalog.load(env("PYMASTERY_RUNTIME_ARCHITECT_IMAGE", "pymastery-test/architect:3.13"))
                        .runtime("architect")
                        .orElseThrow()
                        .image())
                .isEqualTo("pymastery-test/architect:3.13");
        RuntimeSpec cuda = catalog.runtime("cuda").orElseThrow();
        assertThat(cuda.gpu()).isTrue();
        assertThat(cuda.memoryBytes()).isZero();
    }

    @Test
    void aUserFileChangesKeysAndAddsRuntimes() throws IOException {
        Path file = home.resolve("pymastery").resolve("runtimes.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                defaults:
                  memory: 512m
                runtimes:
                  stock:
                    image: python:3.13-slim
                  py312:
                    image: python:3.12-slim
                    env: {PYTHONHASHSEED: "0"}
                """);
        RuntimeCatalog catalog = RuntimeCatalog.load(env());
        assertThat(catalog.runtime("stock").orElseThrow().image()).isEqualTo("python:3.13-slim");
        assertThat(catalog.runtime("stock").orElseThrow().memoryBytes()).isEqualTo(512L << 20);
        assertThat(catalog.runtime("stock").orElseThrow().build()).isEqualTo("./docker/build.sh stock");
        assertThat(catalog.runtime("py312").orElseThrow().env()).containsEntry("PYTHONHASHSEED", "0");
        assertThat(catalog.sources()).contains(file.toString());
    }

    @Test
    void environmentVariablesOverrideOneKeyOfOneRuntime() {
        RuntimeCatalog catalog = RuntimeCatalog.load(env(
                "PYMASTERY_RUNTIME_STOCK_IMAGE", "pymastery-test/stock:3.13",
                "PYMASTERY_RUNTIME_FT_LOCAL_PYTHON", "/opt/py/bin/python3.14t",
                "PYMASTERY_RUNTIME_DEFAULTS_ENGINE", "process",
                "PYMASTERY_RUNTIME_MY_LAB_IMAGE", "lab:1",
                "PYMASTERY_RUNTIME_MY_LAB_FREE_THREADED", "yes"));
        assertThat(catalog.runtime("stock").orElseThrow().image()).isEqualTo("pymastery-test/stock:3.13");
        assertThat(catalog.runtime("ft").orElseThrow().localPython()).isEqualTo("/opt/py/bin/python3.14t");
        assertThat(catalog.runtime("cuda").orElseThrow().engine()).isEqualTo(RuntimeSpec.EngineChoice.PROCESS);
        RuntimeSpec lab = catalog.runtime("my-lab").orElseThrow();
        assertThat(lab.image()).isEqualTo("lab:1");
        assertThat(lab.freeThreaded()).isTrue();
    }

    @Test
    void mistakesNameTheirPlace() throws IOException {
        assertThatThrownBy(() -> RuntimeCatalog.load(env("PYMASTERY_RUNTIME_STOCK_MEMROY", "1g")))
                .isInstanceOf(RuntimeConfigException.class)
                .hasMessageContaining("PYMASTERY_RUNTIME_STOCK_MEMROY")
                .hasMessageContaining("the keys are");
        assertThatThrownBy(() -> RuntimeCatalog.load(env("PYMASTERY_RUNTIME_STOCK_MEMORY", "lots")))
                .hasMessageContaining("runtime 'stock'")
                .hasMessageContaining("memory must be a size like 512m");
        assertThatThrownBy(() -> RuntimeCatalog.load(env("PYMASTERY_RUNTIME_STOCK_ENGINE", "kubernetes")))
                .hasMessageContaining("engine must be auto, docker or process");
        Path file = home.resolve("bad.yaml");
        Files.writeString(file, "runtimes:\n  stock:\n    imgae: x\n");
        assertThatThrownBy(() -> RuntimeCatalog.load(env("PYMASTERY_RUNTIMES", file.toString())))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("unknown key 'imgae'");
        assertThatThrownBy(() -> RuntimeCatalog.load(
                        env("PYMASTERY_RUNTIMES", home.resolve("none.yaml").toString())))
                .hasMessageContaining("not a readable file");
    }

    @Test
    void aBrokenConfigurationIsReportedByEachUseNotAtStart() {
        CPythonRuntimes runtimes = CPythonRuntimes.create(
                env("PYMASTERY_RUNTIME_STOCK_PIDS", "-1"),
                KernelIdentity.current("test"),
                tools.jackson.databind.json.JsonMapper.builder().build());
        assertThatThrownBy(() -> runtimes.runtime("stock"))
                .hasMessageContaining("The runtimes configuration has a mistake")
                .hasMessageContaining("pids must be a number");
    }

    @Test
    void anUnknownRuntimeListsTheKnownOnes() {
        CPythonRuntimes runtimes = CPythonRuntimes.create(
                env(),
                KernelIdentity.current("test"),
                tools.jackson.databind.json.JsonMapper.builder().build());
        assertThatThrownBy(() -> runtimes.runtime("pypy"))
                .hasMessageContaining("no runtime named 'pypy'")
                .hasMessageContaining("stock, ft, py314, architect, cuda");
    }
}

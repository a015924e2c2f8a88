package dev.pymastery.kernel.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class KernelSpecInstallerTest {
    @TempDir
    Path dir;

    private Path fakeBuild() throws Exception {
        Path build = Files.createDirectories(dir.resolve("build"));
        Files.writeString(build.resolve("pymastery-kernel.jar"), "jar");
        Files.createDirectories(build.resolve("lib"));
        Files.writeString(build.resolve("lib/polyglot.jar"), "lib");
        Files.createDirectories(build.resolve("jvmci"));
        for (String name : List.of("collections", "compiler", "truffle-compiler", "word")) {
            Files.writeString(build.resolve("jvmci/" + name + ".jar"), name);
        }
        return build;
    }

    @Test
    void guestPackagesAreCopiedAndNamedForGraalPy() throws Exception {
        Path ipywidgets = Files.createDirectories(dir.resolve("site/ipywidgets"));
        Files.writeString(ipywidgets.resolve("__init__.py"), "__version__ = '8.1.5'\n");
        JsonMapper json = JsonMapper.builder().build();
        KernelSpecInstaller.Installed installed = new KernelSpecInstaller(json)
                .install(new KernelSpecInstaller.Request(
                        new InstallTarget.Prefix(dir.resolve("prefix")),
                        "pymastery",
                        "Python Mastery",
                        fakeBuild(),
                        Path.of("/opt/jdk/bin/java"),
                        25,
                        Map.of("PYMASTERY_SERVER_URL", "http://127.0.0.1:8765"),
                        JvmOptions.DEFAULT_HEAP,
                        List.of(ipywidgets)));
        JsonNode env = json.readTree(
                        installed.kernelSpec().resolve("kernel.json").toFile())
                .path("env");
        assertThat(env.path("PYMASTERY_SERVER_URL").asString()).isEqualTo("http://127.0.0.1:8765");
        Path folder = Path.of(env.path(KernelSpecInstaller.GUEST_PATH).asString());
        assertThat(folder.getParent()).isEqualTo(dir.resolve("prefix/share/pymastery/python"));
        assertThat(folder.resolve("ipywidgets/__init__.py")).hasContent("__version__ = '8.1.5'");
    }

    @Test
    void writesAKernelspecJupyterFindsUnderThePrefix() throws Exception {
        KernelSpecInstaller installer =
                new KernelSpecInstaller(JsonMapper.builder().build());
        KernelSpecInstaller.Installed installed = installer.install(new KernelSpecInstaller.Request(
                new InstallTarget.Prefix(dir.resolve("prefix")),
                "PyMastery",
                "Python Mastery",
                fakeBuild(),
                Path.of("/opt/jdk/bin/java"),
                25,
                Map.of("PYMASTERY_SERVER_URL", "http://127.0.0.1:8765")));
        assertThat(installed.kernelSpec()).isEqualTo(dir.resolve("prefix/share/jupyter/kernels/pymastery"));
        JsonNode spec = JsonMapper.builder()
                .build()
                .readTree(installed.kernelSpec().resolve("kernel.json").toFile());
        List<String> argv = new ArrayList<>();
        spec.path("argv").forEach(a -> argv.add(a.asString()));
        assertThat(argv.get(0)).isEqualTo("/opt/jdk/bin/java");
        assertThat(argv)
                .contains("dev.pymastery.kernel.LaunchMain", "--jvm-args")
                .doesNotContain("-XX:+EnableJVMCI");
        assertThat(argv.get(argv.size() - 1)).isEqualTo("{connection_file}");
        String kernelJvm = Files.readString(installed.kernelSpec().resolve("kernel-jvm.args"));
        assertThat(kernelJvm)
                .contains("\"-XX:+EnableJVMCI\"", "\"--sun-misc-unsafe-memory-access=allow\"")
                .contains("\"-Xmx" + JvmOptions.DEFAULT_HEAP + "\"", "\"-Xms16m\"")
                .contains("--upgrade-module-path=" + installed.distribution().resolve("jvmci"));
        assertThat(spec.path("interrupt_mode").asString()).isEqualTo("message");
        assertThat(spec.path("language").asString()).isEqualTo("python");
        assertThat(spec.path("env").path("PYMASTERY_SERVER_URL").asString()).isEqualTo("http://127.0.0.1:8765");
        assertThat(installed.kernelSpec().resolve("logo-64x64.png")).exists();
        assertThat(installed.distribution().resolve("lib/polyglot.jar")).hasContent("lib");

        assertThat(installer.uninstall(new InstallTarget.Prefix(dir.resolve("prefix")), "pymastery"))
                .isTrue();
        assertThat(installed.kernelSpec()).doesNotExist();
    }

    @Test
    void javaBefore24GetsNoFlagItWouldRejectAndNamesAreChecked() throws Exception {
        assertThat(JvmOptions.kernel(21, fakeBuild().resolve("jvmci"), "512m"))
                .doesNotContain("--sun-misc-unsafe-memory-access=allow", "-XX:TrimNativeHeapInterval=5000")
                .contains("-Xmx512m");
        assertThat(JvmOptions.kernel(22, fakeBuild().resolve("jvmci"), "512m"))
                .as("a product flag from Java 22")
                .contains("-XX:TrimNativeHeapInterval=5000");
        assertThatThrownBy(() -> new KernelSpecInstaller.Request(
                        new InstallTarget.Prefix(dir), "bad name", "x", dir, dir, 25, Map.of()))
                .hasMessageContaining("may only hold");
        assertThatThrownBy(() -> new KernelSpecInstaller.Request(
                        new InstallTarget.Prefix(dir), "ok", "x", dir, dir, 25, Map.of(), "lots"))
                .hasMessageContaining("512m or 2g");
    }
}

package dev.pymastery.kernel.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The installer's search for ipywidgets in the Python that runs Jupyter, against a real python3
 * whose path holds packages made here (installed distributions with their metadata).
 */
class GuestPackagesTest {
    private static final Path PYTHON3 = Path.of("/usr/bin/python3");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path site;
    private String python;

    @BeforeEach
    void jupytersPython() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON3), "needs /usr/bin/python3");
        site = Files.createDirectories(dir.resolve("site"));
        Path wrapper = dir.resolve("python");
        Files.writeString(wrapper, "#!/bin/sh\nPYTHONPATH=" + site + " exec " + PYTHON3 + " -S \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        python = wrapper.toString();
    }

    private void distribution(String name, String version, Map<String, String> files) throws Exception {
        Path info = Files.createDirectories(site.resolve(name + "-" + version + ".dist-info"));
        Files.writeString(
                info.resolve("METADATA"), "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        Files.createDirectories(site.resolve(name));
        Files.writeString(site.resolve(name + "/__init__.py"), "__version__ = '" + version + "'\n");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = site.resolve(name).resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }

    @Test
    void findsIpywidgetsEightAndTraitlets() throws Exception {
        distribution("ipywidgets", "8.1.5", Map.of("widgets/widget.py", "class Widget: pass\n"));
        distribution("traitlets", "5.14.3", Map.of());
        GuestPackages.Found found = GuestPackages.widgets(python, JSON);
        assertThat(found.packages()).containsExactly(site.resolve("ipywidgets"), site.resolve("traitlets"));
        assertThat(found.summary())
                .isEqualTo("widgets: ipywidgets 8.1.5 from " + site + " (GraalPy cells can show widgets)");
    }

    @Test
    void refusesIpywidgetsSevenWhichNeedsIpykernel() throws Exception {
        distribution("ipywidgets", "7.8.1", Map.of());
        distribution("traitlets", "5.14.3", Map.of());
        GuestPackages.Found found = GuestPackages.widgets(python, JSON);
        assertThat(found.packages()).isEmpty();
        assertThat(found.summary())
                .contains("has ipywidgets 7.8.1, which needs ipykernel")
                .contains("pip install 'ipywidgets>=8'")
                .contains("install the kernel again");
    }

    @Test
    void saysWhatIsMissing() throws Exception {
        distribution("ipywidgets", "8.1.5", Map.of());
        GuestPackages.Found found = GuestPackages.widgets(python, JSON);
        assertThat(found.packages()).isEmpty();
        assertThat(found.summary()).contains(python + " has no traitlets (not installed)");
    }

    @Test
    void refusesAPackageWithNativeCode() throws Exception {
        distribution("ipywidgets", "8.1.5", Map.of());
        distribution("traitlets", "5.14.3", Map.of("_speedups.cpython-313-x86_64-linux-gnu.so", "ELF"));
        GuestPackages.Found found = GuestPackages.widgets(python, JSON);
        assertThat(found.packages()).isEmpty();
        assertThat(found.summary()).contains("traitlets in " + site + " is not pure Python");
    }

    @Test
    void aPythonThatDoesNotStartIsReported() {
        GuestPackages.Found found =
                GuestPackages.widgets(dir.resolve("no-such-python").toString(), JSON);
        assertThat(found.packages()).isEmpty();
        assertThat(found.summary()).contains("did not start").contains("PYMASTERY_PYTHON");
    }

    @Test
    void copiesIntoAFolderNamedByContentAndSharesIt() throws Exception {
        distribution("ipywidgets", "8.1.5", Map.of("widgets/widget.py", "class Widget: pass\n"));
        distribution("traitlets", "5.14.3", Map.of("__pycache__/x.cpython-313.pyc", "stale"));
        List<Path> packages = List.of(site.resolve("ipywidgets"), site.resolve("traitlets"));
        Path root = dir.resolve("share/pymastery/python");
        Path first = GuestPackages.copy(packages, root);
        assertThat(first.getParent()).isEqualTo(root);
        assertThat(first.resolve("ipywidgets/widgets/widget.py")).hasContent("class Widget: pass");
        assertThat(first.resolve("traitlets/__init__.py")).exists();
        assertThat(first.resolve("traitlets/__pycache__")).doesNotExist();
        assertThat(GuestPackages.copy(packages, root)).isEqualTo(first);

        Files.writeString(site.resolve("ipywidgets/widgets/widget.py"), "class Widget: changed = True\n");
        Path second = GuestPackages.copy(packages, root);
        assertThat(second).isNotEqualTo(first);
        assertThat(first.resolve("ipywidgets/widgets/widget.py")).hasContent("class Widget: pass");
    }
}

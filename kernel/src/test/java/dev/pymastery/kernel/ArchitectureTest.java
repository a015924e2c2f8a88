package dev.pymastery.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each outside technology in its place (STYLE.md), across the modules: ZeroMQ in the wire module,
 * GraalVM in the kernel's GraalPy runtime, the Docker Engine API in the container engine package;
 * and the kernel's layers importing only downwards.
 */
class ArchitectureTest {
    private static final Path ROOT = repositoryRoot();
    private static final String KERNEL = "kernel/src/main/java/dev/pymastery/kernel/";
    private static final Pattern KERNEL_IMPORT =
            Pattern.compile("^import dev\\.pymastery\\.kernel\\.((?:[a-z]+\\.)*)([A-Z]\\w*)");

    /** Import prefix → the source folders (from the repository root) that may use it. */
    private static final Map<String, List<String>> TECHNOLOGIES = Map.of(
            "import org.zeromq", List.of("wire/src/main/java/dev/pymastery/wire/"),
            "import org.graalvm", List.of(KERNEL + "runtime/graalpy/"),
            "import dev.pymastery.kernel.runtime.container.engine.DockerEngine",
                    List.of(
                            KERNEL + "runtime/container/engine/",
                            KERNEL + "runtime/container/Engines.java",
                            KERNEL + "runtime/container/CPythonRuntimes.java"),
            "import dev.pymastery.kernel.runtime.container.engine.UnixHttpClient",
                    List.of(KERNEL + "runtime/container/engine/"));

    /**
     * A kernel package → the kernel packages it may import, top to bottom: the protocol
     * (messaging) drives the interpreter, which runs magics and checks over the runtimes. The
     * composition root (the kernel package itself), pool, install and cli are outside the layers.
     */
    private static final Map<String, Set<String>> LAYERS = Map.of(
            "cell", Set.of(),
            "runtime", Set.of("cell"),
            "runtime.container.engine", Set.of(),
            "runtime.container", Set.of("cell", "runtime", "runtime.container.engine"),
            "runtime.graalpy", Set.of("cell", "runtime", "magic.LineMagic", "magic.LineMagicHandler"),
            "magic", Set.of("cell", "runtime", "runtime.container"),
            "check", Set.of("cell", "magic", "runtime", "runtime.container"),
            "interpreter", Set.of("cell", "magic", "runtime"),
            "messaging", Set.of("cell", "interpreter"));

    @Test
    void outsideTechnologiesStayInTheirPlace() throws IOException {
        List<String> misplaced = new ArrayList<>();
        for (Path file : mainSources()) {
            String relative = ROOT.relativize(file).toString().replace('\\', '/');
            for (String line : Files.readAllLines(file)) {
                TECHNOLOGIES.forEach((prefix, allowed) -> {
                    if (line.startsWith(prefix) && allowed.stream().noneMatch(relative::startsWith)) {
                        misplaced.add(relative + ": " + line);
                    }
                });
            }
        }
        assertThat(misplaced).isEmpty();
    }

    @Test
    void theKernelsLayersImportOnlyDownwards() throws IOException {
        List<String> upwards = new ArrayList<>();
        for (Path file : mainSources()) {
            String relative = ROOT.relativize(file).toString().replace('\\', '/');
            if (!relative.startsWith(KERNEL)) {
                continue;
            }
            String folder = relative.substring(KERNEL.length(), relative.lastIndexOf('/') + 1);
            String layer = folder.isEmpty()
                    ? ""
                    : folder.substring(0, folder.length() - 1).replace('/', '.');
            Set<String> allowed = LAYERS.get(layer);
            if (allowed == null) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                Matcher m = KERNEL_IMPORT.matcher(line);
                if (!m.find()) {
                    continue;
                }
                String target = m.group(1).isEmpty()
                        ? ""
                        : m.group(1).substring(0, m.group(1).length() - 1);
                String type = target + "." + m.group(2);
                if (!target.equals(layer) && !allowed.contains(target) && !allowed.contains(type)) {
                    upwards.add(relative + " (" + layer + "): " + line);
                }
            }
        }
        assertThat(upwards).isEmpty();
    }

    @Test
    void theRulesSeeTheSources() throws IOException {
        // A test that scans nothing passes whatever the code does: make sure it reads the modules.
        assertThat(mainSources())
                .extracting(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                .anyMatch(p -> p.startsWith("wire/src/main/java/"))
                .anyMatch(p -> p.startsWith(KERNEL + "runtime/graalpy/"))
                .anyMatch(p -> p.startsWith("runner/src/main/java/"));
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("wire", "checks", "progress-client", "kernel", "runner", "server-ext")) {
            Path main = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        return sources;
    }

    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve(".ci"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException(
                    "cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return here;
    }
}

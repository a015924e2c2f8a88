package dev.pymastery.kernel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.kernel.runtime.container.CPythonRuntime;
import dev.pymastery.kernel.runtime.graalpy.GraalPyRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PythonSourcesTest {
    /** A top-level def, class or assignment: the names one file of a joined source can shadow in another. */
    private static final Pattern TOP_LEVEL =
            Pattern.compile("^(?:def |class )?([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\(|=(?!=)|:)", Pattern.MULTILINE);

    private static String read(Class<?> owner, String resource) throws IOException {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertNoNameDefinedTwice(List<String> names, List<String> texts) {
        Map<String, String> definedIn = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            Matcher top = TOP_LEVEL.matcher(texts.get(i));
            while (top.find()) {
                String previous = definedIn.putIfAbsent(top.group(1), names.get(i));
                assertThat(previous == null || previous.equals(names.get(i)))
                        .as(
                                "%s is defined at top level in both %s and %s: the later one replaces the other"
                                        + " in the joined source",
                                top.group(1), previous, names.get(i))
                        .isTrue();
            }
        }
    }

    /** The GraalPy helper's files: every Python file beside GraalPyRuntime (GraalPyContexts joins them all). */
    private static List<String> graalPyFiles() throws Exception {
        Path folder = Path.of(
                        GraalPyRuntime.class.getResource("pymastery_kernel.py").toURI())
                .getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".py"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theFilesJoinedIntoTheGraalPyHelperShareNoTopLevelName() throws Exception {
        List<String> files = graalPyFiles();
        assertThat(files)
                .contains("pymastery_kernel.py", "shell_magics.py", "shell_completion.py", "cpython_wording.py");
        List<String> names = new ArrayList<>(List.of("pymastery_common.py"));
        List<String> texts = new ArrayList<>(List.of(read(PythonSources.class, "pymastery_common.py")));
        for (String file : files) {
            names.add(file);
            texts.add(read(GraalPyRuntime.class, file));
        }
        assertNoNameDefinedTwice(names, texts);
    }

    /**
     * A method defined twice in one class: the later replaces the earlier without a word. Collects
     * each class's bases and methods into {@code classes}.
     */
    private static void assertNoMethodDefinedTwice(String name, String text, Map<String, PythonClass> classes) {
        Map<String, String> seen = new HashMap<>();
        String owner = null;
        for (String line : text.split("\n")) {
            Matcher klass = Pattern.compile("^class (\\w+)(?:\\(([^)]*)\\))?").matcher(line);
            if (klass.find()) {
                owner = klass.group(1);
                List<String> bases = klass.group(2) == null
                        ? List.of()
                        : List.of(klass.group(2).replace(" ", "").split(","));
                classes.put(owner, new PythonClass(name, bases, new HashSet<>()));
                continue;
            }
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith(")")) {
                owner = null;
            }
            Matcher method = Pattern.compile("^    def (\\w+)\\(").matcher(line);
            if (owner != null && method.find()) {
                classes.get(owner).methods().add(method.group(1));
                assertThat(seen.put(owner + "." + method.group(1), name))
                        .as(
                                "%s.%s is defined twice in %s: the later one replaces the other",
                                owner, method.group(1), name)
                        .isNull();
            }
        }
    }

    private record PythonClass(String file, List<String> bases, Set<String> methods) {}

    @Test
    void noClassOfTheHelperOrTheAgentDefinesAMethodTwice() throws Exception {
        Map<String, PythonClass> helper = new HashMap<>();
        for (String file : graalPyFiles()) {
            assertNoMethodDefinedTwice(file, read(GraalPyRuntime.class, file), helper);
        }
        assertNoMethodDefinedTwice(
                "pymastery_agent.py", read(CPythonRuntime.class, "pymastery_agent.py"), new HashMap<>());
        assertNoMethodDefinedTwice(
                "pymastery_common.py", read(PythonSources.class, "pymastery_common.py"), new HashMap<>());
        // Shell is put together from parts in several files (ShellMagics, ShellCompletion...): a method
        // in two of them, or in one and in Shell, would be decided by the order of the bases.
        assertThat(helper.get("Shell").bases()).contains("ShellMagics", "ShellCompletion");
        helper.forEach((name, klass) -> {
            Map<String, String> definedIn = new HashMap<>();
            klass.methods().forEach(m -> definedIn.put(m, name));
            for (String base : klass.bases()) {
                PythonClass part = helper.get(base);
                if (part == null) {
                    continue; // a base from pymastery_common.py (Displays), whose hooks the class overrides
                }
                for (String method : part.methods()) {
                    String previous = definedIn.putIfAbsent(method, base);
                    assertThat(previous)
                            .as(
                                    "%s is defined in both %s and %s, parts of %s: one hides the other",
                                    method, previous, base, name)
                            .isNull();
                }
            }
        });
    }

    @Test
    void everyFileOfTheIPythonPackageIsServedUnderItsModuleName() throws Exception {
        Path root = Path.of(PythonSources.class.getResource("ipython").toURI());
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".py"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        List<String> served = PythonSources.IPYTHON_MODULES.stream()
                .map(m -> m.getKey().replace('.', '/') + (m.getValue() ? "/__init__.py" : ".py"))
                .sorted()
                .toList();
        assertThat(served).as("modules in PythonSources.IPYTHON_MODULES").isEqualTo(files);
        String table = PythonSources.ipythonModules();
        assertThat(table).startsWith("_IPYTHON_MODULES = {\n").contains("\"IPython.core.display\": (False, \"");
    }

    @Test
    void aPythonStringLiteralKeepsEveryCharacter() {
        assertThat(PythonSources.pythonString("a\"b\\c\nd\te\u0001\u00e9"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\x01\u00e9\"");
    }

    @Test
    void theFilesJoinedIntoTheAgentShareNoTopLevelName() throws IOException {
        assertNoNameDefinedTwice(
                List.of("pymastery_common.py", "pymastery_agent.py"),
                List.of(
                        read(PythonSources.class, "pymastery_common.py"),
                        read(CPythonRuntime.class, "pymastery_agent.py")));
    }
}

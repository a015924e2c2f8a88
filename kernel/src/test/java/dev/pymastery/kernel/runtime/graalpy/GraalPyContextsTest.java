package dev.pymastery.kernel.runtime.graalpy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.kernel.runtime.PythonSources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The kernel's Python files and the order they are joined in, read without starting GraalPy. */
class GraalPyContextsTest {
    private static final Pattern CLASS = Pattern.compile("^class (\\w+)(?:\\(([^)]*)\\))?", Pattern.MULTILINE);

    private static String read(String file) throws IOException {
        try (InputStream in = GraalPyContexts.class.getResourceAsStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyPythonFileBesideTheRuntimeIsJoinedIntoTheHelperOnce() throws Exception {
        Path folder = Path.of(
                        GraalPyContexts.class.getResource("pymastery_kernel.py").toURI())
                .getParent();
        List<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".py"))
                    .toList();
        }
        assertThat(GraalPyContexts.HELPER_FILES).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
    }

    /** A class of the joined source defined after a class that names it as a base is a NameError at start-up. */
    @Test
    void eachBaseClassIsDefinedBeforeTheClassThatUsesIt() throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream in = PythonSources.class.getResourceAsStream("pymastery_common.py")) {
            texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (String file : GraalPyContexts.HELPER_FILES) {
            texts.add(read(file));
        }
        Set<String> joined = new HashSet<>();
        texts.forEach(text -> CLASS.matcher(text).results().forEach(m -> joined.add(m.group(1))));
        Set<String> defined = new HashSet<>();
        for (String text : texts) {
            Matcher klass = CLASS.matcher(text);
            while (klass.find()) {
                for (String base :
                        klass.group(2) == null ? new String[0] : klass.group(2).split(",")) {
                    assertThat(!joined.contains(base.strip()) || defined.contains(base.strip()))
                            .as(
                                    "%s is defined before %s, its subclass, in GraalPyContexts.HELPER_FILES",
                                    base.strip(), klass.group(1))
                            .isTrue();
                }
                defined.add(klass.group(1));
            }
        }
        assertThat(defined).contains("Shell", "ShellMagics", "ShellCompletion", "Displays");
    }
}

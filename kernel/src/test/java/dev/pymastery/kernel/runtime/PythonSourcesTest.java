package dev.pymastery.kernel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.kernel.runtime.container.CPythonRuntime;
import dev.pymastery.kernel.runtime.graalpy.GraalPyRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void theFilesJoinedIntoTheGraalPyHelperShareNoTopLevelName() throws IOException {
        assertNoNameDefinedTwice(
                List.of("pymastery_common.py", "pymastery_kernel.py", "cpython_wording.py"),
                List.of(
                        read(PythonSources.class, "pymastery_common.py"),
                        read(GraalPyRuntime.class, "pymastery_kernel.py"),
                        read(GraalPyRuntime.class, "cpython_wording.py")));
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

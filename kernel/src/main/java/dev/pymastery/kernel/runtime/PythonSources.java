package dev.pymastery.kernel.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Python the kernel runs as its own: {@code pymastery_common.py} (rendering values, errors and
 * check results) followed by one runtime's files, as one source, so the GraalPy helper and the
 * CPython agent share that code and each is still compiled under its own file name. After the common
 * part comes {@code _IPYTHON_MODULES}, the kernel's own IPython package (runtime/ipython) as text
 * that {@code IPythonImporter} serves to import statements in both runtimes.
 */
public final class PythonSources {
    private static final String COMMON = "pymastery_common.py";
    /** The IPython package's modules: dotted name, and whether it is a package. */
    static final List<Map.Entry<String, Boolean>> IPYTHON_MODULES = List.of(
            Map.entry("IPython", true),
            Map.entry("IPython.display", false),
            Map.entry("IPython.core", true),
            Map.entry("IPython.core.display", false),
            Map.entry("IPython.core.error", false),
            Map.entry("IPython.core.getipython", false),
            Map.entry("IPython.core.interactiveshell", false),
            Map.entry("IPython.core.magic", false),
            Map.entry("IPython.core.pylabtools", false),
            Map.entry("IPython.lib", true),
            Map.entry("IPython.lib.display", false),
            Map.entry("IPython.utils", true),
            Map.entry("IPython.utils.capture", false),
            Map.entry("comm", true));

    private PythonSources() {}

    /** The common part, then each of {@code resources} found beside {@code owner}, in order. */
    public static String withCommon(Class<?> owner, String... resources) {
        StringBuilder text = new StringBuilder(read(PythonSources.class, COMMON));
        text.append("\n\n").append(ipythonModules());
        for (String resource : resources) {
            text.append("\n\n").append(read(owner, resource));
        }
        return text.toString();
    }

    /** {@code _IPYTHON_MODULES = {name: (is_package, source), ...}} as a Python statement. */
    static String ipythonModules() {
        StringBuilder table = new StringBuilder("_IPYTHON_MODULES = {\n");
        for (Map.Entry<String, Boolean> module : IPYTHON_MODULES) {
            String path = "ipython/" + module.getKey().replace('.', '/') + (module.getValue() ? "/__init__.py" : ".py");
            table.append("    ")
                    .append(pythonString(module.getKey()))
                    .append(": (")
                    .append(module.getValue() ? "True" : "False")
                    .append(", ")
                    .append(pythonString(read(PythonSources.class, path)))
                    .append("),\n");
        }
        return table.append("}\n").toString();
    }

    /** A double-quoted Python string literal holding exactly {@code text}. */
    public static String pythonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 16 + 2).append('"');
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    private static String read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the kernel jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

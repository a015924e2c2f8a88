package dev.pymastery.kernel.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Python the kernel runs as its own: {@code pymastery_common.py} (rendering values, errors and
 * check results) followed by one runtime's files, as one source, so the GraalPy helper and the
 * CPython agent share that code and each is still compiled under its own file name.
 */
public final class PythonSources {
    private static final String COMMON = "pymastery_common.py";

    private PythonSources() {}

    /** The common part, then each of {@code resources} found beside {@code owner}, in order. */
    public static String withCommon(Class<?> owner, String... resources) {
        StringBuilder text = new StringBuilder(read(PythonSources.class, COMMON));
        for (String resource : resources) {
            text.append("\n\n").append(read(owner, resource));
        }
        return text.toString();
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

package dev.pymastery.kernel.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Python the kernel runs as its own: {@code pymastery_common.py} (rendering values, errors and
 * check results) followed by one runtime's file, as one source, so the GraalPy helper and the
 * CPython agent share that code and each is still compiled under its own file name.
 */
public final class PythonSources {
    private static final String COMMON = "pymastery_common.py";

    private PythonSources() {}

    /** The common part, then {@code resource} found beside {@code owner}. */
    public static String withCommon(Class<?> owner, String resource) {
        return read(PythonSources.class, COMMON) + "\n\n" + read(owner, resource);
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

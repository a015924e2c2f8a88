package dev.pymastery.kernel.interpreter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed at build time: this kernel, GraalPy, and the Python version GraalPy implements. */
public record KernelVersions(String kernel, String graalpy, String python) {
    public static KernelVersions load() {
        Properties properties = new Properties();
        try (InputStream in = KernelVersions.class.getResourceAsStream("/dev/pymastery/kernel/kernel.properties")) {
            if (in == null) {
                throw new IllegalStateException("kernel.properties missing from the kernel jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KernelVersions(
                properties.getProperty("kernel.version"),
                properties.getProperty("graalpy.version"),
                properties.getProperty("python.version"));
    }
}

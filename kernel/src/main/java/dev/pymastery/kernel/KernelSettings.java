package dev.pymastery.kernel;

import dev.pymastery.kernel.runtime.graalpy.GraalPyRuntime;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel's configuration, read once from the environment (a kernelspec's {@code env} sets it).
 *
 * <ul>
 *   <li>{@code PYMASTERY_PYCACHE}: where GraalPy writes {@code .pyc} files; default
 *       {@code $XDG_CACHE_HOME/pymastery/pycache}; {@code off} writes none.
 * </ul>
 */
public record KernelSettings(GraalPyRuntime.Settings graalpy) {
    public static KernelSettings fromEnvironment() {
        return from(System.getenv());
    }

    static KernelSettings from(Map<String, String> env) {
        String pycache = env.getOrDefault("PYMASTERY_PYCACHE", "");
        Optional<Path> cache;
        if (pycache.equals("off")) {
            cache = Optional.empty();
        } else if (!pycache.isBlank()) {
            cache = Optional.of(Path.of(pycache));
        } else {
            cache = Optional.of(cacheHome(env).resolve("pymastery").resolve("pycache"));
        }
        return new KernelSettings(new GraalPyRuntime.Settings(cache));
    }

    static Path cacheHome(Map<String, String> env) {
        String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
        return xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
    }
}

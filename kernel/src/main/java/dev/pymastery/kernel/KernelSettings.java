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
 *   <li>{@code PYMASTERY_QUIET_GC_SECONDS}: after this long with no request the kernel runs a full
 *       collection, so the heap a session grew shrinks and goes back to the system; default 120,
 *       {@code 0} never.
 * </ul>
 */
public record KernelSettings(GraalPyRuntime.Settings graalpy, java.time.Duration quietCollect) {
    static final long DEFAULT_QUIET_SECONDS = 120;

    /**
     * The variables a kernel process reads when it starts, before any claim: these and
     * {@code PYMASTERY_SPARE_IDLE_SECONDS} ({@code PoolSettings}). Spares started with different values wait in
     * different pool folders; everything else comes with the claim.
     */
    public static final java.util.List<String> READ_AT_START = java.util.List.of(
            "PYMASTERY_PYCACHE", "XDG_CACHE_HOME", "PYMASTERY_QUIET_GC_SECONDS", "PYMASTERY_SPARE_IDLE_SECONDS");

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
        long quiet;
        try {
            quiet = Long.parseLong(
                    env.getOrDefault("PYMASTERY_QUIET_GC_SECONDS", "").strip());
        } catch (NumberFormatException e) {
            quiet = DEFAULT_QUIET_SECONDS;
        }
        return new KernelSettings(new GraalPyRuntime.Settings(cache), java.time.Duration.ofSeconds(Math.max(0, quiet)));
    }

    static Path cacheHome(Map<String, String> env) {
        String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
        return xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
    }
}

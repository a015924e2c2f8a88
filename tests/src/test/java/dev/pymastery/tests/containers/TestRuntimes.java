package dev.pymastery.tests.containers;

import dev.pymastery.testkit.ContainerEngine;
import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.Prerequisites;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runtimes the integration tests configure, through the documented environment overrides:
 * the default three on the Debian-built images, plus {@code gil} (free-threaded by configuration,
 * but its interpreter has the GIL), {@code small} (256 MiB), {@code local}
 * (the process engine), {@code missing} (an image nobody built) and {@code pulled} (an image
 * only the tests' own registry has).
 */
final class TestRuntimes {
    /** The kernelspec the container tests install. */
    static final String KERNEL = "pymastery-containers-it";

    private TestRuntimes() {}

    /**
     * What the container tests need: a Python with jupyter_client, the engine with the three test
     * images .ci/podman.sh builds, and the built kernel. Skips without them, fails in CI.
     */
    static void require() {
        Prerequisites.requirePython("jupyter_client");
        ContainerEngine.require(ContainerEngine.STOCK_IMAGE, ContainerEngine.FT_IMAGE, ContainerEngine.GIL_IMAGE);
        InstalledKernel.requireBuilt();
    }

    /** Installs (or reuses) the container tests' kernelspec. */
    static InstalledKernel kernel() {
        return InstalledKernel.install(KERNEL, Map.of());
    }

    static Map<String, String> env(Path configHome) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DOCKER_HOST", "unix://" + ContainerEngine.socket());
        env.put("XDG_CONFIG_HOME", configHome.toString());
        env.put("PYMASTERY_RUNTIME_STOCK_IMAGE", ContainerEngine.STOCK_IMAGE);
        env.put("PYMASTERY_RUNTIME_FT_IMAGE", ContainerEngine.FT_IMAGE);
        env.put("PYMASTERY_RUNTIME_FT_PYTHON", "python3.13t");
        env.put("PYMASTERY_RUNTIME_PY314_IMAGE", ContainerEngine.GIL_IMAGE);
        env.put("PYMASTERY_RUNTIME_PY314_PYTHON", "python3.14");
        // Meant to be free-threaded, but sid's packaged 3.14 has the GIL: the kernel must say so.
        env.put("PYMASTERY_RUNTIME_GIL_IMAGE", ContainerEngine.GIL_IMAGE);
        env.put("PYMASTERY_RUNTIME_GIL_PYTHON", "python3.14");
        env.put("PYMASTERY_RUNTIME_GIL_FREE_THREADED", "true");
        env.put("PYMASTERY_RUNTIME_CUDA_IMAGE", ContainerEngine.STOCK_IMAGE);
        env.put("PYMASTERY_RUNTIME_SMALL_IMAGE", ContainerEngine.STOCK_IMAGE);
        env.put("PYMASTERY_RUNTIME_SMALL_MEMORY", "256m");
        env.put("PYMASTERY_RUNTIME_LOCAL_ENGINE", "process");
        env.put("PYMASTERY_RUNTIME_LOCAL_LOCAL_PYTHON", Prerequisites.PYTHON.toString());
        env.put("PYMASTERY_RUNTIME_MISSING_IMAGE", "pymastery-test/missing:1");
        env.put("PYMASTERY_RUNTIME_MISSING_BUILD", "./docker/build.sh missing");
        env.put("PYMASTERY_RUNTIME_PULLED_IMAGE", TestRegistry.IMAGE);
        env.put("PYMASTERY_RUNTIME_PULLED_PYTHON", "python3.14");
        return env;
    }
}

package dev.pymastery.tests.containers;

import dev.pymastery.kernel.install.InstallTarget;
import dev.pymastery.kernel.install.KernelSpecInstaller;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The kernel as built by the kernel module, installed as a kernelspec under a temporary prefix. */
final class InstalledKernel {
    static final String NAME = "pymastery-containers-it";

    private InstalledKernel() {}

    static Path build() {
        return Path.of(System.getProperty("pymastery.kernel.build", "../kernel/target"))
                .toAbsolutePath()
                .normalize();
    }

    /** Installs the kernelspec; returns the JUPYTER_PATH entry that finds it. */
    static Path install(Path prefix) {
        Path java = ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
        new KernelSpecInstaller(JsonMapper.builder().build())
                .install(new KernelSpecInstaller.Request(
                        new InstallTarget.Prefix(prefix),
                        NAME,
                        "PyMastery (container tests)",
                        build(),
                        java,
                        Runtime.version().feature(),
                        // Spares left by a test run go away soon after it.
                        Map.of("PYMASTERY_SPARE_IDLE_SECONDS", "300")));
        return prefix.resolve("share").resolve("jupyter");
    }
}

package dev.pymastery.tests.support;

import dev.pymastery.kernel.install.InstallTarget;
import dev.pymastery.kernel.install.KernelSpecInstaller;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kernel as built by this reactor, installed into a prefix under {@code target/} so tests
 * start it exactly as Jupyter would (kernelspec argv, connection file) without touching the user's
 * own kernelspecs.
 */
public record InstalledKernel(String name, Path dataDir) {
    public static final String NAME = "pymastery-it";

    /** Installs (or reuses) the kernelspec; cheap when nothing changed. */
    public static InstalledKernel install() {
        Path build = Path.of(System.getProperty("pymastery.kernel.build", "../kernel/target"))
                .toAbsolutePath();
        Path prefix = Path.of("target", "it-prefix").toAbsolutePath();
        Path java = ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
        KernelSpecInstaller.Installed installed = new KernelSpecInstaller(
                        JsonMapper.builder().build())
                .install(new KernelSpecInstaller.Request(
                        new InstallTarget.Prefix(prefix),
                        NAME,
                        "Python Mastery (integration tests)",
                        build,
                        java,
                        Runtime.version().feature(),
                        Map.of()));
        return new InstalledKernel(NAME, installed.kernelSpec().getParent().getParent());
    }

    /** The JUPYTER_PATH under which clients find this kernel. */
    public String jupyterPath() {
        return dataDir.toString();
    }
}

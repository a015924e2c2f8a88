package dev.pymastery.testkit;

import dev.pymastery.kernel.install.InstallTarget;
import dev.pymastery.kernel.install.JvmOptions;
import dev.pymastery.kernel.install.KernelSpecInstaller;
import java.nio.file.Files;
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
    private static final Path PREFIX = Path.of("target", "it-prefix");

    /** Where the kernel module built the kernel ({@code -Dpymastery.kernel.build}, else ../kernel/target). */
    public static Path build() {
        return Path.of(System.getProperty("pymastery.kernel.build", "../kernel/target"))
                .toAbsolutePath()
                .normalize();
    }

    /** Skips the test (fails it in CI) when the kernel has not been built. */
    public static void requireBuilt() {
        Prerequisites.require(
                Files.exists(build().resolve("pymastery-kernel.jar")),
                "the built kernel in " + build() + " (./mvnw package, or ./pymastery test)");
    }

    /** Installs (or reuses) the kernelspec; cheap when nothing changed. */
    public static InstalledKernel install() {
        return install(NAME, Map.of());
    }

    /** Installs a kernelspec of another name with extra environment (e.g. pool settings). */
    public static InstalledKernel install(String name, Map<String, String> extraEnv) {
        return install(name, extraEnv, JvmOptions.DEFAULT_HEAP);
    }

    /** As {@link #install(String, Map)}, with the kernel JVM's maximum heap (e.g. {@code 512m}). */
    public static InstalledKernel install(String name, Map<String, String> extraEnv, String heap) {
        return install(PREFIX, name, "Python Mastery (integration tests)", extraEnv, heap);
    }

    /**
     * Installs a kernelspec into a prefix of the caller's (a notebook run's own Jupyter folder), under
     * a name notebooks ask for (e.g. {@code pymastery}).
     */
    public static InstalledKernel install(Path prefix, String name, String displayName, Map<String, String> extraEnv) {
        return install(prefix, name, displayName, extraEnv, JvmOptions.DEFAULT_HEAP);
    }

    private static InstalledKernel install(
            Path prefixFolder, String name, String displayName, Map<String, String> extraEnv, String heap) {
        Path build = build();
        Path prefix = prefixFolder.toAbsolutePath();
        Path java = ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
        KernelSpecInstaller.Installed installed = new KernelSpecInstaller(
                        JsonMapper.builder().build())
                .install(new KernelSpecInstaller.Request(
                        new InstallTarget.Prefix(prefix),
                        name,
                        displayName,
                        build,
                        java,
                        Runtime.version().feature(),
                        env(extraEnv),
                        heap));
        return new InstalledKernel(name, installed.kernelSpec().getParent().getParent());
    }

    private static Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        // Spares left by a test run go away soon after it.
        env.putIfAbsent("PYMASTERY_SPARE_IDLE_SECONDS", "300");
        return env;
    }

    /** Removes the kernelspec as {@code ./pymastery uninstall} does (its distribution stays); false if absent. */
    public boolean uninstall() {
        return new KernelSpecInstaller(JsonMapper.builder().build())
                .uninstall(new InstallTarget.Prefix(PREFIX.toAbsolutePath()), name);
    }

    /** The JUPYTER_PATH under which clients find this kernel. */
    public String jupyterPath() {
        return dataDir.toString();
    }
}

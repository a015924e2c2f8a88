package dev.pymastery.kernel.install;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Jupyter looks for kernelspecs, as jupyter_core computes it. */
final class JupyterPaths {
    private JupyterPaths() {}

    /** The per-user Jupyter data folder ({@code jupyter --data-dir}). */
    static Path userDataDir(Map<String, String> env) {
        String configured = env.getOrDefault("JUPYTER_DATA_DIR", "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Jupyter");
        }
        if (os.contains("win")) {
            return Path.of(env.getOrDefault("APPDATA", home.toString())).resolve("jupyter");
        }
        String xdg = env.getOrDefault("XDG_DATA_HOME", "");
        return (xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg)).resolve("jupyter");
    }

    /** The data folder under an installation prefix ({@code PREFIX/share/jupyter}). */
    static Path prefixDataDir(Path prefix) {
        return prefix.resolve("share").resolve("jupyter");
    }
}

package dev.pymastery.kernel.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Which Jupyter data folder a kernelspec goes to, as {@code jupyter kernelspec install} names them. */
public sealed interface InstallTarget {
    /** The Jupyter data folder ({@code .../share/jupyter} or the user's). */
    Path dataDir();

    /** {@code --user}: the per-user data folder. */
    record User(Map<String, String> env) implements InstallTarget {
        @Override
        public Path dataDir() {
            return JupyterPaths.userDataDir(env);
        }
    }

    /** {@code --prefix DIR}: {@code DIR/share/jupyter}. */
    record Prefix(Path prefix) implements InstallTarget {
        @Override
        public Path dataDir() {
            return JupyterPaths.prefixDataDir(prefix.toAbsolutePath());
        }
    }

    /** {@code --sys-prefix}: the prefix of the Python that runs Jupyter. */
    record SysPrefix(String python) implements InstallTarget {
        @Override
        public Path dataDir() {
            try {
                Process process = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (process.waitFor() != 0 || out.isEmpty()) {
                    throw new IllegalStateException("'" + python + "' could not tell its sys.prefix: " + out);
                }
                return JupyterPaths.prefixDataDir(Path.of(out));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "--sys-prefix needs the Python that runs Jupyter ('" + python
                                + "' did not start); set PYMASTERY_PYTHON",
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }
}

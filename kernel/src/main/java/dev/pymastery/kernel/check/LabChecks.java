package dev.pymastery.kernel.check;

import dev.pymastery.kernel.magic.MagicRegistry;
import dev.pymastery.kernel.runtime.container.CPythonRuntimes;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Lab checks for one kernel session: where the check files are, what this session has seen, where
 * attempts go, and the three magics that use them. Made by the composition root; {@link #close}
 * at the end of the session leaves undelivered attempts on disk.
 */
public final class LabChecks implements AutoCloseable {
    final CatalogFinder catalogs;
    final SessionResults results = new SessionResults();
    final AttemptRecorder recorder;
    final CPythonRuntimes cpython;
    final Optional<String> notebook;
    final Optional<String> kernelId;
    final Path cwd;

    private LabChecks(
            Path cwd,
            CatalogFinder catalogs,
            AttemptRecorder recorder,
            CPythonRuntimes cpython,
            Optional<String> notebook,
            Optional<String> kernelId) {
        this.cwd = cwd;
        this.catalogs = catalogs;
        this.recorder = recorder;
        this.cpython = cpython;
        this.notebook = notebook;
        this.kernelId = kernelId;
    }

    /**
     * Checks for a kernel started in {@code cwd} with {@code env} (the kernelspec's env gives the
     * server URL, token and outbox; {@code JPY_SESSION_NAME} names the notebook). Opens nothing yet.
     */
    public static LabChecks create(Map<String, String> env, Path cwd, CPythonRuntimes cpython, String kernelId) {
        return new LabChecks(
                cwd,
                CatalogFinder.of(cwd, env),
                new AttemptRecorder(env),
                cpython,
                Optional.ofNullable(env.get("JPY_SESSION_NAME")).filter(s -> !s.isBlank()),
                Optional.of(kernelId));
    }

    /** Adds {@code %check}, {@code %checks}, {@code %progress} and {@code %fetch}. */
    public MagicRegistry register(MagicRegistry registry) {
        return registry.register(new CheckMagic(this))
                .register(new ChecksMagic(this))
                .register(new ProgressMagic(this))
                .register(new FetchMagic(this, cwd));
    }

    @Override
    public void close() {
        recorder.close();
    }
}

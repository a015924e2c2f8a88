package dev.pymastery.kernel.pool;

import dev.pymastery.kernel.install.JvmOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a spare kernel process in a session of its own (so signals for the launcher's process
 * group do not reach it), with the JVM flags from the distribution's argument file and those for
 * this machine's cores ({@link JvmOptions#forMachine}), its output in a
 * log file in the pool folder (old logs and the folders of earlier installs are pruned first).
 */
final class SpareSpawner implements SpareStarter {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path java;
    private final Path jvmArgs;
    private final PoolDirectory pool;

    SpareSpawner(Path java, Path jvmArgs, PoolDirectory pool) {
        this.java = java;
        this.jvmArgs = jvmArgs;
        this.pool = pool;
    }

    @Override
    public Path logDir() {
        return pool.dir();
    }

    @Override
    public Started start() throws IOException {
        if (!Files.isRegularFile(jvmArgs)) {
            throw new IOException("the kernel's JVM argument file " + jvmArgs + " is missing; reinstall the kernel"
                    + " (./pymastery install)");
        }
        Path dir = pool.create();
        pool.prune(Instant.now());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(java.toString());
        command.add("@" + jvmArgs);
        command.addAll(JvmOptions.forMachine(Runtime.getRuntime().availableProcessors()));
        command.add("dev.pymastery.kernel.SpareMain");
        command.add(dir.toString());
        command.add(jvmArgs.toString());
        File log = pool.logFile().toFile();
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(log)
                .redirectErrorStream(true)
                .start();
        return process::isAlive;
    }
}

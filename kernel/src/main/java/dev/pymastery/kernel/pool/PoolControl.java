package dev.pymastery.kernel.pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What {@code ./pymastery pool status|stop} does for one installed kernelspec. */
public final class PoolControl {
    private final PoolDirectory pool;

    private PoolControl(PoolDirectory pool) {
        this.pool = pool;
    }

    /** The pool of the kernelspec in {@code specDir} (read from its kernel.json). */
    public static PoolControl of(Path specDir, ObjectMapper json, Map<String, String> env) {
        Path kernelJson = specDir.resolve("kernel.json");
        JsonNode argv;
        try {
            argv = json.readTree(Files.readString(kernelJson)).path("argv");
        } catch (IOException e) {
            throw new UncheckedIOException("no kernelspec at " + specDir + " (install it with ./pymastery install)", e);
        }
        String jar = null;
        String jvmArgs = null;
        String java = argv.size() > 0 ? argv.get(0).asString("java") : "java";
        for (int i = 0; i + 1 < argv.size(); i++) {
            if (argv.get(i).asString("").equals("-cp")) {
                jar = argv.get(i + 1).asString("");
            } else if (argv.get(i).asString("").equals("--jvm-args")) {
                jvmArgs = argv.get(i + 1).asString("");
            }
        }
        if (jar == null || jvmArgs == null) {
            throw new IllegalStateException(kernelJson + " does not start the pooled launcher; reinstall the kernel");
        }
        // The launcher sees Jupyter's environment with the kernelspec's env over it.
        Map<String, String> launcherEnv = new java.util.HashMap<>(env);
        try {
            json.readTree(Files.readString(kernelJson))
                    .path("env")
                    .properties()
                    .forEach(e -> launcherEnv.put(e.getKey(), e.getValue().asString("")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + kernelJson, e);
        }
        return new PoolControl(PoolDirectory.of(Path.of(jar), Path.of(java), Path.of(jvmArgs), launcherEnv));
    }

    public Path dir() {
        return pool.dir();
    }

    /** Kernel processes of this pool: waiting spares and kernels serving a session. */
    public List<ProcessHandle> processes() {
        String marker = "dev.pymastery.kernel.SpareMain";
        String dir = pool.dir().toString();
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses()
                .forEach(process -> process.info().arguments().ifPresent(args -> {
                    List<String> list = List.of(args);
                    int at = list.indexOf(marker);
                    if (at >= 0 && at + 1 < list.size() && list.get(at + 1).equals(dir)) {
                        found.add(process);
                    }
                }));
        return found;
    }

    /** Spare sockets with their state ({@code ready}, {@code warm}, {@code renewing}). */
    public List<String> waiting() {
        return pool.available().stream().map(p -> p.getFileName().toString()).toList();
    }

    /** Ends every kernel process of this pool (also those serving a session) and clears the folder. */
    public int stop() {
        List<ProcessHandle> processes = processes();
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        pool.available().forEach(Launcher::deleteQuietly);
        return processes.size();
    }
}

package dev.pymastery.runner.client;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Finds kernelspecs in Jupyter data folders, first match wins, in jupyter_core's order:
 * {@code JUPYTER_PATH}, the user's data folder, then the system folders.
 */
public final class KernelSpecs {
    private final List<Path> dataDirs;
    private final ObjectMapper json;

    public KernelSpecs(List<Path> dataDirs, ObjectMapper json) {
        this.dataDirs = List.copyOf(new LinkedHashSet<>(dataDirs));
        this.json = json;
    }

    /** The data folders jupyter_core would search with this environment. */
    public static List<Path> dataDirs(Map<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        for (String entry : env.getOrDefault("JUPYTER_PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                dirs.add(Path.of(entry));
            }
        }
        String dataDir = env.getOrDefault("JUPYTER_DATA_DIR", "");
        if (!dataDir.isBlank()) {
            dirs.add(Path.of(dataDir));
        } else {
            String xdg = env.getOrDefault("XDG_DATA_HOME", "");
            Path home = Path.of(System.getProperty("user.home"));
            dirs.add((xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg)).resolve("jupyter"));
        }
        dirs.add(Path.of("/usr/local/share/jupyter"));
        dirs.add(Path.of("/usr/share/jupyter"));
        return dirs;
    }

    public List<Path> searched() {
        return dataDirs;
    }

    /** The kernelspec called {@code name} (case-insensitive, as Jupyter lower-cases names). */
    public Optional<KernelSpec> find(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Path dir : dataDirs) {
            Path file = dir.resolve("kernels").resolve(lower).resolve("kernel.json");
            if (Files.isRegularFile(file)) {
                return Optional.of(read(lower, file));
            }
        }
        return Optional.empty();
    }

    /** Every kernelspec name found, sorted. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        for (Path dir : dataDirs) {
            try (Stream<Path> kernels = Files.list(dir.resolve("kernels"))) {
                kernels.filter(k -> Files.isRegularFile(k.resolve("kernel.json")))
                        .forEach(k -> names.add(k.getFileName().toString()));
            } catch (IOException e) {
                // a data folder without kernels/ is normal
            }
        }
        return List.copyOf(names);
    }

    private KernelSpec read(String name, Path file) {
        JsonNode spec;
        try {
            spec = json.readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("cannot read kernelspec " + file + ": " + e.getMessage(), e);
        }
        List<String> argv = new ArrayList<>();
        spec.path("argv").forEach(arg -> argv.add(arg.asString("")));
        Map<String, String> env = new LinkedHashMap<>();
        spec.path("env").forEachEntry((key, value) -> env.put(key, value.asString("")));
        InterruptMode mode = spec.path("interrupt_mode").asString("signal").equals("message")
                ? InterruptMode.MESSAGE
                : InterruptMode.SIGNAL;
        return new KernelSpec(name, spec.path("display_name").asString(name), argv, env, mode, file.getParent());
    }
}

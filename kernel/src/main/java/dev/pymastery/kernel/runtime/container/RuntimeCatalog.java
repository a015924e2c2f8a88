package dev.pymastery.kernel.runtime.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The configured CPython runtimes: the built-in {@code default-runtimes.yaml} (which documents
 * every key), a user file read over it, and {@code PYMASTERY_RUNTIME_<NAME>_<KEY>} environment
 * variables over both. Read once when the kernel starts.
 *
 * @param sources what was read, in order, for messages
 */
public record RuntimeCatalog(Map<String, RuntimeSpec> runtimes, List<String> sources) {
    static final String ENV_PREFIX = "PYMASTERY_RUNTIME_";
    private static final Set<String> KEYS = Set.of(
            "description",
            "engine",
            "image",
            "python",
            "local_python",
            "memory",
            "cpus",
            "pids",
            "network",
            "user",
            "workdir",
            "pull",
            "free_threaded",
            "gpu",
            "build",
            "env",
            "start_timeout");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    public RuntimeCatalog {
        runtimes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runtimes));
        sources = List.copyOf(sources);
    }

    public Optional<RuntimeSpec> runtime(String name) {
        return Optional.ofNullable(runtimes.get(name));
    }

    /**
     * Reads the configuration as the environment points to it.
     *
     * @throws RuntimeConfigException naming the source and key of a mistake
     */
    public static RuntimeCatalog load(Map<String, String> env) {
        ObjectNode root = builtIn();
        List<String> sources = new java.util.ArrayList<>(List.of("built-in defaults"));
        Optional<Path> file = userFile(env);
        if (file.isPresent() && Files.isRegularFile(file.get())) {
            merge(root, read(file.get()), file.get().toString());
            sources.add(file.get().toString());
        } else if (!env.getOrDefault("PYMASTERY_RUNTIMES", "").isBlank()) {
            throw new RuntimeConfigException(
                    "PYMASTERY_RUNTIMES names " + file.orElseThrow() + ", which is not a readable file");
        }
        if (applyEnvironment(root, env)) {
            sources.add(ENV_PREFIX + "* environment variables");
        }
        return new RuntimeCatalog(specs(root, String.join(" + ", sources)), sources);
    }

    static Optional<Path> userFile(Map<String, String> env) {
        String explicit = env.getOrDefault("PYMASTERY_RUNTIMES", "");
        if (!explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        String config = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path base = config.isBlank() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(config);
        return Optional.of(base.resolve("pymastery").resolve("runtimes.yaml"));
    }

    private static ObjectNode builtIn() {
        try (InputStream in = RuntimeCatalog.class.getResourceAsStream("default-runtimes.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default-runtimes.yaml missing from the kernel jar");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode read(Path file) {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            if (node == null || node.isNull() || node.isMissingNode()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new RuntimeConfigException(file + ": expected a mapping with defaults and runtimes");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new RuntimeConfigException(file + ": cannot read: " + e.getMessage());
        } catch (JacksonException e) {
            throw new RuntimeConfigException(file + ": not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static void merge(ObjectNode into, ObjectNode from, String source) {
        from.forEachEntry((key, value) -> {
            if (!key.equals("defaults") && !key.equals("runtimes")) {
                throw new RuntimeConfigException(
                        source + ": unknown top-level key '" + key + "' (expected defaults and runtimes)");
            }
            if (!value.isObject()) {
                throw new RuntimeConfigException(source + ": '" + key + "' must be a mapping");
            }
            ObjectNode target = into.withObjectProperty(key);
            value.forEachEntry((name, setting) -> {
                if (key.equals("runtimes")) {
                    if (!setting.isObject()) {
                        throw new RuntimeConfigException(source + ": runtime '" + name + "' must be a mapping");
                    }
                    target.withObjectProperty(name).setAll((ObjectNode) setting);
                } else {
                    target.set(name, setting);
                }
            });
        });
    }

    /** Applies PYMASTERY_RUNTIME_<NAME>_<KEY>; returns whether any was set. */
    private static boolean applyEnvironment(ObjectNode root, Map<String, String> env) {
        List<String> keys = KEYS.stream()
                .map(key -> key.toUpperCase(Locale.ROOT))
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        boolean any = false;
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            if (!variable.getKey().startsWith(ENV_PREFIX)) {
                continue;
            }
            String rest = variable.getKey().substring(ENV_PREFIX.length());
            String key = keys.stream()
                    .filter(k -> rest.endsWith("_" + k))
                    .findFirst()
                    .orElseThrow(() -> new RuntimeConfigException(variable.getKey() + ": no such setting; the keys are "
                            + String.join(", ", new java.util.TreeSet<>(KEYS))));
            if (key.equals("ENV")) {
                throw new RuntimeConfigException(variable.getKey() + ": env can only be set in a runtimes file");
            }
            String name = rest.substring(0, rest.length() - key.length() - 1)
                    .toLowerCase(Locale.ROOT)
                    .replace('_', '-');
            ObjectNode target = name.equals("defaults")
                    ? root.withObjectProperty("defaults")
                    : root.withObjectProperty("runtimes").withObjectProperty(name);
            target.put(key.toLowerCase(Locale.ROOT), variable.getValue());
            any = true;
        }
        return any;
    }

    private static Map<String, RuntimeSpec> specs(ObjectNode root, String source) {
        ObjectNode defaults = root.withObjectProperty("defaults");
        check(defaults, source, "defaults");
        Map<String, RuntimeSpec> specs = new LinkedHashMap<>();
        root.withObjectProperty("runtimes").forEachEntry((name, node) -> {
            ObjectNode settings = defaults.deepCopy();
            check((ObjectNode) node, source, "runtime '" + name + "'");
            settings.setAll((ObjectNode) node);
            try {
                specs.put(name, spec(name, new RuntimeSettings(settings, source + ", runtime '" + name + "'")));
            } catch (IllegalArgumentException e) {
                throw new RuntimeConfigException(source + ": " + e.getMessage());
            }
        });
        return specs;
    }

    private static void check(ObjectNode node, String source, String where) {
        node.propertyNames().forEach(key -> {
            if (!KEYS.contains(key)) {
                throw new RuntimeConfigException(source + ": " + where + " has an unknown key '" + key
                        + "'; the keys are " + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
        });
    }

    private static RuntimeSpec spec(String name, RuntimeSettings s) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode envNode = s.node().path("env");
        if (!envNode.isMissingNode() && !envNode.isNull() && !envNode.isObject()) {
            throw new RuntimeConfigException(s.where() + ": env must be a mapping of NAME: value");
        }
        envNode.forEachEntry((key, value) -> env.put(key, value.asString("")));
        return new RuntimeSpec(
                name,
                s.text("description", ""),
                s.engine(),
                s.text("image", ""),
                s.text("python", "python3"),
                s.text("local_python", "python3"),
                s.bytes("memory"),
                s.number("cpus"),
                (int) s.number("pids"),
                s.text("network", "none"),
                s.optionalText("user"),
                s.optionalText("workdir"),
                s.flag("pull", true),
                s.flag("free_threaded", false),
                s.flag("gpu", false),
                s.text("build", ""),
                env,
                Duration.ofMillis(Math.round(s.number("start_timeout") * 1000)));
    }
}

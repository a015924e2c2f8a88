package dev.pymastery.kernel.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a kernelspec that jupyter_client finds, and a self-contained copy of the kernel's jars it
 * points at, so a later rebuild or {@code mvn clean} does not break installed kernels. Jars are
 * hard-linked where the file system allows (our own jars, rebuilt in place, are always copied); a
 * distribution is named by a hash of its contents and shared by kernelspecs that use the same build.
 */
public final class KernelSpecInstaller {
    private static final String[] LOGOS = {"logo-32x32.png", "logo-64x64.png", "logo-svg.svg"};
    /** The kernel JVM's flags and class path, read by the launcher when it starts a kernel process. */
    static final String JVM_ARGS = "kernel-jvm.args";
    /** The kernelspec's variable naming folders that GraalPy cells import from (as PYTHONPATH, after the kernel's own). */
    public static final String GUEST_PATH = "PYMASTERY_PYTHONPATH";

    private final ObjectMapper json;

    public KernelSpecInstaller(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param build the kernel as built: {@code pymastery-kernel.jar} beside {@code lib/} and {@code jvmci/}
     * @param java the java executable the kernel will run with
     * @param javaFeature that java's feature version
     * @param heap the kernel JVM's maximum heap ({@code -Xmx}), e.g. {@code 2g}
     * @param guestPackages pure-Python package folders to copy onto GraalPy's path ({@link GuestPackages})
     */
    public record Request(
            InstallTarget target,
            String name,
            String displayName,
            Path build,
            Path java,
            int javaFeature,
            Map<String, String> env,
            String heap,
            List<Path> guestPackages) {
        public Request {
            if (!name.matches("[a-zA-Z0-9._-]+")) {
                throw new IllegalArgumentException(
                        "kernel name '" + name + "' may only hold letters, digits, '.', '_' and '-'");
            }
            if (!JvmOptions.validHeap(heap)) {
                throw new IllegalArgumentException("heap size '" + heap + "' is not a size like 512m or 2g");
            }
            env = Map.copyOf(env);
            guestPackages = List.copyOf(guestPackages);
        }

        /** A request with no guest packages. */
        public Request(
                InstallTarget target,
                String name,
                String displayName,
                Path build,
                Path java,
                int javaFeature,
                Map<String, String> env,
                String heap) {
            this(target, name, displayName, build, java, javaFeature, env, heap, List.of());
        }

        /** A request with the default heap ({@link JvmOptions#DEFAULT_HEAP}). */
        public Request(
                InstallTarget target,
                String name,
                String displayName,
                Path build,
                Path java,
                int javaFeature,
                Map<String, String> env) {
            this(target, name, displayName, build, java, javaFeature, env, JvmOptions.DEFAULT_HEAP);
        }
    }

    /** Where the kernelspec was written and which distribution it runs. */
    public record Installed(Path kernelSpec, Path distribution) {}

    public Installed install(Request request) {
        Path dataDir = request.target().dataDir();
        Path distribution = copyDistribution(
                request.build(), dataDir.getParent().resolve("pymastery").resolve("dist"));
        Map<String, String> env = new java.util.LinkedHashMap<>(request.env());
        if (!request.guestPackages().isEmpty()) {
            Path site = GuestPackages.copy(
                    request.guestPackages(),
                    dataDir.getParent().resolve("pymastery").resolve("python"));
            env.putIfAbsent(GUEST_PATH, site.toString());
        }
        Path specDir = dataDir.resolve("kernels").resolve(request.name().toLowerCase(java.util.Locale.ROOT));
        try {
            Files.createDirectories(specDir);
            Files.writeString(specDir.resolve(JVM_ARGS), JvmOptions.argumentFile(kernelJvm(request, distribution)));
            Files.writeString(
                    specDir.resolve("kernel.json"),
                    json.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(kernelJson(request, env, distribution, specDir)));
            for (String logo : LOGOS) {
                try (InputStream in = KernelSpecInstaller.class.getResourceAsStream(logo)) {
                    if (in != null) {
                        Files.copy(in, specDir.resolve(logo), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kernelspec in " + specDir, e);
        }
        return new Installed(specDir, distribution);
    }

    /** Removes a kernelspec; distributions stay (other kernelspecs may use them). */
    public boolean uninstall(InstallTarget target, String name) {
        Path specDir = target.dataDir().resolve("kernels").resolve(name.toLowerCase(java.util.Locale.ROOT));
        if (!Files.isDirectory(specDir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(specDir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + specDir, e);
        }
    }

    /** The kernel process's JVM flags and class path (without the main class). */
    static List<String> kernelJvm(Request request, Path distribution) {
        List<String> args = new ArrayList<>(
                JvmOptions.kernel(request.javaFeature(), distribution.resolve("jvmci"), request.heap()));
        args.add("-cp");
        args.add(distribution.resolve("pymastery-kernel.jar")
                + java.io.File.pathSeparator
                + distribution.resolve("lib").resolve("*"));
        return args;
    }

    ObjectNode kernelJson(Request request, Map<String, String> environment, Path distribution, Path specDir) {
        ObjectNode spec = json.createObjectNode();
        ArrayNode argv = spec.putArray("argv");
        argv.add(request.java().toString());
        JvmOptions.launcher().forEach(argv::add);
        argv.add("-cp");
        argv.add(distribution.resolve("pymastery-kernel.jar").toString());
        argv.add("dev.pymastery.kernel.LaunchMain");
        argv.add("--jvm-args");
        argv.add(specDir.resolve(JVM_ARGS).toString());
        argv.add("{connection_file}");
        spec.put("display_name", request.displayName());
        spec.put("language", "python");
        spec.put("interrupt_mode", "message");
        ObjectNode env = spec.putObject("env");
        environment.forEach(env::put);
        ObjectNode metadata = spec.putObject("metadata");
        metadata.put("debugger", false);
        metadata.putObject("pymastery").put("distribution", distribution.toString());
        return spec;
    }

    private static Path copyDistribution(Path build, Path distRoot) {
        List<Path> files = distributionFiles(build);
        String id = contentHash(build, files);
        Path target = distRoot.resolve(id);
        try {
            return ContentFolder.publishOnce(target, id + "\n", staging -> copyJars(build, files, staging));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the kernel into " + target, e);
        }
    }

    private static void copyJars(Path build, List<Path> files, Path staging) throws IOException {
        for (Path file : files) {
            Path destination = staging.resolve(build.relativize(file));
            Files.createDirectories(destination.getParent());
            if (file.getFileName().toString().startsWith("pymastery-")) {
                // Our own jars are rewritten in place by the next build: a hard link would
                // change them under running kernels. Released libraries are never rewritten.
                Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try {
                    Files.createLink(destination, file);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<Path> distributionFiles(Path build) {
        Path jar = build.resolve("pymastery-kernel.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no kernel jar in " + build + "; build first (./pymastery build)");
        }
        List<Path> files = new ArrayList<>();
        files.add(jar);
        for (String folder : new String[] {"lib", "jvmci"}) {
            try (Stream<Path> jars = Files.list(build.resolve(folder))) {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "no " + folder + "/ in " + build + "; build first (./pymastery build)", e);
            }
        }
        return files;
    }

    private static String contentHash(Path build, List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(build.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Long.toString(Files.size(file)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            digest.update(Files.readAllBytes(build.resolve("pymastery-kernel.jar")));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}

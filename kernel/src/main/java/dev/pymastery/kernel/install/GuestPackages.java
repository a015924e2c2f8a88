package dev.pymastery.kernel.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Pure-Python packages taken from the Python that runs Jupyter and put where GraalPy cells import
 * them. Widgets are the case: the frontend's widget manager (jupyterlab_widgets) comes with
 * ipywidgets in Jupyter's environment, so the kernel side taken from there speaks the protocol
 * version the frontend expects. ipywidgets 8 talks to the kernel through the {@code comm} package,
 * which the kernel provides; ipywidgets 7 and older import ipykernel and are not taken.
 */
public final class GuestPackages {
    /** The packages widgets need in GraalPy, and the oldest ipywidgets that runs on the kernel's comm. */
    static final List<String> WIDGETS = List.of("ipywidgets", "traitlets");

    static final int IPYWIDGETS_MAJOR = 8;

    /** Finds a package's folder and version without importing it (an import could start anything). */
    private static final String PROBE = """
            import importlib.metadata, importlib.util, json, sys
            out = {}
            for name in sys.argv[1:]:
                try:
                    spec = importlib.util.find_spec(name)
                    if spec is None or not spec.submodule_search_locations:
                        out[name] = {"error": "not installed"}
                        continue
                    out[name] = {"path": list(spec.submodule_search_locations)[0],
                                 "version": importlib.metadata.version(name)}
                except Exception as error:
                    out[name] = {"error": "%s: %s" % (type(error).__name__, error)}
            print(json.dumps(out))
            """;

    /** What was found: the package folders to copy (empty when widgets cannot be had) and a line saying so. */
    public record Found(List<Path> packages, String summary) {
        public Found {
            packages = List.copyOf(packages);
        }
    }

    private GuestPackages() {}

    /** ipywidgets 8+ and traitlets from {@code python}, or none with the reason and the fix. */
    public static Found widgets(String python, ObjectMapper json) {
        String why;
        try {
            List<String> command = new ArrayList<>(List.of(python, "-c", PROBE));
            command.addAll(WIDGETS);
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return none("'" + python + "' could not look for ipywidgets: " + out);
            }
            JsonNode found = json.readTree(out.substring(out.lastIndexOf('\n') + 1));
            List<Path> packages = new ArrayList<>();
            for (String name : WIDGETS) {
                JsonNode entry = found.path(name);
                if (entry.has("error")) {
                    return none(python + " has no " + name + " ("
                            + entry.path("error").asString() + ")");
                }
                packages.add(Path.of(entry.path("path").asString()));
            }
            String version = found.path("ipywidgets").path("version").asString();
            if (major(version) < IPYWIDGETS_MAJOR) {
                return none(python + " has ipywidgets " + version + ", which needs ipykernel; GraalPy cells need "
                        + "ipywidgets " + IPYWIDGETS_MAJOR + " or newer");
            }
            for (Path folder : packages) {
                Path nativeFile = nativeFile(folder);
                if (nativeFile != null) {
                    return none(folder.getFileName() + " in " + folder.getParent() + " is not pure Python ("
                            + nativeFile.getFileName() + ")");
                }
            }
            return new Found(
                    packages,
                    "widgets: ipywidgets " + version + " from "
                            + packages.get(0).getParent() + " (GraalPy cells can show widgets)");
        } catch (IOException e) {
            why = "'" + python + "' did not start (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        } catch (RuntimeException e) {
            why = "'" + python + "' gave an answer that is not JSON: " + e.getMessage();
        }
        return none(why);
    }

    private static Found none(String why) {
        return new Found(
                List.of(),
                "widgets: not in GraalPy cells: " + why + ". To have them, install ipywidgets " + IPYWIDGETS_MAJOR
                        + " where Jupyter runs (pip install 'ipywidgets>=8', or Debian trixie's python3-ipywidgets),"
                        + " set PYMASTERY_PYTHON to that Python if it is not python3, and install the kernel again");
    }

    static int major(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Path nativeFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.(so|pyd|dylib)(\\..*)?"))
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * Copies the packages into a folder under {@code root} named by a hash of their contents, so
     * kernelspecs with the same packages share it and a changed package gets a new one.
     *
     * @return the folder to put on GraalPy's path
     */
    static Path copy(List<Path> packages, Path root) {
        try {
            List<Path[]> files = new ArrayList<>(); // {source, path relative to the folder made}
            for (Path folder : packages) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.toString().contains("/__pycache__/"))
                            .sorted()
                            .forEach(p -> files.add(
                                    new Path[] {p, folder.getFileName().resolve(folder.relativize(p))}));
                }
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path[] file : files) {
                digest.update(file[1].toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file[0]));
            }
            Path target = root.resolve(HexFormat.of().formatHex(digest.digest()).substring(0, 16));
            String marker =
                    String.join("\n", packages.stream().map(Path::toString).toList()) + "\n";
            return ContentFolder.publishOnce(target, marker, staging -> {
                for (Path[] file : files) {
                    Path destination = staging.resolve(file[1]);
                    Files.createDirectories(destination.getParent());
                    Files.copy(file[0], destination, StandardCopyOption.REPLACE_EXISTING);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + packages + " under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.pymastery.kernel.check;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckFiles;
import dev.pymastery.checks.WeekChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the notebook's check files: the {@code *.checks.yaml} directly in the kernel's working
 * directory (Jupyter starts the kernel in the notebook's folder) and in each parent folder up to
 * the root, plus every one below {@code PYMASTERY_CATALOG} when set. The parsed catalog is kept
 * until a file appears, disappears or changes. Thread-safe.
 */
public final class CatalogFinder {
    private final Path start;
    private final Optional<Path> extra;
    private Map<Path, String> stamps = Map.of();
    private CheckCatalog catalog = CheckCatalog.of(List.of());

    CatalogFinder(Path start, Optional<Path> extra) {
        this.start = start.toAbsolutePath().normalize();
        this.extra = extra.map(p -> p.toAbsolutePath().normalize());
    }

    /** The finder for a kernel started in {@code cwd} with {@code env}. */
    public static CatalogFinder of(Path cwd, Map<String, String> env) {
        return new CatalogFinder(
                cwd,
                Optional.ofNullable(env.get("PYMASTERY_CATALOG"))
                        .filter(s -> !s.isBlank())
                        .map(Path::of));
    }

    /**
     * The catalog of every check file found, re-read when the files changed.
     *
     * @throws dev.pymastery.checks.CheckFormatException when a file is malformed or two define one id
     */
    public synchronized CheckCatalog catalog() {
        List<Path> files = files();
        Map<Path, String> now = new LinkedHashMap<>();
        for (Path file : files) {
            now.put(file, stamp(file));
        }
        if (!now.equals(stamps)) {
            List<WeekChecks> weeks = new ArrayList<>();
            for (Path file : files) {
                weeks.add(CheckFiles.read(file));
            }
            catalog = CheckCatalog.of(weeks);
            stamps = now;
        }
        return catalog;
    }

    /** Where the finder looks, for messages: the working directory, its parents, the catalog folder. */
    public String searched() {
        return start + " and its parent folders"
                + extra.map(e -> ", and below " + e + " (PYMASTERY_CATALOG)")
                        .orElse(" (set PYMASTERY_CATALOG to a folder of check files to add more)");
    }

    /** The check files, in a stable order: nearest folder first, then the catalog folder's. */
    List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            files.addAll(list(folder, 1));
        }
        extra.ifPresent(folder -> list(folder, Integer.MAX_VALUE).stream()
                .filter(f -> !files.contains(f))
                .forEach(files::add));
        return files;
    }

    private static List<Path> list(Path folder, int depth) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder, depth)) {
            return paths.filter(p -> p.getFileName() != null
                            && p.getFileName().toString().endsWith(CheckFiles.SUFFIX)
                            && Files.isRegularFile(p))
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            // An unreadable folder (a parent we may not list) holds no checks for us.
            return List.of();
        }
    }

    private static String stamp(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            return "unreadable";
        }
    }
}

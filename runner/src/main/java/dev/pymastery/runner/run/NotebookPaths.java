package dev.pymastery.runner.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * The notebooks a run covers: files as given, folders searched recursively for {@code *.ipynb}
 * (checkpoint folders and hidden folders left out), each folder's notebooks in path order.
 */
public final class NotebookPaths {
    private NotebookPaths() {}

    /** @throws IllegalArgumentException for a path that does not exist */
    public static List<Path> expand(List<Path> paths) {
        LinkedHashSet<Path> notebooks = new LinkedHashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                notebooks.addAll(search(path));
            } else if (Files.isRegularFile(path)) {
                notebooks.add(path.normalize());
            } else {
                throw new IllegalArgumentException("no such notebook or folder: " + path);
            }
        }
        return new ArrayList<>(notebooks);
    }

    private static List<Path> search(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".ipynb"))
                    .filter(file -> folder.relativize(file).toString().isEmpty() || !hidden(folder.relativize(file)))
                    .map(Path::normalize)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + folder, e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("__pycache__")) {
                return true;
            }
        }
        return false;
    }
}

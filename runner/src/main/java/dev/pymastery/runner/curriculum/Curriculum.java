package dev.pymastery.runner.curriculum;

import dev.pymastery.checks.CheckFiles;
import dev.pymastery.checks.Track;
import dev.pymastery.runner.UsageException;
import dev.pymastery.runner.run.NotebookPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The curriculum folder ({@code notebooks/}) and its layout: {@code monthN/weekNN-slug.ipynb}, with
 * the week's checks in {@code weekNN-slug.checks.yaml} beside it, and a track's labs in a folder
 * named by the track ({@code architect/labNN-slug.ipynb}). Turns the WEEK, TRACK and PATH arguments
 * of release and validate into notebooks.
 */
final class Curriculum {
    private static final Pattern WEEK_ARGUMENT = Pattern.compile("(?:week)?(\\d{1,2})");
    private static final Pattern WEEK_FILE = Pattern.compile("week(\\d{2})(?:-.*)?\\.ipynb");

    private final Path root;

    Curriculum(Path root) {
        this.root = absolute(root);
    }

    Path root() {
        return root;
    }

    /**
     * The notebooks the arguments name, in order, each once: an existing path is a notebook or a
     * folder searched for notebooks; {@code 3}, {@code 03} or {@code week03} is that week's
     * notebooks under the root; a track's name ({@code architect}) is its labs' notebooks. No
     * arguments: every notebook under the root.
     *
     * @throws UsageException for an argument that is none of these, or a week or track without
     *     notebooks
     */
    List<Path> select(List<String> arguments) {
        if (arguments.isEmpty()) {
            return Files.isDirectory(root) ? NotebookPaths.expand(List.of(root)) : List.of();
        }
        LinkedHashSet<Path> notebooks = new LinkedHashSet<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            Matcher week = WEEK_ARGUMENT.matcher(argument.toLowerCase(Locale.ROOT));
            if (Files.exists(path)) {
                notebooks.addAll(NotebookPaths.expand(List.of(path)));
            } else if (week.matches()) {
                notebooks.addAll(week(Integer.parseInt(week.group(1))));
            } else if (track(argument).isPresent()) {
                notebooks.addAll(track(track(argument).get()));
            } else {
                throw new UsageException("'" + argument
                        + "' is neither a notebook, a folder, a week (3, 03, week03) nor a track (" + trackNames()
                        + ")");
            }
        }
        return new ArrayList<>(notebooks);
    }

    private List<Path> week(int number) {
        List<Path> all = Files.isDirectory(root) ? NotebookPaths.expand(List.of(root)) : List.<Path>of();
        List<Path> matching = all.stream()
                .filter(notebook -> week(notebook).equals(OptionalInt.of(number)))
                .toList();
        if (matching.isEmpty()) {
            TreeSet<String> weeks = new TreeSet<>();
            all.forEach(notebook -> week(notebook).ifPresent(w -> weeks.add(String.format("week%02d", w))));
            throw new UsageException(String.format(
                    "no notebook for week%02d under %s (weeks there: %s)",
                    number, root, weeks.isEmpty() ? "none" : String.join(", ", weeks)));
        }
        return matching;
    }

    private static Optional<Track> track(String argument) {
        return Arrays.stream(Track.values())
                .filter(track -> track != Track.WEEK && track.key().equals(argument.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    private static String trackNames() {
        return String.join(
                ", ",
                Arrays.stream(Track.values())
                        .filter(track -> track != Track.WEEK)
                        .map(Track::key)
                        .toList());
    }

    /** A track's labs: the notebooks in the root's folder of the track's name. */
    private List<Path> track(Track track) {
        Path folder = root.resolve(track.key());
        List<Path> labs = Files.isDirectory(folder) ? NotebookPaths.expand(List.of(folder)) : List.of();
        if (labs.isEmpty()) {
            throw new UsageException("no notebook for the " + track.key() + " track under " + folder);
        }
        return labs;
    }

    /** The week a notebook's file name gives ({@code week03-slug.ipynb} is week 3). */
    static OptionalInt week(Path notebook) {
        Matcher matcher = WEEK_FILE.matcher(notebook.getFileName().toString());
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** {@code weekNN-slug.checks.yaml} beside {@code weekNN-slug.ipynb}. */
    static Path checksFile(Path notebook) {
        String name = notebook.getFileName().toString();
        String stem = name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
        return notebook.resolveSibling(stem + CheckFiles.SUFFIX);
    }

    boolean contains(Path path) {
        return absolute(path).startsWith(root);
    }

    /**
     * Where a notebook's learner version goes below the output folder: its path below the root
     * ({@code month1/week03-slug.ipynb}), or its own folder's name and file name for a notebook
     * elsewhere.
     */
    Path releasePath(Path notebook) {
        Path absolute = absolute(notebook);
        if (absolute.startsWith(root)) {
            return root.relativize(absolute);
        }
        Path parent = absolute.getParent();
        return parent == null || parent.getFileName() == null
                ? absolute.getFileName()
                : parent.getFileName().resolve(absolute.getFileName());
    }

    private static Path absolute(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            // a symbolic link into notebooks/ must not get past the check on --out
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (java.io.IOException e) {
            return absolute;
        }
    }
}

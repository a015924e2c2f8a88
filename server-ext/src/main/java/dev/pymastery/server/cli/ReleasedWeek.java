package dev.pymastery.server.cli;

import dev.pymastery.checks.CheckFiles;
import dev.pymastery.checks.CheckFormatException;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.checks.Track;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.server.course.WeekFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A week's files in a release folder ({@code ./pymastery release WEEK --out DIR} wrote them:
 * {@code DIR/monthN/weekNN-slug.ipynb} and its checks file), read and checked before they are
 * published: notebooks must be JSON stamped for this week (or unstamped), checks files must parse
 * and be for this week.
 */
final class ReleasedWeek {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReleasedWeek() {}

    static List<WeekFile> read(Path folder, int week) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--from " + folder + " is not a folder");
        }
        Pattern mine = Pattern.compile(String.format("week%02d(?:-[^/]*)?(\\.ipynb|\\.checks\\.yaml)", week));
        List<WeekFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = path.getFileName().toString();
                if (!mine.matcher(name).matches() || name.startsWith(".")) {
                    continue;
                }
                String content = Files.readString(path, StandardCharsets.UTF_8);
                boolean notebook = name.endsWith(".ipynb");
                if (notebook) {
                    checkNotebook(path, content, week);
                } else {
                    checkChecks(path, week);
                }
                files.add(WeekFile.of(week, name, notebook ? WeekFile.Kind.NOTEBOOK : WeekFile.Kind.CHECKS, content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the release in " + folder, e);
        }
        files.sort(java.util.Comparator.comparing(WeekFile::kind).thenComparing(WeekFile::name));
        if (files.stream().noneMatch(f -> f.kind() == WeekFile.Kind.NOTEBOOK)) {
            throw new IllegalArgumentException(String.format(
                    "%s has no released notebook for week %d (week%02d-*.ipynb); release it first:"
                            + " ./pymastery release %d --out %s",
                    folder, week, week, week, folder));
        }
        return files;
    }

    private static void checkNotebook(Path path, String content, int week) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(path + " is not a notebook (not JSON): " + e.getOriginalMessage());
        }
        JsonNode stamp = root.path("metadata").path("pymastery").path("release");
        if (!stamp.isObject()) {
            throw new IllegalArgumentException(path + " is not a learner version (no metadata.pymastery.release"
                    + " stamp): publish what ./pymastery release wrote, never an instructor notebook");
        }
        if (stamp.path("week").isInt() && stamp.path("week").asInt() != week) {
            throw new IllegalArgumentException(
                    path + " was released for week " + stamp.path("week").asInt() + ", not week " + week);
        }
    }

    private static void checkChecks(Path path, int week) {
        WeekChecks checks;
        try {
            checks = CheckFiles.read(path);
        } catch (CheckFormatException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (checks.track() != Track.WEEK || checks.week() != week) {
            throw new IllegalArgumentException(path + " holds the checks of "
                    + checks.label().toLowerCase(java.util.Locale.ROOT) + ", not week " + week
                    + (checks.track() == Track.WEEK ? "" : " (a track's labs are not published: they are self-paced)"));
        }
        List<String> hidden = checks.checks().stream()
                .filter(check -> check.hidden().isPresent())
                .map(CheckSpec::id)
                .toList();
        if (!hidden.isEmpty()) {
            throw new IllegalArgumentException(path + " holds hidden tests (" + String.join(", ", hidden)
                    + "): it is an instructor's checks file; publish what ./pymastery release wrote");
        }
    }
}

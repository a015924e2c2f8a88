package dev.pymastery.progress.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %fetch WEEK}: downloads a published week's files into a folder without ever overwriting a
 * learner's notebook. A notebook that is there already with other content (the learner's work) is
 * kept, and the published one is written beside it as {@code NAME-Copy1.ipynb} (the next free
 * number), as JupyterLab names a duplicate. The checks file is the instructor's, not the learner's:
 * it is replaced when it changed, since two checks files with the same checks would stop {@code
 * %check}. Each file is written whole (a temporary file, then a rename).
 */
public final class WeekFetch {
    private WeekFetch() {}

    /** What happened to one file. */
    public sealed interface Placed {
        String name();

        /** Written where there was none. */
        record Written(String name) implements Placed {}

        /** The same content is there already. */
        record UpToDate(String name) implements Placed {}

        /** The learner's own notebook is kept; the published one went to {@code copy}. */
        record Beside(String name, String copy) implements Placed {}

        /** The checks file changed on the server and was replaced. */
        record Replaced(String name) implements Placed {}
    }

    /** What {@code %fetch WEEK} did. */
    public sealed interface Result {
        /** The server publishes no weeks. */
        record NotScheduled() implements Result {}

        /** The week is not published to this learner (yet); {@code open} lists those that are. */
        record NotPublished(int week, List<Integer> open) implements Result {}

        record Fetched(PublishedWeeks.Week week, List<Placed> files) implements Result {}
    }

    public static Result fetch(ProgressClient client, int week, Path folder) {
        PublishedWeeks weeks = client.publishedWeeks();
        if (!weeks.scheduled()) {
            return new Result.NotScheduled();
        }
        PublishedWeeks.Week published = weeks.week(week).orElse(null);
        if (published == null) {
            return new Result.NotPublished(
                    week, weeks.weeks().stream().map(PublishedWeeks.Week::week).toList());
        }
        List<Placed> placed = new ArrayList<>();
        for (PublishedWeeks.File file : published.files()) {
            placed.add(place(folder, file, client.download(file)));
        }
        return new Result.Fetched(published, placed);
    }

    static Placed place(Path folder, PublishedWeeks.File file, String content) {
        Path target = folder.resolve(file.name());
        if (!Files.exists(target)) {
            write(target, content);
            return new Placed.Written(file.name());
        }
        if (same(target, content)) {
            return new Placed.UpToDate(file.name());
        }
        if (!file.notebook()) {
            write(target, content);
            return new Placed.Replaced(file.name());
        }
        String stem = file.name().substring(0, file.name().length() - ".ipynb".length());
        for (int n = 1; ; n++) {
            Path copy = folder.resolve(stem + "-Copy" + n + ".ipynb");
            if (!Files.exists(copy)) {
                write(copy, content);
                return new Placed.Beside(file.name(), copy.getFileName().toString());
            }
            if (same(copy, content)) {
                return new Placed.Beside(file.name(), copy.getFileName().toString());
            }
        }
    }

    private static boolean same(Path file, String content) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).equals(content);
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Path target, String content) {
        try {
            Path temporary = target.resolveSibling("." + target.getFileName() + ".fetching");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}

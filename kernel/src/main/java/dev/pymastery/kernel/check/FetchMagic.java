package dev.pymastery.kernel.check;

import dev.pymastery.kernel.magic.LineMagic;
import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.magic.MagicContext;
import dev.pymastery.kernel.magic.MagicUsageException;
import dev.pymastery.progress.client.ProgressClientException;
import dev.pymastery.progress.client.ProgressSettings;
import dev.pymastery.progress.client.PublishedWeeks;
import dev.pymastery.progress.client.WeekFetch;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code %fetch WEEK}: downloads the week's published notebook and checks file from the progress
 * server into the notebook's folder, never overwriting the learner's own notebook ({@link
 * WeekFetch}); {@code %fetch} alone lists the published weeks. Problems (no token, no server, a
 * week not published yet) are said with what to do, never raised.
 */
final class FetchMagic implements LineMagic {
    private final LabChecks checks;
    private final Path folder;

    FetchMagic(LabChecks checks, Path folder) {
        this.checks = checks;
        this.folder = folder;
    }

    @Override
    public String name() {
        return "fetch";
    }

    @Override
    public String help() {
        return "%fetch WEEK: download the week's published notebook and checks file here; %fetch lists the weeks";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        String text = args.strip();
        if (!text.isEmpty() && !text.toLowerCase(Locale.ROOT).matches("(week)?\\d{1,2}")) {
            throw new MagicUsageException(
                    "usage: %fetch WEEK (3, 03 or week03), or %fetch to list the published weeks");
        }
        ProgressSettings settings = checks.recorder.settings();
        if (settings.token().isEmpty()) {
            context.print("No progress token is configured, so the course server cannot be asked. Ask your"
                    + " instructor for your token and put it in " + checks.recorder.tokenFile()
                    + " (or PYMASTERY_TOKEN).");
            return new Outcome.None();
        }
        try {
            context.print(text.isEmpty() ? list() : fetch(Integer.parseInt(text.replaceAll("\\D", ""))));
        } catch (ProgressClientException e) {
            context.print("Cannot reach the course server at " + settings.serverUrl() + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            context.print("Cannot write the files into " + folder + ": " + e.getMessage());
        }
        return new Outcome.None();
    }

    private String list() {
        PublishedWeeks weeks = checks.recorder.client().publishedWeeks();
        if (!weeks.scheduled()) {
            return notScheduled();
        }
        if (weeks.weeks().isEmpty()) {
            return "No week is published to you yet.";
        }
        List<String> lines = new ArrayList<>(List.of("Published weeks (%fetch WEEK downloads one):"));
        for (PublishedWeeks.Week week : weeks.weeks()) {
            lines.add("  week " + week.week() + ": " + week.title()
                    + week.deadline().map(d -> " (due " + d + ")").orElse(""));
        }
        return String.join("\n", lines);
    }

    private String fetch(int week) {
        return switch (WeekFetch.fetch(checks.recorder.client(), week, folder)) {
            case WeekFetch.Result.NotScheduled none -> notScheduled();
            case WeekFetch.Result.NotPublished not ->
                "Week " + not.week() + " is not published to you (yet)."
                        + (not.open().isEmpty() ? "" : " Published: weeks " + not.open() + ".");
            case WeekFetch.Result.Fetched fetched -> {
                List<String> lines = new ArrayList<>(List.of("Week " + week + ": "
                        + fetched.week().title()
                        + fetched.week().deadline().map(d -> " (due " + d + ")").orElse("")));
                for (WeekFetch.Placed placed : fetched.files()) {
                    lines.add("  " + describe(placed));
                }
                yield String.join("\n", lines);
            }
        };
    }

    private String describe(WeekFetch.Placed placed) {
        return switch (placed) {
            case WeekFetch.Placed.Written w -> "downloaded " + w.name() + " into " + folder;
            case WeekFetch.Placed.UpToDate u -> u.name() + " is up to date";
            case WeekFetch.Placed.Beside b ->
                b.name() + " here has your changes, so it is kept; the published version is " + b.copy();
            case WeekFetch.Placed.Replaced r -> "updated " + r.name() + " (your instructor changed the checks)";
        };
    }

    private static String notScheduled() {
        return "This course server publishes no weeks: the notebooks are already in your course folder"
                + " (./pymastery start opens them).";
    }
}

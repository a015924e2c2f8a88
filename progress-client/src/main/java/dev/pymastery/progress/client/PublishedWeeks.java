package dev.pymastery.progress.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The weeks the progress server publishes to this learner, as {@code GET /api/v1/weeks} reports them.
 *
 * @param scheduled false when the server publishes no weeks (one learner on their own machine: the
 *     notebooks are in their course folder already)
 * @param weeks the weeks open to the learner, in week order
 */
public record PublishedWeeks(boolean scheduled, List<PublishedWeeks.Week> weeks) {
    public PublishedWeeks {
        weeks = List.copyOf(weeks);
    }

    /**
     * A published week.
     *
     * @param deadline the learner's own deadline (an extension, else the week's due time), if any
     */
    public record Week(int week, String title, Instant publishedAt, Optional<Instant> deadline, List<File> files) {
        public Week {
            files = List.copyOf(files);
        }
    }

    /**
     * A released file of a week.
     *
     * @param kind {@code notebook} or {@code checks}
     * @param url relative to the server's base URL
     */
    public record File(String name, String kind, String sha256, long size, String url) {
        public boolean notebook() {
            return kind.equals("notebook");
        }
    }

    public Optional<Week> week(int week) {
        return weeks.stream().filter(w -> w.week() == week).findFirst();
    }
}

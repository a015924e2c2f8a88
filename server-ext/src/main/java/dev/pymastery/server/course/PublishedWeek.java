package dev.pymastery.server.course;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A week on the schedule.
 *
 * @param publishedAt from when learners see it and may attempt its checks
 * @param dueAt its deadline, if it has one; attempts after a learner's deadline are late
 * @param files its released files, without their content
 */
public record PublishedWeek(int week, Instant publishedAt, Optional<Instant> dueAt, List<FileInfo> files) {
    public PublishedWeek {
        files = List.copyOf(files);
        if (dueAt.isPresent() && dueAt.get().isBefore(publishedAt)) {
            throw new IllegalArgumentException("week " + week + " would be due (" + dueAt.get()
                    + ") before it is published (" + publishedAt + ")");
        }
    }

    /** A released file as listed: name, kind, checksum and size. */
    public record FileInfo(String name, WeekFile.Kind kind, String sha256, int size) {}

    /** Whether learners see it at {@code now}. */
    public boolean openAt(Instant now) {
        return !publishedAt.isAfter(now);
    }
}

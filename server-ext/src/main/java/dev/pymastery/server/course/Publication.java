package dev.pymastery.server.course;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ./pymastery server publish} stores: a week, from when learners see it, its due time,
 * and its released files (at least one notebook).
 */
public record Publication(int week, Instant publishedAt, Optional<Instant> dueAt, List<WeekFile> files) {
    public Publication {
        files = List.copyOf(files);
        if (week < 1 || week > 99) {
            throw new IllegalArgumentException("week must be 1..99, not " + week);
        }
        if (dueAt.isPresent() && dueAt.get().isBefore(publishedAt)) {
            throw new IllegalArgumentException("--due " + dueAt.get() + " is before --at " + publishedAt
                    + "; a week is due after it is published");
        }
        if (files.stream().noneMatch(f -> f.kind() == WeekFile.Kind.NOTEBOOK)) {
            throw new IllegalArgumentException("week " + week + " has no released notebook to publish");
        }
        Set<String> names = new HashSet<>();
        for (WeekFile file : files) {
            if (file.week() != week) {
                throw new IllegalArgumentException(file.name() + " belongs to week " + file.week() + ", not " + week);
            }
            if (!names.add(file.name())) {
                throw new IllegalArgumentException("two released files are called " + file.name());
            }
        }
    }
}

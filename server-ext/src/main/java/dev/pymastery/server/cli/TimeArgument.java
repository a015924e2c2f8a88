package dev.pymastery.server.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A time on the command line ({@code --at}, {@code --due}, {@code --until}): {@code now}, an RFC
 * 3339 time with its offset ({@code 2026-01-12T09:00:00+01:00}, {@code ...Z}), or a local time or
 * date in this machine's time zone ({@code 2026-01-12T09:00}, {@code 2026-01-12 09:00}, {@code
 * 2026-01-12} meaning its start), as instructors write them.
 */
final class TimeArgument {
    private TimeArgument() {}

    static Instant parse(String option, String text, Clock clock) {
        String value = text.strip();
        if (value.equalsIgnoreCase("now")) {
            return clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
        ZoneId zone = clock.getZone();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset; try a local time
        }
        try {
            return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // not a local time; try a date
        }
        try {
            return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " takes 'now', 2026-01-12T09:00:00+01:00 (RFC 3339), or a local time"
                    + " 2026-01-12T09:00 or date 2026-01-12 in " + zone + "; not '" + text + "'");
        }
    }

    /** How the commands print a time: UTC, and local to this machine. */
    static String describe(Instant time, Clock clock) {
        ZonedDateTime local = time.atZone(clock.getZone());
        return time + " (" + local.format(DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z")) + ")";
    }
}

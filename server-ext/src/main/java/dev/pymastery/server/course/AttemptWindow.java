package dev.pymastery.server.course;

import dev.pymastery.checks.CheckSpec;
import dev.pymastery.checks.Track;
import dev.pymastery.progress.client.Attempt;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.store.ScheduleStore;
import java.util.Optional;

/**
 * When a learner may attempt a week's checks: any time without a schedule; from the week's
 * publication on with one. Instructors may attempt any week (they try weeks out before publishing).
 * A track's labs are not on the schedule: always open to everyone (decision 0014).
 */
public final class AttemptWindow {
    private final ScheduleStore schedule;

    public AttemptWindow(ScheduleStore schedule) {
        this.schedule = schedule;
    }

    /** Why the attempt at {@code check} is refused, or empty when it may be recorded. One query for a week's. */
    public Optional<String> refusal(Person person, Attempt attempt, CheckSpec check) {
        if (person.isInstructor() || check.track() != Track.WEEK) {
            return Optional.empty();
        }
        int week = check.week();
        WeekGate gate = schedule.gate(week);
        if (!gate.scheduled()) {
            return Optional.empty();
        }
        if (gate.publishedAt().isEmpty()) {
            return Optional.of("week " + week + " is not published on this server, so its checks cannot be"
                    + " attempted yet; your instructor publishes it (GET api/v1/weeks lists the published weeks)");
        }
        if (attempt.attemptedAt().isBefore(gate.publishedAt().get())) {
            return Optional.of("'attemptedAt' " + attempt.attemptedAt() + " is before week " + week
                    + " was published (" + gate.publishedAt().get()
                    + "); attempts count from the publication on: check the computer's clock and run the check again");
        }
        return Optional.empty();
    }
}

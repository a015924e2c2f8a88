package dev.pymastery.server.course;

import dev.pymastery.server.store.ScheduleStore;
import java.time.Clock;

/** Reads the {@link Schedule} now: one query, so each request sees one consistent schedule. */
public final class CourseSchedule {
    private final ScheduleStore store;
    private final Clock clock;

    public CourseSchedule(ScheduleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Schedule now() {
        return Schedule.of(clock.instant(), store.weeks());
    }

    public ScheduleStore store() {
        return store;
    }
}

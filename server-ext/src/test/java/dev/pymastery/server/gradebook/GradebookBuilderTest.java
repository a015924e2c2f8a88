package dev.pymastery.server.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.server.course.PublishedWeek;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.review.ScoreOverride;
import dev.pymastery.server.store.CheckState;
import dev.pymastery.server.store.LateResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Points that count, lab and week sums, late flags and deadlines, from hand-made store rows. */
class GradebookBuilderTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Person ANN = new Person(1, "ann", Role.LEARNER, NOW);
    private static final Person BOB = new Person(2, "bob", Role.LEARNER, NOW);

    private static CheckSpec check(String id, int points) {
        return new CheckSpec(
                id, "title of " + id, points, CheckRuntime.GRAALPY, Duration.ofSeconds(5), List.of(), "pass");
    }

    private static final WeekChecks WEEK3 = new WeekChecks(
            3,
            "Functions",
            Path.of("week03.checks.yaml"),
            List.of(
                    check("w03.closures.counter", 2),
                    check("w03.closures.reset", 1),
                    check("w03.decorators.timed", 3)));

    private static Gradebook build(
            List<Standing> standings,
            List<ScoreOverride> overrides,
            List<LateResult> late,
            Map<Long, Map<Integer, Instant>> ext) {
        PublishedWeek week = new PublishedWeek(
                3, NOW.minus(Duration.ofDays(7)), Optional.of(NOW.minus(Duration.ofDays(1))), List.of());
        return GradebookBuilder.build(new GradebookBuilder.Inputs(
                NOW, true, List.of(WEEK3), Map.of(3, week), List.of(ANN, BOB), standings, overrides, late, ext));
    }

    @Test
    void labsGroupTheirChecksAndOnlyVerifiedOrOverriddenPointsCount() {
        Gradebook book = build(
                List.of(
                        new Standing(1, "w03.closures.counter", 2, Optional.of(2), CheckState.VERIFIED),
                        new Standing(1, "w03.closures.reset", 1, Optional.empty(), CheckState.PASSED_UNVERIFIED),
                        new Standing(1, "w03.decorators.timed", 3, Optional.of(1), CheckState.FAILED),
                        new Standing(2, "w03.closures.counter", 0, Optional.of(0), CheckState.FAILED)),
                List.of(new ScoreOverride(2, "w03.decorators.timed", 2, "oral exam", "teacher", NOW)),
                List.of(),
                Map.of());
        assertThat(book.maxPoints()).isEqualTo(6);
        assertThat(book.weeks().get(0).labs())
                .extracting(Gradebook.LabColumn::lab, Gradebook.LabColumn::maxPoints)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("w03.closures", 3),
                        org.assertj.core.groups.Tuple.tuple("w03.decorators", 3));
        Gradebook.WeekCell ann = book.learners().get(0).weeks().get(0);
        assertThat(ann.labs()).extracting(Gradebook.LabCell::points).containsExactly(2, 1);
        assertThat(ann.labs().get(0).checks().get(1).claimedPoints()).isEqualTo(1);
        assertThat(ann.points()).isEqualTo(3);
        Gradebook.LearnerRow bob = book.learners().get(1);
        assertThat(bob.points()).isEqualTo(2);
        Gradebook.CheckCell timed = bob.weeks().get(0).labs().get(1).checks().get(0);
        assertThat(timed.state()).isEqualTo(CheckState.NOT_STARTED);
        assertThat(timed.override()).map(Gradebook.OverrideNote::reason).contains("oral exam");
        assertThat(GradebookCsv.of(book).lines())
                .containsExactly(
                        "learner,w03.closures,w03.decorators,w03,w03_late,total,max_total,late_weeks",
                        "ann,2,1,3,,3,6,0",
                        "bob,0,2,2,,2,6,0");
    }

    @Test
    void aTracksLabIsItsOwnUnitWithoutTheDueTimeOrExtensionsOfTheWeekOfItsNumber() {
        WeekChecks lab3 = new WeekChecks(
                3,
                "Descriptors",
                Path.of("lab03.checks.yaml"),
                List.of(check("a03.typed-field.rejects", 2)),
                dev.pymastery.checks.Track.ARCHITECT);
        PublishedWeek week = new PublishedWeek(
                3, NOW.minus(Duration.ofDays(7)), Optional.of(NOW.minus(Duration.ofDays(1))), List.of());
        Gradebook book = GradebookBuilder.build(new GradebookBuilder.Inputs(
                NOW,
                true,
                List.of(WEEK3, lab3),
                Map.of(3, week),
                List.of(ANN),
                List.of(new Standing(1, "a03.typed-field.rejects", 2, Optional.of(2), CheckState.VERIFIED)),
                List.of(),
                List.of(),
                Map.of(1L, Map.of(3, NOW.plus(Duration.ofDays(2))))));
        Gradebook.WeekColumn column = book.weeks().get(1);
        assertThat(column.unit()).isEqualTo("a03");
        assertThat(column.label()).isEqualTo("Architect lab 3");
        assertThat(column.publishedAt()).isEmpty();
        assertThat(column.dueAt()).isEmpty();
        assertThat(column.labs()).extracting(Gradebook.LabColumn::lab).containsExactly("a03.typed-field");
        Gradebook.WeekCell cell = book.learners().get(0).weeks().get(1);
        assertThat(cell.points()).isEqualTo(2);
        assertThat(cell.deadline()).isEmpty();
        assertThat(cell.extended()).isFalse();
        assertThat(book.learners().get(0).weeks().get(0).extended()).isTrue();
        assertThat(GradebookCsv.of(book).lines())
                .containsExactly(
                        "learner,w03.closures,w03.decorators,w03,w03_late,a03.typed-field,a03,total,max_total,late_weeks",
                        "ann,0,0,0,,2,2,2,8,0");
    }

    @Test
    void pointsEarnedOnlyAfterTheDeadlineAreLateAndTheDeadlineIsTheLearnersOwn() {
        Instant extension = NOW.plus(Duration.ofDays(2));
        Gradebook book = build(
                List.of(
                        new Standing(1, "w03.closures.counter", 2, Optional.of(2), CheckState.VERIFIED),
                        new Standing(1, "w03.closures.reset", 1, Optional.of(1), CheckState.VERIFIED),
                        new Standing(2, "w03.closures.counter", 2, Optional.of(2), CheckState.VERIFIED)),
                List.of(),
                List.of(
                        // ann had it verified in time too: a late retry changes nothing
                        new LateResult(1, "w03.closures.counter", Optional.of(2), 1),
                        // ann's only pass came late
                        new LateResult(1, "w03.closures.reset", Optional.empty(), 2),
                        // bob had 0 in time, 2 late
                        new LateResult(2, "w03.closures.counter", Optional.of(0), 1)),
                Map.of(2L, Map.of(3, extension)));
        Gradebook.WeekCell ann = book.learners().get(0).weeks().get(0);
        assertThat(ann.labs().get(0).checks())
                .extracting(Gradebook.CheckCell::late)
                .containsExactly(false, true);
        assertThat(ann.labs().get(0).checks().get(1).lateAttempts()).isEqualTo(2);
        assertThat(ann.late()).isTrue();
        assertThat(ann.deadline()).contains(NOW.minus(Duration.ofDays(1)));
        assertThat(ann.extended()).isFalse();
        Gradebook.WeekCell bob = book.learners().get(1).weeks().get(0);
        assertThat(bob.late()).isTrue();
        assertThat(bob.deadline()).contains(extension);
        assertThat(bob.extended()).isTrue();
        assertThat(GradebookCsv.of(book).lines()).contains("ann,3,0,3,late,3,6,1");
    }
}

package dev.pymastery.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckFilesTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path file = dir.resolve("week01.checks.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsAWeekWithDefaults() {
        WeekChecks week = CheckFiles.read(Path.of("src/test/resources/catalog/month1/week01-data-model.checks.yaml"));
        assertThat(week.week()).isEqualTo(1);
        assertThat(week.points()).isEqualTo(3);
        CheckSpec money = week.checks().get(0);
        assertThat(money.lab()).isEqualTo("repl-audit");
        assertThat(money.step()).isEqualTo("money-eq");
        assertThat(money.runtime()).isEqualTo(CheckRuntime.GRAALPY);
        assertThat(money.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(money.hints()).hasSize(2);
        assertThat(money.test()).contains("assert Money(10, \"EUR\")");
        CheckSpec vector = week.checks().get(1);
        assertThat(vector.runtime()).isEqualTo(CheckRuntime.STOCK);
        assertThat(vector.points()).isEqualTo(1);
        assertThat(vector.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void rejectsAnUnknownKeySoATypoIsNotSilentlyIgnored() throws IOException {
        Path file = file("week: 1\nchecks:\n  - id: w01.a.b\n    title: t\n    tset: assert True\n");
        assertThatThrownBy(() -> CheckFiles.read(file))
                .isInstanceOf(CheckFormatException.class)
                .hasMessageContaining("unknown key 'tset'")
                .hasMessageContaining(file.toString());
    }

    @Test
    void rejectsAnIdForAnotherWeek() throws IOException {
        Path file = file("week: 1\nchecks:\n  - id: w02.a.b\n    title: t\n    test: assert True\n");
        assertThatThrownBy(() -> CheckFiles.read(file)).hasMessageContaining("names week 2");
    }

    @Test
    void rejectsAMalformedIdAndMissingTest() throws IOException {
        assertThatThrownBy(() -> CheckFiles.read(file("week: 1\nchecks:\n  - id: lab1\n    title: t\n    test: x\n")))
                .hasMessageContaining("must look like w01.lab-name.step-name");
        assertThatThrownBy(() -> CheckFiles.read(file("week: 1\nchecks:\n  - id: w01.a.b\n    title: t\n")))
                .hasMessageContaining("'test' is missing");
    }

    @Test
    void rejectsDuplicateIdsAndBadRuntime() throws IOException {
        String twice = "week: 1\nchecks:\n  - {id: w01.a.b, title: t, test: x}\n  - {id: w01.a.b, title: u, test: y}\n";
        assertThatThrownBy(() -> CheckFiles.read(file(twice))).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> CheckFiles.read(
                        file("week: 1\nchecks:\n  - {id: w01.a.b, title: t, test: x, runtime: pypy}\n")))
                .hasMessageContaining("unknown runtime 'pypy'");
    }

    @Test
    void rejectsInvalidYaml() throws IOException {
        assertThatThrownBy(() -> CheckFiles.read(file("week: [1\n"))).hasMessageContaining("not valid YAML");
    }

    @Test
    void catalogFindsChecksAcrossFolders() {
        CheckCatalog catalog = CheckCatalog.load(Path.of("src/test/resources/catalog"));
        assertThat(catalog.weeks()).hasSize(1);
        assertThat(catalog.find("w01.repl-audit.vector-rmul")).isPresent();
        assertThat(catalog.find("w09.nope.nope")).isEmpty();
        assertThat(CheckCatalog.load(dir.resolve("missing")).all()).isEmpty();
    }

    @Test
    void hiddenTestsStayOutOfTheLearnersCopyWhichNamesTheLabCells() throws IOException {
        Path instructor = file("""
                week: 1
                title: Week one
                checks:
                  - id: w01.money.eq
                    title: Money compares by value
                    points: 2
                    hints: ["Compare both fields."]
                    test: |
                      assert Money(1, "EUR") == Money(1, "EUR"), "equal amounts"
                    hidden: |
                      assert Money(1, "EUR") != Money(1, "USD"), "currencies differ"
                    files: [out/report.json]
                """);
        WeekChecks week = CheckFiles.read(instructor);
        CheckSpec check = week.checks().get(0);
        assertThat(check.hidden()).contains("assert Money(1, \"EUR\") != Money(1, \"USD\"), \"currencies differ\"\n");
        assertThat(check.tests()).hasSize(2);
        assertThat(check.files()).containsExactly("out/report.json");

        Path learner = dir.resolve("learner/week01.checks.yaml");
        CheckFiles.writeLearnerCopy(
                week, java.util.Map.of("w01.money.eq", java.util.List.of("lab-1", "lab-2")), learner);
        String text = Files.readString(learner);
        assertThat(text).doesNotContain("hidden").doesNotContain("USD").contains("Compare both fields.");
        WeekChecks copy = CheckFiles.read(learner);
        CheckSpec learnerCheck = copy.checks().get(0);
        assertThat(learnerCheck.hidden()).isEmpty();
        assertThat(learnerCheck.test()).isEqualTo(check.test());
        assertThat(learnerCheck.cells()).containsExactly("lab-1", "lab-2");
        assertThat(learnerCheck.files()).containsExactly("out/report.json");
        assertThat(learnerCheck.points()).isEqualTo(2);

        CheckFiles.writeLearnerCopy(
                copy, java.util.Map.of("w01.money.eq", java.util.List.of("lab-1", "lab-2")), learner);
        assertThat(Files.readString(learner))
                .as("the same input gives the same bytes")
                .isEqualTo(text);
    }

    @Test
    void rejectsFilesOutsideTheNotebooksFolderAndAnEmptyHiddenTest() throws IOException {
        assertThatThrownBy(() -> CheckFiles.read(
                        file("week: 1\nchecks:\n  - {id: w01.a.b, title: t, test: x, files: [../secret]}\n")))
                .hasMessageContaining("without '..'");
        assertThatThrownBy(() -> CheckFiles.read(
                        file("week: 1\nchecks:\n  - {id: w01.a.b, title: t, test: x, files: [/etc/passwd]}\n")))
                .hasMessageContaining("relative");
        assertThatThrownBy(() ->
                        CheckFiles.read(file("week: 1\nchecks:\n  - {id: w01.a.b, title: t, test: x, hidden: ' '}\n")))
                .hasMessageContaining("empty hidden test");
    }

    @Test
    void readsATracksLab() throws IOException {
        WeekChecks lab = CheckFiles.read(file("track: architect\nlab: 3\ntitle: Descriptors\nchecks:\n"
                + "  - {id: a03.typed-field.rejects, title: t, test: x, runtime: architect}\n"));
        assertThat(lab.track()).isEqualTo(Track.ARCHITECT);
        assertThat(lab.week()).isEqualTo(3);
        assertThat(lab.unit()).isEqualTo("a03");
        assertThat(lab.label()).isEqualTo("Architect lab 3");
        CheckSpec check = lab.checks().getFirst();
        assertThat(check.track()).isEqualTo(Track.ARCHITECT);
        assertThat(check.unit()).isEqualTo("a03");
        assertThat(check.lab()).isEqualTo("typed-field");
        assertThat(check.step()).isEqualTo("rejects");
        assertThat(check.runtime()).isEqualTo(CheckRuntime.ARCHITECT);
    }

    @Test
    void aTracksLabAndAWeekKeepTheirOwnIds() throws IOException {
        assertThatThrownBy(() -> CheckFiles.read(
                        file("track: architect\nlab: 3\nchecks:\n  - {id: w03.a.b, title: t, test: x}\n")))
                .hasMessageContaining("names week 3 but the file is for architect lab 3")
                .hasMessageContaining("must start with a03.");
        assertThatThrownBy(() -> CheckFiles.read(file("week: 3\nchecks:\n  - {id: a03.a.b, title: t, test: x}\n")))
                .hasMessageContaining("names architect lab 3 but the file is for week 3");
        assertThatThrownBy(() -> CheckFiles.read(
                        file("track: architect\nlab: 4\nchecks:\n  - {id: a03.a.b, title: t, test: x}\n")))
                .hasMessageContaining("names architect lab 3 but the file is for architect lab 4");
    }

    @Test
    void rejectsAFileThatMixesWeekAndTrackOrNamesAnUnknownTrack() throws IOException {
        assertThatThrownBy(() -> CheckFiles.read(file("week: 3\ntrack: architect\nlab: 3\nchecks: []\n")))
                .hasMessageContaining("give 'week' alone, or 'track' and 'lab'");
        assertThatThrownBy(() -> CheckFiles.read(file("lab: 3\nchecks: []\n")))
                .hasMessageContaining("'lab' needs 'track'");
        assertThatThrownBy(() -> CheckFiles.read(file("track: wizard\nlab: 3\nchecks: []\n")))
                .hasMessageContaining("unknown track 'wizard'; use one of [week, architect]");
        assertThatThrownBy(() -> CheckFiles.read(file("track: architect\nchecks: []\n")))
                .hasMessageContaining("'lab' is missing");
        assertThatThrownBy(() -> CheckFiles.read(file("track: week\nlab: 2\nchecks: []\n")))
                .hasMessageContaining("gives 'week: N', not 'track: week'");
        assertThatThrownBy(() -> CheckFiles.read(file("week: 1\nchecks:\n  - {id: b01.a.b, title: t, test: x}\n")))
                .hasMessageContaining("a01.lab-name.step-name");
    }

    @Test
    void catalogListsTheWeeksBeforeATracksLabs() throws IOException {
        Files.writeString(
                dir.resolve("lab01.checks.yaml"),
                "track: architect\nlab: 1\nchecks:\n  - {id: a01.x.y, title: t, test: x}\n");
        Files.writeString(
                dir.resolve("lab02.checks.yaml"),
                "track: architect\nlab: 2\nchecks:\n  - {id: a02.x.y, title: t, test: x}\n");
        Files.writeString(
                dir.resolve("week02.checks.yaml"), "week: 2\nchecks:\n  - {id: w02.x.y, title: t, test: x}\n");
        Files.writeString(
                dir.resolve("zz-week01.checks.yaml"), "week: 1\nchecks:\n  - {id: w01.x.y, title: t, test: x}\n");
        CheckCatalog catalog = CheckCatalog.load(dir);
        assertThat(catalog.weeks()).extracting(WeekChecks::unit).containsExactly("w01", "w02", "a01", "a02");
        assertThat(catalog.find("a02.x.y")).map(CheckSpec::track).contains(Track.ARCHITECT);
    }

    @Test
    void aTracksLabKeepsItsTrackInTheLearnersCopy() throws IOException {
        WeekChecks lab = CheckFiles.read(file("track: architect\nlab: 3\ntitle: Descriptors\nchecks:\n"
                + "  - {id: a03.typed-field.rejects, title: t, test: x, hidden: y, runtime: architect}\n"));
        Path learner = dir.resolve("learner/lab03.checks.yaml");
        CheckFiles.writeLearnerCopy(lab, java.util.Map.of(), learner);
        WeekChecks copy = CheckFiles.read(learner);
        assertThat(copy.track()).isEqualTo(Track.ARCHITECT);
        assertThat(copy.week()).isEqualTo(3);
        assertThat(copy.checks().get(0).hidden()).isEmpty();
    }
}

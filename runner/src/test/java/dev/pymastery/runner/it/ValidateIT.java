package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.curriculum.CurriculumMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pymastery validate} on a small lab (test resources {@code curriculum/month1}) through
 * this build's kernel: two honest checks are proven both ways, and the careless one, which passes on
 * the stub, is reported. The lab's first cell also proves the kernel runs in the notebook's folder,
 * in both the instructor and the learner run.
 */
class ValidateIT {

    @Test
    void provesHonestChecksAndReportsOneThatPassesOnTheStub(@TempDir Path dir) throws Exception {
        Path lab = dir.resolve("labs/month1");
        Files.createDirectories(lab);
        Path source = Path.of(ValidateIT.class.getResource("/curriculum/month1").toURI());
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, lab.resolve(file.getFileName()));
            }
        }
        Path keep = dir.resolve("learner");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int code = CurriculumMain.run(
                List.of("validate", lab.toString(), "--keep", keep.toString()),
                dir.resolve("labs"),
                TestJupyter.dataDirs(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        String report = printed.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        assertThat(report)
                .containsPattern("w02\\.fixture\\.double +passed +failed +ok")
                .containsPattern("w02\\.fixture\\.answer +passed +failed +ok")
                .containsPattern("w02\\.fixture\\.weak +passed +passed +<-- NOT PROVEN")
                .contains("PASSES ON THE STUB")
                .doesNotContain("solution run:")
                .doesNotContain("stub run:")
                .contains("validate: 1 notebook(s), 3 check(s), 2 pass on the solution and fail on the stub");
        assertThat(code).isEqualTo(1);
        // progress comes as it runs, before the tables: each notebook, each check cell
        int table = report.indexOf("FAIL ");
        assertThat(report.indexOf("week02-fixture.ipynb (solution): started")).isBetween(0, table);
        assertThat(report.indexOf("week02-fixture.ipynb (solution): %check w02.fixture.double passed"))
                .isBetween(0, table);
        assertThat(report.indexOf("week02-fixture.ipynb (learner version): %check w02.fixture.double failed"))
                .isBetween(0, table);
        assertThat(report.indexOf("week02-fixture.ipynb (learner version): done in"))
                .isBetween(0, table);
        assertThat(keep.resolve("month1/week02-fixture.checks.yaml")).exists();
        assertThat(Files.readString(keep.resolve("month1/week02-fixture.ipynb")))
                .contains("raise NotImplementedError()")
                .contains("YOUR ANSWER HERE")
                .doesNotContain("return 2 * x")
                .doesNotContain("for instructors only");
    }
}

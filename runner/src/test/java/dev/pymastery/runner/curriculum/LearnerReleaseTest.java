package dev.pymastery.runner.curriculum;

import static dev.pymastery.runner.curriculum.Notebooks.code;
import static dev.pymastery.runner.curriculum.Notebooks.markdown;
import static dev.pymastery.runner.curriculum.Notebooks.notebook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.notebook.MultilineText;
import dev.pymastery.runner.notebook.Notebook;
import dev.pymastery.runner.notebook.NotebookFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class LearnerReleaseTest {
    private static final Path PATH = Path.of("notebooks/month1/week01-data-model.ipynb");
    private static final Optional<Set<String>> CHECKS = Optional.of(Set.of("w01.money.eq"));

    private final ObjectNode instructor = notebook(
            markdown("intro", "# Week 1"),
            code("lab", "class Money:\n    ### BEGIN SOLUTION\n    pass\n    ### END SOLUTION\n"),
            code("check", "%check w01.money.eq"),
            markdown("answer", "Why?\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION\n"),
            code("discussion", "print('only for instructors')", "instructor-only"));

    @Test
    void stubsSolutionsRemovesInstructorCellsAndClearsOutputs() {
        ObjectNode learner = released(instructor);

        assertThat(learner.path("cells").valueStream().map(c -> c.path("id").asString()))
                .containsExactly("intro", "lab", "check", "answer");
        assertThat(source(learner, 1))
                .isEqualTo("class Money:\n    # YOUR CODE HERE\n    raise NotImplementedError()\n");
        assertThat(source(learner, 2)).isEqualTo("%check w01.money.eq");
        assertThat(source(learner, 3)).isEqualTo("Why?\nYOUR ANSWER HERE\n");
        for (int i : new int[] {1, 2}) {
            JsonNode cell = learner.path("cells").get(i);
            assertThat(cell.path("outputs").isEmpty()).isTrue();
            assertThat(cell.path("execution_count").isNull()).isTrue();
        }
        assertThat(learner.path("metadata").path("pymastery").path("release").toString())
                .isEqualTo("{\"source\":\"month1/week01-data-model.ipynb\",\"week\":1}");
        assertThat(learner.path("metadata").path("kernelspec").path("name").asString())
                .isEqualTo("pymastery");
        assertThat(source(instructor, 1))
                .as("the instructor notebook is left alone")
                .contains("pass");
    }

    @Test
    void theSameInputGivesTheSameBytesAndReleasingAgainChangesNothing() {
        NotebookFiles files = new NotebookFiles();
        String once = files.format(released(instructor));
        assertThat(files.format(released(instructor))).isEqualTo(once);
        assertThat(files.format(released(released(instructor)))).isEqualTo(once);
    }

    @Test
    void problemsNameTheCellAndLineAndNothingIsReleased() {
        LearnerRelease.Outcome outcome = LearnerRelease.release(
                new Notebook(PATH, notebook(code("a", "x = 1"), code("b1", "y = 2\n### END SOLUTION\n"))),
                "month1/week01-data-model.ipynb",
                OptionalInt.of(1),
                CHECKS);
        assertThat(outcome).isInstanceOfSatisfying(LearnerRelease.Outcome.Refused.class, refused -> assertThat(
                        refused.problems())
                .extracting(Object::toString)
                .containsExactly("cell 2 (id b1) line 2: ### END SOLUTION without a ### BEGIN SOLUTION before it"));
    }

    @Test
    void aCheckMissingFromTheChecksFileIsAnError() {
        ObjectNode notebook = notebook(code("c1", "%check w01.money.eq"), code("c2", "%check w01.money.hash"));
        assertThat(LearnerRelease.release(new Notebook(PATH, notebook), "x", OptionalInt.of(1), CHECKS))
                .isInstanceOfSatisfying(
                        LearnerRelease.Outcome.Refused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(Object::toString)
                                .containsExactly(
                                        "cell 2 (id c2): %check w01.money.hash is not in the checks file (it has: [w01.money.eq])"));
        assertThat(LearnerRelease.release(new Notebook(PATH, notebook), "x", OptionalInt.of(1), Optional.empty()))
                .isInstanceOfSatisfying(LearnerRelease.Outcome.Refused.class, refused -> assertThat(
                                refused.problems().getFirst().message())
                        .contains("no checks file"));
    }

    private static ObjectNode released(ObjectNode notebook) {
        LearnerRelease.Outcome outcome = LearnerRelease.release(
                new Notebook(PATH, notebook), "month1/week01-data-model.ipynb", OptionalInt.of(1), CHECKS);
        assertThat(outcome).isInstanceOf(LearnerRelease.Outcome.Released.class);
        return ((LearnerRelease.Outcome.Released) outcome).notebook();
    }

    private static String source(ObjectNode notebook, int index) {
        return MultilineText.join(notebook.path("cells").get(index).get("source"));
    }
}

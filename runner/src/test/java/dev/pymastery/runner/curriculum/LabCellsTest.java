package dev.pymastery.runner.curriculum;

import static dev.pymastery.runner.curriculum.Notebooks.code;
import static dev.pymastery.runner.curriculum.Notebooks.markdown;
import static dev.pymastery.runner.curriculum.Notebooks.notebook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.notebook.Notebook;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabCellsTest {
    @Test
    void aChecksLabCellsRunFromTheLabHeadingToItsCellWithoutChecksOrInstructorCells() {
        Notebook week = new Notebook(
                Path.of("week05.ipynb"),
                notebook(
                        markdown("title", "# Week 5"),
                        code("demo", "x = 1"),
                        code("helpers", "import math", LabCells.SETUP),
                        markdown("lab", "## 3 · Lab — Build a Tiny ORM"),
                        code("given", "import inspect"),
                        code("task1", "### BEGIN SOLUTION\nclass Field: pass\n### END SOLUTION"),
                        code("check1", "%check w05.orm.field"),
                        code("notes", "print('grading notes')", LearnerRelease.INSTRUCTOR_ONLY),
                        code("task2", "%%cpython\nclass Model: pass"),
                        code("check2", "# the model\n%check w05.orm.model"),
                        markdown("p4", "## 4 · Idiom drill"),
                        code("drill", "y = 2")));
        assertThat(LabCells.of(week))
                .containsEntry("w05.orm.field", List.of("helpers", "given", "task1"))
                .containsEntry("w05.orm.model", List.of("helpers", "given", "task1", "task2"))
                .hasSize(2);
    }

    @Test
    void withoutALabHeadingTheLabStartsAtTheTop() {
        Notebook lab = new Notebook(
                Path.of("lab01.ipynb"), notebook(code("setup", "import dis"), code("chk", "%check a01.dis.fold")));
        assertThat(LabCells.of(lab)).containsEntry("a01.dis.fold", List.of("setup"));
    }
}

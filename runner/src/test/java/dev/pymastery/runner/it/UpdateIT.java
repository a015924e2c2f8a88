package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.it.TestNotebooks.Cell;
import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.notebook.Notebook;
import dev.pymastery.runner.notebook.NotebookFiles;
import dev.pymastery.runner.report.CellVerdict;
import dev.pymastery.runner.report.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --update} stores a fresh run's outputs and keeps everything else: metadata, cell ids,
 * skipped cells' outputs, nbformat's layout; a cell without an id gets one. A notebook whose cells
 * do not all run cleanly is left alone. Uses ipykernel.
 */
class UpdateIT {

    @Test
    void updateStoresFreshOutputsAndTheNextRunPasses(@TempDir Path dir) throws Exception {
        TestJupyter.requirePythonJupyter();
        Path stale = dir.resolve("stale.ipynb");
        Files.writeString(stale, """
                {"nbformat": 4, "nbformat_minor": 5,
                 "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                              "pymastery": {"week": 3}},
                 "cells": [
                  {"cell_type": "markdown", "id": "title", "metadata": {"editable": false}, "source": ["# Week 3"]},
                  {"cell_type": "code", "id": "stale", "metadata": {"tags": ["lab"]}, "execution_count": 5,
                   "outputs": [{"output_type": "stream", "name": "stdout", "text": ["3\\n"]}], "source": "print(1 + 1)"},
                  {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": "6 * 7"},
                  {"cell_type": "code", "id": "skipped", "metadata": {}, "execution_count": 9,
                   "outputs": [{"output_type": "stream", "name": "stdout", "text": "keep me\\n"}],
                   "source": "# NBVAL_SKIP\\nprint('not run')"}
                 ]}
                """);
        Path broken = TestNotebooks.write(
                dir.resolve("broken.ipynb"),
                "python3",
                List.of(Cell.of("stale", "print(2)", "1\n"), Cell.of("raises", "1 / 0", "")));
        String brokenBefore = Files.readString(broken);

        TestJupyter.Run update = TestJupyter.nbval(dir.toString(), "--update");

        assertThat(update.events())
                .contains(new RunEvent.UpdateSkipped(
                        broken, "cell 2 (id raises) raised ZeroDivisionError: division by zero"));
        assertThat(update.events()).contains(new RunEvent.NotebookWritten(stale, stale, true));
        assertThat(Files.readString(broken)).isEqualTo(brokenBefore);
        assertThat(Verdicts.byId(update.summary().notebooks().get(1)).get("stale"))
                .isInstanceOf(CellVerdict.Updated.class);
        assertThat(update.report()).contains("[UPDATED] " + stale + " cell 2 (id stale)");

        Notebook updated = new NotebookFiles().read(stale);
        List<CodeCell> cells = updated.codeCells();
        assertThat(cells.get(0).outputs().getFirst().path("text").asString()).isEqualTo("2\n");
        assertThat(cells.get(0).executionCount()).hasValue(1);
        assertThat(cells.get(0).tags()).containsExactly("lab");
        assertThat(cells.get(1).id()).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{8}"));
        assertThat(cells.get(1)
                        .outputs()
                        .getFirst()
                        .path("data")
                        .path("text/plain")
                        .asString())
                .isEqualTo("42");
        assertThat(cells.get(2).outputs().getFirst().path("text").asString()).isEqualTo("keep me\n");
        assertThat(cells.get(2).executionCount()).hasValue(9);
        assertThat(updated.json()
                        .path("metadata")
                        .path("pymastery")
                        .path("week")
                        .asInt())
                .isEqualTo(3);
        assertThat(updated.json()
                        .path("cells")
                        .get(0)
                        .path("metadata")
                        .path("editable")
                        .asBoolean(true))
                .isFalse();
        assertThat(Files.readString(stale))
                .as("written in nbformat's layout")
                .contains("\"source\": [\n    \"print(1 + 1)\"\n   ]");

        TestJupyter.Run again = TestJupyter.nbval(stale.toString());
        assertThat(again.summary().exitCode()).isZero();
    }
}

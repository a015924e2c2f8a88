package dev.pymastery.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.notebook.Notebook;
import dev.pymastery.runner.report.CellResult;
import dev.pymastery.runner.report.CellVerdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ExecutedNotebookTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void freshOutputsReplaceStoredOnesAndTheRestStays() {
        Notebook notebook = notebook(5, """
                {"cells": [
                  {"cell_type": "markdown", "id": "md", "metadata": {}, "source": "# Title"},
                  {"cell_type": "code", "id": "ran", "metadata": {"tags": ["x"]}, "execution_count": 7,
                   "outputs": [{"output_type": "stream", "name": "stdout", "text": "old"}], "source": "print(1)"},
                  {"cell_type": "code", "id": "skipped", "metadata": {}, "execution_count": 8,
                   "outputs": [{"output_type": "stream", "name": "stdout", "text": "kept"}], "source": "x"}
                ]}""");
        List<CodeCell> cells = notebook.codeCells();
        ObjectNode fresh = json.createObjectNode()
                .put("output_type", "stream")
                .put("name", "stdout")
                .put("text", "1\n");
        List<CellResult> results = List.of(
                new CellResult(
                        cells.get(0),
                        new CellVerdict.Passed(),
                        Optional.of(List.of(fresh)),
                        OptionalInt.of(1),
                        Duration.ZERO),
                CellResult.notRun(cells.get(1), new CellVerdict.Skipped("NBVAL_SKIP")));

        ObjectNode executed = ExecutedNotebook.of(notebook, results);

        assertThat(executed.path("cells")
                        .get(1)
                        .path("outputs")
                        .get(0)
                        .path("text")
                        .asString())
                .isEqualTo("1\n");
        assertThat(executed.path("cells").get(1).path("execution_count").asInt())
                .isEqualTo(1);
        assertThat(executed.path("cells")
                        .get(1)
                        .path("metadata")
                        .path("tags")
                        .get(0)
                        .asString())
                .isEqualTo("x");
        assertThat(executed.path("cells")
                        .get(2)
                        .path("outputs")
                        .get(0)
                        .path("text")
                        .asString())
                .isEqualTo("kept");
        assertThat(executed.path("cells").get(2).path("execution_count").asInt())
                .isEqualTo(8);
        assertThat(notebook.json()
                        .path("cells")
                        .get(1)
                        .path("outputs")
                        .get(0)
                        .path("text")
                        .asString())
                .as("the read notebook is not changed")
                .isEqualTo("old");
    }

    @Test
    void nbformat45CellsWithoutValidUniqueIdsGetOne() {
        Notebook notebook = notebook(5, """
                {"cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": ""},
                  {"cell_type": "code", "id": "same", "metadata": {}, "execution_count": null, "outputs": [], "source": ""},
                  {"cell_type": "code", "id": "same", "metadata": {}, "execution_count": null, "outputs": [], "source": ""},
                  {"cell_type": "code", "id": "bad id!", "metadata": {}, "execution_count": null, "outputs": [], "source": ""}
                ]}""");
        ObjectNode executed = ExecutedNotebook.of(notebook, List.of());
        List<String> ids = executed.path("cells")
                .valueStream()
                .map(c -> c.path("id").asString(""))
                .toList();
        assertThat(ids.get(1)).isEqualTo("same");
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-zA-Z0-9_-]{1,64}"));
        assertThat(ids.get(0)).matches("[0-9a-f]{8}");
    }

    @Test
    void olderNotebooksGetNoIds() {
        Notebook notebook = notebook(4, """
                {"cells": [{"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": ""}]}""");
        assertThat(ExecutedNotebook.of(notebook, List.of()).path("cells").get(0).has("id"))
                .isFalse();
    }

    private Notebook notebook(int minor, String cells) {
        ObjectNode root = (ObjectNode) json.readTree(cells);
        root.put("nbformat", 4).put("nbformat_minor", minor).putObject("metadata");
        return new Notebook(Path.of("test.ipynb"), root);
    }
}

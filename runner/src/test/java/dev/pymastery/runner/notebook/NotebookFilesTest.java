package dev.pymastery.runner.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotebookFilesTest {
    private final NotebookFiles files = new NotebookFiles();

    /** Both fixtures were written by Python's nbformat 5.5; writing them back must not change a byte. */
    @ParameterizedTest
    @ValueSource(strings = {"semantics.ipynb", "format.ipynb"})
    void writesNotebooksByteForByteAsNbformatDoes(String name) throws Exception {
        Path path = fixture(name);
        Notebook notebook = files.read(path);
        assertThat(files.format(notebook.json())).isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
    }

    @Test
    void readsCodeCellsWithNumbersIdsTagsAndJoinedOutputs() throws Exception {
        Notebook notebook = files.read(fixture("format.ipynb"));
        assertThat(notebook.kernelName()).contains("python3");
        assertThat(notebook.nbformatMinor()).isEqualTo(4);
        List<CodeCell> cells = notebook.codeCells();
        assertThat(cells).extracting(CodeCell::number).containsExactly(3, 4);
        CodeCell cell = cells.get(1);
        assertThat(cell.id()).isEmpty();
        assertThat(cell.label()).isEqualTo("cell 4");
        assertThat(cell.tags()).containsExactly("nbval-ignore-output");
        assertThat(cell.source()).isEqualTo("print('é')\n{'b': 1}");
        assertThat(cell.executionCount()).hasValue(2);
        assertThat(cell.outputs().get(0).path("text").asString()).isEqualTo("é\r\nline\rcr\n");
        assertThat(cell.outputs().get(2).path("data").path("text/html").asString())
                .isEqualTo("<p>\n</p>");
        assertThat(cells.get(0).executionCount()).isEmpty();
    }

    @Test
    void writesAtomically(@TempDir Path dir) throws Exception {
        Notebook notebook = files.read(fixture("semantics.ipynb"));
        Path target = dir.resolve("sub/copy.ipynb");
        files.write(target, notebook.json());
        assertThat(Files.readString(target)).isEqualTo(files.format(notebook.json()));
        try (var left = Files.list(target.getParent())) {
            assertThat(left).containsExactly(target);
        }
    }

    @Test
    void rejectsWhatIsNotAnNbformat4Notebook(@TempDir Path dir) throws Exception {
        Path v3 = Files.writeString(dir.resolve("old.ipynb"), "{\"nbformat\": 3, \"worksheets\": []}");
        assertThatThrownBy(() -> files.read(v3))
                .isInstanceOf(NotebookFormatException.class)
                .hasMessageContaining("nbformat 3");
        Path broken = Files.writeString(dir.resolve("broken.ipynb"), "{\"cells\": [");
        assertThatThrownBy(() -> files.read(broken))
                .isInstanceOf(NotebookFormatException.class)
                .hasMessageContaining("not valid JSON");
    }

    static Path fixture(String name) throws Exception {
        return Path.of(NotebookFilesTest.class.getResource("/notebooks/" + name).toURI());
    }
}

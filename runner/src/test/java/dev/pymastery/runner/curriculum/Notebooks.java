package dev.pymastery.runner.curriculum;

import dev.pymastery.runner.notebook.NotebookFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Instructor notebooks and checks files for the release and validate tests. */
final class Notebooks {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Notebooks() {}

    static ObjectNode notebook(ObjectNode... cells) {
        ObjectNode notebook = JSON.createObjectNode();
        notebook.put("nbformat", 4).put("nbformat_minor", 5);
        ObjectNode metadata = notebook.putObject("metadata");
        metadata.putObject("kernelspec")
                .put("name", "pymastery")
                .put("display_name", "Python Mastery (GraalPy)")
                .put("language", "python");
        ArrayNode array = notebook.putArray("cells");
        for (ObjectNode cell : cells) {
            array.add(cell);
        }
        return notebook;
    }

    static ObjectNode code(String id, String source, String... tags) {
        ObjectNode cell = cell("code", id, source, tags);
        cell.put("execution_count", 7);
        cell.putArray("outputs")
                .addObject()
                .put("output_type", "stream")
                .put("name", "stdout")
                .put("text", "out\n");
        return cell;
    }

    static ObjectNode markdown(String id, String source, String... tags) {
        return cell("markdown", id, source, tags);
    }

    private static ObjectNode cell(String type, String id, String source, String... tags) {
        ObjectNode cell = JSON.createObjectNode();
        cell.put("cell_type", type).put("id", id).put("source", source);
        ArrayNode array = cell.putObject("metadata").putArray("tags");
        for (String tag : tags) {
            array.add(tag);
        }
        return cell;
    }

    static Path write(Path file, ObjectNode notebook) {
        new NotebookFiles().write(file, notebook);
        return file;
    }

    /** A checks file with one trivial check per id (week, or the Architect track's lab, from the first id). */
    static Path checks(Path file, String... ids) {
        int number = Integer.parseInt(ids[0].substring(1, 3));
        StringBuilder yaml = new StringBuilder(
                (ids[0].startsWith("a") ? "track: architect\nlab: " : "week: ") + number + "\ntitle: Test\nchecks:\n");
        for (String id : ids) {
            yaml.append("  - id: ")
                    .append(id)
                    .append("\n    title: ")
                    .append(id)
                    .append("\n    test: |\n      assert True\n")
                    .append("    hidden: |\n      assert 'hidden' != 'shipped'\n");
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

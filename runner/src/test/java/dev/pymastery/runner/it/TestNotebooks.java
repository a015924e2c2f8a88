package dev.pymastery.runner.it;

import dev.pymastery.runner.notebook.NotebookFiles;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Small nbformat 4.5 notebooks written by tests. */
final class TestNotebooks {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestNotebooks() {}

    /**
     * A code cell.
     *
     * @param stdout the stored stdout, or null for a cell stored as never run
     */
    record Cell(String id, String source, String stdout, List<String> tags) {
        static Cell of(String id, String source, String stdout, String... tags) {
            return new Cell(id, source, stdout, List.of(tags));
        }
    }

    static Path write(Path file, String kernel, List<Cell> cells) {
        ObjectNode notebook = JSON.createObjectNode();
        notebook.put("nbformat", 4).put("nbformat_minor", 5);
        ObjectNode kernelspec = notebook.putObject("metadata").putObject("kernelspec");
        kernelspec.put("name", kernel).put("display_name", kernel).put("language", "python");
        ArrayNode array = notebook.putArray("cells");
        int count = 0;
        for (Cell cell : cells) {
            ObjectNode node = array.addObject();
            node.put("cell_type", "code").put("id", cell.id()).put("source", cell.source());
            ArrayNode tags = node.putObject("metadata").putArray("tags");
            cell.tags().forEach(tags::add);
            ArrayNode outputs = node.putArray("outputs");
            if (cell.stdout() == null) {
                node.putNull("execution_count");
            } else {
                node.put("execution_count", ++count);
                if (!cell.stdout().isEmpty()) {
                    outputs.addObject()
                            .put("output_type", "stream")
                            .put("name", "stdout")
                            .put("text", cell.stdout());
                }
            }
        }
        new NotebookFiles().write(file, notebook);
        return file;
    }

    /** A kernelspec in {@code dataDir} whose argv is {@code argv}. */
    static void kernelSpec(Path dataDir, String name, List<String> argv) {
        ObjectNode spec = JSON.createObjectNode();
        ArrayNode array = spec.putArray("argv");
        argv.forEach(array::add);
        spec.put("display_name", name).put("language", "python");
        try {
            java.nio.file.Files.createDirectories(dataDir.resolve("kernels").resolve(name));
            java.nio.file.Files.writeString(
                    dataDir.resolve("kernels").resolve(name).resolve("kernel.json"), JSON.writeValueAsString(spec));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package dev.pymastery.runner.notebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An nbformat 4 notebook: where it was read from and its JSON tree. The tree is the notebook's
 * own; callers that change it work on {@link #copy()}.
 */
public record Notebook(Path path, ObjectNode json) {

    public int nbformatMinor() {
        return json.path("nbformat_minor").asInt(0);
    }

    /** {@code metadata.kernelspec.name}, the kernel Jupyter would start for this notebook. */
    public Optional<String> kernelName() {
        String name = json.path("metadata").path("kernelspec").path("name").asString("");
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    /** The JSON objects of all cells, in order. */
    public List<ObjectNode> cells() {
        List<ObjectNode> cells = new ArrayList<>();
        for (JsonNode cell : json.path("cells")) {
            if (cell instanceof ObjectNode object) {
                cells.add(object);
            }
        }
        return cells;
    }

    /** The code cells, in order, numbered by their position among all cells. */
    public List<CodeCell> codeCells() {
        List<CodeCell> code = new ArrayList<>();
        List<ObjectNode> cells = cells();
        for (int i = 0; i < cells.size(); i++) {
            ObjectNode cell = cells.get(i);
            if (cell.path("cell_type").asString("").equals("code")) {
                code.add(codeCell(i + 1, cell));
            }
        }
        return code;
    }

    public Notebook copy() {
        return new Notebook(path, json.deepCopy());
    }

    private static CodeCell codeCell(int number, ObjectNode cell) {
        String id = cell.path("id").asString("");
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : cell.path("metadata").path("tags")) {
            if (tag.isString()) {
                tags.add(tag.stringValue());
            }
        }
        List<ObjectNode> outputs = new ArrayList<>();
        for (JsonNode output : cell.path("outputs")) {
            if (output instanceof ObjectNode object) {
                outputs.add(Outputs.joined(object));
            }
        }
        JsonNode count = cell.path("execution_count");
        return new CodeCell(
                number,
                id.isBlank() ? Optional.empty() : Optional.of(id),
                MultilineText.join(cell.get("source")),
                tags,
                outputs,
                count.canConvertToInt() ? OptionalInt.of(count.asInt()) : OptionalInt.empty());
    }
}

package dev.pymastery.runner.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads nbformat 4 notebooks and writes them as {@code nbformat.write} does: keys sorted, one space
 * of indent, {@code ": "} between key and value, non-ASCII as is, multi-line strings as lists of
 * lines, a final newline. Writes go through a temporary file and a rename.
 */
public final class NotebookFiles {
    private final ObjectMapper json;
    private final ObjectWriter writer;

    public NotebookFiles() {
        this.json = JsonMapper.builder()
                .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE) // Python writes \u001b, not \u001B
                .build();
        DefaultIndenter indenter = new DefaultIndenter(" ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.NONE)
                .withArrayElementSpacing(Separators.Spacing.NONE)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter(separators).withArrayIndenter(indenter).withObjectIndenter(indenter);
        this.writer = json.writer().with(printer);
    }

    public Notebook read(Path path) {
        JsonNode tree;
        try {
            tree = json.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        } catch (JacksonException e) {
            throw new NotebookFormatException(path + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new NotebookFormatException(path + " is not a notebook (the top level is not a JSON object)");
        }
        int major = root.path("nbformat").asInt(0);
        if (major != 4) {
            throw new NotebookFormatException(path + " is nbformat " + major
                    + "; only nbformat 4 is supported (convert it: jupyter nbconvert --to notebook)");
        }
        if (!root.path("cells").isArray()) {
            throw new NotebookFormatException(path + " has no cells list");
        }
        return new Notebook(path, root);
    }

    /**
     * The notebook's JSON text in nbformat's layout, as {@code nbformat.write} would produce after
     * {@code nbformat.read}: multi-line values rejoined and split again by nbformat's rules,
     * transient metadata ({@code trusted}, {@code orig_nbformat}, {@code signature}) dropped.
     */
    public String format(ObjectNode notebook) {
        ObjectNode copy = notebook.deepCopy();
        if (copy.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove(List.of("orig_nbformat", "orig_nbformat_minor", "signature"));
        }
        for (JsonNode cell : copy.path("cells")) {
            if (cell instanceof ObjectNode object) {
                splitCell(object);
            }
        }
        return writer.writeValueAsString(copy) + "\n";
    }

    public void write(Path path, ObjectNode notebook) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "." + path.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, format(notebook), StandardCharsets.UTF_8);
                // the temporary file is 0600: give it the mode of the file it replaces, or a new file's
                FileModes.apply(temporary, FileModes.of(path));
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private static void splitCell(ObjectNode cell) {
        if (cell.has("source")) {
            cell.set("source", MultilineText.split(MultilineText.join(cell.get("source"))));
        }
        if (cell.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("trusted");
        }
        if (cell.get("attachments") instanceof ObjectNode attachments) {
            for (JsonNode bundle : attachments) {
                if (bundle instanceof ObjectNode mime) {
                    Outputs.joinBundle(mime);
                    Outputs.splitBundle(mime);
                }
            }
        }
        if (cell.path("cell_type").asString("").equals("code")
                && cell.get("outputs") instanceof tools.jackson.databind.node.ArrayNode outputs) {
            for (int i = 0; i < outputs.size(); i++) {
                if (outputs.get(i) instanceof ObjectNode output) {
                    outputs.set(i, Outputs.split(Outputs.joined(output)));
                }
            }
        }
    }
}

package dev.pymastery.runner.run;

import dev.pymastery.runner.notebook.Notebook;
import dev.pymastery.runner.report.CellResult;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notebook with a run's fresh outputs and execution counts in place of the stored ones. Cells
 * that did not run keep what they had; everything else (metadata, cell ids, other cells, the
 * nbformat version) stays as it was, except that an nbformat 4.5+ notebook gets an id for every
 * cell missing a valid one, as nbformat requires.
 */
final class ExecutedNotebook {
    private static final Pattern VALID_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ExecutedNotebook() {}

    static ObjectNode of(Notebook notebook, List<CellResult> results) {
        Notebook copy = notebook.copy();
        List<ObjectNode> cells = copy.cells();
        for (CellResult result : results) {
            if (result.fresh().isEmpty()) {
                continue;
            }
            ObjectNode cell = cells.get(result.cell().number() - 1);
            ArrayNode outputs = cell.putArray("outputs");
            result.fresh().get().forEach(outputs::add);
            if (result.executionCount().isPresent()) {
                cell.put("execution_count", result.executionCount().getAsInt());
            } else {
                cell.putNull("execution_count");
            }
        }
        if (copy.nbformatMinor() >= 5) {
            addMissingIds(cells);
        }
        return copy.json();
    }

    private static void addMissingIds(List<ObjectNode> cells) {
        Set<String> taken = new HashSet<>();
        for (ObjectNode cell : cells) {
            JsonNode id = cell.get("id");
            if (id != null
                    && id.isString()
                    && VALID_ID.matcher(id.stringValue()).matches()) {
                taken.add(id.stringValue());
            }
        }
        Set<String> seen = new HashSet<>();
        for (ObjectNode cell : cells) {
            JsonNode id = cell.get("id");
            boolean valid = id != null
                    && id.isString()
                    && VALID_ID.matcher(id.stringValue()).matches();
            if (!valid || !seen.add(id.stringValue())) {
                String fresh;
                do {
                    byte[] bytes = new byte[4];
                    RANDOM.nextBytes(bytes);
                    fresh = HexFormat.of().formatHex(bytes); // nbformat's form: 8 hex digits
                } while (!taken.add(fresh));
                cell.put("id", fresh);
                seen.add(fresh);
            }
        }
    }
}

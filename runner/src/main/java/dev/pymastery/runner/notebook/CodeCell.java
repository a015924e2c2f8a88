package dev.pymastery.runner.notebook;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.node.ObjectNode;

/**
 * A code cell as stored in the notebook.
 *
 * @param number the cell's position among all cells of the notebook, from 1 (markdown included),
 *     as an editor counts them
 * @param id the nbformat 4.5 cell id, if the notebook has one for this cell
 * @param outputs the stored outputs, with multi-line strings joined
 * @param executionCount empty for a cell that was never run
 */
public record CodeCell(
        int number,
        Optional<String> id,
        String source,
        List<String> tags,
        List<ObjectNode> outputs,
        OptionalInt executionCount) {

    public CodeCell {
        if (number < 1) {
            throw new IllegalArgumentException("cell numbers start at 1: " + number);
        }
        tags = List.copyOf(tags);
        outputs = List.copyOf(outputs);
    }

    /** "cell 4 (id 1a2b3c4d)", or "cell 4" without an id: how reports name the cell. */
    public String label() {
        return id.map(value -> "cell " + number + " (id " + value + ")").orElse("cell " + number);
    }
}

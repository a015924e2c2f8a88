package dev.pymastery.runner.curriculum;

import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.notebook.MultilineText;
import dev.pymastery.runner.notebook.Notebook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which cells hold the learner's code for each check: what the kernel sends with an attempt and the
 * progress server runs again before the check's public and hidden tests. For a check, they are the
 * code cells of the notebook's lab section (from its {@code ## 3 · Lab} heading, or from the top
 * when the notebook has no such heading) up to the check's own cell, leaving out {@code %check}
 * cells and cells only instructors see, after the cells before the lab that carry the tag
 * {@value #SETUP} (an import or a helper the lab uses). Named by their stable cell ids, which
 * release keeps.
 */
final class LabCells {
    /** A level-2 heading that opens the lab section: "## 3 · Lab ..." or any "## ... Lab ...". */
    private static final Pattern LAB_HEADING = Pattern.compile("^##\\s+(?:3\\b|.*\\bLab\\b).*");
    /** The tag of a cell before the lab section whose code the lab needs. */
    static final String SETUP = "lab-setup";

    private LabCells() {}

    /** Check id to the ids of its lab cells, in notebook order; cells without an id are skipped. */
    static Map<String, List<String>> of(Notebook notebook) {
        int labStart = labStart(notebook);
        Map<String, List<String>> byCheck = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        for (CodeCell cell : notebook.codeCells()) {
            if (cell.tags().contains(LearnerRelease.INSTRUCTOR_ONLY)) {
                continue;
            }
            if (cell.number() < labStart) {
                if (cell.tags().contains(SETUP)) {
                    cell.id().ifPresent(seen::add);
                }
                continue;
            }
            var check = CheckCell.of(cell);
            if (check.isPresent()) {
                for (String id : check.get().ids()) {
                    byCheck.putIfAbsent(id, List.copyOf(seen));
                }
            } else {
                cell.id().ifPresent(seen::add);
            }
        }
        return byCheck;
    }

    /** The position (from 1, among all cells) of the lab heading's cell; 1 when there is none. */
    private static int labStart(Notebook notebook) {
        List<ObjectNode> cells = notebook.cells();
        for (int i = 0; i < cells.size(); i++) {
            ObjectNode cell = cells.get(i);
            if (cell.path("cell_type").asString("").equals("markdown")) {
                String source = MultilineText.join(cell.path("source"));
                String first = source.strip().lines().findFirst().orElse("");
                if (LAB_HEADING.matcher(first).matches()) {
                    return i + 1;
                }
            }
        }
        return 1;
    }
}

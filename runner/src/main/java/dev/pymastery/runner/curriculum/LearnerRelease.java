package dev.pymastery.runner.curriculum;

import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.notebook.MultilineText;
import dev.pymastery.runner.notebook.Notebook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an instructor notebook into its learner version: solution regions stubbed ({@link
 * SolutionRegions}), cells tagged {@code instructor-only} removed, outputs and execution counts
 * cleared, {@code %check} cells kept, and {@code metadata.pymastery.release} stamped with where it
 * came from. Everything else (cell ids, metadata, order) stays, so the same input always gives the
 * same output, and releasing a learner version again changes nothing.
 */
final class LearnerRelease {
    static final String INSTRUCTOR_ONLY = "instructor-only";

    /** What went wrong, and where: e.g. "cell 4 (id a1b2) line 3". */
    record Problem(String where, String message) {
        @Override
        public String toString() {
            return where.isEmpty() ? message : where + ": " + message;
        }
    }

    /** The learner version, or why there is none. */
    sealed interface Outcome {
        record Released(ObjectNode notebook, int regions, int removedCells) implements Outcome {}

        record Refused(List<Problem> problems) implements Outcome {
            public Refused {
                problems = List.copyOf(problems);
            }
        }
    }

    /**
     * @param source how the stamp names the instructor notebook (a path relative to notebooks/)
     * @param week the week it belongs to, if known
     * @param checkIds the ids of its checks file; empty when it has none
     */
    static Outcome release(Notebook notebook, String source, OptionalInt week, Optional<Set<String>> checkIds) {
        List<Problem> problems = new ArrayList<>(checkProblems(notebook, checkIds));
        Notebook copy = notebook.copy();
        ArrayNode kept = copy.json().arrayNode();
        int regions = 0;
        int removed = 0;
        List<ObjectNode> cells = copy.cells();
        for (int i = 0; i < cells.size(); i++) {
            ObjectNode cell = cells.get(i);
            if (tags(cell).contains(INSTRUCTOR_ONLY)) {
                removed++;
                continue;
            }
            String label = label(i + 1, cell);
            String type = cell.path("cell_type").asString("");
            String text = MultilineText.join(cell.get("source"));
            SolutionRegions.Stubbed stubbed =
                    switch (type) {
                        case "code" -> SolutionRegions.stub(text, SolutionRegions.Kind.CODE);
                        case "markdown" -> SolutionRegions.stub(text, SolutionRegions.Kind.MARKDOWN);
                        default -> rawCell(text);
                    };
            stubbed.problems().forEach(p -> problems.add(new Problem(label + " line " + p.line(), p.message())));
            if (stubbed.regions() > 0) {
                cell.put("source", stubbed.source());
                regions += stubbed.regions();
            }
            if (type.equals("code")) {
                cell.putArray("outputs");
                cell.putNull("execution_count");
                if (cell.get("metadata") instanceof ObjectNode metadata) {
                    metadata.remove("execution"); // JupyterLab's run timestamps, as nbconvert's ClearOutput does
                }
            }
            kept.add(cell);
        }
        if (!problems.isEmpty()) {
            return new Outcome.Refused(problems);
        }
        copy.json().set("cells", kept);
        ObjectNode metadata = copy.json().get("metadata") instanceof ObjectNode m
                ? m
                : copy.json().putObject("metadata");
        metadata.remove("widgets"); // saved widget state is output too
        ObjectNode pymastery = metadata.get("pymastery") instanceof ObjectNode p ? p : metadata.putObject("pymastery");
        ObjectNode stamp = pymastery.putObject("release");
        stamp.put("source", source);
        if (week.isPresent()) {
            stamp.put("week", week.getAsInt());
        } else {
            stamp.putNull("week");
        }
        return new Outcome.Released(copy.json(), regions, removed);
    }

    /** Each {@code %check} must name a check of the notebook's checks file. */
    private static List<Problem> checkProblems(Notebook notebook, Optional<Set<String>> checkIds) {
        List<Problem> problems = new ArrayList<>();
        for (CheckCell check : CheckCell.in(notebook.codeCells())) {
            for (String id : check.ids()) {
                String where = check.cell().label();
                if (id.isEmpty()) {
                    problems.add(new Problem(where, "%check names no check id"));
                } else if (checkIds.isEmpty()) {
                    problems.add(new Problem(where, "%check " + id + " but the notebook has no checks file"));
                } else if (!checkIds.get().contains(id)) {
                    problems.add(new Problem(
                            where, "%check " + id + " is not in the checks file (it has: " + checkIds.get() + ")"));
                }
            }
        }
        return problems;
    }

    private static SolutionRegions.Stubbed rawCell(String text) {
        SolutionRegions.Stubbed stubbed = SolutionRegions.stub(text, SolutionRegions.Kind.MARKDOWN);
        if (stubbed.regions() == 0) {
            return new SolutionRegions.Stubbed(text, 0, stubbed.problems());
        }
        return new SolutionRegions.Stubbed(
                text,
                0,
                List.of(new SolutionRegions.Problem(1, "solution markers work in code and markdown cells only")));
    }

    static List<String> tags(ObjectNode cell) {
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : cell.path("metadata").path("tags")) {
            tags.add(tag.asString(""));
        }
        return tags;
    }

    /** "cell 4 (id a1b2)", numbered among all cells as {@link CodeCell#label()} does. */
    static String label(int number, ObjectNode cell) {
        String id = cell.path("id").asString("");
        return id.isBlank() ? "cell " + number : "cell " + number + " (id " + id + ")";
    }
}

package dev.pymastery.runner.curriculum;

import dev.pymastery.checks.CheckFiles;
import dev.pymastery.checks.CheckFormatException;
import dev.pymastery.checks.CheckSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validate's first step, before anything runs: the {@code %check} cells and the checks file name
 * the same checks, each check cell holds one {@code %check} line and nothing else, and no check
 * cell is hidden from learners.
 */
final class CheckFileAgreement {
    private CheckFileAgreement() {}

    /** What is out of step, as messages naming the cell or the check; empty when all agree. */
    static List<String> problems(List<CheckCell> checks, Path checksFile) {
        List<String> problems = new ArrayList<>();
        Set<String> defined = new LinkedHashSet<>();
        if (Files.isRegularFile(checksFile)) {
            try {
                CheckFiles.read(checksFile).checks().stream().map(CheckSpec::id).forEach(defined::add);
            } catch (CheckFormatException e) {
                problems.add(e.getMessage());
            }
        } else if (!checks.isEmpty()) {
            problems.add("the notebook runs %check but has no checks file " + checksFile.getFileName());
        }
        Set<String> used = new LinkedHashSet<>();
        for (CheckCell check : checks) {
            String where = check.cell().label();
            used.addAll(check.ids());
            if (check.ids().size() > 1) {
                problems.add(where + ": holds " + check.ids().size()
                        + " %check lines; give each check its own cell so its outcome is its own");
            }
            if (check.otherCode()) {
                problems.add(where + ": holds code besides %check; a check cell holds only its %check line");
            }
            if (check.cell().tags().contains(LearnerRelease.INSTRUCTOR_ONLY)) {
                problems.add(where + ": a %check cell tagged instructor-only never reaches the learner");
            }
            check.ids().stream()
                    .filter(id -> !defined.contains(id) && !defined.isEmpty())
                    .forEach(id -> problems.add(where + ": %check " + id + " is not in " + checksFile.getFileName()));
        }
        defined.stream()
                .filter(id -> !used.contains(id))
                .forEach(id -> problems.add("check " + id + " of " + checksFile.getFileName() + " has no %check cell"));
        return problems;
    }
}

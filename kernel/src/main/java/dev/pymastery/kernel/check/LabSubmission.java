package dev.pymastery.kernel.check;

import dev.pymastery.checks.CheckSpec;
import dev.pymastery.kernel.magic.RanCell;
import dev.pymastery.progress.client.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code %check} sends with an attempt so the progress server can verify it: the lab's cells
 * as the learner last ran them, and the files the check names.
 *
 * <p>A learner's copy of the checks names each check's lab cells by their stable ids (release
 * writes them), and JupyterLab and the notebook runner send each cell's id: then the submission is
 * the last run of each of those cells, in notebook order. Otherwise (an instructor's file, or a
 * client that sends no ids) it is every cell the session ran, in the order it ran them, which the
 * server replays the same way; the most recent ones are kept when they exceed the limits.
 */
final class LabSubmission {
    private LabSubmission() {}

    static Submission of(CheckSpec check, List<RanCell> ran, Path cwd) {
        List<RanCell> cells = ran.stream().filter(c -> !checkOnly(c.code())).toList();
        Map<String, String> files = files(check, cwd);
        if (!check.cells().isEmpty() && cells.stream().anyMatch(c -> c.cellId().isPresent())) {
            Map<String, RanCell> last = new LinkedHashMap<>();
            cells.forEach(c -> c.cellId().ifPresent(id -> last.put(id, c)));
            List<Submission.Cell> lab = new ArrayList<>();
            for (String id : check.cells()) {
                RanCell cell = last.get(id);
                if (cell != null) {
                    lab.add(new Submission.Cell(Optional.of(id), cell.code()));
                }
            }
            return new Submission(fitting(lab), files, true);
        }
        return new Submission(
                fitting(cells.stream()
                        .map(c -> new Submission.Cell(c.cellId(), c.code()))
                        .toList()),
                files,
                false);
    }

    /** True for a cell that only runs checks (comments and blank lines aside). */
    static boolean checkOnly(String code) {
        return code.lines()
                        .allMatch(line -> line.isBlank()
                                || line.strip().startsWith("#")
                                || line.strip().startsWith("%check "))
                && code.contains("%check");
    }

    /** The most recent cells within the submission's limits, in their order. */
    private static List<Submission.Cell> fitting(List<Submission.Cell> cells) {
        Deque<Submission.Cell> kept = new ArrayDeque<>();
        long chars = 0;
        for (int i = cells.size() - 1; i >= 0 && kept.size() < Submission.MAX_CELLS; i--) {
            Submission.Cell cell = cells.get(i);
            if (chars + cell.code().length() > Submission.MAX_CODE) {
                break;
            }
            chars += cell.code().length();
            kept.addFirst(cell);
        }
        return List.copyOf(kept);
    }

    /** The check's files that exist under the notebook's folder, within the limit, Base64. */
    private static Map<String, String> files(CheckSpec check, Path cwd) {
        Map<String, String> files = new LinkedHashMap<>();
        long bytes = 0;
        Path root = cwd.toAbsolutePath().normalize();
        for (String name : check.files()) {
            Path file = root.resolve(name).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                continue;
            }
            try {
                long size = Files.size(file);
                if (bytes + size > Submission.MAX_FILE_BYTES || files.size() >= Submission.MAX_FILES) {
                    continue;
                }
                files.put(name, Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
                bytes += size;
            } catch (IOException e) {
                // unreadable now: the server's run goes without it and its tests say what is missing
            }
        }
        return files;
    }
}

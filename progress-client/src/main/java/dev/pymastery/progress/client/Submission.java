package dev.pymastery.progress.client;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The learner's code for a lab, sent with an attempt so the progress server can run it again with
 * the check's public and hidden tests in a runtime it controls: the cells, in the order to run
 * them, and the files the check names.
 *
 * @param cells the cells' sources as the learner last ran them (a {@code %%cpython} line and all),
 *     at most {@value #MAX_CELLS} cells and {@value #MAX_CODE} characters in all
 * @param files path (relative to the notebook's folder) to the file's bytes, Base64; at most
 *     {@value #MAX_FILES} files and {@value #MAX_FILE_BYTES} bytes in all
 * @param labCells true when the cells are the lab's own (named by the release's cell ids); false
 *     when the kernel sent every cell the session ran, because the client gave no cell ids
 */
public record Submission(List<Cell> cells, Map<String, String> files, boolean labCells) {
    public static final int MAX_CELLS = 500;
    public static final int MAX_CODE = 256 * 1024;
    public static final int MAX_FILES = 20;
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    /**
     * One cell.
     *
     * @param id the notebook's cell id, when the client sent one with the cell
     */
    public record Cell(Optional<String> id, String code) {
        public Cell {
            if (code == null) {
                throw new IllegalArgumentException("'submission.cells[].code' is missing");
            }
            if (id.isPresent() && (id.get().isEmpty() || id.get().length() > 200)) {
                throw new IllegalArgumentException("'submission.cells[].id' must have 1 to 200 characters");
            }
        }
    }

    public Submission {
        cells = List.copyOf(cells);
        files = new TreeMap<>(files);
        if (cells.size() > MAX_CELLS) {
            throw new IllegalArgumentException(
                    "'submission' has " + cells.size() + " cells; at most " + MAX_CELLS + " are accepted");
        }
        long code = cells.stream().mapToLong(c -> c.code().length()).sum();
        if (code > MAX_CODE) {
            throw new IllegalArgumentException(
                    "'submission' has " + code + " characters of code; at most " + MAX_CODE + " are accepted");
        }
        if (files.size() > MAX_FILES) {
            throw new IllegalArgumentException(
                    "'submission' has " + files.size() + " files; at most " + MAX_FILES + " are accepted");
        }
        long bytes = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().isEmpty()
                    || file.getKey().startsWith("/")
                    || ("/" + file.getKey() + "/").contains("/../")) {
                throw new IllegalArgumentException("'submission.files': '" + file.getKey()
                        + "' must be a path relative to the notebook's folder, without '..'");
            }
            try {
                bytes += Base64.getDecoder().decode(file.getValue()).length;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "'submission.files': the content of '" + file.getKey() + "' is not Base64", e);
            }
        }
        if (bytes > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(
                    "'submission.files' hold " + bytes + " bytes; at most " + MAX_FILE_BYTES + " are accepted");
        }
        files = java.util.Collections.unmodifiableMap(files);
    }
}

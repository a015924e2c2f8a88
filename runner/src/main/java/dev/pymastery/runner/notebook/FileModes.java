package dev.pymastery.runner.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The mode of the files the runner writes (released notebooks and checks files, updated notebooks).
 * A file that replaces another keeps its mode. A new one gets 0644, what an editor or {@code cp}
 * gives under the usual umask, unless its folder says otherwise: where the folder's group or others
 * may not enter it (no execute bit), the file withholds their read bit too (a 0700 folder gives
 * 0600, a 0750 one 0640). Temporary files are created 0600, so without this every released
 * notebook was private while the checks file copied beside it was 0644.
 */
public final class FileModes {
    private FileModes() {}

    /** The mode of {@code file} now, if it exists and the file system has POSIX modes. */
    public static Optional<Set<PosixFilePermission>> of(Path file) {
        if (!posix() || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The mode a new file in {@code folder} gets. */
    public static Set<PosixFilePermission> forNewFileIn(Path folder) {
        Set<PosixFilePermission> mode = EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
        Optional<Set<PosixFilePermission>> folderMode = of(folder);
        if (folderMode.isPresent()) {
            if (!folderMode.get().contains(PosixFilePermission.GROUP_EXECUTE)) {
                mode.remove(PosixFilePermission.GROUP_READ);
            }
            if (!folderMode.get().contains(PosixFilePermission.OTHERS_EXECUTE)) {
                mode.remove(PosixFilePermission.OTHERS_READ);
            }
        }
        return mode;
    }

    /**
     * Gives {@code file} its mode: {@code previous} (the mode of the file it replaced) if there was
     * one, else the mode for a new file in its folder. Nothing on file systems without POSIX modes.
     */
    public static void apply(Path file, Optional<Set<PosixFilePermission>> previous) {
        if (!posix()) {
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.setPosixFilePermissions(file, previous.orElseGet(() -> forNewFileIn(folder)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the mode of " + file, e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}

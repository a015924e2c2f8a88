package dev.pymastery.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file only its owner may read (0600, in a 0700 folder where created), replacing it atomically. */
final class PrivateFiles {
    private PrivateFiles() {}

    static void write(Path file, String content) {
        Path target = file.toAbsolutePath();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            Path folder = target.getParent();
            if (!Files.isDirectory(folder)) {
                if (posix) {
                    Files.createDirectories(
                            folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(folder);
                }
            }
            Path temporary = posix
                    ? Files.createTempFile(
                            folder,
                            ".token",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(folder, ".token", ".tmp");
            Files.writeString(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}

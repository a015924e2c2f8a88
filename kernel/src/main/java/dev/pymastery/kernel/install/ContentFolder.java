package dev.pymastery.kernel.install;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A folder named by a hash of its contents, made once: filled under a staging name, marked
 * complete, then renamed into place in one atomic step, so a kernel never sees half of one and two
 * installs of the same contents at once end with one folder.
 */
final class ContentFolder {
    static final String COMPLETE = ".complete";

    /** Puts the files into a staging folder. */
    interface Filler {
        void fill(Path staging) throws IOException;
    }

    private ContentFolder() {}

    /**
     * @param target the folder to make, {@code root/HASH}
     * @param marker what the completion marker holds (for a person reading the folder)
     * @return {@code target}, made now or by an earlier install
     */
    static Path publishOnce(Path target, String marker, Filler filler) throws IOException {
        if (Files.isRegularFile(target.resolve(COMPLETE))) {
            return target;
        }
        Path staging = Files.createDirectories(target.getParent())
                .resolve(
                        target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        filler.fill(staging);
        Files.writeString(staging.resolve(COMPLETE), marker);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
            KernelSpecInstaller.deleteTree(staging); // another install made the same folder first
        }
        return target;
    }
}

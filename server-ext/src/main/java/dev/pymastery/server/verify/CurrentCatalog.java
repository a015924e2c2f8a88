package dev.pymastery.server.verify;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog as the checks files say now: what a verification runs, so a regrade (or a running
 * server's worker taking a regrade job) uses the tests the instructor just changed. Reads the files
 * again only when one of them changed (names, sizes, modification times); a broken file keeps the
 * last good catalog and is logged.
 */
final class CurrentCatalog implements Supplier<CheckCatalog> {
    private static final Logger LOG = LoggerFactory.getLogger(CurrentCatalog.class);

    private final Path folder;
    private CheckCatalog catalog;
    private String fingerprint;

    CurrentCatalog(Path folder, CheckCatalog loaded) {
        this.folder = folder;
        this.catalog = loaded;
        this.fingerprint = fingerprint();
    }

    @Override
    public synchronized CheckCatalog get() {
        String now = fingerprint();
        if (!now.equals(fingerprint)) {
            try {
                catalog = CheckCatalog.load(folder);
                fingerprint = now;
                LOG.info("the checks under {} changed: verifying with them from now on", folder);
            } catch (RuntimeException e) {
                LOG.error(
                        "the checks under {} changed but cannot be read ({}); verifying with the ones before",
                        folder,
                        e.getMessage());
            }
        }
        return catalog;
    }

    private String fingerprint() {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        StringBuilder print = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(p -> p.getFileName().toString().endsWith(CheckFiles.SUFFIX))
                    .sorted()
                    .forEach(p -> {
                        try {
                            print.append(p)
                                    .append(':')
                                    .append(Files.size(p))
                                    .append(':')
                                    .append(Files.getLastModifiedTime(p).toMillis())
                                    .append('\n');
                        } catch (IOException e) {
                            print.append(p).append(":?\n");
                        }
                    });
        } catch (IOException e) {
            return "";
        }
        return print.toString();
    }
}

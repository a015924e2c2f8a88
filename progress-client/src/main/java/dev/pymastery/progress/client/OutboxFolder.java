package dev.pymastery.progress.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's files: one JSON file per attempt, named so that sorting them is oldest first, written
 * durably (temporary file, fsync, atomic rename, folder sync). Safe to share between processes.
 */
final class OutboxFolder {
    private static final System.Logger LOG = System.getLogger(AttemptOutbox.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SUFFIX = ".attempt.json";

    private final Path directory;
    private final AtomicLong sequence = new AtomicLong();
    private final String processTag = UUID.randomUUID().toString().substring(0, 8);

    private OutboxFolder(Path directory) {
        this.directory = directory;
    }

    /** Creates the folder if needed and removes temporary files a killed writer left behind. */
    static OutboxFolder open(Path directory) {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path leftover : files.filter(
                                p -> p.getFileName().toString().endsWith(".tmp"))
                        .toList()) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the attempt outbox in " + directory, e);
        }
        return new OutboxFolder(directory);
    }

    /** Writes the attempt; on return it is on disk under its final name. */
    void write(Attempt attempt) {
        String name =
                "%013d-%s-%08d%s".formatted(System.currentTimeMillis(), processTag, sequence.incrementAndGet(), SUFFIX);
        Path target = directory.resolve(name);
        Path temporary = directory.resolve("." + name + ".tmp");
        byte[] bytes = AttemptJson.write(attempt).toString().getBytes(StandardCharsets.UTF_8);
        try {
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the attempt in the outbox " + directory + ": " + e, e);
        }
    }

    /** The waiting attempts' files, oldest first. */
    List<Path> files() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(SUFFIX) && !name.startsWith(".");
                    })
                    .sorted()
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the attempt outbox " + directory, e);
        }
    }

    /** The attempt in {@code file}; empty when it is gone or unreadable (then set aside as .corrupt). */
    Optional<Attempt> read(Path file) {
        try {
            return Optional.of(AttemptJson.read(JSON.readTree(Files.readString(file))));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // delivered meanwhile by another process sharing the folder
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            LOG.log(Level.WARNING, "outbox file {0} is not a readable attempt ({1}); moved to {2}", file, e, aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.log(Level.WARNING, "cannot move {0} aside: {1}", file, moveFailed);
            }
            return Optional.empty();
        }
    }

    void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind, it is sent again later; the idempotency key keeps that harmless.
            LOG.log(Level.WARNING, "cannot remove delivered outbox file {0}: {1}", file, e);
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a folder for syncing; the file itself is already synced.
            LOG.log(Level.DEBUG, "cannot sync folder {0}: {1}", directory, e);
        }
    }
}

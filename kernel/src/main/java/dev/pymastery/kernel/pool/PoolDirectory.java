package dev.pymastery.kernel.pool;

import dev.pymastery.kernel.KernelSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder where warm kernel processes wait, one Unix socket each: {@code warm-*} while GraalPy
 * starts, {@code renewing-*} while a used process makes a fresh context (about a second), and
 * {@code ready-*} once it can run a cell at once. A launcher claims one by renaming its socket (an atomic
 * rename, so two launchers never get the same spare) and then connects to it.
 *
 * <p>A folder is named {@code JARS-FLAVOUR}: the installed jars (a rebuilt kernel never hands out an
 * old build's spares) and what a spare is started with (the java, the content of the JVM argument
 * file, the settings read at start-up). Kernelspecs that differ only in what a claim carries (name,
 * environment read per session) share one folder, so one spare serves them all. Folders of the same
 * jars form a group that holds at most the pool's size of ready spares together: a spare in a folder
 * claimed from less recently than another of its group gives way ({@link #displaced}).
 */
public final class PoolDirectory {
    static final String WARM = "warm-";
    static final String RENEWING = "renewing-";
    static final String READY = "ready-";
    static final String CLAIMED = "claimed-";
    static final String SUFFIX = ".sock";
    static final String LOG_PREFIX = "spare-";
    static final String LOG_SUFFIX = ".log";
    static final int KEPT_LOGS = 20;
    static final Duration STALE_LOG = Duration.ofDays(1);
    static final Duration STALE_POOL = Duration.ofDays(7);
    /** Touched at each claim: when a launcher last took a spare from this folder. */
    static final String LAST_CLAIM = "last-claim";
    /** {@code uses-<hash>}: one per kernelspec that starts spares here, holding its JVM argument file's path. */
    static final String USES = "uses-";

    private final Path dir;

    PoolDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * The pool of one installed kernel: its jar, the java that starts spares, its JVM argument file,
     * and the environment a spare would start with (only {@link KernelSettings#READ_AT_START} counts).
     */
    public static PoolDirectory of(Path kernelJar, Path java, Path jvmArgs, Map<String, String> env) {
        String runtime = env.getOrDefault("XDG_RUNTIME_DIR", "");
        Path base = !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "pymastery")
                : Path.of(System.getProperty("user.home"), ".cache", "pymastery");
        StringBuilder flavour = new StringBuilder(realPath(java)).append('\n');
        try {
            flavour.append(Files.readString(jvmArgs));
        } catch (IOException e) {
            // No argument file: the launcher reports it when it starts a spare; name the pool by path.
            flavour.append(jvmArgs.toAbsolutePath());
        }
        for (String setting : KernelSettings.READ_AT_START) {
            flavour.append('\n').append(setting).append('=').append(env.getOrDefault(setting, ""));
        }
        return new PoolDirectory(
                base.resolve("pool").resolve(shortHash(realPath(kernelJar)) + "-" + shortHash(flavour.toString())));
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            return path.toAbsolutePath().toString();
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pool in a given folder (a spare is told its folder by the launcher that started it). */
    public static PoolDirectory at(Path dir) {
        return new PoolDirectory(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Creates the folder, readable by this user only (the sockets hand out kernels). */
    Path create() {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: nothing to tighten
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the kernel pool folder " + dir, e);
        }
    }

    /** A new socket path for a spare in the given state ({@link #WARM} or {@link #RENEWING}). */
    Path socket(String state) {
        // Named by when this process started, not when the socket was made: older processes sort
        // first and stay when the pool is over its size, so a used process (warmer: its compiled
        // code stays) outlasts the fresh replacement its launcher started.
        long started = ProcessHandle.current()
                .info()
                .startInstant()
                .map(Instant::toEpochMilli)
                .orElseGet(System::currentTimeMillis);
        return create().resolve(state + started + "-" + ProcessHandle.current().pid() + SUFFIX);
    }

    /** A new log file for a spare's output ({@code spare-<millis>-<pid>.log}, newest sorts last). */
    Path logFile() {
        return create().resolve(LOG_PREFIX + System.currentTimeMillis() + "-"
                + ProcessHandle.current().pid() + LOG_SUFFIX);
    }

    /** Spares waiting for a claim: ready ones first, then warming ones, oldest process first in each. */
    List<Path> available() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> spares = new ArrayList<>(files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(SUFFIX) && rank(name) < 3;
                    })
                    .toList());
            spares.sort(Comparator.comparing((Path p) -> rank(p.getFileName().toString()))
                    .thenComparing(p -> p.getFileName().toString()));
            return spares;
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Whether the spare waiting on {@code socket} is one too many: ready, and after the first
     * {@code allowed} spares of {@link #available()} (the oldest ready ones stay). Sessions that end
     * together all find room as they decide to return; the newest of them then retire.
     */
    boolean beyond(Path socket, int allowed) {
        Path ready = readyName(socket);
        int at = available().indexOf(ready);
        return at >= allowed;
    }

    /**
     * Whether the ready spare on {@code socket} gives way to spares of its group (the folders of the
     * same jars) claimed from more recently: counting their waiting spares first, then this folder's
     * in {@link #available()} order, it comes at or after {@code allowed}. A spare of the folder claimed
     * from last is never displaced ({@link #beyond} bounds it), so the kernelspec a learner uses now
     * keeps its spare and one used days ago does not hold memory for it.
     */
    boolean displaced(Path socket, int allowed) {
        Path ready = readyName(socket);
        int ahead = 0;
        for (PoolDirectory pool : group()) {
            List<Path> spares = pool.available();
            if (pool.dir.equals(dir)) {
                int at = spares.indexOf(ready);
                return ahead > 0 && at >= 0 && ahead + at >= allowed;
            }
            ahead += spares.size();
        }
        return false;
    }

    /** The folders of the same jars as this one (this one included), claimed from most recently first. */
    List<PoolDirectory> group() {
        String name = dir.getFileName().toString();
        int dash = name.indexOf('-');
        Path parent = dir.getParent();
        if (dash < 0 || parent == null || !Files.isDirectory(parent)) {
            return List.of(this);
        }
        String jars = name.substring(0, dash + 1);
        List<PoolDirectory> group = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(parent)) {
            siblings.filter(p -> p.getFileName().toString().startsWith(jars) && Files.isDirectory(p))
                    .forEach(p -> group.add(new PoolDirectory(p)));
        } catch (IOException e) {
            return List.of(this);
        }
        if (group.stream().noneMatch(p -> p.dir.equals(dir))) {
            group.add(this);
        }
        group.sort(Comparator.comparing(PoolDirectory::lastClaim).reversed().thenComparing(p -> p.dir.getFileName()
                .toString()));
        return group;
    }

    /** Records that a launcher took a spare from this folder now. */
    void markClaimed() {
        try {
            Path marker = create().resolve(LAST_CLAIM);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "");
            }
            Files.setLastModifiedTime(marker, java.nio.file.attribute.FileTime.from(Instant.now()));
        } catch (IOException e) {
            // without the marker this folder counts as claimed from long ago: its spares may give way
        }
    }

    private Instant lastClaim() {
        try {
            return Files.getLastModifiedTime(dir.resolve(LAST_CLAIM)).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Records that the kernelspec with this JVM argument file starts spares here (see {@link #inUse}). */
    public void register(Path jvmArgs) {
        String path = jvmArgs.toAbsolutePath().toString();
        Path entry = create().resolve(USES + shortHash(path));
        try {
            if (!Files.exists(entry)) {
                Path staged = dir.resolve("." + entry.getFileName() + "-"
                        + ProcessHandle.current().pid());
                Files.writeString(staged, path);
                Files.move(staged, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + entry, e);
        }
    }

    /**
     * Whether some kernelspec that starts spares here is still installed: its JVM argument file
     * exists. Entries of removed kernelspecs are dropped.
     */
    public boolean inUse() {
        boolean any = false;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path entry : files.filter(p -> p.getFileName().toString().startsWith(USES))
                    .toList()) {
                String path;
                try {
                    path = Files.readString(entry).strip();
                } catch (IOException e) {
                    continue;
                }
                if (Files.exists(Path.of(path))) {
                    any = true;
                } else {
                    Launcher.deleteQuietly(entry);
                }
            }
        } catch (IOException e) {
            return false;
        }
        return any;
    }

    /** Ready first; then a renewing process (seconds from ready); a starting one last. */
    private static int rank(String name) {
        return name.startsWith(READY) ? 0 : name.startsWith(RENEWING) ? 1 : name.startsWith(WARM) ? 2 : 3;
    }

    /** Takes one spare's socket for this process; empty when another launcher was faster. */
    Optional<Path> claim(Path spare) {
        Path claimed = dir.resolve(CLAIMED + ProcessHandle.current().pid() + "-" + System.nanoTime() + SUFFIX);
        try {
            Files.move(spare, claimed, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(claimed);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("the pool folder " + dir + " does not support atomic renames", e);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Renames a spare's socket to ready; false if it was claimed meanwhile. */
    static boolean markReady(Path socket) {
        try {
            Files.move(socket, readyName(socket), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The name a socket has once ready ({@code warm-X} and {@code renewing-X} become {@code ready-X}). */
    static Path readyName(Path socket) {
        String name = socket.getFileName().toString();
        return socket.resolveSibling(READY + name.substring(name.indexOf('-') + 1));
    }

    /**
     * Removes what earlier spares left behind, so a learner's weeks of kernels do not pile up: in this
     * pool, the spare logs beyond the newest {@link #KEPT_LOGS} that have not been written for a day (a
     * log still open is only unlinked; its process goes on); beside it, the folders of kernels installed
     * before (each install is a new folder) with no socket in them and nothing touched for
     * {@link #STALE_POOL}. Best effort: what cannot be read or removed stays.
     */
    void prune(Instant now) {
        pruneLogs(dir, now.minus(STALE_LOG));
        Path parent = dir.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> siblings = Files.list(parent)) {
            siblings.filter(p -> !p.equals(dir) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> removeIfAbandoned(p, now.minus(STALE_POOL)));
        } catch (IOException e) {
            // nothing to prune
        }
    }

    private static void pruneLogs(Path dir, Instant before) {
        List<Path> logs;
        try (Stream<Path> files = Files.list(dir)) {
            logs = files.filter(PoolDirectory::isSpareLog)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList();
        } catch (IOException e) {
            return;
        }
        logs.stream().skip(KEPT_LOGS).filter(p -> modifiedBefore(p, before)).forEach(Launcher::deleteQuietly);
    }

    /** Deletes a pool folder holding only spare logs and markers, all older than {@code before}. */
    private static void removeIfAbandoned(Path folder, Instant before) {
        List<Path> entries;
        try (Stream<Path> files = Files.list(folder)) {
            entries = files.toList();
        } catch (IOException e) {
            return;
        }
        boolean abandoned = modifiedBefore(folder, before)
                && entries.stream().allMatch(p -> (isSpareLog(p) || isMarker(p)) && modifiedBefore(p, before));
        if (abandoned) {
            entries.forEach(Launcher::deleteQuietly);
            Launcher.deleteQuietly(folder);
        }
    }

    /** The small files a folder keeps about its use ({@link #LAST_CLAIM}, {@link #USES}). */
    private static boolean isMarker(Path path) {
        String name = path.getFileName().toString();
        return (name.equals(LAST_CLAIM) || name.startsWith(USES))
                && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean isSpareLog(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(LOG_PREFIX)
                && name.endsWith(LOG_SUFFIX)
                && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean modifiedBefore(Path path, Instant before) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS)
                    .toInstant()
                    .isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }

    /** The pid a spare socket's name carries ({@code warm-<millis>-<pid>.sock}). */
    static Optional<Long> pid(Path socket) {
        String name = socket.getFileName().toString();
        int dash = name.lastIndexOf('-');
        int dot = name.lastIndexOf(SUFFIX);
        if (dash < 0 || dot < dash) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(name.substring(dash + 1, dot)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

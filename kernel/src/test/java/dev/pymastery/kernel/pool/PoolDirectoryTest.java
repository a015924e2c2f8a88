package dev.pymastery.kernel.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void readySparesComeFirstThenRenewingThenWarm() throws Exception {
        PoolDirectory pool = PoolDirectory.at(dir);
        Files.createFile(dir.resolve("warm-1-10.sock"));
        Files.createFile(dir.resolve("renewing-2-11.sock"));
        Files.createFile(dir.resolve("ready-3-12.sock"));
        Files.createFile(dir.resolve("claimed-9-13.sock"));
        Files.createFile(dir.resolve("spare-1-10.log"));
        assertThat(pool.available())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("ready-3-12.sock", "renewing-2-11.sock", "warm-1-10.sock");
    }

    @Test
    void theNewestReadySparesBeyondTheAllowedNumberAreTooMany() throws Exception {
        PoolDirectory pool = PoolDirectory.at(dir);
        Files.createFile(dir.resolve("ready-1-10.sock"));
        Files.createFile(dir.resolve("ready-2-11.sock"));
        Files.createFile(dir.resolve("ready-3-12.sock"));
        Files.createFile(dir.resolve("warm-4-13.sock"));
        assertThat(pool.beyond(dir.resolve("renewing-1-10.sock"), 2)).isFalse();
        assertThat(pool.beyond(dir.resolve("renewing-2-11.sock"), 2)).isFalse();
        assertThat(pool.beyond(dir.resolve("renewing-3-12.sock"), 2)).isTrue();
        assertThat(pool.beyond(dir.resolve("warm-4-13.sock"), 2))
                .as("a spare still starting is not ready: the launcher's replacement")
                .isFalse();
        assertThat(pool.beyond(dir.resolve("renewing-3-12.sock"), 3)).isFalse();
    }

    @Test
    void aSocketIsNamedByItsProcessStartSoOlderProcessesSortFirst() {
        PoolDirectory pool = PoolDirectory.at(dir);
        long started =
                ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        assertThat(pool.socket(PoolDirectory.READY).getFileName().toString())
                .isEqualTo("ready-" + started + "-" + ProcessHandle.current().pid() + ".sock");
    }

    @Test
    void aSpareCanBeClaimedOnceOnly() throws Exception {
        PoolDirectory pool = PoolDirectory.at(dir);
        Path spare = Files.createFile(dir.resolve("ready-3-12.sock"));
        assertThat(pool.claim(spare)).isPresent();
        assertThat(pool.claim(spare)).isEmpty();
        assertThat(pool.available()).isEmpty();
    }

    @Test
    void socketsBecomeReadyUnlessClaimed() throws Exception {
        Path warm = Files.createFile(dir.resolve("warm-5-77.sock"));
        assertThat(PoolDirectory.readyName(warm).getFileName().toString()).isEqualTo("ready-5-77.sock");
        assertThat(PoolDirectory.markReady(warm)).isTrue();
        assertThat(PoolDirectory.markReady(warm)).isFalse();
        assertThat(PoolDirectory.pid(dir.resolve("ready-5-77.sock"))).contains(77L);
    }

    @Test
    void pruningKeepsTheNewestLogsAndRecentOnesAndRemovesAbandonedPools() throws Exception {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Path pools = dir.resolve("pool");
        Path mine = Files.createDirectories(pools.resolve("mine"));
        for (int i = 0; i < 30; i++) {
            // 30 logs, oldest first; the five oldest were last written two days ago, the rest an hour ago
            touch(
                    mine.resolve("spare-17961700000" + (10 + i) + "-42.log"),
                    now.minus(Duration.ofHours(i < 5 ? 48 : 1)));
        }
        Path socket = Files.createFile(mine.resolve("ready-1-42.sock"));

        Path abandoned = Files.createDirectories(pools.resolve("old-install"));
        touch(abandoned.resolve("spare-1-1.log"), now.minus(Duration.ofDays(30)));
        touch(abandoned.resolve(PoolDirectory.LAST_CLAIM), now.minus(Duration.ofDays(30)));
        touch(abandoned.resolve(PoolDirectory.USES + "0a1b2c"), now.minus(Duration.ofDays(30)));
        touch(abandoned, now.minus(Duration.ofDays(30)));
        Path withSocket = Files.createDirectories(pools.resolve("old-with-socket"));
        touch(Files.createFile(withSocket.resolve("ready-1-2.sock")), now.minus(Duration.ofDays(30)));
        touch(withSocket, now.minus(Duration.ofDays(30)));
        Path recent = Files.createDirectories(pools.resolve("used-yesterday"));
        touch(recent.resolve("spare-1-3.log"), now.minus(Duration.ofDays(1)));
        Path foreign = Files.createDirectories(pools.resolve("someone-elses"));
        touch(foreign.resolve("notes.txt"), now.minus(Duration.ofDays(30)));
        touch(foreign, now.minus(Duration.ofDays(30)));

        PoolDirectory.at(mine).prune(now);

        try (Stream<Path> left = Files.list(mine)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .hasSize(25 + 1) // the five old ones go; the 25 recent ones stay, also beyond the newest 20
                    .contains("ready-1-42.sock", "spare-1796170000039-42.log", "spare-1796170000015-42.log")
                    .doesNotContain("spare-1796170000014-42.log", "spare-1796170000010-42.log");
        }
        assertThat(socket).exists();
        assertThat(abandoned).doesNotExist();
        assertThat(withSocket).exists();
        assertThat(recent.resolve("spare-1-3.log")).exists();
        assertThat(foreign.resolve("notes.txt")).exists();
    }

    @Test
    void pruningKeepsOldLogsWhileThereAreFewOfThem() throws Exception {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        touch(dir.resolve("spare-1-1.log"), now.minus(Duration.ofDays(90)));
        PoolDirectory.at(dir).prune(now);
        assertThat(dir.resolve("spare-1-1.log")).exists();
    }

    private static void touch(Path path, Instant when) throws Exception {
        if (!Files.exists(path)) {
            Files.writeString(path, "log\n");
        }
        Files.setLastModifiedTime(path, FileTime.from(when));
    }

    @Test
    void eachInstalledKernelHasItsOwnPool() throws Exception {
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", dir.toString());
        Path args = Files.writeString(dir.resolve("kernel-jvm.args"), "\"-Xmx2g\"\n");
        PoolDirectory a = PoolDirectory.of(Path.of("/a/pymastery-kernel.jar"), JAVA, args, env);
        PoolDirectory b = PoolDirectory.of(Path.of("/b/pymastery-kernel.jar"), JAVA, args, env);
        assertThat(a.dir()).isNotEqualTo(b.dir());
        assertThat(a.dir().getParent()).isEqualTo(dir.resolve("pymastery").resolve("pool"));
    }

    private static final Path JAVA = Path.of("/usr/bin/java");
    private static final Path JAR = Path.of("/a/pymastery-kernel.jar");

    @Test
    void kernelspecsStartingSparesAlikeShareAPoolAndOthersJoinItsGroup() throws Exception {
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", dir.toString());
        Path one = Files.writeString(dir.resolve("one.args"), "\"-Xmx2g\"\n");
        Path two = Files.writeString(dir.resolve("two.args"), "\"-Xmx2g\"\n");
        Path big = Files.writeString(dir.resolve("big.args"), "\"-Xmx4g\"\n");
        PoolDirectory first = PoolDirectory.of(JAR, JAVA, one, env);
        assertThat(PoolDirectory.of(JAR, JAVA, two, env).dir())
                .as("another kernelspec with the same flags")
                .isEqualTo(first.dir());
        assertThat(PoolDirectory.of(
                                JAR,
                                JAVA,
                                one,
                                Map.of("XDG_RUNTIME_DIR", dir.toString(), "PYMASTERY_PROGRESS_URL", "http://x"))
                        .dir())
                .as("a variable the claim carries")
                .isEqualTo(first.dir());
        PoolDirectory quiet = PoolDirectory.of(
                JAR, JAVA, one, Map.of("XDG_RUNTIME_DIR", dir.toString(), "PYMASTERY_QUIET_GC_SECONDS", "3"));
        PoolDirectory bigger = PoolDirectory.of(JAR, JAVA, big, env);
        PoolDirectory otherJava = PoolDirectory.of(JAR, Path.of("/opt/jdk/bin/java"), one, env);
        String jars = first.dir().getFileName().toString().split("-")[0];
        for (PoolDirectory other : java.util.List.of(quiet, bigger, otherJava)) {
            assertThat(other.dir()).isNotEqualTo(first.dir());
            assertThat(other.dir().getFileName().toString()).startsWith(jars + "-");
        }
    }

    @Test
    void aGroupHoldsThePoolSizeTogetherAndTheFolderClaimedFromLastKeepsItsSpares() throws Exception {
        Path pools = Files.createDirectories(dir.resolve("pool"));
        PoolDirectory recent = PoolDirectory.at(Files.createDirectories(pools.resolve("aaaa-1111")));
        PoolDirectory older = PoolDirectory.at(Files.createDirectories(pools.resolve("aaaa-2222")));
        PoolDirectory never = PoolDirectory.at(Files.createDirectories(pools.resolve("aaaa-3333")));
        PoolDirectory otherJars = PoolDirectory.at(Files.createDirectories(pools.resolve("bbbb-1111")));
        Files.createFile(recent.dir().resolve("ready-5-1.sock"));
        Files.createFile(older.dir().resolve("ready-1-2.sock"));
        Files.createFile(never.dir().resolve("ready-2-3.sock"));
        Files.createFile(otherJars.dir().resolve("ready-3-4.sock"));
        touch(
                Files.createFile(older.dir().resolve(PoolDirectory.LAST_CLAIM)),
                Instant.now().minusSeconds(60));
        recent.markClaimed();

        assertThat(recent.group())
                .extracting(PoolDirectory::dir)
                .containsExactly(recent.dir(), older.dir(), never.dir());
        assertThat(recent.displaced(recent.dir().resolve("ready-5-1.sock"), 1)).isFalse();
        assertThat(older.displaced(older.dir().resolve("renewing-1-2.sock"), 1))
                .as("with a pool size of 1 the newest folder's spare is the one kept")
                .isTrue();
        assertThat(older.displaced(older.dir().resolve("renewing-1-2.sock"), 2)).isFalse();
        assertThat(never.displaced(never.dir().resolve("ready-2-3.sock"), 2)).isTrue();
        assertThat(otherJars.displaced(otherJars.dir().resolve("ready-3-4.sock"), 1))
                .as("another installation's pool is not in the group")
                .isFalse();
        Files.delete(recent.dir().resolve("ready-5-1.sock"));
        assertThat(older.displaced(older.dir().resolve("ready-1-2.sock"), 1))
                .as("nothing waits in the newer folder: the older one's spare is the group's only one")
                .isFalse();
    }

    @Test
    void aPoolIsInUseWhileOneOfItsKernelspecsIsInstalled() throws Exception {
        PoolDirectory pool = PoolDirectory.at(dir.resolve("pool"));
        Path one = Files.writeString(dir.resolve("one.args"), "x");
        Path two = Files.writeString(dir.resolve("two.args"), "x");
        pool.register(one);
        pool.register(two);
        pool.register(one);
        assertThat(pool.inUse()).isTrue();
        Files.delete(one);
        assertThat(pool.inUse()).isTrue();
        Files.delete(two);
        assertThat(pool.inUse()).isFalse();
        try (Stream<Path> left = Files.list(pool.dir())) {
            assertThat(left).as("entries of removed kernelspecs are dropped").isEmpty();
        }
    }
}

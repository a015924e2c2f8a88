package dev.pymastery.kernel.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
    void eachInstalledKernelHasItsOwnPool() {
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", dir.toString());
        PoolDirectory a = PoolDirectory.of(Path.of("/a/pymastery-kernel.jar"), Path.of("/a/kernel-jvm.args"), env);
        PoolDirectory b = PoolDirectory.of(Path.of("/b/pymastery-kernel.jar"), Path.of("/a/kernel-jvm.args"), env);
        assertThat(a.dir()).isNotEqualTo(b.dir());
        assertThat(a.dir().getParent()).isEqualTo(dir.resolve("pymastery").resolve("pool"));
    }
}

package dev.pymastery.runner.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** notebooks/sanitize.cfg: what it hides, and that it leaves meaningful text alone. */
class CurriculumSanitizerTest {
    private final Sanitizer sanitizer = Sanitizer.fromFiles(List.of(Path.of("../notebooks/sanitize.cfg")));

    @Test
    void hidesAddressesTimingsAndTemporaryPaths() {
        assertThat(sanitizer.apply("<__main__.Money object at 0x7f3a2b4c5d60>"))
                .isEqualTo("<__main__.Money object at 0xADDRESS>");
        assertThat(sanitizer.apply("1.23 µs ± 45.6 ns per loop (mean ± std. dev. of 7 runs, 100,000 loops each)"))
                .isEqualTo("TIMEIT-RESULT");
        assertThat(sanitizer.apply("10000 loops, best of 5: 1.2 µs per loop")).isEqualTo("TIMEIT-RESULT");
        assertThat(sanitizer.apply("CPU times: user 1.2 ms, sys: 3 µs, total: 1.21 ms\nWall time: 5.1 ms\n"))
                .isEqualTo("CPU times: TIME\nWall time: TIME\n");
        assertThat(sanitizer.apply("loop took 123.4 ms, genexp 98.70 ms; 5 s per loop"))
                .isEqualTo("loop took DURATION, genexp DURATION; DURATION per loop");
        assertThat(sanitizer.apply("wrote /tmp/tmpk3j2_x9a/data.csv")).isEqualTo("wrote /tmp/TMPDIR/data.csv");
    }

    @Test
    void leavesMeaningfulTextAlone() {
        for (String text : List.of(
                "timeout: 10 s", "sleep(100 ms)", "id(x) == 0x10", "3.5 items", "at 0 x", "/tmp/data.csv", "1.5 GiB")) {
            assertThat(sanitizer.apply(text)).as(text).isEqualTo(text);
        }
    }
}

package dev.pymastery.runner.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SanitizerTest {

    @Test
    void readsNbvalSanitizerFiles() {
        Map<String, String> pairs = Sanitizer.parse("""
                [regex1]
                regex: \\d{1,2}/\\d{1,2}/\\d{2,4}
                replace: DATE-STAMP

                [regex2]
                regex: \\d{2}:\\d{2}:\\d{2}
                replace: TIME-STAMP
                """);
        assertThat(pairs)
                .containsExactly(
                        Map.entry("\\d{1,2}/\\d{1,2}/\\d{2,4}", "DATE-STAMP"),
                        Map.entry("\\d{2}:\\d{2}:\\d{2}", "TIME-STAMP"));
    }

    @Test
    void appliesReplacementsInOrderAcrossFiles(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("a.cfg"), "[a]\nregex: at 0x[0-9a-f]+\nreplace: at ADDR\n");
        Path second = Files.writeString(dir.resolve("b.cfg"), "[b]\r\nregex: ADDR\r\nreplace: <address>\r\n");
        Sanitizer sanitizer = Sanitizer.fromFiles(List.of(first, second));
        assertThat(sanitizer.apply("<A object at 0x7f3a>")).isEqualTo("<A object at <address>>");
    }

    @Test
    void understandsPythonRegexAndTemplateSyntax() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("(?P<key_name>\\w+)=(?P<value>\\d+)", "\\g<value>=\\g<key_name>");
        pairs.put("(\\d+) ms", "\\1 $ms");
        pairs.put("(?P<word>[a-z]+) (?P=word)", "twice(\\g<1>)");
        pairs.put("end\\Z", "END");
        Sanitizer sanitizer = Sanitizer.fromPairs(pairs);
        assertThat(sanitizer.apply("speed=12")).isEqualTo("12=speed");
        assertThat(sanitizer.apply("took 15 ms")).isEqualTo("took 15 $ms");
        assertThat(sanitizer.apply("the the end")).isEqualTo("twice(the) END");
    }

    @Test
    void emptyReplacementDeletes() {
        Sanitizer sanitizer = Sanitizer.fromPairs(Map.of("\\s+$", ""));
        assertThat(sanitizer.apply("text   ")).isEqualTo("text");
    }

    @Test
    void aBadPatternNamesItself() {
        assertThatThrownBy(() -> Sanitizer.fromPairs(Map.of("(unclosed", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(unclosed");
    }
}

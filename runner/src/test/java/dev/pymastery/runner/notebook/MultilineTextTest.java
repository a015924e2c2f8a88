package dev.pymastery.runner.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MultilineTextTest {

    @Test
    void splitsAsPythonSplitlinesWithKeepends() {
        assertThat(MultilineText.lines("a\nb\r\nc\rd")).containsExactly("a\n", "b\r\n", "c\r", "d");
        assertThat(MultilineText.lines("x\u2028y\u000cz\n")).containsExactly("x\u2028", "y\u000c", "z\n");
        assertThat(MultilineText.lines("")).isEmpty();
        assertThat(MultilineText.lines("\n\n")).containsExactly("\n", "\n");
    }

    @Test
    void joinsStringsAndListsOfLines() {
        JsonMapper json = JsonMapper.builder().build();
        assertThat(MultilineText.join(json.readTree("[\"a\\n\", \"b\"]"))).isEqualTo("a\nb");
        assertThat(MultilineText.join(json.readTree("\"a\\nb\""))).isEqualTo("a\nb");
        assertThat(MultilineText.join(null)).isEmpty();
    }
}

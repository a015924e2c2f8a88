package dev.pymastery.runner.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class StreamTextTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void carriageReturnKeepsWhatFollowsIt() {
        assertThat(StreamText.render("10%\r50%\r100%\n")).isEqualTo("100%\n");
        assertThat(StreamText.render("line\r\nnext\n")).isEqualTo("line\r\nnext\n");
        assertThat(StreamText.render("a\nprogress 1\rprogress 2\nb")).isEqualTo("a\nprogress 2\nb");
    }

    @Test
    void backspaceErasesTheCharacterBeforeIt() {
        assertThat(StreamText.render("ab\bc")).isEqualTo("ac");
        assertThat(StreamText.render("abc\b\b\bxyz")).isEqualTo("xyz");
        assertThat(StreamText.render("a\n\bb")).isEqualTo("a\n\bb");
    }

    @Test
    void streamsMergePerNameAtTheirFirstPlace() {
        List<ObjectNode> merged = StreamText.coalesce(List.of(
                stream("stdout", "a\n"),
                stream("stderr", "warning\n"),
                json.createObjectNode().put("output_type", "display_data"),
                stream("stdout", "b\n")));
        assertThat(merged).hasSize(3);
        assertThat(merged.get(0).path("text").asString()).isEqualTo("a\nb\n");
        assertThat(merged.get(1).path("text").asString()).isEqualTo("warning\n");
        assertThat(merged.get(2).path("output_type").asString()).isEqualTo("display_data");
    }

    @Test
    void mergingLeavesTheInputUntouched() {
        ObjectNode first = stream("stdout", "a");
        StreamText.coalesce(List.of(first, stream("stdout", "b")));
        assertThat(first.path("text").asString()).isEqualTo("a");
    }

    private ObjectNode stream(String name, String text) {
        return json.createObjectNode()
                .put("output_type", "stream")
                .put("name", name)
                .put("text", text);
    }
}

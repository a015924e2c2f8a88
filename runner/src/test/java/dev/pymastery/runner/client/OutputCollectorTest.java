package dev.pymastery.runner.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OutputCollectorTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final OutputCollector collector = new OutputCollector(json);

    @Test
    void consecutiveStreamPartsJoinAsNbclientStoresThem() {
        collector.accept("stream", stream("stdout", "a"));
        collector.accept("stream", stream("stdout", "b\n"));
        collector.accept("stream", stream("stderr", "e\n"));
        collector.accept("stream", stream("stdout", "c\n"));
        assertThat(collector.outputs())
                .extracting(o -> o.path("text").asString())
                .containsExactly("ab\n", "e\n", "c\n");
    }

    @Test
    void resultsCarryTheirExecutionCount() {
        ObjectNode result = json.createObjectNode().put("execution_count", 4);
        result.putObject("data").put("text/plain", "42");
        result.putObject("metadata");
        collector.accept("execute_result", result);
        assertThat(collector.outputs().getFirst().path("execution_count").asInt())
                .isEqualTo(4);
        assertThat(collector.outputs().getFirst().path("output_type").asString())
                .isEqualTo("execute_result");
        assertThat(collector.executionCount()).hasValue(4);
    }

    @Test
    void clearOutputClearsNowOrBeforeTheNextOutput() {
        collector.accept("stream", stream("stdout", "gone\n"));
        collector.accept("clear_output", json.createObjectNode().put("wait", false));
        collector.accept("stream", stream("stdout", "first\n"));
        collector.accept("clear_output", json.createObjectNode().put("wait", true));
        assertThat(collector.outputs()).hasSize(1);
        collector.accept("stream", stream("stdout", "second\n"));
        assertThat(collector.outputs())
                .extracting(o -> o.path("text").asString())
                .containsExactly("second\n");
    }

    @Test
    void displayUpdatesChangeTheOutputWithThatId() {
        collector.accept("display_data", display("progress", "0%"));
        collector.accept("display_data", display("other", "x"));
        ObjectNode update = display("progress", "100%");
        collector.accept("update_display_data", update);
        assertThat(collector.outputs())
                .extracting(o -> o.path("data").path("text/plain").asString())
                .containsExactly("100%", "x");
        assertThat(collector.outputs().getFirst().has("transient")).isFalse();
    }

    @Test
    void errorsKeepNameValueAndTraceback() {
        ObjectNode error =
                json.createObjectNode().put("ename", "KeyboardInterrupt").put("evalue", "");
        error.putArray("traceback").add("line");
        collector.accept("error", error);
        assertThat(collector.outputs().getFirst().toString())
                .isEqualTo(
                        "{\"output_type\":\"error\",\"ename\":\"KeyboardInterrupt\",\"evalue\":\"\",\"traceback\":[\"line\"]}");
    }

    private ObjectNode stream(String name, String text) {
        return json.createObjectNode().put("name", name).put("text", text);
    }

    private ObjectNode display(String id, String text) {
        ObjectNode content = json.createObjectNode();
        content.putObject("data").put("text/plain", text);
        content.putObject("metadata");
        content.putObject("transient").put("display_id", id);
        return content;
    }
}

package dev.pymastery.runner.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OutputComparisonTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final OutputComparison defaults = new OutputComparison(ComparisonOptions.defaults());

    @Test
    void equalOutputsAgree() {
        List<ObjectNode> outputs = List.of(stream("stdout", "hi\n"), result(Map.of("text/plain", "42")));
        assertThat(defaults.compare(outputs, copy(outputs))).isEmpty();
    }

    @Test
    void streamsAreComparedMergedWithControlCharactersApplied() {
        List<ObjectNode> stored = List.of(stream("stdout", "100%\nb\n"));
        List<ObjectNode> fresh =
                List.of(stream("stdout", "10%\r100%\n"), stream("stderr", ""), stream("stdout", "b\n"));
        assertThat(defaults.compare(stored, fresh))
                .hasValueSatisfying(d -> assertThat(d.entries()).singleElement().satisfies(e -> assertThat(e.key())
                        .isEqualTo("stderr")));
        assertThat(defaults.compare(stored, List.of(stream("stdout", "10%\r100%\n"), stream("stdout", "b\n"))))
                .isEmpty();
    }

    @Test
    void eachMimeTypeIsComparedOnItsOwn() {
        List<ObjectNode> stored = List.of(result(Map.of("text/plain", "<H>", "text/html", "<b>1</b>")));
        List<ObjectNode> fresh = List.of(result(Map.of("text/plain", "<H>", "text/html", "<b>2</b>")));
        OutputDifference difference = defaults.compare(stored, fresh).orElseThrow();
        assertThat(difference.entries()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("text/html");
            assertThat(e.stored()).containsExactly("<b>1</b>");
            assertThat(e.fresh()).containsExactly("<b>2</b>");
        });
    }

    @Test
    void imagesMetadataCountsAndWidgetIdsAreLeftOut() {
        ObjectNode stored = result(Map.of("text/plain", "fig", "image/png", "AAAA", "image/jpeg", "BBBB"));
        stored.put("execution_count", 3).putObject("metadata").put("width", 100);
        ObjectNode fresh = result(Map.of("text/plain", "fig", "image/png", "CCCC"));
        fresh.put("execution_count", 9);
        assertThat(defaults.compare(List.of(stored), List.of(fresh))).isEmpty();
        ObjectNode widgetA = result(Map.of("application/vnd.jupyter.widget-view+json", "{\"model_id\":\"a\"}"));
        ObjectNode widgetB = result(Map.of("application/vnd.jupyter.widget-view+json", "{\"model_id\":\"b\"}"));
        assertThat(defaults.compare(List.of(widgetA), List.of(widgetB))).isEmpty();
    }

    @Test
    void imagesCountWhenAskedFor() {
        OutputComparison withImages = new OutputComparison(new ComparisonOptions(Sanitizer.NONE, true, false));
        assertThat(withImages.compare(
                        List.of(result(Map.of("image/png", "AAAA"))), List.of(result(Map.of("image/png", "CCCC")))))
                .isPresent();
    }

    @Test
    void errorsAreComparedByNameNotByTracebackOrValue() {
        ObjectNode stored = error("ZeroDivisionError", "division by zero", "stored traceback");
        ObjectNode fresh = error("ZeroDivisionError", "integer division or modulo by zero", "fresh traceback");
        assertThat(defaults.compare(List.of(stored), List.of(fresh))).isEmpty();
        assertThat(defaults.compare(List.of(stored), List.of(error("ValueError", "x", "t"))))
                .hasValueSatisfying(
                        d -> assertThat(d.entries().getFirst().key()).isEqualTo("ename"));
        OutputComparison withValues = new OutputComparison(new ComparisonOptions(Sanitizer.NONE, false, true));
        assertThat(withValues.compare(List.of(stored), List.of(fresh))).isPresent();
    }

    @Test
    void missingAndUnexpectedOutputsAreDifferences() {
        List<ObjectNode> stored = List.of(stream("stdout", "a\n"));
        List<ObjectNode> fresh = List.of(result(Map.of("text/plain", "1")));
        OutputDifference difference = defaults.compare(stored, fresh).orElseThrow();
        assertThat(difference.entries())
                .extracting(OutputDifference.Entry::key)
                .containsExactly("stdout", "text/plain");
        assertThat(difference.describe())
                .contains("stdout: stored, but the fresh run produced none")
                .contains("text/plain: produced by the fresh run, but not stored");
    }

    @Test
    void theNumberOfOutputsPerKeyMatters() {
        List<ObjectNode> stored = List.of(result(Map.of("text/plain", "1")));
        List<ObjectNode> fresh = List.of(display(Map.of("text/plain", "1")), result(Map.of("text/plain", "1")));
        assertThat(defaults.compare(stored, fresh))
                .hasValueSatisfying(d -> assertThat(d.describe()).contains("text/plain: 1 stored output(s), 2 fresh"));
    }

    @Test
    void sanitizersApplyToBothSides() {
        OutputComparison sanitized = new OutputComparison(
                new ComparisonOptions(Sanitizer.fromPairs(Map.of("at 0x[0-9a-f]+", "at ADDR")), false, false));
        List<ObjectNode> stored = List.of(result(Map.of("text/plain", "<A at 0xdead>")));
        List<ObjectNode> fresh = List.of(result(Map.of("text/plain", "<A at 0x5f4dcc6>")));
        assertThat(defaults.compare(stored, fresh)).isPresent();
        assertThat(sanitized.compare(stored, fresh)).isEmpty();
    }

    @Test
    void jsonDataIsComparedAsJsonNotAsText() {
        ObjectNode stored = json.createObjectNode().put("output_type", "display_data");
        stored.putObject("data").putObject("application/json").put("a", 1).put("b", 2);
        ObjectNode fresh = json.createObjectNode().put("output_type", "display_data");
        fresh.putObject("data").putObject("application/json").put("b", 2).put("a", 1);
        assertThat(defaults.compare(List.of(stored), List.of(fresh))).isEmpty();
    }

    @Test
    void describeShowsALineDiff() {
        Optional<OutputDifference> difference = defaults.compare(
                List.of(stream("stdout", "one\ntwo\nthree\n")), List.of(stream("stdout", "one\n2\nthree\n")));
        assertThat(difference.orElseThrow().describe())
                .isEqualTo("    stdout (- stored, + fresh):\n        one\n      - two\n      + 2\n        three\n");
    }

    private ObjectNode stream(String name, String text) {
        return json.createObjectNode()
                .put("output_type", "stream")
                .put("name", name)
                .put("text", text);
    }

    private ObjectNode result(Map<String, String> data) {
        ObjectNode output = display(data);
        output.put("output_type", "execute_result");
        return output;
    }

    private ObjectNode display(Map<String, String> data) {
        ObjectNode output = json.createObjectNode().put("output_type", "display_data");
        ObjectNode bundle = output.putObject("data");
        data.forEach(bundle::put);
        output.putObject("metadata");
        return output;
    }

    private ObjectNode error(String ename, String evalue, String traceback) {
        ObjectNode output = json.createObjectNode()
                .put("output_type", "error")
                .put("ename", ename)
                .put("evalue", evalue);
        output.putArray("traceback").add(traceback);
        return output;
    }

    private static List<ObjectNode> copy(List<ObjectNode> outputs) {
        return outputs.stream().map(ObjectNode::deepCopy).toList();
    }
}

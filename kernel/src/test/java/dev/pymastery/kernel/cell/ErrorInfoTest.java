package dev.pymastery.kernel.cell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ErrorInfoTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsWhatEitherPythonSideReports() {
        ErrorInfo error = ErrorInfo.fromJson(JSON.readTree(
                "{\"ename\": \"ValueError\", \"evalue\": \"bad\", \"traceback\": [\"line 1\", \"ValueError: bad\"]}"));
        assertThat(error).isEqualTo(new ErrorInfo("ValueError", "bad", java.util.List.of("line 1", "ValueError: bad")));
    }

    @Test
    void aMissingOrBlankNameReadsAsError() {
        assertThat(ErrorInfo.fromJson(JSON.readTree("{}"))).isEqualTo(new ErrorInfo("Error", "", java.util.List.of()));
        assertThat(ErrorInfo.fromJson(JSON.readTree("{\"ename\": \" \", \"evalue\": \"x\"}"))
                        .ename())
                .isEqualTo("Error");
    }
}

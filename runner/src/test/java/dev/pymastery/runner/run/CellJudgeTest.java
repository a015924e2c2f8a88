package dev.pymastery.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.client.CellRun;
import dev.pymastery.runner.compare.ComparisonOptions;
import dev.pymastery.runner.compare.Markers;
import dev.pymastery.runner.compare.OutputComparison;
import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.report.CellVerdict;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CellJudgeTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final OutputComparison comparison = new OutputComparison(ComparisonOptions.defaults());
    private final CellJudge strict = new CellJudge(comparison, false, false);
    private final CellJudge lax = new CellJudge(comparison, true, false);
    private final CellJudge update = new CellJudge(comparison, false, true);

    @Test
    void matchingOutputsPass() {
        assertThat(strict.judge(cell(stdout("1\n")), Markers.NONE, ran(stdout("1\n"))))
                .isInstanceOf(CellVerdict.Passed.class);
    }

    @Test
    void differentOutputsFailUnlessIgnoredOrLax() {
        CodeCell cell = cell(stdout("1\n"));
        CellRun run = ran(stdout("2\n"));
        assertThat(strict.judge(cell, Markers.NONE, run)).isInstanceOf(CellVerdict.OutputsDiffer.class);
        assertThat(strict.judge(cell, new Markers(false, Optional.of(false), false), run))
                .isInstanceOf(CellVerdict.Passed.class);
        assertThat(lax.judge(cell, Markers.NONE, run)).isInstanceOf(CellVerdict.Passed.class);
        assertThat(lax.judge(cell, new Markers(false, Optional.of(true), false), run))
                .isInstanceOf(CellVerdict.OutputsDiffer.class);
    }

    @Test
    void anErrorFailsTheCellEvenWhenLaxAndStored() {
        ObjectNode error = error("CheckFailed", "lab 1.2 is not done");
        CellVerdict verdict = lax.judge(cell(error), Markers.NONE, ran(error));
        assertThat(verdict).isEqualTo(new CellVerdict.Raised("CheckFailed", "lab 1.2 is not done", List.of("tb")));
    }

    @Test
    void anExpectedErrorPassesAndIsComparedByName() {
        Markers raises = new Markers(false, Optional.empty(), true);
        assertThat(strict.judge(cell(error("ValueError", "a")), raises, ran(error("ValueError", "b"))))
                .isInstanceOf(CellVerdict.Passed.class);
        assertThat(strict.judge(cell(error("ValueError", "a")), raises, ran(error("KeyError", "a"))))
                .isInstanceOf(CellVerdict.OutputsDiffer.class);
    }

    @Test
    void anErrorReplyWithoutErrorOutputStillFails() {
        CellRun run = new CellRun.Completed(List.of(), OptionalInt.of(1), "error");
        assertThat(strict.judge(cell(), Markers.NONE, run)).isInstanceOf(CellVerdict.Raised.class);
    }

    @Test
    void aNeverRunCellHasNothingToCompareButMustStoreNoOutputs() {
        CodeCell unrun = new CodeCell(1, Optional.empty(), "x", List.of(), List.of(), OptionalInt.empty());
        assertThat(strict.judge(unrun, Markers.NONE, ran(stdout("anything\n")))).isInstanceOf(CellVerdict.Passed.class);
        CodeCell unrunWithOutputs =
                new CodeCell(1, Optional.empty(), "x", List.of(), List.of(stdout("old\n")), OptionalInt.empty());
        assertThat(strict.judge(unrunWithOutputs, Markers.NONE, ran(stdout("old\n"))))
                .isInstanceOf(CellVerdict.OutputsDiffer.class);
        assertThat(update.judge(unrunWithOutputs, Markers.NONE, ran(stdout("old\n"))))
                .isInstanceOf(CellVerdict.Passed.class);
    }

    @Test
    void updateTurnsDifferencesIntoUpdates() {
        assertThat(update.judge(cell(stdout("1\n")), Markers.NONE, ran(stdout("2\n"))))
                .isInstanceOf(CellVerdict.Updated.class);
    }

    @Test
    void timeoutsAndDeadKernelsFail() {
        assertThat(strict.judge(cell(), Markers.NONE, new CellRun.TimedOut(List.of(), "Cell timeout", true)))
                .isEqualTo(new CellVerdict.TimedOut("Cell timeout"));
        assertThat(strict.judge(cell(), Markers.NONE, new CellRun.KernelDied(List.of(), "exited with code 1")))
                .isInstanceOfSatisfying(CellVerdict.KernelLost.class, lost -> assertThat(lost.message())
                        .contains("exited with code 1"));
    }

    private CodeCell cell(ObjectNode... outputs) {
        return new CodeCell(2, Optional.of("abc"), "code", List.of(), List.of(outputs), OptionalInt.of(1));
    }

    private static CellRun ran(ObjectNode... outputs) {
        return new CellRun.Completed(List.of(outputs), OptionalInt.of(1), "ok");
    }

    private ObjectNode stdout(String text) {
        return json.createObjectNode()
                .put("output_type", "stream")
                .put("name", "stdout")
                .put("text", text);
    }

    private ObjectNode error(String ename, String evalue) {
        ObjectNode error = json.createObjectNode()
                .put("output_type", "error")
                .put("ename", ename)
                .put("evalue", evalue);
        error.putArray("traceback").add("tb");
        return error;
    }
}

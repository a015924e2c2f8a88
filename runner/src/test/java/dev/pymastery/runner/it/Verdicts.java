package dev.pymastery.runner.it;

import dev.pymastery.runner.report.CellResult;
import dev.pymastery.runner.report.CellVerdict;
import dev.pymastery.runner.report.NotebookResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test views of results: verdicts by cell id. */
final class Verdicts {
    private Verdicts() {}

    static Map<String, CellVerdict> byId(NotebookResult result) {
        Map<String, CellVerdict> verdicts = new LinkedHashMap<>();
        for (CellResult cell : result.cells()) {
            verdicts.put(cell.cell().id().orElse("#" + cell.cell().number()), cell.verdict());
        }
        return verdicts;
    }

    /** Kind names by cell id, e.g. {@code pass-result=Passed}: one readable assertion per notebook. */
    static Map<String, String> kinds(NotebookResult result) {
        Map<String, String> kinds = new LinkedHashMap<>();
        byId(result).forEach((id, verdict) -> kinds.put(id, verdict.getClass().getSimpleName()));
        return kinds;
    }
}

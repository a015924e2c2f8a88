package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.GuestValue;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code %%capture [--no-stdout] [--no-stderr] [--no-display] [NAME]}: runs the body as a GraalPy
 * cell (its magics included) and keeps what it prints and displays instead of showing it, in
 * {@code NAME} as IPython's {@code CapturedIO} when named. An error still shows, as in IPython.
 */
final class CaptureMagic implements CellMagic {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "capture";
    }

    @Override
    public String help() {
        return "%%capture [--no-stdout] [--no-stderr] [--no-display] [NAME]: run the cell, keeping its output"
                + " (in NAME: .stdout, .stderr, .outputs, .show())";
    }

    @Override
    public CellResult run(String args, String body, MagicContext context) {
        GuestValue refused = context.python().call("capture_cell_begin", args);
        if (!refused.isNone()) {
            return new CellResult.Failed(
                    ErrorInfo.fromJson(JSON.readTree(refused.text().orElseThrow())));
        }
        CellResult result;
        try {
            result = context.python().run(context.cell(CellParser.rewriteLineMagics(body)), context.output());
        } finally {
            context.python().call("capture_cell_end");
        }
        return result instanceof CellResult.Failed ? result : new CellResult.Ok(Optional.empty());
    }
}

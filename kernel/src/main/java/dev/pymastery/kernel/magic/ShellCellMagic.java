package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.GuestValue;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cell magic done by a method of the kernel's Python shell, called with the magic's arguments
 * and the body ({@code %%writefile}, {@code %%bash}).
 *
 * @param method the shell's method, run through its {@code run_cell_magic}
 */
record ShellCellMagic(String name, String help, String method) implements CellMagic {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public CellResult run(String args, String body, MagicContext context) {
        // The shell expands {expr} / $name in the arguments and returns a Python error as JSON
        // (e.g. FileNotFoundError from %%writefile), which the cell reports like any other.
        GuestValue error = context.python().call("run_cell_magic", method, args, body);
        if (error.isNone()) {
            return new CellResult.Ok(Optional.empty());
        }
        return new CellResult.Failed(
                ErrorInfo.fromJson(JSON.readTree(error.text().orElseThrow())));
    }
}

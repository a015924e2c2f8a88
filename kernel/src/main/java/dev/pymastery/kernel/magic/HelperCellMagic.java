package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.GuestValue;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cell magic done in Python by a method of the kernel's shell, called with the magic's
 * arguments and the body ({@code %%writefile}, {@code %%bash}).
 */
final class HelperCellMagic implements CellMagic {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final String name;
    private final String help;
    private final String method;

    HelperCellMagic(String name, String help, String method) {
        this.name = name;
        this.help = help;
        this.method = method;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String help() {
        return help;
    }

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

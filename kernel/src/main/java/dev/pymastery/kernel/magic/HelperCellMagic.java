package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.runtime.CellResult;
import java.util.Optional;

/**
 * A cell magic done in Python by a method of the kernel's shell, called with the magic's
 * arguments and the body ({@code %%writefile}, {@code %%bash}).
 */
final class HelperCellMagic implements CellMagic {
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
        context.python().call(method, args, body);
        return new CellResult.Ok(Optional.empty());
    }
}

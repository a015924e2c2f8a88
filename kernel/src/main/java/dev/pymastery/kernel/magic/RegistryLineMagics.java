package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.magic.LineMagic.Outcome;
import java.util.List;
import java.util.Optional;

/** Line magics met in a Python cell, run from the session's registry in the cell that is running. */
public final class RegistryLineMagics implements LineMagicHandler {
    private final MagicRegistry magics;
    private final RunningCell running;

    public RegistryLineMagics(MagicRegistry magics, RunningCell running) {
        this.magics = magics;
        this.running = running;
    }

    @Override
    public Outcome run(String name, String args) {
        Optional<LineMagic> magic = magics.line(name);
        if (magic.isEmpty()) {
            return new Outcome.Failed(magics.unknownLine(name));
        }
        Optional<MagicContext> cell = running.current();
        if (cell.isEmpty()) {
            return new Outcome.Failed("%" + name + " runs in a cell; no cell is running");
        }
        try {
            return magic.get().run(args, cell.get());
        } catch (MagicUsageException e) {
            return new Outcome.Failed(e.getMessage());
        }
    }

    @Override
    public List<String> names(boolean cellMagics) {
        return cellMagics
                ? magics.cellMagics().stream().map(CellMagic::name).toList()
                : magics.lineMagics().stream().map(LineMagic::name).toList();
    }
}

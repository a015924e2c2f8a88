package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.magic.LineMagic.Outcome;

/** {@code %lsmagic}: every line and cell magic with its help. */
final class LsMagic implements LineMagic {
    @Override
    public String name() {
        return "lsmagic";
    }

    @Override
    public String help() {
        return "%lsmagic: list the magics";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        StringBuilder text = new StringBuilder("Available line magics:\n");
        for (LineMagic magic : context.registry().lineMagics()) {
            text.append("  %")
                    .append(magic.name())
                    .append("\n      ")
                    .append(magic.help())
                    .append('\n');
        }
        text.append("\nAvailable cell magics:\n");
        for (CellMagic magic : context.registry().cellMagics()) {
            text.append("  %%")
                    .append(magic.name())
                    .append("\n      ")
                    .append(magic.help())
                    .append('\n');
        }
        context.python().call("user_magics_listing").text().ifPresent(text::append);
        text.append("\nLine magics can stand anywhere a statement can; cell magics go on the first line.");
        context.print(text.toString());
        return new Outcome.None();
    }
}

package dev.pymastery.kernel.magic;

/** A cell as the magic parser reads it. */
public sealed interface ParsedCell {
    /** Python code; line magics and {@code !} commands in it are rewritten into calls. */
    record Python(String code) implements ParsedCell {}

    /** {@code %%name args} on the first line; the rest of the cell is the body. */
    record CellMagicCall(String name, String args, String body) implements ParsedCell {}
}

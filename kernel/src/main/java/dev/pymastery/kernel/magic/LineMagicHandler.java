package dev.pymastery.kernel.magic;

import java.util.List;

/**
 * Runs the line magics a Python cell contains ({@code %time f()}, {@code x = %pwd}) for the shell
 * that meets them: {@link RegistryLineMagics} over the session's registry. Called on the shell's
 * thread, in the middle of the cell.
 */
public interface LineMagicHandler {
    LineMagic.Outcome run(String name, String args);

    /** Names of the known magics of one kind, for completion. */
    List<String> names(boolean cellMagics);
}

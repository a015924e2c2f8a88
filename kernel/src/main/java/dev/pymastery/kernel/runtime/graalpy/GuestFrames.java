package dev.pymastery.kernel.runtime.graalpy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * Python-style traceback lines from the guest frames of an exception Python could not format
 * itself (an interrupt from outside, exhausted resources). Java frames never appear.
 */
final class GuestFrames {
    private GuestFrames() {}

    static List<String> format(PolyglotException exception, String hiddenSource) {
        List<String> frames = new ArrayList<>();
        for (PolyglotException.StackFrame frame : exception.getPolyglotStackTrace()) {
            if (!frame.isGuestFrame()) {
                continue;
            }
            SourceSection location = frame.getSourceLocation();
            if (location == null || location.getSource().getName().equals(hiddenSource)) {
                continue;
            }
            List<String> lines = new ArrayList<>(2);
            int line = location.getStartLine();
            lines.add("  File \"" + location.getSource().getName() + "\", line " + line + ", in "
                    + rootName(frame.getRootName()));
            if (location.getSource().hasCharacters()
                    && line <= location.getSource().getLineCount()) {
                lines.add("    "
                        + location.getSource().getCharacters(line).toString().strip());
            }
            frames.add(String.join("\n", lines));
        }
        Collections.reverse(frames);
        List<String> out = new ArrayList<>();
        frames.forEach(frame -> out.addAll(List.of(frame.split("\n"))));
        return out;
    }

    private static String rootName(String name) {
        return name == null || name.isEmpty() ? "<module>" : name;
    }
}

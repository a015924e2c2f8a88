package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.runtime.PythonSources;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads magics the way IPython spells them. A cell whose first line starts with {@code %%} belongs
 * to a cell magic. In Python code, a line that starts a logical line with {@code %name args} (or
 * {@code target = %name args}) becomes a call to {@code _pymastery_line_magic("name", "args")},
 * {@code !cmd} (or {@code target = !cmd}) a call of the {@code system} (or {@code sx}) magic, and
 * IPython's help ({@code obj?}, {@code obj??}, {@code ?obj}) a call of {@code pinfo} or {@code pinfo2}.
 * Lines inside strings, brackets and backslash continuations are left alone.
 */
public final class CellParser {
    private static final Pattern CELL_MAGIC = Pattern.compile("^%%([A-Za-z_][\\w.]*)[ \\t]*(.*)$");
    private static final Pattern LINE_MAGIC = Pattern.compile("^(\\s*)%([A-Za-z_][\\w.]*)(.*)$");
    private static final Pattern SHELL = Pattern.compile("^(\\s*)!(.*)$");
    private static final String TARGET = "[A-Za-z_][\\w.]*(?:\\s*,\\s*[A-Za-z_][\\w.]*)*";
    private static final Pattern ASSIGNED_MAGIC =
            Pattern.compile("^(\\s*)(" + TARGET + ")\\s*=\\s*%([A-Za-z_][\\w.]*)(.*)$");
    private static final Pattern ASSIGNED_SHELL = Pattern.compile("^(\\s*)(" + TARGET + ")\\s*=\\s*!(.*)$");
    /** IPython's help: {@code obj?} or {@code ?obj} (%pinfo), {@code obj??} or {@code ??obj} (%pinfo2). */
    private static final Pattern HELP_AFTER = Pattern.compile("^(\\s*)([A-Za-z_][\\w.]*)\\s*(\\?\\??)\\s*$");

    private static final Pattern HELP_BEFORE = Pattern.compile("^(\\s*)(\\?\\??)\\s*([A-Za-z_][\\w.]*)\\s*$");

    private CellParser() {}

    public static ParsedCell parse(String code) {
        String trimmed = code.stripLeading();
        if (trimmed.startsWith("%%")) {
            int end = trimmed.indexOf('\n');
            String first = end < 0 ? trimmed : trimmed.substring(0, end);
            Matcher m = CELL_MAGIC.matcher(first.stripTrailing());
            if (m.matches()) {
                String body = end < 0 ? "" : trimmed.substring(end + 1);
                return new ParsedCell.CellMagicCall(m.group(1), m.group(2).strip(), body);
            }
        }
        return new ParsedCell.Python(rewriteLineMagics(code));
    }

    /** Rewrites line magics and shell escapes into Python calls; other lines stay as they are. */
    public static String rewriteLineMagics(String code) {
        String[] lines = code.split("\n", -1);
        boolean[] starts = LogicalLines.starts(lines);
        StringBuilder out = new StringBuilder(code.length() + 32);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(starts[i] ? rewrite(lines[i]) : lines[i]);
        }
        return out.toString();
    }

    private static String rewrite(String line) {
        Matcher m = LINE_MAGIC.matcher(line);
        if (m.matches()) {
            return m.group(1) + call(m.group(2), m.group(3));
        }
        m = HELP_AFTER.matcher(line);
        if (m.matches()) {
            return m.group(1) + call(m.group(3).length() == 2 ? "pinfo2" : "pinfo", m.group(2));
        }
        m = HELP_BEFORE.matcher(line);
        if (m.matches()) {
            return m.group(1) + call(m.group(2).length() == 2 ? "pinfo2" : "pinfo", m.group(3));
        }
        m = SHELL.matcher(line);
        if (m.matches()) {
            return m.group(1) + call("system", m.group(2));
        }
        m = ASSIGNED_MAGIC.matcher(line);
        if (m.matches()) {
            return m.group(1) + m.group(2) + " = " + call(m.group(3), m.group(4));
        }
        m = ASSIGNED_SHELL.matcher(line);
        if (m.matches()) {
            return m.group(1) + m.group(2) + " = " + call("sx", m.group(3));
        }
        return line;
    }

    private static String call(String name, String args) {
        return "_pymastery_line_magic(" + pythonString(name) + ", " + pythonString(args.strip()) + ")";
    }

    /** A double-quoted Python string literal for any text. */
    static String pythonString(String text) {
        return PythonSources.pythonString(text);
    }
}

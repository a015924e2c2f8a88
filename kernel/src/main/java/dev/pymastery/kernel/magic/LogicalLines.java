package dev.pymastery.kernel.magic;

/**
 * Finds which physical lines of Python source begin a logical line: not inside a string, not
 * inside brackets, not after a backslash continuation. A light lexer, enough to tell where a magic
 * may stand; it does not validate Python.
 */
final class LogicalLines {
    private LogicalLines() {}

    static boolean[] starts(String[] lines) {
        boolean[] starts = new boolean[lines.length];
        int depth = 0;
        String quote = null;
        boolean continued = false;
        for (int n = 0; n < lines.length; n++) {
            starts[n] = depth == 0 && quote == null && !continued;
            String line = lines[n];
            continued = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != null) {
                    if (c == '\\') {
                        if (i == line.length() - 1) {
                            continued = quote.length() == 1;
                        }
                        i++;
                    } else if (line.startsWith(quote, i)) {
                        i += quote.length() - 1;
                        quote = null;
                    }
                    continue;
                }
                switch (c) {
                    case '#' -> i = line.length();
                    case '\'', '"' -> {
                        String triple = String.valueOf(c).repeat(3);
                        quote = line.startsWith(triple, i) ? triple : String.valueOf(c);
                        i += quote.length() - 1;
                    }
                    case '(', '[', '{' -> depth++;
                    case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                    case '\\' -> continued = i == line.length() - 1;
                    default -> {}
                }
            }
            if (quote != null && quote.length() == 1 && !continued) {
                quote = null; // an unterminated one-line string ends at the newline
            }
        }
        return starts;
    }
}

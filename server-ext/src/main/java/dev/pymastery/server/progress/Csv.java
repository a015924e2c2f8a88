package dev.pymastery.server.progress;

/** RFC 4180 fields, with a leading quote for cells a spreadsheet would run as a formula. */
final class Csv {
    private Csv() {}

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}

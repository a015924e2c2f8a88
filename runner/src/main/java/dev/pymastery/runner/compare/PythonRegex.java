package dev.pymastery.runner.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python {@code re.sub(pattern, template, text)} in Java, for sanitizer files written for nbval.
 * Patterns: {@code (?P<name>...)}, {@code (?P=name)} and {@code \Z} are translated, group names
 * may hold underscores, character classes are Unicode-aware as in Python 3. Templates:
 * {@code \1}, {@code \g<1>}, {@code \g<name>}, the usual escapes; an unmatched group gives "".
 */
final class PythonRegex {
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P<([A-Za-z_][A-Za-z0-9_]*)>");
    private static final Pattern NAMED_BACKREFERENCE = Pattern.compile("\\(\\?P=([A-Za-z_][A-Za-z0-9_]*)\\)");

    /** A piece of a template: literal text, or a group by number or (Java) name. */
    private sealed interface Part {
        record Literal(String text) implements Part {}

        record Numbered(int group) implements Part {}

        record Named(String group) implements Part {}
    }

    private final Pattern pattern;
    private final List<Part> template;

    private PythonRegex(Pattern pattern, List<Part> template) {
        this.pattern = pattern;
        this.template = List.copyOf(template);
    }

    static PythonRegex of(String pythonPattern, String pythonTemplate) {
        Map<String, String> names = new HashMap<>();
        Matcher named = NAMED_GROUP.matcher(pythonPattern);
        StringBuilder javaPattern = new StringBuilder();
        while (named.find()) {
            // Java group names allow letters and digits only.
            String javaName = "g" + names.size() + named.group(1).replace("_", "");
            names.put(named.group(1), javaName);
            named.appendReplacement(javaPattern, Matcher.quoteReplacement("(?<" + javaName + ">"));
        }
        named.appendTail(javaPattern);
        String java = NAMED_BACKREFERENCE
                .matcher(javaPattern)
                .replaceAll(match ->
                        Matcher.quoteReplacement("\\k<" + names.getOrDefault(match.group(1), match.group(1)) + ">"))
                .replace("\\Z", "\\z");
        return new PythonRegex(
                Pattern.compile(java, Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES),
                template(pythonTemplate, names));
    }

    String apply(String text) {
        return pattern.matcher(text).replaceAll(match -> Matcher.quoteReplacement(expand(match)));
    }

    private String expand(MatchResult match) {
        StringBuilder out = new StringBuilder();
        for (Part part : template) {
            String value =
                    switch (part) {
                        case Part.Literal literal -> literal.text();
                        case Part.Numbered numbered -> match.group(numbered.group());
                        case Part.Named name -> match.group(name.group());
                    };
            out.append(value == null ? "" : value);
        }
        return out.toString();
    }

    private static List<Part> template(String python, Map<String, String> names) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c != '\\' || i + 1 == python.length()) {
                literal.append(c);
                continue;
            }
            char next = python.charAt(++i);
            Part group = null;
            if (Character.isDigit(next)) {
                int end = i + 1 < python.length() && Character.isDigit(python.charAt(i + 1)) ? i + 2 : i + 1;
                group = new Part.Numbered(Integer.parseInt(python.substring(i, end)));
                i = end - 1;
            } else if (next == 'g' && i + 1 < python.length() && python.charAt(i + 1) == '<') {
                int close = python.indexOf('>', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated \\g< in replacement '" + python + "'");
                }
                String name = python.substring(i + 2, close);
                group = name.chars().allMatch(Character::isDigit)
                        ? new Part.Numbered(Integer.parseInt(name))
                        : new Part.Named(names.getOrDefault(name, name));
                i = close;
            } else {
                literal.append(
                        switch (next) {
                            case 'n' -> "\n";
                            case 't' -> "\t";
                            case 'r' -> "\r";
                            case 'f' -> "\f";
                            case 'v' -> "\u000b";
                            case 'a' -> "\u0007";
                            case '\\' -> "\\";
                            default -> "\\" + next; // Python keeps unknown escapes as written
                        });
            }
            if (group != null) {
                parts.add(new Part.Literal(literal.toString()));
                literal.setLength(0);
                parts.add(group);
            }
        }
        parts.add(new Part.Literal(literal.toString()));
        return parts;
    }
}

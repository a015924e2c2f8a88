package dev.pymastery.runner.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regex replacements applied to output text on both sides before comparing, read from nbval's
 * sanitizer files: INI-like sections whose {@code regex: PATTERN} line is followed by a
 * {@code replace: TEMPLATE} line, in Python's {@code re} syntax. Replacements apply in file order;
 * a pattern repeated later keeps its first place and takes the later replacement (as nbval's
 * ordered dictionary does).
 */
public final class Sanitizer {
    private static final Pattern PAIR =
            Pattern.compile("^regex: (.*)$\n^replace: (.*)$", Pattern.MULTILINE | Pattern.UNIX_LINES);

    public static final Sanitizer NONE = new Sanitizer(List.of());

    private final List<PythonRegex> replacements;

    private Sanitizer(List<PythonRegex> replacements) {
        this.replacements = List.copyOf(replacements);
    }

    /** The replacements of all files, in order. */
    public static Sanitizer fromFiles(List<Path> files) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                pairs.putAll(parse(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read sanitizer file " + file, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sanitizer file " + file + ": " + e.getMessage(), e);
            }
        }
        return fromPairs(pairs);
    }

    /** Replacements from (pattern, template) pairs in Python syntax. */
    public static Sanitizer fromPairs(Map<String, String> pairs) {
        List<PythonRegex> replacements = new ArrayList<>();
        pairs.forEach((regex, replace) -> {
            try {
                replacements.add(PythonRegex.of(regex, replace));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regex '" + regex + "': " + e.getDescription(), e);
            }
        });
        return new Sanitizer(replacements);
    }

    static Map<String, String> parse(String content) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher matcher = PAIR.matcher(content.replace("\r\n", "\n"));
        while (matcher.find()) {
            pairs.put(matcher.group(1), matcher.group(2));
        }
        return pairs;
    }

    public String apply(String text) {
        for (PythonRegex replacement : replacements) {
            text = replacement.apply(text);
        }
        return text;
    }

    public boolean isEmpty() {
        return replacements.isEmpty();
    }
}

package dev.pymastery.kernel.magic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@code %%cpython [RUNTIME] [--in a,b] [--out c] [--timeout S] [--fresh]}.
 *
 * @param runtime the runtime named on the line, when one is
 * @param in GraalPy names copied into the runtime before the cell
 * @param out runtime names copied back into GraalPy after it
 */
record CPythonArgs(
        Optional<String> runtime, List<String> in, List<String> out, Optional<Duration> timeout, boolean fresh) {
    static final String USAGE = "[RUNTIME] [--in a,b] [--out c] [--timeout SECONDS] [--fresh]";

    CPythonArgs {
        in = List.copyOf(in);
        out = List.copyOf(out);
    }

    /**
     * @param magic the magic's name, for messages
     * @param runtimeAllowed whether a runtime name may come first ({@code %%ft} names its own)
     * @throws MagicUsageException naming what is wrong
     */
    static CPythonArgs parse(String args, String magic, boolean runtimeAllowed) {
        List<String> tokens = new ArrayList<>(List.of(args.strip().split("\\s+")));
        tokens.removeIf(String::isEmpty);
        Optional<String> runtime = Optional.empty();
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        Optional<Duration> timeout = Optional.empty();
        boolean fresh = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String option = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
            String inline = token.contains("=") ? token.substring(token.indexOf('=') + 1) : null;
            switch (option) {
                case "--in", "--out" -> {
                    StringBuilder value =
                            new StringBuilder(inline != null ? inline : value(tokens, ++i, option, magic));
                    // "--in a, b" reads as "--in a,b"
                    while (value.toString().endsWith(",")
                            && i + 1 < tokens.size()
                            && !tokens.get(i + 1).startsWith("-")) {
                        value.append(tokens.get(++i));
                    }
                    (option.equals("--in") ? in : out).addAll(names(value.toString(), option, magic));
                }
                case "--timeout" ->
                    timeout = Optional.of(seconds(inline != null ? inline : value(tokens, ++i, option, magic), magic));
                case "--fresh" -> fresh = true;
                default -> {
                    if (token.startsWith("-")) {
                        throw usage(magic, "unknown option " + token);
                    }
                    if (!runtimeAllowed || runtime.isPresent() || i > 0) {
                        throw usage(magic, "unexpected '" + token + "'");
                    }
                    runtime = Optional.of(token);
                }
            }
        }
        return new CPythonArgs(runtime, in, out, timeout, fresh);
    }

    private static String value(List<String> tokens, int i, String option, String magic) {
        if (i >= tokens.size() || tokens.get(i).startsWith("--")) {
            throw usage(magic, option + " needs a value");
        }
        return tokens.get(i);
    }

    private static List<String> names(String value, String option, String magic) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw usage(magic, option + " takes names separated by commas, and '" + trimmed + "' is not a name");
            }
            names.add(trimmed);
        }
        if (names.isEmpty()) {
            throw usage(magic, option + " needs at least one name");
        }
        return names;
    }

    private static Duration seconds(String value, String magic) {
        try {
            double seconds = Double.parseDouble(value);
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
        } catch (NumberFormatException e) {
            throw usage(magic, "--timeout needs a number of seconds above 0, not '" + value + "'");
        }
    }

    private static MagicUsageException usage(String magic, String problem) {
        return new MagicUsageException("%%" + magic + ": " + problem + ". Usage: %%" + magic + " "
                + (magic.equals("cpython") ? USAGE : USAGE.substring("[RUNTIME] ".length())));
    }
}

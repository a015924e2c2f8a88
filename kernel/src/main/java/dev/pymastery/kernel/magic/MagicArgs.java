package dev.pymastery.kernel.magic;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Options at the start of a magic's arguments, getopt style, the rest kept verbatim:
 * {@code -n 10 -r3 -q x = f()} gives n=10, r=3, q and the rest {@code x = f()}.
 */
public record MagicArgs(Map<String, String> options, String rest) {
    public MagicArgs {
        options = Map.copyOf(options);
    }

    /**
     * @param withValue option letters that take a value
     * @param flags option letters that take none
     * @throws MagicUsageException for an unknown option or a missing value
     */
    public static MagicArgs parse(String args, Set<String> withValue, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        String text = args.strip();
        while (text.startsWith("-") && text.length() > 1 && !Character.isDigit(text.charAt(1))) {
            int end = firstSpace(text);
            String token = text.substring(1, end);
            text = text.substring(end).stripLeading();
            String letter = token.substring(0, 1);
            if (flags.contains(letter) && token.length() == 1) {
                options.put(letter, "");
            } else if (withValue.contains(letter)) {
                String value = token.substring(1);
                if (value.isEmpty()) {
                    if (text.isEmpty()) {
                        throw new MagicUsageException("option -" + letter + " needs a value");
                    }
                    int valueEnd = firstSpace(text);
                    value = text.substring(0, valueEnd);
                    text = text.substring(valueEnd).stripLeading();
                }
                options.put(letter, value);
            } else {
                throw new MagicUsageException("unknown option -" + token);
            }
        }
        return new MagicArgs(options, text);
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    public Optional<String> option(String letter) {
        return Optional.ofNullable(options.get(letter));
    }

    public boolean flag(String letter) {
        return options.containsKey(letter);
    }

    public int intOption(String letter, int fallback) {
        String value = options.get(letter);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new MagicUsageException("option -" + letter + " needs a whole number, not '" + value + "'");
        }
    }
}

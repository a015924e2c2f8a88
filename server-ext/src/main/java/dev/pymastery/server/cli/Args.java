package dev.pymastery.server.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Flags ({@code --name value}, {@code --name=value}, {@code --switch}) and positional arguments. */
final class Args {
    private final Map<String, String> flags = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    static Args parse(List<String> args, Set<String> valued, Set<String> switches) {
        Args parsed = new Args();
        Deque<String> rest = new ArrayDeque<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            if (!arg.startsWith("--")) {
                parsed.positional.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (switches.contains(name)) {
                parsed.flags.put(name, value == null ? "true" : value);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (rest.isEmpty()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = rest.removeFirst();
                }
                parsed.flags.put(name, value);
            } else {
                throw new UsageException("unknown option '" + name + "'");
            }
        }
        return parsed;
    }

    String flag(String name, String fallback) {
        return flags.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return flags.containsKey(name);
    }

    List<String> positional() {
        return positional;
    }

    String single(String what) {
        if (positional.size() != 1) {
            throw new UsageException("expected one " + what + ", got " + positional.size());
        }
        return positional.get(0);
    }
}

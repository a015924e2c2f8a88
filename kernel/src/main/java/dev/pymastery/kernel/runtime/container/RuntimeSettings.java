package dev.pymastery.kernel.runtime.container;

import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One runtime's merged settings, read with messages that name the setting and its source. */
record RuntimeSettings(ObjectNode node, String where) {
    String text(String key, String fallback) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? fallback : value.asString().strip();
    }

    Optional<String> optionalText(String key) {
        String value = text(key, "");
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    boolean flag(String key, boolean fallback) {
        String value = text(key, String.valueOf(fallback)).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default ->
                throw new RuntimeConfigException(where + ": " + key + " must be true or false, not '" + value + "'");
        };
    }

    double number(String key) {
        String value = text(key, "0");
        try {
            double number = Double.parseDouble(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new RuntimeConfigException(where + ": " + key + " must be a number ≥ 0, not '" + value + "'");
        }
    }

    long bytes(String key) {
        String value = text(key, "0").toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long scale = 1;
        if (!value.isEmpty() && "kmg".indexOf(value.charAt(value.length() - 1)) >= 0) {
            scale = 1L << (10 * ("kmg".indexOf(value.charAt(value.length() - 1)) + 1));
            value = value.substring(0, value.length() - 1);
        }
        try {
            double number = Double.parseDouble(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return Math.round(number * scale);
        } catch (NumberFormatException e) {
            throw new RuntimeConfigException(
                    where + ": " + key + " must be a size like 512m or 2g, not '" + text(key, "") + "'");
        }
    }

    RuntimeSpec.EngineChoice engine() {
        String value = text("engine", "auto");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "auto" -> RuntimeSpec.EngineChoice.AUTO;
            case "docker", "podman" -> RuntimeSpec.EngineChoice.DOCKER;
            case "process", "local" -> RuntimeSpec.EngineChoice.PROCESS;
            default ->
                throw new RuntimeConfigException(
                        where + ": engine must be auto, docker or process, not '" + value + "'");
        };
    }
}

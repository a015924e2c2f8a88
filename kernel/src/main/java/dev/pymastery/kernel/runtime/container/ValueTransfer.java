package dev.pymastery.kernel.runtime.container;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values on their way between namespaces, as pickles (base64), with the ones that could not
 * travel. GraalPy's helper and the agent use the same JSON shape: {@code {"values": {name:
 * base64}, "types": {name: type}, "errors": {name: {"type": "function" | null, "reason":
 * "..."}}}}.
 *
 * @param values pickled values by name
 * @param types the type of each value that was found, for messages about it on the other side
 * @param problems values that could not be pickled or loaded, by name
 */
public record ValueTransfer(Map<String, String> values, Map<String, String> types, Map<String, Problem> problems) {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    public ValueTransfer {
        values = Map.copyOf(values);
        types = Map.copyOf(types);
        problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /** Why a value could not travel; {@code type} is its type when it was found. */
    public record Problem(Optional<String> type, String reason) {
        /** "'f' (type function): PicklingError: ..."; {@code knownType} when the problem has none. */
        public String describe(String name, Optional<String> knownType) {
            String hint = reason.contains("Can't get attribute")
                    ? " (functions and classes travel by name only: define them on this side too)"
                    : "";
            return "'" + name + "'"
                    + type.or(() -> knownType).map(t -> " (type " + t + ")").orElse("") + ": " + reason + hint;
        }
    }

    /** Reads the JSON shape above. */
    public static ValueTransfer fromJson(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.path("values").forEachEntry((name, value) -> values.put(name, value.asString("")));
        Map<String, String> types = new LinkedHashMap<>();
        node.path("types").forEachEntry((name, type) -> types.put(name, type.asString("")));
        return new ValueTransfer(values, types, problems(node.path("errors")));
    }

    public static Map<String, Problem> problems(JsonNode errors) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        errors.forEachEntry((name, problem) -> problems.put(
                name,
                new Problem(
                        Optional.ofNullable(problem.path("type").asString(null)),
                        problem.path("reason").asString("it could not be copied"))));
        return problems;
    }

    public ObjectNode valuesJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        values.forEach(node::put);
        return node;
    }

    static Map<String, Problem> put(Session session, Map<String, String> pickles) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("op", "set");
        ObjectNode values = message.putObject("values");
        pickles.forEach(values::put);
        return problems(session.request(message, TIMEOUT).path("errors"));
    }

    static ValueTransfer get(Session session, List<String> names) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("op", "get");
        names.forEach(message.putArray("names")::add);
        return fromJson(session.request(message, TIMEOUT));
    }
}

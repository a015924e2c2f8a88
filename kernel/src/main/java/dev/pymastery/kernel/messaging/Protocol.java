package dev.pymastery.kernel.messaging;

import dev.pymastery.kernel.cell.Completeness;
import dev.pymastery.kernel.cell.Completion;
import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.Inspection;
import dev.pymastery.kernel.interpreter.ExecuteRequest;
import dev.pymastery.kernel.interpreter.ExpressionValue;
import dev.pymastery.kernel.interpreter.HistoryEntry;
import dev.pymastery.kernel.interpreter.HistoryQuery;
import dev.pymastery.kernel.interpreter.KernelInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Request contents in, reply contents out: the shapes of the Jupyter messaging spec. */
final class Protocol {
    private Protocol() {}

    /** Reads an execute_request; a missing or non-string {@code code} is the client's error. */
    static ExecuteRequest executeRequest(ObjectNode content, ObjectNode metadata) {
        JsonNode code = content.get("code");
        if (code == null) {
            throw new BadRequestException(
                    "KeyError", "execute_request has no 'code': the content must hold the cell's source as a string");
        }
        if (!code.isString()) {
            throw new BadRequestException(
                    "TypeError",
                    "execute_request's 'code' must be a string, not a JSON "
                            + code.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " ("
                            + abbreviated(code.toString()) + ")");
        }
        Map<String, String> expressions = new LinkedHashMap<>();
        content.path("user_expressions").forEachEntry((name, expr) -> expressions.put(name, expr.asString("")));
        return new ExecuteRequest(
                code.stringValue(),
                content.path("silent").asBoolean(false),
                content.path("store_history").asBoolean(true),
                expressions,
                content.path("allow_stdin").asBoolean(true),
                metadata.path("cellId").isString()
                        ? java.util.Optional.of(metadata.path("cellId").stringValue())
                        : java.util.Optional.empty());
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    static HistoryQuery historyQuery(ObjectNode content) {
        String type = content.path("hist_access_type").asString("tail");
        return switch (type) {
            case "range" ->
                new HistoryQuery.Range(
                        content.path("session").asInt(0),
                        content.path("start").asInt(0),
                        content.path("stop").asInt(Integer.MAX_VALUE));
            case "search" ->
                new HistoryQuery.Search(
                        content.path("pattern").asString("*"),
                        content.path("n").asInt(Integer.MAX_VALUE),
                        content.path("unique").asBoolean(false));
            default -> new HistoryQuery.Tail(content.path("n").asInt(10));
        };
    }

    static ObjectNode error(ObjectNode content, ErrorInfo error) {
        content.put("ename", error.ename());
        content.put("evalue", error.evalue());
        ArrayNode traceback = content.putArray("traceback");
        error.traceback().forEach(traceback::add);
        return content;
    }

    static ObjectNode kernelInfo(ObjectNode content, KernelInfo info) {
        content.put("status", "ok");
        content.put("protocol_version", Envelopes.PROTOCOL_VERSION);
        content.put("implementation", info.implementation());
        content.put("implementation_version", info.implementationVersion());
        ObjectNode language = content.putObject("language_info");
        language.put("name", "python");
        language.put("version", info.languageVersion());
        language.put("mimetype", "text/x-python");
        language.put("file_extension", ".py");
        language.put("pygments_lexer", "ipython3");
        ObjectNode mode = language.putObject("codemirror_mode");
        mode.put("name", "ipython");
        mode.put("version", 3);
        language.put("nbconvert_exporter", "python");
        content.put("banner", info.banner());
        content.put("debugger", false);
        ArrayNode links = content.putArray("help_links");
        for (KernelInfo.HelpLink link : info.helpLinks()) {
            links.addObject().put("text", link.text()).put("url", link.url());
        }
        return content;
    }

    static ObjectNode userExpressions(ObjectNode target, Map<String, ExpressionValue> values) {
        values.forEach((name, value) -> {
            ObjectNode entry = target.putObject(name);
            switch (value) {
                case ExpressionValue.Ok ok -> {
                    entry.put("status", "ok");
                    entry.set("data", ok.value().data());
                    entry.set("metadata", ok.value().metadata());
                }
                case ExpressionValue.Error failed -> {
                    entry.put("status", "error");
                    error(entry, failed.error());
                }
            }
        });
        return target;
    }

    static ObjectNode completion(ObjectNode content, Completion completion) {
        content.put("status", "ok");
        ArrayNode matches = content.putArray("matches");
        completion.matches().forEach(matches::add);
        content.put("cursor_start", completion.cursorStart());
        content.put("cursor_end", completion.cursorEnd());
        ArrayNode types = content.putObject("metadata").putArray("_jupyter_types_experimental");
        for (int i = 0; i < completion.matches().size(); i++) {
            types.addObject()
                    .put("start", completion.cursorStart())
                    .put("end", completion.cursorEnd())
                    .put("text", completion.matches().get(i))
                    .put("type", completion.types().get(i));
        }
        return content;
    }

    static ObjectNode inspection(ObjectNode content, Inspection inspection) {
        content.put("status", "ok");
        content.put("found", inspection.bundle().isPresent());
        inspection
                .bundle()
                .ifPresentOrElse(
                        bundle -> {
                            content.set("data", bundle.data());
                            content.set("metadata", bundle.metadata());
                        },
                        () -> {
                            content.putObject("data");
                            content.putObject("metadata");
                        });
        return content;
    }

    static ObjectNode completeness(ObjectNode content, Completeness completeness) {
        switch (completeness) {
            case Completeness.Complete c -> content.put("status", "complete");
            case Completeness.Incomplete incomplete ->
                content.put("status", "incomplete").put("indent", incomplete.indent());
            case Completeness.Invalid i -> content.put("status", "invalid");
            case Completeness.Unknown u -> content.put("status", "unknown");
        }
        return content;
    }

    static ObjectNode history(ObjectNode content, List<HistoryEntry> entries, boolean withOutput) {
        content.put("status", "ok");
        ArrayNode history = content.putArray("history");
        for (HistoryEntry entry : entries) {
            ArrayNode row = history.addArray().add(entry.session()).add(entry.line());
            if (withOutput) {
                ArrayNode pair = row.addArray().add(entry.input());
                entry.output().ifPresentOrElse(pair::add, pair::addNull);
            } else {
                row.add(entry.input());
            }
        }
        return content;
    }
}

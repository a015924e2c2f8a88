package dev.pymastery.kernel.runtime;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.Completeness;
import dev.pymastery.kernel.cell.Completion;
import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.Inspection;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.magic.LineMagicHandler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link PythonShell} for unit tests, without GraalPy: cells answer what the test scripted for
 * their code (by default nothing, as an assignment does); a cell that is one line magic, {@code
 * %name args}, goes to the line-magic handler as GraalPy's shell sends it, and its outcome becomes
 * the cell's value or error as there. Every call is recorded for the test to read.
 */
public final class ScriptedShell implements PythonShell {
    /** What a check test asked for. */
    public record CheckCall(String test, String file, Duration timeout) {}

    /** A cell that is one line magic, as the interpreter rewrites {@code %name args} for the shell. */
    private static final Pattern LINE_MAGIC =
            Pattern.compile("_pymastery_line_magic\\(\"((?:[^\"\\\\]|\\\\.)*)\", \"((?:[^\"\\\\]|\\\\.)*)\"\\)");

    private final Map<String, Function<Cell, CellResult>> cells = new HashMap<>();
    private final Map<String, GuestValue> helpers = new HashMap<>();
    private final Deque<TestRun> checkRuns = new ArrayDeque<>();
    private final List<Cell> ran = new ArrayList<>();
    private final List<CheckCall> checks = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private LineMagicHandler magics;
    private CellOutput attached;
    private int interrupts;

    /** The handler the shell sends line magics to (the composition root's wiring). */
    public ScriptedShell magics(LineMagicHandler handler) {
        this.magics = handler;
        return this;
    }

    /** The cell whose code is {@code code} answers {@code answer}. */
    public ScriptedShell cell(String code, Function<Cell, CellResult> answer) {
        cells.put(code, answer);
        return this;
    }

    /** The helper method {@code method} returns {@code value}; unscripted helpers return None. */
    public ScriptedShell helper(String method, GuestValue value) {
        helpers.put(method, value);
        return this;
    }

    /** The next check test ends with {@code run}; unscripted ones pass. */
    public ScriptedShell checkRun(TestRun run) {
        checkRuns.add(run);
        return this;
    }

    public List<Cell> ran() {
        return List.copyOf(ran);
    }

    public List<CheckCall> checks() {
        return List.copyOf(checks);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public Optional<CellOutput> attached() {
        return Optional.ofNullable(attached);
    }

    public int interrupts() {
        return interrupts;
    }

    public static CellResult value(String text) {
        return new CellResult.Ok(Optional.of(MimeBundle.text(text)));
    }

    public static GuestValue text(String text) {
        return new Value(text);
    }

    @Override
    public String name() {
        return "graalpy";
    }

    @Override
    public CellResult run(Cell cell, CellOutput output) {
        ran.add(cell);
        Matcher magic = LINE_MAGIC.matcher(cell.code().strip());
        if (magic.matches()) {
            return lineMagic(unquote(magic.group(1)), unquote(magic.group(2)));
        }
        return cells.getOrDefault(cell.code(), c -> new CellResult.Ok(Optional.empty()))
                .apply(cell);
    }

    private CellResult lineMagic(String name, String args) {
        return switch (magics.run(name, args)) {
            case Outcome.None none -> new CellResult.Ok(Optional.empty());
            case Outcome.Text text -> value("'" + text.text() + "'");
            case Outcome.Value v -> value(v.value().repr());
            case Outcome.Failed failed -> new CellResult.Failed(ErrorInfo.of("UsageError", failed.message()));
            case Outcome.Raised raised ->
                new CellResult.Failed(ErrorInfo.of(raised.exception().name(), raised.message()));
        };
    }

    /** The text of a double-quoted literal's body, with its simple escapes undone. */
    private static String unquote(String body) {
        return body.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    @Override
    public void attach(CellOutput output) {
        attached = output;
    }

    @Override
    public Map<String, CellResult> expressions(Map<String, String> expressions) {
        Map<String, CellResult> values = new HashMap<>();
        expressions.forEach((key, source) -> values.put(key, value(source)));
        return values;
    }

    @Override
    public GuestValue evaluate(String source) {
        calls.add("evaluate " + source);
        return new Value(source);
    }

    @Override
    public GuestValue call(String method, Object... args) {
        calls.add(method);
        return helpers.getOrDefault(method, new Value(null));
    }

    @Override
    public TestRun runCheck(String test, String testFile, Duration timeout) {
        checks.add(new CheckCall(test, testFile, timeout));
        TestRun next = checkRuns.poll();
        return next != null ? next : new TestRun(new TestOutcome.Passed(), "");
    }

    @Override
    public Completion complete(String code, int cursor) {
        return new Completion(List.of(), cursor, cursor, List.of());
    }

    @Override
    public Inspection inspect(String code, int cursor, int detailLevel) {
        return Inspection.notFound();
    }

    @Override
    public Completeness isComplete(String code) {
        return new Completeness.Complete();
    }

    @Override
    public String optimizingState() {
        return "off (scripted shell)";
    }

    @Override
    public void interrupt() {
        interrupts++;
    }

    @Override
    public void close() {}

    /** A Python str, or None for null. */
    private record Value(String string) implements GuestValue {
        @Override
        public String repr() {
            return string == null ? "None" : "'" + string + "'";
        }

        @Override
        public boolean isNone() {
            return string == null;
        }

        @Override
        public Optional<String> text() {
            return Optional.ofNullable(string);
        }
    }
}

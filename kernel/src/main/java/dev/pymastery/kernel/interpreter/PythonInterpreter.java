package dev.pymastery.kernel.interpreter;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.Completeness;
import dev.pymastery.kernel.cell.Completion;
import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.GuestExitException;
import dev.pymastery.kernel.cell.Inspection;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.magic.CellMagic;
import dev.pymastery.kernel.magic.CellParser;
import dev.pymastery.kernel.magic.MagicContext;
import dev.pymastery.kernel.magic.MagicRegistry;
import dev.pymastery.kernel.magic.MagicUsageException;
import dev.pymastery.kernel.magic.ParsedCell;
import dev.pymastery.kernel.magic.RanCell;
import dev.pymastery.kernel.magic.RunningCell;
import dev.pymastery.kernel.magic.StoredCell;
import dev.pymastery.kernel.runtime.Cell;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.PythonShell;
import dev.pymastery.kernel.runtime.PythonSources;
import dev.pymastery.kernel.runtime.Runtime;
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Python cells: the shell (GraalPy) runs plain cells, magics route the rest. Keeps the execution count and
 * history, and turns every failure (a guest exception, a magic misused, a runtime gone) into an
 * error the learner can read.
 */
public final class PythonInterpreter implements Interpreter {
    private static final System.Logger LOG = System.getLogger(PythonInterpreter.class.getName());
    private static final tools.jackson.databind.ObjectMapper COMM_LISTING =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final PythonShell python;
    private final MagicRegistry magics;
    private final RunningCell running;
    private final KernelVersions versions;
    private final History history = new History();
    private final RanCells ran = new RanCells();
    private volatile Runtime interruptTarget;
    private int executionCount;
    // Cells are named by how many non-silent cells ran, whatever store_history says: a notebook run
    // top to bottom gets the same names from a client that stores history (JupyterLab, the
    // project's runner) and from one that does not (nbval), and the name matches In [N] while
    // every cell is stored. Silent runs (a client's probes) are named apart, so they shift nothing.
    private int cellCount;
    private int silentCount;

    /**
     * @param python the session's shell, whose line magics go to {@code magics} in the cell {@code
     *     running} holds ({@code RegistryLineMagics})
     * @param running where this interpreter enters each cell it runs
     */
    public PythonInterpreter(PythonShell python, MagicRegistry magics, RunningCell running, KernelVersions versions) {
        this.python = python;
        this.magics = magics;
        this.running = running;
        this.versions = versions;
    }

    @Override
    public KernelInfo info() {
        return new KernelInfo(
                "pymastery",
                versions.kernel(),
                versions.python(),
                "PyMastery kernel " + versions.kernel() + ": Python " + versions.python() + " on GraalPy "
                        + versions.graalpy() + ", Java " + System.getProperty("java.version") + "\n"
                        + "Optimizing runtime: " + python.optimizingState() + "\n"
                        + "%lsmagic lists the magics.",
                List.of(
                        new KernelInfo.HelpLink("Python Reference", "https://docs.python.org/3.12/"),
                        new KernelInfo.HelpLink("GraalPy", "https://www.graalvm.org/python/"),
                        new KernelInfo.HelpLink("PyMastery magics", "https://github.com/pymastery/pymastery#magics")));
    }

    @Override
    public ExecuteOutcome execute(ExecuteRequest request, CellOutput output) {
        int count = request.storeHistory() ? ++executionCount : executionCount;
        String name = request.silent() ? "<silent " + ++silentCount + ">" : "<cell " + ++cellCount + ">";
        output.started(request.code(), count);
        python.attach(output);
        CellContext context = new CellContext(output, name, count, request.storeHistory());
        running.enter(context);
        if (!request.silent()) {
            ran.add(request.cellId(), request.code());
        }
        CellResult result = run(request.code(), context);
        if (request.storeHistory()) {
            Optional<String> text =
                    result instanceof CellResult.Ok ok ? ok.value().map(MimeBundle::plainText) : Optional.empty();
            history.add(count, request.code(), text);
        }
        return switch (result) {
            case CellResult.Ok ok -> {
                ok.value().ifPresent(bundle -> output.result(count, bundle));
                yield new ExecuteOutcome.Completed(count, expressions(request.userExpressions()));
            }
            case CellResult.Failed failed -> {
                output.error(failed.error());
                yield new ExecuteOutcome.Failed(count, failed.error());
            }
        };
    }

    private CellResult run(String code, CellContext context) {
        try {
            return switch (CellParser.parse(code)) {
                case ParsedCell.Python cell -> python.run(context.cell(cell.code()), context.output());
                case ParsedCell.CellMagicCall call ->
                    magics.cell(call.name())
                            .map(magic -> runCellMagic(magic, call, context))
                            .orElseGet(() -> runLearnersCellMagic(call, context));
            };
        } catch (GuestExitException e) {
            throw e;
        } catch (MagicUsageException e) {
            return usageError(e.getMessage());
        } catch (RuntimeUnavailableException e) {
            return new CellResult.Failed(ErrorInfo.of("RuntimeUnavailable", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the kernel failed while running a cell", e);
            return new CellResult.Failed(ErrorInfo.of(
                    "InternalError",
                    "the kernel failed while running this cell (" + e.getMessage()
                            + "). The kernel log has the details; the namespace is intact."));
        }
    }

    private static CellResult runCellMagic(CellMagic magic, ParsedCell.CellMagicCall call, CellContext context) {
        return magic.run(call.args(), call.body(), context);
    }

    /** A %%name the learner registered with IPython.core.magic runs as a Python call in the cell. */
    private CellResult runLearnersCellMagic(ParsedCell.CellMagicCall call, CellContext context) {
        if (python.call("find_cell_magic", call.name()).isNone()) {
            return usageError(magics.unknownCell(call.name()));
        }
        // IPython hands a cell magic its body ending with a newline; magics written for it expect one.
        String body = call.body().isEmpty() || call.body().endsWith("\n") ? call.body() : call.body() + "\n";
        String code = "_pymastery_cell_magic(" + PythonSources.pythonString(call.name()) + ", "
                + PythonSources.pythonString(call.args()) + ", " + PythonSources.pythonString(body) + ")";
        return python.run(context.cell(code), context.output());
    }

    private static CellResult usageError(String message) {
        return new CellResult.Failed(ErrorInfo.of("UsageError", message));
    }

    private Map<String, ExpressionValue> expressions(Map<String, String> requested) {
        if (requested.isEmpty()) {
            return Map.of();
        }
        Map<String, ExpressionValue> values = new LinkedHashMap<>();
        python.expressions(requested)
                .forEach((key, result) -> values.put(
                        key,
                        switch (result) {
                            case CellResult.Ok ok ->
                                new ExpressionValue.Ok(ok.value().orElse(MimeBundle.text("None")));
                            case CellResult.Failed failed -> new ExpressionValue.Error(failed.error());
                        }));
        return values;
    }

    @Override
    public Completion complete(String code, int cursor) {
        int at = Math.min(cursor, code.codePointCount(0, code.length()));
        return python.complete(code, at);
    }

    @Override
    public Inspection inspect(String code, int cursor, int detailLevel) {
        int at = Math.min(cursor, code.codePointCount(0, code.length()));
        return python.inspect(code, at, detailLevel);
    }

    @Override
    public Completeness isComplete(String code) {
        return python.isComplete(code);
    }

    @Override
    public int executionCount() {
        return executionCount;
    }

    @Override
    public List<HistoryEntry> history(HistoryQuery query, boolean withOutput) {
        return history.query(query);
    }

    @Override
    public void interrupt() {
        Runtime target = interruptTarget;
        if (target != null) {
            target.interrupt();
        }
        python.interrupt();
    }

    @Override
    public void comm(String messageJson, CellOutput output) {
        python.attach(output);
        python.call("comm_event", messageJson);
    }

    @Override
    public Map<String, String> comms(Optional<String> target) {
        String listing = python.call("comm_info", target.orElse("")).text().orElse("{}");
        Map<String, String> comms = new LinkedHashMap<>();
        COMM_LISTING
                .readTree(listing)
                .properties()
                .forEach(e -> comms.put(e.getKey(), e.getValue().asString()));
        return comms;
    }

    /** Stops what runs; GraalPy itself belongs to the process, which may serve the next session. */
    @Override
    public void shutdown() {
        python.interrupt();
    }

    /** The cell being run, as magics see it. */
    private final class CellContext implements MagicContext {
        private final CellOutput output;
        private final String name;
        private final int count;
        private final boolean store;

        CellContext(CellOutput output, String name, int count, boolean store) {
            this.output = output;
            this.name = name;
            this.count = count;
            this.store = store;
        }

        @Override
        public CellOutput output() {
            return output;
        }

        @Override
        public PythonShell python() {
            return python;
        }

        @Override
        public MagicRegistry registry() {
            return magics;
        }

        @Override
        public Cell cell(String code) {
            return new Cell(code, name, count, store);
        }

        @Override
        public CellResult runIn(Runtime runtime, Cell cell) {
            return interruptible(runtime, () -> runtime.run(cell, output));
        }

        @Override
        public List<StoredCell> history() {
            return history.query(new HistoryQuery.Tail(Integer.MAX_VALUE)).stream()
                    .map(entry -> new StoredCell(entry.line(), entry.input(), entry.output()))
                    .toList();
        }

        @Override
        public List<RanCell> ranCells() {
            return ran.all();
        }

        @Override
        public <T> T interruptible(Runtime target, Supplier<T> work) {
            interruptTarget = target;
            try {
                return work.get();
            } finally {
                interruptTarget = null;
            }
        }
    }
}

package dev.pymastery.kernel.messaging;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.Completeness;
import dev.pymastery.kernel.cell.Completion;
import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.Inspection;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.interpreter.ExecuteOutcome;
import dev.pymastery.kernel.interpreter.ExecuteRequest;
import dev.pymastery.kernel.interpreter.HistoryEntry;
import dev.pymastery.kernel.interpreter.HistoryQuery;
import dev.pymastery.kernel.interpreter.Interpreter;
import dev.pymastery.kernel.interpreter.KernelInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A double for the interpreter: "fail" raises (once {@link #failWhen} holds, up to 5 s), "slow" waits
 * for an interrupt (up to 5 s), "input" asks for a line, anything else prints itself and returns its
 * length.
 */
final class ScriptedInterpreter implements Interpreter {
    final AtomicInteger count = new AtomicInteger();
    final AtomicInteger interrupts = new AtomicInteger();
    private volatile CountDownLatch interrupted = new CountDownLatch(1);
    /** Counted down when a "slow" cell is running and waiting for its interrupt. */
    final CountDownLatch slowRunning = new CountDownLatch(1);
    /** What a "fail" cell waits for before it raises. */
    volatile BooleanSupplier failWhen = () -> true;

    @Override
    public KernelInfo info() {
        return new KernelInfo("scripted", "1", "3.12.8", "banner", List.of(new KernelInfo.HelpLink("a", "b")));
    }

    @Override
    public int executionCount() {
        return count.get();
    }

    @Override
    public ExecuteOutcome execute(ExecuteRequest request, CellOutput output) {
        int n = request.storeHistory() ? count.incrementAndGet() : count.get();
        output.started(request.code(), n);
        switch (request.code()) {
            case "fail" -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!failWhen.getAsBoolean() && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                ErrorInfo error = ErrorInfo.of("ValueError", "scripted failure");
                output.error(error);
                return new ExecuteOutcome.Failed(n, error);
            }
            case "slow" -> {
                interrupted = new CountDownLatch(1);
                slowRunning.countDown();
                try {
                    interrupted.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ErrorInfo error = ErrorInfo.of("KeyboardInterrupt", "");
                output.error(error);
                return new ExecuteOutcome.Failed(n, error);
            }
            case "input" -> {
                String answer = output.input("name? ", false);
                output.result(n, MimeBundle.text("'" + answer + "'"));
                return new ExecuteOutcome.Completed(n, Map.of());
            }
            default -> {
                output.stream("stdout", request.code());
                output.result(n, MimeBundle.text(Integer.toString(request.code().length())));
                return new ExecuteOutcome.Completed(n, Map.of());
            }
        }
    }

    @Override
    public Completion complete(String code, int cursor) {
        return new Completion(List.of("print"), 0, cursor, List.of("function"));
    }

    @Override
    public Inspection inspect(String code, int cursor, int detailLevel) {
        return Inspection.notFound();
    }

    @Override
    public Completeness isComplete(String code) {
        return new Completeness.Incomplete("    ");
    }

    @Override
    public List<HistoryEntry> history(HistoryQuery query, boolean withOutput) {
        return List.of();
    }

    @Override
    public void interrupt() {
        interrupts.incrementAndGet();
        interrupted.countDown();
    }

    @Override
    public void shutdown() {}

    @Override
    public void comm(String messageJson, CellOutput output) {}

    @Override
    public java.util.Map<String, String> comms(java.util.Optional<String> target) {
        return java.util.Map.of();
    }
}

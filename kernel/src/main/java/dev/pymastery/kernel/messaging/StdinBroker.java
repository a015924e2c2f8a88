package dev.pymastery.kernel.messaging;

import dev.pymastery.kernel.cell.InputInterruptedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pairs the one outstanding input_request with its input_reply, and lets an interrupt cancel the
 * wait.
 */
final class StdinBroker {
    private final AtomicReference<CompletableFuture<String>> pending = new AtomicReference<>();

    /** Sends the request (through {@code ask}) and blocks until the user answers or an interrupt. */
    String await(Runnable ask) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending.set(answer);
        try {
            ask.run();
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputInterruptedException();
        } catch (ExecutionException e) {
            throw new InputInterruptedException();
        } finally {
            pending.compareAndSet(answer, null);
        }
    }

    /** An input_reply arrived; a reply nobody waits for is dropped. */
    void answered(String value) {
        CompletableFuture<String> answer = pending.get();
        if (answer != null) {
            answer.complete(value);
        }
    }

    /**
     * Wakes a waiting {@code input()} with {@link InputInterruptedException}; true if one was
     * waiting (the cell then raises KeyboardInterrupt from {@code input()} itself).
     */
    boolean interrupt() {
        CompletableFuture<String> answer = pending.get();
        return answer != null && answer.completeExceptionally(new InputInterruptedException());
    }
}

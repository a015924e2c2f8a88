package dev.pymastery.kernel.cell;

import java.util.Optional;

/**
 * What a running cell can emit. The messaging layer turns each call into a message parented to the
 * request; the interpreter and runtimes never see the protocol. Implementations are thread-safe:
 * threads started by the cell write to it too.
 */
public interface CellOutput {
    /** The cell got its number and starts (shown as execute_input unless the request is silent). */
    void started(String code, int executionCount);

    /** Text on {@code stdout} or {@code stderr}; may be batched, never reordered. */
    void stream(String name, String text);

    /** Rich output; with a display id it can be updated later ({@code update} replaces it). */
    void display(MimeBundle bundle, Optional<String> displayId, boolean update);

    /** Clears this cell's output, now or ({@code wait}) when the next output arrives. */
    void clear(boolean wait);

    /** The value of the cell's last expression. */
    void result(int executionCount, MimeBundle bundle);

    /** An error, shown as Python shows it. */
    void error(ErrorInfo error);

    /**
     * Asks the user for a line of text.
     *
     * @throws StdinUnavailableException when the client does not allow input
     * @throws InputInterruptedException when the kernel is interrupted while waiting
     */
    String input(String prompt, boolean password);

    /**
     * The cell called {@code exit()} or {@code quit()}: the session ends after the reply (as IPython's
     * {@code ask_exit}), unless {@code keepKernel}. Outputs that cannot end a session ignore it.
     */
    default void askExit(boolean keepKernel) {}

    /**
     * Help for the front end's pager ({@code obj?}), sent as IPython's {@code page} payload on the
     * reply. Outputs without a pager show it as output instead.
     */
    default void page(MimeBundle bundle) {
        display(bundle, Optional.empty(), false);
    }

    /**
     * A comm message from the kernel's side ({@code comm_open}, {@code comm_msg}, {@code comm_close}),
     * with the message's metadata and its binary buffers.
     */
    default void comm(
            String msgType,
            tools.jackson.databind.node.ObjectNode content,
            tools.jackson.databind.node.ObjectNode metadata,
            java.util.List<byte[]> buffers) {}

    /** The header of the request this output answers (ipykernel's {@code get_parent()}); empty if none. */
    default Optional<tools.jackson.databind.node.ObjectNode> requestHeader() {
        return Optional.empty();
    }

    /** Text for the next cell (or this one, with {@code replace}): IPython's {@code set_next_input}. */
    default void setNextInput(String text, boolean replace) {}
}

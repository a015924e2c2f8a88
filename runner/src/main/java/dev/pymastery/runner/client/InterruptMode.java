package dev.pymastery.runner.client;

/** How a kernelspec asks to be interrupted ({@code interrupt_mode}; Jupyter's default is signal). */
public enum InterruptMode {
    /** SIGINT to the kernel process. */
    SIGNAL,
    /** An {@code interrupt_request} on the control channel. */
    MESSAGE
}

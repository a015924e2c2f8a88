package dev.pymastery.kernel.messaging;

/** The kernel's message sockets (the heartbeat carries no messages). */
public enum Channel {
    SHELL,
    CONTROL,
    STDIN,
    IOPUB
}

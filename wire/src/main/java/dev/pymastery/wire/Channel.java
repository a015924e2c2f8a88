package dev.pymastery.wire;

/** The kernel's message sockets (the heartbeat carries no messages). */
public enum Channel {
    SHELL,
    CONTROL,
    STDIN,
    IOPUB
}

package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.runtime.container.engine.Labels;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Who started a container: the kernel's id, and the host, pid and start time of its process. A
 * container whose kernel process is gone (killed with -9, the machine rebooted) is an orphan.
 */
public record KernelIdentity(String kernelId, String host, long pid, long startMillis) {
    public static KernelIdentity current(String kernelId) {
        ProcessHandle self = ProcessHandle.current();
        return new KernelIdentity(
                kernelId, hostName(), self.pid(), startMillis(self).orElse(0L));
    }

    /** The host's name without a DNS lookup (that can take seconds, and this is on start-up). */
    private static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String variable = System.getenv().getOrDefault("HOSTNAME", "");
        if (!variable.isBlank()) {
            return variable;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * A killed process whose parent died first can stay a zombie (where nothing reaps orphans);
     * Java counts it as alive, but it runs nothing.
     */
    static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && "ZX".indexOf(stat.charAt(end + 2)) >= 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    public String owner() {
        return host + "/" + pid + "/" + startMillis;
    }

    public Map<String, String> labels(String runtime) {
        return Map.of(Labels.KERNEL, kernelId, Labels.OWNER, owner(), Labels.RUNTIME, runtime);
    }

    /**
     * Whether a container with these labels was left by a kernel process of this host that no
     * longer runs. Containers of other hosts and of live kernels are not orphans.
     */
    public boolean isOrphan(Map<String, String> labels) {
        String[] owner = labels.getOrDefault(Labels.OWNER, "").split("/");
        if (owner.length != 3 || !owner[0].equals(host)) {
            return false;
        }
        long ownerPid;
        long ownerStart;
        try {
            ownerPid = Long.parseLong(owner[1]);
            ownerStart = Long.parseLong(owner[2]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (ownerPid == pid && ownerStart == startMillis) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(ownerPid);
        if (process.isEmpty() || !process.get().isAlive() || zombie(ownerPid)) {
            return true;
        }
        // The pid was reused by another process when its start time differs.
        return startMillis(process.get())
                .map(start -> Math.abs(start - ownerStart) > 1000)
                .orElse(false);
    }
}

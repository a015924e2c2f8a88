"""How a cell's prints reach the kernel: sys.stdout and sys.stderr of a cell, and their buffer.

Not a module of its own: GraalPyContexts.HELPER_FILES joins it with the kernel's other Python files
into one source, before pymastery_kernel.py, whose Shell uses these classes.
"""

import io
import threading
import time


class OutputBuffer:
    """Collects what stdout and stderr are given, in order, and hands it to the kernel in batches.

    A call into the kernel per write made print loops many times slower than ipykernel's, so text
    is buffered here and sent when 64 KiB have gathered, when the oldest text is 50 ms old, by a
    background thread when writing pauses, and whenever the kernel needs the output complete (end
    of the cell, display, input).
    """

    MAX_CHARS = 65536
    MAX_AGE = 0.05

    def __init__(self, bridge):
        self._bridge = bridge
        self._segments = []
        self._size = 0
        self._oldest = None
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._wake = threading.Event()
        self._thread = None

    def write(self, name, text):
        with self._lock:
            if self._segments and self._segments[-1][0] == name:
                self._segments[-1][1].append(text)
            else:
                self._segments.append((name, [text]))
            self._size += len(text)
            now = time.monotonic()
            if self._oldest is None:
                self._oldest = now
            due = self._size >= self.MAX_CHARS or now - self._oldest >= self.MAX_AGE
        if due:
            self.flush()
        elif not self._wake.is_set():
            self._start_flusher()
            self._wake.set()

    def flush(self):
        with self._send_lock:
            with self._lock:
                segments, self._segments, self._size, self._oldest = self._segments, [], 0, None
            for name, parts in segments:
                self._bridge.stream(name, "".join(parts))

    def reset(self):
        """New locks and a new flusher, keeping the text not yet sent (after a hard interrupt)."""
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._wake = threading.Event()
        self._thread = None

    def _start_flusher(self):
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._flush_when_idle, name="pymastery-output", daemon=True)
            self._thread.start()

    def _flush_when_idle(self):
        while True:
            self._wake.wait()
            time.sleep(self.MAX_AGE)
            self._wake.clear()
            self.flush()


class KernelStream(io.TextIOBase):
    """sys.stdout / sys.stderr of a cell: text goes through the OutputBuffer to the kernel.

    GraalPy's own streams write to the process's file descriptors when the native POSIX backend is
    on, which would send prints to the kernel log instead of the notebook.
    """

    def __init__(self, buffer, name):
        super().__init__()
        self._buffer = buffer
        self.name = name

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "replace"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if text:
            self._buffer.write(self.name, text)
        return len(text)

    def flush(self):
        self._buffer.flush()

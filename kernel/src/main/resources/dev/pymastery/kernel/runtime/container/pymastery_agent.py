"""PyMastery's agent: runs notebook cells in this CPython for the kernel.

The kernel starts `python3 -u -c BOOTSTRAP` (in a container or as a local process), writes the
length of this file on a line, then the file; BOOTSTRAP reads both from fd 0 without buffering,
compiles the file as "<pymastery-agent>" and runs it with __name__ "pymastery_agent". From then on both
sides speak newline-delimited JSON over the process's stdin and stdout, one object per line:

kernel -> agent  {"op": "execute", "id", "code", "name", "count", "store"}, {"op": "interrupt"},
                 {"op": "check", "id", "code", "name"} (a lab check's hidden test; "done" carries "check"),
                 {"op": "input_reply", "id", "value" | "interrupted" | "unavailable"},
                 {"op": "set", "id", "values": {name: base64 pickle}}, {"op": "get", "id", "names"},
                 {"op": "gpu", "id"}, {"op": "shutdown"}
agent -> kernel  {"ev": "hello", ...}, {"ev": "stream", "name", "text"}, {"ev": "display", ...},
                 {"ev": "clear", "wait"}, {"ev": "input", "id", "prompt", "password"},
                 {"ev": "done", "id", "status", ...}, {"ev": "reply", "id", ...}

Output is captured at the file-descriptor level: fds 1 and 2 are pipes the agent drains, so
prints from C code, threads and child processes stream too. Only the Python standard library is
used, so any image with a python3 works. Python 3.8 or newer.
"""

import ast
import base64
import builtins
import codecs
import io
import json
import linecache
import os
import pickle
import platform
import pprint
import queue
import signal
import sys
import threading
import traceback
import types

AGENT_FILE = "<pymastery-agent>"
PICKLE_PROTOCOL = 4
SYNC = b"\x00\x1bpymastery-sync-" + os.urandom(6).hex().encode() + b"\x1b\x00"
class Channel:
    """The protocol's two ends: a private copy of the original stdin and stdout."""

    def __init__(self, reader):
        self._reader = reader
        self._out = os.fdopen(os.dup(1), "wb", buffering=0)
        self._lock = threading.Lock()

    def send(self, message):
        data = (json.dumps(message, ensure_ascii=False, default=str) + "\n").encode("utf-8", "surrogateescape")
        with self._lock:
            self._out.write(data)

    def receive(self):
        line = self._reader.readline()
        return json.loads(line) if line else None


class Pump(threading.Thread):
    """Drains one captured fd (a pipe) and sends its text as stream messages as it arrives."""

    def __init__(self, channel, name, fd):
        super().__init__(name="pymastery-" + name, daemon=True)
        self.channel = channel
        self.stream = name
        self.read_fd, self.write_fd = os.pipe()
        os.dup2(self.write_fd, fd)
        os.close(self.write_fd)
        self.write_fd = fd
        self.synced = threading.Semaphore(0)

    def run(self):
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        pending = b""
        while True:
            chunk = os.read(self.read_fd, 65536)
            if not chunk:
                return
            data = pending + chunk
            mark = data.find(SYNC)
            while mark >= 0:
                self.emit(decoder.decode(data[:mark]))
                data = data[mark + len(SYNC):]
                self.synced.release()
                mark = data.find(SYNC)
            keep = _partial_suffix(data, SYNC)
            self.emit(decoder.decode(data[: len(data) - keep]))
            pending = data[len(data) - keep:]

    def emit(self, text):
        if text:
            self.channel.send({"ev": "stream", "name": self.stream, "text": text})

    def sync(self, timeout=5.0):
        """Returns once everything written to the fd before this call has been sent."""
        try:
            os.write(self.write_fd, SYNC)
        except OSError:
            return
        self.synced.acquire(timeout=timeout)


def _partial_suffix(data, mark):
    for size in range(min(len(mark) - 1, len(data)), 0, -1):
        if data.endswith(mark[:size]):
            return size
    return 0


class Agent(Displays):
    def __init__(self, channel):
        self.channel = channel
        self.main = types.ModuleType("__main__", "The notebook's namespace.")
        self.ns = self.main.__dict__
        self.ns["__builtins__"] = builtins
        sys.modules["__main__"] = self.main
        self.running = False
        self.main_thread = threading.get_ident()
        self.commands = queue.Queue()
        self.answers = queue.Queue()
        self.input_counter = 0
        self.queued = 0
        self.interrupt_next = False
        self.queue_lock = threading.Lock()
        self.display_counter = 0
        self.count = 0
        self.captures = []
        self.gil = _gil_enabled()
        self.libc = None
        self.pumps = {}

    # ------------------------------------------------------------------ start-up

    def capture_output(self):
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
        for fd, name in ((1, "stdout"), (2, "stderr")):
            pump = Pump(self.channel, name, fd)
            pump.start()
            self.pumps[name] = pump
            stream = io.TextIOWrapper(
                io.FileIO(fd, "w", closefd=False),
                encoding="utf-8",
                errors="backslashreplace",
                line_buffering=True,
                write_through=True,
            )
            setattr(sys, name, stream)
            setattr(sys, "__%s__" % name, stream)
        os.environ.setdefault("PYTHONUNBUFFERED", "1")
        self._line_buffer_c_stdout()

    def _line_buffer_c_stdout(self):
        """C code's printf goes through stdio, fully buffered on a pipe: make it line-buffered."""
        try:
            import ctypes

            self.libc = ctypes.CDLL(None)
            for name in ("stdout", "stderr"):
                handle = ctypes.c_void_p.in_dll(self.libc, name)
                self.libc.setvbuf(handle, None, 1, 0)  # _IOLBF
        except Exception:
            self.libc = None

    def install(self):
        builtins.display = self.display
        builtins.clear_output = self.clear_output
        builtins.update_display = self.update_display
        builtins.input = self.input
        signal.signal(signal.SIGINT, self._on_sigint)
        os.environ.setdefault("MPLBACKEND", "module://" + InlineBackend.NAME)
        sys.meta_path.append(InlineBackend(self))
        IPythonImporter.install(self, _IPYTHON_MODULES)
        if "" not in sys.path:
            sys.path.insert(0, "")

    # ------------------------------------------------------------------ IPython's shell (get_ipython())

    UsageError = UsageError
    StdinNotImplementedError = StdinNotImplementedError

    def execution_count(self):
        return self.count

    def _user_magic(self, kind, name):
        module = sys.modules.get("IPython.core.interactiveshell")
        shell = module.InteractiveShell._instance if module is not None else None
        return shell.magics[kind].get(name) if shell is not None else None

    def ipython_line_magic(self, name, line):
        magic = self._user_magic("line", name)
        if magic is None:
            raise UsageError("%%%s is not defined in this runtime: the kernel's magics run in GraalPy cells,"
                             " and magics registered with IPython.core.magic run where they were registered" % name)
        return magic(line)

    def ipython_cell_magic(self, name, line, cell):
        magic = self._user_magic("cell", name)
        if magic is None:
            raise UsageError("%%%%%s is not defined in this runtime: the kernel's magics run in GraalPy cells,"
                             " and magics registered with IPython.core.magic run where they were registered" % name)
        return magic(line, cell)

    def ipython_capture_begin(self, stdout, stderr, display):
        self.flush_streams()
        return Capture(stdout, stderr, display).begin(self.captures)

    def ipython_capture_end(self, capture):
        capture.end(self.captures)

    def ipython_comm(self, msg_type, content, metadata, buffers=None):
        raise UsageError("comms (and the widgets built on them) work in GraalPy cells; this runtime cannot"
                         " open one yet")

    def ipython_parent(self):
        return {"header": {}}

    def ipython_set_next_input(self, text, replace):
        raise UsageError("set_next_input comes from GraalPy cells; this runtime cannot fill the next cell")

    def hello(self):
        import sysconfig

        return {
            "ev": "hello",
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "executable": sys.executable,
            "gil": self.gil,
            "free_threading_build": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
            "pid": os.getpid(),
            "uid": os.getuid() if hasattr(os, "getuid") else None,
        }

    # ------------------------------------------------------------------ the loops

    def read_commands(self):
        """Reader thread: interrupts act at once, input answers go to input(), the rest queue."""
        while True:
            try:
                message = self.channel.receive()
            except ValueError:
                continue
            if message is None:
                # The kernel is gone (or closed our stdin): nothing is left to do.
                os._exit(0)
            op = message.get("op")
            if op == "interrupt":
                with self.queue_lock:
                    if self.running:
                        signal.pthread_kill(self.main_thread, signal.SIGINT)
                    elif self.queued:
                        # The cell has not started yet: it stops as soon as it does.
                        self.interrupt_next = True
            elif op == "input_reply":
                self.answers.put(message)
            else:
                if op in ("execute", "check"):
                    with self.queue_lock:
                        self.queued += 1
                self.commands.put(message)

    def serve(self):
        threading.Thread(target=self.read_commands, name="pymastery-commands", daemon=True).start()
        # Bound before any cell runs: a cell that replaces Agent.run_check (or execute) on the class
        # does not change what a check runs.
        execute, run_check, get_command = self.execute, self.run_check, self.commands.get
        while True:
            message = get_command()
            op = message.get("op")
            if op == "execute":
                reply = execute(message)
            elif op == "check":
                reply = run_check(message)
            elif op == "set":
                reply = self.set_values(message)
            elif op == "get":
                reply = self.get_values(message)
            elif op == "gpu":
                reply = {"ev": "reply", "gpu": gpu_report()}
            elif op == "shutdown":
                self.flush()
                os._exit(0)
            else:
                reply = {"ev": "reply", "error": "unknown op %r" % op}
            reply["id"] = message.get("id")
            self.channel.send(reply)

    # ------------------------------------------------------------------ cells

    def _on_sigint(self, signum, frame):
        if self.running:
            raise KeyboardInterrupt()

    def execute(self, message):
        code, name = message["code"], message["name"]
        self.count = message.get("count", self.count)
        linecache.cache[name] = (len(code), None, code.splitlines(True), name)
        try:
            tree = ast.parse(code, filename=name, mode="exec")
        except (SyntaxError, ValueError) as error:
            return self.done_error(error)
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr) and not _ends_with_semicolon(code):
            last = ast.Expression(tree.body.pop().value)
        value = None
        failure = None
        with self.queue_lock:
            self.queued -= 1
            interrupted, self.interrupt_next = self.interrupt_next, False
            self.running = not interrupted
        if interrupted:
            return self.done_error(KeyboardInterrupt())
        try:
            if tree.body:
                exec(compile(tree, name, "exec"), self.ns)
            if last is not None:
                value = eval(compile(last, name, "eval"), self.ns)
        except BaseException as error:
            failure = error
        finally:
            self.running = False
        try:
            self.show_figures()
        except Exception as error:
            print("could not show the figures: %s" % error, file=sys.stderr)
        if failure is not None:
            return self.done_error(failure)
        reply = {"ev": "done", "status": "ok", "gil": self._gil_now()}
        if value is not None:
            reply["result"] = self.format(value)
            if message.get("store"):
                self.ns["___"], self.ns["__"], self.ns["_"] = self.ns.get("__"), self.ns.get("_"), value
        self.flush()
        return reply

    def run_check(self, message):
        """A lab check's hidden test against the namespace: in a shallow copy of it (the test's
        names never reach the learner's), output captured, only the learner's frames reported."""
        test, test_file = message["code"], message["name"]
        capture = CapturedText()
        saved = sys.stdout, sys.stderr
        with self.queue_lock:
            self.queued -= 1
            interrupted, self.interrupt_next = self.interrupt_next, False
            self.running = not interrupted
        sys.stdout = sys.stderr = capture
        try:
            try:
                if interrupted:
                    raise KeyboardInterrupt()
                run_test(test, test_file, self.ns)
                result = {"status": "passed"}
            finally:
                self.running = False
        except BaseException as error:
            result = check_result(error, test_file, AGENT_FILE)
        finally:
            sys.stdout, sys.stderr = saved
        result["output"] = capture.getvalue()
        self.flush()
        return {"ev": "done", "status": "ok", "check": result, "gil": self._gil_now()}

    def done_error(self, error):
        info = self.error_info(error)
        self.flush()
        info.update({"ev": "done", "status": "error", "gil": self._gil_now()})
        return info

    def _gil_now(self):
        self.gil = _gil_enabled()
        return self.gil

    def flush(self):
        """Everything the cell wrote (Python, C stdio, children that exited) is sent before 'done'."""
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        if self.libc is not None:
            try:
                self.libc.fflush(None)
            except Exception:
                pass
        for pump in self.pumps.values():
            pump.sync()

    def error_info(self, error):
        return error_report(error, AGENT_FILE)

    # ------------------------------------------------------------------ display

    def format(self, obj):
        return mime_bundle(obj)

    def _flush_before_display(self):
        self.flush_streams()

    def _send_display(self, bundle, display_id, update):
        self.channel.send(dict(bundle, ev="display", display_id=display_id, update=update))

    def clear_output(self, wait=False):
        self.flush_streams()
        self.channel.send({"ev": "clear", "wait": bool(wait)})

    def flush_streams(self):
        """Keeps text printed before a display above it."""
        if threading.get_ident() == self.main_thread:
            self.flush()

    def show_figures(self):
        pyplot = sys.modules.get("matplotlib.pyplot")
        if pyplot is None:
            return
        for number in pyplot.get_fignums():
            figure = pyplot.figure(number)
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", bbox_inches="tight")
            data = {
                "image/png": base64.b64encode(buffer.getvalue()).decode("ascii"),
                "text/plain": "<Figure size %dx%d with %d Axes>"
                % (figure.bbox.width, figure.bbox.height, len(figure.axes)),
            }
            self.display(data, raw=True)
        pyplot.close("all")

    def input(self, prompt="", password=False):
        self.flush()
        self.input_counter += 1
        ident = self.input_counter
        self.channel.send({"ev": "input", "id": ident, "prompt": str(prompt), "password": bool(password)})
        while True:
            answer = self.answers.get()
            if answer.get("id") == ident:
                break
        if answer.get("interrupted"):
            raise KeyboardInterrupt()
        if answer.get("unavailable"):
            raise StdinNotImplementedError(answer.get("unavailable"))
        return answer.get("value", "")

    # ------------------------------------------------------------------ values

    def set_values(self, message):
        errors = {}
        for name, payload in message.get("values", {}).items():
            try:
                self.ns[name] = pickle.loads(base64.b64decode(payload))
            except BaseException as error:
                errors[name] = {"type": None, "reason": "%s: %s" % (type(error).__name__, _safe_str(error))}
        return {"ev": "reply", "errors": errors}

    def get_values(self, message):
        values, type_names, errors = {}, {}, {}
        for name in message.get("names", []):
            if name not in self.ns:
                errors[name] = {"type": None, "reason": "it is not defined"}
                continue
            value = self.ns[name]
            type_names[name] = _type_name(value)
            try:
                values[name] = base64.b64encode(pickle.dumps(value, protocol=PICKLE_PROTOCOL)).decode("ascii")
            except BaseException as error:
                errors[name] = {"type": _type_name(value), "reason": "%s: %s" % (type(error).__name__, _safe_str(error))}
        return {"ev": "reply", "values": values, "types": type_names, "errors": errors}


class InlineBackend:
    """The matplotlib backend "module://pymastery_inline": Agg drawing, figures shown as PNG by
    plt.show() and when the cell ends. A meta-path finder creates the module on first import, so
    matplotlib is only imported when the learner imports it."""

    NAME = "pymastery_inline"

    def __init__(self, agent):
        self.agent = agent

    def find_spec(self, name, path=None, target=None):
        if name != self.NAME:
            return None
        import importlib.util

        return importlib.util.spec_from_loader(name, self)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        from matplotlib.backends import backend_agg

        module.FigureCanvas = backend_agg.FigureCanvasAgg
        module.FigureManager = getattr(backend_agg, "FigureManager", None) or backend_agg.FigureManagerBase
        module.show = lambda *args, **kwargs: self.agent.show_figures()


def gpu_report():
    """Whether this process sees a GPU, and how it knows."""
    try:
        import torch

        if torch.cuda.is_available():
            names = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
            return {"visible": True, "detail": "torch %s sees %s" % (torch.__version__, ", ".join(names))}
        return {"visible": False, "detail": "torch %s: torch.cuda.is_available() is False" % torch.__version__}
    except ImportError:
        pass
    gpus = "/proc/driver/nvidia/gpus"
    if os.path.isdir(gpus) and os.listdir(gpus):
        return {"visible": True, "detail": "%d NVIDIA GPU(s) in %s" % (len(os.listdir(gpus)), gpus)}
    devices = [d for d in os.listdir("/dev") if d.startswith("nvidia") and d[6:].isdigit()]
    if devices:
        return {"visible": True, "detail": "device files " + ", ".join(sorted(devices))}
    return {"visible": False, "detail": "no /dev/nvidia* device and no torch in the interpreter"}


def _gil_enabled():
    probe = getattr(sys, "_is_gil_enabled", None)
    return True if probe is None else bool(probe())


def main(reader):
    channel = Channel(reader)
    agent = Agent(channel)
    agent.capture_output()
    agent.install()
    channel.send(agent.hello())
    agent.serve()


if __name__ == "pymastery_agent":
    main(os.fdopen(os.dup(0), "rb"))

"""The kernel's side inside GraalPy: runs cells, renders values and errors, completes and inspects.

GraalPyRuntime evaluates this file once per context and keeps the Shell it returns. The kernel is
reached only through the bridge object handed to Shell (display, clear_output, input, line magics);
the learner's namespace never sees this module's names.
"""

import ast
import base64
import builtins
import fnmatch
import io
import json
import keyword
import linecache
import os
import pprint
import re
import signal
import sys
import threading
import time
import tokenize
import traceback
import types

HELPER_FILE = "<pymastery-kernel>"
ANSI_HEAD = "\x1b[0;31m"
ANSI_END = "\x1b[0m"

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


class _Exit:
    """exit and quit in a cell: as in IPython's kernel, calling one ends the kernel after the cell.

    The front end gets an ask_exit payload; with keep_kernel=True the kernel stays.
    """

    def __init__(self, bridge, name):
        self._bridge = bridge
        self._name = name

    def __repr__(self):
        return "Use %s() to shut this kernel down; Jupyter starts a new one" % self._name

    def __call__(self, keep_kernel=False):
        self._bridge.ask_exit(bool(keep_kernel))


class CheckFailed(Exception):
    """%check ran a lab check and it did not pass; the report above the error says why."""


class TimeitResult:
    """What %timeit -o returns: per-loop timings of each run, in seconds."""

    def __init__(self, loops, repeat, best, worst, all_runs):
        self.loops = loops
        self.repeat = repeat
        self.best = best
        self.worst = worst
        self.all_runs = all_runs
        self.timings = [t / loops for t in all_runs]
        self.average = sum(self.timings) / len(self.timings)
        mean = self.average
        self.stdev = (sum((t - mean) ** 2 for t in self.timings) / len(self.timings)) ** 0.5

    def __str__(self):
        plural = "" if self.loops == 1 else "s"
        runs = "" if self.repeat == 1 else "s"
        return "%s ± %s per loop (mean ± std. dev. of %d run%s, %d loop%s each)" % (
            format_time(self.average),
            format_time(self.stdev),
            self.repeat,
            runs,
            self.loops,
            plural,
        )

    __repr__ = lambda self: "<TimeitResult : " + str(self) + ">"


def format_time(seconds):
    """Formats a duration the way IPython's %time and %timeit do (s, ms, µs, ns)."""
    if seconds >= 60:
        minutes, secs = divmod(seconds, 60)
        return "%dmin %.0fs" % (minutes, secs) if secs >= 0.5 else "%dmin" % minutes
    for unit, scale in (("s", 1.0), ("ms", 1e3), ("µs", 1e6), ("ns", 1e9)):
        if seconds >= 1.0 / scale or unit == "ns":
            return "%.3g %s" % (seconds * scale, unit)
    return "%.3g ns" % (seconds * 1e9)


# Line magics whose argument is a command line: "{expr}" and "$name" in it are replaced by
# Python values, as IPython does ("$$" and "{{ }}" stand for a literal "$", "{", "}").
_EXPANDING_MAGICS = frozenset({"system", "sx", "cd"})
_EXPANSION = re.compile(r"\$\$|\{\{|\}\}|\{([^{}]+)\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def var_expand(text, global_ns, local_ns):
    def replace(match):
        token = match.group(0)
        if token in ("$$", "{{", "}}"):
            return token[0]
        expression = match.group(1) or match.group(2)
        try:
            return str(eval(expression, global_ns, local_ns))
        except Exception:
            return token  # an unknown name stays as written: $HOME goes to the shell

    return _EXPANSION.sub(replace, text)


class Shell(Displays):
    """One learner namespace and everything the kernel asks of it."""

    def __init__(self, bridge):
        self.bridge = bridge
        self.main = types.ModuleType("__main__", "The notebook's namespace.")
        self.ns = self.main.__dict__
        self.ns["__builtins__"] = builtins
        sys.modules["__main__"] = self.main
        self.running = False
        self.loop = None
        self.display_counter = 0
        self.directory_history = [os.getcwd()]
        self.previous_directory = os.getcwd()
        self.guest_path = []
        self.ns["In"] = [""]
        self.ns["Out"] = {}
        self.ns["_"] = self.ns["__"] = self.ns["___"] = ""
        self.ns["_dh"] = self.directory_history
        self.ns["_ih"] = self.ns["In"]
        self.ns["_oh"] = self.ns["Out"]
        self.ns["_pymastery_past"] = self._past
        self.hidden = set(self.ns)
        self.output = OutputBuffer(bridge)
        sys.stdout = sys.__stdout__ = KernelStream(self.output, "stdout")
        sys.stderr = sys.__stderr__ = KernelStream(self.output, "stderr")
        if "" not in sys.path:
            sys.path.insert(0, "")
        builtins.display = self.display
        builtins.clear_output = self.clear_output
        builtins.update_display = self.update_display
        builtins.input = self.input
        builtins.exit = _Exit(bridge, "exit")
        builtins.quit = _Exit(bridge, "quit")
        builtins._pymastery_line_magic = self.line_magic
        builtins._pymastery_cell_magic = self.cell_magic
        self.hidden.update({"display", "clear_output", "update_display"})
        sys.modules["getpass"] = _getpass_module(self)
        signal.signal(signal.SIGINT, self._on_sigint)
        self.count = 0
        self._last_error = None
        self.captures = []
        self._completion_cache = None
        self.xmode = "Context"
        self.float_format = None
        IPythonImporter.install(self, _IPYTHON_MODULES)

    # ---------------------------------------------------------------- IPython's shell (IPython.get_ipython())

    UsageError = UsageError
    StdinNotImplementedError = StdinNotImplementedError

    def execution_count(self):
        return self.count

    def _ipython_shell(self):
        """get_ipython()'s shell if a cell has asked for it, else None (nothing is imported for it)."""
        module = sys.modules.get("IPython.core.interactiveshell")
        return module.InteractiveShell._instance if module is not None else None

    def _user_magic(self, kind, name):
        shell = self._ipython_shell()
        return shell.magics[kind].get(name) if shell is not None else None

    def find_cell_magic(self, name):
        """The %%name magic a learner registered (IPython.core.magic), or None."""
        return self._user_magic("cell", name)

    def cell_magic(self, name, line, body):
        """Runs a learner's %%name magic; the kernel rewrites such a cell into this call."""
        return self._user_magic("cell", name)(line, body)

    def user_magics_listing(self):
        """%lsmagic's part for magics registered in this notebook: text, or None when there are none."""
        shell = self._ipython_shell()
        if shell is None or not (shell.magics["line"] or shell.magics["cell"]):
            return None
        lines = ["\nDefined in this notebook:"]
        for kind, prefix in (("line", "%"), ("cell", "%%")):
            for name, magic in sorted(shell.magics[kind].items()):
                doc = (getattr(magic, "__doc__", None) or "").strip().split("\n")[0]
                lines.append("  %s%s%s" % (prefix, name, "\n      " + doc if doc else ""))
        return "\n".join(lines) + "\n"

    def ipython_line_magic(self, name, line):
        magic = self._user_magic("line", name)
        if magic is not None:
            return magic(line)
        return self._bridged_line_magic(name, line)

    def ipython_cell_magic(self, name, line, cell):
        magic = self._user_magic("cell", name)
        if magic is not None:
            return magic(line, cell)
        raise UsageError(
            "get_ipython().run_cell_magic runs magics registered in this notebook; %%%%%s is the kernel's:"
            " start a cell with %%%%%s instead" % (name, name))

    def ipython_set_next_input(self, text, replace):
        self.bridge.set_next_input(text, replace)

    def ipython_capture_begin(self, stdout, stderr, display):
        self.output.flush()
        return Capture(stdout, stderr, display).begin(self.captures)

    def ipython_capture_end(self, capture):
        capture.end(self.captures)

    def capture_cell_begin(self, args):
        """%%capture's start: parses its arguments, binds NAME to the CapturedIO; an error as JSON."""
        stdout = stderr = display = True
        name = None
        for word in args.split():
            if word == "--no-stdout":
                stdout = False
            elif word == "--no-stderr":
                stderr = False
            elif word == "--no-display":
                display = False
            elif word.isidentifier() and name is None:
                name = word
            else:
                return self._error_json(UsageError(
                    "%%%%capture: unexpected %r; %%%%capture [--no-stdout] [--no-stderr] [--no-display] [NAME]" % word))
        from IPython.utils.capture import CapturedIO

        capture = self.ipython_capture_begin(stdout, stderr, display)
        if name is not None:
            self.ns[name] = CapturedIO(capture.stdout, capture.stderr, capture.outputs)
        return None

    def capture_cell_end(self):
        if self.captures:
            self.captures[-1].end(self.captures)

    # ---------------------------------------------------------------- comms (the comm package)

    def ipython_comm(self, msg_type, content, metadata, buffers=None):
        """A comm message from the kernel's side, published on IOPub with its binary buffers."""
        self.output.flush()
        encoded = [base64.b64encode(bytes(b)).decode("ascii") for b in buffers or ()]
        self.bridge.comm(msg_type, json.dumps(content), json.dumps(metadata or {}), json.dumps(encoded))

    def ipython_parent(self):
        """The request being served, as ipykernel's kernel.get_parent() gives it (its header)."""
        return {"header": json.loads(self.bridge.request_header())}

    def comm_event(self, message_json):
        """comm_open, comm_msg or comm_close from the front end, for the comm manager."""
        import comm

        message = json.loads(message_json)
        message["buffers"] = [memoryview(base64.b64decode(b)) for b in message.get("buffers", ())]
        handler = getattr(comm.get_comm_manager(), message["header"]["msg_type"])
        self.running = True
        try:
            handler(None, None, message)
        except KeyboardInterrupt:
            print("KeyboardInterrupt in a comm handler", file=sys.stderr)
        finally:
            self.running = False
            self.output.flush()

    def comm_info(self, target):
        """The open comms as JSON {comm_id: target_name}, only target's if given."""
        module = sys.modules.get("comm")
        comms = module.get_comm_manager().comms.values() if module is not None else ()
        return json.dumps({c.comm_id: c.target_name for c in comms if not target or c.target_name == target})


    # ---------------------------------------------------------------- interrupts

    def _on_sigint(self, signum, frame):
        # The kernel raises SIGINT in its own process to interrupt a cell; between cells it means nothing.
        if self.running:
            raise KeyboardInterrupt()

    # ---------------------------------------------------------------- lab checks

    def run_check(self, test, test_file):
        """Runs a check's test against the learner's objects; returns JSON (see check_result).

        The test runs in a shallow copy of the namespace (run_test), so names it binds never reach
        the learner's; the learner's functions still see their own globals. Output is captured, not
        streamed. The test's source is never registered in linecache, so no traceback can show it.
        """
        capture = CapturedText()
        saved = sys.stdout, sys.stderr, builtins.input
        sys.stdout = sys.stderr = capture
        builtins.input = _no_input_during_checks
        try:
            run_test(test, test_file, self.ns)
            result = {"status": "passed"}
        except BaseException as error:
            result = check_result(error, test_file, HELPER_FILE)
        finally:
            sys.stdout, sys.stderr, builtins.input = saved
        result["output"] = capture.getvalue()
        return json.dumps(result)

    # ---------------------------------------------------------------- running cells

    def run_cell(self, code, name, count, store):
        """Runs code as one cell; returns JSON: {status, result?} or {status: error, ...}.

        With get_ipython() asked for, its events run around the cell: pre_execute and pre_run_cell
        before it, post_execute and post_run_cell after it, as in IPython.
        """
        self.count = count
        shell = self._ipython_shell()
        if shell is None or not any(shell.events.callbacks.values()):
            return self._run_cell(code, name, count, store)
        interactiveshell = sys.modules["IPython.core.interactiveshell"]
        info = interactiveshell.ExecutionInfo(code, store, False)
        shell.events.trigger("pre_execute")
        shell.events.trigger("pre_run_cell", info)
        outcome = self._run_cell(code, name, count, store)
        result = interactiveshell.ExecutionResult(info, error_in_exec=self._last_error)
        result.execution_count = count
        shell.events.trigger("post_execute")
        shell.events.trigger("post_run_cell", result)
        self.output.flush()
        return outcome

    def _run_cell(self, code, name, count, store):
        self._last_error = None
        linecache.cache[name] = (len(code), None, code.splitlines(True), name)
        try:
            # GraalPy's parser, unlike CPython's, needs the flag to accept top-level await.
            tree = compile(code, name, "exec", flags=ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        except (SyntaxError, ValueError) as error:
            self._last_error = error
            return self._error_json(error)
        if _HISTORY_NAME_IN_TEXT.search(code):
            tree = _HistoryNames(self.ns, tree).visit(tree)
            ast.fix_missing_locations(tree)
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr) and not _ends_with_semicolon(code):
            last = ast.Expression(tree.body.pop().value)
        if store:
            # No _iN / _N globals: a name added to the namespace at every cell made GraalPy throw
            # away the compiled code of every function reading a global (fib(27): 20 ms became
            # 100-150 ms). Cells read _iN and _N through _pymastery_past instead (_HistoryNames).
            self.ns["In"].append(code)
            self.ns["_i"] = code
        self.running = True
        try:
            if _awaits_at_top_level(tree) or (last is not None and _awaits_at_top_level(last)):
                value = self._run_async(tree, last, name)
            else:
                value = None
                if tree.body:
                    exec(compile(tree, name, "exec"), self.ns)
                if last is not None:
                    value = eval(compile(last, name, "eval"), self.ns)
        except BaseException as error:
            self.output.flush()
            self._last_error = error
            return self._error_json(error)
        finally:
            self.running = False
        self.output.flush()
        if value is None:
            return json.dumps({"status": "ok"})
        bundle = self.format(value)
        if store:
            self.ns["Out"][count] = value
            self.ns["___"], self.ns["__"], self.ns["_"] = self.ns["__"], self.ns["_"], value
        return json.dumps({"status": "ok", "result": bundle})

    def _past(self, name):
        """The value of _N (Out[N]) or _iN (In[N]) as IPython names them."""
        match = _HISTORY_NAME.fullmatch(name)
        number = int(match.group(2))
        try:
            if match.group(1):
                if 0 < number < len(self.ns["In"]):
                    return self.ns["In"][number]
            else:
                return self.ns["Out"][number]
        except KeyError:
            pass
        raise NameError("name %r is not defined" % name)

    def _run_async(self, tree, last, name):
        """Runs a cell that awaits at top level: GraalPy compiles no top-level await, so the cell
        becomes the body of a coroutine whose top-level names are declared global, run on one
        event loop kept across cells (tasks a cell starts live on)."""
        import asyncio

        body = list(tree.body)
        if last is not None:
            body.append(ast.copy_location(ast.Return(value=last.body), last.body))
        names = sorted(_bound_names(tree.body))
        if names:
            body.insert(0, ast.Global(names=names))
        function = ast.AsyncFunctionDef(
            name="__pymastery_cell__",
            args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]),
            body=body or [ast.Pass()],
            decorator_list=[],
            returns=None,
            type_params=[],
        )
        module = ast.Module(body=[function], type_ignores=[])
        ast.fix_missing_locations(module)
        exec(compile(module, name, "exec"), self.ns)
        coroutine = self.ns.pop("__pymastery_cell__")()
        if self.loop is None or self.loop.is_closed():
            self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        return self.loop.run_until_complete(coroutine)

    def evaluate(self, source):
        """Runs source in the namespace (for %time): the value of a lone expression, else None."""
        name = "<magic>"
        linecache.cache[name] = (len(source), None, source.splitlines(True), name)
        try:
            return eval(compile(source, name, "eval"), self.ns)
        except SyntaxError:
            exec(compile(source, name, "exec"), self.ns)
            return None

    def expressions(self, request_json):
        """Evaluates user_expressions after a cell; each gives a bundle or an error."""
        out = {}
        for key, expr in json.loads(request_json).items():
            try:
                out[key] = {"status": "ok", "bundle": self.format(eval(expr, self.ns))}
            except BaseException as error:
                out[key] = json.loads(self._error_json(error))
        return json.dumps(out)

    def apply_environment(self, env_json, cwd):
        """Takes the environment and working directory the kernel was started with."""
        env = json.loads(env_json)
        for key in list(os.environ):
            if key not in env:
                del os.environ[key]
        os.environ.update(env)
        # Packages the installer copied from Jupyter's Python (ipywidgets), after everything else so
        # that a learner's own copy wins; a spare handed to a later kernelspec drops the old folders.
        for folder in self.guest_path:
            if folder in sys.path:
                sys.path.remove(folder)
        self.guest_path = [f for f in env.get("PYMASTERY_PYTHONPATH", "").split(os.pathsep) if f]
        sys.path.extend(self.guest_path)
        os.chdir(cwd)
        self.directory_history[:] = [os.getcwd()]
        self.previous_directory = os.getcwd()

    def loaded_native_modules(self):
        return any(
            str(getattr(module, "__file__", "") or "").endswith((".so", ".pyd", ".dylib"))
            for module in list(sys.modules.values())
        )

    def reset_after_hard_interrupt(self):
        self.running = False
        # The interrupt may have stopped the flusher thread while it held a lock: start afresh.
        self.output.reset()
        self.output.flush()

    # ---------------------------------------------------------------- errors

    def _error_json(self, error):
        return json.dumps(self.error_info(error))

    def error_info(self, error):
        info = error_report(error, HELPER_FILE, cpython_message(error), self._render_traceback)
        info["status"] = "error"
        return info

    def _render_traceback(self, error, tb):
        # %xmode: Verbose adds the locals of each function's frame (a cell's own frame would list
        # the whole namespace), Minimal keeps only the error line, as a misused magic always does.
        report = _in_cpython_words(
            traceback.TracebackException(type(error), error, tb, capture_locals=self.xmode == "Verbose"), error)
        for frame in report.stack:
            if frame.name == "<module>":
                frame.locals = None
        brief = self.xmode == "Minimal" or isinstance(error, UsageError)
        return "".join(report.format_exception_only() if brief else report.format()), brief

    # ---------------------------------------------------------------- display

    def format(self, obj):
        """The MIME bundle for obj: text/plain always (with %precision's format), rich reprs when it has them."""
        if self.float_format is None:
            return mime_bundle(obj)
        return mime_bundle(obj, lambda value: _plain_floats(value, self.float_format))

    def _flush_before_display(self):
        self.output.flush()

    def _send_display(self, bundle, display_id, update):
        self.bridge.display(json.dumps(bundle["data"]), json.dumps(bundle["metadata"]), display_id, update)

    def clear_output(self, wait=False):
        sys.stdout.flush()
        sys.stderr.flush()
        self.bridge.clear_output(bool(wait))

    def input(self, prompt="", password=False):
        sys.stdout.flush()
        sys.stderr.flush()
        answer = self.bridge.input(str(prompt), bool(password))
        if answer.status() == "interrupted":
            raise KeyboardInterrupt()
        if answer.status() == "unavailable":
            raise StdinNotImplementedError(answer.value())
        return answer.value()

    def line_magic(self, name, args):
        """A %name line of a cell (the kernel rewrites such lines into this call)."""
        magic = self._user_magic("line", name)
        if magic is not None:
            return magic(args)
        if name in _EXPANDING_MAGICS:
            caller = sys._getframe(1)
            args = var_expand(args, self.ns, caller.f_locals)
        return self._bridged_line_magic(name, args)

    def _bridged_line_magic(self, name, args):
        # The magic may print from Java: what the cell printed so far must arrive first.
        self.output.flush()
        answer = self.bridge.line_magic(name, args)
        if answer.failed():
            kind = answer.exception()
            if kind == "KeyboardInterrupt":
                raise KeyboardInterrupt(answer.message())
            raise (CheckFailed if kind == "CheckFailed" else UsageError)(answer.message())
        return answer.value()

    # ---------------------------------------------------------------- magics run here

    def magic_pwd(self):
        return os.getcwd()

    def magic_cd(self, arg):
        arg = arg.strip()
        if arg.startswith(("'", '"')) and arg.endswith(arg[0]) and len(arg) > 1:
            arg = arg[1:-1]
        if arg == "":
            target = os.path.expanduser("~")
        elif arg == "-":
            target = self.previous_directory
        else:
            target = os.path.expanduser(arg)
        if not os.path.isdir(target):
            raise UsageError("%%cd: no such directory: %s" % target)
        self.previous_directory = os.getcwd()
        os.chdir(target)
        self.directory_history.append(os.getcwd())
        print(os.getcwd())

    def magic_env(self, arg):
        arg = arg.strip()
        if not arg:
            return dict(os.environ)
        match = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:=|\s)\s*(.*)$", arg)
        if match:
            name, value = match.group(1), match.group(2)
            if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            os.environ[name] = value
            print("env: %s=%s" % (name, value))
            return None
        if arg not in os.environ:
            raise UsageError("%%env: environment variable %s is not set" % arg)
        return os.environ[arg]

    # ---------------------------------------------------------------- more of IPython's magics

    def magic_run(self, args):
        """%run [-i] FILE [ARGS]: the file runs as __main__ with sys.argv set; its names then join
        the notebook's (with -i it runs in the notebook's namespace and sees its names)."""
        import shlex

        try:
            words = shlex.split(args)
        except ValueError as error:
            raise UsageError("%%run: %s in %r" % (error, args)) from None
        interactive = False
        while words and words[0].startswith("-"):
            flag = words.pop(0)
            if flag != "-i":
                raise UsageError("%%run: unknown option %s; use %%run [-i] FILE [ARGS...]" % flag)
            interactive = True
        if not words:
            raise UsageError("%run needs a file: %run script.py [ARGS...]")
        path = os.path.expanduser(words[0])
        if not os.path.exists(path) and os.path.exists(path + ".py"):
            path += ".py"
        if path.endswith(".ipynb"):
            raise UsageError("%%run runs Python files here; make one from the notebook with"
                             " !jupyter nbconvert --to script %s and %%run the .py" % path)
        try:
            with open(path, encoding="utf-8") as handle:
                source = handle.read()
        except FileNotFoundError:
            raise UsageError("%%run: no file %s in %s" % (words[0], os.getcwd())) from None
        if interactive:
            namespace = self.ns
        else:
            module = types.ModuleType("__main__")
            namespace = module.__dict__
            namespace["__builtins__"] = builtins
            sys.modules["__main__"] = module
        saved_file = namespace.get("__file__", _MISSING)
        namespace["__file__"] = os.path.abspath(path)
        saved_argv = sys.argv
        sys.argv = [path] + words[1:]
        try:
            exec(compile(source, os.path.abspath(path), "exec"), namespace)
        except SystemExit as exit:
            if exit.code not in (None, 0):
                print("%s exited with status %s (SystemExit)" % (words[0], exit.code), file=sys.stderr)
        finally:
            sys.argv = saved_argv
            sys.modules["__main__"] = self.main
            if saved_file is _MISSING:
                namespace.pop("__file__", None)
            else:
                namespace["__file__"] = saved_file
            if not interactive:
                for name, value in namespace.items():
                    if not (name.startswith("__") and name.endswith("__")):
                        self.ns[name] = value

    def magic_load(self, args):
        """%load FILE [-r LINES] [-s NAMES]: this cell becomes the file's code (IPython's set_next_input)."""
        import shlex

        words = shlex.split(args)
        lines = names = None
        rest = []
        while words:
            word = words.pop(0)
            if word in ("-r", "-s") and words:
                if word == "-r":
                    lines = words.pop(0)
                else:
                    names = words.pop(0).split(",")
            elif word.startswith("-") and word != "-":
                raise UsageError("%%load: unknown option %s; use %%load FILE [-r 2-10] [-s name,other]" % word)
            else:
                rest.append(word)
        if len(rest) != 1:
            raise UsageError("%load needs one file (or URL): %load script.py")
        source = rest[0]
        if source.startswith(("http://", "https://")):
            from urllib.request import urlopen

            with urlopen(source, timeout=30) as response:
                text = response.read().decode("utf-8", "replace")
        else:
            try:
                with open(os.path.expanduser(source), encoding="utf-8") as handle:
                    text = handle.read()
            except FileNotFoundError:
                raise UsageError("%%load: no file %s in %s" % (source, os.getcwd())) from None
        if names:
            text = _definitions(text, names, source)
        if lines:
            text = _line_ranges(text, lines)
        self.bridge.set_next_input("# %%load %s\n%s" % (args.strip(), text), True)

    _XMODES = ("Plain", "Context", "Verbose", "Minimal")

    def magic_xmode(self, arg):
        """%xmode MODE: Minimal shows only the error line, Verbose adds each frame's local variables;
        Plain and Context show Python's usual traceback."""
        arg = arg.strip()
        if not arg:
            mode = self._XMODES[(self._XMODES.index(self.xmode) + 1) % len(self._XMODES)]
        else:
            matches = [m for m in self._XMODES if m.lower().startswith(arg.lower())]
            if len(matches) != 1:
                raise UsageError("%%xmode: the modes are %s, not %r" % (", ".join(self._XMODES), arg))
            mode = matches[0]
        self.xmode = mode
        print("Exception reporting mode: %s" % mode)

    def magic_reset(self, arg):
        """%reset [-f]: deletes every name the learner defined, and the output history."""
        words = arg.split()
        if any(w not in ("-f", "-s") for w in words):
            raise UsageError("%%reset takes -f (do not ask) and -s (keep the output history), not %r" % arg)
        if "-f" not in words:
            try:
                answer = self.input("Once deleted, variables cannot be recovered. Proceed (y/[n])? ")
            except StdinNotImplementedError:
                raise UsageError("%reset asks before deleting and this client cannot answer: use %reset -f") from None
            if answer.strip().lower() not in ("y", "yes"):
                print("Nothing done.")
                return
        for name in [n for n in self.ns if n not in self.hidden]:
            del self.ns[name]
        if "-s" not in words:
            self.ns["Out"].clear()
            self.ns["_"] = self.ns["__"] = self.ns["___"] = ""

    def magic_precision(self, arg):
        """%precision N (digits) or %precision FORMAT (%-style); none: back to Python's repr."""
        arg = arg.strip()
        if not arg:
            self.float_format = None
            return "%r"
        if arg.isdigit():
            self.float_format = "%%.%df" % int(arg)
        elif "%" in arg:
            try:
                arg % 3.14159
            except (TypeError, ValueError):
                raise UsageError("%%precision: %r is not a %%-format for a float, e.g. %%.3f" % arg) from None
            self.float_format = arg
        else:
            raise UsageError("%%precision takes a number of digits or a %%-format, e.g. %%precision 3 or %%precision %%.2e, not %r" % arg)
        return self.float_format

    def magic_matplotlib(self, arg):
        print("matplotlib is not installed in GraalPy. Draw in a %%cpython cell: there matplotlib is installed"
              " and every figure a cell makes is shown below it, inline, without %matplotlib.")

    def magic_who(self, arg):
        wanted = set(arg.split())
        names = []
        for name, value in self.ns.items():
            if name.startswith("_") or name in self.hidden:
                continue
            if wanted and type(value).__name__ not in wanted:
                continue
            names.append(name)
        if not names:
            print("Interactive namespace is empty.")
        else:
            print("\t".join(sorted(names)))

    def magic_timeit(self, stmt, setup, number, repeat, quiet, want_result):
        import timeit

        timer = timeit.Timer(stmt, setup or "pass", globals=self.ns)
        if number <= 0:
            number = 1
            for scale in range(10):
                number = 10**scale
                if timer.timeit(number) >= 0.2:
                    break
        all_runs = timer.repeat(repeat, number)
        result = TimeitResult(number, repeat, min(all_runs) / number, max(all_runs) / number, all_runs)
        if not quiet:
            print(result)
        return result if want_result else None

    def run_cell_magic(self, method, args, body):
        """Runs a cell magic done here; returns None, or the error as JSON for the cell to report."""
        try:
            getattr(self, method)(var_expand(args, self.ns, self.ns), body)
        except BaseException as error:
            return self._error_json(error)
        finally:
            self.output.flush()
        return None

    def magic_writefile(self, args, body):
        append = False
        parts = args.split()
        if parts and parts[0] in ("-a", "--append"):
            append = True
            parts = parts[1:]
        if len(parts) != 1:
            raise UsageError("%%writefile needs one file name, e.g. %%writefile -a notes.py")
        path = parts[0]
        if len(path) > 1 and path[0] == path[-1] and path[0] in "'\"":
            path = path[1:-1]
        path = os.path.expanduser(path)
        exists = os.path.exists(path)
        with open(path, "a" if append else "w", encoding="utf-8") as handle:
            handle.write(body if body.endswith("\n") or not body else body + "\n")
        print("%s %s" % ("Appending to" if append else "Overwriting" if exists else "Writing", parts[0]))

    def magic_system(self, command):
        """Runs a shell command, streaming its output; sets _exit_code like IPython."""
        self.ns["_exit_code"] = self._stream_process(["/bin/sh", "-c", command])

    def magic_sx(self, command):
        import subprocess

        completed = subprocess.run(["/bin/sh", "-c", command], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.ns["_exit_code"] = completed.returncode
        return completed.stdout.decode("utf-8", "replace").splitlines()

    def magic_bash(self, args, body):
        self._shell_cell("bash", args, body)

    def magic_sh(self, args, body):
        self._shell_cell("sh", args, body)

    def _shell_cell(self, program, args, body):
        code = self._stream_process([program] + args.split() + ["-c", body])
        if code != 0:
            print("%s exited with status %d" % (program, code), file=sys.stderr)

    def _stream_process(self, argv):
        import subprocess

        try:
            process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except FileNotFoundError:
            raise UsageError("%s is not installed on this machine" % argv[0])
        import threading

        def pump(pipe, stream):
            for chunk in iter(lambda: pipe.read1(65536), b""):
                stream.write(chunk.decode("utf-8", "replace"))
                stream.flush()

        readers = [
            threading.Thread(target=pump, args=(process.stdout, sys.stdout), daemon=True),
            threading.Thread(target=pump, args=(process.stderr, sys.stderr), daemon=True),
        ]
        for reader in readers:
            reader.start()
        try:
            code = process.wait()
        except KeyboardInterrupt:
            process.terminate()
            process.wait()
            raise
        finally:
            for reader in readers:
                reader.join(5)
        return code

    # ---------------------------------------------------------------- values for CPython runtimes

    def export_values(self, names_json):
        """Pickles named values for %%cpython --in: JSON {values: {name: base64}, errors: {name:
        {type, reason}}}, the shape the CPython agent uses too."""
        import pickle

        values, type_names, errors = {}, {}, {}
        for name in json.loads(names_json):
            if name not in self.ns:
                errors[name] = {"type": None, "reason": "it is not defined here"}
                continue
            value = self.ns[name]
            type_names[name] = _type_name(value)
            try:
                values[name] = base64.b64encode(pickle.dumps(value, protocol=4)).decode("ascii")
            except BaseException as error:
                errors[name] = {"type": _type_name(value), "reason": "%s: %s" % (type(error).__name__, _safe_str(error))}
        return json.dumps({"values": values, "types": type_names, "errors": errors})

    def import_values(self, values_json):
        """Loads values pickled by a CPython runtime (%%cpython --out): JSON {name: {type, reason}}
        for those that could not be loaded here."""
        import pickle

        errors = {}
        for name, payload in json.loads(values_json).items():
            try:
                self.ns[name] = pickle.loads(base64.b64decode(payload))
            except BaseException as error:
                errors[name] = {"type": None, "reason": "%s: %s" % (type(error).__name__, _safe_str(error))}
        return json.dumps(errors)

    # ---------------------------------------------------------------- completion

    def complete(self, code, cursor):
        """Completions at cursor (code points): JSON {matches, start, end, types}.

        The live namespace is merged with what the cell's own text defines (imports, assignments,
        functions, classes, loop and with targets), so a cell completes before it has run: module
        attributes of `import os` then `os.pa`, keyword arguments inside a call's parentheses, and
        file paths inside a string.
        """
        text = code[:cursor]
        line = text.rsplit("\n", 1)[-1]
        matches = []
        magic = re.match(r"^\s*(%%?)(\w*)$", line)
        if magic:
            prefix, stem = magic.group(1), magic.group(2)
            kind = "cell" if prefix == "%%" else "line"
            names = [n for n in json.loads(self.bridge.magic_names(kind)) if n.startswith(stem)]
            shell = self._ipython_shell()
            if shell is not None:
                names += [n for n in shell.magics[kind] if n.startswith(stem) and n not in names]
            start = cursor - len(stem) - len(prefix)
            matches = [(prefix + n, "magic") for n in sorted(names)]
            return _completion_json(matches, start, cursor)
        imported = re.match(r"^\s*(?:from\s+([\w.]+)\s+import\s+(?:.*,\s*)?|import\s+(?:.*,\s*)?|from\s+)([\w.]*)$", line)
        if imported:
            module, stem = imported.group(1), imported.group(2)
            start = cursor - len(stem)
            if module:
                matches = self._module_members(module, stem)
            else:
                matches = _module_names(stem)
                start = cursor - len(stem.rsplit(".", 1)[-1]) if "." in stem else start
            return _completion_json(matches, start, cursor)
        state, start = _line_state(line, len(line))
        if state == "string":
            literal = line[start:]
            return _completion_json(_path_matches(literal), cursor - len(literal), cursor)
        if state == "comment":
            return _completion_json([], cursor, cursor)
        cell = self._cell_names(code, cursor)
        attribute = re.search(r"([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(\w*)$", line)
        if attribute:
            base = self._resolve(attribute.group(1))
            if base is _MISSING:
                base = cell.resolve(attribute.group(1))
            stem = attribute.group(2)
            if isinstance(base, _StaticModule):
                matches = [(n, k) for n, k in base.members() if n.startswith(stem)]
            elif base is not _MISSING:
                names = [n for n in dir(base) if n.startswith(stem)]
                if not stem.startswith("_"):
                    names = [n for n in names if not n.startswith("_")] + [n for n in names if n.startswith("_")]
                matches = [(n, _kind(getattr(base, n, None))) for n in names]
            return _completion_json(matches, cursor - len(stem), cursor)
        word = re.search(r"[A-Za-z_]\w*$", line)
        stem = word.group(0) if word else ""
        seen = set()
        callee = _callee_at(text)
        if callee is not None:
            for name in self._parameters(callee, cell):
                if name.startswith(stem) and name + "=" not in seen:
                    seen.add(name + "=")
                    matches.append((name + "=", "param"))
        named = []
        for source in (self.ns, vars(builtins)):
            for name, value in source.items():
                if name.startswith(stem) and name not in seen and not name.startswith("_pymastery"):
                    seen.add(name)
                    named.append((name, _kind(value)))
        for name, kind in cell.names.items():
            if name.startswith(stem) and name not in seen and name != stem:
                seen.add(name)
                named.append((name, kind))
        for name in keyword.kwlist + keyword.softkwlist:
            if name.startswith(stem) and name not in seen:
                named.append((name, "keyword"))
        named.sort(key=lambda m: (m[0].startswith("_"), m[0].lower()))
        return _completion_json(matches + named, cursor - len(stem), cursor)

    def _cell_names(self, code, cursor):
        """_CellNames of the cell without the line being typed, kept while only that line changes
        (each keystroke asks again; reading 50 lines costs GraalPy 4-15 ms)."""
        start = code.rfind("\n", 0, cursor) + 1
        end = code.find("\n", cursor)
        key = code[:start] + (code[end:] if end >= 0 else "")
        cached = self._completion_cache
        if cached is None or cached[0] != key:
            cached = self._completion_cache = (key, _CellNames(key))
        return cached[1]

    def _parameters(self, callee, cell):
        """Keyword-argument names of the function called callee: live, else defined in the cell."""
        target = self._resolve(callee)
        if target is _MISSING:
            target = cell.resolve(callee)
        if target is _MISSING or isinstance(target, _StaticModule):
            return cell.parameters.get(callee, [])
        import inspect

        try:
            signature = inspect.signature(target)
        except (TypeError, ValueError):
            return []
        kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        return [p.name for p in signature.parameters.values() if p.kind in kinds and p.name != "self"]

    def _module_members(self, module, stem):
        try:
            target = sys.modules.get(module) or __import__(module, fromlist=["*"])
        except BaseException:
            return []
        names = [n for n in dir(target) if n.startswith(stem) and (stem.startswith("_") or not n.startswith("_"))]
        return [(n, _kind(getattr(target, n, None))) for n in sorted(names)]

    def _resolve(self, dotted):
        parts = dotted.split(".")
        if parts[0] in self.ns:
            value = self.ns[parts[0]]
        elif hasattr(builtins, parts[0]):
            value = getattr(builtins, parts[0])
        else:
            return _MISSING
        for part in parts[1:]:
            try:
                value = getattr(value, part)
            except BaseException:
                return _MISSING
        return value

    # ---------------------------------------------------------------- inspection

    def inspect(self, code, cursor, detail):
        """Help for the name at the cursor: JSON {found, text}."""
        name = _name_at(code, cursor)
        if not name:
            return json.dumps({"found": False})
        obj = self._resolve(name)
        if obj is _MISSING:
            return json.dumps({"found": False})
        return json.dumps({"found": True, "text": self._describe(name, obj, detail)})

    def _describe(self, name, obj, detail, only=None):
        """IPython's help text for obj: signature, string form, docstring, source (detail 1), file, type.

        only names the one field wanted (%pdoc: Docstring, %psource: Source); None gives them all.
        """
        import inspect  # here, not at the top: every renewed context would pay for it

        fields = []
        if callable(obj):
            try:
                fields.append(("Signature", name.rsplit(".", 1)[-1] + str(inspect.signature(obj))))
            except (TypeError, ValueError):
                pass
        if not (inspect.isroutine(obj) or isinstance(obj, type) or inspect.ismodule(obj)):
            text = _plain(obj)
            fields.append(("String form", text if len(text) < 400 else text[:400] + "..."))
        doc = inspect.getdoc(obj)
        if doc:
            fields.append(("Docstring", doc))
        elif detail == 0:
            fields.append(("Docstring", "<no docstring>"))
        if detail > 0:
            try:
                fields.append(("Source", inspect.getsource(obj).rstrip("\n")))
            except (TypeError, OSError):
                pass
        try:
            source_file = inspect.getsourcefile(obj) or inspect.getfile(obj)
            fields.append(("File", source_file))
        except (TypeError, OSError):
            pass
        fields.append(("Type", type(obj).__name__))
        if only is not None:
            fields = [(label, value) for label, value in fields if label == only and value != "<no docstring>"]
            if not fields:
                return None
        width = max(len(label) for label, _ in fields) + 2
        lines = []
        for label, value in fields:
            head = (label + ":").ljust(width)
            body = str(value)
            if "\n" in body:
                lines.append(ANSI_HEAD + label + ":" + ANSI_END)
                lines.append(body)
            else:
                lines.append(ANSI_HEAD + head + ANSI_END + body)
        return "\n".join(lines)

    # ---------------------------------------------------------------- help: obj?, obj??, %pinfo ...

    def magic_pinfo(self, arg):
        self._page_help(arg, 0)

    def magic_pinfo2(self, arg):
        self._page_help(arg, 1)

    def magic_pdoc(self, arg):
        self._page_help(arg, 0, "Docstring", "No documentation found for %s")

    def magic_psource(self, arg):
        self._page_help(arg, 1, "Source", "No source found for %s")

    def _page_help(self, arg, detail, only=None, missing=None):
        """Help on the object named arg, for the front end's pager (IPython's page payload)."""
        name = arg.strip()
        if not name:
            raise UsageError("name the object: %pinfo len, or len? on a line of its own")
        obj = self._resolve(name)
        if obj is _MISSING:
            print("Object `%s` not found." % name)
            return
        text = self._describe(name, obj, detail, only)
        if text is None:
            print(missing % name)
            return
        self.bridge.page(json.dumps({"text/plain": text}))

    # ---------------------------------------------------------------- is_complete

    def is_complete(self, code):
        """'complete', 'invalid', or 'incomplete' with the next line's indent, as JSON.

        GraalPy's codeop cannot tell incomplete input from invalid input, so open brackets and
        strings are found with tokenize and open blocks from the compiler's message.
        """
        if code.lstrip().startswith("%%"):
            done = code.endswith("\n\n") or code.endswith("\n") and code.strip() == ""
            return json.dumps({"status": "complete" if done else "incomplete", "indent": ""})
        lines = code.split("\n")
        source = "\n".join(re.sub(r"^(\s*)(?:[%!].*|\?\??\s*[A-Za-z_][\w.]*\s*|[A-Za-z_][\w.]*\s*\?\??\s*)$", r"\1pass", line) for line in lines)
        last = next((line for line in reversed(lines) if line.strip()), "")
        indent = re.match(r"^\s*", last).group(0)
        incomplete = json.dumps({"status": "incomplete", "indent": indent + ("    " if last.rstrip().endswith(":") else "")})
        try:
            for _ in tokenize.generate_tokens(io.StringIO(source + "\n").readline):
                pass
        except tokenize.TokenError:
            return incomplete
        except (SyntaxError, IndentationError):
            return json.dumps({"status": "invalid"})
        try:
            compile(source, "<input>", "exec")
        except SyntaxError as error:
            message = str(error.msg)
            if message.startswith(("expected an indented block", "unterminated triple-quoted", "unexpected EOF")) or "was never closed" in message:
                return incomplete
            return json.dumps({"status": "invalid"})
        except (OverflowError, ValueError):
            return json.dumps({"status": "invalid"})
        if indent and not code.endswith("\n"):
            return json.dumps({"status": "incomplete", "indent": indent})
        return json.dumps({"status": "complete"})


_MISSING = object()


def _plain_floats(obj, fmt):
    """text/plain under %precision: floats, alone or inside lists, tuples and dicts, in fmt."""

    def show(value, depth):
        kind = type(value)
        if kind is float:
            return fmt % value
        if depth > 20:
            return repr(value)
        if kind is list:
            return "[" + ", ".join(show(v, depth + 1) for v in value) + "]"
        if kind is tuple:
            inner = ", ".join(show(v, depth + 1) for v in value)
            return "(" + inner + ("," if len(value) == 1 else "") + ")"
        if kind is dict:
            return "{" + ", ".join("%s: %s" % (show(k, depth + 1), show(v, depth + 1)) for k, v in value.items()) + "}"
        return repr(value)

    try:
        return show(obj, 0)
    except BaseException:
        return _plain(obj)


def _definitions(text, names, source):
    """The source of the top-level functions and classes called names in text (%load -s)."""
    tree = ast.parse(text)
    lines = text.splitlines(True)
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name in names:
            start = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
            found[node.name] = "".join(lines[start:node.end_lineno])
    missing = [n for n in names if n not in found]
    if missing:
        raise UsageError("%%load -s: %s not defined at the top of %s" % (", ".join(missing), source))
    return "\n".join(found[n] for n in names)


def _line_ranges(text, spec):
    """Lines of text picked by %load -r: 5, 2-10 or 2:10 (IPython's 1-based, inclusive ranges), joined by commas."""
    lines = text.splitlines(True)
    picked = []
    for part in spec.split(","):
        bounds = re.fullmatch(r"(\d+)(?:[-:](\d+))?", part.strip())
        if not bounds:
            raise UsageError("%%load -r: %r is not a line range like 5, 2-10 or 2:10" % part)
        start = int(bounds.group(1))
        stop = int(bounds.group(2) or start)
        picked.extend(lines[start - 1:stop])
    return "".join(picked)


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def _top_level_nodes(nodes):
    """Every node of these statements outside nested functions, lambdas and classes."""
    stack = list(nodes)
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, _SCOPES):
            stack.extend(ast.iter_child_nodes(node))


def _awaits_at_top_level(tree):
    body = tree.body if isinstance(tree.body, list) else [tree.body]
    for node in _top_level_nodes(body):
        if isinstance(node, (ast.Await, ast.AsyncFor, ast.AsyncWith)):
            return True
        if isinstance(node, ast.comprehension) and node.is_async:
            return True
    return False


_HISTORY_NAME = re.compile(r"_(i?)([0-9]+)")
_HISTORY_NAME_IN_TEXT = re.compile(r"\b_i?[0-9]+\b")


class _HistoryNames(ast.NodeTransformer):
    """Turns a read of _N or _iN (IPython's output and input history) into _pymastery_past("_N"),
    unless the namespace or the cell itself binds that name."""

    def __init__(self, ns, tree):
        self.ns = ns
        self.bound = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                self.bound.add(node.id)
            elif isinstance(node, ast.arg):
                self.bound.add(node.arg)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.bound.add(node.name)
            elif isinstance(node, ast.alias):
                self.bound.add((node.asname or node.name).split(".")[0])

    def visit_Name(self, node):
        if (
            isinstance(node.ctx, ast.Load)
            and _HISTORY_NAME.fullmatch(node.id)
            and node.id not in self.bound
            and node.id not in self.ns
        ):
            call = ast.Call(ast.Name("_pymastery_past", ast.Load()), [ast.Constant(node.id)], [])
            return ast.copy_location(call, node)
        return node


def _bound_names(statements):
    """Names the statements bind in the module scope (for the global declaration)."""
    names = set()
    for node in _top_level_nodes(statements):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name != "*":
                    names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
    return names


def _in_cpython_words(report, error):
    """report (a TracebackException of error) with CPython's messages for error and the errors
    chained to it (cpython_wording.py); each report keeps its message in _str."""
    top, seen = report, set()
    while report is not None and error is not None and id(error) not in seen:
        seen.add(id(error))
        message = cpython_message(error)
        if message is not None and hasattr(report, "_str"):
            report._str = message
        if report.__cause__ is not None:
            _in_cpython_words(report.__cause__, error.__cause__)
        report, error = report.__context__, error.__context__
    return top


_IMPORT = re.compile(r"^[ \t]*import[ \t]+(.+)$", re.M)
_FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+\(?([^)\n]+)", re.M)
_DEFINITION = re.compile(r"^[ \t]*(?:async[ \t]+)?(def|class)[ \t]+([A-Za-z_]\w*)[ \t]*(?:\(([^)]*)\))?", re.M)
_ASSIGNED = re.compile(r"^[ \t]*([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]*(?::[^=\n]*)?=(?!=)", re.M)
_BOUND = re.compile(r"\b(?:for|as)[ \t]+([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)")


class _StaticModule:
    """A module found by a cell's import but not imported for completion (its code would run):
    its top-level names, read from its source."""

    def __init__(self, path):
        self.path = path

    def members(self):
        try:
            with open(self.path, encoding="utf-8") as handle:
                tree = ast.parse(handle.read())
        except (OSError, SyntaxError, ValueError):
            return []
        found = {}
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found[node.name] = "function"
            elif isinstance(node, ast.ClassDef):
                found[node.name] = "class"
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Name):
                        found[target.id] = "instance"
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    found[(alias.asname or alias.name).split(".")[0]] = "module" if isinstance(node, ast.Import) else "instance"
        return sorted(found.items())


def _module_for_completion(name):
    """The module called name: imported if it is already, or if it belongs to the interpreter
    (built in, frozen, or under sys.prefix); otherwise a _StaticModule, so no learner's code runs
    while they type. _MISSING when there is no such module."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError, AttributeError):
        return _MISSING
    if spec is None:
        return _MISSING
    origin = spec.origin or ""
    homes = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, os.path.dirname(os.__file__))}
    if origin in ("built-in", "frozen") or any(os.path.realpath(origin).startswith(h + os.sep) for h in homes):
        try:
            return __import__(name, fromlist=["*"])
        except BaseException:
            return _MISSING
    if origin.endswith(".py"):
        return _StaticModule(origin)
    return _MISSING


class _CellNames:
    """What a cell's text defines, found by reading it (it may not parse, or may not have run)."""

    def __init__(self, code):
        self.names = {}
        self.modules = {}
        self.parameters = {}
        for match in _IMPORT.finditer(code):
            for part in match.group(1).split("#")[0].split(","):
                words = part.split()
                if len(words) == 3 and words[1] == "as":
                    self.modules[words[2]] = words[0]
                    self.names[words[2]] = "module"
                elif len(words) == 1 and re.fullmatch(r"[\w.]+", words[0]):
                    top = words[0].split(".")[0]
                    self.modules.setdefault(top, top)
                    self.names[top] = "module"
        for match in _FROM_IMPORT.finditer(code):
            for part in match.group(2).split("#")[0].split(","):
                words = part.split()
                if words and words[0] != "*":
                    alias = words[2] if len(words) == 3 and words[1] == "as" else words[0]
                    if alias.isidentifier():
                        self.names[alias] = "instance"
                        self.modules.setdefault("." + alias, match.group(1) + "." + words[0])
        for match in _DEFINITION.finditer(code):
            self.names[match.group(2)] = "function" if match.group(1) == "def" else "class"
            if match.group(1) == "def" and match.group(3) is not None:
                params = []
                for part in match.group(3).split(","):
                    name = re.match(r"\s*\**\s*([A-Za-z_]\w*)", part)
                    if name and not part.strip().startswith("*") and name.group(1) != "self":
                        params.append(name.group(1))
                self.parameters[match.group(2)] = params
        for pattern in (_ASSIGNED, _BOUND):
            for match in pattern.finditer(code):
                for name in match.group(1).split(","):
                    name = name.strip()
                    if name and not keyword.iskeyword(name):
                        self.names.setdefault(name, "instance")

    def resolve(self, dotted):
        """The object a dotted name of the cell's imports stands for, or _MISSING."""
        parts = dotted.split(".")
        module_name = self.modules.get(parts[0])
        if module_name is None:
            origin = self.modules.get("." + parts[0])
            if origin is None:
                return _MISSING
            package, _, member = origin.rpartition(".")
            value = _module_for_completion(package)
            if value is _MISSING or isinstance(value, _StaticModule):
                return _module_for_completion(origin)
            value = getattr(value, member, _MISSING)
            if value is _MISSING:
                value = _module_for_completion(origin)
        else:
            value = _module_for_completion(module_name)
        for part in parts[1:]:
            if value is _MISSING or isinstance(value, _StaticModule):
                return _MISSING
            nested = getattr(value, part, _MISSING)
            if nested is _MISSING and isinstance(value, types.ModuleType):
                nested = _module_for_completion(value.__name__ + "." + part)
            value = nested
        return value


def _path_matches(literal):
    """Files and directories (with a trailing /) whose path starts with literal."""
    folder, stem = os.path.split(literal)
    where = os.path.expanduser(folder) if folder else "."
    try:
        entries = sorted(os.listdir(where))
    except OSError:
        return []
    matches = []
    for name in entries:
        if name.startswith(stem) and (stem.startswith(".") or not name.startswith(".")):
            full = os.path.join(folder, name) if folder else name
            is_dir = os.path.isdir(os.path.join(where, name))
            matches.append((full + "/" if is_dir else full, "path"))
    return matches[:500]


def _callee_at(text):
    """The dotted name whose call's parentheses hold the end of text, or None (strings skipped)."""
    depth, i = 0, len(text) - 1
    limit = max(0, len(text) - 5000)
    while i >= limit:
        char = text[i]
        if char in ")]}":
            depth += 1
        elif char in "([{":
            if depth == 0:
                if char != "(":
                    return None
                match = re.search(r"([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*$", text[:i])
                return match.group(1) if match and not keyword.iskeyword(match.group(1)) else None
            depth -= 1
        elif char == "\n" and depth == 0 and not text[:i].rstrip().endswith((",", "(", "\\")):
            return None
        i -= 1
    return None


def _line_state(line, position):
    """What position in line is inside: ("code", 0), ("comment", 0), or ("string", where the
    literal's text starts)."""
    quote, start, i = None, 0, 0
    while i < position:
        char = line[i]
        if quote:
            if char == "\\":
                i += 1
            elif line.startswith(quote, i):
                i += len(quote) - 1
                quote = None
        elif char == "#":
            return "comment", 0
        elif char in "'\"":
            quote = char * 3 if line.startswith(char * 3, i) else char
            i += len(quote) - 1
            start = i + 1
        i += 1
    return ("string", start) if quote is not None else ("code", 0)


def _in_string(line, position):
    """Whether position in line is inside a string literal or a comment."""
    return _line_state(line, position)[0] != "code"


def _kind(value):
    if isinstance(value, types.ModuleType):
        return "module"
    if isinstance(value, type):
        return "class"
    if callable(value):
        return "function"
    return "instance"


def _module_names(stem):
    import pkgutil  # here, not at the top: every renewed context would pay for it

    if "." in stem:
        package, sub = stem.rsplit(".", 1)
        try:
            module = __import__(package, fromlist=["*"])
            paths = getattr(module, "__path__", None)
        except BaseException:
            return []
        if not paths:
            return []
        names = {info.name for info in pkgutil.iter_modules(paths)}
        return [(n, "module") for n in sorted(names) if n.startswith(sub)]
    names = set(sys.builtin_module_names)
    names.update(info.name for info in pkgutil.iter_modules())
    names.update(name for name in sys.modules if "." not in name)
    return [(n, "module") for n in sorted(names) if n.startswith(stem) and (stem.startswith("_") or not n.startswith("_"))]


def _completion_json(matches, start, end):
    return json.dumps({"matches": [m for m, _ in matches], "types": [t for _, t in matches], "start": start, "end": end})


def _name_at(code, cursor):
    """The dotted name under the cursor, or the callable whose parentheses hold the cursor."""
    cursor = max(0, min(cursor, len(code)))
    ident = re.compile(r"[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*")
    for match in ident.finditer(code):
        line_start = code.rfind("\n", 0, match.start()) + 1
        if match.start() <= cursor <= match.end() and not _in_string(code[line_start:], match.start() - line_start):
            return match.group(0)
    depth = 0
    i = cursor - 1
    while i >= 0:
        char = code[i]
        if char == ")":
            depth += 1
        elif char == "(":
            if depth == 0:
                before = code[:i].rstrip()
                match = re.search(r"[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*$", before)
                return match.group(0) if match else None
            depth -= 1
        i -= 1
    return None


def _getpass_module(shell):
    """getpass asking through the kernel. The standard module imports termios, a C extension;
    GraalPy loads C extensions once per process, which would stop the process from serving a
    fresh session later, so the kernel provides the module itself."""
    module = types.ModuleType("getpass", "Password input through the notebook (the kernel's getpass).")

    class GetPassWarning(UserWarning):
        pass

    def getpass(prompt="Password: ", stream=None):
        return shell.input(prompt, password=True)

    def getuser():
        for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
            user = os.environ.get(name)
            if user:
                return user
        import pwd

        return pwd.getpwuid(os.getuid())[0]

    module.GetPassWarning = GetPassWarning
    module.getpass = getpass
    module.getuser = getuser
    module.unix_getpass = module.win_getpass = module.fallback_getpass = getpass
    return module


def _no_input_during_checks(prompt=""):
    raise StdinNotImplementedError("input() cannot be answered while a check runs; pass values as arguments")


def make_shell(bridge):
    _reset_signals()
    if not sys.argv:
        # An embedded interpreter has no argv; runpy, argparse and friends expect argv[0].
        sys.argv = ["pymastery_kernel"]
    return Shell(bridge)


def _reset_signals():
    """A reused kernel process starts each session with no timers and default signal handlers.

    Handlers live in the process, not in the context: a handler the last session installed is
    still there (and unknown to this context, which reports it as None), and its timer may fire.
    """
    for timer in ("ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF"):
        if hasattr(signal, timer):
            try:
                signal.setitimer(getattr(signal, timer), 0)
            except (OSError, ValueError):
                pass
    for name in ("SIGALRM", "SIGVTALRM", "SIGPROF", "SIGUSR1"):
        number = getattr(signal, name, None)
        if number is not None:
            try:
                if signal.getsignal(number) is not signal.SIG_DFL:
                    signal.signal(number, signal.SIG_DFL)
            except (OSError, ValueError, TypeError):
                pass

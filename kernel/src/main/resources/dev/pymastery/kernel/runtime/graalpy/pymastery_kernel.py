"""The kernel's side in GraalPy: the Shell, which runs cells, renders values and errors, does IO.

GraalPyContexts evaluates this file once per context, joined into one source (HELPER_FILES) after
the parts of Shell (shell_output.py, shell_ipython.py, shell_magics.py, shell_completion.py) and
before cpython_wording.py; GraalPyRuntime keeps the Shell that make_shell returns. The kernel is
reached only through the bridge object handed to Shell (display, clear_output, input, line magics);
the learner's namespace never sees these names.
"""

import ast
import builtins
import json
import linecache
import os
import re
import signal
import sys
import traceback
import types

HELPER_FILE = "<pymastery-kernel>"


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


class Shell(Displays, ShellIPython, ShellMagics, ShellCompletion):
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

"""The shell object get_ipython() returns: namespace, magics, display publishing and events.

``_pymastery_host`` is set by the kernel before this module runs: the GraalPy shell or the CPython
agent, whichever runs the cell.
"""

import sys

_host = _pymastery_host  # noqa: F821 - injected by the kernel's importer


class DisplayPublisher:
    """shell.display_pub: publishes a MIME bundle as display_data (or update_display_data)."""

    def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
        if not isinstance(data, dict):
            raise TypeError("publish() needs a dict of MIME type to data, not %s" % type(data).__name__)
        display_id = (transient or {}).get("display_id")
        _host.display(data, raw=True, metadata=metadata, display_id=display_id, update=update)

    def clear_output(self, wait=False):
        _host.clear_output(wait)


class EventManager:
    """shell.events: callbacks run around every cell, as IPython names the events."""

    EVENTS = ("pre_execute", "pre_run_cell", "post_execute", "post_run_cell", "shell_initialized")

    def __init__(self):
        self.callbacks = {name: [] for name in self.EVENTS}

    def register(self, event, function):
        if event not in self.callbacks:
            raise KeyError("unknown event %r; the events are %s" % (event, ", ".join(self.EVENTS)))
        if not callable(function):
            raise TypeError("%r is not callable" % (function,))
        if function not in self.callbacks[event]:
            self.callbacks[event].append(function)

    def unregister(self, event, function):
        try:
            self.callbacks[event].remove(function)
        except (KeyError, ValueError):
            raise ValueError("function %r is not registered as a %s callback" % (function, event)) from None

    def trigger(self, event, *args, **kwargs):
        for function in list(self.callbacks.get(event, ())):
            try:
                function(*args, **kwargs)
            except Exception as error:
                print("Error in callback %r (for %s): %s: %s" % (function, event, type(error).__name__, error), file=sys.stderr)


class ExecutionInfo:
    """What pre_run_cell callbacks receive."""

    def __init__(self, raw_cell, store_history, silent, cell_id=None):
        self.raw_cell = raw_cell
        self.store_history = store_history
        self.silent = silent
        self.shell_futures = True
        self.cell_id = cell_id

    def __repr__(self):
        return "<ExecutionInfo raw_cell=%r store_history=%s silent=%s>" % (self.raw_cell[:50], self.store_history, self.silent)


class ExecutionResult:
    """What post_run_cell callbacks receive."""

    def __init__(self, info, result=None, error_in_exec=None):
        self.info = info
        self.execution_count = None
        self.error_before_exec = None
        self.error_in_exec = error_in_exec
        self.result = result

    @property
    def success(self):
        return self.error_before_exec is None and self.error_in_exec is None

    def raise_error(self):
        if self.error_in_exec is not None:
            raise self.error_in_exec

    def __repr__(self):
        return "<ExecutionResult success=%s result=%r>" % (self.success, self.result)


class Kernel:
    """shell.kernel: the parts of ipykernel's kernel object that libraries read (ipywidgets' Output
    widget asks get_parent() which request its output belongs to)."""

    def get_parent(self, channel="shell"):
        return _host.ipython_parent()

    @property
    def _parent_header(self):
        return _host.ipython_parent()

    @property
    def comm_manager(self):
        import comm

        return comm.get_comm_manager()


class InteractiveShell:
    """The notebook's shell, as code written for IPython expects to find it."""

    _instance = None

    def __init__(self):
        self.user_ns = _host.ns
        self.user_global_ns = _host.ns
        self.display_pub = DisplayPublisher()
        self.events = EventManager()
        self.magics = {"line": {}, "cell": {}}
        self.config = {"IPKernelApp": {"pymastery": True}}
        self.kernel = Kernel()

    @classmethod
    def instance(cls, *args, **kwargs):
        if InteractiveShell._instance is None:
            InteractiveShell._instance = ZMQInteractiveShell()
        return InteractiveShell._instance

    @classmethod
    def initialized(cls):
        return InteractiveShell._instance is not None

    @property
    def execution_count(self):
        return _host.execution_count()

    # ---------------------------------------------------------------- magics

    def run_line_magic(self, magic_name, line, _stack_depth=1):
        """%magic_name line, as a statement in a cell would run it; returns what the magic returns."""
        return _host.ipython_line_magic(magic_name, line)

    def run_cell_magic(self, magic_name, line, cell):
        """%%magic_name line with cell as its body."""
        return _host.ipython_cell_magic(magic_name, line, cell)

    def magic(self, arg_s):
        """The old spelling: magic("name args")."""
        name, _, line = arg_s.lstrip().lstrip("%").partition(" ")
        return self.run_line_magic(name, line)

    def register_magic_function(self, func, magic_kind="line", magic_name=None):
        """Makes func the magic %name (line), %%name (cell) or both (line_cell)."""
        if magic_kind not in ("line", "cell", "line_cell"):
            raise ValueError("magic_kind must be 'line', 'cell' or 'line_cell', not %r" % (magic_kind,))
        if not callable(func):
            raise TypeError("a magic must be callable, not %s" % type(func).__name__)
        name = magic_name or func.__name__
        for kind in ("line", "cell") if magic_kind == "line_cell" else (magic_kind,):
            self.magics[kind][name] = _LineCellAdapter(func, kind) if magic_kind == "line_cell" else func

    def register_magics(self, *objs):
        """Registers the magics of Magics subclasses (classes or instances) decorated with @magics_class."""
        for obj in objs:
            instance = obj(shell=self) if isinstance(obj, type) else obj
            table = getattr(type(instance), "_pymastery_magics", None)
            if table is None:
                raise ValueError("%r is not a Magics class decorated with @magics_class" % (obj,))
            for kind, name, attribute in table:
                self.register_magic_function(getattr(instance, attribute), kind, name)

    def find_line_magic(self, magic_name):
        return self.magics["line"].get(magic_name)

    def find_cell_magic(self, magic_name):
        return self.magics["cell"].get(magic_name)

    def find_magic(self, magic_name, magic_kind="line"):
        return self.magics.get(magic_kind, {}).get(magic_name)

    # ---------------------------------------------------------------- namespace

    def push(self, variables, interactive=True):
        """Adds names to the notebook's namespace: a dict, or names of the caller's variables."""
        if isinstance(variables, str):
            frame = sys._getframe(1)
            values = {}
            for name in variables.replace(",", " ").split():
                try:
                    values[name] = eval(name, frame.f_globals, frame.f_locals)
                except Exception:
                    print("Could not get variable %s from %s" % (name, frame.f_code.co_name), file=sys.stderr)
            variables = values
        elif not isinstance(variables, dict):
            raise ValueError("push() takes a dict or a string of names, not %s" % type(variables).__name__)
        self.user_ns.update(variables)

    def del_var(self, varname, by_name=False):
        if varname in ("__builtins__", "__name__"):
            raise ValueError("refusing to delete %s" % varname)
        self.user_ns.pop(varname, None)

    def ev(self, expr):
        """Evaluates expr in the notebook's namespace."""
        return eval(expr, self.user_ns)

    def ex(self, cmd):
        """Executes cmd in the notebook's namespace."""
        exec(cmd, self.user_ns)

    def system(self, cmd):
        return self.run_line_magic("system", cmd)

    def getoutput(self, cmd, split=True, depth=0):
        return self.run_line_magic("sx", cmd)

    def set_next_input(self, text, replace=False):
        """Puts text in the next cell (or this one, with replace), as a set_next_input payload."""
        _host.ipython_set_next_input(str(text), bool(replace))

    def enable_gui(self, gui=None, app=None):
        """GUI event loops (Tk, Qt, ...) do not run in a kernel: figures show inline instead."""
        if gui:
            print("this kernel runs no %s event loop: matplotlib figures show inline, in %%%%cpython cells" % gui,
                  file=sys.stderr)

    def enable_matplotlib(self, gui=None):
        return self.run_line_magic("matplotlib", gui or "inline")

    def __repr__(self):
        return "<%s.%s object (PyMastery kernel)>" % (type(self).__module__, type(self).__name__)


class ZMQInteractiveShell(InteractiveShell):
    """The class name ipykernel gives its shell; code tests for it to know it runs in a notebook."""


class _LineCellAdapter:
    """One function serving %name (cell is None) and %%name."""

    def __init__(self, func, kind):
        self.func = func
        self.kind = kind
        self.__name__ = getattr(func, "__name__", "magic")
        self.__doc__ = getattr(func, "__doc__", None)

    def __call__(self, line, cell=None):
        return self.func(line) if self.kind == "line" else self.func(line, cell)

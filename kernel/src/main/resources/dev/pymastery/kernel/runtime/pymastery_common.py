"""What the GraalPy kernel and the CPython agent share: rendering values, errors and check results.

Not a module of its own: the kernel prepends this file to the GraalPy shell's files
(pymastery_kernel.py and its parts) and to pymastery_agent.py (runtime/PythonSources.java), so both
stay one source each, compiled under their own file name, and the agent still travels as one
stdlib-only file. Python 3.8 or newer.
"""

import base64
import builtins
import io
import os
import pprint
import sys
import traceback
import types

RICH_REPRS = (
    ("text/html", "_repr_html_"),
    ("text/markdown", "_repr_markdown_"),
    ("image/svg+xml", "_repr_svg_"),
    ("image/png", "_repr_png_"),
    ("image/jpeg", "_repr_jpeg_"),
    ("application/json", "_repr_json_"),
    ("text/latex", "_repr_latex_"),
    ("application/javascript", "_repr_javascript_"),
)
BINARY_TYPES = {"image/png", "image/jpeg"}
TRACEBACK_KEEP = 100
CHECK_FRAMES_KEEP = 8

# Taken when the kernel's or the agent's helper code starts, before any learner code runs: a cell
# that replaces builtins.exec, compile or the builtins a test uses cannot make a check pass without
# running its test (run_test).
_EXEC, _COMPILE, _OBJECT = builtins.exec, builtins.compile, builtins.object
_BUILTINS = dict(builtins.__dict__)
CHECK_DONE = "__pymastery_check_done__"


class CheckTampered(Exception):
    """A check's test did not run to its end although nothing it ran raised: the notebook changed
    how code runs (exec, compile, sys.settrace...), so the result would mean nothing."""


def run_test(test, test_file, namespace):
    """Runs a check's test in a copy of the learner's namespace, with the builtins as they were when
    the kernel started (a test's assert, len or isinstance are the real ones whatever a cell
    replaced), and proves it ran to its end: its last statement sets a marker only it can set. An
    exception from the test or the learner's code propagates; CheckTampered when the marker is
    missing."""
    done = _OBJECT()
    globals_ = dict(namespace)
    globals_["__builtins__"] = dict(_BUILTINS)
    globals_[CHECK_DONE] = None
    code = _COMPILE(test.rstrip("\n") + "\n\n" + CHECK_DONE + " = __pymastery_marker__\n", test_file, "exec")
    globals_["__pymastery_marker__"] = done
    _EXEC(code, globals_)
    if globals_.get(CHECK_DONE) is not done:
        raise CheckTampered("the check's test did not run to its end: a cell in this session changed how code"
                            " runs (builtins.exec, compile or tracing). Restart the kernel and run your"
                            " solution without that cell.")


class DisplayHandle:
    """Returned by display(..., display_id=True): update() replaces that output in place."""

    def __init__(self, owner, display_id):
        self._owner = owner
        self.display_id = display_id

    def display(self, obj, **kwargs):
        self._owner.display(obj, display_id=self.display_id, **kwargs)

    def update(self, obj, **kwargs):
        self._owner.display(obj, display_id=self.display_id, update=True, **kwargs)

    def __repr__(self):
        return "<DisplayHandle display_id=%s>" % self.display_id


class StdinNotImplementedError(RuntimeError):
    """input() was called but the front end cannot answer."""


class UsageError(Exception):
    """A magic was called wrongly; the message says how to call it."""


class Capture:
    """What a %%capture cell or capture_output() block keeps: its text and its displays.

    begin() swaps sys.stdout / sys.stderr for StringIOs (those asked for); the shell's display()
    appends to outputs while a capture with display=True is the innermost one; end() puts the
    streams back.
    """

    def __init__(self, stdout, stderr, display):
        self.stdout = io.StringIO() if stdout else None
        self.stderr = io.StringIO() if stderr else None
        self.display = display
        self.outputs = []
        self.saved = None

    def begin(self, stack):
        self.saved = sys.stdout, sys.stderr
        if self.stdout is not None:
            sys.stdout = self.stdout
        if self.stderr is not None:
            sys.stderr = self.stderr
        stack.append(self)
        return self

    def end(self, stack):
        if self in stack:
            stack.remove(self)
        if self.saved is not None:
            sys.stdout, sys.stderr = self.saved
            self.saved = None

    @staticmethod
    def keep(outputs, objs, render, raw, metadata, display_id, update):
        """Appends what display(*objs, ...) would show to outputs, as IPython's RichOutput fields."""
        for obj in objs:
            bundle = {"data": dict(obj), "metadata": dict(metadata or {})} if raw else render(obj)
            outputs.append({"data": bundle["data"], "metadata": bundle["metadata"],
                            "transient": {"display_id": display_id} if display_id else {}, "update": bool(update)})

    @staticmethod
    def displays_into(stack):
        """The outputs list a display() goes to now, or None when nothing captures displays."""
        return stack[-1].outputs if stack and stack[-1].display else None


class IPythonImporter:
    """Serves the kernel's own IPython package to import statements.

    The modules are the kernel jar's runtime/ipython files, joined into this source by
    PythonSources as _IPYTHON_MODULES (name: (is_package, source)). Each module gets the running
    shell (the GraalPy shell or the CPython agent) as _pymastery_host before its code runs.
    """

    def __init__(self, host, modules):
        self.host = host
        self.modules = modules

    @staticmethod
    def install(host, modules):
        importer = IPythonImporter(host, modules)
        sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "IPythonImporter"]
        sys.meta_path.insert(0, importer)
        for name in [n for n in sys.modules if n == "IPython" or n.startswith("IPython.")]:
            del sys.modules[name]
        import builtins

        builtins.get_ipython = IPythonImporter.get_ipython
        return importer

    def find_spec(self, name, path=None, target=None):
        entry = self.modules.get(name)
        if entry is None:
            return None
        import importlib.util

        return importlib.util.spec_from_loader(name, self, origin=self._filename(name), is_package=entry[0])

    def _filename(self, name):
        return "pymastery/" + name.replace(".", "/") + ("/__init__.py" if self.modules[name][0] else ".py")

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.__dict__["_pymastery_host"] = self.host
        module.__file__ = self._filename(module.__name__)
        exec(compile(self.get_source(module.__name__), module.__file__, "exec"), module.__dict__)

    @staticmethod
    def get_ipython():
        """The builtin get_ipython(), as IPython puts it in every namespace."""
        from IPython.core.getipython import get_ipython

        return get_ipython()

    def get_source(self, name):
        return self.modules[name][1]

    def is_package(self, name):
        return self.modules[name][0]


def _type_name(value):
    kind = type(value)
    module = kind.__module__
    return kind.__qualname__ if module in ("builtins", "__main__") else module + "." + kind.__qualname__


def _safe_str(error):
    try:
        return str(error)
    except BaseException:
        return "<exception str() failed>"


def _method(obj, name):
    try:
        method = getattr(obj, name, None)
    except BaseException:
        return None
    return method if callable(method) else None


def _plain(obj):
    try:
        if type(obj) in (list, dict, tuple, set, frozenset):
            return pprint.pformat(obj, width=79, sort_dicts=False)
        return repr(obj)
    except BaseException as error:
        return "<repr failed: %s: %s>" % (type(error).__name__, _safe_str(error))


def call_repr(method, **kwargs):
    """Calls one of an object's _repr_*_ methods; one that raises says so on stderr and gives None,
    so the plain repr is shown instead."""
    try:
        return method(**kwargs)
    except Exception as error:
        print(
            "%s raised %s: %s; showing the plain repr instead"
            % (getattr(method, "__name__", "repr"), type(error).__name__, error),
            file=sys.stderr,
        )
        return None


def mime_bundle(obj, plain=_plain):
    """The MIME bundle for obj, as IPython's formatter makes it: text/plain always (plain(obj)),
    the rich reprs the object has (_repr_mimebundle_ first, then each _repr_*_), binary ones in
    base64."""
    data, metadata = {}, {}
    if not isinstance(obj, type):
        method = _method(obj, "_repr_mimebundle_")
        if method is not None:
            bundle = call_repr(method, include=None, exclude=None)
            if isinstance(bundle, tuple):
                bundle, extra = bundle
                metadata.update(extra or {})
            if isinstance(bundle, dict):
                data.update(bundle)
        for mime, attr in RICH_REPRS:
            if mime in data:
                continue
            method = _method(obj, attr)
            if method is None:
                continue
            value = call_repr(method)
            if isinstance(value, tuple) and len(value) == 2:
                value, meta = value
                if meta:
                    metadata[mime] = meta
            if value is not None:
                data[mime] = value
    for mime, value in list(data.items()):
        if mime in BINARY_TYPES and isinstance(value, (bytes, bytearray)):
            data[mime] = base64.b64encode(value).decode("ascii")
        elif isinstance(value, (bytes, bytearray)):
            data[mime] = value.decode("utf-8", "replace")
    if "text/plain" not in data:
        data["text/plain"] = plain(obj)
    return {"data": data, "metadata": metadata}


def shorten_traceback(tb, own_file):
    """The traceback without the frames of own_file (the kernel's or the agent's code: a line magic
    raising UsageError, the agent running the cell), whose line numbers change with the kernel and
    not with the notebook; a very deep one (a runaway recursion) keeps its first and last
    TRACEBACK_KEEP frames only, since formatting thousands of frames takes seconds and helps nobody.
    Returns the traceback and how many frames were left out of the middle."""
    frames = []
    cut = False
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == own_file:
            cut = cut or bool(frames)
        else:
            frames.append(tb)
        tb = tb.tb_next
    kept = frames
    if len(frames) > 2 * TRACEBACK_KEEP:
        kept = frames[:TRACEBACK_KEEP] + frames[-TRACEBACK_KEEP:]
    if not cut and len(kept) == len(frames):
        return (frames[0] if frames else None), 0
    chain = None
    for old in reversed(kept):
        chain = types.TracebackType(chain, old.tb_frame, old.tb_lasti, old.tb_lineno)
    return chain, len(frames) - len(kept)


def error_report(error, own_file, evalue=None, render=None):
    """ename, evalue and the traceback's lines of an exception for Jupyter's error message, without
    own_file's frames. render(error, tb) gives the text and whether it is brief (no note about
    frames left out); by default the traceback module's. evalue defaults to str(error)."""
    tb, omitted = shorten_traceback(error.__traceback__, own_file)
    if evalue is None:
        evalue = _safe_str(error)
    try:
        if render is None:
            text, brief = "".join(traceback.format_exception(type(error), error, tb)), False
        else:
            text, brief = render(error, tb)
        if omitted and not brief:
            text += "(traceback shortened: %d frames in the middle are not shown)\n" % omitted
    except BaseException:
        text = "%s: %s\n" % (type(error).__name__, evalue)
    return {"ename": type(error).__name__, "evalue": evalue, "traceback": text.rstrip("\n").split("\n")}


class Displays:
    """display() and update_display() as IPython's, for the kernel's Shell and the agent: each says
    how pending prints are flushed first (_flush_before_display) and how a bundle leaves
    (_send_display); both keep display_counter, captures, format and clear_output."""

    def display(self, *objs, display_id=None, update=False, raw=False, metadata=None, clear=False, **kwargs):
        """Shows objects below the cell, as IPython's display() does."""
        if display_id is True:
            self.display_counter += 1
            display_id = "pymastery-%d-%d" % (os.getpid(), self.display_counter)
        captured = Capture.displays_into(self.captures)
        if captured is not None:
            Capture.keep(captured, objs, self.format, raw, metadata, display_id, update)
            return DisplayHandle(self, display_id) if display_id is not None and not update else None
        if clear:
            self.clear_output(wait=True)
        self._flush_before_display()
        for obj in objs:
            if raw:
                bundle = {"data": dict(obj), "metadata": dict(metadata or {})}
            else:
                bundle = self.format(obj)
                if metadata:
                    bundle["metadata"].update(metadata)
            self._send_display(bundle, display_id, bool(update))
        if display_id is not None and not update:
            return DisplayHandle(self, display_id)
        return None

    def update_display(self, obj, *, display_id, **kwargs):
        self.display(obj, display_id=display_id, update=True, **kwargs)


def _ends_with_semicolon(code):
    for line in reversed(code.rstrip().split("\n")):
        stripped = line.split("#", 1)[0].rstrip()
        if stripped:
            return stripped.endswith(";")
    return False


class CapturedText(io.TextIOBase):
    """Stands in for sys.stdout and sys.stderr while a check runs: keeps the first text written."""

    LIMIT = 4000

    def __init__(self):
        super().__init__()
        self._parts = []
        self._size = 0

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if self._size < self.LIMIT:
            self._parts.append(text[: self.LIMIT - self._size])
            self._size += len(self._parts[-1])
        return len(text)

    def getvalue(self):
        return "".join(self._parts)


def _frame_lines(frames):
    lines = []
    for frame in traceback.format_list(frames):
        lines.extend(frame.rstrip("\n").split("\n"))
    return lines


def check_result(error, test_file, helper_file):
    """What a check reports about an exception: failed (an assert of the test itself), interrupted,
    or error with the learner's frames only (the hidden test's frames and source never appear)."""
    if isinstance(error, KeyboardInterrupt):
        return {"status": "interrupted"}
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename not in (test_file, helper_file)]
    raised_by_test = True
    tb = error.__traceback__
    while tb is not None:
        raised_by_test = tb.tb_frame.f_code.co_filename == test_file
        tb = tb.tb_next
    if isinstance(error, AssertionError) and raised_by_test:
        return {"status": "failed", "message": _safe_str(error)}
    if isinstance(error, SyntaxError) and getattr(error, "filename", None) == test_file:
        return {"status": "error", "ename": "CheckBroken", "evalue": "the check's test does not compile; tell your instructor", "traceback": []}
    head, tail = frames, []
    if len(frames) > 2 * CHECK_FRAMES_KEEP:
        head, tail = frames[:CHECK_FRAMES_KEEP], frames[-CHECK_FRAMES_KEEP:]
    lines = _frame_lines(head)
    if tail:
        lines.append("  ... (%d frames in the middle not shown)" % (len(frames) - len(head) - len(tail)))
        lines.extend(_frame_lines(tail))
    return {"status": "error", "ename": type(error).__name__, "evalue": _safe_str(error), "traceback": lines}

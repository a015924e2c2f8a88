"""What the GraalPy kernel and the CPython agent share: rendering values, errors and check results.

Not a module of its own: the kernel prepends this file to pymastery_kernel.py and to
pymastery_agent.py (runtime/PythonSources.java), so both stay one source each, compiled under their
own file name, and the agent still travels as one stdlib-only file. Python 3.8 or newer.
"""

import io
import pprint
import traceback

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

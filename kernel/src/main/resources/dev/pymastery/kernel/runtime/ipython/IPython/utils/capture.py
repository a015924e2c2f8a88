"""IPython.utils.capture: capture_output() and the CapturedIO that %%capture stores."""

_host = _pymastery_host  # noqa: F821 - injected by the kernel's importer


class RichOutput:
    """One captured display: its MIME bundle, shown again by display() or as a cell's value."""

    def __init__(self, data=None, metadata=None, transient=None, update=False):
        self.data = data or {}
        self.metadata = metadata or {}
        self.transient = transient or {}
        self.update = update

    def display(self):
        _host.display(self.data, raw=True, metadata=self.metadata)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return dict(self.data), dict(self.metadata)

    def __repr__(self):
        return self.data.get("text/plain", "<RichOutput %s>" % ", ".join(self.data))


class CapturedIO:
    """What was printed and displayed: .stdout, .stderr, .outputs; show() (or calling it) replays it."""

    def __init__(self, stdout, stderr, outputs=None):
        self._stdout = stdout
        self._stderr = stderr
        self._outputs = outputs if outputs is not None else []

    def __str__(self):
        return self.stdout

    def __repr__(self):
        return "<IPython.utils.capture.CapturedIO object>"

    @property
    def stdout(self):
        return self._stdout.getvalue() if self._stdout is not None else ""

    @property
    def stderr(self):
        return self._stderr.getvalue() if self._stderr is not None else ""

    @property
    def outputs(self):
        return [RichOutput(**kwargs) for kwargs in self._outputs]

    def show(self):
        import sys

        if self.stdout:
            sys.stdout.write(self.stdout)
        if self.stderr:
            sys.stderr.write(self.stderr)
        for output in self.outputs:
            output.display()

    __call__ = show


class capture_output:
    """with capture_output() as captured: keeps what the block prints and displays from the cell."""

    def __init__(self, stdout=True, stderr=True, display=True):
        self.stdout = stdout
        self.stderr = stderr
        self.display = display
        self._capture = None

    def __enter__(self):
        self._capture = _host.ipython_capture_begin(self.stdout, self.stderr, self.display)
        return CapturedIO(self._capture.stdout, self._capture.stderr, self._capture.outputs)

    def __exit__(self, *exc):
        _host.ipython_capture_end(self._capture)
        return False

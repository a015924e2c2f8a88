"""IPython.core.error: the exceptions notebook code raises or catches, the kernel's own classes."""


class IPythonCoreError(Exception):
    pass


# Set by the kernel: a UsageError is shown without a traceback, and input() raises this
# StdinNotImplementedError where no front end can answer.
UsageError = _pymastery_host.UsageError  # noqa: F821
StdinNotImplementedError = _pymastery_host.StdinNotImplementedError  # noqa: F821

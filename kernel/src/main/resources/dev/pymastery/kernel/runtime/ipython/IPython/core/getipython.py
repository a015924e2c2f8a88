"""get_ipython(): the shell object of the running kernel, as IPython.core.getipython gives it."""


def get_ipython():
    """The running shell (an IPython-style ZMQInteractiveShell)."""
    from IPython.core.interactiveshell import InteractiveShell

    return InteractiveShell.instance()

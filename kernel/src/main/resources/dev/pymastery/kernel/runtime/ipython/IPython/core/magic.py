"""Defining magics as IPython does: register_line_magic and friends, or a Magics class."""

from IPython.core.error import UsageError  # noqa: F401 - where IPython code also finds it
from IPython.core.getipython import get_ipython


def _register(kind):
    def decorator(arg):
        if callable(arg):
            get_ipython().register_magic_function(arg, kind)
            return arg
        if isinstance(arg, str):
            def named(func):
                get_ipython().register_magic_function(func, kind, arg)
                return func
            return named
        raise TypeError("@register_%s_magic takes a function or a name, not %s" % (kind, type(arg).__name__))

    decorator.__name__ = "register_%s_magic" % kind
    decorator.__doc__ = "Makes the decorated function the %s magic of its name (or of the name given)." % kind
    return decorator


register_line_magic = _register("line")
register_cell_magic = _register("cell")
register_line_cell_magic = _register("line_cell")


class Magics:
    """Base class of magic classes: subclass, decorate with @magics_class, register with the shell."""

    def __init__(self, shell=None, **kwargs):
        self.shell = shell if shell is not None else get_ipython()


def _marker(kind):
    def decorator(arg):
        def mark(func, name):
            func._pymastery_magic = (kind, name or func.__name__)
            return func

        if callable(arg):
            return mark(arg, None)
        return lambda func: mark(func, arg)

    decorator.__name__ = "%s_magic" % kind
    return decorator


line_magic = _marker("line")
cell_magic = _marker("cell")
line_cell_magic = _marker("line_cell")


def magics_class(cls):
    """Records which methods of cls are magics, for shell.register_magics."""
    table = []
    for klass in reversed(cls.__mro__):
        for attribute, value in vars(klass).items():
            marker = getattr(value, "_pymastery_magic", None)
            if marker is not None:
                table.append((marker[0], marker[1], attribute))
    cls._pymastery_magics = table
    return cls


def needs_local_scope(func):
    func.needs_local_scope = True
    return func


def no_var_expand(func):
    func._ipython_magic_no_var_expand = True
    return func

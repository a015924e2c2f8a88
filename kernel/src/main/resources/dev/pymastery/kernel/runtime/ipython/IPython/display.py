"""IPython.display: everything notebooks import to show rich output."""

from IPython.core.display import *  # noqa: F401,F403
from IPython.core.display import __all__ as _core_all
from IPython.lib.display import *  # noqa: F401,F403
from IPython.lib.display import __all__ as _lib_all

__all__ = list(_core_all) + list(_lib_all)

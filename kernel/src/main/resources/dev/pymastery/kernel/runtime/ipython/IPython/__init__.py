"""PyMastery's IPython: the parts of IPython's API that notebook code imports, served by this kernel.

Not IPython itself (which is not installed here): a small package of the kernel's own that answers
``from IPython.display import ...``, ``get_ipython()`` and magic registration the way IPython does,
and shows everything through the kernel's own display machinery.
"""

from IPython.core.getipython import get_ipython
from IPython import display

version_info = (8, 0, 0, "pymastery")
__version__ = "8.0.0+pymastery"
__all__ = ["get_ipython", "display", "version_info"]


def embed(**kwargs):
    raise NotImplementedError("IPython.embed() opens a terminal shell; in a notebook the cell is already one")

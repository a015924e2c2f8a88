"""IPython.core.pylabtools: what matplotlib asks of IPython when pyplot starts.

matplotlib's pyplot, finding IPython imported, maps its backend to a GUI event loop with
backend2gui and asks the shell to enable it. This kernel shows figures inline (the CPython
runtimes' backend), so every backend named here maps to no event loop or to one that is refused.
"""

backend2gui = {
    "TkAgg": "tk",
    "GTK3Agg": "gtk3",
    "GTK3Cairo": "gtk3",
    "GTK4Agg": "gtk4",
    "GTK4Cairo": "gtk4",
    "Qt5Agg": "qt",
    "QtAgg": "qt",
    "QtCairo": "qt",
    "WXAgg": "wx",
    "WX": "wx",
    "MacOSX": "osx",
    "inline": None,
    "agg": None,
    "module://matplotlib_inline.backend_inline": None,
}

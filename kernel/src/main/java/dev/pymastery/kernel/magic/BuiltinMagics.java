package dev.pymastery.kernel.magic;

/** The magics every kernel has, in IPython's spelling. */
public final class BuiltinMagics {
    private BuiltinMagics() {}

    public static MagicRegistry register(MagicRegistry registry) {
        TimeMagic time = new TimeMagic();
        TimeitMagic timeit = new TimeitMagic();
        return registry.register(new LsMagic())
                .register((LineMagic) time)
                .register((CellMagic) time)
                .register((LineMagic) timeit)
                .register((CellMagic) timeit)
                .register(new ShellLineMagic("pwd", "%pwd: the current working directory", "magic_pwd", false))
                .register(new ShellLineMagic(
                        "cd", "%cd [DIR | - | ~]: change the working directory (- goes back)", "magic_cd", true))
                .register(new ShellLineMagic(
                        "env", "%env [NAME [= VALUE]]: show or set environment variables", "magic_env", true))
                .register(new ShellLineMagic(
                        "who", "%who [TYPE ...]: names you defined, optionally only of some types", "magic_who", true))
                .register(new ShellLineMagic(
                        "system", "%system CMD or !CMD: run a shell command, output streamed", "magic_system", true))
                .register(new ShellLineMagic(
                        "sx", "x = !CMD or %sx CMD: run a shell command, its output lines as a list", "magic_sx", true))
                .register(new ShellLineMagic(
                        "pinfo",
                        "%pinfo OBJ, OBJ? or ?OBJ: help on an object (signature, docstring, file)",
                        "magic_pinfo",
                        true))
                .register(new ShellLineMagic(
                        "pinfo2",
                        "%pinfo2 OBJ, OBJ?? or ??OBJ: help on an object with its source",
                        "magic_pinfo2",
                        true))
                .register(new ShellLineMagic("pdoc", "%pdoc OBJ: an object's docstring", "magic_pdoc", true))
                .register(new ShellLineMagic("psource", "%psource OBJ: an object's source code", "magic_psource", true))
                .register(new HistoryMagic())
                .register(new CaptureMagic())
                .register(new PackageInstallMagic("pip"))
                .register(new PackageInstallMagic("conda"))
                .register(new ShellLineMagic(
                        "run",
                        "%run [-i] FILE [ARGS]: run a Python file as __main__; its names join yours (-i: in yours)",
                        "magic_run",
                        true))
                .register(new ShellLineMagic(
                        "load",
                        "%load FILE [-r LINES] [-s NAMES]: replace this cell with the file's code",
                        "magic_load",
                        true))
                .register(new ShellLineMagic(
                        "xmode",
                        "%xmode [Plain | Context | Verbose | Minimal]: how much a traceback shows",
                        "magic_xmode",
                        true))
                .register(new ShellLineMagic(
                        "reset",
                        "%reset [-f]: delete every name you defined (-f: without asking)",
                        "magic_reset",
                        true))
                .register(new ShellLineMagic(
                        "precision",
                        "%precision [N | FORMAT]: digits shown for floats (none: Python's repr)",
                        "magic_precision",
                        true))
                .register(new ShellLineMagic(
                        "matplotlib",
                        "%matplotlib: figures are drawn in %%cpython cells, inline, without it",
                        "magic_matplotlib",
                        true))
                .register(new ShellCellMagic(
                        "writefile",
                        "%%writefile [-a] FILE: write (or append) the cell body to FILE",
                        "magic_writefile"))
                .register(new ShellCellMagic(
                        "bash", "%%bash: run the cell body with bash, output streamed", "magic_bash"))
                .register(new ShellCellMagic("sh", "%%sh: run the cell body with sh, output streamed", "magic_sh"))
                .register(new DisplayMagic("html", "text/html", "<IPython.core.display.HTML object>"))
                .register(new DisplayMagic("markdown", "text/markdown", "<IPython.core.display.Markdown object>"))
                .register(new DisplayMagic(
                        "javascript", "application/javascript", "<IPython.core.display.Javascript object>"))
                .register(new DisplayMagic("js", "application/javascript", "<IPython.core.display.Javascript object>"))
                .register(new DisplayMagic("svg", "image/svg+xml", "<IPython.core.display.SVG object>"))
                .register(new DisplayMagic("latex", "text/latex", "<IPython.core.display.Latex object>"));
    }
}

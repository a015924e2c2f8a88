"""The magics the kernel's Python shell runs itself, and how a cell's magic lines reach the kernel.

A %name line becomes a line_magic call: a magic the learner registered runs here, any other goes
to the kernel's registry through the bridge, which runs it in Java or calls back one of the magic_*
methods below (BuiltinMagics names them). Cell magics done here come through run_cell_magic. Also
the pickling behind %%cpython --in and --out. ShellMagics is that part of Shell. Not a module of
its own: GraalPyContexts.HELPER_FILES joins it with the kernel's other Python files into one
source, before pymastery_kernel.py, whose Shell inherits it.
"""

import ast
import base64
import builtins
import json
import os
import re
import sys
import types


class TimeitResult:
    """What %timeit -o returns: per-loop timings of each run, in seconds."""

    def __init__(self, loops, repeat, best, worst, all_runs):
        self.loops = loops
        self.repeat = repeat
        self.best = best
        self.worst = worst
        self.all_runs = all_runs
        self.timings = [t / loops for t in all_runs]
        self.average = sum(self.timings) / len(self.timings)
        mean = self.average
        self.stdev = (sum((t - mean) ** 2 for t in self.timings) / len(self.timings)) ** 0.5

    def __str__(self):
        plural = "" if self.loops == 1 else "s"
        runs = "" if self.repeat == 1 else "s"
        return "%s ± %s per loop (mean ± std. dev. of %d run%s, %d loop%s each)" % (
            format_time(self.average),
            format_time(self.stdev),
            self.repeat,
            runs,
            self.loops,
            plural,
        )

    __repr__ = lambda self: "<TimeitResult : " + str(self) + ">"


def format_time(seconds):
    """Formats a duration the way IPython's %time and %timeit do (s, ms, µs, ns)."""
    if seconds >= 60:
        minutes, secs = divmod(seconds, 60)
        return "%dmin %.0fs" % (minutes, secs) if secs >= 0.5 else "%dmin" % minutes
    for unit, scale in (("s", 1.0), ("ms", 1e3), ("µs", 1e6), ("ns", 1e9)):
        if seconds >= 1.0 / scale or unit == "ns":
            return "%.3g %s" % (seconds * scale, unit)
    return "%.3g ns" % (seconds * 1e9)


# Line magics whose argument is a command line: "{expr}" and "$name" in it are replaced by
# Python values, as IPython does ("$$" and "{{ }}" stand for a literal "$", "{", "}").
_EXPANDING_MAGICS = frozenset({"system", "sx", "cd"})
_EXPANSION = re.compile(r"\$\$|\{\{|\}\}|\{([^{}]+)\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def var_expand(text, global_ns, local_ns):
    def replace(match):
        token = match.group(0)
        if token in ("$$", "{{", "}}"):
            return token[0]
        expression = match.group(1) or match.group(2)
        try:
            return str(eval(expression, global_ns, local_ns))
        except Exception:
            return token  # an unknown name stays as written: $HOME goes to the shell

    return _EXPANSION.sub(replace, text)


class ShellMagics:
    """Magic lines and the magics run here, as a part of Shell: needs its bridge, ns, main, output,
    input and the state the magics keep (directories, xmode, float_format, hidden)."""

    # ---------------------------------------------------------------- magic lines

    def line_magic(self, name, args):
        """A %name line of a cell (the kernel rewrites such lines into this call)."""
        magic = self._user_magic("line", name)
        if magic is not None:
            return magic(args)
        if name in _EXPANDING_MAGICS:
            caller = sys._getframe(1)
            args = var_expand(args, self.ns, caller.f_locals)
        return self._bridged_line_magic(name, args)

    def _bridged_line_magic(self, name, args):
        # The magic may print from Java: what the cell printed so far must arrive first.
        self.output.flush()
        answer = self.bridge.line_magic(name, args)
        if answer.failed():
            kind = answer.exception()
            if kind == "KeyboardInterrupt":
                raise KeyboardInterrupt(answer.message())
            raise (CheckFailed if kind == "CheckFailed" else UsageError)(answer.message())
        return answer.value()

    # ---------------------------------------------------------------- magics run here

    def magic_pwd(self):
        return os.getcwd()

    def magic_cd(self, arg):
        arg = arg.strip()
        if arg.startswith(("'", '"')) and arg.endswith(arg[0]) and len(arg) > 1:
            arg = arg[1:-1]
        if arg == "":
            target = os.path.expanduser("~")
        elif arg == "-":
            target = self.previous_directory
        else:
            target = os.path.expanduser(arg)
        if not os.path.isdir(target):
            raise UsageError("%%cd: no such directory: %s" % target)
        self.previous_directory = os.getcwd()
        os.chdir(target)
        self.directory_history.append(os.getcwd())
        print(os.getcwd())

    def magic_env(self, arg):
        arg = arg.strip()
        if not arg:
            return dict(os.environ)
        match = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:=|\s)\s*(.*)$", arg)
        if match:
            name, value = match.group(1), match.group(2)
            if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            os.environ[name] = value
            print("env: %s=%s" % (name, value))
            return None
        if arg not in os.environ:
            raise UsageError("%%env: environment variable %s is not set" % arg)
        return os.environ[arg]

    # ---------------------------------------------------------------- more of IPython's magics

    def magic_run(self, args):
        """%run [-i] FILE [ARGS]: the file runs as __main__ with sys.argv set; its names then join
        the notebook's (with -i it runs in the notebook's namespace and sees its names)."""
        import shlex

        try:
            words = shlex.split(args)
        except ValueError as error:
            raise UsageError("%%run: %s in %r" % (error, args)) from None
        interactive = False
        while words and words[0].startswith("-"):
            flag = words.pop(0)
            if flag != "-i":
                raise UsageError("%%run: unknown option %s; use %%run [-i] FILE [ARGS...]" % flag)
            interactive = True
        if not words:
            raise UsageError("%run needs a file: %run script.py [ARGS...]")
        path = os.path.expanduser(words[0])
        if not os.path.exists(path) and os.path.exists(path + ".py"):
            path += ".py"
        if path.endswith(".ipynb"):
            raise UsageError("%%run runs Python files here; make one from the notebook with"
                             " !jupyter nbconvert --to script %s and %%run the .py" % path)
        try:
            with open(path, encoding="utf-8") as handle:
                source = handle.read()
        except FileNotFoundError:
            raise UsageError("%%run: no file %s in %s" % (words[0], os.getcwd())) from None
        if interactive:
            namespace = self.ns
        else:
            module = types.ModuleType("__main__")
            namespace = module.__dict__
            namespace["__builtins__"] = builtins
            sys.modules["__main__"] = module
        saved_file = namespace.get("__file__", _MISSING)
        namespace["__file__"] = os.path.abspath(path)
        saved_argv = sys.argv
        sys.argv = [path] + words[1:]
        try:
            exec(compile(source, os.path.abspath(path), "exec"), namespace)
        except SystemExit as exit:
            if exit.code not in (None, 0):
                print("%s exited with status %s (SystemExit)" % (words[0], exit.code), file=sys.stderr)
        finally:
            sys.argv = saved_argv
            sys.modules["__main__"] = self.main
            if saved_file is _MISSING:
                namespace.pop("__file__", None)
            else:
                namespace["__file__"] = saved_file
            if not interactive:
                for name, value in namespace.items():
                    if not (name.startswith("__") and name.endswith("__")):
                        self.ns[name] = value

    def magic_load(self, args):
        """%load FILE [-r LINES] [-s NAMES]: this cell becomes the file's code (IPython's set_next_input)."""
        import shlex

        words = shlex.split(args)
        lines = names = None
        rest = []
        while words:
            word = words.pop(0)
            if word in ("-r", "-s") and words:
                if word == "-r":
                    lines = words.pop(0)
                else:
                    names = words.pop(0).split(",")
            elif word.startswith("-") and word != "-":
                raise UsageError("%%load: unknown option %s; use %%load FILE [-r 2-10] [-s name,other]" % word)
            else:
                rest.append(word)
        if len(rest) != 1:
            raise UsageError("%load needs one file (or URL): %load script.py")
        source = rest[0]
        if source.startswith(("http://", "https://")):
            from urllib.request import urlopen

            with urlopen(source, timeout=30) as response:
                text = response.read().decode("utf-8", "replace")
        else:
            try:
                with open(os.path.expanduser(source), encoding="utf-8") as handle:
                    text = handle.read()
            except FileNotFoundError:
                raise UsageError("%%load: no file %s in %s" % (source, os.getcwd())) from None
        if names:
            text = _definitions(text, names, source)
        if lines:
            text = _line_ranges(text, lines)
        self.bridge.set_next_input("# %%load %s\n%s" % (args.strip(), text), True)

    _XMODES = ("Plain", "Context", "Verbose", "Minimal")

    def magic_xmode(self, arg):
        """%xmode MODE: Minimal shows only the error line, Verbose adds each frame's local variables;
        Plain and Context show Python's usual traceback."""
        arg = arg.strip()
        if not arg:
            mode = self._XMODES[(self._XMODES.index(self.xmode) + 1) % len(self._XMODES)]
        else:
            matches = [m for m in self._XMODES if m.lower().startswith(arg.lower())]
            if len(matches) != 1:
                raise UsageError("%%xmode: the modes are %s, not %r" % (", ".join(self._XMODES), arg))
            mode = matches[0]
        self.xmode = mode
        print("Exception reporting mode: %s" % mode)

    def magic_reset(self, arg):
        """%reset [-f]: deletes every name the learner defined, and the output history."""
        words = arg.split()
        if any(w not in ("-f", "-s") for w in words):
            raise UsageError("%%reset takes -f (do not ask) and -s (keep the output history), not %r" % arg)
        if "-f" not in words:
            try:
                answer = self.input("Once deleted, variables cannot be recovered. Proceed (y/[n])? ")
            except StdinNotImplementedError:
                raise UsageError("%reset asks before deleting and this client cannot answer: use %reset -f") from None
            if answer.strip().lower() not in ("y", "yes"):
                print("Nothing done.")
                return
        for name in [n for n in self.ns if n not in self.hidden]:
            del self.ns[name]
        if "-s" not in words:
            self.ns["Out"].clear()
            self.ns["_"] = self.ns["__"] = self.ns["___"] = ""

    def magic_precision(self, arg):
        """%precision N (digits) or %precision FORMAT (%-style); none: back to Python's repr."""
        arg = arg.strip()
        if not arg:
            self.float_format = None
            return "%r"
        if arg.isdigit():
            self.float_format = "%%.%df" % int(arg)
        elif "%" in arg:
            try:
                arg % 3.14159
            except (TypeError, ValueError):
                raise UsageError("%%precision: %r is not a %%-format for a float, e.g. %%.3f" % arg) from None
            self.float_format = arg
        else:
            raise UsageError("%%precision takes a number of digits or a %%-format, e.g. %%precision 3 or %%precision %%.2e, not %r" % arg)
        return self.float_format

    def magic_matplotlib(self, arg):
        print("matplotlib is not installed in GraalPy. Draw in a %%cpython cell: there matplotlib is installed"
              " and every figure a cell makes is shown below it, inline, without %matplotlib.")

    def magic_who(self, arg):
        wanted = set(arg.split())
        names = []
        for name, value in self.ns.items():
            if name.startswith("_") or name in self.hidden:
                continue
            if wanted and type(value).__name__ not in wanted:
                continue
            names.append(name)
        if not names:
            print("Interactive namespace is empty.")
        else:
            print("\t".join(sorted(names)))

    def magic_timeit(self, stmt, setup, number, repeat, quiet, want_result):
        import timeit

        timer = timeit.Timer(stmt, setup or "pass", globals=self.ns)
        if number <= 0:
            number = 1
            for scale in range(10):
                number = 10**scale
                if timer.timeit(number) >= 0.2:
                    break
        all_runs = timer.repeat(repeat, number)
        result = TimeitResult(number, repeat, min(all_runs) / number, max(all_runs) / number, all_runs)
        if not quiet:
            print(result)
        return result if want_result else None

    def run_cell_magic(self, method, args, body):
        """Runs a cell magic done here; returns None, or the error as JSON for the cell to report."""
        try:
            getattr(self, method)(var_expand(args, self.ns, self.ns), body)
        except BaseException as error:
            return self._error_json(error)
        finally:
            self.output.flush()
        return None

    def magic_writefile(self, args, body):
        append = False
        parts = args.split()
        if parts and parts[0] in ("-a", "--append"):
            append = True
            parts = parts[1:]
        if len(parts) != 1:
            raise UsageError("%%writefile needs one file name, e.g. %%writefile -a notes.py")
        path = parts[0]
        if len(path) > 1 and path[0] == path[-1] and path[0] in "'\"":
            path = path[1:-1]
        path = os.path.expanduser(path)
        exists = os.path.exists(path)
        with open(path, "a" if append else "w", encoding="utf-8") as handle:
            handle.write(body if body.endswith("\n") or not body else body + "\n")
        print("%s %s" % ("Appending to" if append else "Overwriting" if exists else "Writing", parts[0]))

    def magic_system(self, command):
        """Runs a shell command, streaming its output; sets _exit_code like IPython."""
        self.ns["_exit_code"] = self._stream_process(["/bin/sh", "-c", command])

    def magic_sx(self, command):
        import subprocess

        completed = subprocess.run(["/bin/sh", "-c", command], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.ns["_exit_code"] = completed.returncode
        return completed.stdout.decode("utf-8", "replace").splitlines()

    def magic_bash(self, args, body):
        self._shell_cell("bash", args, body)

    def magic_sh(self, args, body):
        self._shell_cell("sh", args, body)

    def _shell_cell(self, program, args, body):
        code = self._stream_process([program] + args.split() + ["-c", body])
        if code != 0:
            print("%s exited with status %d" % (program, code), file=sys.stderr)

    def _stream_process(self, argv):
        import subprocess

        try:
            process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except FileNotFoundError:
            raise UsageError("%s is not installed on this machine" % argv[0])
        import threading

        def pump(pipe, stream):
            for chunk in iter(lambda: pipe.read1(65536), b""):
                stream.write(chunk.decode("utf-8", "replace"))
                stream.flush()

        readers = [
            threading.Thread(target=pump, args=(process.stdout, sys.stdout), daemon=True),
            threading.Thread(target=pump, args=(process.stderr, sys.stderr), daemon=True),
        ]
        for reader in readers:
            reader.start()
        try:
            code = process.wait()
        except KeyboardInterrupt:
            process.terminate()
            process.wait()
            raise
        finally:
            for reader in readers:
                reader.join(5)
        return code

    # ---------------------------------------------------------------- values for CPython runtimes

    def export_values(self, names_json):
        """Pickles named values for %%cpython --in: JSON {values: {name: base64}, errors: {name:
        {type, reason}}}, the shape the CPython agent uses too."""
        import pickle

        values, type_names, errors = {}, {}, {}
        for name in json.loads(names_json):
            if name not in self.ns:
                errors[name] = {"type": None, "reason": "it is not defined here"}
                continue
            value = self.ns[name]
            type_names[name] = _type_name(value)
            try:
                values[name] = base64.b64encode(pickle.dumps(value, protocol=4)).decode("ascii")
            except BaseException as error:
                errors[name] = {"type": _type_name(value), "reason": "%s: %s" % (type(error).__name__, _safe_str(error))}
        return json.dumps({"values": values, "types": type_names, "errors": errors})

    def import_values(self, values_json):
        """Loads values pickled by a CPython runtime (%%cpython --out): JSON {name: {type, reason}}
        for those that could not be loaded here."""
        import pickle

        errors = {}
        for name, payload in json.loads(values_json).items():
            try:
                self.ns[name] = pickle.loads(base64.b64decode(payload))
            except BaseException as error:
                errors[name] = {"type": None, "reason": "%s: %s" % (type(error).__name__, _safe_str(error))}
        return json.dumps(errors)


def _definitions(text, names, source):
    """The source of the top-level functions and classes called names in text (%load -s)."""
    tree = ast.parse(text)
    lines = text.splitlines(True)
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name in names:
            start = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
            found[node.name] = "".join(lines[start:node.end_lineno])
    missing = [n for n in names if n not in found]
    if missing:
        raise UsageError("%%load -s: %s not defined at the top of %s" % (", ".join(missing), source))
    return "\n".join(found[n] for n in names)


def _line_ranges(text, spec):
    """Lines of text picked by %load -r: 5, 2-10 or 2:10 (IPython's 1-based, inclusive ranges), joined by commas."""
    lines = text.splitlines(True)
    picked = []
    for part in spec.split(","):
        bounds = re.fullmatch(r"(\d+)(?:[-:](\d+))?", part.strip())
        if not bounds:
            raise UsageError("%%load -r: %r is not a line range like 5, 2-10 or 2:10" % part)
        start = int(bounds.group(1))
        stop = int(bounds.group(2) or start)
        picked.extend(lines[start - 1:stop])
    return "".join(picked)

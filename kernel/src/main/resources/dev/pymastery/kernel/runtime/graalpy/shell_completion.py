"""Completion, inspection, help (obj?) and is_complete: what the kernel asks while a learner types.

ShellCompletion is that part of Shell. A cell is completed before it has run: what its text defines
is read with regular expressions (_CellNames), and a module it imports is read, not imported, unless
it belongs to the interpreter (_StaticModule), so typing never runs a learner's code. Not a module
of its own: GraalPyContexts.HELPER_FILES joins it with the kernel's other Python files into one
source, before pymastery_kernel.py, whose Shell inherits it.
"""

import ast
import builtins
import io
import json
import keyword
import os
import re
import sys
import tokenize
import types

ANSI_HEAD = "\x1b[0;31m"
ANSI_END = "\x1b[0m"


class ShellCompletion:
    """Completion, inspection, help and is_complete, as a part of Shell: needs its bridge and ns."""

    # ---------------------------------------------------------------- completion

    def complete(self, code, cursor):
        """Completions at cursor (code points): JSON {matches, start, end, types}.

        The live namespace is merged with what the cell's own text defines (imports, assignments,
        functions, classes, loop and with targets), so a cell completes before it has run: module
        attributes of `import os` then `os.pa`, keyword arguments inside a call's parentheses, and
        file paths inside a string.
        """
        text = code[:cursor]
        line = text.rsplit("\n", 1)[-1]
        matches = []
        magic = re.match(r"^\s*(%%?)(\w*)$", line)
        if magic:
            prefix, stem = magic.group(1), magic.group(2)
            kind = "cell" if prefix == "%%" else "line"
            names = [n for n in json.loads(self.bridge.magic_names(kind)) if n.startswith(stem)]
            shell = self._ipython_shell()
            if shell is not None:
                names += [n for n in shell.magics[kind] if n.startswith(stem) and n not in names]
            start = cursor - len(stem) - len(prefix)
            matches = [(prefix + n, "magic") for n in sorted(names)]
            return _completion_json(matches, start, cursor)
        imported = re.match(r"^\s*(?:from\s+([\w.]+)\s+import\s+(?:.*,\s*)?|import\s+(?:.*,\s*)?|from\s+)([\w.]*)$", line)
        if imported:
            module, stem = imported.group(1), imported.group(2)
            start = cursor - len(stem)
            if module:
                matches = self._module_members(module, stem)
            else:
                matches = _module_names(stem)
                start = cursor - len(stem.rsplit(".", 1)[-1]) if "." in stem else start
            return _completion_json(matches, start, cursor)
        state, start = _line_state(line, len(line))
        if state == "string":
            literal = line[start:]
            return _completion_json(_path_matches(literal), cursor - len(literal), cursor)
        if state == "comment":
            return _completion_json([], cursor, cursor)
        cell = self._cell_names(code, cursor)
        attribute = re.search(r"([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(\w*)$", line)
        if attribute:
            base = self._resolve(attribute.group(1))
            if base is _MISSING:
                base = cell.resolve(attribute.group(1))
            stem = attribute.group(2)
            if isinstance(base, _StaticModule):
                matches = [(n, k) for n, k in base.members() if n.startswith(stem)]
            elif base is not _MISSING:
                names = [n for n in dir(base) if n.startswith(stem)]
                if not stem.startswith("_"):
                    names = [n for n in names if not n.startswith("_")] + [n for n in names if n.startswith("_")]
                matches = [(n, _kind(getattr(base, n, None))) for n in names]
            return _completion_json(matches, cursor - len(stem), cursor)
        word = re.search(r"[A-Za-z_]\w*$", line)
        stem = word.group(0) if word else ""
        seen = set()
        callee = _callee_at(text)
        if callee is not None:
            for name in self._parameters(callee, cell):
                if name.startswith(stem) and name + "=" not in seen:
                    seen.add(name + "=")
                    matches.append((name + "=", "param"))
        named = []
        for source in (self.ns, vars(builtins)):
            for name, value in source.items():
                if name.startswith(stem) and name not in seen and not name.startswith("_pymastery"):
                    seen.add(name)
                    named.append((name, _kind(value)))
        for name, kind in cell.names.items():
            if name.startswith(stem) and name not in seen and name != stem:
                seen.add(name)
                named.append((name, kind))
        for name in keyword.kwlist + keyword.softkwlist:
            if name.startswith(stem) and name not in seen:
                named.append((name, "keyword"))
        named.sort(key=lambda m: (m[0].startswith("_"), m[0].lower()))
        return _completion_json(matches + named, cursor - len(stem), cursor)

    def _cell_names(self, code, cursor):
        """_CellNames of the cell without the line being typed, kept while only that line changes
        (each keystroke asks again; reading 50 lines costs GraalPy 4-15 ms)."""
        start = code.rfind("\n", 0, cursor) + 1
        end = code.find("\n", cursor)
        key = code[:start] + (code[end:] if end >= 0 else "")
        cached = self._completion_cache
        if cached is None or cached[0] != key:
            cached = self._completion_cache = (key, _CellNames(key))
        return cached[1]

    def _parameters(self, callee, cell):
        """Keyword-argument names of the function called callee: live, else defined in the cell."""
        target = self._resolve(callee)
        if target is _MISSING:
            target = cell.resolve(callee)
        if target is _MISSING or isinstance(target, _StaticModule):
            return cell.parameters.get(callee, [])
        import inspect

        try:
            signature = inspect.signature(target)
        except (TypeError, ValueError):
            return []
        kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        return [p.name for p in signature.parameters.values() if p.kind in kinds and p.name != "self"]

    def _module_members(self, module, stem):
        try:
            target = sys.modules.get(module) or __import__(module, fromlist=["*"])
        except BaseException:
            return []
        names = [n for n in dir(target) if n.startswith(stem) and (stem.startswith("_") or not n.startswith("_"))]
        return [(n, _kind(getattr(target, n, None))) for n in sorted(names)]

    def _resolve(self, dotted):
        parts = dotted.split(".")
        if parts[0] in self.ns:
            value = self.ns[parts[0]]
        elif hasattr(builtins, parts[0]):
            value = getattr(builtins, parts[0])
        else:
            return _MISSING
        for part in parts[1:]:
            try:
                value = getattr(value, part)
            except BaseException:
                return _MISSING
        return value

    # ---------------------------------------------------------------- inspection

    def inspect(self, code, cursor, detail):
        """Help for the name at the cursor: JSON {found, text}."""
        name = _name_at(code, cursor)
        if not name:
            return json.dumps({"found": False})
        obj = self._resolve(name)
        if obj is _MISSING:
            return json.dumps({"found": False})
        return json.dumps({"found": True, "text": self._describe(name, obj, detail)})

    def _describe(self, name, obj, detail, only=None):
        """IPython's help text for obj: signature, string form, docstring, source (detail 1), file, type.

        only names the one field wanted (%pdoc: Docstring, %psource: Source); None gives them all.
        """
        import inspect  # here, not at the top: every renewed context would pay for it

        fields = []
        if callable(obj):
            try:
                fields.append(("Signature", name.rsplit(".", 1)[-1] + str(inspect.signature(obj))))
            except (TypeError, ValueError):
                pass
        if not (inspect.isroutine(obj) or isinstance(obj, type) or inspect.ismodule(obj)):
            text = _plain(obj)
            fields.append(("String form", text if len(text) < 400 else text[:400] + "..."))
        doc = inspect.getdoc(obj)
        if doc:
            fields.append(("Docstring", doc))
        elif detail == 0:
            fields.append(("Docstring", "<no docstring>"))
        if detail > 0:
            try:
                fields.append(("Source", inspect.getsource(obj).rstrip("\n")))
            except (TypeError, OSError):
                pass
        try:
            source_file = inspect.getsourcefile(obj) or inspect.getfile(obj)
            fields.append(("File", source_file))
        except (TypeError, OSError):
            pass
        fields.append(("Type", type(obj).__name__))
        if only is not None:
            fields = [(label, value) for label, value in fields if label == only and value != "<no docstring>"]
            if not fields:
                return None
        width = max(len(label) for label, _ in fields) + 2
        lines = []
        for label, value in fields:
            head = (label + ":").ljust(width)
            body = str(value)
            if "\n" in body:
                lines.append(ANSI_HEAD + label + ":" + ANSI_END)
                lines.append(body)
            else:
                lines.append(ANSI_HEAD + head + ANSI_END + body)
        return "\n".join(lines)

    # ---------------------------------------------------------------- help: obj?, obj??, %pinfo ...

    def magic_pinfo(self, arg):
        self._page_help(arg, 0)

    def magic_pinfo2(self, arg):
        self._page_help(arg, 1)

    def magic_pdoc(self, arg):
        self._page_help(arg, 0, "Docstring", "No documentation found for %s")

    def magic_psource(self, arg):
        self._page_help(arg, 1, "Source", "No source found for %s")

    def _page_help(self, arg, detail, only=None, missing=None):
        """Help on the object named arg, for the front end's pager (IPython's page payload)."""
        name = arg.strip()
        if not name:
            raise UsageError("name the object: %pinfo len, or len? on a line of its own")
        obj = self._resolve(name)
        if obj is _MISSING:
            print("Object `%s` not found." % name)
            return
        text = self._describe(name, obj, detail, only)
        if text is None:
            print(missing % name)
            return
        self.bridge.page(json.dumps({"text/plain": text}))

    # ---------------------------------------------------------------- is_complete

    def is_complete(self, code):
        """'complete', 'invalid', or 'incomplete' with the next line's indent, as JSON.

        GraalPy's codeop cannot tell incomplete input from invalid input, so open brackets and
        strings are found with tokenize and open blocks from the compiler's message.
        """
        if code.lstrip().startswith("%%"):
            done = code.endswith("\n\n") or code.endswith("\n") and code.strip() == ""
            return json.dumps({"status": "complete" if done else "incomplete", "indent": ""})
        lines = code.split("\n")
        source = "\n".join(re.sub(r"^(\s*)(?:[%!].*|\?\??\s*[A-Za-z_][\w.]*\s*|[A-Za-z_][\w.]*\s*\?\??\s*)$", r"\1pass", line) for line in lines)
        last = next((line for line in reversed(lines) if line.strip()), "")
        indent = re.match(r"^\s*", last).group(0)
        incomplete = json.dumps({"status": "incomplete", "indent": indent + ("    " if last.rstrip().endswith(":") else "")})
        try:
            for _ in tokenize.generate_tokens(io.StringIO(source + "\n").readline):
                pass
        except tokenize.TokenError:
            return incomplete
        except (SyntaxError, IndentationError):
            return json.dumps({"status": "invalid"})
        try:
            compile(source, "<input>", "exec")
        except SyntaxError as error:
            message = str(error.msg)
            if message.startswith(("expected an indented block", "unterminated triple-quoted", "unexpected EOF")) or "was never closed" in message:
                return incomplete
            return json.dumps({"status": "invalid"})
        except (OverflowError, ValueError):
            return json.dumps({"status": "invalid"})
        if indent and not code.endswith("\n"):
            return json.dumps({"status": "incomplete", "indent": indent})
        return json.dumps({"status": "complete"})


# What _resolve and the completion helpers return for a name that stands for nothing (also %run's
# marker for a namespace without __file__).
_MISSING = object()


_IMPORT = re.compile(r"^[ \t]*import[ \t]+(.+)$", re.M)
_FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+\(?([^)\n]+)", re.M)
_DEFINITION = re.compile(r"^[ \t]*(?:async[ \t]+)?(def|class)[ \t]+([A-Za-z_]\w*)[ \t]*(?:\(([^)]*)\))?", re.M)
_ASSIGNED = re.compile(r"^[ \t]*([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]*(?::[^=\n]*)?=(?!=)", re.M)
_BOUND = re.compile(r"\b(?:for|as)[ \t]+([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)")


class _StaticModule:
    """A module found by a cell's import but not imported for completion (its code would run):
    its top-level names, read from its source."""

    def __init__(self, path):
        self.path = path

    def members(self):
        try:
            with open(self.path, encoding="utf-8") as handle:
                tree = ast.parse(handle.read())
        except (OSError, SyntaxError, ValueError):
            return []
        found = {}
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found[node.name] = "function"
            elif isinstance(node, ast.ClassDef):
                found[node.name] = "class"
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Name):
                        found[target.id] = "instance"
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    found[(alias.asname or alias.name).split(".")[0]] = "module" if isinstance(node, ast.Import) else "instance"
        return sorted(found.items())


def _module_for_completion(name):
    """The module called name: imported if it is already, or if it belongs to the interpreter
    (built in, frozen, or under sys.prefix); otherwise a _StaticModule, so no learner's code runs
    while they type. _MISSING when there is no such module."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError, AttributeError):
        return _MISSING
    if spec is None:
        return _MISSING
    origin = spec.origin or ""
    homes = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, os.path.dirname(os.__file__))}
    if origin in ("built-in", "frozen") or any(os.path.realpath(origin).startswith(h + os.sep) for h in homes):
        try:
            return __import__(name, fromlist=["*"])
        except BaseException:
            return _MISSING
    if origin.endswith(".py"):
        return _StaticModule(origin)
    return _MISSING


class _CellNames:
    """What a cell's text defines, found by reading it (it may not parse, or may not have run)."""

    def __init__(self, code):
        self.names = {}
        self.modules = {}
        self.parameters = {}
        for match in _IMPORT.finditer(code):
            for part in match.group(1).split("#")[0].split(","):
                words = part.split()
                if len(words) == 3 and words[1] == "as":
                    self.modules[words[2]] = words[0]
                    self.names[words[2]] = "module"
                elif len(words) == 1 and re.fullmatch(r"[\w.]+", words[0]):
                    top = words[0].split(".")[0]
                    self.modules.setdefault(top, top)
                    self.names[top] = "module"
        for match in _FROM_IMPORT.finditer(code):
            for part in match.group(2).split("#")[0].split(","):
                words = part.split()
                if words and words[0] != "*":
                    alias = words[2] if len(words) == 3 and words[1] == "as" else words[0]
                    if alias.isidentifier():
                        self.names[alias] = "instance"
                        self.modules.setdefault("." + alias, match.group(1) + "." + words[0])
        for match in _DEFINITION.finditer(code):
            self.names[match.group(2)] = "function" if match.group(1) == "def" else "class"
            if match.group(1) == "def" and match.group(3) is not None:
                params = []
                for part in match.group(3).split(","):
                    name = re.match(r"\s*\**\s*([A-Za-z_]\w*)", part)
                    if name and not part.strip().startswith("*") and name.group(1) != "self":
                        params.append(name.group(1))
                self.parameters[match.group(2)] = params
        for pattern in (_ASSIGNED, _BOUND):
            for match in pattern.finditer(code):
                for name in match.group(1).split(","):
                    name = name.strip()
                    if name and not keyword.iskeyword(name):
                        self.names.setdefault(name, "instance")

    def resolve(self, dotted):
        """The object a dotted name of the cell's imports stands for, or _MISSING."""
        parts = dotted.split(".")
        module_name = self.modules.get(parts[0])
        if module_name is None:
            origin = self.modules.get("." + parts[0])
            if origin is None:
                return _MISSING
            package, _, member = origin.rpartition(".")
            value = _module_for_completion(package)
            if value is _MISSING or isinstance(value, _StaticModule):
                return _module_for_completion(origin)
            value = getattr(value, member, _MISSING)
            if value is _MISSING:
                value = _module_for_completion(origin)
        else:
            value = _module_for_completion(module_name)
        for part in parts[1:]:
            if value is _MISSING or isinstance(value, _StaticModule):
                return _MISSING
            nested = getattr(value, part, _MISSING)
            if nested is _MISSING and isinstance(value, types.ModuleType):
                nested = _module_for_completion(value.__name__ + "." + part)
            value = nested
        return value


def _path_matches(literal):
    """Files and directories (with a trailing /) whose path starts with literal."""
    folder, stem = os.path.split(literal)
    where = os.path.expanduser(folder) if folder else "."
    try:
        entries = sorted(os.listdir(where))
    except OSError:
        return []
    matches = []
    for name in entries:
        if name.startswith(stem) and (stem.startswith(".") or not name.startswith(".")):
            full = os.path.join(folder, name) if folder else name
            is_dir = os.path.isdir(os.path.join(where, name))
            matches.append((full + "/" if is_dir else full, "path"))
    return matches[:500]


def _callee_at(text):
    """The dotted name whose call's parentheses hold the end of text, or None (strings skipped)."""
    depth, i = 0, len(text) - 1
    limit = max(0, len(text) - 5000)
    while i >= limit:
        char = text[i]
        if char in ")]}":
            depth += 1
        elif char in "([{":
            if depth == 0:
                if char != "(":
                    return None
                match = re.search(r"([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*$", text[:i])
                return match.group(1) if match and not keyword.iskeyword(match.group(1)) else None
            depth -= 1
        elif char == "\n" and depth == 0 and not text[:i].rstrip().endswith((",", "(", "\\")):
            return None
        i -= 1
    return None


def _line_state(line, position):
    """What position in line is inside: ("code", 0), ("comment", 0), or ("string", where the
    literal's text starts)."""
    quote, start, i = None, 0, 0
    while i < position:
        char = line[i]
        if quote:
            if char == "\\":
                i += 1
            elif line.startswith(quote, i):
                i += len(quote) - 1
                quote = None
        elif char == "#":
            return "comment", 0
        elif char in "'\"":
            quote = char * 3 if line.startswith(char * 3, i) else char
            i += len(quote) - 1
            start = i + 1
        i += 1
    return ("string", start) if quote is not None else ("code", 0)


def _in_string(line, position):
    """Whether position in line is inside a string literal or a comment."""
    return _line_state(line, position)[0] != "code"


def _kind(value):
    if isinstance(value, types.ModuleType):
        return "module"
    if isinstance(value, type):
        return "class"
    if callable(value):
        return "function"
    return "instance"


def _module_names(stem):
    import pkgutil  # here, not at the top: every renewed context would pay for it

    if "." in stem:
        package, sub = stem.rsplit(".", 1)
        try:
            module = __import__(package, fromlist=["*"])
            paths = getattr(module, "__path__", None)
        except BaseException:
            return []
        if not paths:
            return []
        names = {info.name for info in pkgutil.iter_modules(paths)}
        return [(n, "module") for n in sorted(names) if n.startswith(sub)]
    names = set(sys.builtin_module_names)
    names.update(info.name for info in pkgutil.iter_modules())
    names.update(name for name in sys.modules if "." not in name)
    return [(n, "module") for n in sorted(names) if n.startswith(stem) and (stem.startswith("_") or not n.startswith("_"))]


def _completion_json(matches, start, end):
    return json.dumps({"matches": [m for m, _ in matches], "types": [t for _, t in matches], "start": start, "end": end})


def _name_at(code, cursor):
    """The dotted name under the cursor, or the callable whose parentheses hold the cursor."""
    cursor = max(0, min(cursor, len(code)))
    ident = re.compile(r"[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*")
    for match in ident.finditer(code):
        line_start = code.rfind("\n", 0, match.start()) + 1
        if match.start() <= cursor <= match.end() and not _in_string(code[line_start:], match.start() - line_start):
            return match.group(0)
    depth = 0
    i = cursor - 1
    while i >= 0:
        char = code[i]
        if char == ")":
            depth += 1
        elif char == "(":
            if depth == 0:
                before = code[:i].rstrip()
                match = re.search(r"[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*$", before)
                return match.group(0) if match else None
            depth -= 1
        i -= 1
    return None

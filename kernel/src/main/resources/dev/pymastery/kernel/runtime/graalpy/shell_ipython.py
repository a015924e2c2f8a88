"""What the kernel's IPython and comm packages reach in GraalPy: get_ipython()'s shell and comms.

The IPython package (runtime/ipython) calls the running shell, its _pymastery_host, for the magics a
learner registers, set_next_input, %%capture and comm messages; ShellIPython is that part of Shell.
Not a module of its own: GraalPyContexts.HELPER_FILES joins it with the kernel's other Python files
into one source, before pymastery_kernel.py, whose Shell inherits it.
"""

import base64
import json
import sys


class ShellIPython:
    """get_ipython()'s shell and the comms, as a part of Shell: needs its bridge, ns, output and
    captures."""

    # ---------------------------------------------------------------- IPython's shell (IPython.get_ipython())

    UsageError = UsageError
    StdinNotImplementedError = StdinNotImplementedError

    def execution_count(self):
        return self.count

    def _ipython_shell(self):
        """get_ipython()'s shell if a cell has asked for it, else None (nothing is imported for it)."""
        module = sys.modules.get("IPython.core.interactiveshell")
        return module.InteractiveShell._instance if module is not None else None

    def _user_magic(self, kind, name):
        shell = self._ipython_shell()
        return shell.magics[kind].get(name) if shell is not None else None

    def find_cell_magic(self, name):
        """The %%name magic a learner registered (IPython.core.magic), or None."""
        return self._user_magic("cell", name)

    def cell_magic(self, name, line, body):
        """Runs a learner's %%name magic; the kernel rewrites such a cell into this call."""
        return self._user_magic("cell", name)(line, body)

    def user_magics_listing(self):
        """%lsmagic's part for magics registered in this notebook: text, or None when there are none."""
        shell = self._ipython_shell()
        if shell is None or not (shell.magics["line"] or shell.magics["cell"]):
            return None
        lines = ["\nDefined in this notebook:"]
        for kind, prefix in (("line", "%"), ("cell", "%%")):
            for name, magic in sorted(shell.magics[kind].items()):
                doc = (getattr(magic, "__doc__", None) or "").strip().split("\n")[0]
                lines.append("  %s%s%s" % (prefix, name, "\n      " + doc if doc else ""))
        return "\n".join(lines) + "\n"

    def ipython_line_magic(self, name, line):
        magic = self._user_magic("line", name)
        if magic is not None:
            return magic(line)
        return self._bridged_line_magic(name, line)

    def ipython_cell_magic(self, name, line, cell):
        magic = self._user_magic("cell", name)
        if magic is not None:
            return magic(line, cell)
        raise UsageError(
            "get_ipython().run_cell_magic runs magics registered in this notebook; %%%%%s is the kernel's:"
            " start a cell with %%%%%s instead" % (name, name))

    def ipython_set_next_input(self, text, replace):
        self.bridge.set_next_input(text, replace)

    def ipython_capture_begin(self, stdout, stderr, display):
        self.output.flush()
        return Capture(stdout, stderr, display).begin(self.captures)

    def ipython_capture_end(self, capture):
        capture.end(self.captures)

    def capture_cell_begin(self, args):
        """%%capture's start: parses its arguments, binds NAME to the CapturedIO; an error as JSON."""
        stdout = stderr = display = True
        name = None
        for word in args.split():
            if word == "--no-stdout":
                stdout = False
            elif word == "--no-stderr":
                stderr = False
            elif word == "--no-display":
                display = False
            elif word.isidentifier() and name is None:
                name = word
            else:
                return self._error_json(UsageError(
                    "%%%%capture: unexpected %r; %%%%capture [--no-stdout] [--no-stderr] [--no-display] [NAME]" % word))
        from IPython.utils.capture import CapturedIO

        capture = self.ipython_capture_begin(stdout, stderr, display)
        if name is not None:
            self.ns[name] = CapturedIO(capture.stdout, capture.stderr, capture.outputs)
        return None

    def capture_cell_end(self):
        if self.captures:
            self.captures[-1].end(self.captures)

    # ---------------------------------------------------------------- comms (the comm package)

    def ipython_comm(self, msg_type, content, metadata, buffers=None):
        """A comm message from the kernel's side, published on IOPub with its binary buffers."""
        self.output.flush()
        encoded = [base64.b64encode(bytes(b)).decode("ascii") for b in buffers or ()]
        self.bridge.comm(msg_type, json.dumps(content), json.dumps(metadata or {}), json.dumps(encoded))

    def ipython_parent(self):
        """The request being served, as ipykernel's kernel.get_parent() gives it (its header)."""
        return {"header": json.loads(self.bridge.request_header())}

    def comm_event(self, message_json):
        """comm_open, comm_msg or comm_close from the front end, for the comm manager."""
        import comm

        message = json.loads(message_json)
        message["buffers"] = [memoryview(base64.b64decode(b)) for b in message.get("buffers", ())]
        handler = getattr(comm.get_comm_manager(), message["header"]["msg_type"])
        self.running = True
        try:
            handler(None, None, message)
        except KeyboardInterrupt:
            print("KeyboardInterrupt in a comm handler", file=sys.stderr)
        finally:
            self.running = False
            self.output.flush()

    def comm_info(self, target):
        """The open comms as JSON {comm_id: target_name}, only target's if given."""
        module = sys.modules.get("comm")
        comms = module.get_comm_manager().comms.values() if module is not None else ()
        return json.dumps({c.comm_id: c.target_name for c in comms if not target or c.target_name == target})

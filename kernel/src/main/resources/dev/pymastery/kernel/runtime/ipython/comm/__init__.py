"""comm: Jupyter comms over this kernel, with the comm package's API (create_comm, get_comm_manager).

A comm is a channel between an object in the kernel and one in the front end (a widget's model
and its view). Either side opens it with comm_open naming a target; both then send comm_msg and
one ends it with comm_close. Libraries such as ipywidgets use exactly this API.
"""

import sys
import traceback
import uuid

_host = _pymastery_host  # noqa: F821 - injected by the kernel's importer

__all__ = ["Comm", "BaseComm", "CommManager", "create_comm", "get_comm_manager"]


class BaseComm:
    """One comm. Opened here (primary=True, the default) it announces itself with comm_open."""

    def __init__(self, target_name="comm", data=None, metadata=None, buffers=None, comm_id=None,
                 primary=True, target_module=None, topic=None, _open_data=None, _close_data=None, **kwargs):
        self.comm_id = comm_id or uuid.uuid4().hex
        self.target_name = target_name
        self.target_module = target_module
        self.primary = primary
        self.topic = topic or ("comm-%s" % self.comm_id).encode("ascii")
        self._open_data = _open_data or {}
        self._close_data = _close_data or {}
        self._msg_callback = None
        self._close_callback = None
        self._closed = True
        if primary:
            self.open(data=data if data is not None else self._open_data, metadata=metadata, buffers=buffers)
        else:
            self._closed = False

    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        """Publishes one comm message; buffers (bytes, bytearray or memoryview) travel as binary frames."""
        content = dict(keys, data={} if data is None else data, comm_id=self.comm_id)
        _host.ipython_comm(msg_type, content, metadata or {}, list(buffers or ()))

    def open(self, data=None, metadata=None, buffers=None):
        """Opens the comm: the front end's handler for target_name receives data."""
        get_comm_manager().register_comm(self)
        try:
            self.publish_msg("comm_open", data, metadata, buffers,
                             target_name=self.target_name, target_module=self.target_module)
            self._closed = False
        except Exception:
            get_comm_manager().unregister_comm(self)
            raise

    def close(self, data=None, metadata=None, buffers=None, deleting=False):
        """Closes the comm (the front end is told, unless the comm is being garbage-collected)."""
        if self._closed:
            return
        self._closed = True
        if not deleting:
            self.publish_msg("comm_close", data if data is not None else self._close_data, metadata, buffers)
        get_comm_manager().unregister_comm(self)

    def send(self, data=None, metadata=None, buffers=None):
        """Sends data to the front end's side of the comm."""
        self.publish_msg("comm_msg", data, metadata, buffers)

    def on_close(self, callback):
        """callback(msg) runs when the front end closes the comm."""
        self._close_callback = callback

    def on_msg(self, callback):
        """callback(msg) runs for each comm_msg from the front end; msg is the whole message."""
        self._msg_callback = callback

    def handle_close(self, msg):
        if self._close_callback is not None:
            self._close_callback(msg)

    def handle_msg(self, msg):
        if self._msg_callback is not None:
            self._msg_callback(msg)

    def __repr__(self):
        return "<%s comm_id=%s target_name=%s>" % (type(self).__name__, self.comm_id, self.target_name)


class Comm(BaseComm):
    pass


class CommManager:
    """The comms open in this kernel and the targets the front end may open comms to."""

    def __init__(self):
        self.comms = {}
        self.targets = {}

    def register_target(self, target_name, f):
        """f(comm, msg) runs when the front end opens a comm to target_name."""
        if isinstance(f, str):
            module, _, name = f.rpartition(".")
            f = getattr(__import__(module, fromlist=[name]), name)
        self.targets[target_name] = f

    def unregister_target(self, target_name, f):
        return self.targets.pop(target_name, None)

    def register_comm(self, comm):
        self.comms[comm.comm_id] = comm
        return comm.comm_id

    def unregister_comm(self, comm):
        self.comms.pop(comm.comm_id, None)

    def get_comm(self, comm_id):
        return self.comms.get(comm_id)

    # The front end's messages, with ipykernel's signatures (stream and ident are unused here).

    def comm_open(self, stream, ident, msg):
        content = msg["content"]
        comm = Comm(comm_id=content["comm_id"], primary=False, target_name=content.get("target_name", ""))
        self.register_comm(comm)
        handler = self.targets.get(comm.target_name)
        if handler is None:
            print("No comm target %r is registered in this kernel; the comm is closed" % comm.target_name,
                  file=sys.stderr)
        else:
            try:
                handler(comm, msg)
                return
            except Exception:
                print("The handler of comm target %r failed:\n%s" % (comm.target_name, traceback.format_exc()),
                      file=sys.stderr)
        comm.close()

    def comm_msg(self, stream, ident, msg):
        comm = self.get_comm(msg["content"].get("comm_id"))
        if comm is None:
            return
        try:
            comm.handle_msg(msg)
        except Exception:
            print("A comm message handler failed (comm %s):\n%s" % (comm.comm_id, traceback.format_exc()),
                  file=sys.stderr)

    def comm_close(self, stream, ident, msg):
        comm = self.comms.pop(msg["content"].get("comm_id"), None)
        if comm is None:
            return
        comm._closed = True
        try:
            comm.handle_close(msg)
        except Exception:
            print("A comm close handler failed (comm %s):\n%s" % (comm.comm_id, traceback.format_exc()),
                  file=sys.stderr)


_manager = None


def get_comm_manager():
    """The kernel's one CommManager."""
    global _manager
    if _manager is None:
        _manager = CommManager()
    return _manager


def create_comm(*args, **kwargs):
    """A new comm opened from the kernel, as comm.create_comm does."""
    return Comm(*args, **kwargs)

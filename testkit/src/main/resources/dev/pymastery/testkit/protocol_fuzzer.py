"""A bounded protocol fuzzer for a running Jupyter kernel (the project's own; no third-party fuzzer).

It sends malformed, badly signed, replayed, oversized and wrongly typed messages on the shell and
control channels from DEALER sockets of its own, reads whatever comes back, and reports per
category what was sent and what was answered. What a kernel must do (the caller asserts it):

- no reply at all to a message that cannot be read or whose signature is wrong (a client's typo
  must not become an oracle for forging signatures), nor to a replay of one already received;
- to a correctly signed request with wrong content, a reply with status "error" whose ename is a
  Python exception name and whose evalue says what was wrong;
- to an unknown request type, what ipykernel gives: busy and idle on IOPub, no reply;
- afterwards, a normal client is still served.

Only harmless code is ever sent for execution ("pass", or code that is not a string).
"""

import builtins
import hashlib
import hmac
import json
import os
import random
import time
import uuid

import zmq

DELIMITER = b"<IDS|MSG>"
PYTHON_EXCEPTIONS = frozenset(
    name for name, value in vars(builtins).items() if isinstance(value, type) and issubclass(value, BaseException)
)


class Wire:
    """Signs and frames messages as jupyter_client's Session does, but lets them be broken."""

    def __init__(self, key, scheme):
        self.key = key
        self.digest = getattr(hashlib, scheme.split("-", 1)[1]) if key else None
        self.session = uuid.uuid4().hex

    def sign(self, parts):
        if not self.key:
            return b""
        mac = hmac.new(self.key, digestmod=self.digest)
        for part in parts:
            mac.update(part)
        return mac.hexdigest().encode("ascii")

    def header(self, msg_type):
        return {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "username": "fuzzer",
            "session": self.session,
            "date": time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime()),
            "version": "5.3",
        }

    def frames(self, msg_type, content, signed=True):
        header = self.header(msg_type)
        parts = [json.dumps(p).encode("utf-8") for p in (header, {}, {}, content)]
        return header["msg_id"], self.signed(parts, signed)

    def signed(self, parts, signed=True):
        signature = self.sign(parts) if signed else b"0" * 64
        return [DELIMITER, signature] + list(parts)


def _categories(wire, rng):
    """Yields (category, frames, msg_id or None, expects_reply) forever, in a random mix."""
    j = lambda value: json.dumps(value).encode("utf-8")  # noqa: E731
    header = lambda t: j(wire.header(t))  # noqa: E731

    def unreadable():
        choice = rng.randrange(7)
        if choice == 0:
            return [os.urandom(rng.randrange(1, 64)) for _ in range(rng.randrange(1, 8))]
        if choice == 1:
            return [DELIMITER] + [b"{}"] * rng.randrange(0, 5)
        if choice == 2:
            return wire.signed([b"not json", b"{}", b"{}", b"{}"])
        if choice == 3:
            return wire.signed([b"[1, 2]", b"{}", b"{}", b"{}"])
        if choice == 4:
            return wire.signed([j({"msg_id": "x"}), b"{}", b"{}", b"{}"])
        if choice == 5:
            return wire.signed([header("execute_request"), b"{}", b"{}", b"\xff\xfe not utf-8"])
        return wire.signed([header("kernel_info_request"), b"{}", b"{}", j([])])

    wrong_contents = [
        ("execute_request", {"code": 1}),
        ("execute_request", {"code": None}),
        ("execute_request", {"code": ["pass"]}),
        ("execute_request", {}),
        ("execute_request", {"code": "pass", "silent": "yes", "user_expressions": []}),
        ("complete_request", {"code": 5, "cursor_pos": "end"}),
        ("inspect_request", {"code": {"a": 1}, "cursor_pos": -3, "detail_level": "high"}),
        ("is_complete_request", {"code": 12}),
        ("history_request", {"hist_access_type": "range", "start": "a", "stop": None}),
        ("comm_open", {"comm_id": 3, "target_name": None}),
    ]

    while True:
        kind = rng.randrange(8)
        if kind == 0:
            yield "unreadable", unreadable(), None, False
        elif kind == 1:
            msg_type = rng.choice(["execute_request", "kernel_info_request", "complete_request"])
            _, frames = wire.frames(msg_type, {"code": "pass", "cursor_pos": 0}, signed=False)
            yield "bad signature", frames, None, False
        elif kind == 2:
            msg_type, content = rng.choice(wrong_contents)
            msg_id, frames = wire.frames(msg_type, content)
            yield "wrong content", frames, msg_id, msg_type.endswith("_request")
        elif kind == 3:
            msg_id, frames = wire.frames(rng.choice(["frobnicate_request", "debug_request_x", "x" * 200]), {})
            yield "unknown type", frames, msg_id, False
        elif kind == 4:
            msg_id, frames = wire.frames("kernel_info_request", {})
            yield "valid", frames, msg_id, True
            yield "replay", frames, None, False
        elif kind == 5 and rng.random() < 0.2:
            size = rng.choice([1 << 16, 1 << 20])
            msg_id, frames = wire.frames("is_complete_request", {"code": "#" * size})
            yield "oversized", frames, msg_id, True
        elif kind == 6:
            _, frames = wire.frames("kernel_info_request", {})
            cut = rng.randrange(2, len(frames))
            yield "truncated", frames[:cut], None, False
        elif kind == 7:
            _, frames = wire.frames("kernel_info_request", {})
            frames[2] = frames[2][:-1] + b' , "extra": 1}'
            yield "tampered", frames, None, False


def fuzz(connection, seconds=15.0, max_messages=3000, seed=1):
    """Fuzzes the kernel of `connection` (a connection-file dict) for at most `seconds`."""
    rng = random.Random(seed)
    wire = Wire(connection["key"].encode("utf-8"), connection.get("signature_scheme", "hmac-sha256"))
    context = zmq.Context.instance()
    sockets = {}
    for channel in ("shell", "control"):
        socket = context.socket(zmq.DEALER)
        socket.linger = 0
        socket.connect("%s://%s:%d" % (connection["transport"], connection["ip"], connection[channel + "_port"]))
        sockets[channel] = socket
    expected = {}  # msg_id -> (category, expects_reply)
    stats = {}
    unexpected_replies = []
    bad_replies = []
    replies = {}
    sent = 0

    def drain(wait_ms):
        poller = zmq.Poller()
        for socket in sockets.values():
            poller.register(socket, zmq.POLLIN)
        deadline = time.monotonic() + wait_ms / 1000
        while True:
            left = max(0, deadline - time.monotonic())
            events = dict(poller.poll(int(left * 1000)))
            if not events:
                return
            for socket in events:
                frames = socket.recv_multipart()
                index = frames.index(DELIMITER)
                parent = json.loads(frames[index + 3])
                header = json.loads(frames[index + 2])
                content = json.loads(frames[index + 5])
                category, wanted = expected.get(parent.get("msg_id"), ("unknown parent", False))
                if parent.get("msg_id") in replies:
                    category, wanted = "replay", False
                stats.setdefault(category, {"sent": 0, "replied": 0})["replied"] += 1
                replies[parent.get("msg_id")] = content
                if not wanted:
                    unexpected_replies.append({"category": category, "msg_type": header.get("msg_type"), "content": content})
                elif content.get("status") == "error":
                    if content.get("ename") not in PYTHON_EXCEPTIONS or not content.get("evalue"):
                        bad_replies.append({"category": category, "content": content})

    started = time.monotonic()
    generator = _categories(wire, rng)
    while sent < max_messages and time.monotonic() - started < seconds:
        category, frames, msg_id, expects_reply = next(generator)
        channel = rng.choice(("shell", "control"))
        if msg_id is not None:
            expected[msg_id] = (category, expects_reply)
        sockets[channel].send_multipart(frames)
        stats.setdefault(category, {"sent": 0, "replied": 0})["sent"] += 1
        sent += 1
        if sent % 50 == 0:
            drain(20)
    # Replies to what is still queued (each oversized request is parsed as Python) may take a while.
    settle = time.monotonic() + 60
    while time.monotonic() < settle and any(wanted and m not in replies for m, (_, wanted) in expected.items()):
        drain(500)
    missing = [
        {"category": category, "msg_id": msg_id}
        for msg_id, (category, wanted) in expected.items()
        if wanted and msg_id not in replies
    ]
    for socket in sockets.values():
        socket.close()
    return {
        "seconds": time.monotonic() - started,
        "sent": sent,
        "stats": stats,
        "unexpected_replies": unexpected_replies[:20],
        "unexpected_reply_count": len(unexpected_replies),
        "bad_replies": bad_replies[:20],
        "bad_reply_count": len(bad_replies),
        "missing_replies": missing[:20],
        "missing_reply_count": len(missing),
    }

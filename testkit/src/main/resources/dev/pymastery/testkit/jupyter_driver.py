"""Drives a kernel with Debian's jupyter_client for the Java integration tests.

Reads one JSON command per line on stdin and answers one JSON line on stdout. The kernel is started
from its kernelspec, exactly as Jupyter starts it. Commands:

  {"cmd": "start", "kernel": NAME, "cwd": DIR, "timeout": S, "env": {...}}  -> {"seconds", "pid"}
  {"cmd": "send", "channel": "shell"|"control", "msg_type": T, "content": {...}}  -> {"msg_id": ID}
  {"cmd": "collect", "msg_id": ID, "timeout": S}
      -> {"reply": MSG|null, "iopub": [MSG...], "stdin": MSG|null, "timed_out": bool, "seconds": S}
      gathers the reply and the IOPub messages parented to ID until status idle; stops early at an
      input_request (answer it with "input", then collect again). Each IOPub message carries "t",
      the seconds from the request's send to its arrival here; "seconds" is the same for the end.
  {"cmd": "input", "value": TEXT}
  {"cmd": "raw", "channel": "shell", "frames": [TEXT...]}   sends frames as they are (bad messages)
  {"cmd": "interrupt"}  -> {"seconds", "at"}: "at" is the seconds since the last request was sent
  {"cmd": "kill"}   SIGKILL to the process Jupyter started (as a crashed kernel)
  {"cmd": "restart", "timeout": S} | {"cmd": "shutdown", "timeout": S}
  {"cmd": "shutdown_now"}   stops the kernel as nbval does: channels closed, then interrupt and kill
  {"cmd": "alive"} | {"cmd": "pid"} | {"cmd": "connection_file"} | {"cmd": "quit"}
  {"cmd": "wait_exit", "timeout": S}  -> {"alive": bool, "exit_code": N|null}
  {"cmd": "replay", "code": TEXT, "times": N}  -> {"replies": N}: one signed execute_request, sent N times
  {"cmd": "fuzz", "seconds": S, "max_messages": N, "seed": N}  -> protocol_fuzzer.fuzz's report
"""

import json
import os
import queue
import signal
import sys
import time

import jupyter_client
import zmq


def message(msg, t=None):
    shown = {
        "header": msg["header"],
        "parent_header": msg["parent_header"],
        "msg_type": msg["msg_type"],
        "content": msg["content"],
        "metadata": msg.get("metadata", {}),
        "channel": msg.get("channel"),
    }
    if t is not None:
        shown["t"] = t
    return shown


class Driver:
    def __init__(self):
        self.km = None
        self.kc = None
        self.pending_iopub = []
        self.pending_replies = {}
        self.sent = {}
        self.last_send = time.monotonic()

    def start(self, kernel, cwd=None, timeout=60, env=None):
        started = time.monotonic()
        self.km = jupyter_client.KernelManager(kernel_name=kernel)
        kwargs = {}
        if cwd:
            kwargs["cwd"] = cwd
        if env:
            full = dict(os.environ)
            full.update(env)
            kwargs["env"] = full
        self.km.start_kernel(**kwargs)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=timeout)
        self.pending_iopub = []
        return {"seconds": time.monotonic() - started, "pid": self.pid()["pid"]}

    def channel(self, name):
        return {"shell": self.kc.shell_channel, "control": self.kc.control_channel}[name]

    def send(self, channel, msg_type, content):
        msg = self.kc.session.msg(msg_type, content)
        self.last_send = time.monotonic()
        self.sent[msg["header"]["msg_id"]] = self.last_send
        self.channel(channel).send(msg)
        return {"msg_id": msg["header"]["msg_id"]}

    def collect(self, msg_id, timeout=60):
        deadline = time.monotonic() + timeout
        sent = self.sent.get(msg_id, time.monotonic())
        reply, stdin, iopub = self.pending_replies.pop(msg_id, None), None, []
        kept = []
        for msg, arrived in self.pending_iopub:
            (iopub if msg["parent_header"].get("msg_id") == msg_id else kept).append((msg, arrived))
        self.pending_iopub = kept
        idle = any(m["msg_type"] == "status" and m["content"]["execution_state"] == "idle" for m, _ in iopub)

        def answer(timed_out):
            return {
                "reply": reply,
                "iopub": [message(m, arrived - sent) for m, arrived in iopub],
                "stdin": stdin,
                "timed_out": timed_out,
                "seconds": time.monotonic() - sent,
            }

        while time.monotonic() < deadline and not (idle and reply is not None):
            progressed = False
            for get in (self.kc.get_shell_msg, self.kc.get_control_msg):
                try:
                    msg = get(timeout=0)
                except queue.Empty:
                    continue
                progressed = True
                parent = msg["parent_header"].get("msg_id")
                if parent == msg_id:
                    reply = message(msg)
                else:
                    self.pending_replies[parent] = message(msg)
            try:
                msg = self.kc.get_stdin_msg(timeout=0)
                progressed = True
                if msg["parent_header"].get("msg_id") == msg_id:
                    stdin = message(msg)
                    return answer(False)
            except queue.Empty:
                pass
            try:
                msg = self.kc.get_iopub_msg(timeout=0.01 if not progressed else 0)
                arrived = time.monotonic()
                if msg["parent_header"].get("msg_id") == msg_id:
                    iopub.append((msg, arrived))
                    if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                        idle = True
                else:
                    self.pending_iopub.append((msg, arrived))
            except queue.Empty:
                pass
        return answer(not (idle and reply is not None))

    def input(self, value):
        self.kc.input(value)
        return {}

    def raw(self, channel, frames):
        port = {"shell": self.km.shell_port, "control": self.km.control_port}[channel]
        socket = zmq.Context.instance().socket(zmq.DEALER)
        socket.linger = 500
        socket.connect("tcp://%s:%d" % (self.km.ip, port))
        socket.send_multipart([f.encode("utf-8") for f in frames])
        time.sleep(0.2)
        socket.close()
        return {}

    def interrupt(self):
        started = time.monotonic()
        self.km.interrupt_kernel()
        return {"seconds": time.monotonic() - started, "at": started - self.last_send}

    def kill(self):
        process = self.km.provisioner.process
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return {}

    def restart(self, timeout=60):
        started = time.monotonic()
        self.km.restart_kernel(now=False)
        self.kc.stop_channels()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=timeout)
        self.pending_iopub = []
        return {"seconds": time.monotonic() - started}

    def shutdown(self, timeout=10):
        started = time.monotonic()
        self.km.shutdown_kernel(now=False)
        self.kc.stop_channels()
        return {"seconds": time.monotonic() - started, "alive": self.km.is_alive()}

    def shutdown_now(self):
        started = time.monotonic()
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)
        return {"seconds": time.monotonic() - started, "alive": self.km.is_alive()}

    def alive(self):
        return {"alive": self.km is not None and self.km.is_alive()}

    def wait_exit(self, timeout=10):
        deadline = time.monotonic() + timeout
        while self.km.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        process = getattr(self.km.provisioner, "process", None)
        return {"alive": self.km.is_alive(), "exit_code": process.poll() if process is not None else None}

    def _dealer(self, channel):
        port = {"shell": self.km.shell_port, "control": self.km.control_port}[channel]
        socket = zmq.Context.instance().socket(zmq.DEALER)
        socket.linger = 0
        socket.connect("tcp://%s:%d" % (self.km.ip, port))
        return socket

    def replay(self, code, times=2, wait=3.0):
        session = self.kc.session
        frames = session.serialize(session.msg("execute_request", {"code": code, "silent": False}))
        socket = self._dealer("shell")
        for _ in range(times):
            socket.send_multipart(frames)
        replies = 0
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if socket.poll(100):
                socket.recv_multipart()
                replies += 1
        socket.close()
        return {"replies": replies}

    def fuzz(self, seconds=15, max_messages=3000, seed=1):
        import protocol_fuzzer

        info = dict(self.km.get_connection_info())
        if isinstance(info["key"], bytes):
            info["key"] = info["key"].decode("utf-8")
        return protocol_fuzzer.fuzz(info, seconds, max_messages, seed)

    def connection_file(self):
        return {"path": self.km.connection_file}

    def pid(self):
        return {"pid": self.km.provisioner.process.pid if self.km.provisioner else None}


def main():
    driver = Driver()
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        command = json.loads(line)
        name = command.pop("cmd")
        if name == "quit":
            break
        try:
            result = getattr(driver, name)(**command)
            answer = {"ok": True, "result": result}
        except Exception as error:
            answer = {"ok": False, "error": "%s: %s" % (type(error).__name__, error)}
        sys.stdout.write(json.dumps(answer, default=str) + "\n")
        sys.stdout.flush()
    if driver.km is not None and driver.km.is_alive():
        driver.km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()

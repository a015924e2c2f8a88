"""Drives one kernel through jupyter_client for the container-runtime tests and benchmark.

Reads one JSON command per line on stdin, answers one JSON object per line on stdout:
  {"op": "start", "kernel": NAME}                  -> {"pid", "seconds"}   (kernel_info answered)
  {"op": "execute", "code", "timeout"?, "stdin"?}  -> {"outputs", "reply", "seconds"}
  {"op": "submit", "code"}                         -> {"msg_id"}           (do not wait)
  {"op": "collect", "msg_id", "timeout"?}          -> {"outputs", "reply", "seconds"}
  {"op": "interrupt"}                              -> {"at"}  (seconds since the last submit)
  {"op": "kill"}                                   -> {}  (SIGKILL to the kernel process)
  {"op": "shutdown"}                               -> {"seconds"}
Outputs are the IOPub messages of the request, in order: {"type", "content", "t"}, t being
seconds since the request was sent. A request for input is answered with the next value of
"stdin" (a list).
"""

import json
import os
import signal
import sys
import time

from jupyter_client.manager import KernelManager

OUTPUT_TYPES = {"stream", "display_data", "update_display_data", "execute_result", "error", "clear_output"}


class Driver:
    def __init__(self):
        self.km = None
        self.kc = None
        self.started = {}
        self.last_submit = time.monotonic()

    def start(self, kernel):
        began = time.monotonic()
        self.km = KernelManager(kernel_name=kernel)
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        return {"pid": self.km.provisioner.process.pid, "seconds": time.monotonic() - began}

    def submit(self, code, stdin=None):
        self.last_submit = time.monotonic()
        msg_id = self.kc.execute(code, allow_stdin=stdin is not None)
        self.started[msg_id] = (self.last_submit, list(stdin or []))
        return msg_id

    def collect(self, msg_id, timeout=120):
        began, answers = self.started.pop(msg_id)
        deadline = time.monotonic() + timeout
        outputs = []
        idle = False
        while not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no idle within %s s; got %r" % (timeout, outputs))
            if answers:
                try:
                    request = self.kc.get_stdin_msg(timeout=0.01)
                    if request["parent_header"].get("msg_id") == msg_id:
                        self.kc.input(answers.pop(0))
                except Exception:
                    pass
            try:
                message = self.kc.get_iopub_msg(timeout=min(left, 0.05 if answers else 1))
            except Exception:
                continue
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            kind = message["msg_type"]
            if kind in OUTPUT_TYPES:
                outputs.append({"type": kind, "content": message["content"], "t": time.monotonic() - began})
            elif kind == "status" and message["content"]["execution_state"] == "idle":
                idle = True
        reply = self.kc.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
        return {"outputs": outputs, "reply": reply["content"], "seconds": time.monotonic() - began}

    def handle(self, command):
        op = command["op"]
        if op == "start":
            return self.start(command.get("kernel", "pymastery"))
        if op == "execute":
            msg_id = self.submit(command["code"], command.get("stdin"))
            return self.collect(msg_id, command.get("timeout", 120))
        if op == "submit":
            return {"msg_id": self.submit(command["code"], command.get("stdin"))}
        if op == "collect":
            return self.collect(command["msg_id"], command.get("timeout", 120))
        if op == "interrupt":
            at = time.monotonic() - self.last_submit
            self.km.interrupt_kernel()
            return {"at": at}
        if op == "kill":
            os.kill(self.km.provisioner.process.pid, signal.SIGKILL)
            self.km.provisioner.process.wait()
            return {}
        if op == "shutdown":
            began = time.monotonic()
            self.kc.stop_channels()
            self.km.shutdown_kernel(now=False)
            return {"seconds": time.monotonic() - began}
        raise ValueError("unknown op %r" % op)


def main():
    driver = Driver()
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = driver.handle(json.loads(line))
        except Exception as error:
            answer = {"failure": "%s: %s" % (type(error).__name__, error)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

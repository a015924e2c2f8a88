"""./pymastery bench runtimes: how fast %%cpython cells are, next to the alternatives, in one run.

Measures, on this machine and engine:
  1. the first %%cpython cell after a kernel start (a cold session: container create, attach,
     start, agent injected), over several kernel starts;
  2. the warm %%cpython round trip (execute_request to the reply, through jupyter_client);
  3. the same code run by the bare interpreter (compile + exec in that session's CPython,
     timed inside it: what the cell costs without any kernel);
  4. the same code run with `docker exec` / `podman exec` per cell in a running container
     (a new interpreter each time, no state kept);
and, to tell the runtime's cost from the kernel's, a `%%html` cell (the kernel alone), the
process engine, and the runtime's own round trip without Jupyter (RoundTripBench, in a JVM).
Prints a Markdown table for BENCHMARKS.md and writes the raw figures as JSON.
"""

import argparse
import http.client
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time

from jupyter_client.manager import KernelManager

CODE = "total = sum(i * i for i in range(1000))\ntotal"


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost")
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(self.path)


def engine_socket():
    host = os.environ.get("DOCKER_HOST", "")
    if host.startswith("unix://"):
        return host[len("unix://"):]
    for path in ("/var/run/docker.sock", "/run/pymastery/podman.sock", "/run/podman/podman.sock"):
        if os.path.exists(path):
            return path
    sys.exit("bench runtimes: no container engine socket (set DOCKER_HOST=unix://..., or run .ci/podman.sh)")


def api(path, method="GET"):
    connection = UnixConnection(engine_socket())
    connection.request(method, path)
    response = connection.getresponse()
    return response.status, response.read()


def engine_name():
    status, body = api("/version")
    version = json.loads(body)
    for component in version.get("Components", []):
        if component.get("Name") == "Podman Engine":
            return "Podman " + component.get("Version", "?")
    return "Docker " + version.get("Version", "?")


def pick_image(requested):
    candidates = [requested] if requested else [
        os.environ.get("PYMASTERY_RUNTIME_STOCK_IMAGE", ""), "pymastery/stock:3.13", "pymastery-test/stock:3.13"]
    for image in filter(None, candidates):
        if api("/images/%s/json" % image)[0] == 200:
            return image
    sys.exit("bench runtimes: none of %s is on this machine (./docker/build.sh stock, or .ci/podman.sh)" % candidates)


def quantiles(samples):
    ordered = sorted(samples)

    def at(q):
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]

    return {"n": len(ordered), "p50": at(0.5), "p99": at(0.99), "min": ordered[0], "mean": statistics.fmean(ordered)}


class Kernel:
    def __init__(self, name):
        self.km = KernelManager(kernel_name=name)
        began = time.monotonic()
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        self.ready_seconds = time.monotonic() - began

    def execute(self, code, timeout=300):
        """Seconds from execute_request to its reply, with the reply's status; outputs drained."""
        began = time.perf_counter()
        msg_id = self.kc.execute(code)
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        elapsed = time.perf_counter() - began
        outputs = []
        while True:
            message = self.kc.get_iopub_msg(timeout=timeout)
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                break
            outputs.append(message)
        if reply["content"]["status"] != "ok":
            raise RuntimeError("cell failed: %s: %s" % (reply["content"].get("ename"), reply["content"].get("evalue")))
        return elapsed, outputs

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


def bare_interpreter(kernel, runs):
    """The same code, compiled and run in the session's CPython, timed there."""
    timer = (
        "%%%%cpython\nimport json, time\n_ns = {}\n_samples = []\nfor _ in range(%d):\n"
        "    _t = time.perf_counter()\n    exec(compile(%r, '<bench>', 'exec'), _ns)\n"
        "    _samples.append(time.perf_counter() - _t)\nprint(json.dumps(_samples))" % (runs, CODE)
    )
    _, outputs = kernel.execute(timer)
    text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
    return json.loads(text)


def exec_per_cell(cli, image, runs):
    """`CLI exec CONTAINER python3 -c CODE` per cell, in a running container."""
    env = dict(os.environ)
    if cli == "docker":
        env.setdefault("DOCKER_HOST", "unix://" + engine_socket())
    started = subprocess.run(
        [cli, "run", "-d", "--rm", "--network", "none", "--entrypoint", "sleep", image, "infinity"],
        capture_output=True, text=True, env=env)
    if started.returncode != 0:
        return None, started.stderr.strip()[:200]
    container = started.stdout.strip()
    command = [cli, "exec", container, "python3", "-c", CODE.replace("\ntotal", "\nprint(total)")]
    try:
        subprocess.run(command, capture_output=True, env=env, check=True)
        samples = []
        for _ in range(runs):
            began = time.perf_counter()
            subprocess.run(command, capture_output=True, env=env, check=True)
            samples.append(time.perf_counter() - began)
        return samples, None
    finally:
        subprocess.run([cli, "rm", "-f", container], capture_output=True, env=env)


def ms(value):
    return "%.1f" % (value * 1000) if value >= 0.001 else "%.3f" % (value * 1000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kernel", default="pymastery")
    parser.add_argument("--image", help="the image of the stock runtime (default: one that exists)")
    parser.add_argument("--cold", type=int, default=5, help="kernel starts for the cold-session figure")
    parser.add_argument("--warm", type=int, default=300, help="warm %%cpython cells measured")
    parser.add_argument("--exec-runs", type=int, default=30, help="exec-per-cell runs")
    parser.add_argument("--json", default=".work/bench-runtimes.json")
    parser.add_argument("--java", help="java, to time the runtime without Jupyter (with --class-path)")
    parser.add_argument("--class-path", help="the Java benchmarks' class path (bench/target)")
    parser.add_argument("--local-python", default=shutil.which("python3") or "",
                        help="also time a runtime on the process engine with this interpreter ('' to skip)")
    args = parser.parse_args()
    if args.local_python:
        os.environ["PYMASTERY_RUNTIME_LOCAL_ENGINE"] = "process"
        os.environ["PYMASTERY_RUNTIME_LOCAL_LOCAL_PYTHON"] = args.local_python

    image = pick_image(args.image)
    os.environ["PYMASTERY_RUNTIME_STOCK_IMAGE"] = image
    os.environ.setdefault("DOCKER_HOST", "unix://" + engine_socket())
    engine = engine_name()
    print("engine: %s; image: %s; code: %r; %d CPUs" % (engine, image, CODE, os.cpu_count()), file=sys.stderr)

    cold, ready = [], []
    for round_ in range(args.cold):
        kernel = Kernel(args.kernel)
        ready.append(kernel.ready_seconds)
        elapsed, _ = kernel.execute("%%cpython\n" + CODE)
        cold.append(elapsed)
        print("cold %d: kernel ready %.2f s, first %%%%cpython cell %.3f s" % (round_ + 1, kernel.ready_seconds, elapsed),
              file=sys.stderr)
        if round_ < args.cold - 1:
            kernel.close()

    # GraalPy starts in the background and competes for the CPU: let it finish first. Then the
    # rows are measured in turn, cell by cell, so each sees the same conditions (GraalPy's JIT
    # compiles in the background for a while; neighbours come and go on a shared machine).
    kernel.execute("1")
    cells = {"warm": "%%cpython\n" + CODE, "baseline": "%%html\n<b>cell</b>"}
    if args.local_python:
        cells["local"] = "%%cpython local\n" + CODE
    samples = {name: [] for name in cells}
    for _ in range(30):
        for code in cells.values():
            kernel.execute(code)
    for _ in range(args.warm):
        for name, code in cells.items():
            samples[name].append(kernel.execute(code)[0])
    warm, baseline, local = samples["warm"], samples["baseline"], samples.get("local", [])
    bare = bare_interpreter(kernel, args.warm)
    kernel.close()

    direct = {}
    if args.java and args.class_path:
        for name in ["stock"] + (["local"] if args.local_python else []):
            run = subprocess.run(
                [args.java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", args.class_path,
                 "dev.pymastery.bench.RoundTripBench", name, str(max(args.warm, 500)), CODE],
                capture_output=True, text=True)
            lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
            if run.returncode == 0 and lines:
                direct[name] = json.loads(lines[-1])

    exec_rows = {}
    for cli in ("docker", "podman"):
        if shutil.which(cli):
            samples, problem = exec_per_cell(cli, image, args.exec_runs)
            exec_rows[cli] = samples if samples else problem

    results = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "engine": engine, "image": image},
        "code": CODE,
        "cold_first_cell": quantiles(cold),
        "kernel_ready": quantiles(ready),
        "warm_cpython": quantiles(warm),
        "bare_interpreter": quantiles(bare),
        "kernel_baseline_html_cell": quantiles(baseline),
        "runtime_without_jupyter": direct,
        "warm_cpython_process_engine": quantiles(local) if local else None,
        "exec_per_cell": {cli: quantiles(v) if isinstance(v, list) else {"error": v} for cli, v in exec_rows.items()},
    }
    results["warm_overhead_p50_ms"] = (results["warm_cpython"]["p50"] - results["bare_interpreter"]["p50"]) * 1000
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump(results, handle, indent=2)

    print("| What (%s, %s) | n | p50 ms | p99 ms |" % (engine, image))
    print("|---|---|---|---|")
    print("| first `%%%%cpython` cell after kernel start (cold session) | %d | %s | %s |"
          % (len(cold), ms(results["cold_first_cell"]["p50"]), ms(results["cold_first_cell"]["p99"])))
    print("| warm `%%%%cpython` cell round trip (jupyter_client) | %d | %s | %s |"
          % (len(warm), ms(results["warm_cpython"]["p50"]), ms(results["warm_cpython"]["p99"])))
    if local:
        print("| warm `%%%%cpython local` round trip (process engine, %s) | %d | %s | %s |"
              % (args.local_python, len(local), ms(results["warm_cpython_process_engine"]["p50"]),
                 ms(results["warm_cpython_process_engine"]["p99"])))
    print("| kernel alone: a `%%%%html` cell (no runtime) | %d | %s | %s |"
          % (len(baseline), ms(results["kernel_baseline_html_cell"]["p50"]),
             ms(results["kernel_baseline_html_cell"]["p99"])))
    for name, row in direct.items():
        print("| runtime alone, `CPythonRuntime.run` in a JVM, no Jupyter (%s) | %d | %.2f | %.2f |"
              % (name, row["runs"], row["p50_ms"], row["p99_ms"]))
    print("| same code, bare interpreter (compile + exec in that CPython) | %d | %s | %s |"
          % (len(bare), ms(results["bare_interpreter"]["p50"]), ms(results["bare_interpreter"]["p99"])))
    for cli, stats in results["exec_per_cell"].items():
        if "error" in stats:
            print("| `%s exec` per cell | - | failed: %s | |" % (cli, stats["error"]))
        else:
            print("| same code, `%s exec CONTAINER python3 -c` per cell | %d | %s | %s |"
                  % (cli, stats["n"], ms(stats["p50"]), ms(stats["p99"])))
    print()
    print("warm %%%%cpython over the bare interpreter: %.2f ms at p50 (target: at most 5 ms)"
          % results["warm_overhead_p50_ms"])


if __name__ == "__main__":
    main()

"""Kernel benchmark: PyMastery's kernel and Debian's ipykernel through the same jupyter_client code.

Run by `./pymastery bench kernel`, which installs the kernel under .work/bench-prefix. Prints, side
by side: time to the kernel_info reply and to the first cell's result after launch (median of
--starts launches; for PyMastery both with an empty pool, "cold", and with a warm process waiting),
the round trip of a trivial cell (p50/p99 over --cells cells), fib(27) once warm, completion,
and memory: the kernel process's resident set after kernel_info and one cell, after week 1's
notebook (the peer runs the cells that are plain Python), of a waiting spare, and --open kernels
open at once, each answering a cell, with the machine's available memory and swap before and after.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import jupyter_client


def launch(kernel_name, cwd=None):
    """Starts a kernel and returns (manager, client, seconds to kernel_info reply, seconds to first result)."""
    started = time.perf_counter()
    manager = jupyter_client.KernelManager(kernel_name=kernel_name)
    manager.start_kernel(cwd=cwd)
    client = manager.client()
    client.start_channels()
    # jupyter_client's own readiness probe: resend kernel_info until one is answered.
    # Ask again every half second until any kernel_info reply arrives (the first requests may be
    # sent before the kernel's sockets exist). Waiting for the reply to the latest request instead
    # would never catch up once replies queue behind requests.
    client.kernel_info()
    asked = time.perf_counter()
    while True:
        try:
            reply = client.get_shell_msg(timeout=0.1)
            if reply["msg_type"] == "kernel_info_reply":
                break
        except Exception:
            if time.perf_counter() - started > 120:
                raise RuntimeError("%s did not answer kernel_info within 120 s" % kernel_name)
            if time.perf_counter() - asked > 0.5:
                client.kernel_info()
                asked = time.perf_counter()
    info_seconds = time.perf_counter() - started
    # As nbclient does before the first cell: make sure IOPub is subscribed (a cell's output
    # published before the subscription lands would be lost), by waiting for a status message.
    while True:
        try:
            client.get_iopub_msg(timeout=0.2)
            break
        except Exception:
            if time.perf_counter() - started > 120:
                raise RuntimeError("%s published nothing on IOPub within 120 s" % kernel_name)
            client.kernel_info()
    while True:  # drop what is left, so the first cell's messages come first
        try:
            client.get_iopub_msg(timeout=0.05)
        except Exception:
            break
    msg_id = client.execute("1 + 1")
    while True:
        msg = client.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":  # e.g. GraalPy failed to start: say so, not a timeout
            raise RuntimeError("the first cell failed: " + msg["content"]["evalue"])
        if msg["msg_type"] == "execute_result":
            break
    return manager, client, info_seconds, time.perf_counter() - started


def stop(manager, client):
    client.stop_channels()
    manager.shutdown_kernel(now=False)


def run(client, code, timeout=300):
    """Runs one cell and waits for its idle status, as nbclient does."""
    msg_id = client.execute(code)
    result = None
    while True:
        msg = client.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"]["text/plain"]
        if msg["msg_type"] == "error":
            raise RuntimeError("\n".join(msg["content"]["traceback"]))
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return result


def round_trips(client, cells):
    times = []
    for _ in range(cells):
        started = time.perf_counter()
        run(client, "pass")
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]


FIB = """
import time
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def timed_fib():
    started = time.perf_counter()
    fib(27)
    return (time.perf_counter() - started) * 1000
"""


def fib_ms(client, runs):
    run(client, FIB)
    times = [float(run(client, "timed_fib()")) for _ in range(runs)]
    return min(times), statistics.median(times[-3:])


def fifty_line_cell():
    """A 50-line cell as learners write them: imports, helpers, data, a loop, then a half-typed line."""
    lines = ["import os", "import json", "import collections as col", "from pathlib import Path", ""]
    for i in range(8):
        lines += ["def helper_%d(values, scale=%d, *, label='h%d'):" % (i, i + 1, i),
                  "    total = sum(v * scale for v in values)",
                  "    return {'label': label, 'total': total}", ""]
    lines += ["records = [helper_%d(range(10)) for _ in range(3)]" % i for i in range(8)]
    lines += ["counts = col.Counter(r['label'] for r in records)", "report_path = Path('report.json')"]
    while len(lines) < 49:
        lines.append("print(len(records))")
    return "\n".join(lines) + "\n"


def completion_ms(client, requests=60, warmup=15):
    """p50 and p95 of complete_request at four spots of an unrun 50-line cell."""
    cell = fifty_line_cell()
    probes = [cell + "os.pa", cell + "col.Orde", cell + "helper_3(range(3), sca", cell + "reco"]
    times = []
    for i in range(warmup + requests):
        code = probes[i % len(probes)]
        started = time.perf_counter()
        client.complete(code, len(code), reply=True, timeout=60)
        if i >= warmup:
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.95) - 1]


def resident_mb(pid):
    """The process's resident set size in MB (VmRSS)."""
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS for pid %d" % pid)


def kernel_pid(client):
    """The pid of the process that runs the cells (GraalPy's os.getpid() is the JVM's)."""
    return int(run(client, "import os as _os; _os.getpid()"))


def meminfo():
    """MemAvailable and swap in use, in MB, from /proc/meminfo."""
    values = {}
    with open("/proc/meminfo") as info:
        for line in info:
            name, value = line.split(":")
            values[name] = int(value.split()[0]) / 1024
    return values["MemAvailable"], values["SwapTotal"] - values["SwapFree"]


def notebook_cells(path, plain_python_only):
    with open(path) as f:
        cells = [c for c in json.load(f)["cells"] if c["cell_type"] == "code"]
    sources = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells]
    if plain_python_only:
        # the peer has none of this kernel's magics; help (?) and shell lines are IPython's own
        sources = [s for s in sources if not any(line.lstrip().startswith(("%", "!")) for line in s.splitlines())]
    return sources


def run_notebook(client, sources):
    """Runs every cell as nbclient would, going on past errors; returns how many failed."""
    failed = 0
    for source in sources:
        try:
            run(client, source, timeout=600)
        except RuntimeError as error:
            failed += 1
            last = [line for line in str(error).splitlines() if line.strip()][-1:]
            print("  cell failed (%s): %s" % (source.splitlines()[0][:60], last), file=sys.stderr)
    return failed


def memory_after_notebook(kernel, notebook, plain_python_only):
    manager, client, _, _ = launch(kernel, cwd=os.path.dirname(notebook))
    sources = notebook_cells(notebook, plain_python_only)
    failed = run_notebook(client, sources)
    pid = kernel_pid(client)
    mb = resident_mb(pid)
    stop(manager, client)
    return mb, len(sources), failed


def many_open(kernel, count, cli=None):
    """Opens `count` kernels one after another, each answering a cell, and keeps them open."""
    before = meminfo()
    opened, sizes, spares, pids = [], [], [], set()
    started = time.perf_counter()
    try:
        for i in range(count):
            if cli:
                wait_for_ready_spare(cli, seconds=600)
                # the spare about to be claimed: started by the last launcher, warmed up, waiting
                waiting = [p for p in pool_pids(cli) if p not in pids]
                if waiting:
                    spares.append(min(resident_mb(p) for p in waiting))
            manager, client, _, _ = launch(kernel)
            opened.append((manager, client))
            pid = kernel_pid(client)
            pids.add(pid)
            sizes.append(resident_mb(pid))
            print("  %s: %d open, %.0f MB available" % (kernel, i + 1, meminfo()[0]), file=sys.stderr)
        after = meminfo()
        answered = sum(1 for _, client in opened if run(client, "21 * 2") == "42")
    finally:
        for manager, client in opened:
            stop(manager, client)
    return {"before": before, "after": after, "sizes": sorted(sizes), "answered": answered,
            "seconds": time.perf_counter() - started, "spares": spares}


def pool_command(cli, action):
    """The pool CLI with the action right after 'pool' (options follow it)."""
    at = cli.index("pool") + 1
    return cli[:at] + [action] + cli[at:]


def pool_control(cli, action):
    subprocess.run(pool_command(cli, action), check=True, stdout=subprocess.DEVNULL)


def pool_pids(cli):
    """The pool's kernel processes, from './pymastery pool status' ("kernel processes: N pid pid ...")."""
    out = subprocess.run(pool_command(cli, "status"), check=True, capture_output=True, text=True).stdout
    return [int(p) for line in out.splitlines() if line.startswith("kernel processes:")
            for p in line.split(":")[1].split()[1:]]


def wait_for_ready_spare(cli, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        out = subprocess.run(pool_command(cli, "status"), check=True, capture_output=True, text=True).stdout
        if "ready-" in out:
            return
        time.sleep(1)
    raise RuntimeError("no warm kernel process became ready within %d s" % seconds)


def median_launch(kernel, starts, before=None):
    infos, firsts = [], []
    for _ in range(starts):
        if before:
            before()
        manager, client, info, first = launch(kernel)
        infos.append(info)
        firsts.append(first)
        stop(manager, client)
    return statistics.median(infos), statistics.median(firsts)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kernel", default="pymastery", help="the PyMastery kernelspec name")
    parser.add_argument("--peer", default="python3", help="the peer kernelspec (Debian's ipykernel)")
    parser.add_argument("--pool-cli", required=True, help="command that runs './pymastery pool' for the kernel")
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--cells", type=int, default=200)
    parser.add_argument("--fib-runs", type=int, default=10)
    parser.add_argument("--notebook", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                                           "notebooks", "month1", "week01-data-model.ipynb"))
    parser.add_argument("--open", type=int, default=20, help="kernels open at once for the memory rows (0: skip)")
    args = parser.parse_args()
    cli = args.pool_cli.split()

    rows = {}
    print("measuring %s, cold (empty pool)..." % args.kernel, file=sys.stderr)
    rows["cold"] = median_launch(args.kernel, args.starts, before=lambda: pool_control(cli, "stop"))
    print("measuring %s with a warm process waiting..." % args.kernel, file=sys.stderr)
    rows["warm"] = median_launch(args.kernel, args.starts, before=lambda: wait_for_ready_spare(cli))
    print("measuring %s..." % args.peer, file=sys.stderr)
    rows["peer"] = median_launch(args.peer, args.starts)

    speeds = {}
    for label, kernel in (("ours", args.kernel), ("peer", args.peer)):
        print("round trips and fib(27) on %s..." % kernel, file=sys.stderr)
        if label == "ours":
            wait_for_ready_spare(cli)
        manager, client, _, _ = launch(kernel)
        run(client, "pass")
        fresh = resident_mb(kernel_pid(client))
        speeds[label] = (round_trips(client, args.cells), fib_ms(client, args.fib_runs), completion_ms(client), fresh)
        stop(manager, client)

    print("memory after week 1's notebook...", file=sys.stderr)
    wait_for_ready_spare(cli)
    week1 = {"ours": memory_after_notebook(args.kernel, args.notebook, False),
             "peer": memory_after_notebook(args.peer, args.notebook, True)}
    many = {}
    if args.open:
        for label, kernel in (("ours", args.kernel), ("peer", args.peer)):
            print("%d kernels of %s open at once..." % (args.open, kernel), file=sys.stderr)
            many[label] = many_open(kernel, args.open, cli if label == "ours" else None)
            if label == "ours":
                time.sleep(20)  # the returned processes beyond the pool's size retire (5 s checks)

    peer_version = subprocess.run(
        [sys.executable, "-c", "import ipykernel, sys; print(ipykernel.__version__, sys.version.split()[0])"],
        capture_output=True, text=True).stdout.split()
    header = ("", "PyMastery cold", "PyMastery warm pool", "ipykernel %s (CPython %s)" % tuple(peer_version))
    lines = [
        ("kernel_info reply after launch (s)", "%.2f" % rows["cold"][0], "%.2f" % rows["warm"][0], "%.2f" % rows["peer"][0]),
        ("first cell result after launch (s)", "%.2f" % rows["cold"][1], "%.2f" % rows["warm"][1], "%.2f" % rows["peer"][1]),
        ("trivial cell round trip p50 (ms)", "", "%.1f" % speeds["ours"][0][0], "%.1f" % speeds["peer"][0][0]),
        ("trivial cell round trip p99 (ms)", "", "%.1f" % speeds["ours"][0][1], "%.1f" % speeds["peer"][0][1]),
        ("fib(27) warm, best (ms)", "", "%.1f" % speeds["ours"][1][0], "%.1f" % speeds["peer"][1][0]),
        ("fib(27) warm, median of last 3 (ms)", "", "%.1f" % speeds["ours"][1][1], "%.1f" % speeds["peer"][1][1]),
        ("completion, unrun 50-line cell, p50 (ms)", "", "%.1f" % speeds["ours"][2][0], "%.1f" % speeds["peer"][2][0]),
        ("completion, unrun 50-line cell, p95 (ms)", "", "%.1f" % speeds["ours"][2][1], "%.1f" % speeds["peer"][2][1]),
        ("resident after kernel_info + one cell (MB)", "", "%.0f" % speeds["ours"][3], "%.0f" % speeds["peer"][3]),
        ("resident after week 1's notebook (MB)", "", "%.0f" % week1["ours"][0], "%.0f" % week1["peer"][0]),
        ("  week 1 cells run (failed)", "", "%d (%d)" % week1["ours"][1:], "%d (%d)" % week1["peer"][1:]),
    ]
    if many:
        o, p = many["ours"], many["peer"]
        lines += [
            ("%d open: available memory before (MB)" % args.open, "", "%.0f" % o["before"][0], "%.0f" % p["before"][0]),
            ("%d open: available memory after (MB)" % args.open, "", "%.0f" % o["after"][0], "%.0f" % p["after"][0]),
            ("%d open: resident per kernel, median (MB)" % args.open, "",
             "%.0f" % statistics.median(o["sizes"]), "%.0f" % statistics.median(p["sizes"])),
            ("%d open: swap in use before/after (MB)" % args.open, "",
             "%.0f/%.0f" % (o["before"][1], o["after"][1]), "%.0f/%.0f" % (p["before"][1], p["after"][1])),
            ("%d open: kernels answering a cell" % args.open, "", "%d" % o["answered"], "%d" % p["answered"]),
            ("waiting spare before each claim, median (MB)", "",
             "%.0f" % statistics.median(o["spares"]) if o["spares"] else "", ""),
            ("%d open: time to open them all (s)" % args.open, "", "%.0f" % o["seconds"], "%.0f" % p["seconds"]),
        ]
    widths = [max(len(row[i]) for row in [header] + lines) for i in range(4)]
    for row in [header] + lines:
        print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
    print("(median of %d launches each; %d trivial cells; %d fib runs; %d cores, load %.1f)" % (
        args.starts, args.cells, args.fib_runs, os.cpu_count(), os.getloadavg()[0]))


if __name__ == "__main__":
    main()

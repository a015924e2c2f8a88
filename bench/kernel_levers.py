"""The kernel's memory levers, one JVM flag set at a time (decision 0002 records the figures).

Run by `./pymastery bench levers`: copies the installed bench kernelspec once per variant, with the
variant's flags added to (or replacing) its JVM argument file and no spare ahead of time, and for
each variant starts fresh kernel processes (--runs, median): resident memory after kernel_info and
one cell, after fib(27) ten times, and after a session that allocated and freed 400 MB, before
and after the kernel's quiet-time collection; fib(27)'s best time; the first cell's time after
launch. The process is stopped after each run, so every run starts cold.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kernel_bench import fib_ms, kernel_pid, launch, resident_mb, run, stop  # noqa: E402

# (name, flags added, flags removed[, environment]); the environment goes into the kernelspec.
VARIANTS = [
    ("as installed", [], []),
    ("-Xms16m", ["-Xms16m"], []),
    ("-Xms16m, G1 with periodic uncommit", ["-Xms16m", "-XX:+UseG1GC", "-XX:G1PeriodicGCInterval=20000"],
     ["-XX:+UseSerialGC"]),
    ("-Xms16m, Truffle compiles later (first tier after 2,000 calls)",
     ["-Xms16m", "-Dpolyglot.engine.FirstTierCompilationThreshold=2000"], []),
    ("-Xms16m, -Xss512k", ["-Xms16m", "-Xss512k"], []),
    ("-Xms16m, C2 for the host (no TieredStopAtLevel)", ["-Xms16m"], ["-XX:TieredStopAtLevel=1"]),
    ("-Xmx512m -Xms16m", ["-Xms16m", "-Xmx512m"], ["-Xmx2g"]),
    ("two Truffle compiler threads (what an 8-core machine gets)", ["-Dpolyglot.engine.CompilerThreads=2"],
     ["-Dpolyglot.engine.CompilerThreads=1"]),
    ("Truffle's first tier after 2,000 calls, last after 50,000 (experimental options allowed)",
     ["-Dpymastery.engine.experimental=true", "-Dpolyglot.engine.FirstTierCompilationThreshold=2000",
      "-Dpolyglot.engine.LastTierCompilationThreshold=50000"], []),
    ("Truffle without its first tier (engine.MultiTier=false)",
     ["-Dpymastery.engine.experimental=true", "-Dpolyglot.engine.MultiTier=false"], []),
    # The DSL interpreter refuses .pyc files of the manual one: a bytecode cache of its own.
    ("GraalPy's Bytecode DSL interpreter", ["-Dpython.EnableBytecodeDSLInterpreter=true"], [],
     {"PYMASTERY_PYCACHE": os.path.expanduser("~/.cache/pymastery/pycache-bytecode-dsl")}),
    ("glibc with 2 malloc arenas (MALLOC_ARENA_MAX=2)", [], [], {"MALLOC_ARENA_MAX": "2"}),
    ("native heap trimmed every 5 s (-XX:TrimNativeHeapInterval=5000)", ["-XX:TrimNativeHeapInterval=5000"], []),
    ("code cache 48 MB, metaspace ceiling 192 MB",
     ["-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=192m"], []),
]

ALLOCATE = "blocks = [bytearray(1_000_000) for _ in range(400)]\nlists = [list(range(1000)) for _ in range(20_000)]\ndel blocks, lists"


def variant_spec(data_dir, base, name, index, add, remove, env):
    source = os.path.join(data_dir, "kernels", base)
    target = os.path.join(data_dir, "kernels", "%s-lever%d" % (base, index))
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    args_file = os.path.join(target, "kernel-jvm.args")
    with open(args_file) as f:
        flags = [line for line in f.read().splitlines() if line.strip('"') not in remove]
    with open(args_file, "w") as f:
        f.write("\n".join(['"%s"' % flag for flag in add] + flags) + "\n")
    with open(os.path.join(target, "kernel.json")) as f:
        spec = json.load(f)
    spec["argv"] = [args_file if a.endswith("kernel-jvm.args") else a for a in spec["argv"]]
    spec["display_name"] = "lever: " + name
    spec.setdefault("env", {}).update({"PYMASTERY_POOL_SIZE": "0", "PYMASTERY_QUIET_GC_SECONDS": "10", **env})
    with open(os.path.join(target, "kernel.json"), "w") as f:
        json.dump(spec, f, indent=1)
    return os.path.basename(target)


def one_run(kernel):
    manager, client, _, first = launch(kernel)
    pid = kernel_pid(client)
    time.sleep(3)
    figures = {"first cell (s)": first, "after one cell (MB)": resident_mb(pid)}
    figures["fib(27) best (ms)"] = fib_ms(client, 10)[0]
    figures["after fib (MB)"] = resident_mb(pid)
    run(client, ALLOCATE, timeout=600)
    figures["after 400 MB freed (MB)"] = resident_mb(pid)
    time.sleep(25)  # the kernel's quiet-time collection runs after 10 s without a request
    figures["quiet 25 s later (MB)"] = resident_mb(pid)
    stop(manager, client)
    # The process would go back to the pool: stop it, so the next run starts cold.
    subprocess.run(["pkill", "-f", "kernels/%s/" % kernel], check=False)
    time.sleep(2)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True, help="the Jupyter data folder with the bench kernelspec")
    parser.add_argument("--kernel", default="pymastery-bench")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--only", help="variant numbers to run, e.g. 0,3 (default: all)")
    args = parser.parse_args()
    chosen = [int(i) for i in args.only.split(",")] if args.only else range(len(VARIANTS))
    columns = ["first cell (s)", "after one cell (MB)", "fib(27) best (ms)", "after fib (MB)",
               "after 400 MB freed (MB)", "quiet 25 s later (MB)"]
    print("| variant | " + " | ".join(columns) + " |")
    print("|" + "---|" * (len(columns) + 1), flush=True)
    for index in chosen:
        name, add, remove, *env = VARIANTS[index]
        kernel = variant_spec(args.data_dir, args.kernel, name, index, add, remove, env[0] if env else {})
        runs = []
        try:
            for _ in range(args.runs):
                print("%s: run %d" % (name, len(runs) + 1), file=sys.stderr)
                runs.append(one_run(kernel))
        except Exception as error:  # a flag set the JVM or GraalPy refuses is a result too
            print("| %s | failed: %s |" % (name, (str(error).strip() or repr(error)).splitlines()[0][:200]), flush=True)
            subprocess.run(["pkill", "-f", "kernels/%s/" % kernel], check=False)
            continue
        finally:
            shutil.rmtree(os.path.join(args.data_dir, "kernels", kernel), ignore_errors=True)
        figures = {key: statistics.median(r[key] for r in runs) for key in columns}
        cells = ["%.1f" % figures[c] if "(s)" in c or "(ms)" in c else "%.0f" % figures[c] for c in columns]
        print("| %s | %s |" % (name, " | ".join(cells)), flush=True)
    print("(median of %d cold runs each; %d cores, load %.1f)" % (args.runs, os.cpu_count(), os.getloadavg()[0]))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The notebook runner next to nbclient, on the same generated notebooks, in one run.

Generates N notebooks x M small cells (plain Python, with their expected outputs stored) twice: once
for the PyMastery kernel, once for Debian's ipykernel (kernelspec python3). Then times, sequential
and with -j J:
  runner + pymastery     ./pymastery nbval on the PyMastery notebooks (outputs compared)
  runner + ipykernel     the same runner on the ipykernel notebooks
  nbclient + ipykernel   nbclient.NotebookClient executing the ipykernel notebooks
Run through ./pymastery bench nbval, which passes the runner command after "--".
"""
import argparse
import concurrent.futures
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import time


def cell_sources(notebook, cells):
    """Small cells of the kind a lesson has: assignments, prints, expressions, a function."""
    kinds = [
        "x{n} = {n} * 3",
        "print(x{p} + {nb})",
        "[k * k for k in range({r})]",
        "def f{n}(a):\n    return a + {nb}\nf{n}(2)",
        "'-'.join(str(k) for k in range({r}))",
        "sum(range({n}0))",
        "words = ['alpha', 'beta', 'gamma']\nprint(sorted(words, key=len)[{m}])",
        "{{'n': {n}, 'even': {n} % 2 == 0}}",
    ]
    return [kinds[i % len(kinds)].format(n=i, p=i - 1, nb=notebook, r=i % 7 + 3, m=i % 3) for i in range(cells)]


def expected_outputs(sources):
    """Runs the cells in CPython to get the outputs any Python kernel must reproduce."""
    namespace, outputs = {}, []
    for count, source in enumerate(sources, start=1):
        *body, last = source.split("\n")
        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout):
            exec("\n".join(body), namespace)
            try:
                value = eval(last, namespace)
            except SyntaxError:
                exec(last, namespace)
                value = None
        cell_outputs = []
        if stdout.getvalue():
            cell_outputs.append({"name": "stdout", "output_type": "stream", "text": stdout.getvalue()})
        if value is not None:
            cell_outputs.append({"data": {"text/plain": repr(value)}, "execution_count": count,
                                 "metadata": {}, "output_type": "execute_result"})
        outputs.append(cell_outputs)
    return outputs


def write_notebooks(folder, kernel, count, cells):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for i in range(count):
        sources = cell_sources(i, cells)
        nb_cells = []
        for number, (source, outputs) in enumerate(zip(sources, expected_outputs(sources)), start=1):
            nb_cells.append({"cell_type": "code", "execution_count": number, "id": f"c{number:02d}",
                             "metadata": {}, "outputs": outputs, "source": source})
        notebook = {"cells": nb_cells, "nbformat": 4, "nbformat_minor": 5,
                    "metadata": {"kernelspec": {"name": kernel, "display_name": kernel, "language": "python"}}}
        with open(os.path.join(folder, f"nb{i:02d}.ipynb"), "w", encoding="utf-8") as f:
            json.dump(notebook, f, indent=1, sort_keys=True)
            f.write("\n")


def run_nbclient(path):
    import nbformat
    from nbclient import NotebookClient
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3", allow_errors=False,
                   resources={"metadata": {"path": os.path.dirname(path)}}).execute()
    return path


def time_nbclient(folder, jobs):
    paths = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".ipynb"))
    start = time.perf_counter()
    if jobs == 1:
        for path in paths:
            run_nbclient(path)
    else:
        with concurrent.futures.ProcessPoolExecutor(jobs) as pool:
            list(pool.map(run_nbclient, paths))
    return time.perf_counter() - start, "ok"


def time_runner(runner, folder, jobs):
    start = time.perf_counter()
    done = subprocess.run(runner + ["-j", str(jobs), folder], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    summary = [line for line in done.stdout.splitlines() if line.startswith("nbval:")]
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
    return elapsed, "ok" if done.returncode == 0 else f"exit {done.returncode}: {summary[-1] if summary else done.stderr[-200:]}"


def main():
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiets a debugpy warning in every ipykernel
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", required=True, help="folder for the generated notebooks")
    parser.add_argument("--notebooks", type=int, default=24)
    parser.add_argument("--cells", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("runner", nargs=argparse.REMAINDER, help="-- then the runner command")
    args = parser.parse_args()
    runner = args.runner[1:] if args.runner[:1] == ["--"] else args.runner
    if not runner:
        parser.error("give the runner command after --")

    ours = os.path.join(args.work, "pymastery")
    theirs = os.path.join(args.work, "ipykernel")
    write_notebooks(ours, "pymastery", args.notebooks, args.cells)
    write_notebooks(theirs, "python3", args.notebooks, args.cells)
    print(f"Notebook runner: {args.notebooks} notebooks x {args.cells} cells, {os.cpu_count()} CPU cores, "
          f"load average {os.getloadavg()[0]:.1f} at start", flush=True)

    rows = [("runner + pymastery", lambda jobs: time_runner(runner, ours, jobs)),
            ("runner + ipykernel", lambda jobs: time_runner(runner, theirs, jobs)),
            ("nbclient + ipykernel", lambda jobs: time_nbclient(theirs, jobs))]
    results = {}
    for name, measure in rows:
        for jobs in (1, args.jobs):
            elapsed, status = measure(jobs)
            results[(name, jobs)] = (elapsed, status)
            print(f"  {name:22} -j {jobs}: {elapsed:7.1f} s  {status}", flush=True)

    print()
    print(f"{'':24}{'sequential':>12}{'-j ' + str(args.jobs):>12}{'per notebook (seq.)':>22}")
    for name, _ in rows:
        seq, par = results[(name, 1)], results[(name, args.jobs)]
        flag = "" if seq[1] == par[1] == "ok" else "   (failures: see above)"
        print(f"{name:24}{seq[0]:>10.1f} s{par[0]:>10.1f} s{seq[0] / args.notebooks:>20.2f} s{flag}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0 if all(status == "ok" for _, status in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

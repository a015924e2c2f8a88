#!/usr/bin/env python3
"""Prints the tests that failed in a Maven run, with the start of each failure and the tail of what
the test printed, from the Surefire and Failsafe XML reports under */target.

.ci/run calls it when ./pymastery test fails, so that a CI log that shows only its last lines still
says which tests failed and why."""

import pathlib
import sys
import xml.etree.ElementTree as ET

HEAD = 25  # lines of each failure's message and stack trace
TAIL = 25  # lines of the test's own output


def lines(text, keep, from_end=False):
    rows = (text or "").strip("\n").splitlines()
    if len(rows) <= keep:
        return rows
    return (["[...]"] + rows[-keep:]) if from_end else (rows[:keep] + ["[...]"])


def main(root):
    reports = sorted(pathlib.Path(root).glob("*/target/*-reports/TEST-*.xml"))
    failed = 0
    for report in reports:
        try:
            suite = ET.parse(report).getroot()
        except ET.ParseError as e:
            print(f"ci: unreadable report {report}: {e}")
            continue
        for case in suite.iter("testcase"):
            problems = [child for child in case if child.tag in ("failure", "error")]
            if not problems:
                continue
            failed += 1
            print(f"\n=== FAILED {case.get('classname')}#{case.get('name')}  ({report})")
            for problem in problems:
                message = problem.get("message") or ""
                print(f"--- {problem.tag}: {problem.get('type', '')}")
                for row in lines(message + "\n" + (problem.text or ""), HEAD):
                    print("    " + row)
            for stream in ("system-out", "system-err"):
                node = case.find(stream)
                if node is not None and (node.text or "").strip():
                    print(f"--- tail of {stream}")
                    for row in lines(node.text, TAIL, from_end=True):
                        print("    " + row)
    if failed == 0:
        print("ci: no test report records a failure: the build failed outside the tests "
              "(compilation, a prerequisite, a plugin); see the Maven output above.")
    else:
        print(f"\nci: {failed} failing test(s) above; the full reports are under */target/*-reports.")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")

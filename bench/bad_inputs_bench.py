"""Time and peak memory of the checker on hostile inputs: a YAML alias bomb, a 200 MB source.

    python bench/bad_inputs_bench.py

Each measurement runs `checker` in a fresh child process (`python -m checker ...`) and
reads the child's peak RSS from resource.getrusage(RUSAGE_CHILDREN) taken around it
(a fresh Python per run, so the figure is that run's own peak).
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FACTS = os.path.join(ROOT, "tests", "bad_inputs", "sources", "facts.yaml")


def measure(label: str, args: list[str]) -> None:
    code = ("import resource, runpy, sys; sys.argv = ['checker'] + sys.argv[1:]\n"
            "try:\n    runpy.run_module('checker', run_name='__main__')\n"
            "except SystemExit as e:\n    rc = e.code\n"
            "print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, rc, file=sys.stderr)")
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True)
    took = time.perf_counter() - t
    rss_line = [ln for ln in p.stderr.splitlines() if ln.startswith("RSS ")][-1].split()
    first = next((ln for ln in p.stderr.splitlines() if not ln.startswith("RSS ")), "")
    print(f"| {label} | {took:.2f} s | {int(rss_line[1]) / 1024:.0f} MB | {rss_line[2]} | {first[:90]} |")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bomb = os.path.join(tmp, "bomb.yaml")
        lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        for i in range(8):
            p, c = chr(97 + i), chr(98 + i)
            lines.append(f"{c}: &{c} [" + ",".join(["*" + p] * 9) + "]")
        lines.append("facts: *i")
        with open(bomb, "w") as fh:
            fh.write("\n".join(lines) + "\n")
        big = os.path.join(tmp, "big.txt")
        chunk = b"North Korea sent nearly 5 million shells to Russia. " * 20000
        with open(big, "wb") as fh:  # written for real (not sparse): 200 MB of text
            while fh.tell() < 200 * 1024 * 1024:
                fh.write(chunk)
        print("| input | wall time | peak RSS | exit | first line of stderr |")
        print("| --- | --- | --- | --- | --- |")
        measure("baseline: `lint` of a good fact base", ["lint", "--facts", FACTS])
        measure("alias bomb (9 levels x 9, 387M nodes if expanded), `lint`", ["lint", "--facts", bomb])
        measure("baseline: `check` of one small source", ["check", "--facts", FACTS, "--jobs", "1", "--quiet",
                                                         os.path.join(ROOT, "tests/bad_inputs/sources/good.txt")])
        measure("200 MB source, `check`", ["check", "--facts", FACTS, "--jobs", "1", "--quiet", big])


if __name__ == "__main__":
    main()

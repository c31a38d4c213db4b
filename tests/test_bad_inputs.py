"""Bad input as data (tests/bad_inputs/cases.yaml): exact exit code, message, line:col, never a traceback.

Fact-base cases run `checker lint`, source cases `checker check`, each as a user would:
a subprocess. Cases are run concurrently (a run is mostly interpreter start-up) and
each test then asserts on its own run.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from checker.reporters import FORMATS
from helpers import ROOT

HERE = Path(__file__).resolve().parent / "bad_inputs"
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
SOURCE_FACTS = HERE / "sources" / "facts.yaml"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _run(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, float]:
    env = dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8")
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", env=env, timeout=120)
    return proc, time.perf_counter() - t


def _no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stdout and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode != 3, proc.stderr  # 3 is the harness's own bug


# --- fact bases ----------------------------------------------------------------

FB_CASES = CASES["factbase"]


def _in_process(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """`checker ARGS` run by calling the CLI's main, as a subprocess would see it (a
    subprocess per case costs seconds of start-up; a few cases still run that way)."""
    import contextlib
    import io

    from checker.cli import main

    out, err, here = io.StringIO(), io.StringIO(), os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(["checker", *args], code, out.getvalue(), err.getvalue())


# Cases also run as a real subprocess, so the installed entry path is covered too.
_AS_SUBPROCESS = 4


@pytest.fixture(scope="module")
def fb_runs():
    runs = {}
    for i, case in enumerate(FB_CASES):
        args = ["lint", "--facts", case["file"]]
        runs[case["file"]] = (_run(args, HERE / "factbase")[0] if i < _AS_SUBPROCESS
                              else _in_process(args, HERE / "factbase"))
    return runs


def test_every_factbase_file_has_a_case():
    files = {p.name for p in (HERE / "factbase").iterdir()}
    assert files == {c["file"] for c in FB_CASES}


@pytest.mark.parametrize("case", FB_CASES, ids=[c["file"] for c in FB_CASES])
def test_factbase_case(case, fb_runs):
    proc = fb_runs[case["file"]]
    _no_traceback(proc)
    assert proc.returncode == case["exit"], proc.stderr
    if case["exit"] == 0:
        assert case["message"] in proc.stdout
        return
    lines = proc.stderr.splitlines()
    assert lines and all(line.startswith(case["file"] + ":") for line in lines), proc.stderr
    hits = [line for line in lines if case["message"] in line]
    assert hits, f"{case['message']!r} not in {proc.stderr!r}"
    where = re.match(re.escape(case["file"]) + r"(?::(\d+))?(?::(\d+))?: ", hits[0])
    assert where, hits[0]
    assert where.group(1) == (str(case["line"]) if "line" in case else None), hits[0]
    assert where.group(2) == (str(case["column"]) if "column" in case else None), hits[0]


# --- sources -------------------------------------------------------------------

def _generate(name: str, folder: Path) -> Path:
    """Large or special files are built here, never committed."""
    if name == "symlink-loop":
        a, b = folder / "loop-a.txt", folder / "loop-b.txt"
        a.symlink_to(b.name)
        b.symlink_to(a.name)
        return a
    path = folder / f"{name}.txt"
    if name == "unreadable":
        path.write_text("North Korea sent nearly 5 million shells.\n", encoding="utf-8")
        path.chmod(0)
    elif name == "over-50-mb":
        with open(path, "wb") as fh:  # sparse: the checker must refuse it by size, not read it
            fh.truncate(51 * 1024 * 1024)
    elif name == "long-line-5-mb":
        filler = "officials in the capital said on Tuesday that the talks would continue and the delegation met "
        para = "North Korea sent nearly 5 million shells and " + filler * 60 + "in June 2024, "
        path.write_text((para * (5_000_000 // len(para) + 1))[:5_000_000], encoding="utf-8")
    elif name == "thousands-of-numbers":
        nums = ", ".join(f"{i * 7919 % 100000:,}" for i in range(5000))
        path.write_text(f"North Korea sent Russia {nums} and nearly 5 million shells and rounds.\n", encoding="utf-8")
    elif name == "thousands-of-dates":
        dates = ", ".join(f"June {i % 28 + 1}, {1990 + i % 35}" for i in range(3000))
        path.write_text(f"Putin's visit to North Korea on {dates} was planned.\n", encoding="utf-8")
    else:  # pragma: no cover
        raise ValueError(name)
    return path


SRC_CASES = CASES["sources"]


def _src_id(case):
    return case.get("file") or case["generate"]


@pytest.fixture(scope="module")
def src_runs(tmp_path_factory):
    """Each source case alone, in one pool: its own exit code, its own time, its own report."""
    folder = tmp_path_factory.mktemp("generated")

    def one(case):
        if case.get("skip_as_root") and IS_ROOT:
            return None
        if "generate" in case:
            arg = str(_generate(case["generate"], folder))
        else:
            arg = str((HERE / "sources" / case["file"]).relative_to(ROOT))
        args = ["check", "--facts", str(SOURCE_FACTS), "--format", "json", "--jobs", "1", arg]
        if _src_id(case) in _SOURCE_SUBPROCESS:
            return _run(args, ROOT)
        t = time.perf_counter()
        proc = _in_process(args, ROOT)
        return proc, time.perf_counter() - t
    with ThreadPoolExecutor(max_workers=2) as pool:  # the subprocess cases run beside the rest
        slow = {c["generate"] if "generate" in c else c["file"]: pool.submit(one, c)
                for c in SRC_CASES if _src_id(c) in _SOURCE_SUBPROCESS}
        runs = {_src_id(c): one(c) for c in SRC_CASES if _src_id(c) not in _SOURCE_SUBPROCESS}
        runs.update({k: f.result() for k, f in slow.items()})
    return runs


# Source cases also run as a real subprocess (the rest call the CLI in-process).
_SOURCE_SUBPROCESS = {"good.txt", "nul-byte.txt", "long-line-5-mb"}


@pytest.mark.parametrize("case", SRC_CASES, ids=[_src_id(c) for c in SRC_CASES])
def test_source_case(case, src_runs):
    if case.get("skip_as_root") and IS_ROOT:
        pytest.skip("running as root: file permissions do not apply, so chmod 000 cannot make a file unreadable")
    proc, seconds = src_runs[_src_id(case)]
    _no_traceback(proc)
    assert proc.returncode == case["exit"], proc.stderr
    report = json.loads(proc.stdout)
    (source,) = report["sources"]
    if case["error"] is None:
        assert source["error"] is None
        assert len(report["results"]) == 3
    else:
        assert case["error"] in (source["error"] or ""), source
        assert report["results"] == []
    if "seconds" in case:  # generous for CI (runs share the machine); the point is linear, not quadratic
        assert seconds < case["seconds"], f"{seconds:.1f} s"


# --- one bad source among many ---------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    paths = []
    for i in range(100):
        p = folder / f"s{i:03d}.txt"
        if i in (7, 50, 93):
            p.write_bytes([b"bin\x00ary", b"caf\xe9", b"ok"][(7, 50, 93).index(i)])
            if i == 93:
                p.unlink()  # missing
        else:
            p.write_text(f"North Korea sent nearly {i % 9 + 1} million shells to Russia.\n", encoding="utf-8")
        paths.append(p.name)
    return folder, paths


def test_three_bad_sources_of_a_hundred_json(corpus):
    folder, paths = corpus
    proc, _ = _run(["check", "--facts", str(SOURCE_FACTS), "--format", "json", "--jobs", "1", *paths], folder)
    _no_traceback(proc)
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    errors = {s["path"]: s["error"] for s in report["sources"] if s["error"]}
    assert set(errors) == {"s007.txt", "s050.txt", "s093.txt"}
    assert "binary" in errors["s007.txt"] and "offset 3" in errors["s050.txt"] and "no such file" in errors["s093.txt"]
    good = [p for p in paths if p not in errors]
    assert len(good) == 97
    assert [(r["fact"], r["source"]) for r in report["results"]] == [
        (f, s) for f in ("nk-shells", "putin-nk-visit", "russia-defense-minister") for s in good]
    statuses = {r["source"]: r["status"] for r in report["results"] if r["fact"] == "nk-shells"}
    assert statuses["s004.txt"] == "match" and statuses["s000.txt"] == "contradiction"
    assert report["summary"]["errors"] == 3


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"json"}))
def test_three_bad_sources_of_a_hundred_every_format(corpus, fmt, tmp_path):
    """In-process (one interpreter for all formats): each format names every good source and the bad ones."""
    from checker.cli import main

    folder, paths = corpus
    out = tmp_path / f"report.{fmt}"
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        code = main(["check", "--facts", str(SOURCE_FACTS), "--format", fmt, "--jobs", "1", "--quiet",
                     "--output", str(out), *paths])
    finally:
        os.chdir(cwd)
    assert code == 2
    text = out.read_text(encoding="utf-8")
    # github annotates failures only (its docstring says so); its summary counts the rest
    named = ["s007.txt", "s050.txt", "s093.txt"] if fmt == "github" else paths
    for p in named:
        assert p in text, (fmt, p)
    if fmt == "github":
        assert "100 sources" in text and "3 errors" in text

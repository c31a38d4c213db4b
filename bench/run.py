"""Speed benchmark of `checker check` on synthetic corpora (issue 6).

    python bench/run.py            # the full grid: 100/1,000/10,000 facts x 1,000/10,000 articles
    python bench/run.py --quick    # 100/1,000 facts x 300/1,000 articles
    python bench/run.py --facts-grid 1000 --articles-grid 10000 --skip-baseline --skip-identity

Corpora come from bench/generate.py and are kept under --cache (reused when
their manifest matches). Every run of the checker is

    checker check --facts DIR/facts.yaml --format json --omit-gaps --output /dev/null \\
                  --jobs J --date 2024-06-17

as a subprocess. Articles for one N are shared by every F (a symlinked
`articles/` folder), so fact counts are compared on the very same texts.

Measured per run:
- wall time, around the subprocess;
- peak RSS of the largest single process of the tree (the checker or one of
  its workers): `resource.getrusage(RUSAGE_CHILDREN).ru_maxrss` in a small
  wrapper process that starts the checker, so each run has its own figure;
- peak RSS of the whole tree, summed over its processes, sampled from
  /proc/PID/statm every 50 ms (psutil is not used). Forked workers share pages
  with their parent, so the sum overstates real memory somewhat.

Also, in the same invocation:
- a NAIVE BASELINE (`--naive-engine-run`, run in a subprocess the same way): the
  checker's own engine one fact at a time. A fact base of each fact alone is
  built (set-up, timed apart and left out), then every article is scanned by
  each one-fact base in turn: the same reading, binding and verdicts, but one
  pass per fact instead of one automaton for all. The speed-up is its checking
  time over the checker's whole run (start-up included);
- a FLOOR (`--naive-run`): for each fact, `str.find` for each of its anchors and
  aliases in each article's lowercased text, then the checker's value parsers
  (find_dates, find_numbers) only in sentences where the anchors were found,
  with crude verdicts (no clauses, cues, hedges or competing facts): a floor on
  the work per pair, not a rival in accuracy;
- an identity check: `--jobs 1` and `--jobs 2` must give byte-identical JSON.

A grid cell whose time, extrapolated from the same fact count on fewer
articles, would exceed --timeout is skipped and reported as such; a run that
passes --timeout or --max-rss-gb is stopped (its process group, which this
script started) and reported.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402  (bench/generate.py, beside this file)

DATE = generate.PUBLICATION_DATE.isoformat()
PAGE = os.sysconf("SC_PAGE_SIZE")

_WRAPPER = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[3:], stderr=open(sys.argv[2], "wb"), stdout=subprocess.PIPE)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as fh:
    json.dump({"rc": p.returncode, "wall": wall, "maxrss_kb": ru.ru_maxrss, "cpu": ru.ru_utime + ru.ru_stime,
               "stdout": p.stdout.decode("utf-8", "replace")[-4000:]}, fh)
"""


def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (all processes, all cores)."""
    with open("/proc/stat", encoding="ascii") as fh:
        f = [int(x) for x in fh.readline().split()[1:]]
    return (sum(f[:8]) - f[3] - f[4]) / os.sysconf("SC_CLK_TCK")  # all but idle and iowait



# --- corpora ---------------------------------------------------------------------------
def _manifest(path: str) -> dict | None:
    try:
        with open(os.path.join(path, "manifest.json"), encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def corpus(cache: str, n_articles: int, n_facts: int, seed: int, world: int,
           mentioned: int | None = None) -> tuple[str, int]:
    """(folder with facts.yaml and articles/, article bytes), generated once and reused."""
    world = max(world, n_facts)
    tag = f"-s{seed}-w{world}" + (f"-m{mentioned}" if mentioned else "")
    art_dir = os.path.join(cache, f"articles-n{n_articles}{tag}")
    m = _manifest(art_dir)
    if not (m and m["articles"] == n_articles and m["seed"] == seed and m["world_facts"] == world
            and m.get("mentioned") == mentioned):
        shutil.rmtree(art_dir, ignore_errors=True)
        t = time.perf_counter()
        m = generate.write_corpus(art_dir, n_articles, 1, seed, world, mentioned=mentioned)
        print(f"  generated {n_articles} articles ({m['bytes'] / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s",
              flush=True)
    size = m["bytes"]
    out = os.path.join(cache, f"n{n_articles}-f{n_facts}{tag}")
    fm = _manifest(out)
    if not (fm and fm["facts"] == n_facts and os.path.islink(os.path.join(out, "articles"))):
        shutil.rmtree(out, ignore_errors=True)
        generate.write_corpus(out, n_articles, n_facts, seed, world, articles=False)
        os.symlink(os.path.join(os.path.abspath(art_dir), "articles"), os.path.join(out, "articles"))
    return out, size


# --- measuring ----------------------------------------------------------------------------
def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
            ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, list(children.get(root, ()))  # the wrapper (root) itself is not counted
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            pass
    return total


def measure(cmd: list[str], timeout: float, max_rss: float, cwd: str | None = None) -> dict:
    """Run cmd (through the wrapper); wall time, peak RSS (largest process, whole tree), exit code."""
    with tempfile.TemporaryDirectory(prefix="checker-bench-run-") as tmp:
        out, err = os.path.join(tmp, "m.json"), os.path.join(tmp, "stderr")
        t0, busy0 = time.perf_counter(), _busy_seconds()
        proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, out, err, *cmd], cwd=cwd, start_new_session=True)
        peak, stop, why = [0], threading.Event(), [None]

        def sample():
            while not stop.wait(0.05):
                rss = _tree_rss(proc.pid)
                peak[0] = max(peak[0], rss)
                if rss > max_rss:
                    why[0] = f"stopped: tree RSS passed {max_rss / 2**30:.0f} GiB"
                elif time.perf_counter() - t0 > timeout:
                    why[0] = f"stopped: over the {timeout:.0f} s timeout"
                if why[0]:
                    os.killpg(proc.pid, signal.SIGKILL)  # the session this script started
                    return
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        proc.wait()
        stop.set()
        sampler.join()
        wall, busy = time.perf_counter() - t0, _busy_seconds() - busy0
        result = {"rc": None, "wall": wall, "maxrss_mb": None, "tree_rss_mb": peak[0] / 2**20, "stopped": why[0]}
        if why[0] is None and os.path.exists(out):
            with open(out, encoding="utf-8") as fh:
                m = json.load(fh)
            result.update(rc=m["rc"], wall=m["wall"], maxrss_mb=m["maxrss_kb"] / 1024, cpu=m["cpu"],
                          stdout=m["stdout"])
            # CPU that other processes on the machine used meanwhile, in cores: a busy
            # machine (another session's tests) slows the run down.
            result["others_cores"] = max(0.0, busy - m["cpu"]) / wall
        with open(err, encoding="utf-8", errors="replace") as fh:
            result["stderr"] = fh.read()[-2000:]
        return result


def checker_fingerprint() -> str:
    """A hash of the checker's source, to tell which version a run measured (it may change under us)."""
    import checker
    root = os.path.dirname(checker.__file__)
    h = hashlib.sha256()
    for path in sorted(glob.glob(os.path.join(root, "**", "*.py"), recursive=True)):
        h.update(os.path.relpath(path, root).encode())
        with open(path, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()[:12]


def checker_cmd(folder: str, jobs: int, output: str = "/dev/null") -> list[str]:
    exe = shutil.which("checker") or os.path.join(os.path.dirname(sys.executable), "checker")
    return [exe, "check", "--facts", os.path.join(folder, "facts.yaml"), "--format", "json", "--omit-gaps",
            "--output", output, "--jobs", str(jobs), "--date", DATE]


def _failed(r: dict) -> str | None:
    if r["stopped"]:
        return r["stopped"]
    if r["rc"] not in (0, 1):
        return f"exit {r['rc']}: {r['stderr'].strip()}"
    return None


# --- the naive baseline ----------------------------------------------------------------------
def naive_run(facts_path: str, date: str) -> dict:
    """For each article and each fact: str.find each anchor/alias, parse values where found."""
    import datetime as dt

    import yaml
    from checker.model import Interval
    from checker.values.dates import find_dates, parse_date_value
    from checker.values.numbers import find_numbers, parse_quantity

    with open(facts_path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    groups: dict[str, list[str]] = {}
    for canon, variants in (data.get("aliases") or {}).items():
        g = [str(canon).lower()] + [str(v).lower() for v in variants]
        for t in g:
            groups[t] = g

    def variants(term) -> list[str]:
        return groups.get(str(term).lower(), [str(term).lower()])

    facts = []
    for f in data["facts"]:
        kind, spec = f["kind"], {"id": f["id"], "kind": f["kind"]}
        if kind == "official":
            spec["anchors"] = [variants(f["role"])] + ([variants(f["of"])] if f.get("of") else [])
            spec["surname"] = f["person"].split()[-1].lower()
        else:
            spec["anchors"] = [variants(a) for a in f.get("about", [])]
        if kind == "date":
            spec["value"] = parse_date_value(str(f["value"]))
        elif kind == "quantity":
            units = f["unit"] if isinstance(f["unit"], list) else [f["unit"]]
            spec["units"] = [v for u in units for v in variants(u)]
            iv = parse_quantity(str(f["value"]))
            tol = str(f.get("tolerance", "0"))
            w = float(tol.rstrip("%")) / 100 * abs(iv.hi) if tol.endswith("%") else float(tol)
            spec["value"] = Interval(iv.lo - w, iv.hi + w)
        facts.append(spec)
    base = os.path.dirname(facts_path)
    paths = sorted(p for s in data["sources"] for p in glob.glob(os.path.join(base, s)))
    ref = dt.date.fromisoformat(date)

    def judge(f, text, low, s, e) -> str:
        if f["kind"] == "date":
            for m in find_dates(text, s, e, ref=ref):
                return "match" if m.value.consistent_with(f["value"]) else "contradiction"
        elif f["kind"] == "quantity":
            for m in find_numbers(text, s, e):
                after = low[m.end:m.end + 25]
                if m.is_count and (any(u in after for u in f["units"]) or m.currency and "$" in f["units"]):
                    return "match" if m.interval.overlaps(f["value"]) else "contradiction"
        elif f["surname"] in low[s:e]:
            return "match"
        return "gap"

    results = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        low, n = text.lower(), len(text)
        for f in facts:
            status = "gap"
            if f["anchors"]:
                for v in f["anchors"][0]:
                    i = low.find(v)
                    while i >= 0 and status != "contradiction":
                        j = i + len(v)
                        if (i == 0 or not low[i - 1].isalnum()) and (j >= n or not low[j].isalnum()):
                            s = max(low.rfind(". ", 0, i), low.rfind("\n", 0, i)) + 1
                            e = min((k for k in (low.find(". ", j), low.find("\n", j)) if k >= 0), default=n)
                            sentence = low[s:e]
                            if all(any(w in sentence for w in g) for g in f["anchors"][1:]):
                                st = judge(f, text, low, s, e)
                                if st == "contradiction" or status == "gap":
                                    status = st
                        i = low.find(v, i + 1)
            results.append((f["id"], path, status))
    shown = [r for r in results if r[2] != "gap"]
    with open(os.devnull, "w") as fh:
        json.dump(shown, fh)
    return {s: sum(1 for r in results if r[2] == s) for s in ("match", "contradiction", "gap")}


def naive_engine_run(facts_path: str, date: str) -> dict:
    """The checker's own reading and validators, one fact at a time.

    For each fact, a fact base of that fact alone (its phrases, its automaton) is
    built once; then each article is read once and scanned by every one-fact base
    in turn, and every pair gets its result. This is the design the one-pass
    automaton replaces: the same verdict work, but one scan per fact. Set-up (the
    one-fact bases) is timed apart and left out of the comparison.
    """
    import datetime as dt
    import time

    import yaml
    from checker.engine import findings_for, results_for
    from checker.factbase import parse_factbase
    from checker.sources import read_source, resolve

    t0 = time.perf_counter()
    with open(facts_path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    base = {k: v for k, v in data.items() if k not in ("facts", "aliases")}
    aliases = data.get("aliases") or {}

    def words(value) -> set[str]:
        if isinstance(value, dict):
            return set().union(*map(words, value.values())) if value else set()
        if isinstance(value, list):
            return set().union(*map(words, value)) if value else set()
        return {str(value).lower()}

    def own_aliases(fact) -> dict:  # only the groups this fact's phrases belong to: the same phrases, less to build
        said = words(fact)
        return {k: v for k, v in aliases.items() if str(k).lower() in said or said & {str(x).lower() for x in v}}

    singles = [parse_factbase(yaml.safe_dump({**base, "aliases": own_aliases(f), "facts": [f]}, sort_keys=False),
                              facts_path) for f in data["facts"]]
    refs = resolve(singles[0], [])
    ref_date = dt.date.fromisoformat(date)
    t1 = time.perf_counter()
    counts = {"match": 0, "contradiction": 0, "gap": 0}
    for ref in refs:
        doc = read_source(ref, ref_date, None)
        for fb in singles:
            for r in results_for(fb, doc, findings_for(fb, doc)):
                counts[r.status] += 1
    t2 = time.perf_counter()
    return {**counts, "setup_s": t1 - t0, "check_s": t2 - t1}


# --- reporting ---------------------------------------------------------------------------------
def _fmt_row(cells, widths):
    return "  ".join(str(c).rjust(w) for c, w in zip(cells, widths))


def _sha(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def _ints(text: str) -> list[int]:
    return [int(x.replace("_", "").replace(",", "")) for x in text.split()] if text else []


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Speed benchmark of `checker check` (see the module docstring).")
    p.add_argument("--quick", action="store_true", help="a small grid: 100/1,000 facts x 300/1,000 articles")
    p.add_argument("--facts-grid", metavar="'F ...'", help="fact counts (default: 100 1000 10000)")
    p.add_argument("--articles-grid", metavar="'N ...'", help="article counts (default: 1000 10000)")
    p.add_argument("--jobs", type=int, default=2, help="--jobs for the grid (default 2)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--world", type=int, default=generate.DEFAULT_WORLD, help="see bench/generate.py --world")
    p.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "checker-bench-corpora"),
                   help="where corpora are kept and reused (default: TMPDIR/checker-bench-corpora)")
    p.add_argument("--timeout", type=float, default=300, help="seconds before a run is stopped (default 300)")
    p.add_argument("--max-rss-gb", type=float, default=8, help="tree RSS (GiB) at which a run is stopped (default 8)")
    p.add_argument("--baseline-size", default="1000 300", metavar="'F N'",
                   help="facts and articles for the naive baseline (default '1000 300')")
    p.add_argument("--identity-size", default="1000 1000", metavar="'F N'",
                   help="facts and articles for the --jobs 1 / --jobs 2 identity check (default '1000 1000')")
    p.add_argument("--mentioned", type=int, default=1000, metavar="M",
                   help="also time 1,000 and 10,000 facts on articles that tell only the first M facts' stories "
                        "(default 1000; 0 skips it)")
    p.add_argument("--skip-baseline", action="store_true")
    p.add_argument("--skip-identity", action="store_true")
    p.add_argument("--skip-grid", action="store_true")
    p.add_argument("--profile", metavar="'F N'", action="append", default=[],
                   help="also profile one --jobs 1 run of this size with cProfile and print the top entries "
                        "(repeatable)")
    p.add_argument("--json", metavar="FILE", help="also write every figure to FILE as JSON")
    p.add_argument("--naive-run", metavar="FACTS", help=argparse.SUPPRESS)  # the floor's own process
    p.add_argument("--naive-engine-run", metavar="FACTS", help=argparse.SUPPRESS)  # the baseline's own process
    args = p.parse_args(argv)

    if args.naive_run:
        print(json.dumps(naive_run(args.naive_run, DATE)))
        return 0
    if args.naive_engine_run:
        print(json.dumps(naive_engine_run(args.naive_engine_run, DATE)))
        return 0

    f_grid = _ints(args.facts_grid) or ([100, 1000] if args.quick else [100, 1000, 10000])
    n_grid = _ints(args.articles_grid) or ([300, 1000] if args.quick else [1000, 10000])
    os.makedirs(args.cache, exist_ok=True)
    max_rss = args.max_rss_gb * 2**30
    figures: dict = {"machine": {"nproc": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform(), "date": DATE}, "grid": [], "notes": []}
    figures["checker_source_before"] = checker_fingerprint()
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}; "
          f"load average {os.getloadavg()[0]:.2f}; checker source {figures['checker_source_before']}")
    print("peak RSS: 'proc' = largest single process (getrusage RUSAGE_CHILDREN in a wrapper); "
          "'tree' = sum over the process tree (sampled /proc every 50 ms; psutil not used)\n", flush=True)
    failures = []

    # 1. --jobs 1 and --jobs 2 give byte-identical JSON
    if not args.skip_identity:
        fi, ni = _ints(args.identity_size)
        folder, _ = corpus(args.cache, ni, fi, args.seed, args.world)
        with tempfile.TemporaryDirectory(prefix="checker-bench-id-") as tmp:
            outs, runs = [], []
            for j in (1, 2):
                out = os.path.join(tmp, f"jobs{j}.json")
                r = measure(checker_cmd(folder, j, out), args.timeout, max_rss)
                runs.append(r)
                outs.append(out if os.path.exists(out) else None)
            same = all(outs) and _sha(outs[0]) == _sha(outs[1])
            summary = json.load(open(outs[0], encoding="utf-8"))["summary"] if outs[0] else None
        ident = {"facts": fi, "articles": ni, "identical": same, "summary": summary,
                 "others_cores": [r.get("others_cores") for r in runs],
                 "wall_jobs1": runs[0]["wall"], "wall_jobs2": runs[1]["wall"],
                 "failed": [_failed(r) for r in runs]}
        figures["identity"] = ident
        print(f"identity ({fi} facts x {ni} articles): --jobs 1 and --jobs 2 JSON "
              f"{'byte-identical' if same else 'DIFFER'} "
              f"({runs[0]['wall']:.1f} s / {runs[1]['wall']:.1f} s); summary {summary}", flush=True)
        failures += [f for f in ident["failed"] if f]

    # 2. the naive baseline, and the checker at the same size
    if not args.skip_baseline:
        fb_, nb = _ints(args.baseline_size)
        folder, size = corpus(args.cache, nb, fb_, args.seed, args.world)
        per_fact = measure([sys.executable, os.path.abspath(__file__), "--naive-engine-run",
                            os.path.join(folder, "facts.yaml")], args.timeout * 4, max_rss)
        naive = measure([sys.executable, os.path.abspath(__file__), "--naive-run",
                         os.path.join(folder, "facts.yaml")], args.timeout * 4, max_rss)
        real = {j: measure(checker_cmd(folder, j), args.timeout, max_rss) for j in (1, 2)}
        one = measure(checker_cmd(folder, 1) + [sorted(glob.glob(os.path.join(folder, "articles", "*.txt")))[0]],
                      args.timeout, max_rss)
        pf = json.loads(per_fact["stdout"]) if per_fact.get("stdout") else {}
        checker_counts = None
        with tempfile.TemporaryDirectory(prefix="checker-bench-base-") as tmp:
            out = os.path.join(tmp, "report.json")
            if measure(checker_cmd(folder, 1, out), args.timeout, max_rss).get("rc") in (0, 1):
                checker_counts = json.load(open(out, encoding="utf-8"))["summary"]
        base = {"facts": fb_, "articles": nb,
                "per_fact_check_s": pf.get("check_s"), "per_fact_setup_s": pf.get("setup_s"),
                "per_fact_wall": per_fact["wall"], "per_fact_rss_mb": per_fact["maxrss_mb"],
                "per_fact_counts": {k: pf.get(k) for k in ("match", "contradiction", "gap")} if pf else None,
                "checker_counts": checker_counts,
                "naive_wall": naive["wall"], "naive_rss_mb": naive["maxrss_mb"],
                "naive_cpu": naive.get("cpu"), "checker_cpu_jobs1": real[1].get("cpu"),
                "naive_counts": json.loads(naive["stdout"]) if naive.get("stdout") else None,
                "others_cores": [x.get("others_cores") for x in (per_fact, naive, real[1], real[2])],
                "checker_wall_jobs1": real[1]["wall"], "checker_wall_jobs2": real[2]["wall"],
                "checker_one_article_wall": one["wall"],
                "speedup_jobs1": (pf.get("check_s") or 0) / real[1]["wall"],
                "speedup_jobs2": (pf.get("check_s") or 0) / real[2]["wall"],
                "floor_ratio_jobs1": naive["wall"] / real[1]["wall"],
                "failed": [_failed(r) for r in (per_fact, naive, real[1], real[2], one)]}
        figures["baseline"] = base
        print(f"naive baseline ({fb_} facts x {nb} articles, {size / 1e6:.1f} MB): the checker's own engine one fact "
              f"at a time (a one-fact base scans each article per fact): {pf.get('check_s', 0):.1f} s of checking "
              f"(its {pf.get('setup_s', 0):.1f} s of set-up left out); verdicts {base['per_fact_counts']}")
        print(f"  the checker, whole process: --jobs 1 {real[1]['wall']:.1f} s, --jobs 2 {real[2]['wall']:.1f} s "
              f"(on 1 article: {one['wall']:.1f} s of start-up and fact-base load); verdicts {checker_counts}")
        print(f"  speed-up over the naive baseline: {base['speedup_jobs1']:.1f}x with --jobs 1, "
              f"{base['speedup_jobs2']:.1f}x with --jobs 2")
        print(f"  floor (str.find per fact and anchor, crude verdicts, no binding): {naive['wall']:.1f} s, "
              f"{base['floor_ratio_jobs1']:.2f}x the checker's --jobs 1 time; verdicts {base['naive_counts']}")
        print("  other processes used " + ", ".join(f"{x:.2f}" for x in base["others_cores"] if x is not None)
              + " cores meanwhile\n", flush=True)
        failures += [f for f in base["failed"] if f]

    # 3. the grid
    widths = (7, 8, 6, 8, 7, 10, 6, 11, 8, 8, 7)
    print(_fmt_row(("facts", "articles", "MB", "wall s", "CPU s", "articles/s", "MB/s", "pairs/s", "RSS proc",
                    "RSS tree", "others"), widths)
          + f"   (--jobs {args.jobs}; RSS in MB; others = cores used by other processes meanwhile)", flush=True)
    for f in ([] if args.skip_grid else f_grid):
        last = None
        for n in sorted(n_grid):
            folder, size = corpus(args.cache, n, f, args.seed, args.world)
            cell = {"facts": f, "articles": n, "mb": size / 1e6, "jobs": args.jobs}
            if last and last["wall"] * n / last["articles"] > args.timeout:
                cell["skipped"] = (f"skipped: {last['wall']:.0f} s for {last['articles']} articles predicts "
                                   f"~{last['wall'] * n / last['articles']:.0f} s, over the {args.timeout:.0f} s timeout")
                print(_fmt_row((f, n, f"{size / 1e6:.1f}"), widths[:3]) + "  " + cell["skipped"], flush=True)
                figures["grid"].append(cell)
                continue
            r = measure(checker_cmd(folder, args.jobs), args.timeout, max_rss)
            cell.update(wall=r["wall"], rc=r["rc"], rss_proc_mb=r["maxrss_mb"], rss_tree_mb=r["tree_rss_mb"],
                        cpu=r.get("cpu"), others_cores=r.get("others_cores"), failed=_failed(r))
            if cell["failed"]:
                failures.append(cell["failed"])
                print(_fmt_row((f, n, f"{size / 1e6:.1f}", f">{r['wall']:.0f}" if r["stopped"] else f"{r['wall']:.1f}"),
                               widths[:4]) + "  " + cell["failed"] + f" (tree RSS {r['tree_rss_mb']:.0f} MB)", flush=True)
                if r["stopped"]:  # a larger run of this fact count would be stopped too
                    last = {"wall": max(r["wall"], args.timeout), "articles": n}
            else:
                print(_fmt_row((f, n, f"{size / 1e6:.1f}", f"{r['wall']:.1f}", f"{r['cpu']:.1f}", f"{n / r['wall']:.0f}",
                                f"{size / 1e6 / r['wall']:.2f}", f"{f * n / r['wall']:,.0f}",
                                f"{r['maxrss_mb']:.0f}", f"{r['tree_rss_mb']:.0f}", f"{r['others_cores']:.2f}"),
                               widths), flush=True)
                last = {"wall": r["wall"], "articles": n}
            figures["grid"].append(cell)

    # 3b. the same fact counts on articles that mention only the first M facts
    figures["mentioned"] = []
    if args.mentioned and not args.skip_grid:
        n = max(n_grid)
        print(f"\non {n} articles that tell only the stories of the first {args.mentioned} facts "
              f"(the extra facts of a larger base are never mentioned):", flush=True)
        for f in (1000, 10000):
            folder, size = corpus(args.cache, n, f, args.seed, args.world, args.mentioned)
            r = measure(checker_cmd(folder, args.jobs), args.timeout, max_rss)
            cell = {"facts": f, "articles": n, "mentioned": args.mentioned, "mb": size / 1e6, "wall": r["wall"],
                    "cpu": r.get("cpu"), "rss_proc_mb": r["maxrss_mb"], "rss_tree_mb": r["tree_rss_mb"],
                    "others_cores": r.get("others_cores"), "failed": _failed(r)}
            figures["mentioned"].append(cell)
            if cell["failed"]:
                failures.append(cell["failed"])
                print(f"  {f} facts: {cell['failed']}", flush=True)
            else:
                print(_fmt_row((f, n, f"{size / 1e6:.1f}", f"{r['wall']:.1f}", f"{r['cpu']:.1f}", f"{n / r['wall']:.0f}",
                                f"{size / 1e6 / r['wall']:.2f}", f"{f * n / r['wall']:,.0f}",
                                f"{r['maxrss_mb']:.0f}", f"{r['tree_rss_mb']:.0f}", f"{r['others_cores']:.2f}"),
                               widths), flush=True)

    # 4. targets
    cells = {(c["facts"], c["articles"]): c for c in figures["grid"] if c.get("wall") and not c.get("failed")}
    print()
    t = cells.get((1000, 10000))
    if t:
        print(f"target 1,000 facts x 10,000 articles in <= 20 s with --jobs 2: {t['wall']:.1f} s "
              f"-> {'met' if t['wall'] <= 20 else 'NOT met'}; peak RSS <= 1 GB: proc {t['rss_proc_mb']:.0f} MB, "
              f"tree {t['rss_tree_mb']:.0f} MB -> {'met' if t['rss_tree_mb'] <= 1024 else 'NOT met'}")
    for n in sorted(n_grid):
        a, b = cells.get((1000, n)), cells.get((10000, n))
        if a and b:
            ratio = b["wall"] / a["wall"]
            print(f"target 10,000 facts <= 1.5x the time of 1,000 ({n} articles): {ratio:.2f}x -> "
                  f"{'met' if ratio <= 1.5 else 'NOT met'}")
    m = [c for c in figures["mentioned"] if not c["failed"]]
    if len(m) == 2:
        ratio = m[1]["wall"] / m[0]["wall"]
        print(f"  the same, on articles that mention only the first {args.mentioned} facts ({m[0]['articles']} articles): "
              f"{ratio:.2f}x -> {'met' if ratio <= 1.5 else 'NOT met'}")
        figures["mentioned_ratio"] = ratio
    if "baseline" in figures:
        s = figures["baseline"]["speedup_jobs1"]
        print(f"target >= 10x the naive baseline at 1,000 facts: {s:.1f}x (--jobs 1, against the one-fact-at-a-time "
              f"engine) -> {'met' if s >= 10 else 'NOT met'}")

    # 5. profile
    figures["profile"] = {}
    for spec in args.profile:
        fp, np_ = _ints(spec)
        folder, _ = corpus(args.cache, np_, fp, args.seed, args.world)
        import io
        import pstats
        with tempfile.TemporaryDirectory(prefix="checker-bench-prof-") as tmp:
            dump = os.path.join(tmp, "profile.out")
            cmd = [sys.executable, "-m", "cProfile", "-o", dump, "-m", "checker", *checker_cmd(folder, 1)[1:]]
            print(f"\nprofile ({fp} facts x {np_} articles, --jobs 1): {' '.join(cmd)}", flush=True)
            subprocess.run(cmd, capture_output=True, text=True)
            buf = io.StringIO()
            stats = pstats.Stats(dump, stream=buf).strip_dirs()
            stats.sort_stats("cumulative").print_stats(35)
            stats.sort_stats("tottime").print_stats(20)
        lines = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
        print("\n".join(lines))
        figures["profile"][spec] = {"command": " ".join(cmd), "top": lines}

    figures["checker_source_after"] = checker_fingerprint()
    if figures["checker_source_after"] != figures["checker_source_before"]:
        print(f"\nnote: the checker's source changed during the run "
              f"({figures['checker_source_before']} -> {figures['checker_source_after']})")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(figures, fh, indent=1, default=str)
    if failures:
        print("\nFAILED RUNS:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

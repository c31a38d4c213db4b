"""`--changed-since REF`: check only what git says changed, and say which verdicts flipped.

A pull-request check wants two things: to look only at the articles the change
touches (all of them when the fact base itself changed), and to see which
verdicts the change turned ("a match that became a contradiction"). The
verdicts at REF come from the same checker run on the files as they were at
REF, read with `git show`.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from .errors import UsageError
from .model import Report


@dataclass(frozen=True)
class Flip:
    fact: str
    source: str
    before: str   # the status at REF, or "new" for a source or fact that did not exist
    after: str


def _git(cwd: str, *args: str) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, which is not installed") from None
    if proc.returncode != 0:
        raise UsageError(f"--changed-since: git {' '.join(args[:2])} failed: "
                         f"{proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode}")
    return proc.stdout


def _top(path: str) -> str:
    return _git(os.path.dirname(os.path.abspath(path)) or ".", "rev-parse", "--show-toplevel").strip()


def changed_files(facts_path: str, rev: str) -> set[str]:
    """Absolute paths git reports as added or changed since `rev` (committed or not), and untracked files."""
    top = _top(facts_path)
    _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    names = _git(top, "diff", "--name-only", "-z", "--diff-filter=ACMRT", rev, "--").split("\0")
    names += _git(top, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    return {os.path.realpath(os.path.join(top, n)) for n in names if n}


def select(facts_path: str, refs: list, rev: str) -> tuple[list, bool]:
    """The sources to check, and whether the fact base itself changed (then all of them)."""
    changed = changed_files(facts_path, rev)
    if os.path.realpath(facts_path) in changed:
        return refs, True
    return [r for r in refs if os.path.realpath(r.open_path) in changed], False


def _at(top: str, rev: str, path: str) -> str | None:
    rel = os.path.relpath(os.path.realpath(path), top)
    try:
        return _git(top, "show", f"{rev}:{rel}")
    except UsageError:
        return None  # not in git at REF: a new file


def flips(report: Report, facts_path: str, rev: str, refs: list, cli_date=None) -> list[Flip]:
    """Verdicts that differ between REF and now, for the sources checked."""
    from .engine import findings_for, results_for
    from .errors import InputError
    from .factbase import parse_factbase
    from .sources import make_document

    top = _top(facts_path)
    old_facts = _at(top, rev, facts_path)
    try:
        old_fb = parse_factbase(old_facts, facts_path) if old_facts is not None else None
    except InputError:
        old_fb = None  # the fact base was broken at REF: every verdict is new
    now: dict[str, list] = {}
    for r in report.results:
        now.setdefault(r.source, []).append((r.fact, r.status))
    out = []
    for ref in refs:
        text = _at(top, rev, ref.open_path)
        before: dict = {}
        if old_fb is not None and text is not None:
            doc = make_document(ref.path, text, ref.date, cli_date, old_fb.reference_date, ref.open_path)
            before = {r.fact: r.status for r in results_for(old_fb, doc, findings_for(old_fb, doc))}
        for fact, status in sorted(now.get(ref.path, [])):
            was = before.get(fact, "new")
            if was != status and not (was == "new" and status == "gap"):
                out.append(Flip(fact, ref.path, was, status))
    return out

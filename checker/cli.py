"""The command line: `checker [check|lint|explain]`.

The CLI parses arguments, runs the engine, picks a renderer from the registry
and decides the exit code once, from the report: 0 nothing fails, 1 a
contradiction (or a gap, per --fail-on and `required`), 2 bad input.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import traceback

from . import __version__
from .errors import InputError, UsageError
from .model import Report

COMMANDS = ("check", "lint", "explain")
FAIL_ON = ("contradiction", "gap", "never")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date YYYY-MM-DD") from None


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes (1 or more)")
    return n


def build_parser() -> argparse.ArgumentParser:
    from .reporters import FORMATS

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--facts", default="facts.yaml", metavar="F", help="the fact base (default: facts.yaml)")
    common.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    parser = argparse.ArgumentParser(prog="checker", description="Check news texts against a fact base.")
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", parents=[common], help="check sources against the fact base (the default)")
    check.add_argument("sources", nargs="*", metavar="SOURCE", help="texts to check (default: the fact base's sources)")
    check.add_argument("--format", default="table", choices=sorted(FORMATS), help="report format (default: table)")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    check.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="publication date for sources without one")
    check.add_argument("--fail-on", default="contradiction", choices=FAIL_ON,
                       help="what fails the run (default: contradiction)")
    check.add_argument("--omit-gaps", action="store_true", help="leave gap results out (the summary still counts them)")
    check.add_argument("--jobs", type=_jobs, default=None, metavar="N", help="processes to use (default: all cores)")
    check.add_argument("--encoding", default="utf-8", help="text encoding of the sources (default: utf-8)")
    check.add_argument("--changed-since", metavar="REF",
                       help="check only sources git reports as changed since REF (all when the fact base "
                            "changed), and list the verdicts that changed")
    check.add_argument("--quiet", action="store_true", help="print nothing but errors; the exit code tells")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour in the table (default: auto, only on a terminal; NO_COLOR is respected)")
    lint = sub.add_parser("lint", parents=[common], help="validate the fact base only")
    lint.add_argument("--quiet", action="store_true", help="print nothing when the fact base is valid")
    explain = sub.add_parser("explain", parents=[common], help="why a fact has its status in a source")
    explain.add_argument("fact_id", metavar="FACT_ID")
    explain.add_argument("source", metavar="SOURCE")
    explain.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="publication date if the source has none")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "check")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "lint":
            return _lint(args)
        if args.command == "explain":
            return _explain(args)
        return _check(args)
    except InputError as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        return 2
    except UsageError as e:
        print(f"checker: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("checker: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: say so plainly, traceback only on request
        if args.debug:
            traceback.print_exc()
        else:
            print(f"checker: internal error: {type(e).__name__}: {e} (run with --debug for details)", file=sys.stderr)
        return 3


def _lint(args) -> int:
    from .factbase import load_factbase

    fb = load_factbase(args.facts)
    if not args.quiet:
        kinds = {}
        for f in fb.facts:
            kinds[f.kind] = kinds.get(f.kind, 0) + 1
        detail = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        print(f"{args.facts}: {len(fb.facts)} facts OK ({detail}), {len(fb.sources)} source entries")
    return 0


def _check(args) -> int:
    from .engine import run
    from .factbase import load_factbase
    from .reporters import render
    from .schemas import guard
    from .schemas import prepare as prepare_guard
    from .sources import resolve

    fb = load_factbase(args.facts)
    refs = resolve(fb, args.sources)
    if not refs:
        raise UsageError(f"no sources: give files on the command line or a 'sources' list in {args.facts}")
    if args.changed_since:
        from .changes import select

        refs, _ = select(args.facts, refs, args.changed_since)
        if not refs:
            if not args.quiet:
                print(f"checker: no sources changed since {args.changed_since}", file=sys.stderr)
            return 0
    with _progress_bar(len(refs), args.quiet) as bar:
        report = run(fb, refs, args.date, omit_gaps=args.omit_gaps, encoding=args.encoding, jobs=args.jobs,
                     progress=bar.update, meanwhile=prepare_guard)
    guard(report)
    if args.changed_since:
        from .changes import flips

        report.extra["changes"] = {"since": args.changed_since,
                                   "flipped": flips(report, args.facts, args.changed_since, refs, args.date)}
    colour = _want_colour(args)
    text = render(args.format, report, colour=colour and not args.output, unicode=_unicode_ok())
    if args.output:
        write_atomically(args.output, text)
    elif not args.quiet:
        sys.stdout.write(text)
    if args.quiet or args.output:
        for s in report.sources:
            if s.error:
                print(f"{s.path}: {s.error}", file=sys.stderr)
    return exit_code(report, args.fail_on)


def _progress_bar(total: int, quiet: bool):
    """A bar on stderr, only on a terminal and only once a run has taken two seconds:
    a CI log and a quick run stay clean."""
    from tqdm import tqdm

    return tqdm(total=total, unit="source", file=sys.stderr, delay=2.0, leave=False,
                disable=quiet or not sys.stderr.isatty(), dynamic_ncols=True)


def exit_code(report: Report, fail_on: str) -> int:
    if report.errors:
        return 2
    if fail_on == "never":
        return 0
    if any(r.status == "contradiction" and not r.waived for r in report.results):
        return 1
    required = {f.id for f in report.facts if f.required}
    gaps = [r for r in report.results if r.status == "gap"]
    if fail_on == "gap" and (gaps or report.omitted_gaps):
        return 1
    if any(r.fact in required for r in gaps):
        return 1
    if required and report.omitted_gaps:
        return 1 if _omitted_required(report, required) else 0
    return 0


def _omitted_required(report: Report, required: set[str]) -> bool:
    present = {(r.fact, r.source) for r in report.results}
    readable = [s.path for s in report.sources if not s.error]
    return any((f, s) not in present for f in required for s in readable)


def _want_colour(args) -> bool:
    if args.color != "auto":
        return args.color == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _unicode_ok() -> bool:
    try:
        "✓✗·".encode(sys.stdout.encoding or "ascii")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def write_atomically(path: str, text: str) -> None:
    """Write a file so that readers see the old one or the whole new one, never half."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".checker-", suffix=".tmp", dir=folder)
    except OSError as e:
        raise UsageError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _explain(args) -> int:
    from .explain import explain
    from .factbase import load_factbase

    fb = load_factbase(args.facts)
    sys.stdout.write(explain(fb, args.fact_id, args.source, args.date))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

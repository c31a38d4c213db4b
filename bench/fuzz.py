"""Fuzz the input layer: any YAML, text or bytes ends in a result or a documented error, quickly.

    python bench/fuzz.py --examples 5000

Properties (the same ones tests/test_fuzz.py runs with ~50 examples each):
fact-base loader on any text and any bytes (InputError only), source reader on any
bytes (SourceError only), value parsers on any text (ValueError only), each input
within a time bound.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time

from hypothesis import HealthCheck, given, settings, strategies as st

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from checker.errors import InputError  # noqa: E402
from checker.factbase import load_factbase, parse_factbase  # noqa: E402
from checker.sources import SourceError, SourceRef, read_source  # noqa: E402
from checker.values.dates import find_dates, parse_date_value  # noqa: E402
from checker.values.names import read_name  # noqa: E402
from checker.values.numbers import find_numbers, parse_quantity  # noqa: E402

SECONDS = 2.0  # per input
YAML_WORDS = ["facts:", "version: 1", "- id: a", "kind: date", "kind: quantity", "kind: official", "value:",
              "about: [Putin]", "unit: shells", "tolerance: 10%", "&a", "*a", "!!python/object", "[", "]",
              "{", "}", "'", '"', "\n", "\n  ", "\t", ":", "- ", "? ", "<<: *a", "2024-06-18", "5 million",
              "aliases:", "sources:", "waivers:", "role: minister", "person: X", "~", "---", "#", "|", ">"]
VALUE_WORDS = ["5", "million", "billion", "nearly", "about", "up to", "to", "-", "..", "/", "June", "31",
               "2024", "2024-06", "18", "19", ",", "%", "$", "five", "half", "a", "minus", "−", "e6", "1e999",
               "Tuesday", "last", "ago", "years", "the second of", "12.7.2024", "..", " "]
yaml_docs = st.one_of(st.text(max_size=400), st.lists(st.sampled_from(YAML_WORDS), max_size=60).map(" ".join))
value_text = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(VALUE_WORDS), max_size=30).map(" ".join))


def timed(fn, *args):
    t = time.perf_counter()
    try:
        return fn(*args)
    finally:
        took = time.perf_counter() - t
        assert took < SECONDS, f"{fn.__name__} took {took:.2f} s"


def factbase_text(text):
    try:
        timed(parse_factbase, text, "f.yaml")
    except InputError as e:
        assert all(str(p).startswith("f.yaml") for p in e.problems)


def factbase_bytes(data, folder):
    path = os.path.join(folder, "f.yaml")
    with open(path, "wb") as fh:
        fh.write(data)
    try:
        timed(load_factbase, path)
    except InputError:
        pass


def source_bytes(data, folder):
    path = os.path.join(folder, "s.md")
    with open(path, "wb") as fh:
        fh.write(data)
    try:
        doc = timed(read_source, SourceRef(path, path))
        _ = doc.sentences
    except SourceError:
        pass


def values(text):
    timed(find_numbers, text)
    timed(find_dates, text, 0, None, dt.date(2024, 6, 17))
    for fn in (parse_quantity, parse_date_value):
        try:
            timed(fn, text)
        except ValueError:
            pass
    for i in range(0, len(text), max(1, len(text) // 8)):
        timed(read_name, text, i, len(text))


def properties(examples: int, derandomize: bool):
    """The properties, each wrapped by hypothesis with the given budget."""
    cfg = settings(max_examples=examples, deadline=None, derandomize=derandomize, database=None,
                   suppress_health_check=list(HealthCheck))
    folder = tempfile.mkdtemp(prefix="checker-fuzz-")
    return {
        "factbase_text": cfg(given(yaml_docs)(factbase_text)),
        "factbase_bytes": cfg(given(st.binary(max_size=400))(lambda d: factbase_bytes(d, folder))),
        "source_bytes": cfg(given(st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(
            lambda t: t.encode("utf-8", "surrogatepass"))))(lambda d: source_bytes(d, folder))),
        "values": cfg(given(value_text)(values)),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=1000)
    args = ap.parse_args()
    failed = 0
    for name, prop in properties(args.examples, derandomize=False).items():
        t = time.perf_counter()
        try:
            prop()
            print(f"{name}: {args.examples} examples OK in {time.perf_counter() - t:.1f} s")
        except Exception as e:  # report every property, then fail
            failed += 1
            print(f"{name}: FAILED: {type(e).__name__}: {e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

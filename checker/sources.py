"""Find the sources to check and read each one into a Document.

A source that cannot be read becomes an error for that source alone; the
others are still checked. Paths are shown as the user gave them.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import re
from dataclasses import dataclass

import yaml

from .text import Document, byte_position

MAX_SOURCE_BYTES = 50 * 1024 * 1024
_GLOB_CHARS = re.compile(r"[*?\[]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_MARKDOWN_EXT = (".md", ".markdown", ".mdown")


@dataclass(frozen=True)
class SourceRef:
    """A source to check: the path to show, the path to open, a date given for it."""

    path: str
    open_path: str
    date: dt.date | None = None
    error: str | None = None


class SourceError(Exception):
    """This source cannot be read; the message says why."""


def resolve(factbase, cli_paths: list[str] | None) -> list[SourceRef]:
    """Sources from the command line (as typed) or from the fact base (joined to its folder)."""
    out: list[SourceRef] = []
    base = os.path.dirname(factbase.path)
    listed: list[SourceRef] = []
    for spec in factbase.sources:
        listed.extend(_expand(os.path.join(base, spec.pattern), spec.pattern, spec.date))
    if cli_paths:
        # A file the fact base lists keeps the date given for it there.
        dates = {os.path.normpath(r.path): r.date for r in listed if r.date}
        for p in cli_paths:
            out.extend(SourceRef(r.path, r.open_path, r.date or dates.get(os.path.normpath(r.path)), r.error)
                       for r in _expand(p, p, None))
    else:
        out = listed
    seen, unique = set(), []
    for ref in out:
        if ref.path not in seen:
            seen.add(ref.path)
            unique.append(ref)
    return unique


def _expand(path: str, as_given: str, date: dt.date | None) -> list[SourceRef]:
    if _GLOB_CHARS.search(as_given) and not os.path.exists(path):
        matches = sorted(m for m in glob.glob(path, recursive=True) if not os.path.isdir(m))
        if not matches:
            return [SourceRef(path, path, date, f"no file matches '{as_given}'")]
        return [SourceRef(m, m, date) for m in matches]
    return [SourceRef(path, path, date)]


def read_source(ref: SourceRef, cli_date: dt.date | None = None, reference_date: dt.date | None = None,
                encoding: str = "utf-8") -> Document:
    """Read one source; raise SourceError with a clear reason when it cannot be read."""
    if ref.error:
        raise SourceError(ref.error)
    try:
        with open(ref.open_path, "rb") as fh:  # one stat of the open file, not three of the path
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_SOURCE_BYTES:
                raise SourceError(f"too large: {size // (1024 * 1024)} MB "
                                  f"(limit {MAX_SOURCE_BYTES // (1024 * 1024)} MB)")
            data = fh.read(MAX_SOURCE_BYTES + 1)
    except IsADirectoryError:
        raise SourceError("is a directory, not a text file") from None
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as e:
        raise SourceError(f"cannot read: {e.strerror or e}") from None
    return make_document(ref.path, decode(data, encoding), ref.date, cli_date, reference_date, ref.open_path)


def make_document(path: str, text: str, given_date=None, cli_date=None, reference_date=None,
                  open_path: str | None = None) -> Document:
    """A Document from decoded text: front matter read, Markdown recognised, the date chosen."""
    front = _FRONT_MATTER.match(text)
    body_start, fm_date = 0, None
    if front:
        body_start = front.end()
        fm_date = _front_matter_date(front.group(1) or "")
    markdown = front is not None or (open_path or path).lower().endswith(_MARKDOWN_EXT)
    date = given_date or fm_date or cli_date or reference_date
    return Document(path, text, date, body_start, markdown=markdown)


def decode(data: bytes, encoding: str = "utf-8") -> str:
    nul = data.find(b"\x00")
    if nul >= 0 and encoding.lower().replace("-", "") not in ("utf16", "utf32"):
        raise SourceError(f"binary file (NUL byte at offset {nul})")
    codec = "utf-8-sig" if encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig") else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        line, col = byte_position(data, e.start)
        raise SourceError(f"not {encoding} text: byte 0x{data[e.start]:02x} at offset {e.start} "
                          f"(line {line}, column {col}); try --encoding") from None
    except LookupError:
        raise SourceError(f"unknown encoding '{encoding}'") from None


def _front_matter_date(block: str) -> dt.date | None:
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise SourceError(f"invalid YAML front matter{where}") from None
    if not isinstance(meta, dict) or "date" not in meta:
        return None
    value = meta["date"]
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise SourceError(f"front matter date '{value}' is not YYYY-MM-DD") from None

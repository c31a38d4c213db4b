"""Reading sources: encodings, BOM, CRLF, front matter, Markdown, and positions that stay right."""
import datetime as dt

import pytest

from checker.sources import SourceError, SourceRef, read_source
from checker.casefile import fact_base
from checker.engine import findings_for, results_for

FACT = [{"id": "shells", "claim": "c", "kind": "quantity", "about": ["North Korea"], "unit": "shells",
         "value": "nearly 5 million"}]
SENTENCE = "Officials say North Korea sent nearly 5 million shells to Russia."


def _check(path, **kw):
    fb = fact_base(FACT)
    doc = read_source(SourceRef(str(path), str(path)), **kw)
    r = results_for(fb, doc, findings_for(fb, doc))[0]
    return doc, r


@pytest.mark.parametrize("data", [
    SENTENCE.encode("utf-8"),
    b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"),
    ("Headline\r\n\r\n" + SENTENCE + "\r\n").encode("utf-8"),
])
def test_bom_and_crlf_keep_positions(tmp_path, data):
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    doc, r = _check(p)
    assert r.status == "match"
    text = data.decode("utf-8-sig")
    assert text[r.evidence.start:r.evidence.end] == r.stated == "nearly 5 million shells"
    line = text.split("\n")[r.evidence.line - 1]
    assert line[r.evidence.column - 1:].startswith("nearly 5 million shells")


def test_markdown_front_matter_gives_the_date_and_keeps_lines(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: x\ndate: 2024-06-17\n---\n# Title\n\nSee [a link](http://x/5-million) and **"
                 + SENTENCE + "**\n", encoding="utf-8")
    doc, r = _check(p)
    assert doc.date == dt.date(2024, 6, 17)
    assert r.status == "match" and r.evidence.line == 7


def test_front_matter_without_date_and_cli_date(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: x\n---\nText.\n", encoding="utf-8")
    doc = read_source(SourceRef(str(p), str(p)), cli_date=dt.date(2024, 1, 2))
    assert doc.date == dt.date(2024, 1, 2)


def test_mapping_date_beats_front_matter(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ndate: 2024-06-17\n---\nText.\n", encoding="utf-8")
    doc = read_source(SourceRef(str(p), str(p), dt.date(2020, 1, 1)))
    assert doc.date == dt.date(2020, 1, 1)


@pytest.mark.parametrize("data, message", [
    (b"abc\x00def", "binary file (NUL byte at offset 3)"),
    (b"line one\nline \xff two", "byte 0xff at offset 14 (line 2, column 6)"),
    (b"---\ndate: [unclosed\n---\ntext\n", "invalid YAML front matter"),
    (b"---\ndate: yesterday\n---\ntext\n", "front matter date 'yesterday' is not YYYY-MM-DD"),
])
def test_unreadable_sources_say_why(tmp_path, data, message):
    p = tmp_path / "a.md"
    p.write_bytes(data)
    with pytest.raises(SourceError) as e:
        read_source(SourceRef(str(p), str(p)))
    assert message in str(e.value)


def test_missing_and_directory(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_source(SourceRef("nope.txt", str(tmp_path / "nope.txt")))
    with pytest.raises(SourceError, match="is a directory"):
        read_source(SourceRef("d", str(tmp_path)))


def test_empty_file_is_checked_and_has_gaps(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"")
    _, r = _check(p)
    assert r.status == "gap"


def test_other_encoding_on_request(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(("Caf\u00e9 news. " + SENTENCE).encode("latin-1"))
    doc, r = _check(p, encoding="latin-1")
    assert r.status == "match" and doc.raw[r.evidence.start:r.evidence.end] == "nearly 5 million shells"

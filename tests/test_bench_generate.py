"""The speed benchmark's corpus generator: deterministic, and --mentioned keeps the extra facts out of the texts."""
from __future__ import annotations

import os

import generate  # bench/generate.py (conftest puts bench/ on the path)
import yaml

from checker.engine import run
from checker.factbase import load_factbase
from checker.sources import resolve


def _texts(folder) -> list[str]:
    names = sorted(os.listdir(folder / "articles"))
    return [(folder / "articles" / n).read_text(encoding="utf-8") for n in names]


def test_the_same_arguments_give_the_same_files(tmp_path):
    generate.write_corpus(str(tmp_path / "a"), 5, 40, seed=3, world_facts=400)
    generate.write_corpus(str(tmp_path / "b"), 5, 40, seed=3, world_facts=400)
    assert _texts(tmp_path / "a") == _texts(tmp_path / "b")
    assert (tmp_path / "a" / "facts.yaml").read_text() == (tmp_path / "b" / "facts.yaml").read_text()


def test_mentioned_articles_tell_only_the_first_facts(tmp_path):
    generate.write_corpus(str(tmp_path / "m"), 30, 40, seed=2, world_facts=400, mentioned=40)
    base = yaml.safe_load((tmp_path / "m" / "facts.yaml").read_text())
    world = generate.build_world(2, 100)
    later = {s["subject"] for s in world["stories"][10:]}  # stories of facts 41 and on
    text = " ".join(_texts(tmp_path / "m"))
    assert not [s for s in later if s in text]
    assert [f for f in base["facts"] if f["kind"] != "official" and f["about"][0] in text]


def test_a_larger_fact_base_finds_the_same_on_mentioned_articles(tmp_path):
    """What --mentioned is for: the extra facts of a larger base are never stated."""
    generate.write_corpus(str(tmp_path / "small"), 25, 40, seed=4, world_facts=400, mentioned=40)
    generate.write_corpus(str(tmp_path / "large"), 0, 400, seed=4, world_facts=400, articles=False)
    os.symlink(tmp_path / "small" / "articles", tmp_path / "large" / "articles")
    reports = []
    for name in ("small", "large"):
        fb = load_factbase(str(tmp_path / name / "facts.yaml"))
        reports.append(run(fb, resolve(fb, []), generate.PUBLICATION_DATE, omit_gaps=True))
    found = [[(r.fact, os.path.basename(r.source), r.status) for r in rep.results] for rep in reports]
    assert found[0] and found[0] == found[1]

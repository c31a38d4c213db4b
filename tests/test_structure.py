"""The shape of the code: one registry of kinds, plugins by entry point, imports that run one way."""
import ast
from pathlib import Path

import pytest

import checker.validators as validators
from checker.model import Report, Result, SourceInfo
from checker.schemas import ResultsInvalid, guard

PKG = Path(validators.__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            found.add((node.module or "").split(".")[0])
    return found


@pytest.mark.parametrize("folder, forbidden", [
    ("values", {"validators", "engine", "reporters", "cli", "factbase", "context", "sources"}),
    ("reporters", {"engine", "validators", "factbase", "cli", "context"}),
    ("validators", {"engine", "reporters", "cli", "sources"}),
])
def test_imports_run_one_way(folder, forbidden):
    for path in (PKG / folder).glob("*.py"):
        assert not (_imports(path) & forbidden), f"{path.name} imports {_imports(path) & forbidden}"


def test_model_imports_nothing_of_ours():
    assert _imports(PKG / "model.py") == set()


def test_engine_knows_no_command_line():
    assert "cli" not in _imports(PKG / "engine.py")


def test_builtin_kinds_are_registered_once():
    kinds = validators.registry()
    assert set(kinds) >= {"date", "quantity", "official"}
    assert all(v.kind == k for k, v in kinds.items())


def test_a_plugin_kind_comes_from_the_entry_point(monkeypatch):
    class PlaceValidator(validators.Validator):
        kind = "place"

    class FakeEntryPoint:
        name = "place"

        def load(self):
            return PlaceValidator

    monkeypatch.setattr(validators, "entry_points", lambda group: [FakeEntryPoint()])
    validators.registry.cache_clear()
    try:
        assert isinstance(validators.registry()["place"], PlaceValidator)
    finally:
        validators.registry.cache_clear()


def _report(results, facts=("a",), sources=("s",)):
    from checker.model import Fact
    fs = tuple(Fact(f, "date", f, (), (), "") for f in facts)
    return Report("facts.yaml", fs, tuple(SourceInfo(s, None) for s in sources), tuple(results))


def test_the_results_guard_accepts_a_good_table():
    guard(_report([Result("a", "s", "gap", "x", None, None, "not stated")]))


@pytest.mark.parametrize("results", [
    [Result("a", "s", "gap", "x", None, None, "r"), Result("a", "s", "gap", "x", None, None, "r")],
    [Result("a", "s", "maybe", "x", None, None, "r")],
    [Result("a", "s", "match", "x", None, None, "r")],
    [],
])
def test_the_results_guard_catches_a_broken_table(results):
    with pytest.raises(ResultsInvalid):
        guard(_report(results))

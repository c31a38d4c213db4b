"""Every command, option and format the CLI offers is documented in the README or docs/
(in the style of sqlite-utils' test_docs.py): adding one without words fails here."""
import argparse
from pathlib import Path

import pytest

from checker.cli import build_parser
from checker.reporters import FORMATS

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _options():
    for name, sub in sorted(_subcommands().items()):
        for action in sub._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    yield name, opt


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_every_command_is_documented(command):
    assert f"checker {command}" in DOCS


@pytest.mark.parametrize("command, option", list(_options()))
def test_every_option_is_documented(command, option):
    assert option in DOCS, f"'checker {command} {option}' is not in README.md or docs/"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_documented(fmt):
    assert f"`{fmt}`" in DOCS, f"format '{fmt}' is not in README.md or docs/"


def test_the_ci_guide_is_linked_from_the_readme():
    assert "docs/ci.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert (ROOT / "docs" / "ci.md").exists() and (ROOT / ".pre-commit-hooks.yaml").exists()


def test_the_pre_commit_hooks_are_well_formed():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"checker", "checker-lint"}
    for h in hooks:
        assert h["entry"].split()[0] == "checker" and h["language"] == "python" and h["name"]
        assert h["entry"].split()[1] in _subcommands()

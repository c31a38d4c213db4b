"""The registry of fact kinds: built-in validators plus the `checker.validators` entry points.

This is the one list of kinds; CLI help, error messages and docs read it.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.metadata import entry_points

from .base import Entry, Validator
from .date import DateValidator
from .official import OfficialValidator
from .quantity import QuantityValidator

BUILTIN: tuple[type[Validator], ...] = (DateValidator, QuantityValidator, OfficialValidator)


@lru_cache(maxsize=1)
def registry() -> dict[str, Validator]:
    kinds: dict[str, Validator] = {v.kind: v() for v in BUILTIN}
    for ep in entry_points(group="checker.validators"):
        if ep.name in kinds:
            continue
        try:
            cls = ep.load()
        except Exception:  # a broken plugin must not break the built-in kinds
            continue
        if isinstance(cls, type) and issubclass(cls, Validator):
            kinds[ep.name] = cls()
    return kinds


__all__ = ["Entry", "Validator", "registry"]

"""A computed-once attribute, without functools.cached_property's lock.

Before Python 3.12, cached_property takes a lock on every first access; a corpus
run makes tens of thousands of sentence views, and the lock cost more than most
of the values it guarded. Like cached_property, this stores the value in the
instance's __dict__, which then shadows the descriptor.
"""
from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")


class cached(Generic[T]):  # noqa: N801 - used like the decorator it replaces
    def __init__(self, func: Callable[[Any], T]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value

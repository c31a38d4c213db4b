"""bench/fuzz.py's properties with a small, derandomized budget: the input layer never crashes."""
import pytest

from fuzz import properties  # bench/ is on sys.path (conftest.py)

PROPS = properties(50, derandomize=True)


@pytest.mark.parametrize("name", sorted(PROPS))
def test_never_crashes(name):
    PROPS[name]()

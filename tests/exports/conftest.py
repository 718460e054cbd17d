"""The shared dataset and curator fixtures (tests/factories.py)."""

from tests.factories import cclient, curator, ds  # noqa: F401  (fixtures, found by name)

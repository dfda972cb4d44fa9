"""Root conftest: doctest namespace, a headless matplotlib backend, hypothesis profiles.

Property-based tests are derandomised by default, so that ``make test`` (and CI)
draw the same examples on every run; ``HYPOTHESIS_PROFILE=explore`` draws new
random examples to hunt for edge cases (a failure found there becomes a
regression test).
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

try:
    from hypothesis import settings
except ImportError:  # pragma: no cover - hypothesis is a dev dependency
    pass
else:
    settings.register_profile("deterministic", derandomize=True, print_blob=True)
    settings.register_profile("explore", derandomize=False, print_blob=True)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace: dict) -> None:
    import numpy as np

    doctest_namespace["np"] = np


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")

"""Shared test configuration."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(params=[0, 1, 42])
def seed(request: pytest.FixtureRequest) -> int:
    """Tests that draw random numbers must pass for any seed: sweep a few."""
    return int(request.param)

"""Shared test configuration."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the docs-site tests (tests/docs/) last, after the notebook tests.

    The notebook tests write the executed copies to docs/notebooks/; the docs build
    then renders them instead of executing every notebook a second time.
    """
    docs_dir = Path(__file__).resolve().parent / "docs"
    items.sort(key=lambda item: docs_dir in Path(item.path).resolve().parents)


@pytest.fixture(params=[0, 1, 42])
def seed(request: pytest.FixtureRequest) -> int:
    """Tests that draw random numbers must pass for any seed: sweep a few."""
    return int(request.param)

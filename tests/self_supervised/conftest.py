"""Run these tests with one BLAS/OpenMP thread: their many small fits are faster that way,
and much faster when other processes share the cores."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _one_blas_thread():
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield

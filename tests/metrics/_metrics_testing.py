"""Shared helpers for the metrics tests: compare with sklearn, results and warnings."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

ATOL = 1e-12


def convert(values: Any, kind: str) -> Any:
    """Return ``values`` as an ndarray, a list or a pandas Series."""
    arr = np.asarray(values)
    if kind == "list":
        return arr.tolist()
    if kind == "series":
        return pd.Series(arr)
    return arr


def assert_same(ours: Any, ref: Any) -> None:
    """Same value to 1e-12 (NaN equal), same container, arrays of the same dtype kind."""
    if isinstance(ref, tuple):
        assert isinstance(ours, tuple) and len(ours) == len(ref)
        for a, b in zip(ours, ref, strict=True):
            assert_same(a, b)
        return
    if ref is None:
        assert ours is None
        return
    if isinstance(ref, np.ndarray):
        assert isinstance(ours, np.ndarray), type(ours)
        assert ours.shape == ref.shape, (ours.shape, ref.shape)
        assert ours.dtype.kind == ref.dtype.kind, (ours.dtype, ref.dtype)
        np.testing.assert_allclose(ours, ref, rtol=0, atol=ATOL, equal_nan=True)
        return
    assert not isinstance(ours, np.ndarray), f"expected a scalar, got {ours!r}"
    assert isinstance(ours, float | int), type(ours)
    np.testing.assert_allclose(ours, ref, rtol=0, atol=ATOL, equal_nan=True)


def call_recording(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, Any, list[str]]:
    """Call ``fn``; return (result or None, exception or None, sorted warning messages)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result, error = fn(*args, **kwargs), None
        except (ValueError, TypeError) as exc:
            result, error = None, exc
    messages = sorted({str(w.message) for w in caught if issubclass(w.category, UserWarning)})
    return result, error, messages


def assert_agree(ours_fn: Any, ref_fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Same result and same warnings as the reference, or both raise ValueError/TypeError."""
    ours, our_err, our_warn = call_recording(ours_fn, *args, **kwargs)
    ref, ref_err, ref_warn = call_recording(ref_fn, *args, **kwargs)
    if ref_err is not None or our_err is not None:
        assert ref_err is not None and our_err is not None, (our_err, ref_err)
        return None
    assert_same(ours, ref)
    assert our_warn == ref_warn, (our_warn, ref_warn)
    return ours

"""Shared plumbing of the DataFrame-friendly transformers: input checks and output type."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.utils.validation import validate_data

from .._validation import param_message


def _is_frame(X: Any) -> bool:
    return hasattr(X, "columns") and hasattr(X, "iloc")


def to_frame(est: Any, X: Any, *, reset: bool, numeric: bool = False) -> tuple[Any, bool]:
    """Validate ``X`` and return it as a DataFrame plus whether it came as one.

    DataFrames keep their column types (dates, text); other inputs go through
    scikit-learn's checks (2-D, non-empty, finite unless NaN is allowed) and get
    integer column names ``0 .. n_features - 1``.
    """
    import pandas as pd

    if _is_frame(X):
        validate_data(est, X, reset=reset, skip_check_array=True)
        if X.shape[0] == 0:
            raise ValueError(
                param_message(
                    "X", "a table with at least 1 sample", "0 rows", owner=type(est).__name__
                )
            )
        return X, True
    arr = validate_data(
        est,
        X,
        reset=reset,
        dtype="numeric" if numeric else None,
        ensure_all_finite="allow-nan",
    )
    return pd.DataFrame(arr), False


def resolve_columns(columns: Any, frame: Any, owner: str, name: str = "columns") -> list[Any]:
    """Return the list of column labels that ``columns`` designates in ``frame``."""
    available = list(frame.columns)
    if columns is None:
        return available
    cols = [columns] if isinstance(columns, str | int | np.integer) else list(columns)
    missing = [c for c in cols if c not in available]
    if missing:
        raise ValueError(
            param_message(
                name,
                f"column names or indices of X (X has {len(available)} feature(s): "
                f"{available[:8]}{'...' if len(available) > 8 else ''})",
                missing[0] if len(missing) == 1 else missing,
                owner=owner,
            )
        )
    return cols


def output(frame: Any, was_frame: bool) -> Any:
    """Return a DataFrame as given, or a float array for array input."""
    if was_frame:
        return frame
    return frame.to_numpy(dtype=np.float64)

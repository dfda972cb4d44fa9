"""Value parsing shared by schema inference and the transformers (pandas only)."""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["FALSE_WORDS", "TRUE_WORDS", "parse_dates"]

TRUE_WORDS = frozenset({"true", "yes", "y", "t", "1", "on"})
FALSE_WORDS = frozenset({"false", "no", "n", "f", "0", "off"})


def parse_dates(values: Any) -> pd.Series:
    """Parse a column of dates written in mixed formats; failures become NaT.

    Values with a UTC offset are converted to UTC; all results are naive.

    Parameters
    ----------
    values : Series or array-like of shape (n_samples,)
        Dates as text or datetimes.

    Returns
    -------
    Series of datetime64

    Examples
    --------
    >>> parse_dates(["2021-03-04", "07/12/2022", "soon"]).dt.year.tolist()
    [2021.0, 2022.0, nan]
    """
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    if pd.api.types.is_datetime64_any_dtype(series):
        if getattr(series.dt, "tz", None) is not None:
            return series.dt.tz_convert("UTC").dt.tz_localize(None)
        return series
    text = series.astype(object).where(series.notna(), None)
    # utc=True so that values with different UTC offsets share one dtype
    parsed = pd.to_datetime(text, errors="coerce", format="mixed", utc=True)
    return parsed.dt.tz_localize(None)

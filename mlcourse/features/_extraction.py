"""Feature extraction/creation: ages from dates, ratios, parts of dates."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .._validation import check_in, check_scalar, param_message
from ._base import output, resolve_columns, to_frame

__all__ = ["DateParts", "RatioFeatures", "YearsSince", "decimal_year"]


def decimal_year(values: Any) -> np.ndarray:
    """Express dates (or plain years) as decimal years: 2020-07-02 is about 2020.5.

    Numbers are taken as years as they are; datetimes and date strings are
    converted to ``year + (day of year - 1) / days in that year``. Missing
    values give NaN.

    Parameters
    ----------
    values : array-like of shape (n,)
        Years (numbers), datetimes or date strings.

    Returns
    -------
    ndarray of shape (n,)
        Decimal years.

    Examples
    --------
    >>> from mlcourse.features import decimal_year
    >>> decimal_year(["2020-01-01", "2021-07-02"]).round(3).tolist()
    [2020.0, 2021.499]
    >>> decimal_year([1990, 2000.5]).tolist()
    [1990.0, 2000.5]
    """
    import pandas as pd

    s = pd.Series(values) if not isinstance(values, pd.Series) else values
    if s.dtype.kind in "biuf":
        return s.to_numpy(dtype=np.float64)
    dt = pd.to_datetime(s, errors="raise")
    year = dt.dt.year.to_numpy(dtype=np.float64)
    days = np.where(dt.dt.is_leap_year.to_numpy(dtype=bool), 366.0, 365.0)
    return year + (dt.dt.day_of_year.to_numpy(dtype=np.float64) - 1.0) / days


def _as_decimal_reference(reference: Any, owner: str) -> float:
    if isinstance(reference, numbers.Real) and not isinstance(reference, bool):
        return float(reference)
    try:
        return float(decimal_year([reference])[0])
    except (ValueError, TypeError):
        raise ValueError(
            param_message(
                "reference",
                "None, a date, a year or a column name of X",
                reference,
                owner=owner,
            )
        ) from None


class YearsSince(TransformerMixin, BaseEstimator):
    """Replace dates (or years) by the number of years elapsed: ages.

    ``year_built`` becomes the age of the house, ``date_of_birth`` the age of
    a customer. The reference ("now") is a fixed date, another column (e.g.
    the sale date, for the age *at the time of sale*), or by default the
    latest date seen in ``fit`` (so the same data always give the same ages).

    Parameters
    ----------
    columns : list of str or int, default=None
        Columns holding dates (datetimes, date strings) or years (numbers).
        ``None``: every column except a reference column.
    reference : None, date-like, number or str, default=None
        ``None``: the latest value of the columns seen in ``fit``; a date
        (``"2024-01-01"``, ``datetime``) or a year (``2024``); or the name of
        a column of ``X`` holding the reference date of each row.
    drop : bool, default=True
        Drop the original columns (the reference column is kept).

    Attributes
    ----------
    columns_ : list
        The date columns used.
    reference_ : float or str
        The reference as a decimal year, or the reference column's name.
    n_features_in_ : int
        Number of input columns.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Input column names (DataFrame input).

    Examples
    --------
    >>> import pandas as pd
    >>> from mlcourse.features import YearsSince
    >>> df = pd.DataFrame({"year_built": [1990, 2010],
    ...                    "sale_date": pd.to_datetime(["2020-01-01", "2023-01-01"])})
    >>> YearsSince(["year_built"], reference="sale_date").fit_transform(df)
       sale_date  years_since_year_built
    0 2020-01-01                    30.0
    1 2023-01-01                    13.0
    >>> YearsSince(reference=2024).fit_transform(pd.DataFrame({"born": [1980, 2000]}))
       years_since_born
    0              44.0
    1              24.0
    """

    def __init__(self, columns: Any = None, *, reference: Any = None, drop: bool = True) -> None:
        self.columns = columns
        self.reference = reference
        self.drop = drop

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True  # missing dates pass through, to be imputed
        return tags

    def fit(self, X: Any, y: Any = None) -> YearsSince:
        """Find the columns and the reference.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            Data with date or year columns.
        y : None
            Ignored.

        Returns
        -------
        self : YearsSince
            The fitted transformer.
        """
        owner = type(self).__name__
        check_scalar(self.drop, "drop", bool, owner=owner)
        frame, _ = to_frame(self, X, reset=True)
        ref_col = None
        if isinstance(self.reference, str) and self.reference in frame.columns:
            ref_col = self.reference
        cols = resolve_columns(self.columns, frame, owner)
        if self.columns is None and ref_col is not None:
            cols = [c for c in cols if c != ref_col]
        if not cols:
            raise ValueError(
                param_message("columns", "at least one date column", cols, owner=owner)
            )
        self.columns_ = cols
        if ref_col is not None:
            self.reference_: float | str = ref_col
        elif self.reference is None:
            latest = np.nanmax([np.nanmax(decimal_year(frame[c])) for c in cols])
            self.reference_ = float(latest)
        else:
            self.reference_ = _as_decimal_reference(self.reference, owner)
        return self

    def transform(self, X: Any) -> Any:
        """Replace the date columns by years elapsed until the reference.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            Data.

        Returns
        -------
        DataFrame or ndarray
            A DataFrame for DataFrame input (new columns ``years_since_<col>``
            appended), a float array otherwise.
        """
        check_is_fitted(self)
        frame, was_frame = to_frame(self, X, reset=False)
        ref: Any = self.reference_
        if isinstance(ref, str):
            ref = decimal_year(frame[ref])
        new = {f"years_since_{c}": ref - decimal_year(frame[c]) for c in self.columns_}
        out = frame.drop(columns=self.columns_) if self.drop else frame.copy()
        for name, values in new.items():
            out[name] = values
        return output(out, was_frame)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Return the output column names.

        Parameters
        ----------
        input_features : array-like of str, default=None
            Input names (default: those seen in ``fit``).

        Returns
        -------
        ndarray of str objects
        """
        check_is_fitted(self)
        names = _input_names(self, input_features)
        kept = [
            n for i, n in enumerate(names) if not (self.drop and _label(self, i) in self.columns_)
        ]
        return np.asarray(kept + [f"years_since_{c}" for c in self.columns_], dtype=object)


def _input_names(est: Any, input_features: Any) -> list[str]:
    if input_features is not None:
        return [str(f) for f in input_features]
    if hasattr(est, "feature_names_in_"):
        return [str(f) for f in est.feature_names_in_]
    return [f"x{i}" for i in range(est.n_features_in_)]


def _label(est: Any, i: int) -> Any:
    """Column label of input column ``i`` as the frame sees it (name or index)."""
    if hasattr(est, "feature_names_in_"):
        return est.feature_names_in_[i]
    return i


class RatioFeatures(TransformerMixin, BaseEstimator):
    """Add ratios of columns, such as price per square foot or rooms per household.

    A ratio often carries the signal better than its parts: two houses of
    different sizes can be equally expensive *per square foot*.

    Parameters
    ----------
    pairs : list of (numerator, denominator), default=None
        Column names or indices. ``None`` is not allowed at ``fit``.
    names : list of str, default=None
        Names of the new columns (default ``"<num>_per_<den>"``).
    drop : bool, default=False
        Drop the columns used in the ratios.

    Attributes
    ----------
    pairs_ : list of tuple
        The pairs used.
    names_ : list of str
        Names of the ratio columns.
    n_features_in_ : int
        Number of input columns.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Input column names (DataFrame input).

    Notes
    -----
    A zero denominator gives NaN (impute afterwards), never infinity.

    Examples
    --------
    >>> import pandas as pd
    >>> from mlcourse.features import RatioFeatures
    >>> df = pd.DataFrame({"lot_size": [4000, 9000], "square_feet": [2000, 1500]})
    >>> RatioFeatures([("lot_size", "square_feet")]).fit_transform(df)
       lot_size  square_feet  lot_size_per_square_feet
    0      4000         2000                       2.0
    1      9000         1500                       6.0
    """

    def __init__(
        self,
        pairs: Sequence[tuple[Any, Any]] | None = None,
        *,
        names: Sequence[str] | None = None,
        drop: bool = False,
    ) -> None:
        self.pairs = pairs
        self.names = names
        self.drop = drop

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True  # missing dates pass through, to be imputed
        return tags

    def fit(self, X: Any, y: Any = None) -> RatioFeatures:
        """Check the pairs against the columns of ``X``.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            Data.
        y : None
            Ignored.

        Returns
        -------
        self : RatioFeatures
            The fitted transformer.
        """
        owner = type(self).__name__
        check_scalar(self.drop, "drop", bool, owner=owner)
        frame, _ = to_frame(self, X, reset=True, numeric=True)
        expected = "a non-empty list of (numerator, denominator) column pairs"
        if self.pairs is None or isinstance(self.pairs, str) or len(self.pairs) == 0:
            raise ValueError(param_message("pairs", expected, self.pairs, owner=owner))
        pairs = []
        for pair in self.pairs:
            if isinstance(pair, str) or len(pair) != 2:
                raise ValueError(param_message("pairs", expected, self.pairs, owner=owner))
            num, den = resolve_columns(list(pair), frame, owner, name="pairs")
            pairs.append((num, den))
        names = [f"{n}_per_{d}" for n, d in pairs] if self.names is None else list(self.names)
        if len(names) != len(pairs):
            raise ValueError(
                param_message("names", f"{len(pairs)} names, one per pair", self.names, owner=owner)
            )
        self.pairs_ = pairs
        self.names_ = names
        return self

    def transform(self, X: Any) -> Any:
        """Append the ratio columns.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            Data.

        Returns
        -------
        DataFrame or ndarray
            A DataFrame for DataFrame input, a float array otherwise.
        """
        check_is_fitted(self)
        frame, was_frame = to_frame(self, X, reset=False, numeric=True)
        used = {c for pair in self.pairs_ for c in pair}
        out = frame.drop(columns=list(used)) if self.drop else frame.copy()
        for (num, den), name in zip(self.pairs_, self.names_, strict=True):
            n = frame[num].to_numpy(dtype=np.float64)
            d = frame[den].to_numpy(dtype=np.float64)
            with np.errstate(divide="ignore", invalid="ignore"):
                out[name] = np.where(d == 0, np.nan, n / np.where(d == 0, 1.0, d))
        return output(out, was_frame)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Return the output column names.

        Parameters
        ----------
        input_features : array-like of str, default=None
            Input names (default: those seen in ``fit``).

        Returns
        -------
        ndarray of str objects
        """
        check_is_fitted(self)
        used = {c for pair in self.pairs_ for c in pair}
        names = _input_names(self, input_features)
        kept = [n for i, n in enumerate(names) if not (self.drop and _label(self, i) in used)]
        return np.asarray(kept + [str(n) for n in self.names_], dtype=object)


_PARTS = ("year", "month", "day", "dayofweek", "dayofyear", "quarter", "is_weekend", "hour")
_PANDAS_NAMES = {
    "dayofweek": "day_of_week",
    "dayofyear": "day_of_year",
    "is_weekend": "day_of_week",
}


class DateParts(TransformerMixin, BaseEstimator):
    """Split date columns into parts a model can use: year, month, day of week...

    A model cannot use a raw timestamp, but "sold in December" or "sold on a
    weekend" can carry signal (seasonality, weekly cycles).

    Parameters
    ----------
    columns : list of str or int, default=None
        Date columns (datetimes or date strings). ``None``: every column.
    parts : sequence of str, default=("year", "month", "dayofweek")
        Among ``"year"``, ``"month"``, ``"day"``, ``"dayofweek"`` (Monday = 0),
        ``"dayofyear"``, ``"quarter"``, ``"is_weekend"``, ``"hour"``.
    drop : bool, default=True
        Drop the original date columns.

    Attributes
    ----------
    columns_ : list
        The date columns used.
    n_features_in_ : int
        Number of input columns.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Input column names (DataFrame input).

    Examples
    --------
    >>> import pandas as pd
    >>> from mlcourse.features import DateParts
    >>> df = pd.DataFrame({"sale_date": ["2024-12-21", "2024-03-04"]})
    >>> DateParts(parts=["month", "is_weekend"]).fit_transform(df)
       sale_date_month  sale_date_is_weekend
    0               12                     1
    1                3                     0
    """

    def __init__(
        self,
        columns: Any = None,
        *,
        parts: Sequence[str] = ("year", "month", "dayofweek"),
        drop: bool = True,
    ) -> None:
        self.columns = columns
        self.parts = parts
        self.drop = drop

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True  # missing dates pass through, to be imputed
        return tags

    def fit(self, X: Any, y: Any = None) -> DateParts:
        """Check the columns and parts.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            Data with date columns.
        y : None
            Ignored.

        Returns
        -------
        self : DateParts
            The fitted transformer.
        """
        owner = type(self).__name__
        check_scalar(self.drop, "drop", bool, owner=owner)
        parts = [self.parts] if isinstance(self.parts, str) else list(self.parts)
        if not parts:
            raise ValueError(param_message("parts", "at least one date part", parts, owner=owner))
        for p in parts:
            check_in(p, "parts", _PARTS, owner=owner)
        frame, _ = to_frame(self, X, reset=True)
        self.columns_ = resolve_columns(self.columns, frame, owner)
        self._parts = parts
        return self

    def transform(self, X: Any) -> Any:
        """Replace (or complement) each date column by its parts.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            Data.

        Returns
        -------
        DataFrame or ndarray
            New columns ``<col>_<part>`` (integers, or floats with NaN where a
            date is missing); a DataFrame for DataFrame input.
        """
        import pandas as pd

        check_is_fitted(self)
        frame, was_frame = to_frame(self, X, reset=False)
        out = frame.drop(columns=self.columns_) if self.drop else frame.copy()
        for c in self.columns_:
            dt = pd.to_datetime(frame[c]).dt
            for p in self._parts:
                source = _PANDAS_NAMES.get(p, p)
                values = getattr(dt, source).to_numpy(dtype=np.float64)
                if p == "is_weekend":
                    values = np.where(np.isnan(values), np.nan, values >= 5)
                # integers when complete; floats with NaN for missing dates
                out[f"{c}_{p}"] = values if np.isnan(values).any() else values.astype(np.int64)
        return output(out, was_frame)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Return the output column names.

        Parameters
        ----------
        input_features : array-like of str, default=None
            Input names (default: those seen in ``fit``).

        Returns
        -------
        ndarray of str objects
        """
        check_is_fitted(self)
        names = _input_names(self, input_features)
        kept = [
            n for i, n in enumerate(names) if not (self.drop and _label(self, i) in self.columns_)
        ]
        new = [f"{c}_{p}" for c in self.columns_ for p in self._parts]
        return np.asarray(kept + new, dtype=object)

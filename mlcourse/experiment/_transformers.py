"""Small stateless transformers for messy tabular columns.

They turn the raw text a CSV brings into numbers the models can use:
numbers written as text, yes/no flags, dates, and free-typed categories.
Being stateless they learn nothing from the data, but they still follow
scikit-learn's contract so that they sit inside a ``Pipeline`` that is
fitted inside each cross-validation fold.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted, validate_data

from ._parsing import FALSE_WORDS, TRUE_WORDS, parse_dates

__all__ = ["BooleanMapper", "DateParts", "NumericCoercer", "TextCleaner"]


def _frame(X: Any) -> pd.DataFrame:
    if isinstance(X, pd.DataFrame):
        return X
    arr = np.asarray(X, dtype=object)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    return pd.DataFrame(arr)


class _Stateless(TransformerMixin, BaseEstimator):
    """Shared fit/validation for the stateless column transformers."""

    def fit(self, X: Any, y: Any = None) -> _Stateless:
        """Record the input's number of columns and their names.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            The raw columns.
        y : None
            Ignored.

        Returns
        -------
        self
        """
        validate_data(self, X, skip_check_array=True, reset=True)
        return self

    def _check(self, X: Any) -> pd.DataFrame:
        check_is_fitted(self, "n_features_in_")
        validate_data(self, X, skip_check_array=True, reset=False)
        return _frame(X)

    def _names_in(self, input_features: Any) -> list[str]:
        if input_features is not None:
            return [str(c) for c in input_features]
        check_is_fitted(self, "n_features_in_")
        if hasattr(self, "feature_names_in_"):
            return [str(c) for c in self.feature_names_in_]
        return [f"x{i}" for i in range(self.n_features_in_)]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Name the output columns.

        Parameters
        ----------
        input_features : array-like of str, default=None
            Input column names; defaults to the names seen in ``fit``.

        Returns
        -------
        ndarray of str
        """
        return np.asarray(self._names_in(input_features), dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags


class NumericCoercer(_Stateless):
    """Read numbers that came as text; anything unreadable or infinite becomes NaN.

    A CSV column such as ``["1.5", "?", "2"]`` becomes ``[1.5, nan, 2.0]``;
    the imputer that follows then fills the gaps.

    Examples
    --------
    >>> NumericCoercer().fit_transform([["1.5"], ["?"], [2]]).ravel().tolist()
    [1.5, nan, 2.0]
    """

    def transform(self, X: Any) -> np.ndarray:
        """Convert every column to float.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            The raw columns.

        Returns
        -------
        ndarray of shape (n_samples, n_features)
        """
        df = self._check(X)
        out = np.empty(df.shape, dtype=float)
        for j in range(df.shape[1]):
            col = pd.to_numeric(df.iloc[:, j], errors="coerce")
            out[:, j] = np.asarray(col, dtype=float)
        out[~np.isfinite(out)] = np.nan
        return out


class TextCleaner(_Stateless):
    """Turn category values into stripped strings, keeping missing values as NaN.

    Makes ``" Paris"``, ``"Paris"`` one category, and makes a column of codes
    read as numbers in one file and as text in another encode the same way.

    Examples
    --------
    >>> TextCleaner().fit_transform([[" Paris"], [None], [7]]).ravel().tolist()
    ['Paris', nan, '7']
    """

    def transform(self, X: Any) -> np.ndarray:
        """Convert every value to a stripped ``str`` (missing or empty -> NaN).

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            The raw columns.

        Returns
        -------
        ndarray of object, shape (n_samples, n_features)
        """
        df = self._check(X)
        out = np.empty(df.shape, dtype=object)
        for j in range(df.shape[1]):
            col = df.iloc[:, j]
            missing = np.asarray(col.isna())
            text = col.astype(object).map(lambda v: str(v).strip())
            values = np.array(text, dtype=object)
            values[missing | (values == "")] = np.nan
            out[:, j] = values
        return out


class BooleanMapper(_Stateless):
    """Map yes/no flags in any case (``"Yes"``, ``"no"``, ``"TRUE"``, ``"f"``) to 1/0.

    Recognised true words: true, yes, y, t, 1, on; false words: false, no, n,
    f, 0, off (compared case-insensitively, spaces stripped). Anything else
    becomes NaN, for the imputer that follows.

    Examples
    --------
    >>> BooleanMapper().fit_transform([["Yes"], ["no"], ["TRUE"], ["maybe"]]).ravel().tolist()
    [1.0, 0.0, 1.0, nan]
    """

    def transform(self, X: Any) -> np.ndarray:
        """Map each value to 1.0, 0.0 or NaN.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            The raw columns.

        Returns
        -------
        ndarray of shape (n_samples, n_features)
        """
        df = self._check(X)
        out = np.full(df.shape, np.nan)
        for j in range(df.shape[1]):
            col = df.iloc[:, j]
            missing = np.asarray(col.isna())
            words = np.asarray(col.astype(object).map(lambda v: str(v).strip().lower()))
            # bools and 1.0/0.0 read as numbers print as "true"/"1.0"
            words = np.where(words == "1.0", "1", np.where(words == "0.0", "0", words))
            is_true = np.isin(words, list(TRUE_WORDS)) & ~missing
            is_false = np.isin(words, list(FALSE_WORDS)) & ~missing
            out[is_true, j] = 1.0
            out[is_false, j] = 0.0
        return out


class DateParts(_Stateless):
    """Parse dates and split them into year, month, day and day of week.

    Unparseable values become NaN in all four parts. Mixed formats are parsed
    one value at a time (``"2021-03-04"``, ``"03/07/2022"``...).

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({"sold": ["2024-03-01", "not a date"]})
    >>> parts = DateParts().fit(X)
    >>> parts.transform(X)[0].tolist()
    [2024.0, 3.0, 1.0, 4.0]
    >>> parts.get_feature_names_out().tolist()
    ['sold_year', 'sold_month', 'sold_day', 'sold_day_of_week']
    """

    PARTS = ("year", "month", "day", "day_of_week")

    def transform(self, X: Any) -> np.ndarray:
        """Return four numeric columns per input column.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            The raw date columns.

        Returns
        -------
        ndarray of shape (n_samples, 4 * n_features)
        """
        df = self._check(X)
        blocks = []
        for j in range(df.shape[1]):
            dates = parse_dates(df.iloc[:, j])
            block = np.column_stack(
                [np.asarray(getattr(dates.dt, p), dtype=float) for p in self.PARTS]
            )
            blocks.append(block)
        if not blocks:
            return np.empty((df.shape[0], 0))
        return np.hstack(blocks)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Name the output columns ``<column>_<part>``.

        Parameters
        ----------
        input_features : array-like of str, default=None
            Input column names; defaults to the names seen in ``fit``.

        Returns
        -------
        ndarray of str
        """
        names = [f"{c}_{p}" for c in self._names_in(input_features) for p in self.PARTS]
        return np.asarray(names, dtype=object)

"""Feature transformation from scratch: standardise, min-max, log, one-hot, impute.

Each equals its scikit-learn namesake on the same input (the tests check it);
they exist so that the formula is one click away from the code that uses it.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin
from sklearn.utils.validation import check_is_fitted, validate_data

from .._validation import check_in, check_scalar, param_message

__all__ = ["LogTransformer", "MinMaxScaler", "OneHotEncoder", "SimpleImputer", "StandardScaler"]


def _safe_scale(scale: np.ndarray) -> np.ndarray:
    """Replace (near-)zero scales by 1, so constant features stay constant."""
    scale = scale.copy()
    scale[scale < 10 * np.finfo(np.float64).eps] = 1.0
    return scale


class _NanNumeric:
    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()  # type: ignore[misc]
        tags.input_tags.allow_nan = True  # NaN is ignored in fit, kept in transform
        return tags


class StandardScaler(_NanNumeric, OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    r"""Standardise features: subtract the mean, divide by the standard deviation.

    Parameters
    ----------
    with_mean : bool, default=True
        Centre the data.
    with_std : bool, default=True
        Scale to unit variance.

    Attributes
    ----------
    mean_ : ndarray of shape (n_features,)
        Mean of each feature in the training data (NaN ignored).
    var_ : ndarray of shape (n_features,)
        Variance (population, ``ddof=0``).
    scale_ : ndarray of shape (n_features,)
        Standard deviation (1 for constant features).
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    :math:`z = (x - \mu) / \sigma`. Models that use distances (kNN, SVM) or
    gradient descent need it; trees do not care.

    Examples
    --------
    >>> from mlcourse.features import StandardScaler
    >>> StandardScaler().fit_transform([[1.0], [2.0], [3.0]]).ravel().round(3).tolist()
    [-1.225, 0.0, 1.225]
    """

    def __init__(self, *, with_mean: bool = True, with_std: bool = True) -> None:
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X: Any, y: Any = None) -> StandardScaler:
        """Learn mean and standard deviation of each feature.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : None
            Ignored.

        Returns
        -------
        self : StandardScaler
            The fitted transformer.
        """
        owner = type(self).__name__
        check_scalar(self.with_mean, "with_mean", bool, owner=owner)
        check_scalar(self.with_std, "with_std", bool, owner=owner)
        X = validate_data(self, X, dtype=np.float64, ensure_all_finite="allow-nan")
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN column
            self.mean_ = np.nanmean(X, axis=0)
            self.var_ = np.nanvar(X, axis=0)
        scale = np.sqrt(self.var_)
        # a constant column can show a tiny variance from rounding in the mean:
        # treat variances below the rounding bound as zero (as scikit-learn does)
        n = np.sum(~np.isnan(X), axis=0)
        eps = np.finfo(np.float64).eps
        constant = self.var_ <= n * eps * self.var_ + (n * np.abs(self.mean_) * eps) ** 2
        scale[constant] = 1.0
        self.scale_ = scale
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Standardise ``X`` with the learned statistics.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Data.

        Returns
        -------
        ndarray of shape (n_samples, n_features)
            Standardised data.
        """
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64, ensure_all_finite="allow-nan")
        if self.with_mean:
            X = X - self.mean_
        if self.with_std:
            X = X / self.scale_
        return X

    def inverse_transform(self, X: Any) -> np.ndarray:
        """Undo the standardisation.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Standardised data.

        Returns
        -------
        ndarray of shape (n_samples, n_features)
            Data in original units.
        """
        check_is_fitted(self)
        X = np.asarray(X, dtype=np.float64)
        if self.with_std:
            X = X * self.scale_
        if self.with_mean:
            X = X + self.mean_
        return X


class MinMaxScaler(_NanNumeric, OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    r"""Rescale each feature linearly to a range, by default [0, 1] (min-max normalisation).

    Parameters
    ----------
    feature_range : tuple (min, max), default=(0, 1)
        Target range.
    clip : bool, default=False
        Clip transformed values of new data to the range.

    Attributes
    ----------
    data_min_ : ndarray of shape (n_features,)
        Minimum of each feature in the training data.
    data_max_ : ndarray of shape (n_features,)
        Maximum of each feature.
    data_range_ : ndarray of shape (n_features,)
        ``data_max_ - data_min_``.
    scale_ : ndarray of shape (n_features,)
        Multiplier of each feature.
    min_ : ndarray of shape (n_features,)
        Offset added after scaling.
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    :math:`x' = a + (x - x_{min})(b - a)/(x_{max} - x_{min})`. One outlier
    squeezes every other value into a narrow band: prefer standardisation
    (or a log) for heavy-tailed features.

    Examples
    --------
    >>> from mlcourse.features import MinMaxScaler
    >>> MinMaxScaler().fit_transform([[10.0], [15.0], [30.0]]).ravel().tolist()
    [0.0, 0.25, 1.0]
    """

    def __init__(self, feature_range: tuple[float, float] = (0, 1), *, clip: bool = False) -> None:
        self.feature_range = feature_range
        self.clip = clip

    def fit(self, X: Any, y: Any = None) -> MinMaxScaler:
        """Learn the minimum and maximum of each feature.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : None
            Ignored.

        Returns
        -------
        self : MinMaxScaler
            The fitted transformer.
        """
        owner = type(self).__name__
        fr = self.feature_range
        if not (isinstance(fr, tuple | list) and len(fr) == 2 and float(fr[0]) < float(fr[1])):
            raise ValueError(
                param_message("feature_range", "a tuple (min, max) with min < max", fr, owner=owner)
            )
        check_scalar(self.clip, "clip", bool, owner=owner)
        X = validate_data(self, X, dtype=np.float64, ensure_all_finite="allow-nan")
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            self.data_min_ = np.nanmin(X, axis=0)
            self.data_max_ = np.nanmax(X, axis=0)
        self.data_range_ = self.data_max_ - self.data_min_
        lo, hi = float(fr[0]), float(fr[1])
        self.scale_ = (hi - lo) / _safe_scale(self.data_range_)
        self.min_ = lo - self.data_min_ * self.scale_
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Rescale ``X`` with the learned minimum and maximum.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Data.

        Returns
        -------
        ndarray of shape (n_samples, n_features)
            Rescaled data.
        """
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64, ensure_all_finite="allow-nan")
        out = X * self.scale_ + self.min_
        if self.clip:
            np.clip(out, self.feature_range[0], self.feature_range[1], out=out)
        return out

    def inverse_transform(self, X: Any) -> np.ndarray:
        """Undo the rescaling.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Rescaled data.

        Returns
        -------
        ndarray of shape (n_samples, n_features)
            Data in original units.
        """
        check_is_fitted(self)
        return (np.asarray(X, dtype=np.float64) - self.min_) / self.scale_


class LogTransformer(_NanNumeric, OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    r"""Apply :math:`\log(x + \text{offset})` to every feature (``offset=1``: ``log1p``).

    Compresses long right tails (prices, incomes, counts) so that a few very
    large values stop dominating a linear model or a distance.

    Parameters
    ----------
    offset : float, default=1.0
        Added before the logarithm; every value must satisfy ``x + offset > 0``.

    Attributes
    ----------
    n_features_in_ : int
        Number of features seen in ``fit``.

    Examples
    --------
    >>> from mlcourse.features import LogTransformer
    >>> LogTransformer().fit_transform([[0.0], [9.0], [99.0]]).ravel().round(3).tolist()
    [0.0, 2.303, 4.605]
    """

    def __init__(self, offset: float = 1.0) -> None:
        self.offset = offset

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.positive_only = True  # the log needs x + offset > 0
        return tags

    def fit(self, X: Any, y: Any = None) -> LogTransformer:
        """Check the input (nothing to learn).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : None
            Ignored.

        Returns
        -------
        self : LogTransformer
            The fitted transformer.
        """
        check_scalar(self.offset, "offset", numbers.Real, owner=type(self).__name__)
        X = validate_data(self, X, dtype=np.float64, ensure_all_finite="allow-nan")
        self._check_domain(X)
        self.fitted_ = True
        return self

    def _check_domain(self, X: np.ndarray) -> None:
        shifted = X + float(self.offset)
        if np.any(shifted[~np.isnan(shifted)] <= 0):
            raise ValueError(
                param_message(
                    "X",
                    f"values greater than -offset = {-float(self.offset):g} (the log of zero "
                    "or a negative number is undefined); raise the offset",
                    f"a minimum of {float(np.nanmin(X)):g}",
                    owner=type(self).__name__,
                )
            )

    def transform(self, X: Any) -> np.ndarray:
        """Return ``log(X + offset)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Data.

        Returns
        -------
        ndarray of shape (n_samples, n_features)
            Transformed data.
        """
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64, ensure_all_finite="allow-nan")
        self._check_domain(X)
        return np.log(X + float(self.offset))

    def inverse_transform(self, X: Any) -> np.ndarray:
        """Return ``exp(X) - offset``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Transformed data.

        Returns
        -------
        ndarray of shape (n_samples, n_features)
            Data in original units.
        """
        return np.exp(np.asarray(X, dtype=np.float64)) - float(self.offset)


def _is_missing(values: np.ndarray) -> np.ndarray:
    """Elementwise: None or a float NaN (works on object arrays)."""
    if values.dtype.kind == "f":
        return np.isnan(values)
    if values.dtype.kind in "biuUS":
        return np.zeros(values.shape, dtype=bool)
    return np.array(
        [v is None or (isinstance(v, float) and np.isnan(v)) for v in values.ravel()]
    ).reshape(values.shape)


def _object_table(est: Any, X: Any, reset: bool) -> np.ndarray:
    """Validate a possibly mixed-type table into a 2-D array (object if needed)."""
    if hasattr(X, "columns"):
        validate_data(est, X, reset=reset, skip_check_array=True)
        cols = [X.iloc[:, j].to_numpy(dtype=object) for j in range(X.shape[1])]
        arr = np.empty((X.shape[0], X.shape[1]), dtype=object)
        for j, c in enumerate(cols):
            arr[:, j] = [None if (v is not None and _scalar_na(v)) else v for v in c]
        return arr
    return validate_data(est, X, reset=reset, dtype=None, ensure_all_finite="allow-nan")


def _scalar_na(v: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(v)) if np.ndim(v) == 0 else False
    except (TypeError, ValueError):  # pragma: no cover
        return False


class OneHotEncoder(TransformerMixin, BaseEstimator):
    """Encode categorical columns as one 0/1 column per category (one-hot).

    Parameters
    ----------
    categories : "auto" or list of array-like, default="auto"
        Categories of each column; ``"auto"`` takes the sorted values seen in ``fit``.
    drop : {None, "first", "if_binary"}, default=None
        Drop one column per feature (``"first"``), or only for two-category
        features (``"if_binary"``): the dropped column is implied by the
        others (useful for unpenalised linear models).
    handle_unknown : {"error", "ignore"}, default="error"
        A category unseen in ``fit``: raise, or encode as all zeros.
    sparse_output : bool, default=False
        Return a SciPy sparse matrix.
    dtype : dtype, default=np.float64
        Type of the output.

    Attributes
    ----------
    categories_ : list of ndarray
        Categories of each feature, in column order.
    drop_idx_ : ndarray of shape (n_features,) or None
        Index of the dropped category of each feature (``None`` if nothing dropped).
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Column names (DataFrame input).

    Notes
    -----
    Missing values (None, NaN) are a category of their own, listed last.

    Examples
    --------
    >>> import pandas as pd
    >>> from mlcourse.features import OneHotEncoder
    >>> df = pd.DataFrame({"location": ["rural", "downtown", "rural"]})
    >>> enc = OneHotEncoder().fit(df)
    >>> enc.get_feature_names_out().tolist()
    ['location_downtown', 'location_rural']
    >>> enc.transform(df).tolist()
    [[0.0, 1.0], [1.0, 0.0], [0.0, 1.0]]
    """

    def __init__(
        self,
        *,
        categories: Any = "auto",
        drop: str | None = None,
        handle_unknown: str = "error",
        sparse_output: bool = False,
        dtype: Any = np.float64,
    ) -> None:
        self.categories = categories
        self.drop = drop
        self.handle_unknown = handle_unknown
        self.sparse_output = sparse_output
        self.dtype = dtype

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.categorical = True
        tags.input_tags.string = True
        tags.input_tags.allow_nan = True
        return tags

    def fit(self, X: Any, y: Any = None) -> OneHotEncoder:
        """Learn the categories of each column.

        Parameters
        ----------
        X : array-like or DataFrame of shape (n_samples, n_features)
            Categorical data (strings, numbers, booleans).
        y : None
            Ignored.

        Returns
        -------
        self : OneHotEncoder
            The fitted encoder.
        """
        owner = type(self).__name__
        check_in(self.drop, "drop", [None, "first", "if_binary"], owner=owner)
        check_in(self.handle_unknown, "handle_unknown", ["error", "ignore"], owner=owner)
        check_scalar(self.sparse_output, "sparse_output", bool, owner=owner)
        X = _object_table(self, X, reset=True)
        if isinstance(self.categories, str):
            check_in(self.categories, "categories", ["auto"], owner=owner)
            cats = []
            for j in range(X.shape[1]):
                col = X[:, j]
                miss = _is_missing(col)
                present = col[~miss]
                try:
                    uniq = np.unique(
                        present.astype(present.dtype if present.dtype != object else object)
                    )
                except TypeError:
                    raise TypeError(
                        param_message(
                            "X",
                            "columns of one type each (all strings or all numbers)",
                            f"mixed types in column {j}",
                            owner=owner,
                        )
                    ) from None
                if miss.any():
                    uniq = np.append(uniq.astype(object), np.nan)
                cats.append(uniq)
        else:
            if len(self.categories) != X.shape[1]:
                raise ValueError(
                    param_message(
                        "categories",
                        f"one list per feature ({X.shape[1]})",
                        self.categories,
                        owner=owner,
                    )
                )
            cats = [np.asarray(c) for c in self.categories]
        self.categories_ = cats
        if self.drop is None:
            self.drop_idx_ = None
        else:
            idx = [0 if (self.drop == "first" or len(c) == 2) else -1 for c in cats]
            self.drop_idx_ = np.array([i if i >= 0 else None for i in idx], dtype=object)
        return self

    def _codes(self, col: np.ndarray, cats: np.ndarray, j: int) -> np.ndarray:
        """Index of each value in ``cats`` (-1 if unknown)."""
        miss = _is_missing(col)
        codes = np.full(len(col), -1, dtype=np.int64)
        lookup = {}
        for i, c in enumerate(cats):
            if not (isinstance(c, float) and np.isnan(c)):
                lookup[c] = i
        nan_idx = next((i for i, c in enumerate(cats) if isinstance(c, float) and np.isnan(c)), -1)
        for r, v in enumerate(col):
            if miss[r]:
                codes[r] = nan_idx
            else:
                codes[r] = lookup.get(v.item() if hasattr(v, "item") else v, -1)
        unknown = codes < 0
        if unknown.any() and self.handle_unknown == "error":
            raise ValueError(
                f"Found unknown categories {sorted(map(str, set(col[unknown].tolist())))} in "
                f"column {j} during transform. Refit on data that has them, or use "
                "handle_unknown='ignore' to encode them as all zeros."
            )
        return codes

    def transform(self, X: Any) -> Any:
        """One-hot encode ``X``.

        Parameters
        ----------
        X : array-like or DataFrame of shape (n_samples, n_features)
            Categorical data.

        Returns
        -------
        ndarray or scipy.sparse.csr_matrix of shape (n_samples, n_encoded)
            0/1 columns, grouped by feature in category order.
        """
        import scipy.sparse as sp

        check_is_fitted(self)
        X = _object_table(self, X, reset=False)
        blocks = []
        for j, cats in enumerate(self.categories_):
            codes = self._codes(X[:, j], cats, j)
            block = np.zeros((X.shape[0], len(cats)), dtype=self.dtype)
            rows = np.flatnonzero(codes >= 0)
            block[rows, codes[rows]] = 1
            if self.drop_idx_ is not None and self.drop_idx_[j] is not None:
                block = np.delete(block, self.drop_idx_[j], axis=1)
            blocks.append(block)
        out = np.hstack(blocks) if blocks else np.zeros((X.shape[0], 0), dtype=self.dtype)
        return sp.csr_matrix(out) if self.sparse_output else out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Return names ``<feature>_<category>``.

        Parameters
        ----------
        input_features : array-like of str, default=None
            Input names (default: those seen in ``fit``, or ``x0, x1, ...``).

        Returns
        -------
        ndarray of str objects
        """
        check_is_fitted(self)
        if input_features is None:
            input_features = getattr(
                self, "feature_names_in_", [f"x{i}" for i in range(self.n_features_in_)]
            )
        names = []
        for j, (feat, cats) in enumerate(zip(input_features, self.categories_, strict=True)):
            col = [f"{feat}_{c}" for c in cats]
            if self.drop_idx_ is not None and self.drop_idx_[j] is not None:
                del col[self.drop_idx_[j]]
            names += col
        return np.asarray(names, dtype=object)


class SimpleImputer(TransformerMixin, BaseEstimator):
    """Fill missing values with a per-column statistic or a constant.

    Parameters
    ----------
    missing_values : float or None, default=np.nan
        The placeholder for a missing value.
    strategy : {"mean", "median", "most_frequent", "constant"}, default="mean"
        Statistic of the training column (``"most_frequent"`` and
        ``"constant"`` also work for text).
    fill_value : str or number, default=None
        Value for ``"constant"`` (default 0 for numbers, ``"missing_value"`` for text).
    add_indicator : bool, default=False
        Append a 0/1 column per feature that had missing values in ``fit``:
        "was missing" can itself be informative.

    Attributes
    ----------
    statistics_ : ndarray of shape (n_features,)
        The fill value of each column.
    indicator_features_ : ndarray of int
        Columns that get a missing-indicator (if ``add_indicator``).
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Column names (DataFrame input).

    Notes
    -----
    Fit it on the training data only (inside a ``Pipeline``): the test set's
    mean must not leak into training. A column entirely missing in ``fit``
    has no statistic and is dropped, as scikit-learn does (except with
    ``"constant"``).

    Examples
    --------
    >>> import numpy as np
    >>> from mlcourse.features import SimpleImputer
    >>> SimpleImputer(strategy="median").fit_transform([[1.0], [np.nan], [10.0], [3.0]]).ravel().tolist()
    [1.0, 3.0, 10.0, 3.0]
    """

    def __init__(
        self,
        *,
        missing_values: Any = np.nan,
        strategy: str = "mean",
        fill_value: Any = None,
        add_indicator: bool = False,
    ) -> None:
        self.missing_values = missing_values
        self.strategy = strategy
        self.fill_value = fill_value
        self.add_indicator = add_indicator

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True
        tags.input_tags.string = True
        return tags

    def _mask(self, X: np.ndarray) -> np.ndarray:
        mv = self.missing_values
        if mv is None or (isinstance(mv, float) and np.isnan(mv)):
            return _is_missing(X)
        return X == mv

    def _table(self, X: Any, reset: bool) -> np.ndarray:
        numeric = self.strategy in ("mean", "median")
        if hasattr(X, "columns") and not numeric:
            return _object_table(self, X, reset)
        dtype = np.float64 if numeric else None
        arr = validate_data(self, X, reset=reset, dtype=dtype, ensure_all_finite="allow-nan")
        return arr

    def fit(self, X: Any, y: Any = None) -> SimpleImputer:
        """Learn the fill value of each column.

        Parameters
        ----------
        X : array-like or DataFrame of shape (n_samples, n_features)
            Training data with missing values.
        y : None
            Ignored.

        Returns
        -------
        self : SimpleImputer
            The fitted imputer.
        """
        owner = type(self).__name__
        check_in(
            self.strategy, "strategy", ["mean", "median", "most_frequent", "constant"], owner=owner
        )
        check_scalar(self.add_indicator, "add_indicator", bool, owner=owner)
        X = self._table(X, reset=True)
        mask = self._mask(X)
        stats = np.empty(X.shape[1], dtype=object if X.dtype == object else np.float64)
        for j in range(X.shape[1]):
            present = X[~mask[:, j], j]
            if self.strategy == "constant":
                default = "missing_value" if X.dtype.kind in "OUS" else 0
                stats[j] = default if self.fill_value is None else self.fill_value
            elif present.size == 0:
                stats[j] = np.nan
            elif self.strategy == "mean":
                stats[j] = float(np.mean(present.astype(np.float64)))
            elif self.strategy == "median":
                stats[j] = float(np.median(present.astype(np.float64)))
            else:
                values, counts = np.unique(present, return_counts=True)
                stats[j] = values[int(np.argmax(counts))]  # ties: the smallest value
        self.statistics_ = stats
        self.indicator_features_ = np.flatnonzero(mask.any(axis=0))
        self._keep = np.array(
            [not (isinstance(s, float) and np.isnan(s)) for s in stats], dtype=bool
        )
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Fill the missing values.

        Parameters
        ----------
        X : array-like or DataFrame of shape (n_samples, n_features)
            Data.

        Returns
        -------
        ndarray
            Imputed data (columns with no statistic dropped), then indicators
            if ``add_indicator``.
        """
        check_is_fitted(self)
        X = self._table(X, reset=False)
        mask = self._mask(X)
        out = X.copy() if X.dtype == object or X.dtype.kind == "f" else X.astype(object)
        for j in range(X.shape[1]):
            if mask[:, j].any():
                out[mask[:, j], j] = self.statistics_[j]
        out = out[:, self._keep]
        if out.dtype == object and all(
            isinstance(s, numbers.Number) for s in self.statistics_[self._keep]
        ):
            try:
                out = out.astype(np.float64)
            except (TypeError, ValueError):
                pass
        if self.add_indicator:
            ind = mask[:, self.indicator_features_].astype(
                out.dtype if out.dtype != object else object
            )
            out = np.hstack([out, ind])
        return out

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
        if input_features is None:
            input_features = getattr(
                self, "feature_names_in_", [f"x{i}" for i in range(self.n_features_in_)]
            )
        names = [str(f) for f, k in zip(input_features, self._keep, strict=True) if k]
        if self.add_indicator:
            names += [f"missingindicator_{input_features[j]}" for j in self.indicator_features_]
        return np.asarray(names, dtype=object)

"""Regression metrics: MAE, MAPE, MSE, RMSE and R²."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from mlcourse._validation import param_message

from ._base import UndefinedMetricWarning, _check_sample_weight, _Text

__all__ = [
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "r2_score",
    "root_mean_squared_error",
]

_MULTIOUTPUT = ("raw_values", "uniform_average")


def _as_2d(y: Any, name: str, owner: str) -> np.ndarray:
    arr = y if isinstance(y, np.ndarray) else np.asarray(y)
    if arr.dtype.kind not in "biuf":
        if arr.dtype.kind == "O":
            try:
                arr = arr.astype(np.float64)
            except (TypeError, ValueError):
                pass
        if arr.dtype.kind not in "biuf":
            raise TypeError(
                param_message(
                    name, "a numeric array-like", _Text(f"dtype {arr.dtype}"), owner=owner
                )
            )
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    elif arr.ndim != 2:
        expected = "an array-like of shape (n_samples,) or (n_samples, n_outputs)"
        raise ValueError(param_message(name, expected, arr if arr.ndim else y, owner=owner))
    if arr.dtype.kind == "f" and not np.isfinite(arr).all():
        bad = "NaN" if np.isnan(arr).any() else "infinity"
        raise ValueError(
            f"The '{name}' parameter of {owner} contains {bad}. "
            "Drop or impute the missing or infinite values first."
        )
    return arr


def _check_reg_targets(
    y_true: Any,
    y_pred: Any,
    sample_weight: Any,
    multioutput: Any,
    owner: str,
    allowed: tuple[str, ...] = _MULTIOUTPUT,
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, Any]:
    """Validate regression targets; return float 2-D arrays, weights and multioutput."""
    yt = _as_2d(y_true, "y_true", owner)
    yp = _as_2d(y_pred, "y_pred", owner)
    if yt.shape[0] != yp.shape[0]:
        raise ValueError(
            f"Found input variables of {owner} with inconsistent numbers of samples: "
            f"y_true has {yt.shape[0]}, y_pred has {yp.shape[0]}. They must have the same length."
        )
    if yt.shape[0] == 0:
        raise ValueError(param_message("y_true", "a non-empty array-like", yt, owner=owner))
    if yt.shape[1] != yp.shape[1]:
        raise ValueError(
            param_message(
                "y_pred",
                f"an array with as many outputs (columns) as y_true ({yt.shape[1]})",
                yp,
                owner=owner,
            )
        )
    weights = _check_sample_weight(sample_weight, yt.shape[0], owner)
    floats = [a.dtype for a in (yt, yp, weights) if a is not None and a.dtype.kind == "f"]
    dtype = np.result_type(*floats) if floats else np.float64
    yt = yt.astype(dtype, copy=False)
    yp = yp.astype(dtype, copy=False)
    if weights is not None:
        weights = weights.astype(dtype, copy=False)
    n_outputs = yt.shape[1]
    if isinstance(multioutput, str):
        if multioutput not in allowed:
            listed = ", ".join(repr(a) for a in allowed)
            raise ValueError(
                param_message(
                    "multioutput",
                    f"one of {listed} or an array of output weights",
                    multioutput,
                    owner=owner,
                )
            )
    elif multioutput is not None:
        mo = np.asarray(multioutput, dtype=np.float64)
        if n_outputs == 1:
            raise ValueError(
                param_message(
                    "multioutput",
                    "a string: output weights are useful only with several outputs",
                    mo,
                    owner=owner,
                )
            )
        if mo.ndim != 1 or mo.shape[0] != n_outputs:
            raise ValueError(
                param_message(
                    "multioutput", f"an array of {n_outputs} output weights", mo, owner=owner
                )
            )
        multioutput = mo
    return yt, yp, weights, multioutput


def _aggregate(output_errors: np.ndarray, multioutput: Any) -> Any:
    if isinstance(multioutput, str):
        if multioutput == "raw_values":
            return output_errors
        multioutput = None
    return float(np.average(output_errors, weights=multioutput))


def mean_absolute_error(
    y_true: Any,
    y_pred: Any,
    *,
    sample_weight: Any = None,
    multioutput: Any = "uniform_average",
) -> Any:
    """Compute the mean absolute error (MAE).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_outputs)
        True values.
    y_pred : array-like of shape (n_samples,) or (n_samples, n_outputs)
        Predicted values.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    multioutput : {"raw_values", "uniform_average"} or array-like of shape (n_outputs,), \
default="uniform_average"
        How to combine several outputs: one value each, their mean, or a
        weighted mean with these weights.

    Returns
    -------
    float or ndarray of shape (n_outputs,)
        In the unit of the target.

    Notes
    -----
    ``MAE = (1 / n) * sum_i |y_i - yhat_i|``: the typical size of an error,
    in the target's unit, robust to a few large errors (unlike RMSE).

    Examples
    --------
    >>> from mlcourse.metrics import mean_absolute_error
    >>> mean_absolute_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.5
    """
    owner = "mean_absolute_error"
    yt, yp, w, mo = _check_reg_targets(y_true, y_pred, sample_weight, multioutput, owner)
    return _aggregate(np.average(np.abs(yp - yt), weights=w, axis=0), mo)


def mean_absolute_percentage_error(
    y_true: Any,
    y_pred: Any,
    *,
    sample_weight: Any = None,
    multioutput: Any = "uniform_average",
) -> Any:
    """Compute the mean absolute percentage error (MAPE), as a fraction.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_outputs)
        True values.
    y_pred : array-like of shape (n_samples,) or (n_samples, n_outputs)
        Predicted values.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    multioutput : {"raw_values", "uniform_average"} or array-like of shape (n_outputs,), \
default="uniform_average"
        How to combine several outputs.

    Returns
    -------
    float or ndarray of shape (n_outputs,)
        A fraction: 0.1 means 10 %. Not multiplied by 100.

    Notes
    -----
    ``MAPE = (1 / n) * sum_i |y_i - yhat_i| / max(|y_i|, eps)`` with ``eps``
    the float64 machine epsilon. Scale-free, so it compares targets of
    different units, but it explodes when true values are near zero.

    Examples
    --------
    >>> from mlcourse.metrics import mean_absolute_percentage_error
    >>> mean_absolute_percentage_error([100.0, 200.0], [110.0, 180.0])
    0.1
    """
    owner = "mean_absolute_percentage_error"
    yt, yp, w, mo = _check_reg_targets(y_true, y_pred, sample_weight, multioutput, owner)
    eps = np.asarray(np.finfo(np.float64).eps, dtype=yt.dtype)
    ape = np.abs(yp - yt) / np.maximum(np.abs(yt), eps)
    return _aggregate(np.average(ape, weights=w, axis=0), mo)


def mean_squared_error(
    y_true: Any,
    y_pred: Any,
    *,
    sample_weight: Any = None,
    multioutput: Any = "uniform_average",
) -> Any:
    """Compute the mean squared error (MSE).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_outputs)
        True values.
    y_pred : array-like of shape (n_samples,) or (n_samples, n_outputs)
        Predicted values.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    multioutput : {"raw_values", "uniform_average"} or array-like of shape (n_outputs,), \
default="uniform_average"
        How to combine several outputs.

    Returns
    -------
    float or ndarray of shape (n_outputs,)
        In the squared unit of the target.

    Notes
    -----
    ``MSE = (1 / n) * sum_i (y_i - yhat_i)^2``; squaring punishes large
    errors most. It is the loss least squares minimises.

    Examples
    --------
    >>> from mlcourse.metrics import mean_squared_error
    >>> mean_squared_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.375
    """
    owner = "mean_squared_error"
    yt, yp, w, mo = _check_reg_targets(y_true, y_pred, sample_weight, multioutput, owner)
    return _aggregate(np.average((yt - yp) ** 2, axis=0, weights=w), mo)


def root_mean_squared_error(
    y_true: Any,
    y_pred: Any,
    *,
    sample_weight: Any = None,
    multioutput: Any = "uniform_average",
) -> Any:
    """Compute the root mean squared error (RMSE).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_outputs)
        True values.
    y_pred : array-like of shape (n_samples,) or (n_samples, n_outputs)
        Predicted values.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    multioutput : {"raw_values", "uniform_average"} or array-like of shape (n_outputs,), \
default="uniform_average"
        How to combine several outputs (the root is taken per output first).

    Returns
    -------
    float or ndarray of shape (n_outputs,)
        In the unit of the target.

    Notes
    -----
    ``RMSE = sqrt(MSE)``: back in the target's unit, always >= MAE; the gap
    grows with the spread of the errors (a few large errors).

    Examples
    --------
    >>> from mlcourse.metrics import root_mean_squared_error
    >>> root_mean_squared_error([1.0, 2.0, 3.0], [1.0, 2.0, 6.0])
    1.732...
    """
    owner = "root_mean_squared_error"
    yt, yp, w, mo = _check_reg_targets(y_true, y_pred, sample_weight, multioutput, owner)
    return _aggregate(np.sqrt(np.average((yt - yp) ** 2, axis=0, weights=w)), mo)


def r2_score(
    y_true: Any,
    y_pred: Any,
    *,
    sample_weight: Any = None,
    multioutput: Any = "uniform_average",
    force_finite: bool = True,
) -> Any:
    """Compute R² (coefficient of determination): the share of variance explained.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_outputs)
        True values.
    y_pred : array-like of shape (n_samples,) or (n_samples, n_outputs)
        Predicted values.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    multioutput : {"raw_values", "uniform_average", "variance_weighted"} or \
array-like of shape (n_outputs,), default="uniform_average"
        How to combine several outputs; ``"variance_weighted"`` weights each
        output's R² by the variance of its true values.
    force_finite : bool, default=True
        For constant ``y_true`` (zero variance) return 1.0 for perfect
        predictions and 0.0 otherwise, instead of NaN / -inf.

    Returns
    -------
    float or ndarray of shape (n_outputs,)
        At most 1; 0 for always predicting the mean; negative for worse.
        NaN (with an :class:`UndefinedMetricWarning`) for fewer than 2 samples.

    Notes
    -----
    ``R² = 1 - SS_res / SS_tot`` with ``SS_res = sum_i (y_i - yhat_i)^2`` and
    ``SS_tot = sum_i (y_i - mean(y))^2`` (weighted sums with weights).
    Unitless, so it compares models across targets.

    Examples
    --------
    >>> from mlcourse.metrics import r2_score
    >>> r2_score([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.948...
    >>> r2_score([1.0, 2.0, 3.0], [2.0, 2.0, 2.0])
    0.0
    """
    owner = "r2_score"
    yt, yp, w, mo = _check_reg_targets(
        y_true,
        y_pred,
        sample_weight,
        multioutput,
        owner,
        allowed=(*_MULTIOUTPUT, "variance_weighted"),
    )
    if yp.shape[0] < 2:
        warnings.warn(
            "R^2 score is not well-defined with less than two samples.",
            UndefinedMetricWarning,
            stacklevel=2,
        )
        return float("nan")
    weight: Any = 1.0 if w is None else w[:, None]
    numerator = np.sum(weight * (yt - yp) ** 2, axis=0)
    denominator = np.sum(weight * (yt - np.average(yt, axis=0, weights=w)) ** 2, axis=0)
    nonzero_den = denominator != 0
    if not force_finite:
        with np.errstate(divide="ignore", invalid="ignore"):
            scores = 1 - numerator / denominator
    else:
        nonzero_num = numerator != 0
        scores = np.ones(yt.shape[1], dtype=numerator.dtype)
        valid = nonzero_den & nonzero_num
        scores[valid] = 1 - numerator[valid] / denominator[valid]
        scores[nonzero_num & ~nonzero_den] = 0.0
    if isinstance(mo, str):
        if mo == "raw_values":
            return scores
        avg_weights = None
        if mo == "variance_weighted" and np.any(nonzero_den):
            avg_weights = denominator
    else:
        avg_weights = mo
    return float(np.average(scores, weights=avg_weights))

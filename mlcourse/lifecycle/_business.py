"""Business metrics: what a classifier's decisions are worth in money.

A model is judged by accuracy or F1; a business by profit. Give each cell of
the confusion matrix a value (a caught fraud saves money, a needless review
costs some, a missed fraud costs a lot), and the best decision threshold is
the one that maximises the total, which is rarely 0.5.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from mlcourse._validation import (
    check_consistent_length,
    check_scalar,
    column_or_1d,
    param_message,
)

__all__ = ["expected_profit", "profit_curve", "profit_score", "roi"]


def _check_values(owner: str, **values: Any) -> dict[str, float]:
    """Check the gains (any real) and the costs (>= 0) of the confusion-matrix cells."""
    out = {}
    for name, value in values.items():
        min_val = 0.0 if name.startswith("cost") else None
        check_scalar(value, name, numbers.Real, owner=owner, min_val=min_val)
        if not np.isfinite(value):
            raise ValueError(param_message(name, "a finite number", value, owner=owner))
        out[name] = float(value)
    return out


def _positive_mask(y: Any, name: str, pos_label: Any, owner: str) -> np.ndarray:
    """Return ``y == pos_label`` after checking that ``y`` has at most two labels."""
    arr = column_or_1d(y, name, owner=owner)
    labels = np.unique(arr)
    if labels.size > 2:
        raise ValueError(
            param_message(
                name,
                "binary (at most two distinct labels)",
                labels.tolist(),
                owner=owner,
            )
        )
    if labels.size == 2 and pos_label not in labels.tolist():
        raise ValueError(
            param_message(
                "pos_label",
                f"one of the labels in {name} {labels.tolist()}",
                pos_label,
                owner=owner,
            )
        )
    return np.asarray(arr == pos_label)


def _check_normalize(normalize: Any, owner: str) -> bool:
    if not isinstance(normalize, bool | np.bool_):
        raise TypeError(param_message("normalize", "a bool", normalize, owner=owner))
    return bool(normalize)


def _profit(
    tp: Any, fp: Any, fn: Any, tn: Any, v: dict[str, float], n: int, normalize: bool
) -> Any:
    total = v["gain_tp"] * tp + v["gain_tn"] * tn - v["cost_fp"] * fp - v["cost_fn"] * fn
    return total / n if normalize else total


def profit_score(
    y_true: Any,
    y_pred: Any,
    *,
    gain_tp: float,
    cost_fp: float,
    cost_fn: float,
    gain_tn: float = 0.0,
    pos_label: Any = 1,
    normalize: bool = False,
) -> float:
    """Compute the profit of hard predictions from a value for each confusion-matrix cell.

    Use it with :func:`sklearn.metrics.make_scorer` to let scikit-learn
    (e.g. ``TunedThresholdClassifierCV``) optimise money instead of accuracy.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True binary labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    gain_tp : float
        Value of a true positive (e.g. the fraud loss avoided, minus the
        review cost).
    cost_fp : float
        Cost of a false positive (e.g. a needless review), >= 0.
    cost_fn : float
        Cost of a false negative (e.g. the fraud loss), >= 0.
    gain_tn : float, default=0.0
        Value of a true negative.
    pos_label : int, float, bool or str, default=1
        The positive class.
    normalize : bool, default=False
        Return the profit per prediction (the mean) instead of the total.

    Returns
    -------
    float
        ``gain_tp*TP + gain_tn*TN - cost_fp*FP - cost_fn*FN`` (divided by
        ``n_samples`` when ``normalize``).

    See Also
    --------
    expected_profit : The same from scores and a threshold.
    profit_curve : The profit at every threshold.

    Examples
    --------
    >>> y_true = [1, 0, 1, 0, 0]
    >>> y_pred = [1, 1, 0, 0, 0]  # TP=1, FP=1, FN=1, TN=2
    >>> profit_score(y_true, y_pred, gain_tp=90, cost_fp=10, cost_fn=100)
    -20.0
    >>> profit_score(y_true, y_pred, gain_tp=90, cost_fp=10, cost_fn=100, normalize=True)
    -4.0
    """
    owner = "profit_score"
    v = _check_values(owner, gain_tp=gain_tp, cost_fp=cost_fp, cost_fn=cost_fn, gain_tn=gain_tn)
    norm = _check_normalize(normalize, owner)
    check_consistent_length([y_true, y_pred], ["y_true", "y_pred"], owner=owner)
    actual = _positive_mask(y_true, "y_true", pos_label, owner)
    predicted = _positive_mask(y_pred, "y_pred", pos_label, owner)
    if actual.size == 0:
        raise ValueError(param_message("y_true", "a non-empty array-like", [], owner=owner))
    tp = int(np.sum(actual & predicted))
    fp = int(np.sum(~actual & predicted))
    fn = int(np.sum(actual & ~predicted))
    tn = int(np.sum(~actual & ~predicted))
    return float(_profit(tp, fp, fn, tn, v, actual.size, norm))


def _counts_at(
    actual: np.ndarray, scores: np.ndarray, thresholds: np.ndarray
) -> tuple[np.ndarray, ...]:
    """Return TP, FP, FN, TN at each threshold (positive when score >= threshold)."""
    pos = np.sort(scores[actual])
    neg = np.sort(scores[~actual])
    tp = pos.size - np.searchsorted(pos, thresholds, side="left")
    fp = neg.size - np.searchsorted(neg, thresholds, side="left")
    return tp, fp, pos.size - tp, neg.size - fp


def _check_scores(y_true: Any, y_score: Any, pos_label: Any, owner: str) -> tuple[np.ndarray, ...]:
    check_consistent_length([y_true, y_score], ["y_true", "y_score"], owner=owner)
    actual = _positive_mask(y_true, "y_true", pos_label, owner)
    scores = column_or_1d(y_score, "y_score", owner=owner, numeric=True).astype(float)
    if actual.size == 0:
        raise ValueError(param_message("y_true", "a non-empty array-like", [], owner=owner))
    return actual, scores


def expected_profit(
    y_true: Any,
    y_score: Any,
    threshold: float,
    *,
    gain_tp: float,
    cost_fp: float,
    cost_fn: float,
    gain_tn: float = 0.0,
    pos_label: Any = 1,
    normalize: bool = False,
) -> float:
    """Compute the profit of flagging every sample whose score is at least ``threshold``.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True binary labels.
    y_score : array-like of shape (n_samples,)
        Scores of the positive class (probabilities or decision values).
    threshold : float
        Predict positive when ``y_score >= threshold`` (scikit-learn's rule).
    gain_tp : float
        Value of a true positive.
    cost_fp : float
        Cost of a false positive, >= 0.
    cost_fn : float
        Cost of a false negative, >= 0.
    gain_tn : float, default=0.0
        Value of a true negative.
    pos_label : int, float, bool or str, default=1
        The positive class.
    normalize : bool, default=False
        Return the profit per prediction (the mean) instead of the total.

    Returns
    -------
    float
        ``gain_tp*TP + gain_tn*TN - cost_fp*FP - cost_fn*FN`` at this
        threshold (divided by ``n_samples`` when ``normalize``).

    See Also
    --------
    profit_curve : The profit at every threshold.
    profit_score : The profit of hard predictions (for ``make_scorer``).

    Examples
    --------
    >>> y_true = [0, 0, 1, 1]
    >>> y_score = [0.1, 0.6, 0.4, 0.9]
    >>> expected_profit(y_true, y_score, 0.5, gain_tp=90, cost_fp=10, cost_fn=100)
    -20.0
    >>> expected_profit(y_true, y_score, 0.3, gain_tp=90, cost_fp=10, cost_fn=100)
    170.0
    """
    owner = "expected_profit"
    v = _check_values(owner, gain_tp=gain_tp, cost_fp=cost_fp, cost_fn=cost_fn, gain_tn=gain_tn)
    norm = _check_normalize(normalize, owner)
    check_scalar(threshold, "threshold", numbers.Real, owner=owner)
    if np.isnan(threshold):
        raise ValueError(param_message("threshold", "a number (not NaN)", threshold, owner=owner))
    actual, scores = _check_scores(y_true, y_score, pos_label, owner)
    tp, fp, fn, tn = _counts_at(actual, scores, np.array([float(threshold)]))
    return float(_profit(tp, fp, fn, tn, v, actual.size, norm)[0])


def profit_curve(
    y_true: Any,
    y_score: Any,
    *,
    gain_tp: float,
    cost_fp: float,
    cost_fn: float,
    gain_tn: float = 0.0,
    pos_label: Any = 1,
    normalize: bool = False,
    thresholds: Any = None,
) -> tuple[np.ndarray, np.ndarray]:
    r"""Compute the profit at every decision threshold.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True binary labels.
    y_score : array-like of shape (n_samples,)
        Scores of the positive class (probabilities or decision values).
    gain_tp : float
        Value of a true positive.
    cost_fp : float
        Cost of a false positive, >= 0.
    cost_fn : float
        Cost of a false negative, >= 0.
    gain_tn : float, default=0.0
        Value of a true negative.
    pos_label : int, float, bool or str, default=1
        The positive class.
    normalize : bool, default=False
        Return profits per prediction (means) instead of totals.
    thresholds : array-like of shape (n_thresholds,), default=None
        Thresholds to evaluate. ``None`` uses every distinct score plus
        ``inf`` (flag nothing), which contains the exact maximum.

    Returns
    -------
    profits : ndarray of shape (n_thresholds,)
        Profit when predicting positive for ``y_score >= thresholds[i]``.
    thresholds : ndarray of shape (n_thresholds,)
        The thresholds, increasing.

    See Also
    --------
    expected_profit : The profit at one threshold.

    Notes
    -----
    Sorting the scores once makes the whole curve cost
    :math:`O(n \log n)`: the number of positives scoring at least
    :math:`t` is a binary search in the sorted positive scores.

    Examples
    --------
    >>> profits, thresholds = profit_curve(
    ...     [0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9], gain_tp=90, cost_fp=10, cost_fn=100
    ... )
    >>> thresholds.tolist()
    [0.1, 0.4, 0.6, 0.9, inf]
    >>> profits.tolist()
    [160.0, 170.0, -20.0, -10.0, -200.0]
    >>> float(thresholds[profits.argmax()])
    0.4
    """
    owner = "profit_curve"
    v = _check_values(owner, gain_tp=gain_tp, cost_fp=cost_fp, cost_fn=cost_fn, gain_tn=gain_tn)
    norm = _check_normalize(normalize, owner)
    actual, scores = _check_scores(y_true, y_score, pos_label, owner)
    if thresholds is None:
        grid = np.append(np.unique(scores), np.inf)
    else:
        grid = np.sort(column_or_1d(thresholds, "thresholds", owner=owner, numeric=True))
        grid = grid.astype(float)
        if grid.size == 0:
            raise ValueError(
                param_message("thresholds", "a non-empty array-like or None", [], owner=owner)
            )
    tp, fp, fn, tn = _counts_at(actual, scores, grid)
    profits = _profit(tp, fp, fn, tn, v, actual.size, norm).astype(float)
    return profits, grid


def roi(gain: Any, cost: Any) -> Any:
    """Compute the return on investment: ``(gain - cost) / cost``.

    Parameters
    ----------
    gain : float or array-like
        What the project brings in (e.g. the losses its model avoids).
    cost : float or array-like
        What it costs (development, running, reviews), > 0.

    Returns
    -------
    float or ndarray
        The ROI as a fraction: ``0.25`` means every dollar spent returned
        1.25 dollars; a negative ROI means a loss.

    Raises
    ------
    ValueError
        If a cost is not strictly positive or a value is not finite.

    Examples
    --------
    >>> roi(125_000, 100_000)
    0.25
    >>> roi([50, 300], 100).tolist()
    [-0.5, 2.0]
    """
    owner = "roi"
    try:
        g = np.asarray(gain, dtype=float)
        c = np.asarray(cost, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            param_message("gain", "a number or array of numbers", (gain, cost), owner=owner)
        ) from None
    if not np.isfinite(g).all():
        raise ValueError(param_message("gain", "finite", gain, owner=owner))
    if not (np.isfinite(c).all() and (c > 0).all()):
        raise ValueError(param_message("cost", "strictly positive and finite", cost, owner=owner))
    out = (g - c) / c
    return float(out) if out.ndim == 0 else out

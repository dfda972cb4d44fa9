"""Ranking metrics from scores: ROC and precision-recall curves, their areas."""

from __future__ import annotations

import warnings
from itertools import combinations
from typing import Any

import numpy as np

from mlcourse._validation import check_in, check_scalar, column_or_1d, param_message

from ._base import (
    UndefinedMetricWarning,
    _check_discrete,
    _check_labels_arg,
    _check_missing,
    _check_nonzero_weights,
    _check_sample_weight,
    _labels_repr,
    _Text,
)

__all__ = [
    "auc",
    "average_precision_score",
    "precision_recall_curve",
    "roc_auc_score",
    "roc_curve",
]


def _trapezoid(y: np.ndarray, x: np.ndarray) -> Any:
    """Trapezoidal rule: sum of (x[i+1] - x[i]) * (y[i] + y[i+1]) / 2."""
    return (np.diff(x) * (y[1:] + y[:-1]) / 2.0).sum()


# --------------------------------------------------------------------------- input checks


def _check_scores(
    y_true: Any,
    y_score: Any,
    sample_weight: Any,
    owner: str,
    *,
    score_2d: bool = False,
    require_nonzero: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Validate labels, scores and weights of a ranking metric."""
    yt = column_or_1d(y_true, "y_true", owner=owner)
    if score_2d:
        ys = np.asarray(y_score)
        if ys.ndim == 2 and ys.shape[1] == 1:
            ys = ys.ravel()
        if ys.ndim == 2:
            if ys.dtype.kind not in "biuf":
                raise TypeError(
                    param_message(
                        "y_score", "a numeric array-like", _Text(f"dtype {ys.dtype}"), owner=owner
                    )
                )
            if ys.dtype.kind == "f" and not np.isfinite(ys).all():
                raise ValueError(
                    f"The 'y_score' parameter of {owner} contains NaN or infinity. "
                    "Drop or impute the missing or infinite values first."
                )
        else:
            ys = column_or_1d(ys, "y_score", owner=owner, numeric=True)
    else:
        ys = column_or_1d(y_score, "y_score", owner=owner, numeric=True)
    if ys.dtype.kind == "b":
        ys = ys.astype(np.float64)
    if yt.shape[0] != ys.shape[0]:
        raise ValueError(
            f"Found input variables of {owner} with inconsistent numbers of samples: "
            f"y_true has {yt.shape[0]}, y_score has {ys.shape[0]}. They must have the same length."
        )
    if yt.shape[0] == 0:
        raise ValueError(param_message("y_true", "a non-empty array-like", yt, owner=owner))
    _check_discrete(yt, "y_true", owner)
    _check_missing(yt, "y_true", owner)
    weights = _check_sample_weight(
        sample_weight, yt.shape[0], owner, require_nonzero=require_nonzero
    )
    return yt, ys, weights


def _n_classes_at_most_2(yt: np.ndarray) -> bool:
    if yt.dtype.kind in "biuf":
        lo, hi = yt.min(), yt.max()
        return bool(lo == hi or not np.any((yt != lo) & (yt != hi)))
    return _unique(yt, "y_true").shape[0] <= 2


def _unique(y: np.ndarray, name: str, owner: str | None = None) -> np.ndarray:
    try:
        return np.unique(y)
    except TypeError:
        raise ValueError(
            param_message(
                name, "labels of one type (all strings or all numbers)", _Text("a mix"), owner=owner
            )
        ) from None


def _positive_mask(yt: np.ndarray, pos_label: Any, owner: str) -> np.ndarray:
    """Return ``y_true == pos_label``, inferring ``pos_label=1`` for {0, 1} or {-1, 1} labels."""
    if pos_label is None:
        ok = False
        if yt.dtype.kind in "biuf":
            lo, hi = yt.min(), yt.max()
            if lo >= 0 and hi <= 1:
                ok = True
            elif lo == -1 and hi == 1:
                ok = not np.any(yt == 0)
            elif lo == hi == -1:
                ok = True
        if not ok:
            classes = _unique(yt, "y_true", owner)
            if classes.shape[0] > 2:
                raise ValueError(
                    param_message(
                        "y_true",
                        "binary labels (two classes) when pos_label is None",
                        _Text(f"{classes.shape[0]} classes {_labels_repr(classes)}"),
                        owner=owner,
                    )
                    + " Pass pos_label to score one class against the rest."
                )
            raise ValueError(
                param_message(
                    "pos_label",
                    "given when the labels of y_true are not {0, 1} or {-1, 1} "
                    f"(y_true takes values in {_labels_repr(classes)})",
                    pos_label,
                    owner=owner,
                )
            )
        pos_label = 1
    return np.asarray(yt == pos_label)


def _clf_curve(
    pos: np.ndarray, ys: np.ndarray, weights: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cumulative false and true positives at each distinct score, highest first.

    Returns ``(fps, tps, thresholds)``: predicting positive when
    ``score >= thresholds[i]`` gives ``fps[i]`` false and ``tps[i]`` true
    positives.
    """
    if weights is not None:
        nonzero = weights != 0
        if not nonzero.all():
            pos, ys, weights = pos[nonzero], ys[nonzero], weights[nonzero]
    order = np.argsort(ys)[::-1]
    ys = ys[order]
    pos = pos[order]
    distinct = np.flatnonzero(np.diff(ys))
    idx = np.append(distinct, pos.shape[0] - 1)
    if weights is None:
        tps = np.cumsum(pos, dtype=np.float64)[idx]
        fps = 1 + idx.astype(np.float64) - tps
    else:
        w = weights[order]
        posf = pos.astype(np.float64)
        tps = np.cumsum(posf * w, dtype=np.float64)[idx]
        fps = np.cumsum((1 - posf) * w, dtype=np.float64)[idx]
    return fps, tps, ys[idx]


# --------------------------------------------------------------------------- curves


def roc_curve(
    y_true: Any,
    y_score: Any,
    *,
    pos_label: Any = None,
    sample_weight: Any = None,
    drop_intermediate: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Compute the ROC curve: true positive rate against false positive rate per threshold.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels. If they are not {0, 1} or {-1, 1}, give ``pos_label``.
    y_score : array-like of shape (n_samples,)
        Scores of the positive class: probabilities or decision values,
        higher meaning "more likely positive".
    pos_label : int, float, bool or str, default=None
        The positive class; ``None`` means 1 for {0, 1} or {-1, 1} labels.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    drop_intermediate : bool, default=True
        Drop thresholds whose point lies on a straight line between its
        neighbours: the curve and its area do not change, it just has
        fewer points.

    Returns
    -------
    fpr : ndarray of shape (n_thresholds,)
        Increasing false positive rates; ``fpr[i]`` is the rate of the rule
        "positive if score >= thresholds[i]".
    tpr : ndarray of shape (n_thresholds,)
        Increasing true positive rates (recalls) of the same rules.
    thresholds : ndarray of shape (n_thresholds,)
        Decreasing thresholds; the first is ``inf`` (predict nothing
        positive: the point (0, 0)).

    Warns
    -----
    UndefinedMetricWarning
        If ``y_true`` has no positive (TPR is NaN) or no negative (FPR is NaN).

    See Also
    --------
    roc_auc_score : The area under this curve.
    precision_recall_curve : Precision against recall per threshold.

    Notes
    -----
    Sort the samples by decreasing score and sweep the threshold down one
    distinct score at a time: every positive passed raises the true
    positives, every negative the false positives::

        TPR(t) = TP(t) / P = #(positives with score >= t) / #positives
        FPR(t) = FP(t) / N = #(negatives with score >= t) / #negatives

    Tied scores form one threshold, so ties give a diagonal segment.

    Examples
    --------
    >>> from mlcourse.metrics import roc_curve
    >>> fpr, tpr, thresholds = roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> fpr.tolist(), tpr.tolist()
    ([0.0, 0.0, 0.5, 0.5, 1.0], [0.0, 0.5, 0.5, 1.0, 1.0])
    >>> thresholds.tolist()
    [inf, 0.8, 0.4, 0.35, 0.1]
    """
    owner = "roc_curve"
    yt, ys, weights = _check_scores(y_true, y_score, sample_weight, owner)
    pos = _positive_mask(yt, pos_label, owner)
    return _roc_from_mask(pos, ys, weights, drop_intermediate)


def _roc_from_mask(
    pos: np.ndarray, ys: np.ndarray, weights: np.ndarray | None, drop_intermediate: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    fps, tps, thresholds = _clf_curve(pos, ys, weights)
    if drop_intermediate and fps.shape[0] > 2:
        keep = np.concatenate([[True], np.logical_or(np.diff(fps, 2), np.diff(tps, 2)), [True]])
        fps, tps, thresholds = fps[keep], tps[keep], thresholds[keep]
    tps = np.concatenate([[0.0], tps])
    fps = np.concatenate([[0.0], fps])
    thresholds = np.concatenate([[np.inf], thresholds.astype(np.float64)])
    if fps[-1] <= 0:
        warnings.warn(
            "No negative samples in y_true, false positive value should be meaningless",
            UndefinedMetricWarning,
            stacklevel=3,
        )
        fpr = np.full(fps.shape, np.nan)
    else:
        fpr = fps / fps[-1]
    if tps[-1] <= 0:
        warnings.warn(
            "No positive samples in y_true, true positive value should be meaningless",
            UndefinedMetricWarning,
            stacklevel=3,
        )
        tpr = np.full(tps.shape, np.nan)
    else:
        tpr = tps / tps[-1]
    return fpr, tpr, thresholds


def precision_recall_curve(
    y_true: Any,
    y_score: Any,
    *,
    pos_label: Any = None,
    sample_weight: Any = None,
    drop_intermediate: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Compute precision and recall for every threshold on the scores.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels. If they are not {0, 1} or {-1, 1}, give ``pos_label``.
    y_score : array-like of shape (n_samples,)
        Scores of the positive class (probabilities or decision values).
    pos_label : int, float, bool or str, default=None
        The positive class; ``None`` means 1 for {0, 1} or {-1, 1} labels.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    drop_intermediate : bool, default=False
        Keep only the first and last threshold of each recall level (the
        ends of the vertical steps of the plotted curve).

    Returns
    -------
    precision : ndarray of shape (n_thresholds + 1,)
        ``precision[i]`` is the precision of "positive if score >=
        thresholds[i]"; the last element is 1 (no threshold).
    recall : ndarray of shape (n_thresholds + 1,)
        Decreasing recalls of the same rules; the last element is 0.
    thresholds : ndarray of shape (n_thresholds,)
        Increasing distinct scores.

    Warns
    -----
    UndefinedMetricWarning
        If ``y_true`` has no positive sample (recall is set to 1).

    See Also
    --------
    average_precision_score : The area under this curve (step rule).
    roc_curve : True positive rate against false positive rate.

    Notes
    -----
    ``precision(t) = TP(t) / (TP(t) + FP(t))`` and ``recall(t) = TP(t) / P``
    with the counts of :func:`roc_curve`. Precision is 0 by convention
    where nothing is predicted positive.

    Examples
    --------
    >>> from mlcourse.metrics import precision_recall_curve
    >>> p, r, t = precision_recall_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> [round(v, 3) for v in p.tolist()]
    [0.5, 0.667, 0.5, 1.0, 1.0]
    >>> r.tolist(), t.tolist()
    ([1.0, 1.0, 0.5, 0.5, 0.0], [0.1, 0.35, 0.4, 0.8])
    """
    owner = "precision_recall_curve"
    yt, ys, weights = _check_scores(y_true, y_score, sample_weight, owner)
    pos = _positive_mask(yt, pos_label, owner)
    return _pr_from_mask(pos, ys, weights, drop_intermediate)


def _pr_from_mask(
    pos: np.ndarray, ys: np.ndarray, weights: np.ndarray | None, drop_intermediate: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    fps, tps, thresholds = _clf_curve(pos, ys, weights)
    if drop_intermediate and fps.shape[0] > 2:
        keep = np.concatenate([[True], np.logical_or(np.diff(tps[:-1]), np.diff(tps[1:])), [True]])
        fps, tps, thresholds = fps[keep], tps[keep], thresholds[keep]
    ps = tps + fps
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(ps != 0, tps / ps, 0.0)
    if tps[-1] == 0:
        warnings.warn(
            "No positive class found in y_true, recall is set to one for all thresholds.",
            UndefinedMetricWarning,
            stacklevel=3,
        )
        recall = np.ones(tps.shape)
    else:
        recall = tps / tps[-1]
    return (
        np.concatenate([precision[::-1], [1.0]]),
        np.concatenate([recall[::-1], [0.0]]),
        thresholds[::-1],
    )


# --------------------------------------------------------------------------- areas


def auc(x: Any, y: Any) -> float:
    """Compute the area under a curve with the trapezoidal rule.

    Parameters
    ----------
    x : array-like of shape (n_points,)
        Monotonic (increasing or decreasing) x coordinates, e.g. FPR.
    y : array-like of shape (n_points,)
        y coordinates, e.g. TPR.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If there are fewer than 2 points or ``x`` is not monotonic.

    Notes
    -----
    ``area = sum_i (x[i+1] - x[i]) * (y[i] + y[i+1]) / 2``: each segment
    adds the area of a trapezoid.

    Examples
    --------
    >>> from mlcourse.metrics import auc
    >>> auc([0.0, 0.5, 1.0], [0.0, 1.0, 1.0])
    0.75
    """
    owner = "auc"
    xs = column_or_1d(x, "x", owner=owner, numeric=True)
    ys = column_or_1d(y, "y", owner=owner, numeric=True, allow_nan=True)
    if xs.shape[0] != ys.shape[0]:
        raise ValueError(
            f"Found input variables of {owner} with inconsistent numbers of samples: "
            f"x has {xs.shape[0]}, y has {ys.shape[0]}. They must have the same length."
        )
    if xs.shape[0] < 2:
        raise ValueError(param_message("x", "an array of at least 2 points", xs, owner=owner))
    direction = 1
    dx = np.diff(xs)
    if np.any(dx < 0):
        if np.all(dx <= 0):
            direction = -1
        else:
            raise ValueError(
                param_message(
                    "x",
                    "monotonic (increasing or decreasing)",
                    _Text(f"{xs.tolist()[:8]}..."),
                    owner=owner,
                )
            )
    return float(direction * _trapezoid(ys, xs))


def _binary_roc_auc(
    pos: np.ndarray, ys: np.ndarray, weights: np.ndarray | None, max_fpr: float | None
) -> float:
    if pos.all() or not pos.any():
        warnings.warn(
            "Only one class is present in y_true. ROC AUC score is not defined in that case.",
            UndefinedMetricWarning,
            stacklevel=3,
        )
        return float("nan")
    if (max_fpr is None or max_fpr == 1) and weights is None:
        return _rank_auc(pos, ys)
    fpr, tpr, _ = _roc_from_mask(pos, ys, weights, True)
    if max_fpr is None or max_fpr == 1:
        return float(_trapz_area(fpr, tpr))
    stop = int(np.searchsorted(fpr, max_fpr, "right"))
    x_interp = [fpr[stop - 1], fpr[stop]]
    y_interp = [tpr[stop - 1], tpr[stop]]
    tpr = np.append(tpr[:stop], np.interp(max_fpr, x_interp, y_interp))
    fpr = np.append(fpr[:stop], max_fpr)
    partial = float(_trapz_area(fpr, tpr))
    min_area = 0.5 * max_fpr**2
    max_area = max_fpr
    return float(0.5 * (1 + (partial - min_area) / (max_area - min_area)))


def _rank_auc(pos: np.ndarray, ys: np.ndarray) -> float:
    """ROC AUC as the Mann-Whitney statistic: P(score of a positive > score of a negative).

    Equal to the trapezoidal area under the ROC curve (ties count one half),
    but needs two plain sorts instead of an argsort of all the scores.
    """
    s_pos = np.sort(ys[pos])
    s_neg = np.sort(ys[~pos])
    below = np.searchsorted(s_neg, s_pos, side="left")  # negatives strictly lower
    upto = np.searchsorted(s_neg, s_pos, side="right")  # ... lower or tied
    twice_u = int(below.sum(dtype=np.int64)) + int(upto.sum(dtype=np.int64))
    return twice_u / (2.0 * s_pos.shape[0] * s_neg.shape[0])


def _trapz_area(x: np.ndarray, y: np.ndarray) -> float:
    return float(_trapezoid(y, x))


def _average_binary_score(
    metric: Any,
    Y: np.ndarray,
    S: np.ndarray,
    average: str | None,
    weights: np.ndarray | None,
) -> Any:
    """One-vs-rest average of a binary metric over the columns of an indicator matrix."""
    if average == "micro":
        w = None if weights is None else np.repeat(weights, Y.shape[1])
        return metric(Y.ravel().astype(bool), S.ravel(), w)
    average_weight = None
    if average == "weighted":
        if weights is not None:
            average_weight = np.sum(Y * weights.reshape(-1, 1), axis=0)
        else:
            average_weight = np.sum(Y, axis=0)
        if np.isclose(np.sum(average_weight), 0.0):
            return 0
    scores = np.zeros(Y.shape[1])
    for c in range(Y.shape[1]):
        scores[c] = metric(Y[:, c].astype(bool), S[:, c], weights)
    if average is None:
        return scores
    if average_weight is not None:
        scores[average_weight == 0] = 0
    return float(np.average(scores, weights=average_weight))


def roc_auc_score(
    y_true: Any,
    y_score: Any,
    *,
    average: str | None = "macro",
    sample_weight: Any = None,
    max_fpr: float | None = None,
    multi_class: str = "raise",
    labels: Any = None,
) -> Any:
    """Compute the area under the ROC curve (ROC AUC).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels. Binary: the greater label is the positive class.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Binary: scores of the positive (greater) class. Multiclass:
        probabilities of each class (rows summing to 1), columns in the
        order of ``labels`` or of the sorted labels of ``y_true``.
    average : {"macro", "weighted", "micro"} or None, default="macro"
        Multiclass only: how to average the per-class (``"ovr"``) or
        per-pair (``"ovo"``) AUCs; ``None`` (``"ovr"`` only) returns them.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights (not with ``multi_class="ovo"``).
    max_fpr : float in (0, 1], default=None
        Binary only: the standardised partial AUC over ``FPR <= max_fpr``.
    multi_class : {"raise", "ovr", "ovo"}, default="raise"
        Multiclass only: one-vs-rest or one-vs-one; ``"raise"`` asks you
        to choose.
    labels : array-like of shape (n_classes,), default=None
        Multiclass only: the sorted labels indexing the columns of ``y_score``.

    Returns
    -------
    float or ndarray of shape (n_classes,)
        NaN (with an :class:`UndefinedMetricWarning`) if binary ``y_true``
        has a single class.

    See Also
    --------
    roc_curve : The curve whose area this is.
    auc : The trapezoidal rule.

    Notes
    -----
    ``AUC = integral of TPR d(FPR)``, the trapezoidal rule on
    :func:`roc_curve`. It equals the probability that a random positive
    scores higher than a random negative, ties counting one half (the
    Mann-Whitney U statistic over ``n_pos * n_neg``)::

        AUC = sum over positives p of (#{negatives n: s_n < s_p}
                                       + 0.5 #{negatives n: s_n == s_p}) / (n_pos n_neg)

    which is how the unweighted binary case is computed here (two sorts
    and a binary search, the same value as the trapezoids). 0.5 is chance,
    1 a perfect ranking; AUC does not depend on any threshold nor on the
    class balance. Gini coefficient: ``G = 2 AUC - 1``.

    Examples
    --------
    >>> from mlcourse.metrics import roc_auc_score
    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> proba = [[0.5, 0.3, 0.2], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6],
    ...          [0.3, 0.3, 0.4], [0.4, 0.4, 0.2], [0.3, 0.5, 0.2]]
    >>> roc_auc_score([0, 1, 2, 1, 2, 0], proba, multi_class="ovr")
    0.666...
    """
    owner = "roc_auc_score"
    check_in(average, "average", ["macro", "weighted", "micro", None], owner=owner)
    check_in(multi_class, "multi_class", ["raise", "ovr", "ovo"], owner=owner)
    # As in sklearn, a single-class y_true gives NaN before the weights are
    # required to be non-zero.
    yt, ys, weights = _check_scores(
        y_true, y_score, sample_weight, owner, score_2d=True, require_nonzero=False
    )
    binary = _n_classes_at_most_2(yt)
    if not binary or (ys.ndim == 2 and ys.shape[1] > 2):
        _check_nonzero_weights(weights, owner)
        if max_fpr is not None and max_fpr != 1.0:
            raise ValueError(
                param_message(
                    "max_fpr", "None for multiclass targets (no partial AUC)", max_fpr, owner=owner
                )
            )
        return _multiclass_roc_auc(yt, ys, labels, multi_class, average, weights, owner)
    if ys.ndim != 1:
        raise ValueError(
            param_message(
                "y_score",
                "a 1-D array of positive-class scores for binary y_true "
                "(e.g. predict_proba(X)[:, 1])",
                ys,
                owner=owner,
            )
        )
    if max_fpr is not None:
        check_scalar(
            max_fpr, "max_fpr", (int, float), owner=owner, min_val=0, max_val=1, closed="right"
        )
    if yt.dtype.kind in "biuf":
        top = yt.max()
    else:
        top = _unique(yt, "y_true", owner)[-1]
    pos = np.asarray(yt == top)
    if pos.any() and not pos.all():
        _check_nonzero_weights(weights, owner)
    return _binary_roc_auc(pos, ys, weights, max_fpr)


def _check_multiclass_labels(yt: np.ndarray, ys: np.ndarray, labels: Any, owner: str) -> np.ndarray:
    if labels is not None:
        lab = _check_labels_arg(labels, owner)
        classes = np.unique(lab)
        if classes.shape[0] != lab.shape[0]:
            raise ValueError(
                param_message("labels", "unique labels", _labels_repr(lab), owner=owner)
            )
        if not np.array_equal(classes, lab):
            raise ValueError(
                param_message("labels", "sorted labels", _labels_repr(lab), owner=owner)
            )
        if classes.shape[0] != ys.shape[1]:
            raise ValueError(
                param_message(
                    "labels",
                    f"one label per column of y_score ({ys.shape[1]})",
                    _Text(f"{classes.shape[0]} labels"),
                    owner=owner,
                )
            )
        if np.setdiff1d(yt, classes).shape[0]:
            raise ValueError(
                param_message(
                    "y_true",
                    f"labels among labels={_labels_repr(classes)}",
                    _labels_repr(np.setdiff1d(yt, classes)),
                    owner=owner,
                )
            )
        return classes
    classes = _unique(yt, "y_true", owner)
    if classes.shape[0] != ys.shape[1]:
        raise ValueError(
            param_message(
                "y_score",
                f"one column per class of y_true ({classes.shape[0]} classes "
                f"{_labels_repr(classes)})",
                ys,
                owner=owner,
            )
        )
    return classes


def _multiclass_roc_auc(
    yt: np.ndarray,
    ys: np.ndarray,
    labels: Any,
    multi_class: str,
    average: str | None,
    weights: np.ndarray | None,
    owner: str,
) -> Any:
    if ys.ndim != 2:
        raise ValueError(
            param_message(
                "y_score",
                "an array of shape (n_samples, n_classes) since y_true has more than two "
                "classes (e.g. predict_proba(X))",
                ys,
                owner=owner,
            )
        )
    if not np.allclose(1, ys.sum(axis=1)):
        raise ValueError(
            param_message(
                "y_score",
                "probabilities for multiclass ROC AUC (each row summing to 1)",
                _Text(
                    f"rows summing to {float(ys.sum(axis=1).min()):g}..."
                    f"{float(ys.sum(axis=1).max()):g}"
                ),
                owner=owner,
            )
        )
    if multi_class == "raise":
        raise ValueError(
            param_message(
                "multi_class", "'ovr' or 'ovo' for multiclass y_true", multi_class, owner=owner
            )
        )
    if multi_class == "ovo":
        check_in(average, "average", ["macro", "weighted"], owner=f"{owner} with multi_class='ovo'")
        if weights is not None:
            raise ValueError(
                param_message(
                    "sample_weight",
                    "None with multi_class='ovo' (one-vs-one does not support weights)",
                    _Text("weights"),
                    owner=owner,
                )
            )
    classes = _check_multiclass_labels(yt, ys, labels, owner)

    def metric(pos: np.ndarray, score: np.ndarray, w: np.ndarray | None) -> float:
        return _binary_roc_auc(pos, score, w, None)

    if multi_class == "ovo":
        encoded = np.searchsorted(classes, yt)
        present = np.unique(encoded)
        pairs = list(combinations(present.tolist(), 2))
        pair_scores = np.empty(len(pairs))
        prevalence = np.empty(len(pairs)) if average == "weighted" else None
        for ix, (a, b) in enumerate(pairs):
            a_mask = encoded == a
            b_mask = encoded == b
            ab = a_mask | b_mask
            if prevalence is not None:
                prevalence[ix] = np.average(ab)
            a_score = metric(a_mask[ab], ys[ab, a], None)
            b_score = metric(b_mask[ab], ys[ab, b], None)
            pair_scores[ix] = (a_score + b_score) / 2
        return float(np.average(pair_scores, weights=prevalence))
    Y = (yt.reshape(-1, 1) == classes.reshape(1, -1)).astype(np.int64)
    return _average_binary_score(metric, Y, ys, average, weights)


def average_precision_score(
    y_true: Any,
    y_score: Any,
    *,
    average: str | None = "macro",
    pos_label: Any = 1,
    sample_weight: Any = None,
) -> Any:
    """Compute average precision (AP): the area under the precision-recall curve.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Binary: scores of the positive class. Multiclass: one column of
        scores per sorted class (one-vs-rest).
    average : {"macro", "weighted", "micro"} or None, default="macro"
        Multiclass only: how to average the per-class APs; ``None``
        returns them.
    pos_label : int, float, bool or str, default=1
        Binary only: the positive class.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.

    Returns
    -------
    float or ndarray of shape (n_classes,)

    See Also
    --------
    precision_recall_curve : The curve.

    Notes
    -----
    ``AP = sum_i (R_i - R_{i-1}) P_i``: the precision at each threshold
    weighted by the gain in recall (a step function, not trapezoids, which
    would be too optimistic). A classifier with no skill has AP equal to
    the prevalence of the positive class, so AP is informative on
    imbalanced data where ROC AUC can look flattering.

    Examples
    --------
    >>> from mlcourse.metrics import average_precision_score
    >>> average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.833...
    """
    owner = "average_precision_score"
    check_in(average, "average", ["macro", "weighted", "micro", None], owner=owner)
    yt, ys, weights = _check_scores(y_true, y_score, sample_weight, owner, score_2d=True)

    def metric(pos: np.ndarray, score: np.ndarray, w: np.ndarray | None) -> float:
        precision, recall, _ = _pr_from_mask(pos, score, w, False)
        return float(max(0.0, -np.sum(np.diff(recall) * precision[:-1])))

    if _n_classes_at_most_2(yt):
        if ys.ndim != 1:
            raise ValueError(
                param_message(
                    "y_score",
                    "a 1-D array of positive-class scores for binary y_true",
                    ys,
                    owner=owner,
                )
            )
        present = _unique(yt, "y_true", owner)
        if present.shape[0] == 2 and pos_label not in present.tolist():
            raise ValueError(
                param_message(
                    "pos_label",
                    f"one of the labels {_labels_repr(present)}",
                    pos_label,
                    owner=owner,
                )
            )
        return metric(np.asarray(yt == pos_label), ys, weights)
    if pos_label != 1:
        raise ValueError(
            param_message(
                "pos_label", "1 (its default) for multiclass y_true", pos_label, owner=owner
            )
        )
    classes = _unique(yt, "y_true", owner)
    if ys.ndim != 2 or ys.shape[1] != classes.shape[0]:
        raise ValueError(
            param_message(
                "y_score",
                f"an array of shape (n_samples, {classes.shape[0]}) since y_true has "
                f"{classes.shape[0]} classes",
                ys,
                owner=owner,
            )
        )
    Y = (yt.reshape(-1, 1) == classes.reshape(1, -1)).astype(np.int64)
    return _average_binary_score(metric, Y, ys, average, weights)

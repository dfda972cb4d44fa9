"""Classification metrics from counts: confusion matrix, accuracy, precision, recall, F."""

from __future__ import annotations

import numbers
import warnings
from typing import Any, NamedTuple

import numpy as np

from mlcourse._validation import check_in, param_message

from ._base import (
    UndefinedMetricWarning,
    _as_index,
    _check_labels_arg,
    _check_pos_label_binary,
    _check_sample_weight,
    _check_targets,
    _class_index,
    _encode,
    _int_span,
    _label_positions,
    _labels_repr,
    _Text,
)

__all__ = [
    "BinaryConfusion",
    "accuracy_score",
    "binary_confusion",
    "confusion_matrix",
    "f1_score",
    "fbeta_score",
    "precision_recall_fscore_support",
    "precision_score",
    "recall_score",
]

_AVERAGES = ["binary", "micro", "macro", "weighted", None]
_NORMALIZE = [None, "true", "pred", "all"]


# --------------------------------------------------------------------------- confusion matrix


def _bincount2d(ia: np.ndarray, ib: np.ndarray, size: int, weights: np.ndarray | None) -> Any:
    flat = np.bincount(ia * size + ib, weights=weights, minlength=size * size)
    if weights is not None and flat.dtype.kind != "f":  # numpy gives ints when empty
        flat = flat.astype(np.float64)
    return flat.reshape(size, size)


def _cm_dtype_fix(cm: np.ndarray, weights: np.ndarray | None) -> np.ndarray:
    if weights is not None and weights.dtype.kind in "biu":
        return np.rint(cm).astype(np.int64)
    return cm


def confusion_matrix(
    y_true: Any,
    y_pred: Any,
    *,
    labels: Any = None,
    sample_weight: Any = None,
    normalize: str | None = None,
) -> np.ndarray:
    """Compute the confusion matrix: counts of (true label, predicted label) pairs.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    labels : array-like of shape (n_classes,), default=None
        Labels that index the matrix, in this order. ``None`` uses the sorted
        union of the labels in ``y_true`` and ``y_pred``. Samples whose label
        is not listed are ignored.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    normalize : {None, "true", "pred", "all"}, default=None
        Divide the counts by the row sums (each true class), the column sums
        (each predicted class) or the total. Empty rows/columns give 0.

    Returns
    -------
    ndarray of shape (n_classes, n_classes)
        ``C[i, j]`` counts the samples of true class ``i`` predicted as
        class ``j``: the diagonal holds the correct predictions. Integers
        without weights (or with integer weights), floats otherwise.

    See Also
    --------
    binary_confusion : The four counts of the binary case, by name.

    Notes
    -----
    With labels encoded as ``0 .. K-1``, the matrix is one count over the
    combined index ``K * true + pred``::

        C = bincount(K * y_true + y_pred, minlength=K * K).reshape(K, K)

    In the binary case (labels ``[negative, positive]``) the cells are
    ``[[TN, FP], [FN, TP]]``.

    Examples
    --------
    >>> from mlcourse.metrics import confusion_matrix
    >>> confusion_matrix([0, 1, 1, 0, 1], [0, 1, 0, 0, 1])
    array([[2, 0],
           [1, 2]])
    >>> confusion_matrix(["cat", "dog", "dog"], ["cat", "cat", "dog"], normalize="true")
    array([[1. , 0. ],
           [0.5, 0.5]])
    """
    owner = "confusion_matrix"
    check_in(normalize, "normalize", _NORMALIZE, owner=owner)
    yt, yp = _check_targets(y_true, y_pred, owner)
    weights = _check_sample_weight(sample_weight, yt.shape[0], owner)

    cm: np.ndarray
    if labels is None:
        fast = _int_span(yt, yp)
        if fast is not None and fast[1] <= 1024:
            lo, span = fast
            a, b = _as_index(yt, lo), _as_index(yp, lo)
            full = _bincount2d(a, b, span, weights)
            if weights is None:
                present = (full.sum(axis=0) + full.sum(axis=1)) > 0
            else:
                present = np.bincount(a, minlength=span) > 0
                present |= np.bincount(b, minlength=span) > 0
            cm = full if present.all() else full[np.ix_(present, present)]
        else:
            classes, ia, ib = _encode(yt, yp, owner)
            cm = _bincount2d(ia, ib, classes.shape[0], weights)
    else:
        lab = _check_labels_arg(labels, owner)
        n_labels = lab.shape[0]
        classes, ia, ib = _encode(yt, yp, owner)
        pos = _label_positions(classes, lab)
        ia, ib = pos[ia], pos[ib]
        in_true = ia >= 0
        if not in_true.any():
            raise ValueError(
                param_message(
                    "labels",
                    "a list of which at least one label appears in y_true "
                    f"(y_true has {_labels_repr(np.unique(yt))})",
                    _labels_repr(lab),
                    owner=owner,
                )
            )
        keep = in_true & (ib >= 0)
        if not keep.all():
            ia, ib = ia[keep], ib[keep]
            weights = None if weights is None else weights[keep]
        cm = _bincount2d(ia, ib, n_labels, weights)
    cm = _cm_dtype_fix(cm, weights)

    if normalize is not None:
        with np.errstate(all="ignore"):
            if normalize == "true":
                cm = cm / cm.sum(axis=1, keepdims=True)
            elif normalize == "pred":
                cm = cm / cm.sum(axis=0, keepdims=True)
            else:
                cm = cm / cm.sum()
        cm = np.nan_to_num(cm)
    if cm.shape == (1, 1):
        warnings.warn(
            "A single label was found in 'y_true' and 'y_pred'. For the confusion matrix "
            "to have the correct shape, use the 'labels' parameter to pass all known labels.",
            UserWarning,
            stacklevel=2,
        )
    return cm


class BinaryConfusion(NamedTuple):
    """The four cells of a binary confusion matrix, by name.

    Attributes
    ----------
    tn : int or float
        True negatives: negatives predicted negative.
    fp : int or float
        False positives (type I errors): negatives predicted positive.
    fn : int or float
        False negatives (type II errors): positives predicted negative.
    tp : int or float
        True positives: positives predicted positive.

    Examples
    --------
    >>> from mlcourse.metrics import BinaryConfusion
    >>> BinaryConfusion(tn=5, fp=1, fn=2, tp=4).tp
    4
    """

    tn: int | float
    fp: int | float
    fn: int | float
    tp: int | float


def binary_confusion(
    y_true: Any, y_pred: Any, *, pos_label: Any = 1, sample_weight: Any = None
) -> BinaryConfusion:
    """Count true/false positives/negatives of a binary classification.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True binary labels.
    y_pred : array-like of shape (n_samples,)
        Predicted binary labels.
    pos_label : int, float, bool or str, default=1
        The positive class; every other label is negative.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights (the counts become sums of weights).

    Returns
    -------
    BinaryConfusion
        Named tuple ``(tn, fp, fn, tp)``: ints, or floats with weights.

    Raises
    ------
    ValueError
        If there are more than two labels, or two labels and ``pos_label``
        is not one of them.

    Notes
    -----
    Every binary metric is a ratio of these counts:
    accuracy ``(TP + TN) / n``, precision ``TP / (TP + FP)``, recall (true
    positive rate) ``TP / (TP + FN)``, false positive rate
    ``FP / (FP + TN)``, specificity ``TN / (TN + FP)``.

    Examples
    --------
    >>> from mlcourse.metrics import binary_confusion
    >>> c = binary_confusion([0, 1, 1, 0, 1], [0, 1, 0, 0, 1])
    >>> c
    BinaryConfusion(tn=2, fp=0, fn=1, tp=2)
    >>> c.tp / (c.tp + c.fn)
    0.666...
    >>> binary_confusion(["ham", "spam", "spam"], ["spam", "spam", "ham"], pos_label="spam")
    BinaryConfusion(tn=0, fp=1, fn=1, tp=1)
    """
    owner = "binary_confusion"
    _check_pos_label_binary(pos_label, owner)
    yt, yp = _check_targets(y_true, y_pred, owner)
    weights = _check_sample_weight(sample_weight, yt.shape[0], owner)
    classes, _, _ = _encode(yt, yp, owner)
    _check_binary_pos_label(classes, pos_label, owner)
    t = yt == pos_label
    p = yp == pos_label
    if weights is None:
        tp = int(np.count_nonzero(t & p))
        fn = int(np.count_nonzero(t)) - tp
        fp = int(np.count_nonzero(p)) - tp
        return BinaryConfusion(yt.shape[0] - tp - fn - fp, fp, fn, tp)
    w = weights.astype(float)
    return BinaryConfusion(
        float(w[~t & ~p].sum()),
        float(w[~t & p].sum()),
        float(w[t & ~p].sum()),
        float(w[t & p].sum()),
    )


def _check_binary_pos_label(classes: np.ndarray, pos_label: Any, owner: str) -> None:
    if classes.shape[0] > 2:
        raise ValueError(
            param_message(
                "y_true",
                "binary labels (at most two classes across y_true and y_pred)",
                _Text(f"{classes.shape[0]} classes {_labels_repr(classes)}"),
                owner=owner,
            )
            + " Use average='micro', 'macro' or 'weighted' (or None) for multiclass targets."
        )
    if classes.shape[0] == 2 and pos_label not in classes.tolist():
        raise ValueError(
            param_message(
                "pos_label",
                f"one of the labels {_labels_repr(classes)}",
                pos_label,
                owner=owner,
            )
        )


# --------------------------------------------------------------------------- accuracy


def accuracy_score(
    y_true: Any, y_pred: Any, *, normalize: bool = True, sample_weight: Any = None
) -> float:
    """Compute the fraction (or number) of correct predictions.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    normalize : bool, default=True
        Return the fraction of correct predictions; ``False`` returns their
        number (or the sum of their weights).
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.

    Returns
    -------
    float

    Notes
    -----
    ``accuracy = (1 / n) * sum_i [y_true_i == y_pred_i]``; with weights
    ``sum_i w_i [y_true_i == y_pred_i] / sum_i w_i``. On imbalanced data a
    model that always predicts the majority class reaches the majority's
    share: look at recall, precision and F1 too.

    Examples
    --------
    >>> from mlcourse.metrics import accuracy_score
    >>> accuracy_score([0, 1, 1, 0], [0, 1, 0, 0])
    0.75
    >>> accuracy_score([0, 1, 1, 0], [0, 1, 0, 0], normalize=False)
    3.0
    """
    owner = "accuracy_score"
    yt, yp = _check_targets(y_true, y_pred, owner)
    weights = _check_sample_weight(sample_weight, yt.shape[0], owner)
    if yt.dtype.kind in "biuf" and yp.dtype.kind in "biuf":
        correct = yt == yp
    else:
        _, ia, ib = _encode(yt, yp, owner)
        correct = ia == ib
    if normalize:
        return float(np.average(correct, weights=weights))
    if weights is not None:
        return float(np.dot(correct, weights))
    return float(np.count_nonzero(correct))


# --------------------------------------------------------------------------- precision / recall / F


def _check_zero_division(zero_division: Any, owner: str) -> float:
    if isinstance(zero_division, str):
        if zero_division == "warn":
            return 0.0
    elif isinstance(zero_division, numbers.Real) and not isinstance(zero_division, bool):
        if zero_division in (0, 1):
            return float(zero_division)
        if np.isnan(float(zero_division)):
            return float("nan")
    raise ValueError(
        param_message("zero_division", "'warn', 0.0, 1.0 or np.nan", zero_division, owner=owner)
    )


def _prf_divide(
    numerator: np.ndarray,
    denominator: np.ndarray,
    metric: str,
    modifier: str,
    average: str | None,
    warn_for: Any,
    zero_division: Any,
    zero_value: float,
) -> np.ndarray:
    mask = denominator == 0
    if not mask.any():
        return np.asarray(numerator, dtype=np.float64) / np.asarray(denominator, dtype=np.float64)
    denom = np.asarray(denominator, dtype=np.float64).copy()
    denom[mask] = 1
    result = np.asarray(numerator, dtype=np.float64) / denom
    result[mask] = zero_value
    if isinstance(zero_division, str) and metric in warn_for:
        where = "due to" if result.shape[0] == 1 else "in labels with"
        warnings.warn(
            f"{metric.capitalize()} is ill-defined and being set to 0.0 {where} no "
            f"{modifier} samples. Use `zero_division` parameter to control this behavior.",
            UndefinedMetricWarning,
            stacklevel=4,
        )
    return result


def _nanaverage(a: np.ndarray, weights: np.ndarray | None = None) -> float:
    if a.shape[0] == 1 and weights is None:  # binary / micro: the value itself
        return float(a[0])
    if a.shape[0] == 0:
        return float("nan")
    mask = np.isnan(a)
    if mask.all():
        return float("nan")
    if weights is None:
        return float(np.nanmean(a)) if mask.any() else float(np.mean(a))
    a, weights = a[~mask], np.asarray(weights)[~mask]
    try:
        return float(np.average(a, weights=weights))
    except ZeroDivisionError:
        return float(np.average(a))


def _class_counts(
    ia: np.ndarray, ib: np.ndarray, n_classes: int, weights: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return per-class (tp, predicted, true) counts of encoded labels."""
    hit = ia == ib
    tp = np.bincount(
        ia[hit], weights=None if weights is None else weights[hit], minlength=n_classes
    )
    pred = np.bincount(ib, weights=weights, minlength=n_classes)
    true = np.bincount(ia, weights=weights, minlength=n_classes)
    if weights is not None or not hit.any():  # as sklearn: no hit gives float counts
        tp, pred, true = tp.astype(np.float64), pred.astype(np.float64), true.astype(np.float64)
    return tp, pred, true


def precision_recall_fscore_support(
    y_true: Any,
    y_pred: Any,
    *,
    beta: float = 1.0,
    labels: Any = None,
    pos_label: Any = 1,
    average: str | None = None,
    warn_for: Any = ("precision", "recall", "f-score"),
    sample_weight: Any = None,
    zero_division: Any = "warn",
) -> tuple[Any, Any, Any, Any]:
    """Compute precision, recall, F-beta and support for each class or on average.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    beta : float, default=1.0
        Weight of recall relative to precision in the F-score (``beta > 1``
        favours recall; ``inf`` gives recall, ``0`` precision).
    labels : array-like, default=None
        Labels to include (and their order when ``average=None``); ``None``
        uses the sorted labels present. Ignored when ``average="binary"``.
    pos_label : int, float, bool or str, default=1
        The positive class when ``average="binary"``.
    average : {"binary", "micro", "macro", "weighted"} or None, default=None
        ``None`` returns one value per label. ``"binary"``: the positive
        class only (binary targets). ``"micro"``: from the counts summed over
        labels. ``"macro"``: unweighted mean over labels. ``"weighted"``:
        mean over labels weighted by their support.
    warn_for : tuple of str, default=("precision", "recall", "f-score")
        Metrics that warn when ill-defined (and ``zero_division="warn"``).
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default="warn"
        Value returned when a ratio divides by zero; ``"warn"`` returns 0.0
        and raises an :class:`UndefinedMetricWarning`. ``np.nan`` values are
        left out of averages.

    Returns
    -------
    precision : float or ndarray of shape (n_labels,)
    recall : float or ndarray of shape (n_labels,)
    fbeta_score : float or ndarray of shape (n_labels,)
    support : None or ndarray of shape (n_labels,)
        Number of true samples of each label (``None`` when averaged).

    Notes
    -----
    Per label ``c``, with ``TP_c`` correct predictions of ``c``, ``P_c``
    predictions of ``c`` and ``T_c`` true samples of ``c``::

        precision_c = TP_c / P_c
        recall_c    = TP_c / T_c
        F_beta_c    = (1 + beta^2) TP_c / (beta^2 T_c + P_c)
                    = (1 + beta^2) precision * recall / (beta^2 precision + recall)

    Micro-averaging sums ``TP``, ``P`` and ``T`` over labels before dividing
    (for single-label multiclass data micro precision = recall = accuracy).

    Examples
    --------
    >>> from mlcourse.metrics import precision_recall_fscore_support
    >>> p, r, f, s = precision_recall_fscore_support([0, 1, 1, 2], [0, 1, 2, 2])
    >>> p.tolist(), r.tolist(), s.tolist()
    ([1.0, 1.0, 0.5], [1.0, 0.5, 1.0], [1, 2, 1])
    >>> precision_recall_fscore_support([0, 1, 1, 2], [0, 1, 2, 2], average="macro")
    (0.833..., 0.833..., 0.777..., None)
    """
    return _prfs(
        y_true,
        y_pred,
        beta=beta,
        labels=labels,
        pos_label=pos_label,
        average=average,
        warn_for=warn_for,
        sample_weight=sample_weight,
        zero_division=zero_division,
        owner="precision_recall_fscore_support",
    )


def _prfs(
    y_true: Any,
    y_pred: Any,
    *,
    beta: float,
    labels: Any,
    pos_label: Any,
    average: str | None,
    warn_for: Any,
    sample_weight: Any,
    zero_division: Any,
    owner: str,
    need: str = "prf",
) -> tuple[Any, Any, Any, Any]:
    zero_value = _check_zero_division(zero_division, owner)
    if average not in _AVERAGES:
        check_in(average, "average", _AVERAGES, owner=owner)
    if isinstance(beta, bool) or not isinstance(beta, numbers.Real) or not beta >= 0:
        raise ValueError(param_message("beta", "a float in the range [0, inf]", beta, owner=owner))
    yt, yp = _check_targets(y_true, y_pred, owner)
    weights = _check_sample_weight(sample_weight, yt.shape[0], owner)
    classes, ia, ib = _encode(yt, yp, owner)
    tp_all, pred_all, true_all = _class_counts(ia, ib, classes.shape[0], weights)

    if average == "binary":
        _check_pos_label_binary(pos_label, owner)
        _check_binary_pos_label(classes, pos_label, owner)
        idx = _class_index(classes, [pos_label])
    else:
        if pos_label not in (None, 1):
            warnings.warn(
                f"Note that pos_label (set to {pos_label!r}) is ignored when average != "
                f"'binary' (got {average!r}). You may use labels=[pos_label] to specify "
                "a single positive class.",
                UserWarning,
                stacklevel=3,
            )
        if labels is None:
            idx = np.arange(classes.shape[0])
        else:
            idx = _class_index(classes, _check_labels_arg(labels, owner))
    if (idx >= 0).all():
        tp_sum, pred_sum, true_sum = tp_all[idx], pred_all[idx], true_all[idx]
    else:  # labels absent from the data count zero
        missing = idx < 0
        safe = np.where(missing, 0, idx)
        tp_sum, pred_sum, true_sum = (
            np.where(missing, 0, arr[safe]) for arr in (tp_all, pred_all, true_all)
        )

    if average == "micro":
        tp_sum = np.array([tp_sum.sum()])
        pred_sum = np.array([pred_sum.sum()])
        true_sum = np.array([true_sum.sum()])

    # compute only what the caller returns (the skipped ratios would not warn anyway)
    need_f = "f" in need
    precision = recall = f_score = None
    if "p" in need or (need_f and beta == 0):
        precision = _prf_divide(
            tp_sum, pred_sum, "precision", "predicted", average, warn_for, zero_division, zero_value
        )
    if "r" in need or (need_f and beta == np.inf):
        recall = _prf_divide(
            tp_sum, true_sum, "recall", "true", average, warn_for, zero_division, zero_value
        )
    if need_f:
        if beta == np.inf:
            f_score = recall
        elif beta == 0:
            f_score = precision
        else:
            beta2 = beta**2
            denom = beta2 * true_sum.astype(np.float64) + pred_sum.astype(np.float64)
            f_score = _prf_divide(
                (1 + beta2) * tp_sum.astype(np.float64),
                denom,
                "f-score",
                "true nor predicted",
                average,
                warn_for,
                zero_division,
                zero_value,
            )

    if average is None:
        return precision, recall, f_score, true_sum
    avg_weights = true_sum if average == "weighted" else None
    return (
        None if precision is None else _nanaverage(precision, avg_weights),
        None if recall is None else _nanaverage(recall, avg_weights),
        None if f_score is None else _nanaverage(f_score, avg_weights),
        None,
    )


def precision_score(
    y_true: Any,
    y_pred: Any,
    *,
    labels: Any = None,
    pos_label: Any = 1,
    average: str | None = "binary",
    sample_weight: Any = None,
    zero_division: Any = "warn",
) -> Any:
    """Compute precision: the fraction of positive predictions that are right.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    labels : array-like, default=None
        Labels to include when ``average != "binary"``; ``None`` uses the
        sorted labels present.
    pos_label : int, float, bool or str, default=1
        The positive class when ``average="binary"``.
    average : {"binary", "micro", "macro", "weighted"} or None, default="binary"
        ``"binary"`` reports the positive class only; ``None`` one value per
        label; see :func:`precision_recall_fscore_support` for the others.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default="warn"
        Value returned when nothing is predicted positive; ``"warn"``
        returns 0.0 and warns.

    Returns
    -------
    float or ndarray of shape (n_labels,)

    Notes
    -----
    ``precision = TP / (TP + FP)``: of the samples predicted positive, the
    fraction that are positive. High precision means few false alarms.

    Examples
    --------
    >>> from mlcourse.metrics import precision_score
    >>> precision_score([0, 1, 1, 0], [1, 1, 0, 0])
    0.5
    >>> precision_score(["a", "b", "c"], ["a", "b", "b"], average=None, zero_division=0.0).tolist()
    [1.0, 0.5, 0.0]
    """
    p, _, _, _ = _prfs(
        y_true,
        y_pred,
        beta=1.0,
        labels=labels,
        pos_label=pos_label,
        average=average,
        warn_for=("precision",),
        sample_weight=sample_weight,
        zero_division=zero_division,
        owner="precision_score",
        need="p",
    )
    return p


def recall_score(
    y_true: Any,
    y_pred: Any,
    *,
    labels: Any = None,
    pos_label: Any = 1,
    average: str | None = "binary",
    sample_weight: Any = None,
    zero_division: Any = "warn",
) -> Any:
    """Compute recall (sensitivity, true positive rate): the fraction of positives found.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    labels : array-like, default=None
        Labels to include when ``average != "binary"``; ``None`` uses the
        sorted labels present.
    pos_label : int, float, bool or str, default=1
        The positive class when ``average="binary"``.
    average : {"binary", "micro", "macro", "weighted"} or None, default="binary"
        ``"binary"`` reports the positive class only; ``None`` one value per
        label; see :func:`precision_recall_fscore_support` for the others.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default="warn"
        Value returned when there are no true positives samples; ``"warn"``
        returns 0.0 and warns.

    Returns
    -------
    float or ndarray of shape (n_labels,)

    Notes
    -----
    ``recall = TP / (TP + FN)``: of the positive samples, the fraction
    predicted positive. High recall means few misses (false negatives).

    Examples
    --------
    >>> from mlcourse.metrics import recall_score
    >>> recall_score([0, 1, 1, 1], [1, 1, 0, 1])
    0.666...
    """
    _, r, _, _ = _prfs(
        y_true,
        y_pred,
        beta=1.0,
        labels=labels,
        pos_label=pos_label,
        average=average,
        warn_for=("recall",),
        sample_weight=sample_weight,
        zero_division=zero_division,
        owner="recall_score",
        need="r",
    )
    return r


def fbeta_score(
    y_true: Any,
    y_pred: Any,
    *,
    beta: float,
    labels: Any = None,
    pos_label: Any = 1,
    average: str | None = "binary",
    sample_weight: Any = None,
    zero_division: Any = "warn",
) -> Any:
    """Compute the F-beta score: a weighted harmonic mean of precision and recall.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    beta : float
        Weight of recall: ``beta = 2`` counts recall twice as much as
        precision, ``beta = 0.5`` half as much.
    labels : array-like, default=None
        Labels to include when ``average != "binary"``; ``None`` uses the
        sorted labels present.
    pos_label : int, float, bool or str, default=1
        The positive class when ``average="binary"``.
    average : {"binary", "micro", "macro", "weighted"} or None, default="binary"
        ``"binary"`` reports the positive class only; ``None`` one value per
        label; see :func:`precision_recall_fscore_support` for the others.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default="warn"
        Value returned when there are neither true nor predicted positives;
        ``"warn"`` returns 0.0 and warns.

    Returns
    -------
    float or ndarray of shape (n_labels,)

    Notes
    -----
    ``F_beta = (1 + beta^2) TP / ((1 + beta^2) TP + beta^2 FN + FP)``.

    Examples
    --------
    >>> from mlcourse.metrics import fbeta_score
    >>> round(fbeta_score([0, 1, 1, 1], [1, 1, 0, 1], beta=2), 4)
    0.6667
    """
    _, _, f, _ = _prfs(
        y_true,
        y_pred,
        beta=beta,
        labels=labels,
        pos_label=pos_label,
        average=average,
        warn_for=("f-score",),
        sample_weight=sample_weight,
        zero_division=zero_division,
        owner="fbeta_score",
        need="f",
    )
    return f


def f1_score(
    y_true: Any,
    y_pred: Any,
    *,
    labels: Any = None,
    pos_label: Any = 1,
    average: str | None = "binary",
    sample_weight: Any = None,
    zero_division: Any = "warn",
) -> Any:
    """Compute the F1 score: the harmonic mean of precision and recall.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    labels : array-like, default=None
        Labels to include when ``average != "binary"``; ``None`` uses the
        sorted labels present.
    pos_label : int, float, bool or str, default=1
        The positive class when ``average="binary"``.
    average : {"binary", "micro", "macro", "weighted"} or None, default="binary"
        ``"binary"`` reports the positive class only; ``None`` one value per
        label; see :func:`precision_recall_fscore_support` for the others.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default="warn"
        Value returned when there are neither true nor predicted positives;
        ``"warn"`` returns 0.0 and warns.

    Returns
    -------
    float or ndarray of shape (n_labels,)

    Notes
    -----
    ``F1 = 2 precision recall / (precision + recall) = 2 TP / (2 TP + FP + FN)``.
    A model that never predicts the positive class has F1 = 0 however high
    its accuracy: F1 is the metric to read on imbalanced data.

    Examples
    --------
    >>> from mlcourse.metrics import f1_score
    >>> f1_score([0, 1, 1, 1], [1, 1, 0, 1])
    0.666...
    >>> f1_score([0, 0, 0, 1], [0, 0, 0, 0], zero_division=0.0)
    0.0
    """
    _, _, f, _ = _prfs(
        y_true,
        y_pred,
        beta=1.0,
        labels=labels,
        pos_label=pos_label,
        average=average,
        warn_for=("f-score",),
        sample_weight=sample_weight,
        zero_division=zero_division,
        owner="f1_score",
        need="f",
    )
    return f

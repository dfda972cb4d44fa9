"""Pick a decision threshold from the ROC or precision-recall curve for a stated goal."""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np

from mlcourse._validation import check_in, check_scalar, param_message

from ._base import _Text
from ._ranking import _check_scores, _clf_curve, _positive_mask

__all__ = ["ThresholdChoice", "choose_threshold"]

_GOALS = ["recall", "precision", "f1", "fpr", "youden"]


@dataclass(frozen=True)
class ThresholdChoice:
    """A chosen threshold and what it achieves on the data it was chosen on.

    The rule is "predict positive when ``score >= threshold``".

    Attributes
    ----------
    threshold : float
        The chosen threshold.
    precision : float
        ``TP / (TP + FP)`` at the threshold (NaN if nothing is predicted positive).
    recall : float
        ``TP / (TP + FN)``, the true positive rate.
    fpr : float
        ``FP / (FP + TN)``, the false positive rate.
    tpr : float
        Same as ``recall``.
    f1 : float
        Harmonic mean of precision and recall.
    goal : str
        The goal it was chosen for.
    curve : str
        The curve whose thresholds were searched (``"pr"`` or ``"roc"``).

    Examples
    --------
    >>> from mlcourse.metrics import choose_threshold
    >>> choice = choose_threshold([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], goal="recall", min_value=1.0)
    >>> choice.threshold, choice.recall, choice.precision
    (0.35, 1.0, 0.666...)
    >>> choice.predict([0.2, 0.5]).tolist()
    [False, True]
    """

    threshold: float
    precision: float
    recall: float
    fpr: float
    tpr: float
    f1: float
    goal: str
    curve: str

    def predict(self, y_score: Any) -> np.ndarray:
        """Apply the threshold: True where a score is predicted positive.

        Parameters
        ----------
        y_score : array-like of shape (n_samples,)
            Scores on the same scale as the ones the threshold was chosen on.

        Returns
        -------
        ndarray of bool of shape (n_samples,)

        Examples
        --------
        >>> ThresholdChoice(0.5, 1.0, 1.0, 0.0, 1.0, 1.0, "f1", "pr").predict([0.4, 0.5]).tolist()
        [False, True]
        """
        return np.asarray(y_score, dtype=float) >= self.threshold

    def __float__(self) -> float:
        return float(self.threshold)


def choose_threshold(
    y_true: Any,
    y_score: Any,
    *,
    goal: str = "recall",
    min_value: float = 0.9,
    max_value: float | None = None,
    curve: str = "pr",
    pos_label: Any = None,
    sample_weight: Any = None,
) -> ThresholdChoice:
    """Pick a threshold on the scores that meets a stated goal.

    Every distinct score is a candidate threshold (the rule is "positive
    when ``score >= threshold``"); the goal says which one to keep:

    - ``"recall"``: the highest threshold with recall >= ``min_value``
      (catch at least that share of positives, with as few alarms as
      possible: e.g. screening for a disease);
    - ``"precision"``: among thresholds with precision >= ``min_value``,
      the one with the highest recall (when false alarms are expensive);
    - ``"f1"``: the highest F1;
    - ``"fpr"``: among thresholds with FPR <= ``max_value``, the one with
      the highest TPR (a budget of false alarms, e.g. fraud review);
    - ``"youden"``: the highest ``TPR - FPR`` (Youden's J, the ROC point
      farthest above the diagonal).

    Ties are broken towards the higher threshold.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True binary labels.
    y_score : array-like of shape (n_samples,)
        Scores of the positive class.
    goal : {"recall", "precision", "f1", "fpr", "youden"}, default="recall"
        What to optimise (see above).
    min_value : float in [0, 1], default=0.9
        The minimum recall or precision for those goals.
    max_value : float in [0, 1], default=None
        The maximum false positive rate for ``goal="fpr"`` (required then).
    curve : {"pr", "roc"}, default="pr"
        Which curve's thresholds to search: ``"pr"`` uses the distinct
        scores, ``"roc"`` adds ``inf`` (predict nothing positive), which can
        satisfy an FPR budget of 0.
    pos_label : int, float, bool or str, default=None
        The positive class; ``None`` means 1 for {0, 1} or {-1, 1} labels.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.

    Returns
    -------
    ThresholdChoice
        The threshold and the precision, recall, FPR, TPR and F1 it gives.

    Raises
    ------
    ValueError
        If no threshold meets the goal (the message says the best reached),
        or ``y_true`` lacks positives or negatives.

    Notes
    -----
    A threshold chosen on the data it is evaluated on is optimistic: choose
    it on a validation set and report the test-set metrics.

    Examples
    --------
    >>> from mlcourse.metrics import choose_threshold
    >>> y = [0, 0, 0, 0, 1, 0, 1, 1]
    >>> s = [0.1, 0.2, 0.3, 0.45, 0.5, 0.6, 0.7, 0.9]
    >>> c = choose_threshold(y, s, goal="recall", min_value=0.9)
    >>> c.threshold, round(c.precision, 3)
    (0.5, 0.75)
    >>> choose_threshold(y, s, goal="fpr", max_value=0.0).threshold
    0.7
    >>> choose_threshold(y, s, goal="f1").f1
    0.857...
    """
    owner = "choose_threshold"
    check_in(goal, "goal", _GOALS, owner=owner)
    check_in(curve, "curve", ["pr", "roc"], owner=owner)
    check_scalar(min_value, "min_value", numbers.Real, owner=owner, min_val=0, max_val=1)
    if goal == "fpr":
        if max_value is None:
            raise ValueError(
                param_message(
                    "max_value",
                    "a float in [0, 1] (the FPR budget) when goal='fpr'",
                    None,
                    owner=owner,
                )
            )
        check_scalar(max_value, "max_value", numbers.Real, owner=owner, min_val=0, max_val=1)
    yt, ys, weights = _check_scores(y_true, y_score, sample_weight, owner)
    pos = _positive_mask(yt, pos_label, owner)
    fps, tps, thresholds = _clf_curve(pos, ys, weights)
    thresholds = thresholds.astype(np.float64)
    if curve == "roc":
        fps = np.concatenate([[0.0], fps])
        tps = np.concatenate([[0.0], tps])
        thresholds = np.concatenate([[np.inf], thresholds])
    n_pos, n_neg = tps[-1], fps[-1]
    if n_pos <= 0 or n_neg <= 0:
        missing = "positive" if n_pos <= 0 else "negative"
        raise ValueError(
            param_message(
                "y_true",
                "labels with both positive and negative samples",
                _Text(f"no {missing} sample"),
                owner=owner,
            )
        )
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(tps + fps > 0, tps / (tps + fps), np.nan)
        recall = tps / n_pos
        fpr = fps / n_neg
        f1 = np.where(tps > 0, 2 * tps / (2 * tps + (fps) + (n_pos - tps)), 0.0)
    # thresholds decrease along the arrays: the first best index is the highest threshold
    if goal == "recall":
        ok = np.flatnonzero(recall >= min_value)
        idx = int(ok[0])
    elif goal == "precision":
        ok = np.flatnonzero(precision >= min_value)
        if ok.size == 0:
            raise ValueError(
                param_message(
                    "min_value",
                    f"a precision some threshold reaches (the highest is "
                    f"{float(np.nanmax(precision)):.3g})",
                    min_value,
                    owner=owner,
                )
            )
        idx = int(ok[np.argmax(recall[ok])])
    elif goal == "fpr":
        ok = np.flatnonzero(fpr <= max_value)  # type: ignore[operator]
        if ok.size == 0:
            raise ValueError(
                param_message(
                    "max_value",
                    f"an FPR some threshold reaches (the lowest is {float(fpr.min()):.3g}; "
                    "curve='roc' allows 0 by predicting nothing positive)",
                    max_value,
                    owner=owner,
                )
            )
        idx = int(ok[np.argmax(recall[ok])])
    elif goal == "f1":
        idx = int(np.argmax(f1))
    else:
        idx = int(np.argmax(recall - fpr))
    return ThresholdChoice(
        threshold=float(thresholds[idx]),
        precision=float(precision[idx]),
        recall=float(recall[idx]),
        fpr=float(fpr[idx]),
        tpr=float(recall[idx]),
        f1=float(f1[idx]),
        goal=goal,
        curve=curve,
    )

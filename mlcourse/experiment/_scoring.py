"""The metrics ``compare_models`` can rank by, and how each is computed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["METRICS", "available_metrics", "default_metrics", "metric_value"]


@dataclass(frozen=True)
class Metric:
    """One metric of the leaderboard.

    Attributes
    ----------
    name : str
        The name users type (``--metric``).
    task : str
        ``"classification"`` or ``"regression"``.
    greater_is_better : bool
        Ranking direction.
    needs : str
        ``"pred"`` (labels/values) or ``"score"`` (probabilities/scores).
    description : str
        A few words for help texts.
    """

    name: str
    task: str
    greater_is_better: bool
    needs: str
    description: str
    func: Callable[..., float]


def _accuracy(y: np.ndarray, p: np.ndarray, **_: Any) -> float:
    from sklearn.metrics import accuracy_score

    return float(accuracy_score(y, p))


def _balanced_accuracy(y: np.ndarray, p: np.ndarray, **_: Any) -> float:
    from sklearn.metrics import balanced_accuracy_score

    return float(balanced_accuracy_score(y, p))


def _f1_macro(y: np.ndarray, p: np.ndarray, *, classes: np.ndarray, **_: Any) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, p, average="macro", labels=classes, zero_division=0))


def _precision_macro(y: np.ndarray, p: np.ndarray, *, classes: np.ndarray, **_: Any) -> float:
    from sklearn.metrics import precision_score

    return float(precision_score(y, p, average="macro", labels=classes, zero_division=0))


def _recall_macro(y: np.ndarray, p: np.ndarray, *, classes: np.ndarray, **_: Any) -> float:
    from sklearn.metrics import recall_score

    return float(recall_score(y, p, average="macro", labels=classes, zero_division=0))


def _roc_auc(y: np.ndarray, s: np.ndarray, *, classes: np.ndarray, **_: Any) -> float:
    from sklearn.metrics import roc_auc_score

    if len(np.unique(y)) < 2:
        return float("nan")
    if s.ndim == 1:
        return float(roc_auc_score(y == classes[1], s))
    return float(roc_auc_score(y, s, multi_class="ovr", average="macro", labels=classes))


def _log_loss(y: np.ndarray, s: np.ndarray, *, classes: np.ndarray, **_: Any) -> float:
    from sklearn.metrics import log_loss

    if s.ndim == 1:
        s = np.column_stack([1.0 - s, s])
    return float(log_loss(y, s, labels=classes))


def _rmse(y: np.ndarray, p: np.ndarray, **_: Any) -> float:
    return float(np.sqrt(np.mean((np.asarray(y, float) - np.asarray(p, float)) ** 2)))


def _mae(y: np.ndarray, p: np.ndarray, **_: Any) -> float:
    return float(np.mean(np.abs(np.asarray(y, float) - np.asarray(p, float))))


def _r2(y: np.ndarray, p: np.ndarray, **_: Any) -> float:
    from sklearn.metrics import r2_score

    return float(r2_score(y, p))


def _mape(y: np.ndarray, p: np.ndarray, **_: Any) -> float:
    from sklearn.metrics import mean_absolute_percentage_error

    return float(mean_absolute_percentage_error(y, p))


METRICS: dict[str, Metric] = {
    m.name: m
    for m in [
        Metric("accuracy", "classification", True, "pred", "share of correct labels", _accuracy),
        Metric(
            "balanced_accuracy",
            "classification",
            True,
            "pred",
            "mean recall over classes",
            _balanced_accuracy,
        ),
        Metric("f1_macro", "classification", True, "pred", "F1 averaged over classes", _f1_macro),
        Metric(
            "precision_macro",
            "classification",
            True,
            "pred",
            "precision averaged over classes",
            _precision_macro,
        ),
        Metric(
            "recall_macro",
            "classification",
            True,
            "pred",
            "recall averaged over classes",
            _recall_macro,
        ),
        Metric(
            "roc_auc",
            "classification",
            True,
            "score",
            "area under the ROC curve (one-vs-rest for >2 classes)",
            _roc_auc,
        ),
        Metric(
            "log_loss",
            "classification",
            False,
            "score",
            "cross-entropy of probabilities",
            _log_loss,
        ),
        Metric("rmse", "regression", False, "pred", "root mean squared error", _rmse),
        Metric("mae", "regression", False, "pred", "mean absolute error", _mae),
        Metric("r2", "regression", True, "pred", "coefficient of determination R^2", _r2),
        Metric("mape", "regression", False, "pred", "mean absolute percentage error", _mape),
    ]
}


def available_metrics(task: str) -> list[str]:
    """List the metric names ``compare_models`` accepts for a task.

    Parameters
    ----------
    task : {"classification", "regression"}
        The learning task.

    Returns
    -------
    list of str

    Examples
    --------
    >>> available_metrics("regression")
    ['rmse', 'mae', 'r2', 'mape']
    """
    return [m.name for m in METRICS.values() if m.task == task]


def default_metrics(task: str, n_classes: int = 2) -> list[str]:
    """Return the default metrics: the ranking metric first, then the secondary ones.

    Classification ranks by accuracy and also reports F1 macro, plus ROC AUC
    for two classes; regression ranks by RMSE and also reports MAE and R^2.

    Parameters
    ----------
    task : {"classification", "regression"}
        The learning task.
    n_classes : int, default=2
        Number of classes (classification only).

    Returns
    -------
    list of str

    Examples
    --------
    >>> default_metrics("classification", n_classes=2)
    ['accuracy', 'f1_macro', 'roc_auc']
    >>> default_metrics("regression")
    ['rmse', 'mae', 'r2']
    """
    if task == "regression":
        return ["rmse", "mae", "r2"]
    return ["accuracy", "f1_macro"] + (["roc_auc"] if n_classes == 2 else [])


def metric_value(
    metric: str,
    y_true: np.ndarray,
    pred: np.ndarray,
    proba: np.ndarray | None,
    score: np.ndarray | None,
    classes: np.ndarray | None,
) -> float:
    """Score one fold's predictions with a metric of :data:`METRICS`.

    Label metrics use ``pred``; score metrics use the positive-class
    ``score`` with two classes, else the ``proba`` table, and give NaN when
    the model has neither.
    """
    spec = METRICS[metric]
    if spec.needs == "score":
        s = score if classes is not None and len(classes) == 2 else proba
        if s is None:
            return float("nan")
        return float(spec.func(y_true, s, classes=classes))
    return float(spec.func(y_true, pred, classes=classes))

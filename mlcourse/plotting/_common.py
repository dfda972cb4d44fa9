"""Helpers shared by the Display objects: scores from an estimator, positive class."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcourse._validation import check_in, param_message

_DEFAULT_POS_1 = ({0, 1}, {-1, 1}, {0}, {1}, {-1})


def _metrics() -> Any:
    """Return the module whose metric functions the Displays call (ours, from scratch)."""
    import mlcourse.metrics

    return mlcourse.metrics


def _infer_pos_label(y_true: Any, pos_label: Any, *, owner: str) -> Any:
    """Return ``pos_label``, inferring 1 when the labels are {0, 1} or {-1, 1}."""
    classes = np.unique(np.asarray(y_true))
    if pos_label is not None:
        if classes.size and pos_label not in classes.tolist():
            raise ValueError(
                param_message(
                    "pos_label",
                    f"one of the labels in y_true {classes.tolist()}",
                    pos_label,
                    owner=owner,
                )
            )
        return pos_label
    if classes.dtype.kind in "biuf" and set(classes.tolist()) in _DEFAULT_POS_1:
        return 1
    raise ValueError(
        param_message(
            "pos_label",
            "given when y_true labels are not {0, 1} or {-1, 1} "
            f"(y_true has labels {classes.tolist()})",
            pos_label,
            owner=owner,
        )
    )


def _scores_from_estimator(
    estimator: Any,
    X: Any,
    *,
    response_method: str = "auto",
    pos_label: Any = None,
    owner: str,
) -> tuple[np.ndarray, Any, str]:
    """Return the positive-class scores of a fitted binary classifier.

    Returns ``(y_score, pos_label, name)``: the scores (probability of the
    positive class, or decision function oriented so that larger means
    positive), the positive label used, and the estimator's class name.
    """
    from sklearn.utils.validation import check_is_fitted

    check_in(
        response_method,
        "response_method",
        ["auto", "predict_proba", "decision_function"],
        owner=owner,
    )
    check_is_fitted(estimator)
    classes = getattr(estimator, "classes_", None)
    if classes is None or len(classes) != 2:
        got = "no classes_" if classes is None else f"{len(classes)} classes"
        raise ValueError(
            param_message("estimator", "a fitted binary classifier (2 classes)", got, owner=owner)
        )
    classes = list(classes)
    if pos_label is None:
        pos_label = classes[1]
    elif pos_label not in classes:
        raise ValueError(
            param_message(
                "pos_label", f"one of the estimator's classes {classes}", pos_label, owner=owner
            )
        )
    methods = (
        ["predict_proba", "decision_function"] if response_method == "auto" else [response_method]
    )
    for method in methods:
        fn = getattr(estimator, method, None)
        if fn is None:
            continue
        out = np.asarray(fn(X))
        if method == "predict_proba":
            return out[:, classes.index(pos_label)], pos_label, type(estimator).__name__
        out = out.ravel()
        if pos_label == classes[0]:
            out = -out
        return out, pos_label, type(estimator).__name__
    raise ValueError(
        param_message(
            "estimator",
            f"a classifier with {' or '.join(methods)}",
            type(estimator).__name__,
            owner=owner,
        )
    )


def _threshold_value(threshold: Any, *, owner: str) -> float:
    """Return a float threshold from a number or an object with ``.threshold``."""
    value = getattr(threshold, "threshold", threshold)
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise TypeError(
            param_message(
                "threshold", "a float or a result of choose_threshold", threshold, owner=owner
            )
        ) from None
    if np.isnan(out):
        raise ValueError(param_message("threshold", "a number (not NaN)", threshold, owner=owner))
    return out


def _require_thresholds(thresholds: Any, *, owner: str) -> np.ndarray:
    if thresholds is None:
        raise ValueError(
            f"{owner} needs the curve's thresholds to mark a threshold: build the display "
            "with from_predictions/from_estimator or pass thresholds= to its constructor."
        )
    return np.asarray(thresholds, dtype=float)

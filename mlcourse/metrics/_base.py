"""Shared checks for the metrics: target validation, label encoding, warnings.

Kept lean on purpose (plain NumPy, no scikit-learn import): a metric on 100
labels must cost tens of microseconds, not milliseconds.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from mlcourse._validation import check_consistent_length, column_or_1d, param_message

__all__ = ["UndefinedMetricWarning"]


class UndefinedMetricWarning(UserWarning):
    """Warning raised when a metric is ill-defined (e.g. a division by zero).

    It subclasses ``UserWarning``, like scikit-learn's warning of the same
    name, so filters written for one catch the other kind of code too.

    Examples
    --------
    >>> import warnings
    >>> from mlcourse.metrics import UndefinedMetricWarning, precision_score
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     precision_score([0, 1], [0, 0])
    0.0
    >>> caught[0].category is UndefinedMetricWarning
    True
    """


class _Text(str):
    """A string shown without quotes in :func:`param_message` ("Got <text> instead.")."""

    def __repr__(self) -> str:
        return str(self)


def _labels_repr(values: Any, limit: int = 10) -> _Text:
    items = values.tolist() if isinstance(values, np.ndarray) else list(values)
    shown = ", ".join(repr(v) for v in items[:limit])
    more = f", ... ({len(items)} in all)" if len(items) > limit else ""
    return _Text(f"[{shown}{more}]")


def _check_discrete(y: np.ndarray, name: str, owner: str) -> None:
    """Reject continuous values (non-integral floats) where class labels are expected."""
    kind = y.dtype.kind
    if kind == "f":
        frac = y != np.floor(y)
        if frac.any():
            example = float(y[np.argmax(frac)])
            raise ValueError(
                param_message(
                    name,
                    "class labels (ints, bools, strings or whole-number floats)",
                    _Text(f"continuous values such as {example!r}"),
                    owner=owner,
                )
                + " Turn scores into labels with a threshold first, or use a ranking"
                " metric such as roc_auc_score."
            )
    elif kind == "c":
        raise TypeError(param_message(name, "class labels", _Text("complex values"), owner=owner))


def _check_missing(y: np.ndarray, name: str, owner: str) -> None:
    """Reject None / NaN in object arrays (pandas columns with missing labels)."""
    if y.dtype.kind == "O":
        try:
            has_missing = bool((np.asarray(y == None) | np.asarray(y != y)).any())  # noqa: E711
        except TypeError:  # pandas.NA refuses to be a bool
            has_missing = True
        if has_missing:
            raise ValueError(
                f"The '{name}' parameter of {owner} contains missing values (None or NaN). "
                "Drop or impute the missing values first."
            )


def _check_targets(y_true: Any, y_pred: Any, owner: str) -> tuple[np.ndarray, np.ndarray]:
    """Return ``y_true`` and ``y_pred`` as 1-D label arrays of equal, non-zero length."""
    yt = column_or_1d(y_true, "y_true", owner=owner)
    yp = column_or_1d(y_pred, "y_pred", owner=owner)
    if yt.shape[0] != yp.shape[0]:
        check_consistent_length([yt, yp], ["y_true", "y_pred"], owner=owner)
    if yt.shape[0] == 0:
        raise ValueError(param_message("y_true", "a non-empty array-like", yt, owner=owner))
    _check_discrete(yt, "y_true", owner)
    _check_discrete(yp, "y_pred", owner)
    _check_missing(yt, "y_true", owner)
    _check_missing(yp, "y_pred", owner)
    kt, kp = yt.dtype.kind, yp.dtype.kind
    if (kt in "US") != (kp in "US") and "O" not in (kt, kp):
        raise ValueError(_mix_message(owner))
    return yt, yp


def _mix_message(owner: str) -> str:
    return param_message(
        "y_pred",
        "labels of the same type as y_true (all strings or all numbers)",
        _Text("a mix of string and number labels"),
        owner=owner,
    )


def _check_sample_weight(
    sample_weight: Any, n_samples: int, owner: str, *, require_nonzero: bool = True
) -> np.ndarray | None:
    """Return ``sample_weight`` as a finite 1-D numeric array of length ``n_samples``."""
    if sample_weight is None:
        return None
    w = column_or_1d(sample_weight, "sample_weight", owner=owner, numeric=True)
    if w.shape[0] != n_samples:
        raise ValueError(
            f"Found input variables of {owner} with inconsistent numbers of samples: "
            f"y_true has {n_samples}, sample_weight has {w.shape[0]}. "
            "They must have the same length."
        )
    if require_nonzero:
        _check_nonzero_weights(w, owner)
    return w


def _check_nonzero_weights(w: np.ndarray | None, owner: str) -> None:
    """Raise if every weight is zero (no sample would count)."""
    if w is not None and not w.any():
        raise ValueError(
            param_message(
                "sample_weight", "weights of which at least one is non-zero", w, owner=owner
            )
        )


def _int_span(yt: np.ndarray, yp: np.ndarray | None = None) -> tuple[int, int] | None:
    """Return ``(lo, span)`` of integer labels when a lookup table fits, else None."""
    if yt.dtype.kind not in "biu" or (yp is not None and yp.dtype.kind not in "biu"):
        return None
    lo = int(yt.min())
    hi = int(yt.max())
    if yp is not None:
        lo = min(lo, int(yp.min()))
        hi = max(hi, int(yp.max()))
    span = hi - lo + 1
    if span > max(1024, 4 * yt.shape[0]):
        return None
    return lo, span


def _as_index(y: np.ndarray, lo: int) -> np.ndarray:
    idx = np.asarray(y, dtype=np.intp)
    return idx - lo if lo else idx


def _encode(
    yt: np.ndarray, yp: np.ndarray, owner: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Encode two label arrays on their sorted union of labels.

    Returns ``(classes, yt_index, yp_index)`` with ``classes[yt_index] == yt``.
    Integer labels with a small range use a lookup table (no sort).
    """
    n = yt.shape[0]
    fast = _int_span(yt, yp)
    if fast is not None:
        lo, span = fast
        a = _as_index(yt, lo)
        b = _as_index(yp, lo)
        present = np.bincount(a, minlength=span) > 0
        present |= np.bincount(b, minlength=span) > 0
        lut = np.cumsum(present) - 1
        dtype = np.result_type(yt.dtype, yp.dtype)
        classes = (np.flatnonzero(present) + lo).astype(dtype)
        return classes, lut[a], lut[b]
    both = np.concatenate([yt, yp])
    try:
        classes, inverse = np.unique(both, return_inverse=True)
    except TypeError:
        raise ValueError(_mix_message(owner)) from None
    if classes.dtype.kind == "O":
        is_str = [isinstance(c, str) for c in classes.tolist()]
        if any(is_str) and not all(is_str):
            raise ValueError(_mix_message(owner))
    inverse = inverse.reshape(-1)
    return classes, inverse[:n], inverse[n:]


def _label_positions(classes: np.ndarray, labels: Any) -> np.ndarray:
    """Position in ``labels`` of each class (``-1`` when a class is not in ``labels``)."""
    where = {lab: i for i, lab in enumerate(np.asarray(labels).tolist())}
    out = np.full(classes.shape[0], -1, dtype=np.intp)
    for i, c in enumerate(classes.tolist()):
        j = where.get(c)
        if j is not None:
            out[i] = j
    return out


def _class_index(classes: np.ndarray, labels: Any) -> np.ndarray:
    """Index in ``classes`` of each label (``-1`` when a label is absent from the data)."""
    where = {c: i for i, c in enumerate(classes.tolist())}
    return np.array([where.get(lab, -1) for lab in np.asarray(labels).tolist()], dtype=np.intp)


def _check_labels_arg(labels: Any, owner: str) -> np.ndarray:
    arr = np.asarray(labels)
    if arr.ndim != 1:
        arr = column_or_1d(arr, "labels", owner=owner)
    if arr.shape[0] == 0:
        raise ValueError(
            param_message("labels", "a non-empty list of labels", list(labels), owner=owner)
        )
    return arr


def _check_pos_label_binary(pos_label: Any, owner: str) -> None:
    if not isinstance(pos_label, (numbers.Real, str, bool, np.bool_)):
        raise TypeError(
            param_message("pos_label", "an int, float, bool or str", pos_label, owner=owner)
        )

"""Split arrays into training, validation and test sets, optionally stratified."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from typing import Any

import numpy as np
from pandas import isna as pd_isna

from .._validation import (
    check_consistent_length,
    check_fractions,
    check_random_state,
    check_scalar,
    column_or_1d,
    param_message,
)

__all__ = ["train_val_test_split"]

_OWNER = "train_val_test_split"
_SPLITS = ("train", "validation", "test")
_EPS = 1e-9


def _num_samples(array: Any, name: str) -> int:
    shape = getattr(array, "shape", None)
    if shape is not None and len(shape) > 0:
        return int(shape[0])
    if shape is None and hasattr(array, "__len__") and not isinstance(array, str | bytes):
        return len(array)
    raise TypeError(
        param_message(name, "an array-like with a first (samples) axis", array, owner=_OWNER)
    )


def _take(array: Any, indices: np.ndarray) -> Any:
    """Index the rows of any array-like, keeping its type (pandas keeps its index)."""
    if hasattr(array, "iloc"):
        return array.iloc[indices]
    if hasattr(array, "shape"):  # NumPy arrays, SciPy sparse matrices
        return array[indices]
    return [array[int(i)] for i in indices]


def _augment(
    need: np.ndarray, allowed: np.ndarray, flow: np.ndarray, room: np.ndarray, order: np.ndarray
) -> bool:
    """Place one more unit: from a class that still needs one to a split with room.

    A breadth-first search for an augmenting path: class -> split along an
    allowed, unused cell; split -> class along a used cell (that class then
    gives its unit up and places it elsewhere). Returns False if none exists.
    """
    # class -> the split it was reached from (None: a class with a unit to place)
    class_from: dict[int, int | None] = {
        c: None for c in range(len(need)) if flow[c].sum() < need[c]
    }
    split_from: dict[int, int] = {}  # split -> the class it was reached from
    queue = deque(class_from)
    while queue:
        c = queue.popleft()
        for s in map(int, order[c]):
            if not allowed[c, s] or flow[c, s] or s in split_from:
                continue
            split_from[s] = c
            if flow[:, s].sum() < room[s]:
                while True:  # flip the cells along the path
                    c = split_from[s]
                    flow[c, s] = True
                    prev = class_from[c]
                    if prev is None:
                        return True
                    flow[c, prev] = False
                    s = prev
            for other in map(int, np.flatnonzero(flow[:, s])):
                if other not in class_from:
                    class_from[other] = s
                    queue.append(other)
    return False


def _allocate(counts: np.ndarray, fractions: Sequence[float]) -> np.ndarray:
    """Share each class's count among the splits, rounding under control.

    Every cell is the floor or the ceiling of ``count * fraction``, every row
    sums to its class count, and every column sums to the floor or the
    ceiling of ``n_samples * fraction`` (a controlled rounding, solved as a
    small flow problem). Without stratification (one class) this is the
    largest-remainder rule.
    """
    exact = np.outer(counts, fractions)
    base = np.floor(exact + _EPS).astype(np.int64)
    rest = np.clip(exact - base, 0.0, None)
    allowed = rest > _EPS
    need = counts - base.sum(axis=1)
    col_rest = rest.sum(axis=0)
    low = np.floor(col_rest + _EPS).astype(np.int64)
    high = np.ceil(col_rest - _EPS).astype(np.int64)
    order = np.argsort(-rest, axis=1, kind="stable")  # largest remainder first
    flow = np.zeros(exact.shape, dtype=bool)
    for room in (low, high):  # fill the floors first, then allow the ceilings
        while _augment(need, allowed, flow, room, order):
            pass
    return base + flow


def train_val_test_split(
    *arrays: Any,
    fractions: Sequence[float] = (0.6, 0.2, 0.2),
    stratify: Any = None,
    shuffle: bool = True,
    random_state: Any = None,
) -> list[Any]:
    r"""Split arrays into random training, validation and test subsets.

    The three-way version of scikit-learn's ``train_test_split``: fit on the
    training set, choose models and hyperparameters on the validation set,
    and report once on the untouched test set.

    Parameters
    ----------
    *arrays : sequence of array-like of shape (n_samples, ...)
        Lists, NumPy arrays, SciPy sparse matrices or pandas objects with the
        same number of rows. Pandas objects come back as pandas objects with
        their index kept.
    fractions : sequence of 3 float, default=(0.6, 0.2, 0.2)
        Shares of the samples in the training, validation and test sets,
        each in (0, 1), summing to 1.
    stratify : array-like of shape (n_samples,), default=None
        Class labels: each split then keeps the class proportions. Every
        class needs at least 3 members (one per split).
    shuffle : bool, default=True
        Shuffle before splitting. ``shuffle=False`` keeps the order (first
        rows for training, last rows for testing, as for time series) and
        cannot be combined with ``stratify``.
    random_state : int, numpy.random.Generator or None, default=None
        Seed for a reproducible split.

    Returns
    -------
    list of length 3 * len(arrays)
        For each input, its training, validation and test parts, in that
        order: ``X_train, X_val, X_test, y_train, y_val, y_test`` for
        ``train_val_test_split(X, y)``.

    See Also
    --------
    sklearn.model_selection.train_test_split : The two-way split.

    Notes
    -----
    Sizes are exact within rounding: with :math:`n_c` samples of class
    :math:`c` and fraction :math:`f_s` for split :math:`s`, split :math:`s`
    receives :math:`\lfloor n_c f_s \rfloor` or :math:`\lceil n_c f_s
    \rceil` samples of class :math:`c`, and :math:`\lfloor n f_s \rfloor`
    or :math:`\lceil n f_s \rceil` samples in all. Without ``stratify``
    the whole set is one class and the leftover samples go to the splits
    with the largest remainders. A class with fewer than about
    :math:`1 / f_s` members may miss split :math:`s`.

    Examples
    --------
    >>> X = np.arange(20).reshape(10, 2)
    >>> y = np.array([0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
    >>> X_train, X_val, X_test, y_train, y_val, y_test = train_val_test_split(
    ...     X, y, fractions=(0.6, 0.2, 0.2), stratify=y, random_state=0
    ... )
    >>> len(X_train), len(X_val), len(X_test)
    (6, 2, 2)
    >>> np.bincount(y_val).tolist()
    [1, 1]
    """
    if not arrays:
        raise ValueError(
            f"The 'arrays' parameter of {_OWNER} must be at least one array-like. Got none instead."
        )
    shares = check_fractions(fractions, "fractions", owner=_OWNER)
    if len(shares) != len(_SPLITS):
        expected = "a sequence of 3 fractions (train, validation, test)"
        raise ValueError(param_message("fractions", expected, fractions, owner=_OWNER))
    check_scalar(shuffle, "shuffle", bool, owner=_OWNER)
    rng = check_random_state(random_state, owner=_OWNER)
    names = [f"arrays[{i}]" for i in range(len(arrays))]
    lengths = [_num_samples(a, name) for a, name in zip(arrays, names, strict=True)]
    sized: list[Any] = [range(n) for n in lengths]
    if stratify is not None:
        sized.append(range(_num_samples(stratify, "stratify")))
        names = [*names, "stratify"]
    check_consistent_length(sized, names, owner=_OWNER)
    n_samples = lengths[0]

    if stratify is None:
        labels = np.zeros(n_samples, dtype=np.int64)
        classes: np.ndarray = np.array([None])
    else:
        if not shuffle:
            expected = "None when shuffle=False (a stratified split shuffles)"
            raise ValueError(param_message("stratify", expected, stratify, owner=_OWNER))
        y = column_or_1d(stratify, "stratify", owner=_OWNER)
        try:
            if y.dtype == object and pd_isna(y).any():
                raise TypeError
            classes, labels = np.unique(y, return_inverse=True)
        except TypeError:
            expected = "class labels of one type, without missing values"
            raise TypeError(param_message("stratify", expected, stratify, owner=_OWNER)) from None
    counts = np.bincount(labels, minlength=len(classes))
    if stratify is not None and counts.min() < len(_SPLITS):
        rare = classes[int(np.argmin(counts))]
        rare = rare.item() if isinstance(rare, np.generic) else rare
        raise ValueError(
            f"The 'stratify' parameter of {_OWNER} must have at least {len(_SPLITS)} members "
            f"in every class (one per split). Got class {rare!r} with {counts.min()} "
            "member(s) instead. Merge rare classes or split without stratify."
        )

    allocation = _allocate(counts, shares)
    sizes = allocation.sum(axis=0)
    if sizes.min() < 1:
        empty = _SPLITS[int(np.argmin(sizes))]
        raise ValueError(
            param_message(
                "fractions",
                f"fractions that leave at least one of the {n_samples} samples in every split",
                fractions,
                owner=_OWNER,
            )[: -len(" instead.")]
            + f" instead (the {empty} set would be empty)."
        )

    if not shuffle:
        bounds = np.cumsum(sizes)[:-1]
        parts = np.split(np.arange(n_samples), bounds)
    else:
        pieces: list[list[np.ndarray]] = [[], [], []]
        for c in range(len(classes)):
            members = rng.permutation(np.flatnonzero(labels == c))
            for s, chunk in enumerate(np.split(members, np.cumsum(allocation[c])[:-1])):
                pieces[s].append(chunk)
        parts = [rng.permutation(np.concatenate(p)) for p in pieces]

    return [_take(a, part) for a in arrays for part in parts]

"""The one home of mlcourse's input checks and their error messages.

Every message follows one format, so that a learner always reads the same
kind of sentence::

    The 'n_clusters' parameter of KMeans must be an int in the range [1, inf). Got 0 instead.

Checks raise ``ValueError`` (a wrong value) or ``TypeError`` (a wrong type),
never ``AssertionError``. Where the fix is known, the message names it.

These helpers are deliberately light (plain NumPy) so that metrics stay fast
on small inputs.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "ParamError",
    "check_array",
    "check_consistent_length",
    "check_fractions",
    "check_in",
    "check_random_state",
    "check_scalar",
    "int_seed",
    "column_or_1d",
    "param_message",
]

_TYPE_WORDS = {
    numbers.Integral: "an int",
    numbers.Real: "a float",
    bool: "a bool",
    str: "a str",
}


class ParamError(ValueError):
    """A ``ValueError`` raised for a bad argument, carrying its name.

    The CLI catches it to print one readable line.
    """

    def __init__(self, message: str, *, param: str | None = None) -> None:
        super().__init__(message)
        self.param = param


def _owner(owner: str | None) -> str:
    return f" of {owner}" if owner else ""


def _short(value: Any) -> str:
    """Return a short ``repr`` for messages: arrays by shape, long strings cut."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def param_message(name: str, expected: str, got: Any, *, owner: str | None = None) -> str:
    """Build the standard one-line message for a bad argument.

    Parameters
    ----------
    name : str
        Name of the argument, as the user wrote it.
    expected : str
        What is expected, phrased to follow "must be".
    got : object
        The value received (shown with a short ``repr``).
    owner : str, default=None
        The function or class the argument belongs to.

    Returns
    -------
    str
        The message.

    Examples
    --------
    >>> param_message("k", "an int in the range [1, inf)", 0, owner="KMeans")
    "The 'k' parameter of KMeans must be an int in the range [1, inf). Got 0 instead."
    """
    return f"The '{name}' parameter{_owner(owner)} must be {expected}. Got {_short(got)} instead."


def _interval(min_val: float | None, max_val: float | None, closed: str) -> str:
    left = "[" if closed in ("both", "left") and min_val is not None else "("
    right = "]" if closed in ("both", "right") and max_val is not None else ")"
    lo = "-inf" if min_val is None else f"{min_val:g}"
    hi = "inf" if max_val is None else f"{max_val:g}"
    return f"{left}{lo}, {hi}{right}"


def check_scalar(
    value: Any,
    name: str,
    target_type: type | tuple[type, ...],
    *,
    owner: str | None = None,
    min_val: float | None = None,
    max_val: float | None = None,
    closed: str = "both",
) -> Any:
    """Check that a scalar has the expected type and lies in an interval.

    Parameters
    ----------
    value : object
        The value to check.
    name : str
        The argument's name, for the message.
    target_type : type or tuple of types
        Accepted types, e.g. ``numbers.Integral`` or ``numbers.Real``.
        ``bool`` is never accepted as a number.
    owner : str, default=None
        The function or class the argument belongs to.
    min_val, max_val : float, default=None
        Bounds of the interval; ``None`` means unbounded.
    closed : {"both", "left", "right", "neither"}, default="both"
        Which bounds are included.

    Returns
    -------
    object
        ``value``, unchanged.

    Raises
    ------
    TypeError
        If ``value`` has the wrong type.
    ValueError
        If ``value`` lies outside the interval.

    Examples
    --------
    >>> check_scalar(3, "n_neighbors", int, owner="KNeighborsClassifier", min_val=1)
    3
    >>> check_scalar(0, "n_neighbors", int, owner="KNeighborsClassifier", min_val=1)
    Traceback (most recent call last):
    ...
    ValueError: The 'n_neighbors' parameter of KNeighborsClassifier must be an int in the range [1, inf). Got 0 instead.
    """
    types = target_type if isinstance(target_type, tuple) else (target_type,)
    numeric = any(t in (int, float, numbers.Integral, numbers.Real) for t in types)
    word = " or ".join(_TYPE_WORDS.get(t, f"a {getattr(t, '__name__', t)}") for t in types)
    word = word.replace("a int", "an int")
    bounded = min_val is not None or max_val is not None
    expected = f"{word} in the range {_interval(min_val, max_val, closed)}" if bounded else word
    if (numeric and isinstance(value, bool)) or not isinstance(value, types):
        raise TypeError(param_message(name, expected, value, owner=owner))
    if bounded:
        v = float(value)  # type: ignore[arg-type]
        if np.isnan(v):
            raise ValueError(param_message(name, expected, value, owner=owner))
        lo_ok = min_val is None or v > min_val or (v == min_val and closed in ("both", "left"))
        hi_ok = max_val is None or v < max_val or (v == max_val and closed in ("both", "right"))
        if not (lo_ok and hi_ok):
            raise ValueError(param_message(name, expected, value, owner=owner))
    return value


def check_in(value: Any, name: str, options: Iterable[Any], *, owner: str | None = None) -> Any:
    """Check that ``value`` is one of ``options``.

    Parameters
    ----------
    value : object
        The value to check.
    name : str
        The argument's name.
    options : iterable
        The accepted values.
    owner : str, default=None
        The function or class the argument belongs to.

    Returns
    -------
    object
        ``value``, unchanged.

    Examples
    --------
    >>> check_in("macro", "average", ["binary", "macro"], owner="f1_score")
    'macro'
    >>> check_in("mean", "average", ["binary", "macro"], owner="f1_score")
    Traceback (most recent call last):
    ...
    ValueError: The 'average' parameter of f1_score must be one of 'binary', 'macro'. Got 'mean' instead.
    """
    opts = list(options)
    try:
        ok = value in opts
    except TypeError:  # unhashable or incomparable
        ok = False
    if not ok:
        listed = ", ".join(repr(o) for o in opts)
        raise ValueError(param_message(name, f"one of {listed}", value, owner=owner))
    return value


def column_or_1d(
    y: Any,
    name: str,
    *,
    owner: str | None = None,
    numeric: bool = False,
    allow_nan: bool = False,
) -> np.ndarray:
    """Turn a list, Series or column vector into a 1-D NumPy array.

    Parameters
    ----------
    y : array-like of shape (n_samples,) or (n_samples, 1)
        The input.
    name : str
        The argument's name.
    owner : str, default=None
        The function or class the argument belongs to.
    numeric : bool, default=False
        Require a numeric (or boolean) dtype.
    allow_nan : bool, default=False
        Accept NaN and infinity in numeric input.

    Returns
    -------
    ndarray of shape (n_samples,)

    Examples
    --------
    >>> column_or_1d([[1], [2]], "y_true")
    array([1, 2])
    >>> column_or_1d([[1, 2], [3, 4]], "y_true", owner="accuracy_score")
    Traceback (most recent call last):
    ...
    ValueError: The 'y_true' parameter of accuracy_score must be a 1-D array-like of shape (n_samples,). Got an array of shape (2, 2) instead.
    """
    arr = y if isinstance(y, np.ndarray) else np.asarray(y)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr.ravel()
    if arr.ndim != 1:
        expected = "a 1-D array-like of shape (n_samples,)"
        if arr.ndim == 0:
            raise ValueError(param_message(name, expected, y, owner=owner))
        raise ValueError(param_message(name, expected, arr, owner=owner))
    if arr.dtype == object:
        # pandas nullable / mixed columns: try to make them numeric or str
        try:
            arr = arr.astype(float) if numeric else arr
        except (TypeError, ValueError):
            pass
    if numeric:
        if arr.dtype.kind not in "biuf":
            raise TypeError(
                param_message(name, "a numeric array-like", f"dtype {arr.dtype}", owner=owner)
            )
        if not allow_nan and arr.dtype.kind == "f" and not np.isfinite(arr).all():
            bad = "NaN" if np.isnan(arr).any() else "infinity"
            raise ValueError(
                f"The '{name}' parameter{_owner(owner)} contains {bad}. "
                "Drop or impute the missing or infinite values first."
            )
    elif arr.dtype.kind == "f" and not allow_nan and not np.isfinite(arr).all():
        bad = "NaN" if np.isnan(arr).any() else "infinity"
        raise ValueError(
            f"The '{name}' parameter{_owner(owner)} contains {bad}. "
            "Drop or impute the missing or infinite values first."
        )
    return arr


def check_array(
    X: Any,
    name: str = "X",
    *,
    owner: str | None = None,
    allow_nan: bool = False,
    ensure_min_samples: int = 1,
) -> np.ndarray:
    """Turn array-like input into a finite 2-D float array.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The input.
    name : str, default="X"
        The argument's name.
    owner : str, default=None
        The function or class the argument belongs to.
    allow_nan : bool, default=False
        Accept NaN values.
    ensure_min_samples : int, default=1
        Minimum number of rows.

    Returns
    -------
    ndarray of shape (n_samples, n_features)

    Examples
    --------
    >>> check_array([[1, 2], [3, 4]]).shape
    (2, 2)
    >>> check_array([1, 2, 3])
    Traceback (most recent call last):
    ...
    ValueError: The 'X' parameter must be a 2-D array-like of shape (n_samples, n_features). Got an array of shape (3,) instead. Reshape your data with X.reshape(-1, 1) if it has a single feature or X.reshape(1, -1) if it is a single sample.
    """
    try:
        arr = np.asarray(X, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            param_message(name, "a numeric array-like", type(X).__name__, owner=owner) + f" ({exc})"
        ) from None
    if arr.ndim != 2:
        msg = param_message(
            name, "a 2-D array-like of shape (n_samples, n_features)", arr, owner=owner
        )
        if arr.ndim == 1:
            msg += (
                f" Reshape your data with {name}.reshape(-1, 1) if it has a single feature"
                f" or {name}.reshape(1, -1) if it is a single sample."
            )
        raise ValueError(msg)
    if arr.shape[0] < ensure_min_samples:
        raise ValueError(
            param_message(
                name, f"an array with at least {ensure_min_samples} sample(s)", arr, owner=owner
            )
        )
    if not allow_nan and not np.isfinite(arr).all():
        bad = "NaN" if np.isnan(arr).any() else "infinity"
        raise ValueError(
            f"The '{name}' parameter{_owner(owner)} contains {bad}. "
            "Impute the missing values first (e.g. sklearn.impute.SimpleImputer)."
        )
    return arr


def check_consistent_length(
    arrays: Sequence[npt.ArrayLike], names: Sequence[str], *, owner: str | None = None
) -> None:
    """Check that all arrays have the same number of samples.

    Parameters
    ----------
    arrays : sequence of array-like
        The arrays (``None`` entries are skipped).
    names : sequence of str
        Their argument names, in the same order.
    owner : str, default=None
        The function or class they belong to.

    Examples
    --------
    >>> check_consistent_length([[1, 2], [1, 2, 3]], ["y_true", "y_pred"])
    Traceback (most recent call last):
    ...
    ValueError: Found input variables with inconsistent numbers of samples: y_true has 2, y_pred has 3. They must have the same length.
    """
    lengths = [(n, len(a)) for a, n in zip(arrays, names, strict=True) if a is not None]  # type: ignore[arg-type]
    if len({length for _, length in lengths}) > 1:
        listed = ", ".join(f"{n} has {length}" for n, length in lengths)
        where = f" of {owner}" if owner else ""
        raise ValueError(
            f"Found input variables{where} with inconsistent numbers of samples: {listed}. "
            "They must have the same length."
        )


def check_fractions(
    fractions: Sequence[float], name: str, *, owner: str | None = None, tol: float = 1e-9
) -> tuple[float, ...]:
    """Check that fractions are each in (0, 1) and sum to 1.

    Parameters
    ----------
    fractions : sequence of float
        The fractions.
    name : str
        The argument's name.
    owner : str, default=None
        The function or class the argument belongs to.
    tol : float, default=1e-9
        Tolerance on the sum.

    Returns
    -------
    tuple of float

    Examples
    --------
    >>> check_fractions((0.6, 0.2, 0.2), "fractions")
    (0.6, 0.2, 0.2)
    >>> check_fractions((0.6, 0.3, 0.3), "fractions", owner="train_val_test_split")
    Traceback (most recent call last):
    ...
    ValueError: The 'fractions' parameter of train_val_test_split must be fractions in (0, 1) that sum to 1. Got (0.6, 0.3, 0.3) instead (they sum to 1.2).
    """
    expected = "fractions in (0, 1) that sum to 1"
    try:
        values = tuple(float(f) for f in fractions)
    except (TypeError, ValueError):
        raise TypeError(param_message(name, expected, fractions, owner=owner)) from None
    if not values or any(not (0.0 < v < 1.0) for v in values):
        raise ValueError(param_message(name, expected, fractions, owner=owner))
    total = sum(values)
    if abs(total - 1.0) > tol:
        msg = param_message(name, expected, fractions, owner=owner)
        raise ValueError(msg[: -len(" instead.")] + f" instead (they sum to {total:g}).")
    return values


def check_random_state(random_state: Any, *, owner: str | None = None) -> np.random.Generator:
    """Turn ``random_state`` into a ``numpy.random.Generator``.

    Parameters
    ----------
    random_state : int, numpy.random.Generator, numpy.random.RandomState or None
        ``None`` gives fresh entropy; an int seeds a new generator; a
        ``Generator`` is returned as is; a legacy ``RandomState`` is used to
        seed a new generator.
    owner : str, default=None
        The function or class the argument belongs to.

    Returns
    -------
    numpy.random.Generator

    Examples
    --------
    >>> rng = check_random_state(0)
    >>> float(rng.random()) == float(check_random_state(0).random())
    True
    """
    if random_state is None or isinstance(random_state, numbers.Integral):
        if isinstance(random_state, bool):
            raise TypeError(
                param_message(
                    "random_state", "an int, a numpy Generator or None", random_state, owner=owner
                )
            )
        if random_state is not None and random_state < 0:
            raise ValueError(
                param_message("random_state", "a non-negative int", random_state, owner=owner)
            )
        return np.random.default_rng(None if random_state is None else int(random_state))
    if isinstance(random_state, np.random.Generator):
        return random_state
    if isinstance(random_state, np.random.RandomState):
        return np.random.default_rng(random_state.randint(0, 2**31 - 1))
    raise TypeError(
        param_message(
            "random_state", "an int, a numpy Generator or None", random_state, owner=owner
        )
    )


def int_seed(random_state: Any, *, owner: str | None = None) -> int:
    """Draw a reproducible int seed from ``random_state`` for libraries that need an int.

    Parameters
    ----------
    random_state : int, numpy.random.Generator or None
        As for :func:`check_random_state`. An int is returned unchanged.
    owner : str, default=None
        The function or class the argument belongs to.

    Returns
    -------
    int

    Examples
    --------
    >>> int_seed(7)
    7
    """
    if isinstance(random_state, numbers.Integral) and not isinstance(random_state, bool):
        check_random_state(random_state, owner=owner)
        return int(random_state)
    return int(check_random_state(random_state, owner=owner).integers(0, 2**31 - 1))

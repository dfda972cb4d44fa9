"""scikit-learn's bundled real datasets, returned as pandas DataFrames.

These ship inside scikit-learn's wheel, so they load offline. Each
``DESCR`` starts with the course's short data card (source, licence), followed
by scikit-learn's own description.
"""

from __future__ import annotations

from typing import Any

from ._base import Dataset
from ._resources import read_card

__all__ = [
    "load_breast_cancer",
    "load_diabetes",
    "load_digits",
    "load_iris",
    "load_wine",
]


def _from_sklearn(loader_name: str, *, return_X_y: bool, as_frame: bool, **kwargs: Any) -> Any:
    import sklearn.datasets

    raw = getattr(sklearn.datasets, loader_name)(as_frame=True, **kwargs)
    X = raw.data
    y = raw.target
    tn = getattr(raw, "target_names", None)
    target_names = [] if tn is None else list(tn)
    if not as_frame:
        X = X.to_numpy()
        y = y.to_numpy()
    if return_X_y:
        return X, y
    frame = raw.frame if as_frame else None
    name = loader_name.removeprefix("load_")
    return Dataset(
        data=X,
        target=y,
        frame=frame,
        feature_names=list(raw.feature_names),
        target_names=[str(t) for t in target_names],
        target_name=str(raw.target.name) if hasattr(raw.target, "name") else "target",
        DESCR=read_card(name) + "\n\n" + raw.DESCR,
        name=name,
    )


def load_breast_cancer(*, return_X_y: bool = False, as_frame: bool = True) -> Any:
    """Load the Wisconsin breast-cancer dataset (binary classification).

    569 samples, 30 numeric features; ``target`` is 0 = malignant, 1 = benign.

    Parameters
    ----------
    return_X_y : bool, default=False
        Return ``(X, y)`` instead of a :class:`Dataset`.
    as_frame : bool, default=True
        Return pandas objects (DataFrame, Series) instead of NumPy arrays.

    Returns
    -------
    Dataset or tuple of (X, y)

    Examples
    --------
    >>> X, y = load_breast_cancer(return_X_y=True)
    >>> X.shape, sorted(y.unique().tolist())
    ((569, 30), [0, 1])
    """
    return _from_sklearn("load_breast_cancer", return_X_y=return_X_y, as_frame=as_frame)


def load_wine(*, return_X_y: bool = False, as_frame: bool = True) -> Any:
    """Load the wine dataset (3-class classification, 178 samples, 13 features).

    Parameters
    ----------
    return_X_y : bool, default=False
        Return ``(X, y)`` instead of a :class:`Dataset`.
    as_frame : bool, default=True
        Return pandas objects instead of NumPy arrays.

    Returns
    -------
    Dataset or tuple of (X, y)

    Examples
    --------
    >>> load_wine().data.shape
    (178, 13)
    """
    return _from_sklearn("load_wine", return_X_y=return_X_y, as_frame=as_frame)


def load_digits(*, return_X_y: bool = False, as_frame: bool = True) -> Any:
    """Load the 8x8 handwritten digits (10-class classification, 1,797 images).

    Each row holds the 64 pixel intensities (0-16) of one image; reshape a
    row with ``.reshape(8, 8)`` to see it as an image.

    Parameters
    ----------
    return_X_y : bool, default=False
        Return ``(X, y)`` instead of a :class:`Dataset`.
    as_frame : bool, default=True
        Return pandas objects instead of NumPy arrays.

    Returns
    -------
    Dataset or tuple of (X, y)

    Examples
    --------
    >>> X, y = load_digits(return_X_y=True, as_frame=False)
    >>> X.shape, float(X.max())
    ((1797, 64), 16.0)
    """
    return _from_sklearn("load_digits", return_X_y=return_X_y, as_frame=as_frame)


def load_diabetes(*, return_X_y: bool = False, as_frame: bool = True, scaled: bool = True) -> Any:
    """Load the diabetes dataset (regression, 442 patients, 10 features).

    The target is a measure of disease progression one year after baseline.

    Parameters
    ----------
    return_X_y : bool, default=False
        Return ``(X, y)`` instead of a :class:`Dataset`.
    as_frame : bool, default=True
        Return pandas objects instead of NumPy arrays.
    scaled : bool, default=True
        Mean-centred and scaled features (scikit-learn's default); ``False``
        gives the original units (age in years, BMI, ...).

    Returns
    -------
    Dataset or tuple of (X, y)

    Examples
    --------
    >>> load_diabetes().data.shape
    (442, 10)
    """
    return _from_sklearn("load_diabetes", return_X_y=return_X_y, as_frame=as_frame, scaled=scaled)


def load_iris(*, return_X_y: bool = False, as_frame: bool = True) -> Any:
    """Load the iris dataset (3-class classification, 150 flowers, 4 features).

    Parameters
    ----------
    return_X_y : bool, default=False
        Return ``(X, y)`` instead of a :class:`Dataset`.
    as_frame : bool, default=True
        Return pandas objects instead of NumPy arrays.

    Returns
    -------
    Dataset or tuple of (X, y)

    Examples
    --------
    >>> load_iris().target_names
    ['setosa', 'versicolor', 'virginica']
    """
    return _from_sklearn("load_iris", return_X_y=return_X_y, as_frame=as_frame)

"""Datasets that load offline: scikit-learn's bundled sets and the course's own.

Loaders are named ``load_<name>(*, return_X_y=False, as_frame=True)`` and
generators ``make_<name>(n_samples=..., *, random_state=None)``.
"""

from ._base import Dataset
from ._bundled import load_breast_cancer, load_diabetes, load_digits, load_iris, load_wine

__all__ = [
    "Dataset",
    "load_breast_cancer",
    "load_diabetes",
    "load_digits",
    "load_iris",
    "load_wine",
]

"""Datasets that load offline: scikit-learn's bundled sets and the course's own.

Loaders are named ``load_<name>(*, return_X_y=False, as_frame=True)`` and
generators ``make_<name>(n_samples=..., *, random_state=None)``.
"""

from ._base import Dataset
from ._baskets import make_market_baskets
from ._bundled import load_breast_cancer, load_diabetes, load_digits, load_iris, load_wine
from ._card_fraud import make_card_transactions

__all__ = [
    "Dataset",
    "load_breast_cancer",
    "load_diabetes",
    "load_digits",
    "load_iris",
    "load_wine",
    "make_card_transactions",
    "make_market_baskets",
]

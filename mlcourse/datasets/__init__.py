"""Datasets that load offline: scikit-learn's bundled sets and the course's own.

Loaders are named ``load_<name>(*, return_X_y=False, as_frame=True)`` and
generators ``make_<name>(n_samples=..., *, random_state=None)``.
"""

from ._base import Dataset
from ._baskets import make_market_baskets
from ._bundled import load_breast_cancer, load_diabetes, load_digits, load_iris, load_wine
from ._card_fraud import make_card_transactions
from ._emails import load_emails, make_emails
from ._house_prices import load_house_prices, make_house_prices
from ._reviews import load_reviews, make_reviews
from ._split import train_val_test_split
from ._transactions import load_customer_transactions, make_customer_transactions

__all__ = [
    "Dataset",
    "load_breast_cancer",
    "load_customer_transactions",
    "load_diabetes",
    "load_digits",
    "load_emails",
    "load_house_prices",
    "load_iris",
    "load_reviews",
    "load_wine",
    "make_card_transactions",
    "make_customer_transactions",
    "make_emails",
    "make_house_prices",
    "make_market_baskets",
    "make_reviews",
    "train_val_test_split",
]

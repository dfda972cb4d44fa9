"""Synthetic market baskets with planted association rules."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_random_state, check_scalar, param_message

__all__ = ["PLANTED_RULES", "PRODUCTS", "make_market_baskets"]

#: Product names, most popular first; further items are named ``item_041``...
PRODUCTS: tuple[str, ...] = (
    "milk", "bread", "eggs", "bananas", "coffee", "pasta", "butter", "cheese",
    "yogurt", "apples", "chicken", "rice", "tomato sauce", "beer", "chips",
    "cereal", "diapers", "salsa", "parmesan", "orange juice", "tea", "onions",
    "potatoes", "wine", "chocolate", "cookies", "toilet paper", "shampoo",
    "soap", "lettuce", "carrots", "flour", "sugar", "honey", "jam", "ham",
    "fish", "ice cream", "water", "napkins",
)  # fmt: skip

#: The planted rules, applied in this order: when a basket holds every
#: antecedent, each consequent is added with the given probability.
PLANTED_RULES: tuple[tuple[tuple[str, ...], tuple[str, ...], float], ...] = (
    (("bread",), ("butter",), 0.5),
    (("cereal",), ("milk",), 0.6),
    (("pasta",), ("tomato sauce",), 0.5),
    (("pasta", "tomato sauce"), ("parmesan",), 0.6),
    (("chips",), ("salsa",), 0.6),
    (("diapers",), ("beer",), 0.5),
)


def _popularity(n_items: int) -> np.ndarray:
    """Probability that a basket holds each item on its own (before the rules)."""
    rank = np.arange(n_items)
    return 0.02 + 0.22 * np.exp(-rank / 6.0)


def make_market_baskets(
    n_transactions: int = 500,
    *,
    n_items: int = 30,
    random_state: Any = None,
    return_rules: bool = False,
) -> Any:
    r"""Generate shopping baskets in which some products are bought together on purpose.

    Each basket first gets every product independently with its own
    popularity (from 24 % for milk down to 2 % for the rarest items); then
    the planted rules add products: a basket with bread gets butter with
    probability 0.5, one with pasta and tomato sauce gets parmesan with
    probability 0.6, and so on (:data:`PLANTED_RULES`). Association-rule
    mining should find exactly these rules with a lift well above 1, and no
    strong rule between the other products, which are independent.

    Parameters
    ----------
    n_transactions : int, default=500
        Number of baskets (rows).
    n_items : int, default=30
        Number of products (columns), at least 19 so that every planted rule
        has its products. The first 40 have grocery names, further ones are
        ``item_041``, ``item_042``...
    random_state : int, numpy.random.Generator or None, default=None
        Seed for reproducible output.
    return_rules : bool, default=False
        Also return the planted rules.

    Returns
    -------
    baskets : DataFrame of shape (n_transactions, n_items)
        One-hot basket table (dtype bool): True where the basket holds the
        product. Columns are product names, most popular first.
    rules : DataFrame
        Only when ``return_rules`` is True: columns ``antecedents`` and
        ``consequents`` (frozensets of product names) and ``probability``,
        the chance that the consequents are added when the antecedents are
        in the basket.

    Notes
    -----
    Before the rules, item ``j`` (0-based rank) is in a basket with
    probability :math:`p_j = 0.02 + 0.22\,e^{-j/6}`, independently of the
    others. A planted rule :math:`A \to C` with probability :math:`q` gives
    a confidence of about :math:`q + (1 - q)\,p_C` and a lift of about
    that divided by the support of C.

    Examples
    --------
    >>> from mlcourse.datasets import make_market_baskets
    >>> baskets, rules = make_market_baskets(500, random_state=0, return_rules=True)
    >>> baskets.shape, str(baskets.dtypes.iloc[0])
    ((500, 30), 'bool')
    >>> sorted(rules.loc[3, "antecedents"]), sorted(rules.loc[3, "consequents"])
    (['pasta', 'tomato sauce'], ['parmesan'])
    >>> with_bread = baskets["bread"]
    >>> float(baskets.loc[with_bread, "butter"].mean()) > 0.4  # planted: bread -> butter
    True
    """
    owner = "make_market_baskets"
    check_scalar(n_transactions, "n_transactions", numbers.Integral, owner=owner, min_val=1)
    check_scalar(n_items, "n_items", numbers.Integral, owner=owner, min_val=1)
    needed = 1 + max(PRODUCTS.index(p) for a, c, _ in PLANTED_RULES for p in (*a, *c))
    if n_items < needed:
        raise ValueError(
            param_message(
                "n_items",
                f"an int >= {needed}, so that every planted rule has its products",
                n_items,
                owner=owner,
            )
        )
    if not isinstance(return_rules, (bool, np.bool_)):
        raise TypeError(param_message("return_rules", "a bool", return_rules, owner=owner))
    rng = check_random_state(random_state, owner=owner)
    n, m = int(n_transactions), int(n_items)
    names = list(PRODUCTS[:m]) + [f"item_{j + 1:03d}" for j in range(len(PRODUCTS), m)]

    baskets = rng.random((n, m)) < _popularity(m)
    col = {name: j for j, name in enumerate(names)}
    for antecedents, consequents, prob in PLANTED_RULES:
        a_cols = np.array([col[a] for a in antecedents], dtype=np.intp)
        c_cols = np.array([col[c] for c in consequents], dtype=np.intp)
        add = baskets[:, a_cols].all(axis=1) & (rng.random(n) < prob)
        baskets[np.ix_(add, c_cols)] = True
    frame = pd.DataFrame(baskets, columns=names)
    if not return_rules:
        return frame
    rules = pd.DataFrame(
        {
            "antecedents": pd.Series([frozenset(a) for a, _, _ in PLANTED_RULES], dtype=object),
            "consequents": pd.Series([frozenset(c) for _, c, _ in PLANTED_RULES], dtype=object),
            "probability": [p for _, _, p in PLANTED_RULES],
        }
    )
    return frame, rules

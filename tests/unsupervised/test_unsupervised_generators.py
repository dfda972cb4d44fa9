from __future__ import annotations

import re

import pandas as pd
import pytest

from mlcourse.datasets import make_card_transactions, make_market_baskets
from mlcourse.datasets._baskets import PLANTED_RULES
from mlcourse.datasets._resources import read_card
from mlcourse.unsupervised import apriori, association_rules


def test_market_baskets_shape_and_determinism(seed):
    a = make_market_baskets(300, n_items=45, random_state=seed)
    b = make_market_baskets(300, n_items=45, random_state=seed)
    pd.testing.assert_frame_equal(a, b)
    assert a.shape == (300, 45)
    assert all(dt.kind == "b" for dt in a.dtypes)
    assert list(a.columns[:3]) == ["milk", "bread", "eggs"]
    assert a.columns[-1] == "item_045"


def test_planted_rules_are_recovered(seed):
    baskets, planted = make_market_baskets(3000, random_state=seed, return_rules=True)
    rules = association_rules(
        apriori(baskets, 0.01, use_colnames=True), metric="confidence", min_threshold=0.4
    )
    found = {(a, c): lift for a, c, lift in rules[["antecedents", "consequents", "lift"]].values}
    for a, c in zip(planted["antecedents"], planted["consequents"], strict=True):
        assert found[(a, c)] > 2.0, (set(a), set(c))
    # the other products are independent: no confident rule between two of them
    planted_items = set().union(*planted["antecedents"], *planted["consequents"])
    others = rules[
        rules.apply(lambda r: not ((r.antecedents | r.consequents) & planted_items), axis=1)
    ]
    assert others.empty


def test_card_transactions(seed):
    tx = make_card_transactions(4000, fraud_rate=0.02, random_state=seed)
    pd.testing.assert_frame_equal(
        tx, make_card_transactions(4000, fraud_rate=0.02, random_state=seed)
    )
    assert list(tx.columns) == ["amount", "hour", "distance_km", "n_last_24h", "is_fraud"]
    assert int(tx["is_fraud"].sum()) == 80
    assert tx["hour"].between(0, 23).all() and (tx["amount"] > 0).all()
    fraud, normal = tx[tx.is_fraud == 1], tx[tx.is_fraud == 0]
    assert fraud["distance_km"].median() > 5 * normal["distance_km"].median()
    assert fraud["hour"].lt(6).mean() > normal["hour"].lt(6).mean() + 0.2


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (
            lambda: make_market_baskets(10, n_items=5),
            ValueError,
            r"'n_items' parameter of make_market_baskets must be an int >= 19",
        ),
        (lambda: make_market_baskets(0), ValueError, r"'n_transactions' parameter"),
        (lambda: make_market_baskets(10, return_rules=1), TypeError, r"'return_rules'"),
        (
            lambda: make_card_transactions(100, fraud_rate=0.0),
            ValueError,
            r"'fraud_rate' parameter of make_card_transactions must be a float in the range \(0, 0.5\)",
        ),
        (lambda: make_card_transactions(100, fraud_rate=0.7), ValueError, r"'fraud_rate'"),
        (lambda: make_card_transactions(-1), ValueError, r"'n_samples'"),
    ],
)
def test_bad_generator_arguments(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


# --- data cards: the generators have no CSV, so their cards are checked against the code ----


def test_card_transactions_card_matches_the_generator():
    card = read_card("make_card_transactions")
    for section in ("**Source**", "**Licence**", "**Size**", "No CSV snapshot", "### Columns"):
        assert section in card, section
    documented = dict(re.findall(r"(?m)^\| `(\w+)` \| (\w+) \|", card))
    tx = make_card_transactions(500, random_state=0)
    assert documented == {c: str(dt) for c, dt in tx.dtypes.items()}
    assert "make_card_transactions(10_000, random_state=0)" in card  # notebook 10's call


def test_market_baskets_card_lists_the_planted_rules():
    card = read_card("make_market_baskets")
    for section in ("**Source**", "**Licence**", "**Size**", "No CSV snapshot", "### Columns"):
        assert section in card, section
    documented = re.findall(r"(?m)^\| ([a-z ,]+) -> ([a-z ]+) \| ([0-9.]+) \|$", card)
    planted = [(", ".join(a), ", ".join(c), str(q)) for a, c, q in PLANTED_RULES]
    assert documented == planted
    assert "make_market_baskets(500, random_state=0, return_rules=True)" in card  # notebook 09

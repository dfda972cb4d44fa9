from __future__ import annotations

import tracemalloc
import warnings
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from mlxtend.frequent_patterns import apriori as mx_apriori
from mlxtend.frequent_patterns import association_rules as mx_rules

from mlcourse.datasets import make_market_baskets
from mlcourse.unsupervised import METRICS, apriori, association_rules, encode_transactions
from mlcourse.unsupervised import _apriori as apriori_module

# the classic example of mlxtend's user guide, written out as transactions
SHOP = [
    ["Milk", "Onion", "Nutmeg", "Kidney Beans", "Eggs", "Yogurt"],
    ["Dill", "Onion", "Nutmeg", "Kidney Beans", "Eggs", "Yogurt"],
    ["Milk", "Apple", "Kidney Beans", "Eggs"],
    ["Milk", "Unicorn", "Corn", "Kidney Beans", "Yogurt"],
    ["Corn", "Onion", "Onion", "Kidney Beans", "Ice cream", "Eggs"],
]


def _random_table(seed: int, n: int, m: int, density: float) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    p = rng.uniform(density / 3, density, size=m)
    return pd.DataFrame(rng.random((n, m)) < p, columns=[f"i{j}" for j in range(m)])


def _datasets(seed: int):
    yield "shop", encode_transactions(SHOP), 0.6
    yield "baskets", make_market_baskets(500, random_state=seed), 0.02
    yield "dense", _random_table(seed, 200, 12, 0.7), 0.1
    yield "wide", make_market_baskets(3000, n_items=60, random_state=seed), 0.01


def _canonical(rules: pd.DataFrame) -> pd.DataFrame:
    """Rules indexed by (sorted antecedents, sorted consequents), in sorted order."""
    key = [
        (tuple(sorted(map(str, a))), tuple(sorted(map(str, c))))
        for a, c in zip(rules["antecedents"], rules["consequents"], strict=True)
    ]
    out = rules.drop(columns=["antecedents", "consequents"])
    out.index = pd.MultiIndex.from_tuples(key)
    return out.sort_index()


def _as_dict(frequent: pd.DataFrame) -> dict[frozenset, float]:
    return dict(zip(frequent["itemsets"], frequent["support"], strict=True))


def test_hand_computable_supports():
    baskets = [["milk", "bread"], ["milk", "bread", "eggs"], ["bread"], ["milk", "eggs"]]
    got = _as_dict(apriori(baskets, min_support=0.5, use_colnames=True))
    assert got == {
        frozenset({"bread"}): 0.75,
        frozenset({"milk"}): 0.75,
        frozenset({"eggs"}): 0.5,
        frozenset({"bread", "milk"}): 0.5,
        frozenset({"eggs", "milk"}): 0.5,
    }
    rules = association_rules(apriori(baskets, 0.5, True), metric="confidence", min_threshold=0.9)
    assert len(rules) == 1
    rule = rules.iloc[0]
    assert rule["antecedents"] == {"eggs"} and rule["consequents"] == {"milk"}
    # confidence 0.5 / 0.5 = 1, lift 1 / 0.75, leverage 0.5 - 0.5 * 0.75, conviction inf
    assert rule["confidence"] == 1.0
    assert rule["lift"] == pytest.approx(4 / 3)
    assert rule["leverage"] == pytest.approx(0.125)
    assert rule["conviction"] == np.inf


@pytest.mark.parametrize("use_colnames", [True, False])
def test_same_itemsets_and_supports_as_mlxtend(seed, use_colnames):
    for name, table, min_support in _datasets(seed):
        ours = apriori(table, min_support=min_support, use_colnames=use_colnames)
        ref = mx_apriori(table, min_support=min_support, use_colnames=use_colnames)
        assert list(ours.columns) == ["support", "itemsets"]
        # same itemsets, in the same order, with bit-identical supports
        assert list(ours["itemsets"]) == list(ref["itemsets"]), name
        np.testing.assert_array_equal(ours["support"].to_numpy(), ref["support"].to_numpy())


def test_max_len_matches_mlxtend(seed):
    table = _random_table(seed, 300, 10, 0.8)
    for max_len in (1, 2, 3):
        ours = apriori(table, 0.05, max_len=max_len)
        ref = mx_apriori(table, 0.05, max_len=max_len)
        assert _as_dict(ours) == _as_dict(ref)
        assert ours["itemsets"].map(len).max() <= max_len


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@pytest.mark.parametrize(
    ("metric", "threshold"),
    [
        ("confidence", 0.3),
        ("lift", 1.2),
        ("support", 0.03),
        ("leverage", 0.005),
        ("conviction", 1.1),
        ("zhangs_metric", 0.2),
        ("jaccard", 0.1),
    ],
)
def test_same_rules_as_mlxtend(seed, metric, threshold):
    for name, table, min_support in _datasets(seed):
        frequent = apriori(table, min_support, use_colnames=True)
        ours = association_rules(frequent, metric=metric, min_threshold=threshold)
        ref = mx_rules(
            mx_apriori(table, min_support, use_colnames=True),
            metric=metric,
            min_threshold=threshold,
        )
        assert list(ours.columns) == list(ref.columns), name
        assert len(ours) == len(ref), name
        if len(ref) == 0:
            continue
        a, b = _canonical(ours), _canonical(ref)
        assert list(a.index) == list(b.index), name
        np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), rtol=1e-12, atol=0)


def test_same_result_from_lists_arrays_ints_and_sparse_tables(seed):
    table = make_market_baskets(400, random_state=seed)
    expected = apriori(table, 0.03)
    as_int = table.astype(int)
    as_sparse = table.astype(pd.SparseDtype(bool, False))
    for other in (table.to_numpy(), as_int, as_sparse):
        got = apriori(other, 0.03)
        assert list(got["itemsets"]) == list(expected["itemsets"])
        np.testing.assert_array_equal(got["support"], expected["support"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # mlxtend warns on 0/1 ints
        ref = mx_apriori(as_sparse, 0.03)
    assert _as_dict(apriori(as_sparse, 0.03)) == _as_dict(ref)
    baskets = [list(table.columns[row]) for row in table.to_numpy()]
    from_lists = apriori(baskets, 0.03, use_colnames=True)
    assert _as_dict(from_lists) == _as_dict(apriori(table, 0.03, use_colnames=True))


def test_small_chunks_give_the_same_counts(monkeypatch, seed):
    table = make_market_baskets(700, n_items=40, random_state=seed)
    expected = apriori(table, 0.01)
    monkeypatch.setattr(apriori_module, "_CHUNK_BYTES", 8 * 11 * 3)  # 3 candidates per chunk
    got = apriori(table, 0.01)
    assert list(got["itemsets"]) == list(expected["itemsets"])
    np.testing.assert_array_equal(got["support"], expected["support"])


def test_membership_fallback_for_huge_item_counts():
    table = np.array([[1, 5, 9], [2, 3, 4]])
    rows = np.array([[1, 5, 9], [1, 5, 8], [2, 3, 4]])
    for n_items in (10, 10**7):  # int64 codes, then the tuple-set path
        assert apriori_module._rows_in(rows, table, n_items).tolist() == [True, False, True]


@settings(max_examples=60, deadline=None)
@given(
    onehot=arrays(bool, st.tuples(st.integers(1, 25), st.integers(1, 7))),
    min_support=st.floats(0.05, 1.0),
)
def test_equals_brute_force_enumeration(onehot, min_support):
    got = _as_dict(apriori(onehot, min_support=min_support))
    n, m = onehot.shape
    expected = {}
    for size in range(1, m + 1):
        for combo in combinations(range(m), size):
            s = onehot[:, list(combo)].all(axis=1).sum() / float(n)
            if s >= min_support:
                expected[frozenset(combo)] = s
    assert got == expected


def test_peak_memory_stays_small():
    table = make_market_baskets(20_000, n_items=100, random_state=0)
    tracemalloc.start()
    apriori(table, min_support=0.01)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # the input is 2 MB of bools: one copy for packing, 250 kB of bit columns,
    # a 2 MB chunk of AND-ed bitsets and the (small) itemset arrays
    assert peak < 8 * 1024 * 1024


def test_association_rules_options(seed):
    frequent = apriori(make_market_baskets(500, random_state=seed), 0.02, use_colnames=True)
    only = association_rules(frequent, support_only=True, min_threshold=0.02)
    assert only["confidence"].isna().all() and (only["support"] >= 0.02).all()
    few = association_rules(
        frequent, metric="lift", min_threshold=1.0, return_metrics=["support", "lift"]
    )
    assert list(few.columns) == ["antecedents", "consequents", "support", "lift"]
    assert (few["lift"] >= 1.0).all()
    none = association_rules(frequent, metric="confidence", min_threshold=2.0)
    assert len(none) == 0 and list(none.columns) == ["antecedents", "consequents", *METRICS]


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    ("df", "exc", "match"),
    [
        (pd.DataFrame(), ValueError, r"'df' parameter of apriori must be a one-hot DataFrame"),
        (pd.DataFrame({"a": pd.Series([], dtype=bool)}), ValueError, r"at least one transaction"),
        ([], ValueError, r"'transactions' parameter of encode_transactions must be a non-empty"),
        ([[], []], ValueError, r"baskets with at least one item"),
        (
            pd.DataFrame({"a": [1, 2], "b": [0, 1]}),
            ValueError,
            r"'df' parameter of apriori must be a one-hot table of bools.*Got the value\(s\) 2",
        ),
        (pd.DataFrame({"a": ["yes", "no"]}), ValueError, r"non-boolean column\(s\) \['a'\]"),
        (
            pd.DataFrame({"a": [1.0, np.nan]}),
            ValueError,
            r"one-hot table of bools.*Got missing values \(NaN\) instead",
        ),
        (np.array([[0.5, 1.0]]), ValueError, r"one-hot table of bools.*0\.5"),
        ("milk", TypeError, r"'df' parameter of apriori must be a one-hot DataFrame of bools"),
        (["milk", "bread"], TypeError, r"each a list of items"),
    ],
)
def test_bad_baskets(df, exc, match):
    with pytest.raises(exc, match=match):
        apriori(df, min_support=0.5)


@pytest.mark.parametrize(
    ("min_support", "exc"),
    [
        (0.0, ValueError),
        (1.5, ValueError),
        (-0.1, ValueError),
        ("0.5", TypeError),
        (np.nan, ValueError),
    ],
)
def test_bad_min_support(min_support, exc):
    with pytest.raises(
        exc,
        match=r"'min_support' parameter of apriori must be a float in the "
        r"range \(0, 1\]",
    ):
        apriori([["a", "b"]], min_support=min_support)


def test_bad_max_len_and_colnames():
    with pytest.raises(ValueError, match=r"'max_len' parameter of apriori"):
        apriori([["a"]], 0.5, max_len=0)
    with pytest.raises(TypeError, match=r"'use_colnames' parameter of apriori must be a bool"):
        apriori([["a"]], 0.5, use_colnames="yes")


def test_bad_rules_input():
    frequent = apriori(SHOP, 0.6, use_colnames=True)
    with pytest.raises(ValueError, match=r"'df' parameter of association_rules must be a non-emp"):
        association_rules(frequent.iloc[:0])
    with pytest.raises(ValueError, match=r"with columns 'support' and 'itemsets'"):
        association_rules(frequent.rename(columns={"support": "s"}))
    with pytest.raises(ValueError, match=r"'metric' parameter of association_rules must be one"):
        association_rules(frequent, metric="interest")
    with pytest.raises(TypeError, match=r"'num_itemsets' parameter of association_rules"):
        association_rules(frequent, "lift")
    with pytest.raises(ValueError, match=r"support of .* is missing .* support_only=True"):
        association_rules(frequent[frequent["itemsets"].map(len) > 1])
    with pytest.raises(TypeError, match=r"'df' parameter of association_rules"):
        association_rules([frozenset({"a"})])

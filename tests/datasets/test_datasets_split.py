"""train_val_test_split: sizes within rounding, strata, reproducibility, errors."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from mlcourse.datasets import train_val_test_split

SPLITS = ("train", "val", "test")


def _within_rounding(count: int, exact: float) -> bool:
    return math.floor(exact + 1e-9) <= count <= math.ceil(exact - 1e-9)


# --- hand-computable cases -------------------------------------------------


def test_sizes_by_hand():
    X = np.arange(10)
    X_train, X_val, X_test = train_val_test_split(X, random_state=0)
    assert (len(X_train), len(X_val), len(X_test)) == (6, 2, 2)


def test_largest_remainder_by_hand():
    # 7 * (0.5, 0.25, 0.25) = (3.5, 1.75, 1.75): floors (3, 1, 1), two left over,
    # given to the largest remainders (0.75, 0.75)
    parts = train_val_test_split(np.arange(7), fractions=(0.5, 0.25, 0.25), random_state=0)
    assert [len(p) for p in parts] == [3, 2, 2]


def test_stratified_by_hand():
    y = np.array([0] * 10 + [1] * 5)
    # class 0: 10 * (0.6, 0.2, 0.2) = (6, 2, 2); class 1: 5 * ... = (3, 1, 1)
    _, _, _, y_train, y_val, y_test = train_val_test_split(
        np.zeros((15, 2)), y, stratify=y, random_state=0
    )
    assert np.bincount(y_train).tolist() == [6, 3]
    assert np.bincount(y_val).tolist() == [2, 1]
    assert np.bincount(y_test).tolist() == [2, 1]


def test_no_shuffle_keeps_order():
    X_train, X_val, X_test = train_val_test_split(list(range(10)), shuffle=False)
    assert X_train == [0, 1, 2, 3, 4, 5]
    assert X_val == [6, 7]
    assert X_test == [8, 9]


# --- output types ----------------------------------------------------------


def test_returns_each_array_split_in_sklearn_order():
    X = np.arange(40).reshape(20, 2)
    y = np.arange(20)
    X_train, X_val, X_test, y_train, y_val, y_test = train_val_test_split(X, y, random_state=3)
    for Xp, yp in [(X_train, y_train), (X_val, y_val), (X_test, y_test)]:
        np.testing.assert_array_equal(Xp[:, 0], 2 * yp)  # rows stay aligned


def test_pandas_in_pandas_out_index_kept():
    index = pd.Index([f"row{i}" for i in range(30)], name="id")
    X = pd.DataFrame({"a": np.arange(30), "b": np.arange(30) * 2.0}, index=index)
    y = pd.Series(np.arange(30) % 3, index=index, name="label")
    parts = train_val_test_split(X, y, stratify=y, random_state=0)
    X_train, X_val, X_test, y_train, y_val, y_test = parts
    assert all(isinstance(p, pd.DataFrame) for p in parts[:3])
    assert all(isinstance(p, pd.Series) for p in parts[3:])
    for Xp, yp in [(X_train, y_train), (X_val, y_val), (X_test, y_test)]:
        assert Xp.index.equals(yp.index)
        assert (X.loc[Xp.index] == Xp).all().all()
        assert Xp.index.name == "id"
    assert list(X_train.columns) == ["a", "b"]


def test_lists_and_sparse():
    X = sp.csr_matrix(np.eye(12))
    labels = [f"s{i}" for i in range(12)]
    X_train, X_val, X_test, l_train, l_val, l_test = train_val_test_split(X, labels, random_state=0)
    # 12 * (0.6, 0.2, 0.2) = (7.2, 2.4, 2.4): the leftover sample goes to a 0.4 remainder
    assert sp.issparse(X_train) and X_train.shape == (7, 12)
    assert isinstance(l_train, list)
    for Xp, lp in [(X_train, l_train), (X_val, l_val), (X_test, l_test)]:
        rows = Xp.toarray().argmax(axis=1)
        assert [f"s{r}" for r in rows] == lp


def test_string_labels_for_stratify():
    y = np.array(["cat"] * 9 + ["dog"] * 6)
    *_, y_train, y_val, y_test = train_val_test_split(np.arange(15), y, stratify=y, random_state=0)
    assert sorted(y_val.tolist()) == ["cat", "cat", "dog"] or sorted(y_val.tolist()) == [
        "cat",
        "dog",
        "dog",
    ]


# --- reproducibility -------------------------------------------------------


def test_reproducible_with_int_seed(seed):
    X = np.arange(50)
    first = train_val_test_split(X, random_state=seed)
    second = train_val_test_split(X, random_state=seed)
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a, b)


def test_generator_random_state_is_used(seed):
    X = np.arange(50)
    a = train_val_test_split(X, random_state=np.random.default_rng(seed))
    b = train_val_test_split(X, random_state=np.random.default_rng(seed))
    np.testing.assert_array_equal(a[0], b[0])


def test_different_seeds_give_different_splits():
    X = np.arange(100)
    a = train_val_test_split(X, random_state=0)[0]
    b = train_val_test_split(X, random_state=1)[0]
    assert not np.array_equal(np.sort(a), np.sort(b))


# --- properties (hypothesis) -----------------------------------------------


@st.composite
def _fractions(draw):
    a = draw(st.integers(1, 98))
    b = draw(st.integers(1, 99 - a))
    return (a / 100, b / 100, (100 - a - b) / 100)


@settings(max_examples=150, deadline=None)
@given(n_samples=st.integers(3, 300), fractions=_fractions(), seed=st.integers(0, 2**16))
def test_partition_and_sizes_within_rounding(n_samples, fractions, seed):
    X = np.arange(n_samples)
    exact = [n_samples * f for f in fractions]
    if any(math.floor(e + 1e-9) == 0 and math.ceil(e - 1e-9) <= 1 for e in exact):
        # a split may round to zero samples: then a ValueError is the contract
        try:
            parts = train_val_test_split(X, fractions=fractions, random_state=seed)
        except ValueError as exc:
            assert "fractions" in str(exc)
            return
    else:
        parts = train_val_test_split(X, fractions=fractions, random_state=seed)
    # no overlap, union = all rows
    joined = np.concatenate(parts)
    assert len(joined) == n_samples
    assert set(joined.tolist()) == set(range(n_samples))
    for part, e in zip(parts, exact, strict=True):
        assert _within_rounding(len(part), e)
        assert len(part) >= 1


@settings(max_examples=100, deadline=None)
@given(
    class_counts=st.lists(st.integers(3, 60), min_size=1, max_size=6),
    fractions=_fractions(),
    seed=st.integers(0, 2**16),
)
def test_strata_preserved_within_rounding(class_counts, fractions, seed):
    y = np.repeat(np.arange(len(class_counts)), class_counts)
    rng = np.random.default_rng(seed)
    y = rng.permutation(y)
    n = len(y)
    try:
        parts = train_val_test_split(
            np.arange(n), y, stratify=y, fractions=fractions, random_state=seed
        )
    except ValueError as exc:
        # only when a whole split rounds to nothing
        assert "every split" in str(exc)
        assert any(math.floor(n * f + 1e-9) == 0 for f in fractions)
        return
    idx_parts, y_parts = parts[:3], parts[3:]
    joined = np.concatenate(idx_parts)
    assert sorted(joined.tolist()) == list(range(n))
    for idx, y_part, f in zip(idx_parts, y_parts, fractions, strict=True):
        np.testing.assert_array_equal(y[idx], y_part)
        assert _within_rounding(len(idx), n * f)
        got = np.bincount(y_part, minlength=len(class_counts))
        for c, count in enumerate(class_counts):
            assert _within_rounding(int(got[c]), count * f), (c, got, class_counts, f)


# --- agreement with scikit-learn ------------------------------------------


def test_stratified_proportions_agree_with_sklearn(seed):
    from sklearn.datasets import load_breast_cancer
    from sklearn.model_selection import train_test_split

    X, y = load_breast_cancer(return_X_y=True)
    ours = train_val_test_split(X, y, fractions=(0.7, 0.15, 0.15), stratify=y, random_state=seed)
    # scikit-learn's way: test first, then validation out of the rest
    X_rest, X_test, y_rest, y_test = train_test_split(
        X, y, test_size=0.15, stratify=y, random_state=seed
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_rest, y_rest, test_size=0.15 / 0.85, stratify=y_rest, random_state=seed
    )
    theirs = [X_train, X_val, X_test, y_train, y_val, y_test]
    for o, t in zip(ours, theirs, strict=True):
        assert abs(len(o) - len(t)) <= 1
    overall = y.mean()
    for y_ours, y_theirs in zip(ours[3:], theirs[3:], strict=True):
        assert abs(y_ours.mean() - overall) < 0.01
        assert abs(y_ours.mean() - y_theirs.mean()) < 0.02


def test_two_way_split_sizes_agree_with_sklearn():
    from sklearn.model_selection import train_test_split

    # with a tiny validation share the test and train sizes match sklearn's rounding
    X = np.arange(1000)
    ours = train_val_test_split(X, fractions=(0.75, 0.05, 0.2), random_state=0)
    X_train, X_test = train_test_split(X, test_size=0.2, random_state=0)
    assert len(ours[2]) == len(X_test) == 200
    assert len(ours[0]) + len(ours[1]) == len(X_train)


# --- bad input -------------------------------------------------------------


def test_fractions_must_sum_to_one():
    with pytest.raises(
        ValueError, match=r"'fractions' parameter of train_val_test_split.*sum to 1.2"
    ):
        train_val_test_split(np.arange(10), fractions=(0.6, 0.3, 0.3))


@pytest.mark.parametrize("fractions", [(0.0, 0.5, 0.5), (1.2, -0.1, -0.1), (0.5, 0.5, 0.0)])
def test_fractions_must_be_in_open_unit_interval(fractions):
    with pytest.raises(ValueError, match=r"'fractions' parameter .* fractions in \(0, 1\)"):
        train_val_test_split(np.arange(10), fractions=fractions)


def test_fractions_must_be_three():
    with pytest.raises(ValueError, match=r"'fractions' .* sequence of 3 fractions"):
        train_val_test_split(np.arange(10), fractions=(0.5, 0.5))


def test_fractions_type():
    with pytest.raises(TypeError, match="'fractions' parameter"):
        train_val_test_split(np.arange(10), fractions=0.5)


def test_too_few_samples_for_three_splits():
    with pytest.raises(
        ValueError, match=r"'fractions' .* at least one of the 2 samples .* test set"
    ):
        train_val_test_split(np.arange(2))


def test_class_too_small_for_stratification():
    y = np.array([0] * 8 + [1] * 2)
    with pytest.raises(ValueError, match=r"'stratify' .* at least 3 members .* class 1 with 2"):
        train_val_test_split(np.arange(10), y, stratify=y)


def test_mismatched_lengths():
    with pytest.raises(ValueError, match=r"arrays\[0\] has 10, arrays\[1\] has 9"):
        train_val_test_split(np.arange(10), np.arange(9))


def test_stratify_length_mismatch():
    with pytest.raises(ValueError, match=r"arrays\[0\] has 10, stratify has 9"):
        train_val_test_split(np.arange(10), stratify=[0, 1, 2] * 3)


def test_stratify_with_no_shuffle():
    with pytest.raises(ValueError, match=r"'stratify' .* None when shuffle=False"):
        train_val_test_split(np.arange(9), stratify=[0, 1, 2] * 3, shuffle=False)


@pytest.mark.parametrize(
    "labels",
    [
        [0.0, 1.0, np.nan] * 3,
        ["a", "b", None] * 3,
        pd.Series(["a", "b", np.nan] * 3, dtype="str"),
    ],
)
def test_stratify_missing_labels(labels):
    with pytest.raises((TypeError, ValueError), match=r"'stratify' parameter"):
        train_val_test_split(np.arange(9), stratify=labels)


def test_no_arrays():
    with pytest.raises(ValueError, match="at least one array-like"):
        train_val_test_split()


def test_scalar_array():
    with pytest.raises(TypeError, match=r"'arrays\[0\]' .* first \(samples\) axis"):
        train_val_test_split(5)


def test_bad_random_state():
    with pytest.raises(TypeError, match="'random_state'"):
        train_val_test_split(np.arange(10), random_state="zero")


def test_bad_shuffle():
    with pytest.raises(TypeError, match="'shuffle'"):
        train_val_test_split(np.arange(10), shuffle="yes")

"""kNN from scratch: hand cases and identity with scikit-learn's brute-force search."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import neighbors as skn
from sklearn.datasets import load_iris, make_classification, make_regression

from mlcourse.supervised import KNeighborsClassifier, KNeighborsRegressor


def test_hand_computed_vote_and_mean():
    X = [[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [5.0, 5.0]]
    clf = KNeighborsClassifier(n_neighbors=3).fit(X, ["x", "x", "y", "y"])
    # query (0, 0.5): distances 0.5, ~1.118, 1.5, ~8.2 -> neighbours 0, 1, 2 -> x, x, y
    dist, ind = clf.kneighbors([[0.0, 0.5]])
    assert ind.tolist() == [[0, 1, 2]]
    np.testing.assert_allclose(dist[0], [0.5, np.sqrt(1.25), 1.5])
    assert clf.predict([[0.0, 0.5]]).tolist() == ["x"]
    np.testing.assert_allclose(clf.predict_proba([[0.0, 0.5]]), [[2 / 3, 1 / 3]])
    reg = KNeighborsRegressor(n_neighbors=2, weights="distance").fit(X, [0.0, 10.0, 20.0, 30.0])
    # neighbours 0 (d=0.5, w=2) and 1 (d=sqrt(1.25)): weighted mean
    w = np.array([2.0, 1 / np.sqrt(1.25)])
    assert reg.predict([[0.0, 0.5]])[0] == pytest.approx((w @ [0.0, 10.0]) / w.sum())


def test_exact_match_takes_all_the_weight():
    reg = KNeighborsRegressor(n_neighbors=3, weights="distance").fit(
        [[0.0], [1.0], [2.0]], [1, 2, 3]
    )
    assert reg.predict([[1.0]])[0] == 2.0


def test_manhattan_by_hand():
    knn = KNeighborsRegressor(n_neighbors=1, metric="manhattan").fit([[0, 0], [3, 0]], [0, 1])
    # (1.4, 1.4): Manhattan 2.8 vs 3.0 -> point 0; Euclidean would also pick 0
    # (2, 1.9): Manhattan 3.9 vs 2.9 -> point 1
    assert knn.predict([[1.4, 1.4], [2.0, 1.9]]).tolist() == [0.0, 1.0]
    dist, _ = knn.kneighbors([[2.0, 1.9]])
    assert dist[0, 0] == pytest.approx(2.9)


def test_kneighbors_on_training_data_excludes_self():
    X = np.array([[0.0], [1.0], [3.0], [7.0]])
    knn = KNeighborsRegressor(n_neighbors=1).fit(X, [0, 1, 2, 3])
    dist, ind = knn.kneighbors()
    assert ind.ravel().tolist() == [1, 0, 1, 2]
    np.testing.assert_allclose(dist.ravel(), [1.0, 1.0, 2.0, 4.0])
    ref = skn.KNeighborsRegressor(n_neighbors=1, algorithm="brute").fit(X, [0, 1, 2, 3])
    np.testing.assert_array_equal(ref.kneighbors()[1], ind)


@pytest.mark.parametrize("k", [1, 3, 7])
@pytest.mark.parametrize("weights", ["uniform", "distance"])
@pytest.mark.parametrize(("metric", "p"), [("minkowski", 2), ("manhattan", 2), ("minkowski", 3)])
def test_classifier_identical_to_sklearn_brute(seed, k, weights, metric, p):
    X, y = make_classification(
        300, 4, n_informative=3, n_redundant=0, n_classes=3, random_state=seed
    )
    Xtr, Xte, ytr = X[:200], X[200:], y[:200]
    ours = KNeighborsClassifier(k, weights=weights, metric=metric, p=p).fit(Xtr, ytr)
    ref = skn.KNeighborsClassifier(k, weights=weights, metric=metric, p=p, algorithm="brute")
    ref.fit(Xtr, ytr)
    np.testing.assert_array_equal(ours.predict(Xte), ref.predict(Xte))
    np.testing.assert_allclose(ours.predict_proba(Xte), ref.predict_proba(Xte), atol=1e-12)
    d_ours, i_ours = ours.kneighbors(Xte)
    d_ref, i_ref = ref.kneighbors(Xte)
    np.testing.assert_array_equal(i_ours, i_ref)
    np.testing.assert_allclose(d_ours, d_ref, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("weights", ["uniform", "distance"])
def test_regressor_identical_to_sklearn_brute(seed, weights):
    X, y = make_regression(250, 3, noise=10, random_state=seed)
    ours = KNeighborsRegressor(5, weights=weights).fit(X[:150], y[:150])
    ref = skn.KNeighborsRegressor(5, weights=weights, algorithm="brute").fit(X[:150], y[:150])
    np.testing.assert_allclose(ours.predict(X[150:]), ref.predict(X[150:]), rtol=1e-12)


def test_iris_odd_k_identical_predictions():
    X, y = load_iris(return_X_y=True)
    X = X[:, :2] + np.random.default_rng(0).normal(scale=1e-6, size=(150, 2))  # break exact ties
    for k in (1, 5, 15):
        ours = KNeighborsClassifier(k).fit(X[::2], y[::2]).predict(X[1::2])
        ref = skn.KNeighborsClassifier(k, algorithm="brute").fit(X[::2], y[::2]).predict(X[1::2])
        np.testing.assert_array_equal(ours, ref)


def test_vote_tie_goes_to_first_class():
    clf = KNeighborsClassifier(n_neighbors=2).fit([[0.0], [2.0]], ["b", "a"])
    assert clf.predict([[1.0]]).tolist() == ["a"]


def test_blocks_give_the_same_answer(monkeypatch):
    from mlcourse.supervised import _knn

    X, y = make_classification(120, 3, n_informative=2, n_redundant=0, random_state=0)
    whole = KNeighborsClassifier(4, metric="manhattan").fit(X, y).kneighbors(X)[1]
    monkeypatch.setattr(_knn, "_BLOCK_VALUES", 50)  # one query per block
    blocked = KNeighborsClassifier(4, metric="manhattan").fit(X, y).kneighbors(X)[1]
    np.testing.assert_array_equal(whole, blocked)


@settings(max_examples=30, deadline=None)
@given(
    n=st.integers(5, 40),
    d=st.integers(1, 3),
    k=st.integers(1, 5),
    seed=st.integers(0, 2**31 - 1),
)
def test_neighbours_are_the_k_smallest_distances(n, d, k, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    Q = rng.normal(size=(4, d))
    k = min(k, n)
    dist, ind = KNeighborsRegressor(k).fit(X, np.zeros(n)).kneighbors(Q)
    full = np.sqrt(((Q[:, None, :] - X[None]) ** 2).sum(-1))
    np.testing.assert_allclose(dist, np.sort(full, axis=1)[:, :k], atol=1e-9)
    np.testing.assert_allclose(np.take_along_axis(full, ind, axis=1), dist, atol=1e-9)
    assert np.all(np.diff(dist, axis=1) >= 0)


@pytest.mark.parametrize(
    ("params", "err", "match"),
    [
        ({"n_neighbors": 0}, ValueError, r"'n_neighbors' parameter of KNeighborsClassifier"),
        ({"n_neighbors": 10}, ValueError, r"'n_neighbors'.*at most n_samples = 3"),
        ({"n_neighbors": 1.5}, TypeError, r"'n_neighbors'.*an int"),
        ({"weights": "gauss"}, ValueError, r"'weights'.*one of 'uniform', 'distance'"),
        ({"metric": "cosine"}, ValueError, r"'metric'.*Got 'cosine' instead"),
        ({"p": 0.5}, ValueError, r"'p'.*\[1, inf\)"),
    ],
)
def test_bad_params(params, err, match):
    with pytest.raises(err, match=match):
        KNeighborsClassifier(**params).fit([[0.0], [1.0], [2.0]], [0, 1, 1])


def test_kneighbors_too_many():
    knn = KNeighborsRegressor(2).fit([[0.0], [1.0]], [0, 1])
    with pytest.raises(ValueError, match=r"'n_neighbors'.*at most the 1 available"):
        knn.kneighbors(n_neighbors=2)


@settings(max_examples=40, deadline=None)
@given(
    n_rows=st.integers(1, 5),
    n_cols=st.integers(1, 3000),
    k=st.integers(1, 12),
    seed=st.integers(0, 2**31 - 1),
)
def test_select_k_smallest_equals_full_sort(n_rows, n_cols, k, seed):
    from mlcourse.supervised._knn import _select_k_smallest

    rng = np.random.default_rng(seed)
    D = rng.integers(0, 50, size=(n_rows, n_cols)).astype(float)  # many ties
    k = min(k, n_cols)
    expected = np.lexsort((np.broadcast_to(np.arange(n_cols), D.shape), D), axis=1)[:, :k]
    np.testing.assert_array_equal(_select_k_smallest(D, k), expected)


def test_large_training_set_identical_to_sklearn():
    X, y = make_classification(6000, 5, n_informative=4, n_redundant=0, random_state=3)
    ours = KNeighborsClassifier(7).fit(X[:5000], y[:5000])
    ref = skn.KNeighborsClassifier(7, algorithm="brute").fit(X[:5000], y[:5000])
    np.testing.assert_array_equal(ours.kneighbors(X[5000:])[1], ref.kneighbors(X[5000:])[1])
    np.testing.assert_array_equal(ours.predict(X[5000:]), ref.predict(X[5000:]))

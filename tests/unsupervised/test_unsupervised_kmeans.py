from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.cluster import KMeans as SkKMeans
from sklearn.datasets import make_blobs

from mlcourse.unsupervised import KMeans, kmeans_plusplus


@pytest.fixture(autouse=True)
def _one_blas_thread():
    """Many small fits: one BLAS thread is faster, and much faster on a shared machine."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


def test_hand_computable_case():
    # two obvious groups: centres are the group means, inertia = 4 * (2**2) = 16
    X = np.array([[1, 2], [1, 4], [1, 0], [10, 2], [10, 4], [10, 0]], dtype=float)
    km = KMeans(n_clusters=2, init=[[0.0, 0.0], [12.0, 0.0]]).fit(X)
    assert km.cluster_centers_.tolist() == [[1.0, 2.0], [10.0, 2.0]]
    assert km.labels_.tolist() == [0, 0, 0, 1, 1, 1]
    assert km.inertia_ == pytest.approx(16.0)
    assert km.score(X) == pytest.approx(-16.0)
    assert km.transform([[1.0, 2.0]]).tolist() == [[0.0, 9.0]]


def test_same_start_same_inertia_as_sklearn(seed):
    X, _ = make_blobs(n_samples=1500, centers=5, n_features=4, cluster_std=2.0, random_state=seed)
    init, _ = kmeans_plusplus(X, 5, random_state=seed)
    ours = KMeans(n_clusters=5, init=init).fit(X)
    ref = SkKMeans(n_clusters=5, init=init, n_init=1, algorithm="lloyd").fit(X)
    assert abs(ours.inertia_ - ref.inertia_) / ref.inertia_ < 1e-6
    np.testing.assert_array_equal(ours.labels_, ref.labels_)
    np.testing.assert_allclose(ours.cluster_centers_, ref.cluster_centers_, rtol=1e-9, atol=1e-9)
    assert ours.n_iter_ == ref.n_iter_


def test_same_start_same_inertia_with_sample_weight(seed):
    X, _ = make_blobs(n_samples=400, centers=3, random_state=seed)
    w = np.random.default_rng(seed).uniform(0.1, 3.0, size=len(X))
    init = X[:3].copy()
    ours = KMeans(n_clusters=3, init=init).fit(X, sample_weight=w)
    ref = SkKMeans(n_clusters=3, init=init, n_init=1).fit(X, sample_weight=w)
    assert abs(ours.inertia_ - ref.inertia_) / ref.inertia_ < 1e-6


def test_random_restarts_keep_the_best_run(seed):
    X, _ = make_blobs(n_samples=300, centers=6, cluster_std=1.5, random_state=seed)
    best = KMeans(n_clusters=6, init="random", n_init=8, random_state=seed).fit(X).inertia_
    rng = np.random.default_rng(seed)
    singles = [
        KMeans(n_clusters=6, init="random", n_init=1, random_state=rng).fit(X).inertia_
        for _ in range(3)
    ]
    # inertia of the best of 8 runs is near the best reachable, never far above one run
    assert best <= max(singles) + 1e-9
    ref = SkKMeans(n_clusters=6, n_init=10, random_state=seed).fit(X).inertia_
    assert best <= ref * 1.05


def test_kmeans_plusplus_spreads_the_centres(seed):
    X, y = make_blobs(
        n_samples=400, centers=4, cluster_std=0.3, center_box=(-50, 50), random_state=seed
    )
    centers, idx = kmeans_plusplus(X, 4, random_state=seed)
    assert centers.shape == (4, 2)
    np.testing.assert_array_equal(centers, X[idx])
    assert sorted(y[idx].tolist()) == [0, 1, 2, 3]


def test_empty_cluster_is_relocated():
    X = np.array([[0.0], [0.1], [0.2], [5.0], [5.1]])
    km = KMeans(n_clusters=3, init=[[0.0], [5.0], [100.0]]).fit(X)
    assert np.isfinite(km.cluster_centers_).all()
    assert len(np.unique(km.labels_)) == 3


def test_predict_matches_labels_and_deterministic_seed(seed):
    X, _ = make_blobs(n_samples=200, centers=3, random_state=seed)
    a = KMeans(n_clusters=3, random_state=seed).fit(X)
    b = KMeans(n_clusters=3, random_state=seed).fit(X)
    np.testing.assert_array_equal(a.labels_, a.predict(X))
    np.testing.assert_array_equal(a.cluster_centers_, b.cluster_centers_)


@settings(max_examples=40, deadline=None)
@given(
    X=arrays(
        np.float64,
        st.tuples(st.integers(4, 30), st.integers(1, 3)),
        elements=st.floats(-100, 100, allow_nan=False, width=32),
    ),
    k=st.integers(1, 4),
)
def test_properties_of_a_fit(X, k):
    k = min(k, X.shape[0])
    km = KMeans(n_clusters=k, init="random", n_init=2, random_state=0).fit(X)
    # inertia is the sum of squared distances to the assigned centre
    d2 = ((X - km.cluster_centers_[km.labels_]) ** 2).sum(axis=1)
    assert km.inertia_ == pytest.approx(d2.sum(), rel=1e-9, abs=1e-6)
    # each sample is assigned to (one of) its nearest centre(s)
    all_d2 = ((X[:, None, :] - km.cluster_centers_[None]) ** 2).sum(axis=2)
    assert np.all(d2 <= all_d2.min(axis=1) + 1e-6 * (1 + all_d2.min(axis=1)))
    # never worse than a single centre at the mean
    assert km.inertia_ <= ((X - X.mean(axis=0)) ** 2).sum() * (1 + 1e-9) + 1e-6


@pytest.mark.parametrize(
    ("params", "exc", "match"),
    [
        (
            {"n_clusters": 7},
            ValueError,
            r"'n_clusters' parameter of KMeans must be an int in the range \[1, n_samples=6\].*Got 7",
        ),
        ({"n_clusters": 0}, ValueError, r"'n_clusters' parameter of KMeans .* Got 0 instead"),
        ({"n_clusters": 2.5}, TypeError, r"'n_clusters' parameter of KMeans must be an int"),
        (
            {"n_clusters": 2, "init": "kmeans"},
            ValueError,
            r"'init' parameter of KMeans must be 'k-means\+\+'",
        ),
        (
            {"n_clusters": 2, "init": [[0.0, 0.0]]},
            ValueError,
            r"'init' parameter of KMeans must be an array of shape \(n_clusters, n_features\)",
        ),
        ({"n_clusters": 2, "n_init": 0}, ValueError, r"'n_init' parameter of KMeans"),
        (
            {"n_clusters": 2, "n_init": "many"},
            ValueError,
            r"'n_init' parameter of KMeans must be 'auto'",
        ),
        ({"n_clusters": 2, "tol": -1.0}, ValueError, r"'tol' parameter of KMeans"),
        ({"n_clusters": 2, "max_iter": 0}, ValueError, r"'max_iter' parameter of KMeans"),
    ],
)
def test_bad_parameters(params, exc, match):
    X = np.arange(12, dtype=float).reshape(6, 2)
    with pytest.raises(exc, match=match):
        KMeans(**params).fit(X)


def test_bad_sample_weight():
    X = np.arange(12, dtype=float).reshape(6, 2)
    with pytest.raises(ValueError, match="'sample_weight' parameter of KMeans must be non-neg"):
        KMeans(n_clusters=2).fit(X, sample_weight=[1, 1, 1, 1, 1, -1])
    with pytest.raises(ValueError, match="'sample_weight' parameter of KMeans must be an array"):
        KMeans(n_clusters=2).fit(X, sample_weight=[1, 1])


def test_kmeans_plusplus_bad_input():
    with pytest.raises(ValueError, match=r"'n_clusters' parameter of kmeans_plusplus"):
        kmeans_plusplus(np.zeros((3, 2)), 4)

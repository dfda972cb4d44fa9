from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import spearmanr
from sklearn.ensemble import IsolationForest as SkIsolationForest
from sklearn.metrics import average_precision_score, precision_score, recall_score

from mlcourse.datasets import make_card_transactions
from mlcourse.unsupervised import IsolationForest, anomaly_report, average_path_length


@pytest.fixture(autouse=True)
def _one_blas_thread():
    """Many small fits: one BLAS thread is faster, and much faster on a shared machine."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


def test_average_path_length_hand_values():
    # c(2) = 1; c(3) = 2 H(2) - 4/3 with H(2) ~ ln 2 + gamma
    assert average_path_length([0, 1, 2]).tolist() == [0.0, 0.0, 1.0]
    expected = 2 * (np.log(2) + 0.5772156649015329) - 4 / 3
    assert average_path_length(3) == pytest.approx(expected)


def test_single_outlier_is_isolated_first(seed):
    rng = np.random.default_rng(seed)
    X = np.vstack([rng.normal(0, 1, size=(200, 2)), [[8.0, 8.0]]])
    forest = IsolationForest(n_estimators=50, random_state=seed).fit(X)
    depth = forest.path_length(X)
    assert int(np.argmin(depth)) == 200
    assert forest.predict(X)[200] == -1
    s = forest.score_samples(X)
    assert np.all((s >= -1) & (s < 0))
    np.testing.assert_allclose(forest.decision_function(X), s + 0.5)


def test_ranks_like_sklearn_on_card_data(seed):
    tx = make_card_transactions(4000, random_state=seed)
    X = tx.drop(columns="is_fraud").to_numpy(float)
    ours = IsolationForest(n_estimators=100, random_state=seed).fit(X).score_samples(X)
    ref = SkIsolationForest(n_estimators=100, random_state=seed).fit(X).score_samples(X)
    assert spearmanr(ours, ref).statistic >= 0.9


def test_contamination_sets_the_share_flagged(seed):
    X = np.random.default_rng(seed).normal(size=(500, 3))
    forest = IsolationForest(n_estimators=20, contamination=0.1, random_state=seed).fit(X)
    assert (forest.predict(X) == -1).sum() == 50


def test_deterministic_with_seed():
    X = np.random.default_rng(0).normal(size=(100, 2))
    a = IsolationForest(n_estimators=10, random_state=3).fit(X).score_samples(X)
    b = IsolationForest(n_estimators=10, random_state=3).fit(X).score_samples(X)
    np.testing.assert_array_equal(a, b)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 40), max_samples=st.integers(1, 60), seed=st.integers(0, 10))
def test_path_lengths_are_bounded(n, max_samples, seed):
    X = np.random.default_rng(seed).normal(size=(n, 2))
    forest = IsolationForest(n_estimators=5, max_samples=max_samples, random_state=seed).fit(X)
    depth = forest.path_length(X)
    psi = forest.max_samples_
    assert psi == min(max_samples, n)
    limit = np.ceil(np.log2(max(psi, 2)))
    # a path is at most the height limit plus the c(n) correction of its leaf
    assert np.all(depth >= 0) and np.all(depth <= limit + average_path_length(psi) + 1e-9)


@pytest.mark.parametrize(
    ("params", "exc", "match"),
    [
        ({"n_estimators": 0}, ValueError, r"'n_estimators' parameter of IsolationForest"),
        ({"max_samples": "all"}, ValueError, r"'max_samples' parameter of IsolationForest must be"),
        ({"max_samples": 1.5}, ValueError, r"'max_samples' parameter .* \(0, 1\]"),
        ({"contamination": 0.7}, ValueError, r"'contamination' parameter of IsolationForest"),
        ({"contamination": "high"}, ValueError, r"'contamination' .* 'auto' or a float"),
    ],
)
def test_bad_parameters(params, exc, match):
    with pytest.raises(exc, match=match):
        IsolationForest(**params).fit(np.zeros((10, 2)))


def test_anomaly_report_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    y = (rng.random(1000) < 0.02).astype(int)
    y[0] = 1
    score = y * rng.normal(2, 1, 1000) + rng.normal(0, 1, 1000)
    pred = score > 1.5
    report = anomaly_report(y, pred, score)
    assert report["precision"] == pytest.approx(precision_score(y, pred))
    assert report["recall"] == pytest.approx(recall_score(y, pred))
    assert report["pr_auc"] == pytest.approx(average_precision_score(y, score))
    assert report["accuracy_flag_nothing"] == pytest.approx(1 - y.mean())


def test_anomaly_report_bad_input():
    with pytest.raises(
        ValueError,
        match=r"'y_pred' parameter of anomaly_report must be 0/1.*"
        r"predict\(X\) == -1",
    ):
        anomaly_report([0, 1], [1, -1], [0.1, 0.2])
    with pytest.raises(
        ValueError,
        match=r"'y_true' parameter of anomaly_report must be labels "
        r"with at least one anomaly",
    ):
        anomaly_report([0, 0], [0, 1], [0.1, 0.2])

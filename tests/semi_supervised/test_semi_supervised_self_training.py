from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.datasets import load_digits, make_blobs
from sklearn.linear_model import LogisticRegression
from sklearn.semi_supervised import LabelSpreading
from sklearn.semi_supervised import SelfTrainingClassifier as SkSelfTraining
from sklearn.svm import LinearSVC

from mlcourse.semi_supervised import (
    METHODS,
    LabelFractionDisplay,
    SelfTrainingClassifier,
    compare_label_fractions,
    default_base_estimator,
    mask_labels,
)


@pytest.fixture(autouse=True)
def _one_blas_thread():
    """Many small fits: one BLAS thread is faster, and much faster on a shared machine."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def digits():
    X, y = load_digits(return_X_y=True)
    return X[:600] / 16.0, y[:600]


def test_hand_case_two_clusters():
    X = np.array([[0.0], [0.2], [0.4], [3.0], [3.2], [3.4]])
    model = SelfTrainingClassifier(threshold=0.5).fit(X, [0, -1, -1, 1, -1, -1])
    assert model.transduction_.tolist() == [0, 0, 0, 1, 1, 1]
    assert model.labeled_iter_.tolist() == [0, 1, 1, 0, 1, 1]
    assert model.termination_condition_ == "all_labeled"
    assert model.history_["n_added"].tolist() == [4]
    # one fit in the round, one final fit
    assert model.n_iter_ == 2


def test_same_pseudo_labels_as_sklearn(digits, seed):
    X, y = digits[0][:300], digits[1][:300]
    y_semi = mask_labels(y, 0.1, random_state=seed)
    for criterion in ("threshold", "k_best"):
        kw = {"threshold": 0.8, "criterion": criterion, "k_best": 40, "max_iter": 3}
        base = LogisticRegression(C=10.0, max_iter=100, warm_start=True)
        ours = SelfTrainingClassifier(base, **kw).fit(X, y_semi)
        ref = SkSelfTraining(base, **kw).fit(X, y_semi)
        np.testing.assert_array_equal(ours.transduction_, ref.transduction_)
        np.testing.assert_array_equal(ours.labeled_iter_, ref.labeled_iter_)
        np.testing.assert_array_equal(ours.predict(X), ref.predict(X))
        assert ours.termination_condition_ == ref.termination_condition_


def test_history_and_pseudo_label_accuracy(digits, seed):
    X, y = digits
    y_semi = mask_labels(y, 0.1, random_state=seed)
    model = SelfTrainingClassifier(default_base_estimator(), threshold=0.9).fit(X, y_semi)
    graded = model.pseudo_label_accuracy(y)
    assert graded["n_added"].tolist() == model.history_["n_added"].tolist()
    assert graded["n_added"].sum() == int((model.labeled_iter_ > 0).sum())
    # pseudo-labels are mostly right on digits at 10 % labels
    assert graded["n_correct"].sum() / graded["n_added"].sum() > 0.8
    assert (model.history_["mean_confidence"] > 0.9).all()
    with pytest.raises(ValueError, match=r"'y_hidden' parameter of SelfTrainingClassifier.pseudo"):
        model.pseudo_label_accuracy(y[:10])


def test_all_labelled_is_plain_supervised(digits):
    X, y = digits
    model = SelfTrainingClassifier(LogisticRegression(max_iter=300)).fit(X, y)
    ref = LogisticRegression(max_iter=300).fit(X, y)
    np.testing.assert_array_equal(model.predict(X), ref.predict(X))
    assert model.history_.empty and model.termination_condition_ == "all_labeled"


def test_all_unlabelled_is_an_error():
    X = np.zeros((4, 2))
    with pytest.raises(
        ValueError,
        match=r"'y' parameter of SelfTrainingClassifier must be labels with at least one "
        r"labelled sample .* Got only -1 \(every sample unlabelled\) instead",
    ):
        SelfTrainingClassifier().fit(X, [-1, -1, -1, -1])


@pytest.mark.parametrize(
    ("params", "exc", "match"),
    [
        ({"threshold": 1.0}, ValueError, r"'threshold' parameter of SelfTrainingClassifier"),
        ({"criterion": "best"}, ValueError, r"'criterion' parameter .* one of 'threshold'"),
        ({"k_best": 0}, ValueError, r"'k_best' parameter"),
        ({"max_iter": 0}, ValueError, r"'max_iter' parameter"),
        ({"estimator": LinearSVC()}, TypeError, r"'estimator' .* with predict_proba"),
    ],
)
def test_bad_parameters(params, exc, match):
    with pytest.raises(exc, match=match):
        SelfTrainingClassifier(**params).fit(np.eye(4), [0, 1, -1, -1])


# ------------------------------------------------------------ mask_labels
@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(20, 300),
    n_classes=st.integers(2, 6),
    fraction=st.floats(0.01, 1.0),
    seed=st.integers(0, 100),
)
def test_mask_labels_properties(n, n_classes, fraction, seed):
    y = np.arange(n) % n_classes
    y_semi = mask_labels(y, fraction, random_state=seed)
    kept = y_semi != -1
    np.testing.assert_array_equal(y_semi[kept], y[kept])  # kept labels are the true ones
    assert set(y[kept].tolist()) == set(range(n_classes))  # stratified: every class kept
    assert kept.sum() == max(round(fraction * n), n_classes) or kept.sum() == n


def test_mask_labels_bad_input():
    with pytest.raises(ValueError, match=r"'fraction' parameter of mask_labels"):
        mask_labels([0, 1], 0.0)
    with pytest.raises(ValueError, match=r"'y' parameter of mask_labels must be fully labelled"):
        mask_labels([0, -1, 1], 0.5)
    with pytest.raises(TypeError, match=r"'y' parameter of mask_labels must be integer class"):
        mask_labels(["a", "b"], 0.5)


# -------------------------------------------------------------- comparison
def test_compare_label_fractions_and_display():
    X, y = make_blobs(300, centers=4, cluster_std=2.0, random_state=0)
    table = compare_label_fractions(
        X[:200], y[:200], X[200:], y[200:], fractions=[0.02, 0.1], random_state=0
    )
    assert table["method"].tolist() == list(METHODS) * 2
    assert table["n_labeled"].tolist() == [4] * 4 + [20] * 4
    assert table["accuracy"].between(0, 1).all()
    ours = table[table["method"] == METHODS[1]]
    assert ours["n_pseudo_labeled"].notna().all()
    # each row is the method it names, fitted on the same hidden-label split
    acc = table.set_index(["fraction", "method"])["accuracy"]
    for fraction in (0.02, 0.1):
        y_semi = mask_labels(y[:200], fraction, random_state=0)
        labeled = y_semi != -1
        sup = default_base_estimator().fit(X[:200][labeled], y[:200][labeled])
        spread = LabelSpreading().fit(X[:200], y_semi)
        ref = SkSelfTraining(default_base_estimator(), threshold=0.8).fit(X[:200], y_semi)
        for method, model in ((METHODS[0], sup), (METHODS[2], ref), (METHODS[3], spread)):
            assert acc[fraction, method] == np.mean(model.predict(X[200:]) == y[200:]), method
        # same algorithm, same pseudo-labels: ours scores exactly as scikit-learn's
        assert acc[fraction, METHODS[1]] == acc[fraction, METHODS[2]]
    assert table.loc[table["method"] != METHODS[1], "pseudo_label_accuracy"].isna().all()
    disp = LabelFractionDisplay.from_comparison(table)
    assert list(disp.lines_) == list(METHODS)
    for method, line in disp.lines_.items():  # each line plots its method's accuracies
        part = table[table["method"] == method]
        np.testing.assert_array_equal(line.get_xdata(), part["fraction"])
        np.testing.assert_array_equal(line.get_ydata(), part["accuracy"])
    assert disp.ax_.get_xscale() == "log"
    with pytest.raises(ValueError, match=r"'table' parameter of LabelFractionDisplay"):
        LabelFractionDisplay(pd.DataFrame({"fraction": [0.1]}))


def test_compare_bad_fraction():
    X = np.zeros((10, 2))
    y = np.arange(10) % 2
    with pytest.raises(ValueError, match=r"'fractions' parameter of compare_label_fractions"):
        compare_label_fractions(X, y, X, y, fractions=[1.5])

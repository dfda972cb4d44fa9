"""CV helpers and curve displays: agreement with sklearn.model_selection on the same folds."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import Ridge
from sklearn.model_selection import (
    KFold,
    StratifiedKFold,
    cross_val_score,
    learning_curve,
    validation_curve,
)
from sklearn.tree import DecisionTreeClassifier

from mlcourse.evaluation import (
    CVScoresDisplay,
    LearningCurveDisplay,
    ValidationCurveDisplay,
    compare_cv,
    cross_validate_scores,
    kfold_indices,
    make_cv,
    score_label,
)

matplotlib.use("Agg")


@given(n=st.integers(2, 60), k=st.integers(2, 10))
def test_kfold_equals_sklearn(n, k):
    k = min(k, n)
    ours = list(kfold_indices(n, k))
    ref = list(KFold(k).split(np.zeros(n)))
    assert len(ours) == len(ref)
    for (tr, te), (rtr, rte) in zip(ours, ref, strict=True):
        np.testing.assert_array_equal(tr, rtr)
        np.testing.assert_array_equal(te, rte)


def test_kfold_shuffled_partitions(seed):
    tests = [te for _, te in kfold_indices(23, 4, shuffle=True, random_state=seed)]
    assert sorted(np.concatenate(tests).tolist()) == list(range(23))
    assert [len(t) for t in tests] == [6, 6, 6, 5]


def test_kfold_bad_input():
    with pytest.raises(ValueError, match=r"'n_splits' parameter of kfold_indices.*\[2, 5\]"):
        list(kfold_indices(5, 6))


def test_make_cv():
    assert isinstance(make_cv(4, classifier=True, random_state=0), StratifiedKFold)
    assert isinstance(make_cv(4, random_state=0), KFold)
    splitter = KFold(3)
    assert make_cv(splitter) is splitter
    with pytest.raises(TypeError, match="'cv' parameter of make_cv"):
        make_cv(0.5)
    with pytest.raises(ValueError, match="'cv'"):
        make_cv(1)


def test_score_label():
    assert score_label("neg_root_mean_squared_error") == ("root mean squared error", -1.0)
    assert score_label(None) == ("score", 1.0)


def test_cross_validate_scores_equals_sklearn(seed):
    X, y = load_breast_cancer(return_X_y=True)
    tree = DecisionTreeClassifier(max_depth=3, random_state=0)
    r = cross_validate_scores(tree, X, y, cv=4, random_state=seed, scoring="accuracy")
    ref = cross_val_score(
        tree, X, y, cv=StratifiedKFold(4, shuffle=True, random_state=seed), scoring="accuracy"
    )
    np.testing.assert_allclose(r.test_scores, ref)
    assert r.mean == pytest.approx(ref.mean())
    assert r.greater_is_better and r.score_name == "accuracy"
    assert "DecisionTreeClassifier: accuracy" in str(r)
    assert r.diagnose().label in {"balanced", "underfit", "overfit"}


def test_neg_scorers_become_positive_errors():
    X, y = load_diabetes(return_X_y=True)
    r = cross_validate_scores(
        Ridge(), X, y, cv=3, scoring="neg_mean_absolute_error", random_state=0
    )
    assert np.all(r.test_scores > 0) and not r.greater_is_better
    assert r.score_name == "mean absolute error"


def test_compare_cv_ranks_and_uses_same_folds():
    X, y = load_iris(return_X_y=True)
    models = {"dummy": DummyClassifier(), "tree": DecisionTreeClassifier(random_state=0)}
    table = compare_cv(models, X, y, cv=3, random_state=1)
    assert table.index.tolist() == ["tree", "dummy"]
    assert set(table.columns) == {"mean", "std", "train_mean", "gap", "fit_time_s"}
    ref = cross_val_score(
        DecisionTreeClassifier(random_state=0),
        X,
        y,
        cv=StratifiedKFold(3, shuffle=True, random_state=1),
    )
    assert table.loc["tree", "mean"] == pytest.approx(ref.mean())
    X2, y2 = load_diabetes(return_X_y=True)
    errs = compare_cv(
        {"ridge": Ridge(), "big alpha": Ridge(alpha=1e4)},
        X2,
        y2,
        cv=3,
        scoring="neg_root_mean_squared_error",
        random_state=0,
    )
    assert errs.index[0] == "ridge"  # smaller error first
    with pytest.raises(TypeError, match="'estimators' parameter of compare_cv"):
        compare_cv([Ridge()], X, y)


def test_cv_scores_display():
    X, y = load_iris(return_X_y=True)
    disp = CVScoresDisplay.from_estimators(
        {"tree": DecisionTreeClassifier(random_state=0), "dummy": DummyClassifier()},
        X,
        y,
        cv=3,
        random_state=0,
    )
    assert disp.table is not None and list(disp.scores) == ["tree", "dummy"]
    assert disp.ax_.get_xlabel() == "Validation score"
    assert disp.figure_ is disp.ax_.figure


def test_learning_curve_equals_sklearn():
    X, y = load_breast_cancer(return_X_y=True)
    tree = DecisionTreeClassifier(max_depth=4, random_state=0)
    disp = LearningCurveDisplay.from_estimator(
        tree, X, y, train_sizes=[0.2, 0.6, 1.0], cv=3, random_state=0
    )
    sizes, tr, te = learning_curve(
        tree, X, y, train_sizes=[0.2, 0.6, 1.0], cv=StratifiedKFold(3, shuffle=True, random_state=0)
    )
    np.testing.assert_array_equal(disp.train_sizes, sizes)
    np.testing.assert_allclose(disp.train_scores, tr)
    np.testing.assert_allclose(disp.test_scores, te)
    assert disp.ax_.get_xlabel() == "Training samples (count)"
    assert len(disp.ax_.get_legend().get_texts()) == 2


def test_validation_curve_equals_sklearn_and_marks_best():
    X, y = load_diabetes(return_X_y=True)
    alphas = [1e-3, 1e-1, 10.0, 1e3]
    disp = ValidationCurveDisplay.from_estimator(
        Ridge(),
        X,
        y,
        param_name="alpha",
        param_range=alphas,
        cv=3,
        scoring="neg_mean_squared_error",
        random_state=0,
    )
    tr, te = validation_curve(
        Ridge(),
        X,
        y,
        param_name="alpha",
        param_range=alphas,
        cv=KFold(3, shuffle=True, random_state=0),
        scoring="neg_mean_squared_error",
    )
    np.testing.assert_allclose(disp.test_scores, -te)
    np.testing.assert_allclose(disp.train_scores, -tr)
    assert disp.best_value == alphas[int(np.argmax(te.mean(axis=1)))]
    assert disp.ax_.get_xscale() == "log"
    assert disp.ax_.get_ylabel() == "Mean squared error"
    # strong regularisation underfits
    assert disp.diagnose(-1, target_score=2500.0, gap_tol=100.0).label == "underfit"


def test_validation_curve_bad_param():
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match="'param_name' parameter of ValidationCurveDisplay"):
        ValidationCurveDisplay.from_estimator(
            DecisionTreeClassifier(), X, y, param_name="depth", param_range=[1, 2]
        )
    with pytest.raises(ValueError, match="'param_range'.*non-empty"):
        ValidationCurveDisplay.from_estimator(
            DecisionTreeClassifier(), X, y, param_name="max_depth", param_range=[]
        )


def test_display_draws_on_given_axes():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    disp = ValidationCurveDisplay("k", ["a", "b"], [[1.0], [0.9]], [[0.8], [0.85]]).plot(ax=ax)
    assert disp.ax_ is ax and disp.figure_ is fig
    assert disp.best_value == "b"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b"]

"""diagnose_fit: labels, reasons, remedies, direction of the score."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.datasets import load_breast_cancer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LinearRegression
from sklearn.tree import DecisionTreeClassifier

from mlcourse.evaluation import FitDiagnosis, diagnose_fit


@pytest.mark.parametrize(
    ("train", "val", "label"),
    [
        (0.62, 0.60, "underfit"),  # cannot fit its own training data
        (1.00, 0.75, "overfit"),  # memorised the training data
        (0.97, 0.95, "balanced"),
        (0.80, 0.50, "overfit"),  # gap 0.30 > avoidable bias 0.20
        (0.60, 0.50, "underfit"),  # avoidable bias 0.40 > gap 0.10
    ],
)
def test_labels(train, val, label):
    d = diagnose_fit(train, val)
    assert d.label == label
    assert d.avoidable_bias == pytest.approx(1.0 - train)
    assert d.variance_gap == pytest.approx(train - val)


def test_reason_and_suggestions_name_the_syllabus_fixes():
    under = diagnose_fit(0.6, 0.58)
    assert "high bias" in under.reason
    assert any("richer model" in s for s in under.suggestions)
    assert any("more informative features" in s for s in under.suggestions)
    over = diagnose_fit(1.0, 0.7)
    assert "high variance" in over.reason
    text = " ".join(over.suggestions)
    for fix in ("more training data", "regularisation", "simpler model", "fewer epochs"):
        assert fix in text
    assert str(over).startswith("overfit: ")
    assert "What to try:" in str(over)


def test_target_score_for_noisy_data():
    # on noisy data the best achievable R^2 may be 0.7: then 0.68 / 0.66 is balanced
    assert diagnose_fit(0.68, 0.66).label == "underfit"
    assert diagnose_fit(0.68, 0.66, target_score=0.7).label == "balanced"


def test_errors_lower_is_better():
    d = diagnose_fit(2.0, 2.02, greater_is_better=False, target_score=2.0)
    assert d.label == "balanced"
    d = diagnose_fit(0.1, 0.9, greater_is_better=False)
    assert d.label == "overfit"
    assert d.variance_gap == pytest.approx(0.8)
    assert "lower is better" not in d.reason  # overfit reason speaks of the gap
    d = diagnose_fit(0.9, 0.92, greater_is_better=False)
    assert d.label == "underfit" and "lower is better" in d.reason


def test_baseline_is_mentioned():
    d = diagnose_fit(0.64, 0.63, baseline_score=0.62)
    assert "baseline" in d.reason


@given(
    train=st.floats(0, 1),
    val=st.floats(0, 1),
    tol=st.floats(0, 0.5),
)
def test_label_rule_property(train, val, tol):
    d = diagnose_fit(train, val, gap_tol=tol)
    bias, gap = 1.0 - train, train - val
    if d.label == "balanced":
        assert bias <= tol + 1e-9 and gap <= tol + 1e-9
    elif d.label == "underfit":
        assert bias >= gap
    else:
        assert gap > bias


def test_from_estimator_clones_and_scores():
    X, y = load_breast_cancer(return_X_y=True)
    tree = DecisionTreeClassifier(random_state=0)
    d = FitDiagnosis.from_estimator(tree, X[::2], y[::2], X[1::2], y[1::2])
    assert d.label == "overfit" and d.train_score == 1.0
    assert not hasattr(tree, "tree_")
    dummy = FitDiagnosis.from_estimator(DummyClassifier(), X[::2], y[::2], X[1::2], y[1::2])
    assert dummy.label == "underfit"
    lin = FitDiagnosis.from_estimator(
        LinearRegression(), X[::2], y[::2], X[1::2], y[1::2], scoring="neg_mean_squared_error"
    )
    assert lin.train_score < 0  # scorer values: negated errors, target 0


@pytest.mark.parametrize(
    ("kwargs", "err", "match"),
    [
        ({"train_score": "high"}, TypeError, r"'train_score' parameter of diagnose_fit"),
        ({"validation_score": float("nan")}, ValueError, r"'validation_score'.*finite"),
        ({"gap_tol": -0.1}, ValueError, r"'gap_tol'"),
        ({"greater_is_better": "yes"}, TypeError, r"'greater_is_better'.*a bool"),
    ],
)
def test_bad_input(kwargs, err, match):
    args = {"train_score": 0.9, "validation_score": 0.8, **kwargs}
    with pytest.raises(err, match=match):
        diagnose_fit(**args)

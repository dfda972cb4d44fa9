"""Business metrics: hand-computed profits, agreement with sklearn's confusion matrix
and with TunedThresholdClassifierCV optimising the same profit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlcourse.lifecycle import expected_profit, profit_curve, profit_score, roi

VALUES = {"gain_tp": 90.0, "cost_fp": 10.0, "cost_fn": 100.0}


# ------------------------------------------------------------------ hand-computed
def test_profit_score_by_hand():
    y_true = [1, 0, 1, 0, 0, 1]
    y_pred = [1, 1, 0, 0, 0, 1]  # TP=2, FP=1, FN=1, TN=2
    assert profit_score(y_true, y_pred, **VALUES) == 2 * 90 - 10 - 100
    assert profit_score(y_true, y_pred, **VALUES, gain_tn=1.5) == 70 + 3
    assert profit_score(y_true, y_pred, **VALUES, normalize=True) == pytest.approx(70 / 6)


def test_expected_profit_by_hand_uses_greater_or_equal():
    y_true = [0, 0, 1, 1]
    y_score = [0.1, 0.6, 0.4, 0.9]
    assert expected_profit(y_true, y_score, 0.5, **VALUES) == -20.0
    # a score equal to the threshold is flagged (sklearn's rule)
    assert expected_profit(y_true, y_score, 0.4, **VALUES) == 170.0
    assert expected_profit(y_true, y_score, 0.41, **VALUES) == -20.0
    assert expected_profit(y_true, y_score, np.inf, **VALUES) == -200.0
    assert expected_profit(y_true, y_score, -np.inf, **VALUES) == 160.0


def test_profit_curve_by_hand():
    profits, thresholds = profit_curve([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9], **VALUES)
    assert thresholds.tolist() == [0.1, 0.4, 0.6, 0.9, np.inf]
    assert profits.tolist() == [160.0, 170.0, -20.0, -10.0, -200.0]
    per, _ = profit_curve([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9], **VALUES, normalize=True)
    np.testing.assert_allclose(per, profits / 4)
    mine, grid = profit_curve([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9], **VALUES, thresholds=[0.5, 0.0])
    assert grid.tolist() == [0.0, 0.5]
    assert mine.tolist() == [160.0, -20.0]


def test_string_labels_with_pos_label():
    y_true = np.array(["fraud", "ok", "fraud", "ok"])
    y_pred = np.array(["fraud", "fraud", "ok", "ok"])
    assert profit_score(y_true, y_pred, **VALUES, pos_label="fraud") == 90 - 10 - 100
    assert expected_profit(y_true, [0.9, 0.8, 0.1, 0.2], 0.5, **VALUES, pos_label="fraud") == -20


def test_roi():
    assert roi(125_000, 100_000) == pytest.approx(0.25)
    assert roi(0, 10) == -1.0
    np.testing.assert_allclose(roi([50, 300], [100, 100]), [-0.5, 2.0])
    with pytest.raises(ValueError, match=r"'cost' parameter of roi must be strictly positive"):
        roi(10, 0)
    with pytest.raises(ValueError, match=r"'gain' parameter of roi must be finite"):
        roi(np.nan, 1)
    with pytest.raises(TypeError, match=r"'gain' parameter of roi"):
        roi("a lot", 1)


# ------------------------------------------------------------- reference checks
labels = st.lists(st.integers(0, 1), min_size=1, max_size=40)


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_profit_curve_matches_sklearn_confusion_matrix(data):
    from sklearn.metrics import confusion_matrix

    y_true = np.array(data.draw(labels))
    y_score = np.array(
        data.draw(
            st.lists(
                st.sampled_from([0.0, 0.2, 0.5, 0.7, 1.0]),
                min_size=y_true.size,
                max_size=y_true.size,
            )
        )
    )
    values = {
        "gain_tp": data.draw(st.floats(-50, 50)),
        "cost_fp": data.draw(st.floats(0, 50)),
        "cost_fn": data.draw(st.floats(0, 50)),
        "gain_tn": data.draw(st.floats(-5, 5)),
    }
    profits, thresholds = profit_curve(y_true, y_score, **values)
    assert np.all(np.diff(thresholds) > 0)
    for profit, t in zip(profits, thresholds, strict=True):
        y_pred = (y_score >= t).astype(int)
        tn, fp, fn, tp = confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
        expected = (
            values["gain_tp"] * tp
            + values["gain_tn"] * tn
            - values["cost_fp"] * fp
            - values["cost_fn"] * fn
        )
        assert profit == pytest.approx(expected, abs=1e-9)
        assert expected_profit(y_true, y_score, t, **values) == pytest.approx(profit)
        assert profit_score(y_true, y_pred, **values) == pytest.approx(profit)


def _fraud_model(seed):
    from sklearn.datasets import make_classification
    from sklearn.linear_model import LogisticRegression

    X, y = make_classification(
        n_samples=600, n_features=6, n_informative=4, weights=[0.9], random_state=seed
    )
    model = LogisticRegression(max_iter=1000).fit(X, y)
    return model, X, y


FRAUD = {"gain_tp": 40.0, "cost_fp": 20.0, "cost_fn": 60.0}


def _tuned(model, scorer, thresholds, X, y):
    from sklearn.frozen import FrozenEstimator
    from sklearn.model_selection import TunedThresholdClassifierCV

    tuned = TunedThresholdClassifierCV(
        FrozenEstimator(model), scoring=scorer, thresholds=thresholds, cv="prefit", refit=False
    )
    return tuned.fit(X, y)


def test_tuned_threshold_classifier_cv_finds_the_same_profit(seed):
    """sklearn optimising make_scorer(profit_score) reaches the maximum of our curve."""
    from sklearn.metrics import make_scorer

    model, X, y = _fraud_model(seed)
    y_score = model.predict_proba(X)[:, 1]
    profits, thresholds = profit_curve(y, y_score, **FRAUD)
    scorer = make_scorer(profit_score, **FRAUD)
    best = profits.max()

    # 1. On our exact grid of candidate thresholds, sklearn's best score is our maximum.
    exact = _tuned(model, scorer, thresholds[np.isfinite(thresholds)], X, y)
    assert exact.best_score_ == pytest.approx(best)
    assert expected_profit(y, y_score, exact.best_threshold_, **FRAUD) == pytest.approx(best)

    # 2. With its default grid of 100 thresholds it gets within 2% of the curve's range.
    coarse = _tuned(model, scorer, 100, X, y)
    found = expected_profit(y, y_score, coarse.best_threshold_, **FRAUD)
    assert coarse.best_score_ == pytest.approx(found)
    assert best - 0.02 * (best - profits.min()) <= found <= best + 1e-9
    # the profit-optimal threshold is below 0.5: a missed fraud costs 3x a needless review
    assert thresholds[profits.argmax()] < 0.5


# ------------------------------------------------------------------------ errors
def test_errors_name_the_argument():
    y, s = [0, 1, 1], [0.2, 0.6, 0.9]
    with pytest.raises(
        ValueError,
        match=r"'cost_fp' parameter of expected_profit must be a float in the range \[0, inf\)\. Got -1",
    ):
        expected_profit(y, s, 0.5, gain_tp=1, cost_fp=-1, cost_fn=1)
    with pytest.raises(TypeError, match=r"'gain_tp' parameter of profit_curve must be a float"):
        profit_curve(y, s, gain_tp="10", cost_fp=1, cost_fn=1)
    with pytest.raises(
        ValueError, match=r"'gain_tn' parameter of profit_score must be a finite number"
    ):
        profit_score(y, y, gain_tp=1, cost_fp=1, cost_fn=1, gain_tn=np.inf)
    with pytest.raises(
        ValueError,
        match=r"'y_true' parameter of expected_profit must be binary \(at most two distinct labels\)\. Got \[0, 1, 2\] instead",
    ):
        expected_profit([0, 1, 2], [0.1, 0.2, 0.3], 0.5, **VALUES)
    with pytest.raises(
        ValueError,
        match=r"'pos_label' parameter of profit_score must be one of the labels in y_true \['a', 'b'\]\. Got 1",
    ):
        profit_score(["a", "b"], ["a", "b"], **VALUES)
    with pytest.raises(
        ValueError, match=r"inconsistent numbers of samples: y_true has 3, y_score has 2"
    ):
        profit_curve(y, [0.1, 0.2], **VALUES)
    with pytest.raises(
        ValueError, match=r"'threshold' parameter of expected_profit must be a number \(not NaN\)"
    ):
        expected_profit(y, s, np.nan, **VALUES)
    with pytest.raises(
        TypeError, match=r"'normalize' parameter of profit_curve must be a bool\. Got 'yes'"
    ):
        profit_curve(y, s, **VALUES, normalize="yes")
    with pytest.raises(ValueError, match=r"'y_score' parameter of profit_curve contains NaN"):
        profit_curve(y, [0.1, np.nan, 0.3], **VALUES)
    with pytest.raises(
        ValueError, match=r"'thresholds' parameter of profit_curve must be a non-empty"
    ):
        profit_curve(y, s, **VALUES, thresholds=[])
    with pytest.raises(ValueError, match=r"'y_true' parameter of profit_score must be a non-empty"):
        profit_score([], [], **VALUES)

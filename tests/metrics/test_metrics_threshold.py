"""choose_threshold: goals by hand, consistency with the curves and with sklearn's counts."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import metrics as skm

import mlcourse.metrics as mm

Y = [0, 0, 0, 0, 1, 0, 1, 1]
S = [0.1, 0.2, 0.3, 0.45, 0.5, 0.6, 0.7, 0.9]


def test_goals_by_hand():
    # threshold 0.5 -> predicted positive: 0.5, 0.6, 0.7, 0.9 -> TP 3, FP 1
    c = mm.choose_threshold(Y, S, goal="recall", min_value=0.9)
    assert (c.threshold, c.recall, c.precision, c.fpr) == (0.5, 1.0, 0.75, 0.2)
    assert c.tpr == c.recall and c.goal == "recall" and c.curve == "pr"
    c = mm.choose_threshold(Y, S, goal="recall", min_value=0.6)
    assert c.threshold == 0.7 and c.recall == pytest.approx(2 / 3)
    c = mm.choose_threshold(Y, S, goal="precision", min_value=1.0)
    assert c.threshold == 0.7 and c.precision == 1.0
    c = mm.choose_threshold(Y, S, goal="f1")
    assert c.threshold == 0.5 and c.f1 == pytest.approx(2 * 3 / (2 * 3 + 1))
    c = mm.choose_threshold(Y, S, goal="fpr", max_value=0.2)
    assert c.threshold == 0.5 and c.tpr == 1.0
    c = mm.choose_threshold(Y, S, goal="youden")
    assert c.threshold == 0.5 and c.tpr - c.fpr == pytest.approx(0.8)


def test_roc_curve_allows_predicting_nothing():
    y, s = [0, 1, 0, 1], [0.9, 0.8, 0.1, 0.2]  # the top score is a negative
    with pytest.raises(
        ValueError, match="'max_value' parameter of choose_threshold must be an FPR"
    ):
        mm.choose_threshold(y, s, goal="fpr", max_value=0.0)
    c = mm.choose_threshold(y, s, goal="fpr", max_value=0.0, curve="roc")
    assert c.threshold == np.inf and c.tpr == 0.0 and np.isnan(c.precision)


def test_result_object():
    c = mm.choose_threshold(Y, S, goal="f1")
    assert float(c) == c.threshold
    np.testing.assert_array_equal(c.predict([0.49, 0.5, 1.0]), [False, True, True])
    with pytest.raises(AttributeError):
        c.threshold = 0.1  # frozen


@settings(max_examples=80, deadline=None)
@given(
    y=st.lists(st.integers(0, 1), min_size=4, max_size=40).filter(lambda v: 0 < sum(v) < len(v)),
    data=st.data(),
    goal=st.sampled_from(["recall", "f1", "youden", "precision"]),
    min_value=st.sampled_from([0.0, 0.5, 0.9, 1.0]),
)
def test_achieved_values_match_sklearn_counts(y, data, goal, min_value):
    s = np.array(data.draw(st.lists(st.integers(0, 9), min_size=len(y), max_size=len(y)))) / 10
    try:
        c = mm.choose_threshold(y, s, goal=goal, min_value=min_value)
    except ValueError as exc:
        assert goal == "precision" and "highest is" in str(exc)
        return
    y_pred = (s >= c.threshold).astype(int)
    tn, fp, fn, tp = skm.confusion_matrix(y, y_pred, labels=[0, 1]).ravel()
    assert c.recall == pytest.approx(tp / (tp + fn))
    assert c.fpr == pytest.approx(fp / (fp + tn))
    assert c.precision == pytest.approx(tp / (tp + fp))
    assert c.f1 == pytest.approx(skm.f1_score(y, y_pred))
    if goal == "recall":
        assert c.recall >= min_value
        # the highest such threshold: one step higher misses the goal
        higher = s[s > c.threshold]
        if higher.size:
            assert skm.recall_score(y, (s >= higher.min()).astype(int)) < min_value
    if goal == "f1":
        best = max(skm.f1_score(y, (s >= t).astype(int)) for t in np.unique(s))
        assert c.f1 == pytest.approx(best)


def test_errors():
    with pytest.raises(ValueError, match="'goal' parameter of choose_threshold must be one of"):
        mm.choose_threshold(Y, S, goal="accuracy")
    with pytest.raises(ValueError, match="'curve' parameter of choose_threshold"):
        mm.choose_threshold(Y, S, curve="det")
    with pytest.raises(
        ValueError,
        match=r"'min_value' parameter of choose_threshold must be a float in the range \[0, 1\]",
    ):
        mm.choose_threshold(Y, S, min_value=1.5)
    with pytest.raises(
        ValueError, match="'max_value' parameter of choose_threshold must be a float"
    ):
        mm.choose_threshold(Y, S, goal="fpr")
    with pytest.raises(
        ValueError, match="'y_true' parameter of choose_threshold must be labels with both"
    ):
        mm.choose_threshold([1, 1], [0.1, 0.2])
    with pytest.raises(ValueError, match=r"highest is 0\.8\)"):
        mm.choose_threshold([0, 1, 0, 1, 1, 1], [0.9, 0.9, 0.1, 0.9, 0.9, 0.2], goal="precision")


def test_display_marks_a_threshold_choice():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from mlcourse.plotting import PrecisionRecallDisplay

    c = mm.choose_threshold(Y, S, goal="recall", min_value=0.9)
    disp = PrecisionRecallDisplay.from_predictions(Y, S, threshold=c)
    assert disp.threshold_point_ == (c.recall, c.precision)
    plt.close(disp.figure_)


def test_import_metrics_does_not_import_sklearn():
    code = (
        "import sys, mlcourse.metrics; "
        "bad = [m for m in ('sklearn', 'matplotlib', 'scipy') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr

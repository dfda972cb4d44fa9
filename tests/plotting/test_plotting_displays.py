"""Display objects: build from predictions and from estimators, return self, annotate right."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn import metrics as skm  # noqa: E402
from sklearn.datasets import make_classification, make_regression  # noqa: E402
from sklearn.linear_model import LinearRegression, LogisticRegression  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

from mlcourse.plotting import (  # noqa: E402
    COLORS,
    PALETTE,
    ConfusionMatrixDisplay,
    PrecisionRecallDisplay,
    PredictionErrorDisplay,
    RocCurveDisplay,
    get_axes,
    label_axes,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def binary_data():
    X, y = make_classification(n_samples=200, n_features=5, random_state=0)
    clf = LogisticRegression().fit(X, y)
    return X, y, clf


@pytest.fixture(scope="module")
def regression_data():
    X, y = make_regression(n_samples=120, n_features=3, noise=5.0, random_state=0)
    return X, y, LinearRegression().fit(X, y)


def _check_display(disp, cls):
    assert isinstance(disp, cls)
    assert disp.ax_ is not None and disp.figure_ is disp.ax_.figure
    assert disp.ax_.get_xlabel() and disp.ax_.get_ylabel() and disp.ax_.get_title()


# --------------------------------------------------------------------------- confusion matrix


def test_confusion_matrix_binary_cells_are_named_and_counted():
    y_true = [0, 0, 0, 1, 1, 1, 1]
    y_pred = [0, 1, 1, 0, 1, 1, 1]
    disp = ConfusionMatrixDisplay.from_predictions(y_true, y_pred)
    _check_display(disp, ConfusionMatrixDisplay)
    texts = [[t.get_text() for t in row] for row in disp.text_]
    # rows = true label, columns = predicted label: TN=1, FP=2, FN=1, TP=3
    assert texts == [["TN\n1", "FP\n2"], ["FN\n1", "TP\n3"]]
    # the text of the TP cell sits at column 1 (predicted positive), row 1 (true positive)
    assert disp.text_[1, 1].get_position() == (1, 1)
    np.testing.assert_array_equal(disp.im_.get_array(), [[1, 2], [1, 3]])
    assert disp.ax_.get_xlabel() == "Predicted label"
    assert disp.ax_.get_ylabel() == "True label"


def test_confusion_matrix_rates_true_gives_tpr_fpr():
    disp = ConfusionMatrixDisplay.from_predictions(
        [0, 0, 0, 0, 1, 1], [0, 0, 0, 1, 1, 0], rates="true"
    )
    assert disp.text_[0, 1].get_text() == "FP\n1\n25.0%"  # FPR = 1/4
    assert disp.text_[1, 1].get_text() == "TP\n1\n50.0%"  # TPR = 1/2


def test_confusion_matrix_rates_pred_and_all():
    y_true, y_pred = [0, 0, 1, 1], [0, 1, 1, 1]
    pred = ConfusionMatrixDisplay.from_predictions(y_true, y_pred, rates="pred")
    assert pred.text_[1, 1].get_text() == "TP\n2\n66.7%"  # precision = 2/3
    every = ConfusionMatrixDisplay.from_predictions(y_true, y_pred, rates="all")
    assert every.text_[0, 0].get_text() == "TN\n1\n25.0%"


def test_confusion_matrix_rates_empty_row_is_na():
    disp = ConfusionMatrixDisplay(np.array([[0, 0], [1, 2]])).plot(rates="true")
    assert disp.text_[0, 0].get_text() == "TN\n0\nn/a"


def test_confusion_matrix_multiclass_string_labels():
    y_true = ["cat", "dog", "dog", "bird", "cat", "cat"]
    y_pred = ["cat", "dog", "cat", "bird", "cat", "dog"]
    disp = ConfusionMatrixDisplay.from_predictions(y_true, y_pred)
    ticks = [t.get_text() for t in disp.ax_.get_xticklabels()]
    assert ticks == ["bird", "cat", "dog"]
    assert [t.get_text() for t in disp.ax_.get_yticklabels()] == ticks
    # true cat predicted cat: 2; no TN/FP names in the multiclass case
    assert disp.text_[1, 1].get_text() == "2"
    np.testing.assert_array_equal(
        disp.im_.get_array(), skm.confusion_matrix(y_true, y_pred, labels=ticks)
    )


def test_confusion_matrix_normalize_and_labels_order():
    disp = ConfusionMatrixDisplay.from_predictions(
        [0, 0, 1, 1], [0, 1, 1, 1], normalize="true", labels=[1, 0], outcome_names=False
    )
    np.testing.assert_allclose(disp.im_.get_array(), [[1.0, 0.0], [0.5, 0.5]])
    assert disp.text_[1, 0].get_text() == "0.50"
    assert [t.get_text() for t in disp.ax_.get_xticklabels()] == ["1", "0"]


def test_confusion_matrix_without_values_and_colorbar():
    disp = ConfusionMatrixDisplay(np.eye(3, dtype=int), display_labels=list("abc")).plot(
        include_values=False, colorbar=False, xticks_rotation="vertical"
    )
    assert disp.text_ is None
    assert len(disp.figure_.axes) == 1
    assert disp.ax_.get_xticklabels()[0].get_rotation() == 90.0


def test_confusion_matrix_from_estimator(binary_data):
    X, y, clf = binary_data
    disp = ConfusionMatrixDisplay.from_estimator(clf, X, y, rates="true")
    _check_display(disp, ConfusionMatrixDisplay)
    tn, fp, fn, tp = skm.confusion_matrix(y, clf.predict(X)).ravel()
    assert disp.text_[1, 1].get_text().startswith(f"TP\n{tp}\n")
    assert disp.text_[0, 0].get_text().startswith(f"TN\n{tn}\n")


def test_confusion_matrix_on_given_axes():
    fig, ax = plt.subplots()
    disp = ConfusionMatrixDisplay(np.array([[1, 2], [3, 4]])).plot(ax=ax)
    assert disp.ax_ is ax and disp.figure_ is fig


def test_confusion_matrix_bad_input():
    with pytest.raises(ValueError, match="'confusion_matrix' parameter of ConfusionMatrixDisplay"):
        ConfusionMatrixDisplay(np.ones((2, 3))).plot()
    with pytest.raises(ValueError, match="'display_labels' .* 2 labels"):
        ConfusionMatrixDisplay(np.ones((2, 2)), display_labels=["a"]).plot()
    with pytest.raises(ValueError, match="'rates' parameter .* Got 'row' instead"):
        ConfusionMatrixDisplay(np.ones((2, 2))).plot(rates="row")
    with pytest.raises(ValueError, match="'normalize' parameter"):
        ConfusionMatrixDisplay.from_predictions([0, 1], [0, 1], normalize="rows")
    with pytest.raises(TypeError, match="'ax' parameter must be a matplotlib Axes"):
        ConfusionMatrixDisplay(np.ones((2, 2))).plot(ax="left")


# --------------------------------------------------------------------------- ROC


def test_roc_from_predictions_matches_sklearn(binary_data):
    X, y, clf = binary_data
    score = clf.predict_proba(X)[:, 1]
    disp = RocCurveDisplay.from_predictions(y, score, name="LR")
    _check_display(disp, RocCurveDisplay)
    fpr, tpr, _ = skm.roc_curve(y, score)
    np.testing.assert_allclose(disp.line_.get_xdata(), fpr)
    np.testing.assert_allclose(disp.line_.get_ydata(), tpr)
    auc = skm.roc_auc_score(y, score)
    assert disp.line_.get_label() == f"LR (AUC = {auc:.2f})"
    assert disp.chance_level_ is not None
    assert disp.threshold_marker_ is None
    labels = disp.ax_.get_legend_handles_labels()[1]
    assert "Chance level (AUC = 0.5)" in labels


def test_roc_threshold_marker_is_the_operating_point(binary_data):
    X, y, clf = binary_data
    score = clf.predict_proba(X)[:, 1]
    t = 0.7
    disp = RocCurveDisplay.from_predictions(y, score, threshold=t)
    pred = (score >= t).astype(int)
    tn, fp, fn, tp = skm.confusion_matrix(y, pred).ravel()
    assert disp.threshold_point_ == pytest.approx((fp / (fp + tn), tp / (tp + fn)))
    assert disp.threshold_marker_.get_xdata()[0] == pytest.approx(fp / (fp + tn))
    assert "Threshold 0.7" in disp.threshold_marker_.get_label()


def test_roc_threshold_accepts_an_object_with_threshold():
    class Choice:
        threshold = 0.4

    disp = RocCurveDisplay.from_predictions([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], threshold=Choice())
    assert disp.threshold_point_ == (0.5, 0.5)


def test_roc_from_estimator_decision_function_and_pos_label(binary_data):
    X, y, _ = binary_data
    svc = LinearSVC().fit(X, y)
    disp = RocCurveDisplay.from_estimator(svc, X, y)
    assert disp.line_.get_label().startswith("LinearSVC (AUC = ")
    auc1 = skm.roc_auc_score(y, svc.decision_function(X))
    assert f"{auc1:.2f}" in disp.line_.get_label()
    # the other class as positive: same AUC, scores negated
    disp0 = RocCurveDisplay.from_estimator(svc, X, y, pos_label=0)
    assert disp0.roc_auc == pytest.approx(auc1)
    assert "positive class: 0" in disp0.ax_.get_title()


def test_roc_from_estimator_string_classes():
    X = np.array([[0.0], [1.0], [2.0], [3.0], [0.5], [2.5]])
    y = np.array(["no", "no", "yes", "yes", "no", "yes"])
    clf = LogisticRegression().fit(X, y)
    disp = RocCurveDisplay.from_estimator(clf, X, y)
    assert disp.pos_label == "yes"
    assert disp.roc_auc == pytest.approx(1.0)


def test_roc_overlay_on_one_axes(binary_data):
    X, y, clf = binary_data
    fig, ax = plt.subplots()
    RocCurveDisplay.from_estimator(clf, X, y, ax=ax)
    disp = RocCurveDisplay.from_predictions(
        y, X[:, 0], ax=ax, name="feature 0", plot_chance_level=False, color=PALETTE[1]
    )
    assert disp.ax_ is ax
    assert len(ax.get_lines()) == 3
    assert disp.line_.get_color() == PALETTE[1]


def test_roc_errors():
    with pytest.raises(ValueError, match="'pos_label' parameter .* given when y_true labels"):
        RocCurveDisplay.from_predictions(["a", "b"], [0.1, 0.9])
    with pytest.raises(ValueError, match="needs the curve's thresholds"):
        RocCurveDisplay(fpr=[0, 1], tpr=[0, 1]).plot(threshold=0.5)
    with pytest.raises(TypeError, match="'threshold' parameter"):
        RocCurveDisplay.from_predictions([0, 1], [0.1, 0.9], threshold="high")
    X, y = make_classification(n_samples=60, n_classes=3, n_informative=3, random_state=0)
    clf = LogisticRegression(max_iter=500).fit(X, y)
    with pytest.raises(ValueError, match="'estimator' parameter .* binary classifier"):
        RocCurveDisplay.from_estimator(clf, X, y)
    with pytest.raises(ValueError, match="'response_method' parameter"):
        RocCurveDisplay.from_estimator(clf, X, y, response_method="predict")


# --------------------------------------------------------------------------- precision-recall


def test_pr_from_predictions_matches_sklearn(binary_data):
    X, y, clf = binary_data
    score = clf.predict_proba(X)[:, 1]
    disp = PrecisionRecallDisplay.from_predictions(y, score)
    _check_display(disp, PrecisionRecallDisplay)
    precision, recall, _ = skm.precision_recall_curve(y, score)
    np.testing.assert_allclose(disp.line_.get_xdata(), recall)
    np.testing.assert_allclose(disp.line_.get_ydata(), precision)
    ap = skm.average_precision_score(y, score)
    assert disp.average_precision == pytest.approx(ap)
    assert disp.line_.get_label() == f"Classifier (AP = {ap:.2f})"
    prevalence = float(np.mean(y))
    np.testing.assert_allclose(disp.chance_level_.get_ydata(), [prevalence, prevalence])
    assert disp.chance_level_.get_label() == f"No skill (AP = {prevalence:.2f})"


def test_pr_threshold_marker_is_the_operating_point(binary_data):
    X, y, clf = binary_data
    score = clf.predict_proba(X)[:, 1]
    for t in (0.05, 0.5, 0.95):
        disp = PrecisionRecallDisplay.from_predictions(y, score, threshold=t)
        pred = (score >= t).astype(int)
        expected = (skm.recall_score(y, pred), skm.precision_score(y, pred))
        assert disp.threshold_point_ == pytest.approx(expected)
        plt.close(disp.figure_)


def test_pr_from_estimator_and_weights(binary_data):
    X, y, clf = binary_data
    w = np.where(y == 1, 2.0, 1.0)
    disp = PrecisionRecallDisplay.from_estimator(clf, X, y, sample_weight=w, name="LR")
    _check_display(disp, PrecisionRecallDisplay)
    expected = np.sum(w * y) / np.sum(w)
    assert disp.prevalence_pos_label == pytest.approx(expected)
    assert disp.line_.get_label().startswith("LR (AP = ")


def test_pr_no_chance_level():
    disp = PrecisionRecallDisplay.from_predictions(
        [0, 1, 1], [0.2, 0.6, 0.9], plot_chance_level=False
    )
    assert disp.chance_level_ is None


# --------------------------------------------------------------------------- regression


@pytest.mark.parametrize("kind", ["actual_vs_predicted", "residual_vs_predicted"])
def test_prediction_error_from_estimator(regression_data, kind):
    X, y, reg = regression_data
    disp = PredictionErrorDisplay.from_estimator(reg, X, y, kind=kind, unit="USD")
    _check_display(disp, PredictionErrorDisplay)
    offsets = disp.scatter_.get_offsets()
    y_pred = reg.predict(X)
    np.testing.assert_allclose(offsets[:, 0], y_pred)
    expected_y = y if kind == "actual_vs_predicted" else y - y_pred
    np.testing.assert_allclose(offsets[:, 1], expected_y)
    assert disp.ax_.get_xlabel() == "Predicted value (USD)"
    assert disp.ax_.get_ylabel().endswith("(USD)")
    assert disp.line_.get_label() == "Perfect prediction"


def test_prediction_error_residual_line_is_zero():
    disp = PredictionErrorDisplay.from_predictions([1.0, 2.0, 4.0], [1.5, 2.0, 3.0])
    np.testing.assert_array_equal(disp.line_.get_ydata(), [0, 0])
    assert disp.ax_.get_title() == "Residuals vs. predicted"


def test_prediction_error_subsample(seed):
    y = np.arange(300.0)
    disp = PredictionErrorDisplay.from_predictions(y, y, subsample=50, random_state=seed)
    assert len(disp.scatter_.get_offsets()) == 50
    frac = PredictionErrorDisplay.from_predictions(y, y, subsample=0.1, random_state=seed)
    assert len(frac.scatter_.get_offsets()) == 30
    again = PredictionErrorDisplay.from_predictions(y, y, subsample=50, random_state=seed)
    np.testing.assert_array_equal(again.scatter_.get_offsets(), disp.scatter_.get_offsets())
    every = PredictionErrorDisplay.from_predictions(y, y, subsample=None)
    assert len(every.scatter_.get_offsets()) == 300


def test_prediction_error_errors():
    with pytest.raises(ValueError, match="'kind' parameter .* Got 'residuals' instead"):
        PredictionErrorDisplay.from_predictions([1, 2], [1, 2], kind="residuals")
    with pytest.raises(ValueError, match="'subsample' parameter"):
        PredictionErrorDisplay.from_predictions([1, 2], [1, 2], subsample=0)
    with pytest.raises(ValueError, match="'subsample' parameter"):
        PredictionErrorDisplay.from_predictions([1, 2], [1, 2], subsample=1.5)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        PredictionErrorDisplay.from_predictions([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="'y_true' parameter .* contains NaN"):
        PredictionErrorDisplay.from_predictions([1, np.nan], [1, 2])


# --------------------------------------------------------------------------- style


def test_style_helpers_do_not_touch_global_state():
    before = dict(matplotlib.rcParams)
    ax = label_axes(get_axes(), title="T", xlabel="x (s)", ylabel="y (m)", legend=True)
    assert ax.get_legend() is None  # nothing labelled: no empty legend
    assert dict(matplotlib.rcParams) == before
    assert COLORS["main"] == PALETTE[0]
    assert len(set(PALETTE)) == len(PALETTE)


def test_import_plotting_does_not_import_matplotlib():
    import subprocess
    import sys

    code = (
        "import sys, mlcourse.plotting; "
        "bad = [m for m in ('matplotlib', 'sklearn') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr

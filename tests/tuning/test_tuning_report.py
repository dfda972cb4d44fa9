"""Study Displays, the tuning report, and the GD lessons (2/L bound, training curves)."""

from __future__ import annotations

import json
import warnings

import numpy as np
import optuna
import pytest

from mlcourse.datasets import load_diabetes, load_iris
from mlcourse.experiment import load_model
from mlcourse.supervised import LinearRegressionGD
from mlcourse.tuning import (
    ContourDisplay,
    OptimizationHistoryDisplay,
    ParamImportanceDisplay,
    SliceDisplay,
    TrainingCurvesDisplay,
    max_learning_rate,
    tune,
    write_tuning_report,
)

optuna.logging.set_verbosity(optuna.logging.WARNING)


@pytest.fixture(autouse=True, scope="module")
def _one_blas_thread():
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def result():
    X, y = load_iris(return_X_y=True)
    return tune("svm", X, y, n_trials=8, cv=3, random_state=0, storage="memory")


def test_history_display_is_the_running_best(result):
    display = OptimizationHistoryDisplay.from_study(result)
    values = [t.value for t in result.study.trials if t.state.name == "COMPLETE"]
    assert display.best_so_far.tolist() == np.maximum.accumulate(values).tolist()
    assert display.ax_.get_xlabel() == "trial number"


def test_importances_contour_slice(result):
    display = ParamImportanceDisplay.from_study(result)
    assert sum(display.importances.values()) == pytest.approx(1.0)
    contour = ContourDisplay.from_study(result)
    assert {contour.x, contour.y} == {"C", "gamma"}
    sliced = SliceDisplay.from_study(result)
    assert [ax.get_xlabel() for ax in sliced.axes_] == ["C (log scale)", "gamma (log scale)"]
    with pytest.raises(ValueError, match="'params' parameter of SliceDisplay"):
        SliceDisplay.from_study(result, params=["depth"])
    with pytest.raises(TypeError, match="an optuna Study or a TuneResult"):
        OptimizationHistoryDisplay.from_study("study")


def test_write_tuning_report(result, tmp_path):
    path = write_tuning_report(result, tmp_path / "out", extra={"csv": "iris.csv"})
    out = path.parent
    assert {p.name for p in out.iterdir()} == {
        "report.html",
        "trials.csv",
        "run.json",
        "best_model.skops",
        "history.png",
        "importance.png",
        "slice.png",
        "contour.png",
    }
    info = json.loads((out / "run.json").read_text())
    assert info["result"]["best_params"] == result.best_params_
    assert info["source"] == {"csv": "iris.csv"}
    html = path.read_text()
    assert "history.png" in html and result.study_name in html
    saved = load_model(out / "best_model.skops")
    X, _ = load_iris(return_X_y=True)
    np.testing.assert_array_equal(saved.estimator.predict(X), result.best_estimator_.predict(X))
    assert saved.metadata["cv_score"] == pytest.approx(result.best_score_)
    with pytest.raises(FileExistsError, match="never overwritten"):
        write_tuning_report(result, out)
    with pytest.raises(TypeError, match="a TuneResult"):
        write_tuning_report({"best": 1}, tmp_path / "other")


def test_max_learning_rate_is_two_over_the_top_eigenvalue():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3)) * [1.0, 3.0, 0.5]
    design = np.column_stack([X, np.ones(200)])
    expected = 2.0 / np.linalg.eigvalsh(design.T @ design / 200).max()
    assert max_learning_rate(X) == pytest.approx(expected)
    assert max_learning_rate(X, fit_intercept=False) == pytest.approx(
        2.0 / np.linalg.eigvalsh(X.T @ X / 200).max()
    )


def test_gradient_descent_diverges_exactly_above_the_bound():
    from mlcourse.features import StandardScaler

    X, y = load_diabetes(return_X_y=True, as_frame=False)
    X = StandardScaler().fit_transform(X)
    bound = max_learning_rate(X)
    display = TrainingCurvesDisplay.from_estimator(
        LinearRegressionGD(max_iter=300, tol=None),
        X,
        y,
        param_name="learning_rate",
        param_values=[0.9 * bound, 1.1 * bound],
    )
    assert display.diverged == {0.9 * bound: False, 1.1 * bound: True}
    assert display.curves[0.9 * bound][-1] < display.curves[0.9 * bound][0]


def test_batch_curves_and_validation_scores():
    X, y = load_diabetes(return_X_y=True, as_frame=False)
    X = (X - X.mean(0)) / X.std(0)
    display = TrainingCurvesDisplay.from_estimator(
        LinearRegressionGD(learning_rate=0.01, max_iter=5, tol=None, random_state=0),
        X,
        y,
        param_name="batch_size",
        param_values=[1, "full"],
        curve="update",
        X_val=X,
        y_val=y,
    )
    assert len(display.curves[1]) == 5 * len(y) and len(display.curves["full"]) == 5
    assert set(display.scores) == {1, "full"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        refit = LinearRegressionGD(
            learning_rate=0.01, max_iter=5, tol=None, batch_size=1, random_state=0
        ).fit(X, y)
    assert display.scores[1] == pytest.approx(refit.score(X, y))
    with pytest.raises(ValueError, match="'param_name' parameter of TrainingCurvesDisplay"):
        TrainingCurvesDisplay.from_estimator(
            LinearRegressionGD(), X, y, param_name="eta", param_values=[0.1]
        )

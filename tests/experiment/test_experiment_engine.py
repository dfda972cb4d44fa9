"""compare_models: scores, determinism, no leakage, messy data, errors, budget, progress."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.model_selection import StratifiedKFold, cross_val_score

from mlcourse.datasets import load_breast_cancer, load_diabetes, load_iris
from mlcourse.experiment import (
    CompareResult,
    LabelEncodedClassifier,
    ProgressEvent,
    _engine,
    _schema,
    compare_models,
    detect_task,
)

MESSY = Path(__file__).resolve().parents[1] / "cli" / "data" / "messy_customers.csv"
PANEL = ["linear", "knn", "svm", "tree", "random_forest", "xgboost"]


@pytest.fixture(scope="module")
def cancer():
    return load_breast_cancer(return_X_y=True)


@pytest.fixture(scope="module")
def cancer_result(cancer) -> CompareResult:
    X, y = cancer
    return compare_models(X, y, cv=3, random_state=0)


@pytest.fixture(scope="module")
def diabetes_result() -> CompareResult:
    X, y = load_diabetes(return_X_y=True)
    return compare_models(X, y, cv=3, random_state=0, models=["linear", "knn", "tree", "xgboost"])


def test_breast_cancer_every_model_is_accurate(cancer_result):
    board = cancer_result.leaderboard
    assert cancer_result.task == "classification"
    assert sorted(board["model"]) == sorted(PANEL)
    assert (board["accuracy_mean"] > 0.9).all(), board
    assert (board["roc_auc_mean"] > 0.85).all()  # a single tree has coarse scores
    assert cancer_result.metrics == ["accuracy", "f1_macro", "roc_auc"]
    assert list(board.columns) == [
        "rank",
        "model",
        "accuracy_mean",
        "accuracy_std",
        "f1_macro_mean",
        "f1_macro_std",
        "roc_auc_mean",
        "roc_auc_std",
        "fit_time_s",
        "predict_time_s",
    ]
    assert board["accuracy_mean"].is_monotonic_decreasing
    assert board["rank"].tolist() == list(range(1, 7))
    assert cancer_result.best_model == board.loc[0, "model"]
    assert (board["fit_time_s"] > 0).all()
    assert cancer_result.failed == {} and cancer_result.skipped == []


def test_out_of_fold_predictions_agree_with_the_leaderboard(cancer_result):
    y = cancer_result.y_true
    for name, pred in cancer_result.predictions.items():
        assert pred.y_pred.shape == y.shape and pred.y_score is not None
        per_fold = [np.mean(pred.y_pred[pred.fold == k] == y[pred.fold == k]) for k in range(3)]
        mean = cancer_result.leaderboard.set_index("model").loc[name, "accuracy_mean"]
        assert np.isclose(np.mean(per_fold), mean)
    assert cancer_result.predictions["linear"].y_proba.shape == (len(y), 2)
    # SVC has no predict_proba: its ROC uses the decision function
    assert cancer_result.predictions["svm"].y_proba is None
    assert np.isfinite(cancer_result.predictions["svm"].y_score).all()


def test_diabetes_regression_ranks_by_rmse(diabetes_result):
    board = diabetes_result.leaderboard
    assert diabetes_result.task == "regression"
    assert diabetes_result.metrics == ["rmse", "mae", "r2"]
    assert board["rmse_mean"].is_monotonic_increasing  # lower is better
    assert board.set_index("model").loc["linear", "r2_mean"] > 0.4
    assert board.set_index("model").loc["linear", "rmse_mean"] < 60  # target std is 77
    assert diabetes_result.classes is None
    pred = diabetes_result.predictions["linear"]
    assert pred.y_proba is None and pred.y_score is None


def test_deterministic_for_a_fixed_seed(seed):
    X, y = load_iris(return_X_y=True)
    a = compare_models(X, y, models=["random_forest"], cv=2, random_state=seed)
    b = compare_models(X, y, models=["random_forest"], cv=2, random_state=seed)
    cols = [c for c in a.leaderboard.columns if not c.endswith("time_s")]
    pd.testing.assert_frame_equal(a.leaderboard[cols], b.leaderboard[cols])
    for name in a.predictions:
        np.testing.assert_array_equal(a.predictions[name].y_pred, b.predictions[name].y_pred)
        np.testing.assert_array_equal(a.predictions[name].fold, b.predictions[name].fold)
    c = compare_models(X, y, models=["tree"], cv=2, random_state=seed + 1)
    assert not np.array_equal(a.predictions["random_forest"].fold, c.predictions["tree"].fold)


def test_scores_equal_a_manual_cross_val_score_of_the_same_pipeline(cancer, cancer_result):
    X, y = cancer
    for name in ["linear", "knn"]:
        manual = cross_val_score(
            cancer_result.make_estimator(name),
            X,
            y,
            cv=StratifiedKFold(3, shuffle=True, random_state=0),
            scoring="accuracy",
        )
        row = cancer_result.leaderboard.set_index("model").loc[name]
        assert np.isclose(row["accuracy_mean"], manual.mean())
        assert np.isclose(row["accuracy_std"], manual.std())


class _Spy(TransformerMixin, BaseEstimator):
    """Records how many rows each preprocessing fit saw."""

    fitted_rows: list[int] = []

    def fit(self, X, y=None):
        _Spy.fitted_rows.append(len(X))
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X):
        return X


def test_no_leakage_preprocessing_is_fitted_on_training_folds_only(monkeypatch):
    from sklearn.pipeline import Pipeline

    original = _schema.SchemaPlan.make_preprocessor

    def spied(self):
        return Pipeline([("spy", _Spy()), ("prep", original(self))])

    monkeypatch.setattr(_schema.SchemaPlan, "make_preprocessor", spied)
    _Spy.fitted_rows.clear()
    X, y = load_iris(return_X_y=True)
    compare_models(X, y, models=["knn"], cv=5)
    # 150 rows, 5 folds: every fit sees the 120 training rows, never all 150
    assert _Spy.fitted_rows == [120] * 5


def test_no_leakage_scaler_fitted_on_all_rows_would_score_differently():
    # A feature whose scale differs wildly between rows: scaling with all the
    # data (leak) and within folds give different kNN predictions, and
    # compare_models must match the within-fold version.
    rng = np.random.default_rng(0)
    X = pd.DataFrame({"a": rng.normal(size=60), "b": rng.lognormal(3, 2, size=60)})
    y = (X["a"] + rng.normal(scale=0.8, size=60) > 0).astype(int)
    result = compare_models(X, y, models=["knn"], cv=3, random_state=0)
    folds = StratifiedKFold(3, shuffle=True, random_state=0)
    inside = cross_val_score(result.make_estimator("knn"), X, y, cv=folds).mean()
    assert np.isclose(result.leaderboard.loc[0, "accuracy_mean"], inside)


def test_messy_csv_end_to_end():
    frame = pd.read_csv(MESSY)
    result = compare_models(
        frame.drop(columns="churned"), frame["churned"], models=["linear", "xgboost"], cv=3
    )
    assert result.task == "classification"
    assert result.classes.tolist() == ["no", "yes"]
    assert set(result.plan.dropped) == {"customer_id", "country", "comment"}
    assert result.n_samples == len(frame) - 2
    assert any("dropped 2 row(s) whose target 'churned' is missing" in m for m in result.messages)
    assert (result.leaderboard["accuracy_mean"] > 0.75).all()
    assert set(np.unique(result.predictions["xgboost"].y_pred)) <= {"no", "yes"}
    model = result.fit_best(frame.drop(columns="churned"), frame["churned"])
    assert set(model.predict(frame[result.plan.used_columns])) <= {"no", "yes"}


def test_messy_csv_regression_on_a_numeric_column():
    frame = pd.read_csv(MESSY)
    result = compare_models(
        frame.drop(columns="lifetime_value"),
        frame["lifetime_value"],
        models=["linear", "random_forest"],
        cv=3,
    )
    assert result.task == "regression"
    assert result.leaderboard.loc[0, "r2_mean"] > 0.8


def test_labels_differing_only_in_case_or_spaces_are_one_class():
    rng = np.random.default_rng(0)
    X = pd.DataFrame({"x": rng.normal(size=120)})
    clean = np.where(X["x"] > 0, "yes", "no").astype(object)
    messy = clean.copy()
    messy[:20] = [v.capitalize() for v in clean[:20]]  # "Yes", "No"
    messy[20:30] = [f" {v.upper()} " for v in clean[20:30]]  # " YES ", " NO "
    y = pd.Series(messy, name="churn")
    result = compare_models(X, y, models=["tree"], cv=3, random_state=0)
    assert result.classes.tolist() == ["no", "yes"]  # the most used spelling wins
    assert set(result.label_map) == {"Yes", "No", " YES ", " NO "}
    assert {result.label_map["Yes"], result.label_map[" YES "]} == {"yes"}
    assert any(
        m.startswith("target 'churn': labels that differ only in case or spaces are one class")
        and "' NO ', 'No' -> 'no'" in m
        for m in result.messages
    ), result.messages
    # the same scores as on the clean labels, and predictions in the merged spelling
    reference = compare_models(X, pd.Series(clean, name="churn"), models=["tree"], cv=3)
    scores = [c for c in result.leaderboard.columns if not c.endswith("time_s")]
    pd.testing.assert_frame_equal(result.leaderboard[scores], reference.leaderboard[scores])
    model = result.fit_best(X, y)
    assert set(model.predict(X)) == {"no", "yes"}
    # numbers and clean text are left alone
    assert compare_models(X, clean, models=["tree"], cv=2).label_map == {}
    assert _engine._merge_label_spellings(np.array([1, 2, 2])) == {}
    # a tie goes to the spelling that sorts first
    assert _engine._merge_label_spellings(np.array(["b", "B", "a"], dtype=object)) == {"b": "B"}


def test_one_class_written_several_ways_is_still_one_class():
    X = pd.DataFrame({"x": range(6)})
    y = pd.Series(["Yes", "yes", "YES", "yes ", "yes", "yes"], name="y")
    with pytest.raises(
        ValueError, match=r"The target 'y' has one class only \('yes', written in 4 ways\)"
    ):
        compare_models(X, y, models=["tree"], cv=2)


def test_string_labels_work_with_xgboost_without_touching_the_data():
    X, y = load_iris(return_X_y=True)
    names = pd.Series(np.array(["setosa", "versicolor", "virginica"])[y], name="species")
    before = names.copy()
    result = compare_models(X, names, models=["xgboost"], cv=3)
    pd.testing.assert_series_equal(names, before)
    assert result.classes.tolist() == ["setosa", "versicolor", "virginica"]
    assert result.leaderboard.loc[0, "accuracy_mean"] > 0.9
    assert result.target_name == "species"


def test_label_encoded_classifier_round_trip():
    from sklearn.tree import DecisionTreeClassifier

    X = np.arange(8.0).reshape(-1, 1)
    y = np.array(["b", "b", "a", "a", "c", "c", "a", "b"])
    clf = LabelEncodedClassifier(DecisionTreeClassifier(random_state=0)).fit(X, y)
    assert clf.classes_.tolist() == ["a", "b", "c"]
    np.testing.assert_array_equal(clf.predict(X), y)
    assert clf.predict_proba(X).shape == (8, 3)
    assert not hasattr(LabelEncodedClassifier(_NoProba()), "predict_proba")


class _NoProba(BaseEstimator):
    def fit(self, X, y):
        return self

    def predict(self, X):
        return np.zeros(len(X), dtype=int)


def test_multiclass_defaults_and_roc_auc_one_vs_rest():
    from mlcourse.experiment import default_metrics

    X, y = load_iris(return_X_y=True)
    assert default_metrics("classification", n_classes=3) == ["accuracy", "f1_macro"]
    ranked = compare_models(X, y, models=["linear", "tree"], cv=3, metric="roc_auc")
    assert ranked.metric == "roc_auc" and ranked.metrics[1:] == ["accuracy", "f1_macro"]
    assert ranked.leaderboard["roc_auc_mean"].iloc[0] > 0.95


def test_metric_choice_changes_ranking_direction(diabetes_result):
    X, y = load_diabetes(return_X_y=True)
    result = compare_models(X, y, models=["linear", "tree"], cv=3, metric="R2")
    assert result.metric == "r2" and result.greater_is_better
    assert result.leaderboard["r2_mean"].is_monotonic_decreasing
    assert result.metrics == ["r2", "rmse", "mae"]


@pytest.mark.parametrize(
    ("y", "task"),
    [
        (["spam", "ham", "spam"], "classification"),
        ([True, False, True], "classification"),
        ([0, 1, 2, 1, 0], "classification"),
        ([0.0, 1.0, 1.0, 0.0], "classification"),
        (list(range(50)), "regression"),
        ([0.5, 1.25, 3.0], "regression"),
        (pd.Series(["a", "b"], dtype="category"), "classification"),
    ],
)
def test_detect_task(y, task):
    assert detect_task(y)[0] == task


def test_task_can_be_forced():
    X, y = load_iris(return_X_y=True)
    result = compare_models(X, y, task="regression", models=["linear"], cv=3)
    assert result.task == "regression" and result.metric == "rmse"
    assert any("as asked" in m for m in result.messages)


def test_time_budget_skips_models_after_the_first():
    X, y = load_iris(return_X_y=True)
    events: list[ProgressEvent] = []
    result = compare_models(
        X, y, models=["linear", "tree", "knn"], cv=3, time_budget=1e-9, progress=events.append
    )
    assert result.leaderboard["model"].tolist() == ["linear"]
    assert result.skipped == ["tree", "knn"]
    assert any("skipped: tree, knn" in m for m in result.messages)
    assert [e.model for e in events if e.stage == "skipped"] == ["tree", "knn"]


def test_progress_events_in_order():
    X, y = load_iris(return_X_y=True)
    events: list[ProgressEvent] = []
    compare_models(X, y, models=["linear", "tree"], cv=3, progress=events.append)
    stages = [(e.stage, e.model, e.fold) for e in events]
    assert stages[0] == ("prepared", "", 0)
    assert events[0].plan is not None and events[0].n_models == 2 and events[0].n_folds == 3
    assert stages[1:] == [
        ("start", "linear", 0),
        ("fold", "linear", 1),
        ("fold", "linear", 2),
        ("fold", "linear", 3),
        ("done", "linear", 3),
        ("start", "tree", 0),
        ("fold", "tree", 1),
        ("fold", "tree", 2),
        ("fold", "tree", 3),
        ("done", "tree", 3),
    ]


def test_a_failing_model_is_reported_and_the_others_run(monkeypatch):
    original = _engine.build_estimator

    class _Broken(_NoProba):
        def fit(self, X, y):
            raise RuntimeError("cannot fit this")

    def build(plan, name, task, random_state):
        return _Broken() if name == "tree" else original(plan, name, task, random_state)

    monkeypatch.setattr(_engine, "build_estimator", build)
    X, y = load_iris(return_X_y=True)
    result = compare_models(X, y, models=["tree", "linear"], cv=3)
    assert result.leaderboard["model"].tolist() == ["linear"]
    assert result.failed == {"tree": "RuntimeError: cannot fit this"}


def test_warnings_are_collected_not_shown():
    X, y = load_iris(return_X_y=True)
    from mlcourse.supervised import make_model

    assert make_model("linear", "classification").max_iter == 1000
    result = compare_models(X * 1e4, y, models=["linear"], cv=3)
    assert isinstance(result.warnings, dict)


# ------------------------------------------------------------------ bad input


@pytest.fixture(scope="module")
def small():
    X, y = load_iris(return_X_y=True)
    return X, y


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (
            {"models": ["linear", "boost"]},
            ValueError,
            r"The 'models' parameter of compare_models must be model names among 'linear', 'knn', 'svm', 'tree', 'random_forest', 'xgboost', 'linear_gd', 'knn_scratch' for task='classification'\. Got 'boost' instead\.",
        ),
        ({"models": []}, ValueError, r"The 'models' parameter"),
        (
            {"metric": "rmse"},
            ValueError,
            r"The 'metric' parameter of compare_models must be one of 'accuracy', .* for task='classification'\. Got 'rmse' instead\.",
        ),
        (
            {"cv": 1},
            ValueError,
            r"The 'cv' parameter of compare_models must be an int in the range \[2, inf\)\. Got 1 instead\.",
        ),
        ({"cv": "5"}, ValueError, r"The 'cv' parameter"),
        ({"cv": 60}, ValueError, r"class 0 has only 50 row\(s\)"),
        (
            {"time_budget": 0},
            ValueError,
            r"The 'time_budget' parameter of compare_models must be a float in the range \(0, inf\)",
        ),
        (
            {"task": "clustering"},
            ValueError,
            r"The 'task' parameter of compare_models must be one of 'classification', 'regression' or None",
        ),
        ({"random_state": -3}, ValueError, r"random_state"),
    ],
)
def test_bad_arguments(small, kwargs, error, match):
    X, y = small
    with pytest.raises(error, match=match):
        compare_models(X, y, **kwargs)


def test_bad_targets(small):
    X, _ = small
    n = len(X)
    with pytest.raises(
        ValueError, match=r"The target 'label' has no values: all 150 are missing\."
    ):
        compare_models(X, pd.Series([np.nan] * n, name="label"))
    with pytest.raises(
        ValueError,
        match=r"The target 'label' has one class only \('a'\): classification needs at least two classes\.",
    ):
        compare_models(X, pd.Series(["a"] * n, name="label"))
    words = pd.Series(["a", "b"] * (n // 2), name="label")
    with pytest.raises(
        ValueError,
        match=r"The target 'label' is not numeric \(e\.g\. 'a'\), so it cannot be used for regression",
    ):
        compare_models(X, words, task="regression")
    with pytest.raises(ValueError, match=r"inconsistent numbers of samples: X has 150, y has 3"):
        compare_models(X, [0, 1, 0])
    with pytest.raises(ValueError, match="The 'X' parameter of compare_models must be a 2-D table"):
        compare_models(np.arange(5), np.arange(5))


def test_default_panel_leaves_svm_out_on_large_data():
    names, messages = _engine._resolve_models(None, "classification", 6000)
    assert names == ["linear", "knn", "tree", "random_forest", "xgboost"]
    assert "svm left out of the default panel: 6000 rows > 5000" in messages[0]
    assert _engine._resolve_models("svm, tree", "regression", 6000) == (["svm", "tree"], [])
    assert _engine._resolve_models(["rf", "random_forest"], "regression", 10)[0] == [
        "random_forest"
    ]


def test_from_scratch_models_run_only_when_named_and_match_sklearn(cancer, cancer_result):
    assert "linear_gd" not in _engine._resolve_models(None, "regression", 100)[0]
    X, y = cancer
    result = compare_models(X, y, cv=3, random_state=0, models="knn_scratch, logistic_gd")
    assert sorted(result.leaderboard["model"]) == ["knn_scratch", "linear_gd"]
    assert result.failed == {}
    # same folds, same preprocessing: our kNN predicts exactly what sklearn's does
    ours_pred, ref_pred = result.predictions["knn_scratch"], cancer_result.predictions["knn"]
    np.testing.assert_array_equal(ours_pred.y_pred, ref_pred.y_pred)
    np.testing.assert_allclose(ours_pred.y_proba, ref_pred.y_proba, rtol=0, atol=1e-12)
    ours = result.leaderboard.set_index("model")["accuracy_mean"]
    ref = cancer_result.leaderboard.set_index("model")["accuracy_mean"]
    assert ours["knn_scratch"] == ref["knn"]
    assert abs(ours["linear_gd"] - ref["linear"]) <= 0.02, (ours, ref)


def test_from_scratch_models_on_the_messy_csv():
    data = pd.read_csv(MESSY)
    X, y = data.drop(columns="tenure_months"), data["tenure_months"]
    result = compare_models(X, y, task="regression", cv=3, random_state=0, models=["linear_gd"])
    assert result.failed == {}
    assert np.isfinite(result.leaderboard["rmse_mean"]).all()


# ------------------------------------------------------------------ properties


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=2, max_size=60))
def test_property_few_distinct_integers_are_classes(values):
    assert detect_task(values)[0] == "classification"
    assert detect_task([float(v) for v in values])[0] == "classification"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=2, max_size=60).filter(
        lambda v: any(x != round(x) for x in v)
    )
)
def test_property_fractional_numbers_are_regression(values):
    assert detect_task(values)[0] == "regression"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["spam", "ham", "eggs", "Spam"]), min_size=4, max_size=40))
def test_property_label_encoded_classifier_predicts_original_labels(labels):
    from sklearn.tree import DecisionTreeClassifier

    X = np.arange(len(labels), dtype=float).reshape(-1, 1)
    clf = LabelEncodedClassifier(DecisionTreeClassifier(random_state=0)).fit(X, labels)
    assert clf.classes_.tolist() == sorted(set(labels))
    np.testing.assert_array_equal(clf.predict(X), labels)  # a full tree memorises

"""tune(): determinism, pruning (per fold and per boosting round), clean saved model, grid == GridSearchCV."""

from __future__ import annotations

import numpy as np
import optuna
import pandas as pd
import pytest
from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold

from mlcourse.datasets import load_breast_cancer, load_diabetes
from mlcourse.tuning import tune
from mlcourse.tuning._tune import FOLD_STEP

optuna.logging.set_verbosity(optuna.logging.WARNING)


@pytest.fixture(autouse=True, scope="module")
def _one_blas_thread():
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def cancer():
    return load_breast_cancer(return_X_y=True)


@pytest.fixture(scope="module")
def diabetes():
    return load_diabetes(return_X_y=True)


def _memory():
    return optuna.storages.InMemoryStorage()


def test_same_seed_same_study(cancer):
    X, y = cancer
    runs = [
        tune(
            "knn",
            X,
            y,
            n_trials=6,
            cv=3,
            random_state=3,
            storage="memory",
            baseline=False,
            refit=False,
        )
        for _ in range(2)
    ]
    assert runs[0].best_params_ == runs[1].best_params_
    pd.testing.assert_series_equal(runs[0].cv_results_["value"], runs[1].cv_results_["value"])
    other = tune(
        "knn", X, y, n_trials=6, cv=3, random_state=4, storage="memory", baseline=False, refit=False
    )
    assert (
        other.cv_results_["param_n_neighbors"].tolist()
        != runs[0].cv_results_["param_n_neighbors"].tolist()
    )


def test_objective_is_the_mean_of_the_fold_scores(cancer):
    X, y = cancer
    result = tune("tree", X, y, n_trials=3, cv=4, random_state=0, storage="memory", pruner="none")
    for _, row in result.cv_results_.iterrows():
        assert len(row["fold_scores"]) == 4
        assert row["value"] == pytest.approx(np.mean(row["fold_scores"]))
    assert result.best_score_ == result.cv_results_["value"].max()
    assert len(result.baseline_fold_scores) == 4
    assert result.baseline_score_ == pytest.approx(np.mean(result.baseline_fold_scores))


def test_grid_search_equals_gridsearchcv(cancer):
    X, y = cancer
    space = {"max_depth": ("categorical", [1, 3, 5]), "min_samples_leaf": ("int", 1, 21)}
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    result = tune(
        "tree",
        X,
        y,
        space=space,
        n_trials=9,
        cv=cv,
        sampler="grid",
        grid_points=3,
        pruner="none",
        random_state=0,
        storage="memory",
    )
    assert sorted(
        map(
            tuple, result.cv_results_[["param_max_depth", "param_min_samples_leaf"]].values.tolist()
        )
    ) == [(d, m) for d in (1, 3, 5) for m in (1, 11, 21)]  # the whole grid, once each
    search = GridSearchCV(
        result.make_estimator({}),
        {
            "estimator__model__max_depth": [1, 3, 5],
            "estimator__model__min_samples_leaf": [1, 11, 21],
        },
        cv=cv,
        scoring="accuracy",
    ).fit(X[result.plan.used_columns], y)
    assert result.best_score_ == pytest.approx(search.best_score_, abs=1e-12)
    ours = {
        (r.param_max_depth, r.param_min_samples_leaf): r.value
        for r in result.cv_results_.itertuples()
    }
    for params, score in zip(
        search.cv_results_["params"], search.cv_results_["mean_test_score"], strict=True
    ):
        key = (params["estimator__model__max_depth"], params["estimator__model__min_samples_leaf"])
        assert ours[key] == pytest.approx(score, abs=1e-12)


def test_regression_rmse_is_minimised_and_matches_sklearn(diabetes):
    X, y = diabetes
    cv = KFold(n_splits=3, shuffle=True, random_state=0)
    space = {"max_depth": ("categorical", [2, 4])}
    result = tune(
        "tree",
        X,
        y,
        space=space,
        n_trials=2,
        cv=cv,
        sampler="grid",
        pruner="none",
        random_state=0,
        storage="memory",
    )
    assert result.metric == "rmse" and not result.greater_is_better
    assert result.study.direction.name == "MINIMIZE"
    search = GridSearchCV(
        result.make_estimator({}),
        {"model__max_depth": [2, 4]},
        cv=cv,
        scoring="neg_root_mean_squared_error",
    ).fit(X, y)
    assert result.best_score_ == pytest.approx(-search.best_score_, rel=1e-12)


def _study_with_queue(name, direction, queue):
    storage = _memory()
    study = optuna.create_study(storage=storage, study_name=name, direction=direction)
    for params in queue:
        study.enqueue_trial(params)
    return storage


def test_median_pruner_prunes_a_bad_trial_after_its_first_fold(diabetes):
    X, y = diabetes
    good = {"learning_rate": 0.1, "batch_size": "full", "max_iter": 200, "alpha": 1e-4}
    bad = {"learning_rate": 1e-4, "batch_size": "full", "max_iter": 10, "alpha": 1e-4}
    storage = _study_with_queue("gd", "minimize", [good] * 5 + [bad])
    result = tune(
        "linear_gd",
        X,
        y,
        n_trials=6,
        cv=4,
        random_state=0,
        storage=storage,
        study_name="gd",
        pruner="median",
        refit=False,
        baseline=False,
    )
    states = result.cv_results_["state"].tolist()
    assert states == ["COMPLETE"] * 5 + ["PRUNED"]
    last = result.study.trials[-1]
    assert list(last.intermediate_values) == [FOLD_STEP]  # stopped after fold 1 of 4
    no_pruning = tune(
        "linear_gd",
        X,
        y,
        n_trials=6,
        cv=4,
        random_state=0,
        storage=_study_with_queue("gd", "minimize", [good] * 5 + [bad]),
        study_name="gd",
        pruner="none",
        refit=False,
        baseline=False,
    )
    assert no_pruning.cv_results_["state"].tolist() == ["COMPLETE"] * 6


def test_xgboost_trial_pruned_between_boosting_rounds_and_callback_not_kept(cancer, tmp_path):
    from mlcourse.experiment import load_model, save_model

    X, y = cancer
    good = {
        "learning_rate": 0.2,
        "max_depth": 3,
        "n_estimators": 60,
        "subsample": 1.0,
        "colsample_bytree": 1.0,
        "reg_lambda": 1.0,
        "min_child_weight": 1.0,
    }
    bad = {
        **good,
        "learning_rate": 0.001,
        "max_depth": 2,
        "n_estimators": 200,
        "min_child_weight": 10.0,
    }
    storage = _study_with_queue("xgb", "maximize", [good] * 5 + [bad])
    result = tune(
        "xgboost",
        X,
        y,
        n_trials=6,
        cv=3,
        random_state=0,
        storage=storage,
        study_name="xgb",
        pruner="median",
        baseline=False,
    )
    last = result.study.trials[-1]
    assert last.state.name == "PRUNED"
    steps = list(last.intermediate_values)
    assert steps and max(steps) < FOLD_STEP  # pruned inside the first fold, at a boosting round
    assert max(steps) >= 50  # not before the warm-up rounds
    complete = result.study.trials[0]
    assert sorted(complete.intermediate_values)[-3:] == [FOLD_STEP, 2 * FOLD_STEP, 3 * FOLD_STEP]
    assert 10 in complete.intermediate_values  # per-round reports of the first fold
    # the refitted model and the template carry no callback
    model = result.best_estimator_.estimator_.named_steps["model"]
    assert model.callbacks is None
    assert result.make_estimator().estimator.named_steps["model"].callbacks is None
    path = save_model(
        result.best_estimator_,
        tmp_path / "m.skops",
        input_columns=result.plan.used_columns,
        task="classification",
        target="target",
        model_name="xgboost",
    )
    import skops.io as sio

    assert not [t for t in sio.get_untrusted_types(file=path) if "tuning" in t]
    loaded = load_model(path)
    assert loaded.estimator.estimator_.named_steps["model"].callbacks is None
    np.testing.assert_array_equal(
        loaded.estimator.predict(X.head(20)), result.best_estimator_.predict(X.head(20))
    )


def test_string_labels_and_xgboost(cancer):
    X, y = cancer
    labels = np.where(y == 1, "benign", "malignant")
    result = tune(
        "xgboost",
        X,
        labels,
        n_trials=2,
        cv=3,
        random_state=0,
        storage="memory",
        pruner="none",
        baseline=False,
        space={"max_depth": ("int", 2, 3), "n_estimators": ("int", 20, 30)},
    )
    assert set(result.best_estimator_.predict(X.head(30))) <= {"benign", "malignant"}
    assert result.best_score_ > 0.9


def test_resume_and_seed_stored_in_the_study(cancer):
    X, y = cancer
    storage = _memory()
    first = tune(
        "tree", X, y, n_trials=2, cv=3, storage=storage, study_name="s", refit=False, baseline=False
    )  # random_state=None: a fresh seed, stored
    second = tune(
        "tree", X, y, n_trials=4, cv=3, storage=storage, study_name="s", refit=False, baseline=False
    )
    assert second.random_state == first.random_state
    assert len(second.study.trials) == 4  # 2 more, not 4 more
    assert second.study.user_attrs["mlcourse_seed"] == first.random_state
    with pytest.raises(ValueError, match="created with model='tree', not 'knn'"):
        tune("knn", X, y, n_trials=4, cv=3, storage=storage, study_name="s")


def test_refit_false_and_estimator_objects(diabetes):
    from mlcourse.supervised import LinearRegressionGD

    X, y = diabetes
    result = tune(
        LinearRegressionGD(max_iter=50),
        X,
        y,
        n_trials=2,
        cv=2,
        random_state=0,
        storage="memory",
        refit=False,
        baseline=False,
    )
    assert result.best_estimator_ is None and result.model_name == "LinearRegressionGD"
    assert result.make_estimator().named_steps["model"].max_iter == result.best_params_["max_iter"]
    from sklearn.linear_model import Lasso

    result = tune(
        Lasso(),
        X,
        y,
        space={"alpha": ("float", 0.01, 10.0, "log")},
        n_trials=2,
        cv=2,
        random_state=0,
        storage="memory",
        baseline=False,
    )
    assert result.best_estimator_.predict(X.head(3)).shape == (3,)


def test_all_trials_failing_stops_with_a_clear_error(cancer):
    X, y = cancer
    with pytest.raises(ValueError, match="trials all failed.*kernel"):
        tune(
            "svm",
            X,
            y,
            space={"kernel": ("categorical", ["no-such-kernel"])},
            n_trials=20,
            cv=2,
            random_state=0,
            storage="memory",
        )


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"n_trials": 0}, ValueError, "'n_trials' parameter of tune"),
        ({"scoring": "rmse"}, ValueError, "'scoring' parameter of tune must be one of 'accuracy'"),
        ({"sampler": "bayes"}, ValueError, "'sampler' parameter of tune"),
        ({"pruner": "hyperband"}, ValueError, "'pruner' parameter of tune"),
        ({"cv": 1}, ValueError, "'cv' parameter of tune"),
        ({"timeout": -1}, ValueError, "'timeout' parameter of tune"),
        ({"task": "clustering"}, ValueError, "'task' parameter of tune"),
        ({"space": {"depth": ("int", 1, 3)}}, ValueError, "hyperparameters of DecisionTree"),
        ({"study_name": ""}, ValueError, "'study_name' parameter of tune"),
        ({"refit": "yes"}, TypeError, "'refit' parameter of tune"),
    ],
)
def test_bad_input(cancer, kwargs, error, match):
    X, y = cancer
    args = {"n_trials": 1, "cv": 2, "random_state": 0, "storage": "memory", **kwargs}
    with pytest.raises(error, match=match):
        tune("tree", X, y, **args)


def test_bad_model(cancer):
    from sklearn.linear_model import Ridge

    X, y = cancer
    with pytest.raises(ValueError, match="'name' parameter"):
        tune("naive_bayes", X, y, n_trials=1, storage="memory")
    with pytest.raises(ValueError, match="an estimator for task='classification'"):
        tune(Ridge(), X, y, n_trials=1, storage="memory", space={"alpha": ("float", 1, 2)})
    with pytest.raises(TypeError, match="a zoo name or a scikit-learn estimator"):
        tune(42, X, y, n_trials=1, storage="memory")

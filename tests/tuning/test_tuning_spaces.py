"""Search spaces: every zoo model's space samples valid hyperparameters; the spec format is checked."""

from __future__ import annotations

import math
import warnings

import numpy as np
import optuna
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlcourse.datasets import load_breast_cancer, load_diabetes
from mlcourse.supervised import (
    LinearRegressionGD,
    LogisticRegressionGD,
    available_models,
    make_model,
)
from mlcourse.tuning import check_space, default_space, discretize_space, sample_params
from mlcourse.tuning._spaces import space_model_key

optuna.logging.set_verbosity(optuna.logging.WARNING)


@pytest.fixture(autouse=True, scope="module")
def _one_blas_thread():
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


def _tiny(task):
    if task == "classification":
        X, y = load_breast_cancer(return_X_y=True, as_frame=False)
        idx = np.r_[0:30, 540:569]  # both classes
    else:
        X, y = load_diabetes(return_X_y=True, as_frame=False)
        idx = np.arange(60)
    X = (X[idx] - X[idx].mean(0)) / X[idx].std(0)
    return X, y[idx]


CASES = [
    (task, name)
    for task in ("classification", "regression", "clustering")
    for name in available_models(task)
]


def _build(task, name, params):
    return make_model(name, task, random_state=0, **params)


@pytest.mark.parametrize(("task", "name"), CASES)
def test_every_space_samples_params_the_model_accepts(task, name):
    space = default_space(name, task)
    model = _build(task, name, {})
    assert check_space(space, estimator=model) == space  # names are hyperparameters
    X, y = _tiny("classification" if task == "clustering" else task)
    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=0))
    for _ in range(3):
        params = sample_params(study.ask(), space)
        assert set(params) == set(space)
        for key, spec in space.items():
            value = params[key]
            if spec[0] == "categorical":
                assert value in spec[1]
            else:
                assert spec[1] <= value <= spec[2]
                assert isinstance(value, int if spec[0] == "int" else float)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fitted = _build(task, name, params).fit(X, None if task == "clustering" else y)
        assert len(fitted.predict(X[:5])) == 5


def test_xgboost_space_is_the_one_of_the_brief():
    space = default_space("xgb", "classification")
    assert set(space) == {
        "learning_rate",
        "max_depth",
        "n_estimators",
        "subsample",
        "colsample_bytree",
        "reg_lambda",
        "min_child_weight",
    }
    assert space["learning_rate"][-1] == "log" and space["reg_lambda"][-1] == "log"
    assert set(default_space("linear_gd", "regression")) == {
        "learning_rate",
        "batch_size",
        "max_iter",
        "alpha",
    }


def test_default_space_is_a_copy_and_can_be_extended():
    space = default_space("knn", "classification")
    space["n_neighbors"] = ("int", 3, 5)
    space["weights"][1].append("other")
    fresh = default_space("knn", "classification")
    assert fresh["n_neighbors"] == ("int", 1, 50, "log")
    assert fresh["weights"] == ("categorical", ["uniform", "distance"])


def test_space_for_estimator_objects():
    assert space_model_key(LogisticRegressionGD(), "classification") == "linear_gd"
    assert space_model_key("logistic_gd", "classification") == "linear_gd"
    assert default_space(LinearRegressionGD(), "regression") == default_space("gd", "regression")
    from mlcourse.supervised import KNeighborsClassifier

    assert space_model_key(KNeighborsClassifier(), "classification") == "knn_scratch"
    assert default_space(make_model("rf", "regression"), "regression") == default_space(
        "random_forest", "regression"
    )
    from sklearn.linear_model import Lasso

    with pytest.raises(ValueError, match="pass space= for other estimators"):
        default_space(Lasso(), "regression")


def test_unknown_model_or_task():
    with pytest.raises(ValueError, match="'name' parameter of canonical_model_name"):
        default_space("naive_bayes", "classification")
    with pytest.raises(ValueError, match="'task' parameter of default_space"):
        default_space("knn", "ranking")


@pytest.mark.parametrize(
    ("space", "error", "match"),
    [
        (["max_depth"], TypeError, "must be a dict"),
        ({}, ValueError, "at least one hyperparameter"),
        ({"a": ("integer", 1, 2)}, ValueError, r"space\['a'\]"),
        ({"a": ("int", 1, 2.5)}, ValueError, "with ints low <= high"),
        ({"a": ("int", 5, 2)}, ValueError, "low <= high"),
        ({"a": ("float", 0.0, 1.0, "log")}, ValueError, "low > 0"),
        ({"a": ("float", 0.1, 1.0, "ln")}, ValueError, "'log'"),
        ({"a": ("float", 0.1, float("inf"))}, ValueError, "numbers"),
        ({"a": ("float", True, 2.0)}, ValueError, "numbers"),
        ({"a": ("categorical", [])}, ValueError, "at least one choice"),
        ({"a": ("categorical", [[1, 2]])}, ValueError, "None, bool, int, float or str"),
        ({1: ("int", 1, 2)}, TypeError, "str keys"),
    ],
)
def test_check_space_rejects_bad_specs(space, error, match):
    with pytest.raises(error, match=match):
        check_space(space)


def test_check_space_names_must_be_hyperparameters():
    with pytest.raises(ValueError, match="hyperparameters of DecisionTreeClassifier.*'depth'"):
        check_space({"depth": ("int", 1, 3)}, estimator=make_model("tree", "classification"))


def test_discretize_space_by_hand():
    grid = discretize_space(
        {
            "d": ("int", 1, 4),
            "lr": ("float", 0.01, 1.0, "log"),
            "k": ("int", 1, 100, "log"),
            "w": ("categorical", ["a", "b"]),
        },
        n_points=3,
    )
    assert grid == {"d": [1, 2, 4], "lr": [0.01, 0.1, 1.0], "k": [1, 10, 100], "w": ["a", "b"]}
    assert discretize_space({"d": ("int", 1, 2)}, n_points=5) == {"d": [1, 2]}  # no duplicates
    assert discretize_space({"x": ("float", 1.0, 3.0)}, n_points=1) == {"x": [2.0]}
    with pytest.raises(ValueError, match="'n_points' parameter of discretize_space"):
        discretize_space({"x": ("float", 1.0, 3.0)}, n_points=0)


@settings(max_examples=60, deadline=None)
@given(
    low=st.floats(1e-6, 1e3),
    width=st.floats(0, 1e3),
    log=st.booleans(),
    n_points=st.integers(1, 12),
    integer=st.booleans(),
)
def test_discretize_space_stays_in_range(low, width, log, n_points, integer):
    if integer:
        lo, hi = max(1, int(low)), max(1, int(low)) + int(width)
        spec = ("int", lo, hi, "log") if log else ("int", lo, hi)
    else:
        lo, hi = low, low + width
        spec = ("float", lo, hi, "log") if log else ("float", lo, hi)
    values = discretize_space({"p": spec}, n_points=n_points)["p"]
    assert 1 <= len(values) <= n_points
    assert all(lo <= v <= hi for v in values)
    assert values == sorted(values)
    if n_points >= 2 and hi > lo and not integer:
        assert math.isclose(values[0], lo, rel_tol=1e-5) and math.isclose(
            values[-1], hi, rel_tol=1e-5
        )

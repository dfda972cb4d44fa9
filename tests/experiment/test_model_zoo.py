"""The model zoo: names, defaults, errors, and that every model fits."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone, is_classifier, is_regressor
from sklearn.datasets import make_blobs, make_classification, make_regression

from mlcourse.supervised import available_models, make_model, model_description
from mlcourse.supervised._zoo import TASKS, canonical_model_name

PANEL = ["linear", "knn", "svm", "tree", "random_forest", "xgboost"]
SCRATCH = ["linear_gd", "knn_scratch"]
ALL = PANEL + SCRATCH


def test_available_models_per_task():
    assert available_models("classification") == ALL
    assert available_models("regression") == ALL
    assert available_models("clustering") == ["kmeans"]
    assert available_models("classification", panel=True) == PANEL
    assert available_models("regression", panel=True) == PANEL
    assert available_models("clustering", panel=True) == ["kmeans"]
    assert TASKS == ("classification", "regression", "clustering")
    with pytest.raises(TypeError, match="The 'panel' parameter of available_models must be a bool"):
        available_models("regression", panel="yes")


def test_unknown_task_is_a_clear_error():
    with pytest.raises(
        ValueError,
        match=r"The 'task' parameter of available_models must be one of 'classification', 'regression', 'clustering'\. Got 'ranking' instead\.",
    ):
        available_models("ranking")
    with pytest.raises(TypeError, match="The 'task' parameter of make_model must be a str"):
        make_model("tree", 3)


def test_unknown_name_lists_the_valid_names():
    with pytest.raises(
        ValueError,
        match=r"must be one of 'linear', 'knn', 'svm', 'tree', 'random_forest', 'xgboost', "
        r"'linear_gd', 'knn_scratch' for task='classification'\. Got 'boosting' instead",
    ):
        make_model("boosting", "classification")
    with pytest.raises(ValueError, match=r"one of 'kmeans' for task='clustering'\. Got 'tree'"):
        make_model("tree", "clustering")
    with pytest.raises(TypeError, match="The 'name' parameter of make_model"):
        make_model(None, "regression")


@pytest.mark.parametrize(
    ("name", "task", "cls"),
    [
        ("linear", "classification", "LogisticRegression"),
        ("linear", "regression", "LinearRegression"),
        ("knn", "classification", "KNeighborsClassifier"),
        ("knn", "regression", "KNeighborsRegressor"),
        ("svm", "classification", "SVC"),
        ("svm", "regression", "SVR"),
        ("tree", "classification", "DecisionTreeClassifier"),
        ("tree", "regression", "DecisionTreeRegressor"),
        ("random_forest", "classification", "RandomForestClassifier"),
        ("random_forest", "regression", "RandomForestRegressor"),
        ("xgboost", "classification", "XGBClassifier"),
        ("xgboost", "regression", "XGBRegressor"),
        ("kmeans", "clustering", "KMeans"),
        ("linear_gd", "classification", "mlcourse.supervised._linear_gd.LogisticRegressionGD"),
        ("linear_gd", "regression", "mlcourse.supervised._linear_gd.LinearRegressionGD"),
        ("knn_scratch", "classification", "mlcourse.supervised._knn.KNeighborsClassifier"),
        ("knn_scratch", "regression", "mlcourse.supervised._knn.KNeighborsRegressor"),
    ],
)
def test_make_model_builds_the_right_unfitted_estimator(name, task, cls):
    model = make_model(name, task, random_state=3)
    if "." in cls:  # ours, not sklearn's class of the same name
        assert f"{type(model).__module__}.{type(model).__name__}" == cls
    else:
        assert type(model).__name__ == cls
    assert clone(model).get_params() == model.get_params()  # sklearn-compatible params
    if task == "classification":
        assert is_classifier(model)
    if task == "regression":
        assert is_regressor(model)
    if "random_state" in model.get_params():
        assert model.get_params()["random_state"] == 3
    assert isinstance(model_description(name, task), str)


def test_xgboost_defaults_are_fast_and_cpu():
    model = make_model("xgboost", "classification")
    params = model.get_params()
    assert params["tree_method"] == "hist"
    assert params["n_jobs"] == 1


def test_params_override_defaults_and_unknown_params_are_refused():
    model = make_model("random_forest", "regression", n_estimators=7, max_depth=2)
    assert (model.n_estimators, model.max_depth) == (7, 2)
    with pytest.raises(
        ValueError, match=r"hyperparameters of RandomForestRegressor .*Got 'depth' instead"
    ):
        make_model("random_forest", "regression", depth=2)


def test_random_state_generator_gives_reproducible_int_seed(seed):
    a = make_model("tree", "classification", random_state=np.random.default_rng(seed))
    b = make_model("tree", "classification", random_state=np.random.default_rng(seed))
    assert isinstance(a.random_state, int) and a.random_state == b.random_state
    assert make_model("tree", "classification").random_state is None
    with pytest.raises(ValueError, match="random_state"):
        make_model("tree", "classification", random_state=-1)


def test_aliases_resolve_to_canonical_names():
    assert canonical_model_name("Logistic", "classification") == "linear"
    assert canonical_model_name("rf", "regression") == "random_forest"
    assert canonical_model_name("XGB", "regression") == "xgboost"
    assert canonical_model_name("decision-tree", "classification") == "tree"
    assert type(make_model("k_means", "clustering")).__name__ == "KMeans"
    for alias in ("logistic_gd", "GD", "linear-regression-gd"):
        assert canonical_model_name(alias, "classification") == "linear_gd"
        assert canonical_model_name(alias, "regression") == "linear_gd"
    assert canonical_model_name("knn_from_scratch", "regression") == "knn_scratch"


def test_scratch_models_take_their_hyperparameters():
    gd = make_model("linear_gd", "regression", random_state=4, learning_rate=0.2, batch_size=16)
    assert (gd.learning_rate, gd.batch_size, gd.random_state) == (0.2, 16, 4)
    assert make_model("knn_scratch", "classification", n_neighbors=3).n_neighbors == 3
    with pytest.raises(ValueError, match=r"hyperparameters of LogisticRegressionGD .*Got 'lr'"):
        make_model("linear_gd", "classification", lr=0.1)


def test_scratch_models_match_their_sklearn_counterparts():
    """kNN predictions identical to sklearn's; GD reaches the least-squares / L-BFGS optimum."""
    from sklearn.linear_model import LinearRegression, LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

    Xc, yc = make_classification(n_samples=200, n_features=5, n_informative=3, random_state=1)
    Xr, yr = make_regression(n_samples=200, n_features=5, noise=5.0, random_state=1)
    knn_c = make_model("knn_scratch", "classification").fit(Xc, yc)
    ref_c = KNeighborsClassifier(algorithm="brute").fit(Xc, yc)
    np.testing.assert_array_equal(knn_c.predict(Xc), ref_c.predict(Xc))
    knn_r = make_model("knn_scratch", "regression").fit(Xr, yr)
    ref_r = KNeighborsRegressor(algorithm="brute").fit(Xr, yr)
    np.testing.assert_allclose(knn_r.predict(Xr), ref_r.predict(Xr), rtol=1e-12)
    # the zoo's GD defaults converge on standardised data (what compare feeds them)
    Xs = (Xr - Xr.mean(0)) / Xr.std(0)
    gd = make_model("linear_gd", "regression", random_state=0).fit(Xs, yr)
    np.testing.assert_allclose(gd.coef_, LinearRegression().fit(Xs, yr).coef_, rtol=1e-3)
    Xcs = (Xc - Xc.mean(0)) / Xc.std(0)
    lg = make_model("linear_gd", "classification", tol=1e-10, max_iter=5000).fit(Xcs, yc)
    ref = LogisticRegression(C=1 / (lg.alpha * len(yc)), tol=1e-10, max_iter=5000).fit(Xcs, yc)
    np.testing.assert_allclose(lg.coef_, ref.coef_, rtol=1e-3, atol=1e-4)


@pytest.mark.parametrize("name", ALL)
def test_every_classifier_fits_and_beats_chance(name):
    X, y = make_classification(n_samples=120, n_features=5, n_informative=3, random_state=0)
    model = make_model(name, "classification", random_state=0).fit(X[:80], y[:80])
    assert model.predict(X[80:]).shape == (40,)
    assert model.score(X[80:], y[80:]) > 0.6


@pytest.mark.parametrize("name", ALL)
def test_every_regressor_fits(name):
    X, y = make_regression(n_samples=120, n_features=4, noise=1.0, random_state=0)
    y = y / y.std()
    model = make_model(name, "regression", random_state=0).fit(X[:80], y[:80])
    assert np.isfinite(model.predict(X[80:])).all()


def test_kmeans_finds_three_blobs():
    X, _ = make_blobs(n_samples=90, centers=3, cluster_std=0.5, random_state=0)
    labels = make_model("kmeans", "clustering", random_state=0).fit_predict(X)
    assert len(np.unique(labels)) == 3


def test_zoo_import_is_light():
    import subprocess
    import sys

    code = (
        "import sys; import mlcourse.supervised._zoo; "
        "heavy = [m for m in ('xgboost', 'sklearn.ensemble', 'sklearn.svm', 'matplotlib') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

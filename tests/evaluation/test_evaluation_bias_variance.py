"""bias_variance_decomp: agreement with mlxtend on the same seeds and data, exact identities."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mlxtend.evaluate import bias_variance_decomp as mlxtend_bvd
from sklearn.datasets import load_iris, make_regression
from sklearn.linear_model import LinearRegression
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from mlcourse.evaluation import BiasVarianceDisplay, bias_variance_decomp
from mlcourse.evaluation._bias_variance import _decompose


def _iris_split():
    X, y = load_iris(return_X_y=True)
    rng = np.random.default_rng(0)
    idx = rng.permutation(len(y))
    return X[idx[:100]], y[idx[:100]], X[idx[100:]], y[idx[100:]]


@pytest.mark.parametrize("seed", [0, 1, 123])
def test_zero_one_loss_agrees_with_mlxtend(seed):
    Xtr, ytr, Xte, yte = _iris_split()
    tree = DecisionTreeClassifier(random_state=0)
    ours = bias_variance_decomp(tree, Xtr, ytr, Xte, yte, num_rounds=50, random_seed=seed)
    ref = mlxtend_bvd(
        DecisionTreeClassifier(random_state=0), Xtr, ytr, Xte, yte, num_rounds=50, random_seed=seed
    )
    np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-12)


@pytest.mark.parametrize("seed", [0, 7])
@pytest.mark.parametrize(
    "make", [lambda: LinearRegression(), lambda: DecisionTreeRegressor(max_depth=4, random_state=0)]
)
def test_mse_agrees_with_mlxtend(seed, make):
    X, y = make_regression(160, 4, noise=20.0, random_state=seed)
    ours = bias_variance_decomp(
        make(), X[:120], y[:120], X[120:], y[120:], loss="mse", num_rounds=40, random_seed=seed
    )
    ref = mlxtend_bvd(
        make(), X[:120], y[:120], X[120:], y[120:], loss="mse", num_rounds=40, random_seed=seed
    )
    np.testing.assert_allclose(ours, ref, rtol=1e-12, atol=1e-9)


def test_estimator_is_cloned_not_fitted():
    Xtr, ytr, Xte, yte = _iris_split()
    tree = DecisionTreeClassifier(random_state=0)
    bias_variance_decomp(tree, Xtr, ytr, Xte, yte, num_rounds=3, random_seed=0)
    assert not hasattr(tree, "tree_")


def test_string_labels_and_dataframes():
    import pandas as pd

    Xtr, ytr, Xte, yte = _iris_split()
    names = np.array(["setosa", "versicolor", "virginica"])
    ours = bias_variance_decomp(
        DecisionTreeClassifier(random_state=0),
        pd.DataFrame(Xtr),
        pd.Series(names[ytr]),
        pd.DataFrame(Xte),
        pd.Series(names[yte]),
        num_rounds=20,
        random_seed=3,
    )
    ref = bias_variance_decomp(
        DecisionTreeClassifier(random_state=0), Xtr, ytr, Xte, yte, num_rounds=20, random_seed=3
    )
    assert ours == pytest.approx(ref)


def test_hand_computed_decomposition():
    # 3 rounds x 2 test points
    preds = np.array([[1.0, 0.0], [2.0, 0.0], [3.0, 3.0]])
    y = np.array([2.0, 0.0])
    loss, bias, var = _decompose(preds, y, "mse")
    # point 1: mean 2, bias^2 0, var 2/3; point 2: mean 1, bias^2 1, var (1+1+4)/3 = 2
    assert bias == pytest.approx((0 + 1) / 2)
    assert var == pytest.approx((2 / 3 + 2) / 2)
    assert loss == pytest.approx(np.mean((preds - y) ** 2))
    labels = np.array([[0, 1], [0, 2], [1, 2]])
    loss, bias, var = _decompose(labels, np.array([0, 1]), "0-1_loss")
    # main predictions: 0 and 2 -> bias = 1/2; disagreements with main: 1/3 and 1/3
    assert (loss, bias, var) == pytest.approx((3 / 6, 1 / 2, 1 / 3))


@settings(max_examples=40, deadline=None)
@given(
    rounds=st.integers(1, 10),
    n=st.integers(1, 8),
    seed=st.integers(0, 2**31 - 1),
)
def test_mse_loss_is_bias_plus_variance(rounds, n, seed):
    rng = np.random.default_rng(seed)
    preds = rng.normal(size=(rounds, n))
    y = rng.normal(size=n)
    loss, bias, var = _decompose(preds, y, "mse")
    assert loss == pytest.approx(bias + var, rel=1e-9, abs=1e-12)
    assert bias >= 0 and var >= 0


def test_generator_seed_is_accepted_and_reproducible():
    Xtr, ytr, Xte, yte = _iris_split()
    a = bias_variance_decomp(
        DecisionTreeClassifier(random_state=0), Xtr, ytr, Xte, yte, num_rounds=10
    )
    assert all(0 <= v <= 1 for v in a)
    b1 = bias_variance_decomp(
        DecisionTreeClassifier(random_state=0),
        Xtr,
        ytr,
        Xte,
        yte,
        num_rounds=10,
        random_seed=np.random.default_rng(5),
    )
    b2 = bias_variance_decomp(
        DecisionTreeClassifier(random_state=0),
        Xtr,
        ytr,
        Xte,
        yte,
        num_rounds=10,
        random_seed=np.random.default_rng(5),
    )
    assert b1 == b2


@pytest.mark.parametrize(
    ("kwargs", "err", "match"),
    [
        (
            {"loss": "mae"},
            ValueError,
            r"'loss' parameter of bias_variance_decomp.*'0-1_loss', 'mse'",
        ),
        ({"num_rounds": 0}, ValueError, r"'num_rounds'.*\[1, inf\)"),
        ({"random_seed": -1}, ValueError, r"'random_seed'.*\[0, 2\*\*32\)"),
        ({"random_seed": "a"}, TypeError, r"'random_seed'"),
    ],
)
def test_bad_arguments(kwargs, err, match):
    Xtr, ytr, Xte, yte = _iris_split()
    with pytest.raises(err, match=match):
        bias_variance_decomp(DecisionTreeClassifier(), Xtr, ytr, Xte, yte, **kwargs)


def test_inconsistent_lengths_and_bad_estimator():
    Xtr, ytr, Xte, yte = _iris_split()
    with pytest.raises(ValueError, match="X_test has 50, y_test has 49"):
        bias_variance_decomp(DecisionTreeClassifier(), Xtr, ytr, Xte, yte[:-1])
    with pytest.raises(TypeError, match="'estimator'.*fit and predict"):
        bias_variance_decomp("tree", Xtr, ytr, Xte, yte)


def test_display_u_shape_over_tree_depth():
    import matplotlib

    matplotlib.use("Agg")
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 6, size=(200, 1))
    y = np.sin(X[:, 0]) + rng.normal(scale=0.3, size=200)
    disp = BiasVarianceDisplay.from_estimator(
        DecisionTreeRegressor(random_state=0),
        X[:150],
        y[:150],
        X[150:],
        y[150:],
        param_name="max_depth",
        param_range=[1, 3, 12],
        num_rounds=15,
        random_seed=0,
    )
    # a stump underfits (bias), a deep tree overfits (variance): U-shaped loss
    assert disp.bias[0] > disp.bias[1]
    assert disp.variance[1] < disp.variance[2]
    assert disp.best_value == 3
    np.testing.assert_allclose(disp.expected_loss, disp.bias + disp.variance)
    assert disp.ax_.get_xlabel() == "max_depth"
    assert len(disp.ax_.get_legend().get_texts()) == 4
    with pytest.raises(ValueError, match="'param_name'.*Got 'depth'"):
        BiasVarianceDisplay.from_estimator(
            DecisionTreeRegressor(), X, y, X, y, param_name="depth", param_range=[1]
        )

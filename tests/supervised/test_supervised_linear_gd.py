"""LinearRegressionGD / LogisticRegressionGD: hand cases, sklearn agreement, batch modes."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.datasets import make_classification, make_regression
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge, SGDRegressor
from sklearn.preprocessing import StandardScaler

from mlcourse.supervised import LinearRegressionGD, LogisticRegressionGD, gradient_noise


def _regression(seed, n=200, d=5):
    X, y = make_regression(n, d, noise=5.0, random_state=seed)
    return StandardScaler().fit_transform(X), y


# ------------------------------------------------------------------ hand-computed


def test_one_full_batch_step_by_hand():
    # w0 = b0 = 0; residuals r = -y = [-1, -2];
    # grad_w = mean(x * r) = (1 * -1 + 2 * -2) / 2 = -2.5; grad_b = mean(r) = -1.5
    X = np.array([[1.0], [2.0]])
    y = np.array([1.0, 2.0])
    m = LinearRegressionGD(learning_rate=0.1, max_iter=1, tol=None).fit(X, y)
    assert m.coef_[0] == pytest.approx(0.25)
    assert m.intercept_ == pytest.approx(0.15)
    # loss before the step: 0.5 * mean(y^2) = 1.25
    assert m.batch_loss_curve_ == [pytest.approx(1.25)]
    # loss after: residuals 0.4 - 1 = -0.6 and 0.65 - 2 = -1.35
    assert m.loss_curve_[0] == pytest.approx(0.5 * (0.6**2 + 1.35**2) / 2)


def test_ridge_penalty_step_by_hand():
    # with w = 0 the penalty gradient is 0; after one step w = 0.25, then the
    # second step's gradient includes alpha * w
    X = np.array([[1.0], [2.0]])
    y = np.array([1.0, 2.0])
    m = LinearRegressionGD(
        learning_rate=0.1, max_iter=2, tol=None, alpha=1.0, fit_intercept=False
    ).fit(X, y)
    w1 = 0.1 * 2.5
    grad = np.mean(X[:, 0] * (X[:, 0] * w1 - y)) + 1.0 * w1
    assert m.coef_[0] == pytest.approx(w1 - 0.1 * grad)
    assert m.intercept_ == 0.0


def test_logistic_first_step_by_hand():
    # w = b = 0 -> p = 0.5 everywhere; grad_w = mean(x * (0.5 - y))
    X = np.array([[-1.0], [2.0]])
    y = np.array([0, 1])
    m = LogisticRegressionGD(learning_rate=1.0, max_iter=1, tol=None).fit(X, y)
    assert m.coef_.shape == (1, 1)
    assert m.coef_[0, 0] == pytest.approx(-np.mean([-1.0 * 0.5, 2.0 * -0.5]))
    assert m.intercept_[0] == pytest.approx(0.0)
    assert m.batch_loss_curve_[0] == pytest.approx(math.log(2))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.floats(allow_nan=False) | st.sampled_from([np.inf, -np.inf, 0.0, -0.0, 745.0, -745.0]),
        min_size=1,
        max_size=30,
    )
)
def test_softplus_sigmoid_equals_logaddexp_and_expit(values):
    from scipy.special import expit

    from mlcourse.supervised._linear_gd import _softplus_sigmoid

    z = np.asarray(values, dtype=float)
    softplus, sigmoid = _softplus_sigmoid(z)
    np.testing.assert_allclose(softplus, np.logaddexp(0.0, z), rtol=1e-15, atol=0)
    np.testing.assert_allclose(sigmoid, expit(z), rtol=1e-15, atol=1e-300)
    assert ((sigmoid >= 0) & (sigmoid <= 1)).all()


# ---------------------------------------------------------- agreement with sklearn


def test_linear_matches_ols_and_ridge(seed):
    X, y = _regression(seed)
    ols = LinearRegressionGD(learning_rate=0.5, max_iter=5000, tol=1e-12).fit(X, y)
    ref = LinearRegression().fit(X, y)
    np.testing.assert_allclose(ols.coef_, ref.coef_, atol=1e-4)
    assert ols.intercept_ == pytest.approx(ref.intercept_, abs=1e-4)

    alpha = 0.05
    ridge = LinearRegressionGD(learning_rate=0.5, max_iter=5000, tol=1e-12, alpha=alpha).fit(X, y)
    ref = Ridge(alpha=alpha * X.shape[0]).fit(X, y)
    np.testing.assert_allclose(ridge.coef_, ref.coef_, atol=1e-4)
    assert ridge.intercept_ == pytest.approx(ref.intercept_, abs=1e-4)


def test_linear_without_intercept_matches_ols():
    X, y = _regression(3)
    m = LinearRegressionGD(learning_rate=0.5, max_iter=5000, fit_intercept=False).fit(X, y)
    ref = LinearRegression(fit_intercept=False).fit(X, y)
    np.testing.assert_allclose(m.coef_, ref.coef_, atol=1e-4)


@pytest.mark.parametrize("n_classes", [2, 3])
def test_logistic_matches_sklearn(seed, n_classes):
    X, y = make_classification(
        300, 5, n_informative=3, n_classes=n_classes, random_state=seed, class_sep=0.8
    )
    alpha = 0.01
    ours = LogisticRegressionGD(learning_rate=1.0, max_iter=20000, tol=1e-13, alpha=alpha).fit(X, y)
    ref = LogisticRegression(C=1.0 / (alpha * X.shape[0]), tol=1e-12, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(ours.coef_, ref.coef_, atol=1e-4)
    np.testing.assert_allclose(ours.intercept_, ref.intercept_, atol=1e-4)
    np.testing.assert_allclose(ours.predict_proba(X), ref.predict_proba(X), atol=1e-5)
    np.testing.assert_array_equal(ours.predict(X), ref.predict(X))


def test_logistic_string_labels_and_decision_function():
    X, y = make_classification(100, 3, n_informative=2, n_redundant=0, random_state=0)
    labels = np.where(y == 1, "spam", "ham")
    clf = LogisticRegressionGD(alpha=0.01).fit(X, labels)
    assert list(clf.classes_) == ["ham", "spam"]
    scores = clf.decision_function(X)
    assert scores.shape == (100,)
    np.testing.assert_array_equal(clf.predict(X), np.where(scores > 0, "spam", "ham"))
    np.testing.assert_allclose(clf.predict_proba(X).sum(axis=1), 1.0)
    np.testing.assert_allclose(np.exp(clf.predict_log_proba(X)), clf.predict_proba(X))


@settings(max_examples=25, deadline=None)
@given(
    n=st.integers(10, 60),
    d=st.integers(1, 4),
    seed=st.integers(0, 2**31 - 1),
)
def test_linear_reaches_least_squares_property(n, d, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    X = (X - X.mean(0)) / X.std(0)
    y = X @ rng.normal(size=d) + rng.normal(size=n)
    # a safe step: 1 / L with L the largest eigenvalue of [X 1]^T [X 1] / n
    Xb = np.column_stack([X, np.ones(n)])
    L = np.linalg.eigvalsh(Xb.T @ Xb / n).max()
    m = LinearRegressionGD(learning_rate=1.0 / L, max_iter=20_000, tol=1e-14).fit(X, y)
    sol, *_ = np.linalg.lstsq(Xb, y, rcond=None)
    np.testing.assert_allclose(m.coef_, sol[:-1], atol=1e-4)
    assert m.intercept_ == pytest.approx(sol[-1], abs=1e-4)


# ------------------------------------------------------------------- batch modes


@pytest.mark.parametrize("batch_size", [1, 16, "full"])
def test_batch_modes_count_steps_and_approach_optimum(seed, batch_size):
    X, y = _regression(seed, n=100)
    epochs = 60
    m = LinearRegressionGD(
        learning_rate=0.02, batch_size=batch_size, max_iter=epochs, tol=None, random_state=seed
    ).fit(X, y)
    bs = 100 if batch_size == "full" else batch_size
    assert m.n_iter_ == epochs
    assert m.t_ == epochs * math.ceil(100 / bs)
    assert len(m.batch_loss_curve_) == m.t_
    assert len(m.loss_curve_) == epochs
    if batch_size != "full":
        # many noisy steps get close to least squares (constant step: a noise floor remains)
        ref = LinearRegression().fit(X, y)
        opt = 0.5 * np.mean((ref.predict(X) - y) ** 2)
        assert m.loss_curve_[-1] < 1.1 * opt


def test_random_state_reproducible_and_shuffle_matters():
    X, y = _regression(0, n=64)
    kw = dict(learning_rate=0.05, batch_size=4, max_iter=5, tol=None)
    a = LinearRegressionGD(**kw, random_state=1).fit(X, y)
    b = LinearRegressionGD(**kw, random_state=1).fit(X, y)
    c = LinearRegressionGD(**kw, random_state=2).fit(X, y)
    np.testing.assert_array_equal(a.coef_, b.coef_)
    assert not np.array_equal(a.coef_, c.coef_)
    gen = np.random.default_rng(5)
    LinearRegressionGD(**kw, random_state=gen).fit(X, y)  # a Generator is accepted


def test_small_batches_are_noisier(seed):
    # the course notes' misconception: small batches are NOT more stable
    X, y = _regression(seed, n=512)
    noise = gradient_noise(
        X, y, np.zeros(X.shape[1]), batch_sizes=[1, 32, 256], n_draws=300, random_state=seed
    )
    assert noise[1] > noise[32] > noise[256]
    # sampling without replacement: the error shrinks like sqrt((N - B) / (B (N - 1)))
    ratio = noise[1] / noise[32]
    expected = math.sqrt((511 / 511) / ((512 - 32) / (32 * 511)))
    assert 0.6 * expected < ratio < 1.5 * expected


def test_sgd_sanity_against_sgdregressor():
    X, y = _regression(1, n=400)
    ours = LinearRegressionGD(learning_rate=0.01, batch_size=1, max_iter=20, random_state=0)
    ref = SGDRegressor(learning_rate="constant", eta0=0.01, max_iter=20, random_state=0, tol=None)
    r2_ours = ours.fit(X, y).score(X, y)
    r2_ref = ref.fit(X, y).score(X, y)
    assert abs(r2_ours - r2_ref) < 0.01


# --------------------------------------------------------------- loss behaviour


def test_divergence_warns_and_stops():
    X, y = _regression(0)
    with pytest.warns(ConvergenceWarning, match="diverged.*Lower the learning_rate"):
        m = LinearRegressionGD(learning_rate=5.0, max_iter=10_000).fit(X, y)
    assert m.n_iter_ < 10
    assert m.loss_curve_[-1] > m.loss_curve_[0]
    # without the stopping rule it runs until the loss overflows
    with pytest.warns(ConvergenceWarning, match="diverged"):
        m = LinearRegressionGD(learning_rate=5.0, max_iter=10_000, tol=None).fit(X, y)
    assert m.n_iter_ < 10_000
    assert not np.isfinite(m.loss_curve_[-1]) or m.loss_curve_[-1] > 1e100


def test_not_converged_warns():
    X, y = _regression(0)
    with pytest.warns(ConvergenceWarning, match="Increase max_iter"):
        LinearRegressionGD(learning_rate=1e-4, max_iter=3).fit(X, y)


def test_full_batch_loss_decreases_monotonically():
    X, y = _regression(2)
    m = LinearRegressionGD(learning_rate=0.1, max_iter=200, tol=None).fit(X, y)
    assert np.all(np.diff(m.loss_curve_) <= 1e-12)


def test_early_stopping_by_tol():
    X, y = _regression(2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = LinearRegressionGD(learning_rate=0.5, max_iter=10_000, tol=1e-3).fit(X, y)
    assert m.n_iter_ < 100


def test_dataframe_feature_names():
    X, y = _regression(0, n=50, d=2)
    df = pd.DataFrame(X, columns=["size", "age"])
    m = LinearRegressionGD(learning_rate=0.1).fit(df, y)
    assert list(m.feature_names_in_) == ["size", "age"]
    np.testing.assert_allclose(m.predict(df), df.to_numpy() @ m.coef_ + m.intercept_)


# ------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("params", "err", "match"),
    [
        ({"learning_rate": 0}, ValueError, r"'learning_rate' parameter of LinearRegressionGD"),
        ({"learning_rate": "fast"}, TypeError, r"'learning_rate'.*Got 'fast' instead"),
        ({"batch_size": 0}, ValueError, r"'batch_size'.*'full' or an int.*Got 0 instead"),
        ({"batch_size": "mini"}, ValueError, r"'batch_size'.*one of 'full'"),
        ({"batch_size": 2.5}, TypeError, r"'batch_size'"),
        ({"max_iter": 0}, ValueError, r"'max_iter'.*\[1, inf\)"),
        ({"alpha": -1.0}, ValueError, r"'alpha'"),
        ({"tol": -1.0}, ValueError, r"'tol'"),
        ({"fit_intercept": 1}, TypeError, r"'fit_intercept'.*a bool"),
    ],
)
def test_bad_params(params, err, match):
    X, y = _regression(0, n=20, d=2)
    with pytest.raises(err, match=match):
        LinearRegressionGD(**params).fit(X, y)


def test_logistic_needs_two_classes():
    with pytest.raises(ValueError, match=r"'y' parameter of LogisticRegressionGD.*one class"):
        LogisticRegressionGD().fit([[0.0], [1.0]], [1, 1])


def test_gradient_noise_bad_input():
    X = np.zeros((10, 2))
    with pytest.raises(ValueError, match=r"'coef' parameter of gradient_noise"):
        gradient_noise(X, np.zeros(10), np.zeros(3))
    with pytest.raises(ValueError, match=r"'batch_sizes'.*\[1, 10\]"):
        gradient_noise(X, np.zeros(10), np.zeros(2), batch_sizes=[20])

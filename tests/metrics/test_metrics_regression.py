"""Regression metrics: hand-computed cases, agreement with sklearn, edge cases, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from _metrics_testing import assert_agree
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import metrics as skm

import mlcourse.metrics as mm

SETTINGS = settings(max_examples=150, deadline=None)
NAMES = [
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "root_mean_squared_error",
    "r2_score",
]


def test_by_hand():
    y, yhat = [3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]
    # errors: -0.5, 0.5, 0, 1
    assert mm.mean_absolute_error(y, yhat) == pytest.approx((0.5 + 0.5 + 0 + 1) / 4)
    assert mm.mean_squared_error(y, yhat) == pytest.approx((0.25 + 0.25 + 0 + 1) / 4)
    assert mm.root_mean_squared_error(y, yhat) == pytest.approx(np.sqrt(1.5 / 4))
    assert mm.mean_absolute_percentage_error(y, yhat) == pytest.approx(
        (0.5 / 3 + 0.5 / 0.5 + 0 + 1 / 7) / 4
    )
    ss_res = 1.5
    ss_tot = sum((v - 2.875) ** 2 for v in y)
    assert mm.r2_score(y, yhat) == pytest.approx(1 - ss_res / ss_tot)


def test_r2_landmarks():
    y = np.array([1.0, 2.0, 3.0, 4.0])
    assert mm.r2_score(y, y) == 1.0
    assert mm.r2_score(y, np.full(4, y.mean())) == 0.0
    assert mm.r2_score(y, y[::-1]) < 0


def test_weighted_by_hand():
    y, yhat, w = [1.0, 2.0, 4.0], [2.0, 2.0, 1.0], [1.0, 2.0, 1.0]
    assert mm.mean_absolute_error(y, yhat, sample_weight=w) == pytest.approx((1 + 0 + 3) / 4)
    assert mm.mean_squared_error(y, yhat, sample_weight=w) == pytest.approx((1 + 0 + 9) / 4)


def test_multioutput_by_hand():
    y = [[1.0, 10.0], [2.0, 20.0]]
    yhat = [[1.0, 12.0], [3.0, 20.0]]
    np.testing.assert_allclose(mm.mean_absolute_error(y, yhat, multioutput="raw_values"), [0.5, 1])
    assert mm.mean_absolute_error(y, yhat) == pytest.approx(0.75)
    assert mm.mean_absolute_error(y, yhat, multioutput=[3, 1]) == pytest.approx((1.5 + 1) / 4)


@st.composite
def targets(draw):
    n = draw(st.integers(1, 30))
    k = draw(st.sampled_from([0, 1, 3]))  # 0: 1-D
    shape = (n,) if k == 0 else (n, k)
    size = n * max(k, 1)
    values = st.floats(-1e3, 1e3, allow_nan=False, width=64)
    y = np.array(draw(st.lists(values, min_size=size, max_size=size))).reshape(shape)
    if draw(st.booleans()):
        y = np.round(y)  # integers, zeros (MAPE), constant columns
    if draw(st.booleans()) and k == 0:
        y[:] = y[0]  # constant target
    noise = np.array(draw(st.lists(values, min_size=size, max_size=size))).reshape(shape)
    yhat = y + draw(st.sampled_from([0.0, 0.01, 1.0])) * noise
    w = None
    if draw(st.booleans()):
        w = np.array(draw(st.lists(st.floats(0.1, 5), min_size=n, max_size=n)))
    return y, yhat, w, k


@SETTINGS
@given(data=targets(), container=st.sampled_from(["array", "list", "frame"]))
def test_agrees_with_sklearn(data, container):
    y, yhat, w, k = data
    if container == "list":
        y, yhat = y.tolist(), yhat.tolist()
    elif container == "frame":
        y, yhat = (
            (pd.Series(y) if k == 0 else pd.DataFrame(y)),
            (pd.Series(yhat) if k == 0 else pd.DataFrame(yhat)),
        )
    outputs = ["raw_values", "uniform_average"] + ([[1.0, 2.0, 0.5]] if k == 3 else [])
    for name in NAMES:
        for mo in outputs + (["variance_weighted"] if name == "r2_score" else []):
            assert_agree(
                getattr(mm, name), getattr(skm, name), y, yhat, sample_weight=w, multioutput=mo
            )
    for force_finite in (True, False):
        assert_agree(mm.r2_score, skm.r2_score, y, yhat, force_finite=force_finite)


def test_float32_agrees():
    y = np.array([1.5, 2.25, 3.0], dtype=np.float32)
    yhat = np.array([1.0, 2.5, 3.5], dtype=np.float32)
    for name in NAMES:
        assert_agree(getattr(mm, name), getattr(skm, name), y, yhat)


def test_constant_target_r2():
    assert mm.r2_score([2.0, 2.0, 2.0], [2.0, 2.0, 2.0]) == 1.0
    assert mm.r2_score([2.0, 2.0, 2.0], [2.0, 2.0, 3.0]) == 0.0
    assert mm.r2_score([2.0, 2.0, 2.0], [2.0, 2.0, 3.0], force_finite=False) == -np.inf


def test_r2_single_sample_warns():
    with pytest.warns(mm.UndefinedMetricWarning, match="less than two samples"):
        assert np.isnan(mm.r2_score([1.0], [2.0]))


def test_mape_zero_target_uses_epsilon():
    assert mm.mean_absolute_percentage_error([0.0], [1.0]) == pytest.approx(
        1 / np.finfo(np.float64).eps
    )


@pytest.mark.parametrize("name", NAMES)
def test_errors(name):
    fn = getattr(mm, name)
    with pytest.raises(ValueError, match=f"'y_pred' parameter of {name} contains NaN"):
        fn([1.0, 2.0], [1.0, np.nan])
    with pytest.raises(ValueError, match=f"'y_true' parameter of {name} contains infinity"):
        fn([1.0, np.inf], [1.0, 2.0])
    with pytest.raises(ValueError, match="y_true has 3, y_pred has 2"):
        fn([1.0, 2.0, 3.0], [1.0, 2.0])
    with pytest.raises(
        ValueError, match=f"'y_pred' parameter of {name} must be an array with as many outputs"
    ):
        fn([[1.0, 2.0]], [[1.0, 2.0, 3.0]])
    with pytest.raises(
        ValueError, match=f"'y_true' parameter of {name} must be an array-like of shape"
    ):
        fn(np.ones((2, 2, 2)), np.ones((2, 2, 2)))
    with pytest.raises(TypeError, match=f"'y_true' parameter of {name} must be a numeric"):
        fn(["a", "b"], [1.0, 2.0])
    with pytest.raises(ValueError, match=f"'multioutput' parameter of {name} must be one of"):
        fn([1.0, 2.0], [1.0, 2.0], multioutput="mean")
    with pytest.raises(ValueError, match="output weights are useful only with several outputs"):
        fn([1.0, 2.0], [1.0, 2.0], multioutput=[1.0])
    with pytest.raises(
        ValueError, match=f"'multioutput' parameter of {name} must be an array of 2"
    ):
        fn([[1.0, 2.0]], [[1.0, 2.0]], multioutput=[1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="y_true has 2, sample_weight has 1"):
        fn([1.0, 2.0], [1.0, 2.0], sample_weight=[1.0])

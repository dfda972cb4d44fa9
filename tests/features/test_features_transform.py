"""Transformers from scratch equal to scikit-learn's on the same input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn import impute as skimpute
from sklearn import preprocessing as skp

from mlcourse.features import (
    LogTransformer,
    MinMaxScaler,
    OneHotEncoder,
    SimpleImputer,
    StandardScaler,
)

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=50, deadline=None)
@given(X=arrays(np.float64, st.tuples(st.integers(1, 20), st.integers(1, 4)), elements=finite))
def test_scalers_equal_sklearn(X):
    for ours, ref in (
        (StandardScaler(), skp.StandardScaler()),
        (MinMaxScaler(), skp.MinMaxScaler()),
    ):
        np.testing.assert_allclose(
            ours.fit_transform(X), ref.fit_transform(X), rtol=1e-9, atol=1e-9
        )


def test_standard_scaler_by_hand_and_nan():
    X = np.array([[1.0, 10.0], [3.0, np.nan], [5.0, 30.0]])
    s = StandardScaler().fit(X)
    np.testing.assert_allclose(s.mean_, [3.0, 20.0])
    np.testing.assert_allclose(s.scale_, [np.sqrt(8 / 3), 10.0])
    out = s.transform(X)
    assert np.isnan(out[1, 1])
    np.testing.assert_allclose(out, skp.StandardScaler().fit_transform(X))
    np.testing.assert_allclose(s.inverse_transform(out), X)


def test_min_max_range_clip_and_inverse():
    X = np.array([[0.0], [5.0], [10.0]])
    m = MinMaxScaler(feature_range=(-1, 1), clip=True).fit(X)
    np.testing.assert_allclose(m.transform([[5.0], [20.0]]), [[0.0], [1.0]])
    ref = skp.MinMaxScaler(feature_range=(-1, 1)).fit(X)
    np.testing.assert_allclose(m.transform(X), ref.transform(X))
    np.testing.assert_allclose(m.inverse_transform(m.transform(X)), X)


def test_log_transformer_equals_log1p():
    X = np.array([[0.0, 1.0], [9.0, 1e6]])
    ref = skp.FunctionTransformer(np.log1p).fit_transform(X)
    np.testing.assert_allclose(LogTransformer().fit_transform(X), ref)
    np.testing.assert_allclose(LogTransformer().fit(X).inverse_transform(ref), X)
    with pytest.raises(ValueError, match=r"'X' parameter of LogTransformer.*raise the offset"):
        LogTransformer().fit([[-2.0]])
    np.testing.assert_allclose(LogTransformer(offset=3).fit_transform([[-2.0]]), [[0.0]])


@pytest.mark.parametrize("drop", [None, "first", "if_binary"])
def test_one_hot_equals_sklearn(drop):
    df = pd.DataFrame(
        {
            "location": ["rural", "downtown", "suburb", "rural"],
            "garage": [True, False, True, True],
            "rooms": [3, 1, 3, 2],
        }
    )
    ours = OneHotEncoder(drop=drop).fit(df)
    ref = skp.OneHotEncoder(drop=drop, sparse_output=False).fit(df)
    np.testing.assert_array_equal(ours.transform(df), ref.transform(df))
    assert ours.get_feature_names_out().tolist() == ref.get_feature_names_out().tolist()
    for a, b in zip(ours.categories_, ref.categories_, strict=True):
        assert a.tolist() == b.tolist()


def test_one_hot_unknown_and_missing():
    X = np.array([["a"], ["b"], [None]], dtype=object)
    enc = OneHotEncoder(handle_unknown="ignore").fit(X)
    ref = skp.OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(X)
    new = np.array([["b"], ["zzz"], [None]], dtype=object)
    np.testing.assert_array_equal(enc.transform(new), ref.transform(new))
    with pytest.raises(ValueError, match=r"unknown categories \['zzz'\].*handle_unknown='ignore'"):
        OneHotEncoder().fit(X).transform(new)
    assert OneHotEncoder(sparse_output=True).fit(X).transform(X).toarray().sum() == 3


@pytest.mark.parametrize("strategy", ["mean", "median", "most_frequent", "constant"])
def test_imputer_equals_sklearn_numeric(strategy):
    X = np.array([[1.0, np.nan, 7.0], [np.nan, 2.0, 7.0], [4.0, 2.0, np.nan], [4.0, 5.0, 1.0]])
    ours = SimpleImputer(strategy=strategy, add_indicator=True).fit(X)
    ref = skimpute.SimpleImputer(strategy=strategy, add_indicator=True).fit(X)
    np.testing.assert_allclose(ours.transform(X), ref.transform(X))
    np.testing.assert_allclose(ours.statistics_.astype(float), ref.statistics_.astype(float))
    assert ours.get_feature_names_out().tolist() == ref.get_feature_names_out().tolist()


@pytest.mark.parametrize("strategy", ["most_frequent", "constant"])
def test_imputer_equals_sklearn_text(strategy):
    df = pd.DataFrame({"city": ["b", None, "a", "b"], "size": ["S", "M", None, "M"]})
    ours = SimpleImputer(strategy=strategy).fit_transform(df)
    ref = skimpute.SimpleImputer(strategy=strategy, missing_values=None).fit_transform(
        df.astype(object).where(df.notna(), None)
    )
    assert ours.tolist() == ref.tolist()


@pytest.mark.filterwarnings("ignore:Skipping features without any observed values")
def test_imputer_drops_all_missing_column_like_sklearn():
    X = np.array([[1.0, np.nan], [3.0, np.nan]])
    ours = SimpleImputer().fit(X)
    ref = skimpute.SimpleImputer().fit(X)
    assert ours.transform(X).shape == ref.transform(X).shape == (2, 1)


def test_imputer_bad_strategy():
    with pytest.raises(ValueError, match=r"'strategy' parameter of SimpleImputer.*'mean'"):
        SimpleImputer(strategy="mode").fit([[1.0]])

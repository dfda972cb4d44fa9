"""FeatureSelector: each method agrees with its scikit-learn counterpart; the display."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest
from sklearn import feature_selection as skfs
from sklearn.datasets import load_breast_cancer, make_regression
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression
from sklearn.preprocessing import StandardScaler

from mlcourse.features import FeatureSelectionDisplay, FeatureSelector

matplotlib.use("Agg")


def _regression():
    X, y = make_regression(150, 8, n_informative=3, noise=5.0, random_state=0)
    X = np.column_stack([X, np.full(150, 3.0)])  # a constant column
    return X, y


def test_variance_equals_variance_threshold():
    X, y = _regression()
    ours = FeatureSelector("variance").fit(X)
    ref = skfs.VarianceThreshold().fit(X)
    np.testing.assert_array_equal(ours.get_support(), ref.get_support())
    np.testing.assert_allclose(ours.scores_, ref.variances_)
    assert not ours.get_support()[-1]


def test_mutual_info_equals_select_k_best(seed):
    X, y = _regression()
    ours = FeatureSelector("mutual_info", k=3, random_state=seed).fit(X, y)
    ref = skfs.SelectKBest(
        lambda X, y: skfs.mutual_info_regression(X, y, random_state=seed), k=3
    ).fit(X, y)
    np.testing.assert_allclose(ours.scores_, ref.scores_)
    np.testing.assert_array_equal(ours.get_support(), ref.get_support())


def test_rfe_equals_sklearn():
    X, y = load_breast_cancer(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    est = LogisticRegression(max_iter=2000)
    ours = FeatureSelector("rfe", k=5, estimator=est).fit(X, y)
    ref = skfs.RFE(est, n_features_to_select=5).fit(X, y)
    np.testing.assert_array_equal(ours.ranking_, ref.ranking_)
    np.testing.assert_array_equal(ours.get_support(), ref.get_support())


def test_sequential_equals_sklearn():
    X, y = _regression()
    ours = FeatureSelector("sequential", k=3, estimator=LinearRegression(), cv=3).fit(X, y)
    ref = skfs.SequentialFeatureSelector(LinearRegression(), n_features_to_select=3, cv=3).fit(X, y)
    np.testing.assert_array_equal(ours.get_support(), ref.get_support())
    # the CV score never decreases much as useful features are added
    steps = [s for _, s in ours.history_]
    assert steps[-1] >= steps[0]
    assert np.isnan(ours.scores_[~ours.get_support()]).all()


def test_l1_equals_select_from_model():
    X, y = _regression()
    Xs = StandardScaler().fit_transform(X)
    ours = FeatureSelector("l1", estimator=Lasso(alpha=1.0)).fit(X, y)
    ref = skfs.SelectFromModel(Lasso(alpha=1.0), threshold=1e-5).fit(Xs, y)
    np.testing.assert_array_equal(ours.get_support(), ref.get_support())
    assert ours.get_support().sum() == 3  # the three informative features
    default = FeatureSelector("l1", random_state=0).fit(X, y)  # LassoCV
    assert default.get_support().sum() >= 3


def test_tree_equals_select_from_model(seed):
    X, y = _regression()
    rf = RandomForestRegressor(n_estimators=30, random_state=seed)
    ours = FeatureSelector("tree", estimator=rf).fit(X, y)
    ref = skfs.SelectFromModel(rf, threshold="mean").fit(X, y)
    np.testing.assert_array_equal(ours.get_support(), ref.get_support())
    np.testing.assert_allclose(ours.scores_, ref.estimator_.feature_importances_)


def test_k_overrides_threshold_and_classification_auto():
    X, y = load_breast_cancer(return_X_y=True)
    sel = FeatureSelector("tree", k=4, random_state=0).fit(X, y)
    assert sel.get_support().sum() == 4
    assert type(sel.estimator_).__name__ == "RandomForestClassifier"


def test_dataframe_names_transform_and_display():
    data = load_breast_cancer(as_frame=True)
    sel = FeatureSelector("mutual_info", k=5, random_state=0).fit(data.data, data.target)
    out = sel.transform(data.data)
    assert out.shape == (569, 5)
    assert len(sel.get_feature_names_out()) == 5
    disp = FeatureSelectionDisplay.from_selector(sel)
    labels = [t.get_text() for t in disp.ax_.get_yticklabels()]
    assert labels[-1] == data.data.columns[int(np.argmax(sel.scores_))]
    assert "filter" in disp.ax_.get_title()
    legend = [t.get_text() for t in disp.ax_.get_legend().get_texts()]
    assert legend == ["kept (5)", "dropped (25)"]


def test_in_a_pipeline():
    from sklearn.pipeline import make_pipeline

    X, y = _regression()
    pipe = make_pipeline(FeatureSelector("mutual_info", k=3, random_state=0), LinearRegression())
    assert pipe.fit(X, y).score(X, y) > 0.9


@pytest.mark.parametrize(
    ("kwargs", "y", "match"),
    [
        ({"method": "pca"}, True, r"'method' parameter of FeatureSelector.*'variance'"),
        ({"method": "rfe", "k": 0}, True, r"'k'.*\[1, 9\]"),
        ({"method": "rfe"}, False, r"'y' parameter.*method='rfe' requires y"),
        ({"task": "ranking"}, True, r"'task'"),
        ({"method": "variance", "threshold": 1e9}, False, r"No feature.*Lower the threshold"),
    ],
)
def test_bad_input(kwargs, y, match):
    X, target = _regression()
    with pytest.raises(ValueError, match=match):
        FeatureSelector(**kwargs).fit(X, target if y else None)


def test_series_names():
    df = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [1.0, 1.0, 1.0]})
    assert FeatureSelector("variance").fit(df).get_feature_names_out().tolist() == ["a"]

"""Inference modes: identical predictions in every mode, a consistent summary, clear errors."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

from mlcourse.datasets import load_breast_cancer
from mlcourse.lifecycle import (
    INFERENCE_MODES,
    InferenceTiming,
    InferenceTimingDisplay,
    time_inference,
)

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def fitted():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = load_breast_cancer(return_X_y=True)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X, y)
    return model, X, y


def test_predictions_identical_across_modes(fitted, seed):
    model, X, _ = fitted
    timing = time_inference(model, X, n_requests=40, random_state=seed)
    assert isinstance(timing, InferenceTiming)
    reference = model.predict(X.iloc[timing.rows])
    assert list(timing.predictions) == list(INFERENCE_MODES)
    for mode in INFERENCE_MODES:
        np.testing.assert_array_equal(timing.predictions[mode], reference)


def test_numpy_input_and_skops_cold_start(fitted):
    from sklearn.base import clone

    model, X, y = fitted
    arr = X.to_numpy()
    model = clone(model).fit(arr, y)
    timing = time_inference(model, arr, n_requests=10, serializer="skops", random_state=0)
    reference = model.predict(arr[timing.rows])
    for out in timing.predictions.values():
        np.testing.assert_array_equal(out, reference)


def test_xgboost_model_identical_across_modes():
    from xgboost import XGBClassifier

    X, y = load_breast_cancer(return_X_y=True)
    model = XGBClassifier(n_estimators=20, max_depth=3, n_jobs=1, random_state=0).fit(X, y)
    timing = time_inference(model, X, n_requests=30, random_state=0)
    reference = model.predict(X.iloc[timing.rows])
    for out in timing.predictions.values():
        np.testing.assert_array_equal(out, reference)


def test_predict_proba_shapes_agree(fitted):
    model, X, _ = fitted
    timing = time_inference(model, X, n_requests=15, method="predict_proba", random_state=0)
    reference = model.predict_proba(X.iloc[timing.rows])
    for out in timing.predictions.values():
        assert out.shape == (15, 2)
        np.testing.assert_allclose(out, reference, rtol=1e-12, atol=1e-15)


def test_summary_is_consistent_with_latencies(fitted):
    model, X, _ = fitted
    timing = time_inference(model, X, n_requests=25, random_state=1)
    summary = timing.summary.set_index("mode")
    assert list(timing.summary.columns) == [
        "mode",
        "n_requests",
        "p50_ms",
        "p95_ms",
        "throughput_per_s",
        "total_s",
    ]
    for mode, lat in timing.latencies.items():
        assert lat.shape == (25,)
        assert np.all(lat > 0)
        row = summary.loc[mode]
        assert row["n_requests"] == 25
        assert row["p50_ms"] == pytest.approx(np.median(lat) * 1e3)
        assert row["p95_ms"] == pytest.approx(np.percentile(lat, 95) * 1e3)
        assert row["p50_ms"] <= row["p95_ms"]
        assert row["throughput_per_s"] == pytest.approx(25 / row["total_s"])
    # batch: every request waits for the one call
    assert np.ptp(timing.latencies["batch"]) == 0
    # async: latency includes queueing, so it never decreases along the queue much
    assert timing.latencies["async"].max() <= summary.loc["async", "total_s"] + 1e-9


def test_rows_reproducible_and_sampled_with_replacement_when_needed(fitted, seed):
    model, X, _ = fitted
    a = time_inference(model, X, modes=["batch"], n_requests=30, random_state=seed)
    b = time_inference(model, X, modes=["batch"], n_requests=30, random_state=seed)
    np.testing.assert_array_equal(a.rows, b.rows)
    assert np.unique(a.rows).size == 30  # without replacement
    small = X.iloc[:5]
    c = time_inference(model, small, modes=("real-time",), n_requests=12, random_state=seed)
    assert c.rows.size == 12 and set(c.rows) <= set(range(5))
    assert list(c.summary["mode"]) == ["real-time"]


def test_modes_subset_keeps_the_given_order(fitted):
    model, X, _ = fitted
    timing = time_inference(model, X, modes=("serverless", "batch"), n_requests=5, random_state=0)
    assert timing.summary["mode"].tolist() == ["serverless", "batch"]
    assert list(timing.predictions) == ["serverless", "batch"]


@pytest.mark.parametrize(
    ("kwargs", "exc", "match"),
    [
        (
            {"modes": ["streaming"]},
            ValueError,
            r"'modes' parameter of time_inference must be one of 'real-time', 'batch', 'async', 'serverless'\. Got 'streaming'",
        ),
        ({"modes": ["batch", "batch"]}, ValueError, r"'modes' parameter .* without repeats"),
        ({"modes": []}, ValueError, r"'modes' parameter .* non-empty"),
        (
            {"n_requests": 0},
            ValueError,
            r"'n_requests' parameter of time_inference must be an int in the range \[1, inf\)\. Got 0",
        ),
        ({"n_workers": 1.5}, TypeError, r"'n_workers' parameter .* must be an int"),
        ({"serializer": "joblib"}, ValueError, r"'serializer' parameter .* 'pickle', 'skops'"),
        (
            {"method": "transform"},
            TypeError,
            r"'model' parameter of time_inference must be a fitted model with a callable 'transform' method",
        ),
    ],
)
def test_bad_arguments(fitted, kwargs, exc, match):
    model, X, _ = fitted
    with pytest.raises(exc, match=match):
        time_inference(model, X, **kwargs)


def test_bad_X(fitted):
    model, X, _ = fitted
    with pytest.raises(ValueError, match=r"'X' parameter of time_inference must be a 2-D"):
        time_inference(model, X.iloc[:, 0].to_numpy())
    with pytest.raises(ValueError, match=r"'X' parameter .* at least 1 sample"):
        time_inference(model, X.iloc[:0])


# ----------------------------------------------------------------------- display
@pytest.fixture(scope="module")
def timing(fitted):
    model, X, _ = fitted
    return time_inference(model, X, n_requests=10, random_state=0)


def test_display_both_panels(timing):
    import matplotlib.pyplot as plt

    disp = timing.plot()
    assert len(disp.axes_) == 2 and disp.ax_ is disp.axes_[0]
    assert disp.figure_ is disp.ax_.figure
    lat_ax, thr_ax = disp.axes_
    assert lat_ax.get_xscale() == "log" and thr_ax.get_yscale() == "log"
    assert lat_ax.get_title() and thr_ax.get_title()
    assert "ms" in lat_ax.get_xlabel() and "requests/s" in thr_ax.get_ylabel()
    labels = [t.get_text() for t in lat_ax.get_legend().get_texts()]
    assert [label.split(" (")[0] for label in labels] == list(INFERENCE_MODES)
    assert [t.get_text() for t in thr_ax.get_xticklabels()] == list(INFERENCE_MODES)
    plt.close(disp.figure_)


def test_display_on_given_axes(timing):
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3)
    disp = InferenceTimingDisplay(timing.latencies, timing.summary).plot(ax=axes[1:], kind="both")
    assert disp.axes_[0] is axes[1] and disp.axes_[1] is axes[2]
    one = InferenceTimingDisplay(timing.latencies, timing.summary).plot(ax=axes[0], kind="latency")
    assert one.ax_ is axes[0] and len(one.axes_) == 1
    with pytest.raises(
        ValueError, match=r"'kind' parameter of InferenceTimingDisplay must be one of"
    ):
        one.plot(kind="pie")
    with pytest.raises(
        ValueError, match=r"'ax' parameter of InferenceTimingDisplay must be None or a pair"
    ):
        one.plot(ax=axes, kind="both")
    with pytest.raises(TypeError, match=r"'ax' parameter must be a matplotlib Axes"):
        one.plot(ax="left", kind="latency")
    plt.close(fig)


def test_display_from_estimator(fitted):
    import matplotlib.pyplot as plt

    model, X, _ = fitted
    disp = InferenceTimingDisplay.from_estimator(
        model, X, kind="throughput", modes=["real-time", "batch"], n_requests=5, random_state=0
    )
    assert isinstance(disp.summary, pd.DataFrame)
    heights = [p.get_height() for p in disp.ax_.patches]
    np.testing.assert_allclose(heights, disp.summary["throughput_per_s"])
    plt.close(disp.figure_)

"""compare_samplers, best-so-far curves, samplers and pruners."""

from __future__ import annotations

import numpy as np
import optuna
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlcourse.datasets import load_breast_cancer
from mlcourse.tuning import (
    SamplerComparisonDisplay,
    compare_samplers,
    grid_search_space,
    make_pruner,
    make_sampler,
)
from mlcourse.tuning._compare import best_so_far

optuna.logging.set_verbosity(optuna.logging.WARNING)


@pytest.fixture(autouse=True, scope="module")
def _one_blas_thread():
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


def test_best_so_far_by_hand():
    assert best_so_far([3.0, 1.0, 2.0, 0.5], greater_is_better=False).tolist() == [3, 1, 1, 0.5]
    out = best_so_far([np.nan, 0.2, np.nan], greater_is_better=True)
    assert np.isnan(out[0]) and out[1:].tolist() == [0.2, 0.2]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=40), st.booleans())
def test_best_so_far_is_monotone_and_attained(values, greater):
    out = best_so_far(values, greater_is_better=greater)
    assert np.all(np.diff(out) >= 0) if greater else np.all(np.diff(out) <= 0)
    for i, best in enumerate(out):
        assert best == (max(values[: i + 1]) if greater else min(values[: i + 1]))


def test_compare_samplers_same_budget_and_plot():
    X, y = load_breast_cancer(return_X_y=True)
    space = {"max_depth": ("int", 1, 8), "min_samples_leaf": ("int", 1, 40, "log")}
    comparison = compare_samplers("tree", X, y, space=space, n_trials=4, seeds=[0, 1], cv=3)
    curves = comparison.curves
    assert comparison.grid == {"max_depth": [1, 8], "min_samples_leaf": [1, 40]}
    assert curves.groupby(["sampler", "seed"]).size().eq(4).all()  # same budget everywhere
    for _, group in curves.groupby(["sampler", "seed"]):
        assert np.all(np.diff(group["best_so_far"].to_numpy()) >= 0)
        assert group["best_so_far"].iloc[-1] == group["value"].max()
    final = curves[curves.trial == 4].groupby("sampler")["best_so_far"]
    assert comparison.summary["mean"].to_dict() == pytest.approx(final.mean().to_dict())
    display = comparison.plot()
    assert isinstance(display, SamplerComparisonDisplay)
    assert len(display.ax_.get_lines()) == 3
    assert "3 seeds" not in display.ax_.get_title() and "2 seeds" in display.ax_.get_title()


def test_grid_smaller_than_budget_stops_early():
    X, y = load_breast_cancer(return_X_y=True)
    comparison = compare_samplers(
        "tree",
        X,
        y,
        space={"max_depth": ("categorical", [1, 2])},
        n_trials=4,
        seeds=[0],
        samplers=["grid"],
        cv=3,
    )
    values = comparison.curves["value"].to_numpy()
    assert np.isfinite(values[:2]).all() and np.isnan(values[2:]).all()
    assert comparison.curves["best_so_far"].iloc[-1] == np.nanmax(values)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 200), st.integers(1, 4), st.integers(0, 2))
def test_grid_fits_the_budget(n_trials, n_numeric, n_cat):
    space = {f"x{i}": ("float", 0.0, 1.0) for i in range(n_numeric)}
    space |= {f"c{i}": ("categorical", ["a", "b"]) for i in range(n_cat)}
    grid = grid_search_space(space, n_trials=n_trials)
    size = int(np.prod([len(v) for v in grid.values()]))
    points = len(grid["x0"])
    assert points >= 2
    assert size <= n_trials or points == 2  # at least 2 points per range, else fits
    assert (points + 1) ** n_numeric * 2**n_cat > n_trials  # the largest that fits


def test_samplers_and_pruners_are_seeded_and_checked():
    space = {"x": ("float", 0.0, 1.0)}
    draws = []
    for _ in range(2):
        study = optuna.create_study(
            sampler=make_sampler("random", space, random_state=5, n_trials=3)
        )
        draws.append([study.ask().suggest_float("x", 0, 1) for _ in range(3)])
    assert draws[0] == draws[1]
    custom = optuna.samplers.QMCSampler(seed=0)
    assert make_sampler(custom, space, random_state=0, n_trials=3) is custom
    with pytest.raises(ValueError, match="'sampler' parameter of tune"):
        make_sampler("cmaes", space, random_state=0, n_trials=3)
    assert isinstance(make_pruner("none"), optuna.pruners.NopPruner)
    with pytest.raises(ValueError, match="'pruner' parameter of tune"):
        make_pruner(3)


def test_compare_samplers_bad_input():
    X, y = load_breast_cancer(return_X_y=True)
    with pytest.raises(ValueError, match="'seeds' parameter of compare_samplers"):
        compare_samplers("tree", X, y, seeds=[])
    with pytest.raises(ValueError, match="'samplers' parameter of compare_samplers"):
        compare_samplers("tree", X, y, samplers=["bayes"])

"""Grid vs random vs TPE at the same budget: best-so-far curves over several seeds."""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._validation import check_scalar, param_message

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["SamplerComparison", "SamplerComparisonDisplay", "compare_samplers"]

_OWNER = "compare_samplers"
_LABELS = {"grid": "grid search", "random": "random search", "tpe": "TPE (Bayesian)"}


def best_so_far(values: Any, *, greater_is_better: bool) -> np.ndarray:
    """Return the running best of trial values (NaN values of failed trials are skipped).

    Parameters
    ----------
    values : array-like of float
        Trial values in trial order.
    greater_is_better : bool
        Direction.

    Returns
    -------
    ndarray
        ``out[i]`` is the best of ``values[: i + 1]`` (NaN until a first finite value).

    Examples
    --------
    >>> best_so_far([0.5, float("nan"), 0.7, 0.6], greater_is_better=True).tolist()
    [0.5, 0.5, 0.7, 0.7]
    """
    arr = np.asarray(values, dtype=float)
    filled = np.where(np.isnan(arr), -np.inf if greater_is_better else np.inf, arr)
    running = np.maximum.accumulate(filled) if greater_is_better else np.minimum.accumulate(filled)
    return np.where(np.isinf(running), np.nan, running)


@dataclass
class SamplerComparison:
    """The outcome of :func:`compare_samplers`.

    Attributes
    ----------
    curves : DataFrame
        One row per (sampler, seed, trial): ``sampler``, ``seed``,
        ``trial`` (1-based), ``value`` (NaN if the trial failed) and
        ``best_so_far``.
    summary : DataFrame
        Per sampler: mean, std, min and max over the seeds of the best
        score at the end of the budget.
    metric : str
        The objective metric.
    greater_is_better : bool
        Its direction.
    n_trials : int
        The budget of every study.
    seeds : list of int
        The sampler seeds.
    grid : dict of str to list
        The grid the grid sampler searched.

    Examples
    --------
    See :func:`compare_samplers`.
    """

    curves: pd.DataFrame
    summary: pd.DataFrame
    metric: str
    greater_is_better: bool
    n_trials: int
    seeds: list[int]
    grid: dict[str, list[Any]] = field(default_factory=dict)

    def plot(self, *, ax: Axes | None = None) -> SamplerComparisonDisplay:
        """Draw the best-so-far curves (see :class:`SamplerComparisonDisplay`).

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` makes a new figure.

        Returns
        -------
        SamplerComparisonDisplay
        """
        return SamplerComparisonDisplay.from_comparison(self, ax=ax)


def compare_samplers(
    model: Any,
    X: Any,
    y: Any,
    *,
    space: Mapping[str, Any] | None = None,
    n_trials: int = 30,
    seeds: Sequence[int] = (0, 1, 2),
    samplers: Sequence[str] = ("grid", "random", "tpe"),
    cv: Any = 5,
    scoring: str | None = None,
    task: str | None = None,
    pruner: Any = "none",
    grid_points: int | None = None,
    random_state: Any = 0,
) -> SamplerComparison:
    """Run grid, random and TPE search at the same budget, over several seeds.

    Every study is a :func:`tune` in memory with ``n_trials`` trials, the
    same space and the same cross-validation folds (fixed by
    ``random_state``); only the sampler and its seed change. The grid has
    as many points per numeric range as fit in the budget (see
    :func:`grid_search_space`); when it is larger than the budget, each seed
    visits a different random subset of it, and when it is smaller, grid
    search stops early (its curve stays flat, its ``value`` is NaN).

    Parameters
    ----------
    model : str or estimator
        As for :func:`tune`.
    X : DataFrame of shape (n_samples, n_features)
        Features.
    y : array-like of shape (n_samples,)
        Target.
    space : dict, default=None
        Search space; ``None`` uses :func:`default_space`.
    n_trials : int, default=30
        Budget of every study.
    seeds : sequence of int, default=(0, 1, 2)
        Sampler seeds; one study per sampler and seed.
    samplers : sequence of {"grid", "random", "tpe"}, default=("grid", "random", "tpe")
        The samplers to compare.
    cv : int or CV splitter, default=5
        Folds (shuffled with ``random_state``), the same for every study.
    scoring : str, default=None
        Metric, as for :func:`tune`.
    task : {"classification", "regression"}, default=None
        ``None`` detects it.
    pruner : {"median", "none"}, None or optuna pruner, default="none"
        No pruning by default, so that samplers are compared alone.
    grid_points : int, default=None
        Values per numeric range of the grid.
    random_state : int, default=0
        Seed of the folds.

    Returns
    -------
    SamplerComparison

    Examples
    --------
    >>> from mlcourse.datasets import load_breast_cancer
    >>> X, y = load_breast_cancer(return_X_y=True)
    >>> comparison = compare_samplers("tree", X, y, n_trials=4, seeds=[0, 1], cv=3)
    >>> comparison.summary.index.tolist(), comparison.curves.shape
    (['grid', 'random', 'tpe'], (24, 5))
    """
    from sklearn.model_selection import KFold, StratifiedKFold

    from ..experiment._engine import detect_task
    from ._tune import SAMPLERS, grid_search_space, tune

    check_scalar(n_trials, "n_trials", numbers.Integral, owner=_OWNER, min_val=1)
    seed_list = list(seeds) if isinstance(seeds, Sequence) and not isinstance(seeds, str) else []
    if not seed_list or any(
        isinstance(s, bool) or not isinstance(s, numbers.Integral) for s in seed_list
    ):
        raise ValueError(param_message("seeds", "a non-empty list of ints", seeds, owner=_OWNER))
    names = list(samplers) if not isinstance(samplers, str) else [samplers]
    if not names or any(s not in SAMPLERS for s in names):
        raise ValueError(
            param_message(
                "samplers", f"a non-empty list among {list(SAMPLERS)}", samplers, owner=_OWNER
            )
        )
    if isinstance(cv, numbers.Integral) and not isinstance(cv, bool):
        check_scalar(cv, "cv", numbers.Integral, owner=_OWNER, min_val=2)
        kind = task or detect_task(y.dropna() if isinstance(y, pd.Series) else y)[0]
        splitter_cls = StratifiedKFold if kind == "classification" else KFold
        cv = splitter_cls(n_splits=int(cv), shuffle=True, random_state=random_state)
    rows = []
    finals: dict[str, list[float]] = {}
    metric, greater = "", True
    grid: dict[str, list[Any]] = {}
    for sampler in names:
        for seed in seed_list:
            result = tune(
                model,
                X,
                y,
                space=space,
                n_trials=n_trials,
                cv=cv,
                scoring=scoring,
                storage="memory",
                study_name=f"{sampler}-{seed}",
                sampler=sampler,
                pruner=pruner,
                random_state=int(seed),
                task=task,
                refit=False,
                baseline=False,
                grid_points=grid_points,
            )
            metric, greater = result.metric, result.greater_is_better
            if sampler == "grid" and not grid:
                grid = grid_search_space(result.space, n_trials=n_trials, grid_points=grid_points)
            frame = result.cv_results_.sort_values("number")
            values = np.where(frame["state"] == "COMPLETE", frame["value"], np.nan)[:n_trials]
            # a grid smaller than the budget ends early: its best stays what it was
            values = np.concatenate([values, np.full(n_trials - len(values), np.nan)])
            running = best_so_far(values, greater_is_better=greater)
            finals.setdefault(sampler, []).append(float(running[-1]))
            for i, (value, best) in enumerate(zip(values, running, strict=True), start=1):
                rows.append(
                    {
                        "sampler": sampler,
                        "seed": int(seed),
                        "trial": i,
                        "value": float(value),
                        "best_so_far": float(best),
                    }
                )
    curves = pd.DataFrame(rows, columns=["sampler", "seed", "trial", "value", "best_so_far"])
    summary = pd.DataFrame(
        {
            "mean": {s: float(np.mean(v)) for s, v in finals.items()},
            "std": {s: float(np.std(v)) for s, v in finals.items()},
            "min": {s: float(np.min(v)) for s, v in finals.items()},
            "max": {s: float(np.max(v)) for s, v in finals.items()},
        }
    )
    summary.index.name = "sampler"
    return SamplerComparison(
        curves, summary, metric, greater, int(n_trials), [int(s) for s in seed_list], grid
    )


class SamplerComparisonDisplay:
    """Best-so-far curves of several samplers: the mean over seeds, with a min-max band.

    Parameters
    ----------
    curves : DataFrame
        Columns ``sampler``, ``seed``, ``trial``, ``best_so_far`` (as
        :attr:`SamplerComparison.curves`).
    metric : str
        Name of the objective, for the axis label.
    greater_is_better : bool, default=True
        Direction (said in the title).

    Attributes
    ----------
    ax_ : matplotlib Axes
    figure_ : matplotlib Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> curves = pd.DataFrame({"sampler": ["tpe"] * 4, "seed": [0, 0, 1, 1],
    ...                        "trial": [1, 2, 1, 2], "best_so_far": [0.9, 0.95, 0.92, 0.93]})
    >>> display = SamplerComparisonDisplay(curves, metric="accuracy").plot()
    >>> display.ax_.get_xlabel()
    'trial (budget used)'
    """

    def __init__(
        self, curves: pd.DataFrame, *, metric: str, greater_is_better: bool = True
    ) -> None:
        self.curves = curves
        self.metric = metric
        self.greater_is_better = greater_is_better

    @classmethod
    def from_comparison(
        cls, comparison: SamplerComparison, *, ax: Axes | None = None
    ) -> SamplerComparisonDisplay:
        """Plot a :class:`SamplerComparison`.

        Parameters
        ----------
        comparison : SamplerComparison
            From :func:`compare_samplers`.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        SamplerComparisonDisplay
        """
        return cls(
            comparison.curves,
            metric=comparison.metric,
            greater_is_better=comparison.greater_is_better,
        ).plot(ax=ax)

    def plot(self, *, ax: Axes | None = None) -> SamplerComparisonDisplay:
        """Draw the curves.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` makes a new figure.

        Returns
        -------
        self
        """
        from ..plotting import PALETTE, get_axes, label_axes

        ax = get_axes(ax)
        n_seeds = self.curves["seed"].nunique()
        for color, (sampler, group) in zip(
            PALETTE, self.curves.groupby("sampler", sort=False), strict=False
        ):
            table = group.pivot(index="trial", columns="seed", values="best_so_far")
            x = table.index.to_numpy()
            ax.plot(
                x,
                table.mean(axis=1),
                color=color,
                lw=2,
                label=f"{_LABELS.get(str(sampler), str(sampler))} (mean)",
            )
            ax.fill_between(x, table.min(axis=1), table.max(axis=1), color=color, alpha=0.2, lw=0)
        direction = "higher" if self.greater_is_better else "lower"
        label_axes(
            ax,
            title=f"Best {self.metric} so far, band = min-max over {n_seeds} seeds "
            f"({direction} is better)",
            xlabel="trial (budget used)",
            ylabel=f"best cross-validated {self.metric}",
        )
        ax.legend(frameon=False, fontsize="small")
        self.ax_: Axes = ax
        self.figure_: Figure = ax.figure  # type: ignore[assignment]
        return self

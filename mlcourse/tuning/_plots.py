"""Displays of a study: optimisation history, parameter importances, slices, contours.

Our own matplotlib Displays (Optuna's ``optuna.visualization.matplotlib`` is
experimental and cannot draw on a given axes): each takes a study (or a
:class:`TuneResult`) and draws in the mlcourse style.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._validation import param_message

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "ContourDisplay",
    "OptimizationHistoryDisplay",
    "ParamImportanceDisplay",
    "SliceDisplay",
]


def _study_of(study_or_result: Any, owner: str) -> Any:
    study = getattr(study_or_result, "study", study_or_result)
    if not hasattr(study, "trials") or not hasattr(study, "direction"):
        raise TypeError(
            param_message(
                "study",
                "an optuna Study or a TuneResult",
                type(study_or_result).__name__,
                owner=owner,
            )
        )
    return study


def _metric_of(study: Any, metric: str | None) -> str:
    return metric or str(study.user_attrs.get("mlcourse_metric", "objective value"))


def _completed(study: Any, owner: str, minimum: int = 1) -> list[Any]:
    from optuna.trial import TrialState

    trials = study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,))
    if len(trials) < minimum:
        raise ValueError(
            f"{owner} needs at least {minimum} completed trial(s); the study "
            f"'{study.study_name}' has {len(trials)}."
        )
    return trials


def _param_axis(trials: list[Any], name: str) -> tuple[np.ndarray, bool, list[Any] | None]:
    """Return x positions of a parameter, whether its axis is log, and category labels."""
    from optuna.distributions import CategoricalDistribution

    dist = next(t.distributions[name] for t in trials if name in t.distributions)
    values = [t.params.get(name) for t in trials]
    if isinstance(dist, CategoricalDistribution):
        choices = list(dist.choices)
        return np.array([choices.index(v) for v in values], dtype=float), False, choices
    return np.array(values, dtype=float), bool(getattr(dist, "log", False)), None


def _set_param_axis(ax: Axes, axis: str, name: str, log: bool, choices: list[Any] | None) -> None:
    if choices is not None:
        ticks = list(range(len(choices)))
        labels = [str(c) for c in choices]
        if axis == "x":
            ax.set_xticks(ticks, labels)
        else:
            ax.set_yticks(ticks, labels)
    elif log:
        (ax.set_xscale if axis == "x" else ax.set_yscale)("log")
    suffix = " (log scale)" if log else ""
    (ax.set_xlabel if axis == "x" else ax.set_ylabel)(f"{name}{suffix}")


def _param_names(trials: list[Any]) -> list[str]:
    names: list[str] = []
    for t in trials:
        for name in t.params:
            if name not in names:
                names.append(name)
    return names


class OptimizationHistoryDisplay:
    """Trial values in trial order, with the best value so far.

    Parameters
    ----------
    numbers : array-like of int
        Trial numbers of the completed trials.
    values : array-like of float
        Their values.
    greater_is_better : bool
        Direction of the study.
    metric : str, default="objective value"
        Axis label.
    n_pruned : int, default=0
        Pruned trials (said in the legend; they have no final value).

    Attributes
    ----------
    best_so_far : ndarray
        Running best of ``values``.
    ax_ : matplotlib Axes
    figure_ : matplotlib Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> display = OptimizationHistoryDisplay([0, 1, 2], [0.9, 0.95, 0.93], greater_is_better=True)
    >>> display.plot().best_so_far.tolist()
    [0.9, 0.95, 0.95]
    """

    def __init__(
        self,
        numbers: Any,
        values: Any,
        *,
        greater_is_better: bool,
        metric: str = "objective value",
        n_pruned: int = 0,
    ) -> None:
        from ._compare import best_so_far

        self.numbers = np.asarray(numbers, dtype=int)
        self.values = np.asarray(values, dtype=float)
        self.greater_is_better = greater_is_better
        self.metric = metric
        self.n_pruned = n_pruned
        self.best_so_far = best_so_far(self.values, greater_is_better=greater_is_better)

    @classmethod
    def from_study(
        cls, study: Any, *, metric: str | None = None, ax: Axes | None = None
    ) -> OptimizationHistoryDisplay:
        """Plot the history of a study (or of a :class:`TuneResult`).

        Parameters
        ----------
        study : optuna.Study or TuneResult
            The study.
        metric : str, default=None
            Axis label; ``None`` uses the metric ``tune`` stored in the study.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        OptimizationHistoryDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from mlcourse.datasets import load_iris
        >>> from mlcourse.tuning import tune
        >>> X, y = load_iris(return_X_y=True)
        >>> result = tune("knn", X, y, n_trials=5, cv=3, random_state=0, storage="memory")
        >>> OptimizationHistoryDisplay.from_study(result).ax_.get_ylabel()
        'cross-validated accuracy'
        """
        from optuna.trial import TrialState

        owner = "OptimizationHistoryDisplay"
        study = _study_of(study, owner)
        trials = _completed(study, owner)
        n_pruned = len(study.get_trials(deepcopy=False, states=(TrialState.PRUNED,)))
        return cls(
            [t.number for t in trials],
            [t.value for t in trials],
            greater_is_better=study.direction.name == "MAXIMIZE",
            metric=_metric_of(study, metric),
            n_pruned=n_pruned,
        ).plot(ax=ax)

    def plot(self, *, ax: Axes | None = None) -> OptimizationHistoryDisplay:
        """Draw the history.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` makes a new figure.

        Returns
        -------
        self
        """
        from ..plotting import COLORS, get_axes, label_axes

        ax = get_axes(ax)
        label = "completed trial" + (
            f" ({self.n_pruned} pruned not shown)" if self.n_pruned else ""
        )
        ax.scatter(self.numbers, self.values, s=18, color=COLORS["main"], alpha=0.7, label=label)
        ax.step(
            self.numbers,
            self.best_so_far,
            where="post",
            color=COLORS["marker"],
            lw=2,
            label="best so far",
        )
        direction = "higher" if self.greater_is_better else "lower"
        label_axes(
            ax,
            title=f"Optimisation history ({direction} is better)",
            xlabel="trial number",
            ylabel=f"cross-validated {self.metric}",
            legend=True,
        )
        self.ax_: Axes = ax
        self.figure_: Figure = ax.figure  # type: ignore[assignment]
        return self


class ParamImportanceDisplay:
    """Horizontal bars: how much each hyperparameter explains the objective.

    Parameters
    ----------
    importances : dict of str to float
        Importance per hyperparameter (Optuna's
        ``get_param_importances``: normalised to sum to 1).

    Attributes
    ----------
    ax_ : matplotlib Axes
    figure_ : matplotlib Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> display = ParamImportanceDisplay({"max_depth": 0.7, "learning_rate": 0.3}).plot()
    >>> [t.get_text() for t in display.ax_.get_yticklabels()]
    ['learning_rate', 'max_depth']
    """

    def __init__(self, importances: dict[str, float]) -> None:
        self.importances = dict(importances)

    @classmethod
    def from_study(
        cls, study: Any, *, evaluator: Any = None, ax: Axes | None = None
    ) -> ParamImportanceDisplay:
        """Compute importances with Optuna and plot them.

        Parameters
        ----------
        study : optuna.Study or TuneResult
            The study (at least 2 completed trials).
        evaluator : optuna importance evaluator, default=None
            ``None``: Optuna's default (PED-ANOVA).
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        ParamImportanceDisplay
        """
        import optuna

        owner = "ParamImportanceDisplay"
        study = _study_of(study, owner)
        _completed(study, owner, minimum=2)
        importances = optuna.importance.get_param_importances(study, evaluator=evaluator)
        return cls(importances).plot(ax=ax)

    def plot(self, *, ax: Axes | None = None) -> ParamImportanceDisplay:
        """Draw the bars, most important at the top.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        self
        """
        from ..plotting import COLORS, get_axes, label_axes

        ax = get_axes(ax)
        items = sorted(self.importances.items(), key=lambda kv: kv[1])
        ax.barh([k for k, _ in items], [v for _, v in items], color=COLORS["main"])
        label_axes(
            ax,
            title="Hyperparameter importance",
            xlabel="importance (share of the objective's variation)",
            ylabel="hyperparameter",
        )
        self.ax_: Axes = ax
        self.figure_: Figure = ax.figure  # type: ignore[assignment]
        return self


class SliceDisplay:
    """One panel per hyperparameter: each completed trial's value against it.

    Parameters
    ----------
    study : optuna.Study or TuneResult
        The study.
    params : list of str, default=None
        Hyperparameters to show; ``None``: all.
    metric : str, default=None
        Axis label; ``None`` uses the metric stored by ``tune``.

    Attributes
    ----------
    axes_ : ndarray of matplotlib Axes
        One per hyperparameter.
    ax_ : matplotlib Axes
        The first panel.
    figure_ : matplotlib Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from mlcourse.datasets import load_iris
    >>> from mlcourse.tuning import tune
    >>> X, y = load_iris(return_X_y=True)
    >>> result = tune("knn", X, y, n_trials=5, cv=3, random_state=0, storage="memory")
    >>> display = SliceDisplay.from_study(result, params=["n_neighbors", "weights"])
    >>> [ax.get_xlabel() for ax in display.axes_]
    ['n_neighbors (log scale)', 'weights']
    """

    def __init__(
        self, study: Any, *, params: list[str] | None = None, metric: str | None = None
    ) -> None:
        self.study = _study_of(study, "SliceDisplay")
        self.params = params
        self.metric = _metric_of(self.study, metric)

    @classmethod
    def from_study(
        cls,
        study: Any,
        *,
        params: list[str] | None = None,
        metric: str | None = None,
        axes: Any = None,
    ) -> SliceDisplay:
        """Plot the slices of a study.

        Parameters
        ----------
        study : optuna.Study or TuneResult
            The study.
        params : list of str, default=None
            Hyperparameters to show; ``None``: all.
        metric : str, default=None
            Axis label.
        axes : array of matplotlib Axes, default=None
            One per hyperparameter; ``None`` makes a new figure.

        Returns
        -------
        SliceDisplay
        """
        return cls(study, params=params, metric=metric).plot(axes=axes)

    def plot(self, *, axes: Any = None) -> SliceDisplay:
        """Draw the panels.

        Parameters
        ----------
        axes : array of matplotlib Axes, default=None
            One per hyperparameter; ``None`` makes a new figure (up to 4 per row).

        Returns
        -------
        self
        """
        from ..plotting import COLORS

        trials = _completed(self.study, "SliceDisplay")
        known = _param_names(trials)
        names = self.params or known
        unknown = [n for n in names if n not in known]
        if unknown:
            raise ValueError(
                param_message(
                    "params",
                    f"names among {known}",
                    unknown[0],
                    owner="SliceDisplay",
                )
            )
        if axes is None:
            import matplotlib.pyplot as plt

            n_cols = min(4, len(names))
            n_rows = math.ceil(len(names) / n_cols)
            fig, grid = plt.subplots(
                n_rows,
                n_cols,
                figsize=(3.3 * n_cols, 2.9 * n_rows),
                squeeze=False,
                sharey=True,
                layout="constrained",
            )
            for extra in grid.ravel()[len(names) :]:
                extra.set_visible(False)
            axes = grid.ravel()[: len(names)]
        axes = np.asarray(axes, dtype=object).ravel()
        if len(axes) < len(names):
            raise ValueError(
                param_message(
                    "axes", f"{len(names)} axes", f"{len(axes)} axes", owner="SliceDisplay"
                )
            )
        numbers = np.array([t.number for t in trials])
        values = np.array([t.value for t in trials], dtype=float)
        for ax, name in zip(axes, names, strict=False):
            has = [name in t.params for t in trials]
            sub = [t for t, h in zip(trials, has, strict=True) if h]
            x, log, choices = _param_axis(sub, name)
            points = ax.scatter(
                x,
                values[has],
                c=numbers[has],
                cmap="viridis",
                s=16,
                edgecolors=COLORS["reference"],
                linewidths=0.3,
            )
            _set_param_axis(ax, "x", name, log, choices)
            ax.set_title(name, fontsize="medium")
        axes[0].set_ylabel(f"cross-validated {self.metric}")
        fig = axes[0].figure
        fig.suptitle(
            "Slice plot: objective against each hyperparameter (colour = trial number)",
            fontsize="medium",
        )
        fig.colorbar(points, ax=list(axes), label="trial number", shrink=0.8)
        self.axes_ = axes
        self.ax_: Axes = axes[0]
        self.figure_: Figure = fig
        return self


class ContourDisplay:
    """The objective over two hyperparameters: interpolated contours and the trials.

    Parameters
    ----------
    study : optuna.Study or TuneResult
        The study.
    x, y : str, default=None
        The two hyperparameters; ``None`` picks the two most important
        (Optuna's ``get_param_importances``).
    metric : str, default=None
        Colour-bar label; ``None`` uses the metric stored by ``tune``.

    Attributes
    ----------
    x, y : str
        The hyperparameters shown.
    ax_ : matplotlib Axes
    figure_ : matplotlib Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from mlcourse.datasets import load_iris
    >>> from mlcourse.tuning import tune
    >>> X, y = load_iris(return_X_y=True)
    >>> result = tune("svm", X, y, n_trials=8, cv=3, random_state=0, storage="memory")
    >>> display = ContourDisplay.from_study(result, x="C", y="gamma")
    >>> display.ax_.get_xlabel(), display.ax_.get_ylabel()
    ('C (log scale)', 'gamma (log scale)')
    """

    def __init__(
        self, study: Any, *, x: str | None = None, y: str | None = None, metric: str | None = None
    ) -> None:
        self.study = _study_of(study, "ContourDisplay")
        self.metric = _metric_of(self.study, metric)
        trials = _completed(self.study, "ContourDisplay", minimum=2)
        names = _param_names(trials)
        if x is None or y is None:
            if len(names) < 2:
                raise ValueError(
                    f"ContourDisplay needs two hyperparameters; the study has {names}."
                )
            import optuna

            ranked = list(optuna.importance.get_param_importances(self.study))
            ranked += [n for n in names if n not in ranked]
            x = x or next(n for n in ranked if n != y)
            y = y or next(n for n in ranked if n != x)
        for label, value in (("x", x), ("y", y)):
            if value not in names:
                raise ValueError(
                    param_message(label, f"one of {names}", value, owner="ContourDisplay")
                )
        self.x, self.y = x, y

    @classmethod
    def from_study(
        cls,
        study: Any,
        *,
        x: str | None = None,
        y: str | None = None,
        metric: str | None = None,
        ax: Axes | None = None,
    ) -> ContourDisplay:
        """Plot the contour of a study.

        Parameters
        ----------
        study : optuna.Study or TuneResult
            The study.
        x, y : str, default=None
            The two hyperparameters (default: the two most important).
        metric : str, default=None
            Colour-bar label.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        ContourDisplay
        """
        return cls(study, x=x, y=y, metric=metric).plot(ax=ax)

    def plot(self, *, ax: Axes | None = None) -> ContourDisplay:
        """Draw the contours (when the trials span an area) and the trials.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        self
        """
        from ..plotting import COLORS, get_axes, label_axes

        ax = get_axes(ax, figsize=(6.0, 4.5))
        trials = [
            t
            for t in _completed(self.study, "ContourDisplay")
            if self.x in t.params and self.y in t.params
        ]
        xs, xlog, xchoices = _param_axis(trials, self.x)
        ys, ylog, ychoices = _param_axis(trials, self.y)
        z = np.array([t.value for t in trials], dtype=float)
        # interpolate where the axis is drawn: in log10 units for log axes
        fx = np.log10(xs) if xlog else xs
        fy = np.log10(ys) if ylog else ys
        filled = None
        spread = (
            np.ptp(fx) > 0
            and np.ptp(fy) > 0
            and len(z) >= 4
            and len(pd.unique(pd.Series(list(zip(fx, fy, strict=True))))) >= 4
        )
        if spread:
            import matplotlib.tri as mtri

            try:
                tri = mtri.Triangulation((fx - fx.min()) / np.ptp(fx), (fy - fy.min()) / np.ptp(fy))
                tri = mtri.Triangulation(xs, ys, tri.triangles)
                filled = ax.tricontourf(tri, z, levels=12, cmap="viridis", alpha=0.85)
            except (RuntimeError, ValueError):  # degenerate (collinear) trials
                filled = None
        points = ax.scatter(
            xs,
            ys,
            c=z if filled is None else COLORS["reference"],
            s=18,
            cmap="viridis" if filled is None else None,
            edgecolors="white",
            linewidths=0.5,
            label="trial",
        )
        _set_param_axis(ax, "x", self.x, xlog, xchoices)
        _set_param_axis(ax, "y", self.y, ylog, ychoices)
        ax.figure.colorbar(
            filled if filled is not None else points, ax=ax, label=f"cross-validated {self.metric}"
        )
        label_axes(ax, title=f"Contour: {self.metric} over {self.x} and {self.y}")
        self.ax_: Axes = ax
        self.figure_: Figure = ax.figure  # type: ignore[assignment]
        return self

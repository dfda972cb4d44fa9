"""Regression Display: actual vs. predicted, or residuals vs. predicted."""

from __future__ import annotations

import numbers
from typing import TYPE_CHECKING, Any

import numpy as np

from mlcourse._validation import (
    check_consistent_length,
    check_in,
    check_random_state,
    column_or_1d,
    param_message,
)

from ._style import COLORS, _figure, _merge, get_axes, label_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["PredictionErrorDisplay"]

_KINDS = ["actual_vs_predicted", "residual_vs_predicted"]


def _with_unit(text: str, unit: str | None) -> str:
    return text if unit is None else f"{text} ({unit})"


class PredictionErrorDisplay:
    """Regression error visualisation.

    ``kind="actual_vs_predicted"`` plots the true values against the
    predictions, with the diagonal of perfect predictions;
    ``kind="residual_vs_predicted"`` plots the residuals
    ``y_true - y_pred`` against the predictions, with the zero line. A good
    model's residuals scatter evenly around zero; a funnel or a curve shows
    a pattern the model missed.

    Parameters
    ----------
    y_true : ndarray of shape (n_samples,)
        True values.
    y_pred : ndarray of shape (n_samples,)
        Predicted values.

    Attributes
    ----------
    line_ : matplotlib Line2D
        The perfect-prediction line (diagonal or zero).
    scatter_ : matplotlib PathCollection
        The points.
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from mlcourse.plotting import PredictionErrorDisplay
    >>> disp = PredictionErrorDisplay.from_predictions(
    ...     [3.0, 5.0, 7.5], [2.5, 5.0, 8.0], kind="actual_vs_predicted", unit="kg"
    ... )
    >>> disp.ax_.get_ylabel()
    'Actual value (kg)'
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(self, *, y_true: Any, y_pred: Any) -> None:
        self.y_true = y_true
        self.y_pred = y_pred

    def plot(
        self,
        *,
        ax: Axes | None = None,
        kind: str = "residual_vs_predicted",
        unit: str | None = None,
        title: str | None = None,
        scatter_kwargs: dict[str, Any] | None = None,
        line_kwargs: dict[str, Any] | None = None,
    ) -> PredictionErrorDisplay:
        """Plot the errors.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` creates a new figure.
        kind : {"actual_vs_predicted", "residual_vs_predicted"}, default="residual_vs_predicted"
            What to plot against the predictions.
        unit : str, default=None
            Unit of the target (e.g. ``"USD"``), added to the axis labels.
        title : str, default=None
            Title; ``None`` picks one from ``kind``.
        scatter_kwargs, line_kwargs : dict, default=None
            Keywords passed to ``Axes.scatter`` and ``Axes.plot``.

        Returns
        -------
        PredictionErrorDisplay
            ``self``, with ``line_``, ``scatter_``, ``ax_`` and ``figure_``.

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> disp = PredictionErrorDisplay(y_true=[1.0, 2.0], y_pred=[1.5, 1.5]).plot()
        >>> [float(v) for v in disp.scatter_.get_offsets()[:, 1]]
        [-0.5, 0.5]
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        owner = f"{type(self).__name__}.plot"
        check_in(kind, "kind", _KINDS, owner=owner)
        y_true = np.asarray(self.y_true, dtype=float)
        y_pred = np.asarray(self.y_pred, dtype=float)
        ax = get_axes(ax)
        scatter_defaults = {
            "color": COLORS["main"],
            "alpha": 0.6,
            "s": 16,
            "edgecolors": "none",
            "label": f"Samples (n = {y_true.size})",
        }
        line_defaults = {
            "color": COLORS["reference"],
            "linestyle": "--",
            "linewidth": 1.5,
            "label": "Perfect prediction",
        }
        if kind == "actual_vs_predicted":
            both = np.concatenate([y_true, y_pred]) if y_true.size else np.array([0.0, 1.0])
            lo, hi = float(np.min(both)), float(np.max(both))
            (self.line_,) = ax.plot([lo, hi], [lo, hi], **_merge(line_defaults, line_kwargs))
            self.scatter_ = ax.scatter(y_pred, y_true, **_merge(scatter_defaults, scatter_kwargs))
            ylabel = _with_unit("Actual value", unit)
            default_title = "Actual vs. predicted"
            ax.set_aspect("equal", adjustable="datalim")
        else:
            x = y_pred if y_pred.size else np.array([0.0, 1.0])
            lo, hi = float(np.min(x)), float(np.max(x))
            (self.line_,) = ax.plot([lo, hi], [0, 0], **_merge(line_defaults, line_kwargs))
            self.scatter_ = ax.scatter(
                y_pred, y_true - y_pred, **_merge(scatter_defaults, scatter_kwargs)
            )
            ylabel = _with_unit("Residual = actual - predicted", unit)
            default_title = "Residuals vs. predicted"
        label_axes(
            ax,
            title=default_title if title is None else title,
            xlabel=_with_unit("Predicted value", unit),
            ylabel=ylabel,
            legend=True,
        )
        self.ax_ = ax
        self.figure_ = _figure(ax)
        return self

    @classmethod
    def from_predictions(
        cls,
        y_true: Any,
        y_pred: Any,
        *,
        kind: str = "residual_vs_predicted",
        subsample: float | int | None = 1_000,
        random_state: Any = None,
        ax: Axes | None = None,
        unit: str | None = None,
        title: str | None = None,
        scatter_kwargs: dict[str, Any] | None = None,
        line_kwargs: dict[str, Any] | None = None,
    ) -> PredictionErrorDisplay:
        """Plot the errors of predictions.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            True values.
        y_pred : array-like of shape (n_samples,)
            Predicted values.
        kind : {"actual_vs_predicted", "residual_vs_predicted"}, default="residual_vs_predicted"
            What to plot against the predictions.
        subsample : float, int or None, default=1000
            Plot at most this many points (an int), this fraction of them (a
            float in (0, 1)), or all of them (``None``). Drawn without
            replacement using ``random_state``.
        random_state : int, numpy.random.Generator or None, default=None
            Controls the subsample.
        ax, unit, title, scatter_kwargs, line_kwargs
            As in :meth:`plot`.

        Returns
        -------
        PredictionErrorDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import numpy as np
        >>> y = np.arange(50.0)
        >>> disp = PredictionErrorDisplay.from_predictions(y, y + 1, subsample=10, random_state=0)
        >>> len(disp.scatter_.get_offsets())
        10
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        owner = f"{cls.__name__}.from_predictions"
        check_in(kind, "kind", _KINDS, owner=owner)
        y_true_arr = column_or_1d(y_true, "y_true", owner=owner, numeric=True)
        y_pred_arr = column_or_1d(y_pred, "y_pred", owner=owner, numeric=True)
        check_consistent_length([y_true_arr, y_pred_arr], ["y_true", "y_pred"], owner=owner)
        n = y_true_arr.size
        if subsample is not None:
            expected = "an int >= 1, a float in (0, 1) or None"
            if isinstance(subsample, bool) or not isinstance(subsample, numbers.Real):
                raise TypeError(param_message("subsample", expected, subsample, owner=owner))
            if isinstance(subsample, numbers.Integral):
                if subsample < 1:
                    raise ValueError(param_message("subsample", expected, subsample, owner=owner))
                size = int(subsample)
            else:
                if not 0.0 < float(subsample) < 1.0:
                    raise ValueError(param_message("subsample", expected, subsample, owner=owner))
                size = int(float(subsample) * n)
            if size < n:
                rng = check_random_state(random_state, owner=owner)
                idx = np.sort(rng.choice(n, size=size, replace=False))
                y_true_arr, y_pred_arr = y_true_arr[idx], y_pred_arr[idx]
        disp = cls(y_true=y_true_arr, y_pred=y_pred_arr)
        return disp.plot(
            ax=ax,
            kind=kind,
            unit=unit,
            title=title,
            scatter_kwargs=scatter_kwargs,
            line_kwargs=line_kwargs,
        )

    @classmethod
    def from_estimator(
        cls,
        estimator: Any,
        X: Any,
        y: Any,
        **kwargs: Any,
    ) -> PredictionErrorDisplay:
        """Predict with a fitted regressor and plot its errors.

        Parameters
        ----------
        estimator : fitted regressor
            Any object with ``predict``; it is not modified.
        X : array-like of shape (n_samples, n_features)
            Input features.
        y : array-like of shape (n_samples,)
            True values.
        **kwargs
            Passed to :meth:`from_predictions` (``kind``, ``subsample``,
            ``random_state``, ``unit``, ``ax``...).

        Returns
        -------
        PredictionErrorDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from sklearn.linear_model import LinearRegression
        >>> X, y = [[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0]
        >>> disp = PredictionErrorDisplay.from_estimator(LinearRegression().fit(X, y), X, y)
        >>> disp.ax_.get_title()
        'Residuals vs. predicted'
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(estimator)
        return cls.from_predictions(y, estimator.predict(X), **kwargs)

"""Hyperparameters set before training, shown by experiment on the from-scratch GD models."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .._validation import check_array, check_in, param_message

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["TrainingCurvesDisplay", "max_learning_rate"]


def max_learning_rate(X: Any, *, fit_intercept: bool = True) -> float:
    r"""Return :math:`2/L`, the largest stable learning rate of full-batch GD on squared error.

    For the loss :math:`\frac{1}{2n}\lVert Xw + b - y\rVert^2` the curvature is
    bounded by :math:`L`, the largest eigenvalue of :math:`\tilde X^\top \tilde X / n`
    (:math:`\tilde X` = ``X`` plus a column of ones when ``fit_intercept``).
    Gradient descent converges for :math:`\eta < 2/L` and diverges above.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Training data (as the model sees it, e.g. standardised).
    fit_intercept : bool, default=True
        Whether the model learns an intercept.

    Returns
    -------
    float

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0], [-1.0]])  # X^T X / n = 1, no correlation with the intercept
    >>> max_learning_rate(X)
    2.0
    """
    X = check_array(X, "X", owner="max_learning_rate")
    if fit_intercept:
        X = np.column_stack([X, np.ones(X.shape[0])])
    L = float(np.linalg.eigvalsh(X.T @ X / X.shape[0]).max())
    return 2.0 / L


class TrainingCurvesDisplay:
    """Training loss per epoch for several values of one hyperparameter.

    Fits a clone of the estimator for each value and draws its
    ``loss_curve_`` (one point per epoch), or its ``batch_loss_curve_``
    (one point per update: the noise of small batches). Works with any
    estimator that records ``loss_curve_``: :class:`LinearRegressionGD`,
    :class:`LogisticRegressionGD`, scikit-learn's ``MLPClassifier``.

    Parameters
    ----------
    curves : dict
        ``{value: loss per epoch (or per update)}``.
    param_name : str
        The hyperparameter.
    curve : {"epoch", "update"}, default="epoch"
        What the curves are.
    reference : float, default=None
        A horizontal line (e.g. the optimal loss).
    scores : dict, default=None
        ``{value: validation score}`` shown in the legend.

    Attributes
    ----------
    estimators_ : dict
        The fitted clones (set by ``from_estimator``).
    ax_ : matplotlib Axes
    figure_ : matplotlib Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import numpy as np
    >>> from mlcourse.supervised import LinearRegressionGD
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(100, 2)); y = X @ [1.0, 2.0] + rng.normal(size=100)
    >>> display = TrainingCurvesDisplay.from_estimator(
    ...     LinearRegressionGD(max_iter=30, tol=None), X, y,
    ...     param_name="learning_rate", param_values=[0.01, 0.1, 2.5])
    >>> display.diverged
    {0.01: False, 0.1: False, 2.5: True}
    """

    def __init__(
        self,
        curves: dict[Any, Any],
        *,
        param_name: str,
        curve: str = "epoch",
        reference: float | None = None,
        scores: dict[Any, float] | None = None,
    ) -> None:
        self.curves = {k: np.asarray(v, dtype=float) for k, v in curves.items()}
        self.param_name = param_name
        self.curve = check_in(curve, "curve", ["epoch", "update"], owner="TrainingCurvesDisplay")
        self.reference = reference
        self.scores = scores
        self.estimators_: dict[Any, Any] = {}
        first = {k: v[0] if v.size else np.nan for k, v in self.curves.items()}
        self.diverged = {
            k: bool(v.size and (not np.isfinite(v[-1]) or v[-1] > 10 * first[k]))
            for k, v in self.curves.items()
        }

    @classmethod
    def from_estimator(
        cls,
        estimator: Any,
        X: Any,
        y: Any,
        *,
        param_name: str,
        param_values: Sequence[Any],
        curve: str = "epoch",
        X_val: Any = None,
        y_val: Any = None,
        reference: float | None = None,
        max_updates: int | None = None,
        ax: Axes | None = None,
    ) -> TrainingCurvesDisplay:
        """Fit one clone per value and plot the loss curves.

        Parameters
        ----------
        estimator : estimator
            An unfitted estimator recording ``loss_curve_`` (and
            ``batch_loss_curve_`` for ``curve="update"``). Not modified.
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Targets.
        param_name : str
            Hyperparameter to vary (``learning_rate``, ``batch_size``,
            ``max_iter``, ``alpha``...).
        param_values : sequence
            Its values.
        curve : {"epoch", "update"}, default="epoch"
            Loss on all training data per epoch, or the loss of each
            mini-batch per update.
        X_val, y_val : array-like, default=None
            When given, each model's ``score`` on them is shown in the legend.
        reference : float, default=None
            A horizontal reference line (e.g. the optimal loss).
        max_updates : int, default=None
            With ``curve="update"``, keep only the first updates.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        TrainingCurvesDisplay
        """
        from sklearn.base import clone

        owner = "TrainingCurvesDisplay"
        if param_name not in estimator.get_params():
            raise ValueError(
                param_message(
                    "param_name",
                    f"a hyperparameter of {type(estimator).__name__}",
                    param_name,
                    owner=owner,
                )
            )
        attr = "loss_curve_" if curve == "epoch" else "batch_loss_curve_"
        curves, scores, fitted = {}, {}, {}
        for value in param_values:
            model = clone(estimator).set_params(**{param_name: value})
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # divergence is the lesson, not a surprise
                model.fit(X, y)
                if X_val is not None and y_val is not None:
                    scores[value] = float(model.score(X_val, y_val))
            values = list(getattr(model, attr))
            curves[value] = values[:max_updates] if max_updates else values
            fitted[value] = model
        display = cls(
            curves, param_name=param_name, curve=curve, reference=reference, scores=scores or None
        )
        display.estimators_ = fitted
        return display.plot(ax=ax)

    def plot(self, *, ax: Axes | None = None, log_y: bool = True) -> TrainingCurvesDisplay:
        """Draw the curves.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on.
        log_y : bool, default=True
            Log-scale loss axis.

        Returns
        -------
        self
        """
        from ..plotting import COLORS, PALETTE, get_axes, label_axes

        ax = get_axes(ax)
        finite_max = []
        for color, (value, losses) in zip(PALETTE, self.curves.items(), strict=False):
            label = (
                f"{self.param_name} = {value:.3g}"
                if isinstance(value, float)
                else (f"{self.param_name} = {value}")
            )
            if self.diverged[value]:
                label += " (diverged)"
            if self.scores is not None and value in self.scores:
                label += f", validation score {self.scores[value]:.3f}"
            steps = np.arange(1, len(losses) + 1)
            ax.plot(
                steps,
                losses,
                color=color,
                lw=1 if self.curve == "update" else 1.8,
                alpha=0.85,
                label=label,
            )
            ok = losses[np.isfinite(losses)]
            if ok.size and not self.diverged[value]:
                finite_max.append(float(ok.max()))
        if self.reference is not None:
            ax.axhline(self.reference, color=COLORS["reference"], linestyle=":", label="optimum")
        if log_y:
            ax.set_yscale("log")
        if finite_max:
            low = min(
                float(np.nanmin(v[np.isfinite(v) & (v > 0)]))
                for v in self.curves.values()
                if np.any(np.isfinite(v) & (v > 0))
            )
            ax.set_ylim(low * 0.9, max(finite_max) * 3)
        unit = "epoch" if self.curve == "epoch" else "update (one mini-batch)"
        what = "Training loss" if self.curve == "epoch" else "Mini-batch loss"
        label_axes(
            ax,
            title=f"{what} for several values of {self.param_name}",
            xlabel=unit,
            ylabel=f"{what.lower()} (model's objective)",
        )
        ax.legend(frameon=False, fontsize="small")
        self.ax_: Axes = ax
        self.figure_: Figure = ax.figure  # type: ignore[assignment]
        return self

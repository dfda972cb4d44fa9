"""ROC curve Display: the curve, its AUC, the chance diagonal and a chosen threshold."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import (
    _infer_pos_label,
    _metrics,
    _require_thresholds,
    _scores_from_estimator,
    _threshold_value,
)
from ._style import COLORS, _figure, _merge, get_axes, label_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["RocCurveDisplay"]


class RocCurveDisplay:
    """ROC curve visualisation: true positive rate against false positive rate.

    Each point is one threshold: predict positive when the score is at least
    the threshold. The area under the curve (AUC) is shown in the legend, the
    diagonal of a random classifier as a reference, and optionally the
    operating point of a chosen threshold.

    Parameters
    ----------
    fpr : ndarray of shape (n_thresholds,)
        False positive rates, increasing.
    tpr : ndarray of shape (n_thresholds,)
        True positive rates, increasing.
    roc_auc : float, default=None
        Area under the curve, shown in the legend.
    name : str, default=None
        Name of the model, shown in the legend.
    pos_label : int, float, bool or str, default=None
        The positive class, shown in the axis labels.
    thresholds : ndarray of shape (n_thresholds,), default=None
        Decreasing thresholds of the points (needed to mark a threshold).

    Attributes
    ----------
    line_ : matplotlib Line2D
        The ROC curve.
    chance_level_ : matplotlib Line2D or None
        The diagonal of a random classifier.
    threshold_marker_ : matplotlib Line2D or None
        The marker of the chosen threshold.
    threshold_point_ : tuple of float or None
        ``(fpr, tpr)`` at the chosen threshold.
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.

    See Also
    --------
    mlcourse.metrics.roc_curve : Compute the curve.
    mlcourse.metrics.choose_threshold : Pick a threshold for a stated goal.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from mlcourse.plotting import RocCurveDisplay
    >>> disp = RocCurveDisplay.from_predictions([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> disp.line_.get_label()
    'Classifier (AUC = 0.75)'
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(
        self,
        *,
        fpr: Any,
        tpr: Any,
        roc_auc: float | None = None,
        name: str | None = None,
        pos_label: Any = None,
        thresholds: Any = None,
    ) -> None:
        self.fpr = fpr
        self.tpr = tpr
        self.roc_auc = roc_auc
        self.name = name
        self.pos_label = pos_label
        self.thresholds = thresholds

    def plot(
        self,
        *,
        ax: Axes | None = None,
        name: str | None = None,
        plot_chance_level: bool = True,
        threshold: Any = None,
        chance_level_kw: dict[str, Any] | None = None,
        threshold_kw: dict[str, Any] | None = None,
        title: str | None = "ROC curve",
        **kwargs: Any,
    ) -> RocCurveDisplay:
        """Plot the curve.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` creates a new figure.
        name : str, default=None
            Legend name; ``None`` uses the display's ``name``.
        plot_chance_level : bool, default=True
            Draw the diagonal of a random classifier (AUC = 0.5).
        threshold : float or ThresholdChoice, default=None
            Mark the operating point of this threshold (the point of the
            smallest curve threshold that is at least ``threshold``). Needs
            ``thresholds``.
        chance_level_kw, threshold_kw : dict, default=None
            Keywords passed to ``Axes.plot`` for the diagonal and the marker.
        title : str or None, default="ROC curve"
            Title of the axes; the positive class is appended when known.
        **kwargs
            Passed to ``Axes.plot`` for the curve.

        Returns
        -------
        RocCurveDisplay
            ``self``, with ``line_``, ``chance_level_``, ``ax_``, ``figure_``.

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> disp = RocCurveDisplay(fpr=[0, 0, 1], tpr=[0, 1, 1], roc_auc=1.0).plot()
        >>> disp.chance_level_.get_label()
        'Chance level (AUC = 0.5)'
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        owner = f"{type(self).__name__}.plot"
        name = self.name if name is None else name
        fpr = np.asarray(self.fpr, dtype=float)
        tpr = np.asarray(self.tpr, dtype=float)
        label = name
        if self.roc_auc is not None:
            auc_text = f"AUC = {float(self.roc_auc):.2f}"
            label = auc_text if name is None else f"{name} ({auc_text})"

        ax = get_axes(ax, figsize=(5.5, 5.0))
        (self.line_,) = ax.plot(
            fpr, tpr, **_merge({"color": COLORS["main"], "linewidth": 2, "label": label}, kwargs)
        )
        self.chance_level_ = None
        if plot_chance_level:
            defaults = {
                "color": COLORS["reference"],
                "linestyle": "--",
                "linewidth": 1,
                "label": "Chance level (AUC = 0.5)",
            }
            (self.chance_level_,) = ax.plot([0, 1], [0, 1], **_merge(defaults, chance_level_kw))
        self.threshold_marker_ = None
        self.threshold_point_: tuple[float, float] | None = None
        if threshold is not None:
            t = _threshold_value(threshold, owner=owner)
            thr = _require_thresholds(self.thresholds, owner=owner)
            # thresholds decrease: the last one >= t gives "predict positive if score >= t"
            idx = int(np.flatnonzero(thr >= t)[-1]) if np.any(thr >= t) else 0
            self.threshold_point_ = (float(fpr[idx]), float(tpr[idx]))
            defaults = {
                "color": COLORS["marker"],
                "marker": "o",
                "markersize": 8,
                "linestyle": "none",
                "label": (f"Threshold {t:.3g}: FPR = {fpr[idx]:.2f}, TPR = {tpr[idx]:.2f}"),
            }
            (self.threshold_marker_,) = ax.plot(
                [fpr[idx]], [tpr[idx]], **_merge(defaults, threshold_kw)
            )
        if title is not None and self.pos_label is not None:
            title = f"{title} (positive class: {self.pos_label})"
        ax.set_xlim(-0.01, 1.01)
        ax.set_ylim(-0.01, 1.01)
        ax.set_aspect("equal")
        label_axes(
            ax,
            title=title,
            xlabel="False positive rate (FP / negatives)",
            ylabel="True positive rate = recall (TP / positives)",
            legend=True,
            legend_loc="lower right",
        )
        self.ax_ = ax
        self.figure_ = _figure(ax)
        return self

    @classmethod
    def from_predictions(
        cls,
        y_true: Any,
        y_score: Any,
        *,
        pos_label: Any = None,
        sample_weight: Any = None,
        drop_intermediate: bool = True,
        name: str | None = None,
        ax: Axes | None = None,
        plot_chance_level: bool = True,
        threshold: Any = None,
        chance_level_kw: dict[str, Any] | None = None,
        threshold_kw: dict[str, Any] | None = None,
        title: str | None = "ROC curve",
        **kwargs: Any,
    ) -> RocCurveDisplay:
        """Compute the ROC curve of scores and plot it.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            True binary labels.
        y_score : array-like of shape (n_samples,)
            Scores of the positive class (probabilities or decision values).
        pos_label : int, float, bool or str, default=None
            The positive class; ``None`` means 1 when the labels are
            {0, 1} or {-1, 1}.
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights.
        drop_intermediate : bool, default=True
            Drop thresholds that do not change the curve's shape. Ignored
            (all thresholds kept) when ``threshold`` is given, so that its
            operating point is exact.
        name : str, default=None
            Legend name; ``None`` means ``"Classifier"``.
        ax, plot_chance_level, threshold, chance_level_kw, threshold_kw, title, **kwargs
            As in :meth:`plot`.

        Returns
        -------
        RocCurveDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> disp = RocCurveDisplay.from_predictions(
        ...     [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], threshold=0.35
        ... )
        >>> disp.threshold_point_
        (0.5, 1.0)
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        owner = f"{cls.__name__}.from_predictions"
        pos_label = _infer_pos_label(y_true, pos_label, owner=owner)
        metrics = _metrics()
        fpr, tpr, thresholds = metrics.roc_curve(
            y_true,
            y_score,
            pos_label=pos_label,
            sample_weight=sample_weight,
            drop_intermediate=drop_intermediate and threshold is None,
        )
        roc_auc = metrics.auc(fpr, tpr)
        disp = cls(
            fpr=fpr,
            tpr=tpr,
            roc_auc=float(roc_auc),
            name="Classifier" if name is None else name,
            pos_label=pos_label,
            thresholds=thresholds,
        )
        return disp.plot(
            ax=ax,
            plot_chance_level=plot_chance_level,
            threshold=threshold,
            chance_level_kw=chance_level_kw,
            threshold_kw=threshold_kw,
            title=title,
            **kwargs,
        )

    @classmethod
    def from_estimator(
        cls,
        estimator: Any,
        X: Any,
        y: Any,
        *,
        response_method: str = "auto",
        pos_label: Any = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> RocCurveDisplay:
        """Score with a fitted binary classifier and plot its ROC curve.

        Parameters
        ----------
        estimator : fitted binary classifier
            Any classifier with ``predict_proba`` or ``decision_function``
            and ``classes_``; it is not modified.
        X : array-like of shape (n_samples, n_features)
            Input features.
        y : array-like of shape (n_samples,)
            True labels.
        response_method : {"auto", "predict_proba", "decision_function"}, default="auto"
            Which scores to use; ``"auto"`` tries ``predict_proba`` first.
        pos_label : int, float, bool or str, default=None
            The positive class; ``None`` means ``estimator.classes_[1]``.
        name : str, default=None
            Legend name; ``None`` uses the estimator's class name.
        **kwargs
            Passed to :meth:`from_predictions` (``sample_weight``,
            ``threshold``, ``ax``...).

        Returns
        -------
        RocCurveDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from sklearn.linear_model import LogisticRegression
        >>> X, y = [[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1]
        >>> disp = RocCurveDisplay.from_estimator(LogisticRegression().fit(X, y), X, y)
        >>> disp.line_.get_label()
        'LogisticRegression (AUC = 1.00)'
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        y_score, pos_label, default_name = _scores_from_estimator(
            estimator,
            X,
            response_method=response_method,
            pos_label=pos_label,
            owner=f"{cls.__name__}.from_estimator",
        )
        return cls.from_predictions(
            y,
            y_score,
            pos_label=pos_label,
            name=default_name if name is None else name,
            **kwargs,
        )

"""Precision-recall Display: the curve, average precision, no-skill line, a threshold."""

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

__all__ = ["PrecisionRecallDisplay"]


class PrecisionRecallDisplay:
    """Precision-recall curve visualisation: precision against recall.

    Each point is one threshold: predict positive when the score is at least
    the threshold. The legend shows the average precision (AP); the no-skill
    baseline is the horizontal line at the prevalence of the positive class
    (a random classifier's precision at every recall). Optionally marks the
    operating point of a chosen threshold.

    Parameters
    ----------
    precision : ndarray of shape (n_thresholds + 1,)
        Precision values, the last one being 1.
    recall : ndarray of shape (n_thresholds + 1,)
        Recall values, decreasing, the last one being 0.
    average_precision : float, default=None
        Average precision, shown in the legend.
    name : str, default=None
        Name of the model, shown in the legend.
    pos_label : int, float, bool or str, default=None
        The positive class, shown in the axis labels.
    prevalence_pos_label : float, default=None
        Fraction of positives; the height of the no-skill baseline.
    thresholds : ndarray of shape (n_thresholds,), default=None
        Increasing thresholds of the points (needed to mark a threshold).

    Attributes
    ----------
    line_ : matplotlib Line2D
        The precision-recall curve.
    chance_level_ : matplotlib Line2D or None
        The no-skill baseline.
    threshold_marker_ : matplotlib Line2D or None
        The marker of the chosen threshold.
    threshold_point_ : tuple of float or None
        ``(recall, precision)`` at the chosen threshold.
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.

    See Also
    --------
    mlcourse.metrics.precision_recall_curve : Compute the curve.
    mlcourse.metrics.average_precision_score : Compute the AP.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from mlcourse.plotting import PrecisionRecallDisplay
    >>> disp = PrecisionRecallDisplay.from_predictions([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> disp.line_.get_label(), disp.chance_level_.get_label()
    ('Classifier (AP = 0.83)', 'No skill (AP = 0.50)')
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(
        self,
        precision: Any,
        recall: Any,
        *,
        average_precision: float | None = None,
        name: str | None = None,
        pos_label: Any = None,
        prevalence_pos_label: float | None = None,
        thresholds: Any = None,
    ) -> None:
        self.precision = precision
        self.recall = recall
        self.average_precision = average_precision
        self.name = name
        self.pos_label = pos_label
        self.prevalence_pos_label = prevalence_pos_label
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
        title: str | None = "Precision-recall curve",
        **kwargs: Any,
    ) -> PrecisionRecallDisplay:
        """Plot the curve.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` creates a new figure.
        name : str, default=None
            Legend name; ``None`` uses the display's ``name``.
        plot_chance_level : bool, default=True
            Draw the no-skill baseline (skipped when ``prevalence_pos_label``
            is None).
        threshold : float or ThresholdChoice, default=None
            Mark the operating point of this threshold (the point of the
            smallest curve threshold that is at least ``threshold``). Needs
            ``thresholds``.
        chance_level_kw, threshold_kw : dict, default=None
            Keywords passed to ``Axes.plot`` for the baseline and the marker.
        title : str or None, default="Precision-recall curve"
            Title of the axes; the positive class is appended when known.
        **kwargs
            Passed to ``Axes.plot`` for the curve.

        Returns
        -------
        PrecisionRecallDisplay
            ``self``, with ``line_``, ``chance_level_``, ``ax_``, ``figure_``.

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> disp = PrecisionRecallDisplay([0.5, 1.0, 1.0], [1.0, 0.5, 0.0]).plot()
        >>> disp.chance_level_ is None
        True
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        owner = f"{type(self).__name__}.plot"
        name = self.name if name is None else name
        precision = np.asarray(self.precision, dtype=float)
        recall = np.asarray(self.recall, dtype=float)
        label = name
        if self.average_precision is not None:
            ap_text = f"AP = {float(self.average_precision):.2f}"
            label = ap_text if name is None else f"{name} ({ap_text})"

        ax = get_axes(ax, figsize=(5.5, 5.0))
        defaults = {
            "color": COLORS["main"],
            "linewidth": 2,
            "drawstyle": "steps-post",
            "label": label,
        }
        (self.line_,) = ax.plot(recall, precision, **_merge(defaults, kwargs))
        self.chance_level_ = None
        if plot_chance_level and self.prevalence_pos_label is not None:
            p = float(self.prevalence_pos_label)
            defaults = {
                "color": COLORS["reference"],
                "linestyle": "--",
                "linewidth": 1,
                "label": f"No skill (AP = {p:.2f})",
            }
            (self.chance_level_,) = ax.plot([0, 1], [p, p], **_merge(defaults, chance_level_kw))
        self.threshold_marker_ = None
        self.threshold_point_: tuple[float, float] | None = None
        if threshold is not None:
            t = _threshold_value(threshold, owner=owner)
            thr = _require_thresholds(self.thresholds, owner=owner)
            # thresholds increase: the first one >= t gives "predict positive if score >= t"
            idx = int(np.searchsorted(thr, t, side="left"))
            self.threshold_point_ = (float(recall[idx]), float(precision[idx]))
            defaults = {
                "color": COLORS["marker"],
                "marker": "o",
                "markersize": 8,
                "linestyle": "none",
                "label": (
                    f"Threshold {t:.3g}: recall = {recall[idx]:.2f}, "
                    f"precision = {precision[idx]:.2f}"
                ),
            }
            (self.threshold_marker_,) = ax.plot(
                [recall[idx]], [precision[idx]], **_merge(defaults, threshold_kw)
            )
        if title is not None and self.pos_label is not None:
            title = f"{title} (positive class: {self.pos_label})"
        ax.set_xlim(-0.01, 1.01)
        ax.set_ylim(-0.01, 1.01)
        ax.set_aspect("equal")
        label_axes(
            ax,
            title=title,
            xlabel="Recall (TP / positives)",
            ylabel="Precision (TP / predicted positives)",
            legend=True,
            legend_loc="lower left",
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
        drop_intermediate: bool = False,
        name: str | None = None,
        ax: Axes | None = None,
        plot_chance_level: bool = True,
        threshold: Any = None,
        chance_level_kw: dict[str, Any] | None = None,
        threshold_kw: dict[str, Any] | None = None,
        title: str | None = "Precision-recall curve",
        **kwargs: Any,
    ) -> PrecisionRecallDisplay:
        """Compute the precision-recall curve of scores and plot it.

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
        drop_intermediate : bool, default=False
            Drop thresholds that do not change the curve's shape. Ignored
            when ``threshold`` is given, so that its operating point is exact.
        name : str, default=None
            Legend name; ``None`` means ``"Classifier"``.
        ax, plot_chance_level, threshold, chance_level_kw, threshold_kw, title, **kwargs
            As in :meth:`plot`.

        Returns
        -------
        PrecisionRecallDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> disp = PrecisionRecallDisplay.from_predictions(
        ...     [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], threshold=0.4
        ... )
        >>> disp.threshold_point_
        (0.5, 0.5)
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        owner = f"{cls.__name__}.from_predictions"
        pos_label = _infer_pos_label(y_true, pos_label, owner=owner)
        metrics = _metrics()
        precision, recall, thresholds = metrics.precision_recall_curve(
            y_true,
            y_score,
            pos_label=pos_label,
            sample_weight=sample_weight,
            drop_intermediate=drop_intermediate and threshold is None,
        )
        ap = metrics.average_precision_score(
            y_true, y_score, pos_label=pos_label, sample_weight=sample_weight
        )
        is_pos = np.asarray(y_true) == pos_label
        if sample_weight is None:
            prevalence = float(np.mean(is_pos))
        else:
            w = np.asarray(sample_weight, dtype=float)
            prevalence = float(np.sum(w * is_pos) / np.sum(w))
        disp = cls(
            precision,
            recall,
            average_precision=float(ap),
            name="Classifier" if name is None else name,
            pos_label=pos_label,
            prevalence_pos_label=prevalence,
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
    ) -> PrecisionRecallDisplay:
        """Score with a fitted binary classifier and plot its precision-recall curve.

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
        PrecisionRecallDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from sklearn.linear_model import LogisticRegression
        >>> X, y = [[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1]
        >>> disp = PrecisionRecallDisplay.from_estimator(LogisticRegression().fit(X, y), X, y)
        >>> disp.line_.get_label()
        'LogisticRegression (AP = 1.00)'
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

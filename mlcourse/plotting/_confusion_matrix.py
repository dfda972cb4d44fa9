"""Confusion matrix Display: counts, optional rates, TN/FP/FN/TP in the binary case."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from mlcourse._validation import check_in, param_message

from ._common import _metrics
from ._style import SEQUENTIAL_CMAP, _figure, _merge, get_axes, label_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["ConfusionMatrixDisplay"]

_OUTCOMES = (("TN", "FP"), ("FN", "TP"))
_RATES = [None, "true", "pred", "all"]
_COLORBAR_LABELS = {
    None: "Count (samples)",
    "true": "Fraction of the true class",
    "pred": "Fraction of the predicted class",
    "all": "Fraction of all samples",
}


def _format_value(value: float, values_format: str | None, kind: str, integral: bool) -> str:
    if values_format is not None:
        return format(value, values_format)
    if kind in "biu":
        return format(int(value), "d")
    if integral:
        return format(value, ".0f")
    return format(value, ".2f") if abs(value) <= 1 else format(value, ".3g")


def _rates(cm: np.ndarray, rates: str) -> np.ndarray:
    cm = cm.astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        if rates == "true":
            return cm / cm.sum(axis=1, keepdims=True)
        if rates == "pred":
            return cm / cm.sum(axis=0, keepdims=True)
        return cm / cm.sum()


class ConfusionMatrixDisplay:
    r"""Confusion matrix visualisation: rows are true labels, columns predictions.

    In the binary case (a 2 x 2 matrix, the second label being the positive
    class) each cell is named after its outcome: TN, FP (top row), FN, TP
    (bottom row). Each cell can also show a rate: the fraction of its true
    class (``rates="true"``: TNR, FPR, FNR, TPR), of its predicted class
    (``"pred"``: NPV, FOR, FDR, precision) or of all samples (``"all"``).

    Parameters
    ----------
    confusion_matrix : ndarray of shape (n_classes, n_classes)
        The matrix, as returned by :func:`mlcourse.metrics.confusion_matrix`.
    display_labels : array-like of shape (n_classes,), default=None
        Tick labels; ``None`` uses ``0 .. n_classes - 1``.

    Attributes
    ----------
    im_ : matplotlib AxesImage
        The image of the matrix.
    text_ : ndarray of shape (n_classes, n_classes) of matplotlib Text, or None
        The cell annotations (``None`` when ``include_values=False``).
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.

    See Also
    --------
    mlcourse.metrics.confusion_matrix : Compute the matrix.
    mlcourse.metrics.binary_confusion : The four binary counts as a named tuple.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from mlcourse.plotting import ConfusionMatrixDisplay
    >>> disp = ConfusionMatrixDisplay.from_predictions([0, 1, 1, 0, 1], [0, 1, 0, 0, 1])
    >>> disp.text_[1, 1].get_text()
    'TP\n2'
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(self, confusion_matrix: Any, *, display_labels: Any = None) -> None:
        self.confusion_matrix = confusion_matrix
        self.display_labels = display_labels

    def plot(
        self,
        *,
        ax: Axes | None = None,
        include_values: bool = True,
        outcome_names: bool = True,
        rates: str | None = None,
        cmap: Any = SEQUENTIAL_CMAP,
        xticks_rotation: str | float = "horizontal",
        values_format: str | None = None,
        colorbar: bool = True,
        colorbar_label: str | None = None,
        title: str | None = "Confusion matrix",
        im_kw: dict[str, Any] | None = None,
        text_kw: dict[str, Any] | None = None,
    ) -> ConfusionMatrixDisplay:
        r"""Plot the matrix.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` creates a new figure.
        include_values : bool, default=True
            Write the value in each cell.
        outcome_names : bool, default=True
            In the binary case, prefix each cell with TN, FP, FN or TP.
        rates : {None, "true", "pred", "all"}, default=None
            Also write each cell's fraction of its true class (row), of its
            predicted class (column) or of all samples, as a percentage.
        cmap : str or matplotlib Colormap, default="Blues"
            Colormap of the cells.
        xticks_rotation : {"vertical", "horizontal"} or float, default="horizontal"
            Rotation of the predicted-label tick labels.
        values_format : str, default=None
            Format specification of the values; ``None`` picks ``"d"`` for
            counts and two decimals for fractions.
        colorbar : bool, default=True
            Draw a colour bar.
        colorbar_label : str, default=None
            Label of the colour bar; ``None`` means ``"Count (samples)"``.
        title : str or None, default="Confusion matrix"
            Title of the axes.
        im_kw, text_kw : dict, default=None
            Keywords passed to ``Axes.imshow`` and ``Axes.text``.

        Returns
        -------
        ConfusionMatrixDisplay
            ``self``, with ``im_``, ``text_``, ``ax_`` and ``figure_`` set.

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import numpy as np
        >>> disp = ConfusionMatrixDisplay(np.array([[8, 2], [1, 9]])).plot(rates="true")
        >>> disp.text_[0, 1].get_text()
        'FP\n2\n20.0%'
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        owner = "ConfusionMatrixDisplay.plot"
        check_in(rates, "rates", _RATES, owner=owner)
        cm = np.asarray(self.confusion_matrix)
        if cm.ndim != 2 or cm.shape[0] != cm.shape[1] or cm.shape[0] == 0:
            raise ValueError(
                param_message(
                    "confusion_matrix",
                    "a square 2-D array of shape (n_classes, n_classes)",
                    cm,
                    owner="ConfusionMatrixDisplay",
                )
            )
        n_classes = cm.shape[0]
        labels = np.arange(n_classes) if self.display_labels is None else list(self.display_labels)
        if len(labels) != n_classes:
            raise ValueError(
                param_message(
                    "display_labels",
                    f"a sequence of {n_classes} labels (one per row of the matrix)",
                    labels,
                    owner="ConfusionMatrixDisplay",
                )
            )

        ax = get_axes(ax, figsize=(5.5, 4.5))
        fig = _figure(ax)
        self.im_ = ax.imshow(cm, **_merge({"interpolation": "nearest", "cmap": cmap}, im_kw))
        self.text_ = None
        if include_values:
            self.text_ = np.empty(cm.shape, dtype=object)
            kind = cm.dtype.kind
            finite = cm[np.isfinite(cm)] if kind == "f" else cm
            integral = bool(kind == "f" and np.all(finite == np.round(finite)))
            rate_values = _rates(cm, rates) if rates is not None else None
            dark, light = self.im_.cmap(1.0), self.im_.cmap(0.0)
            lo = float(np.nanmin(cm)) if cm.size else 0.0
            hi = float(np.nanmax(cm)) if cm.size else 0.0
            middle = (lo + hi) / 2.0
            name_cells = outcome_names and n_classes == 2
            for i in range(n_classes):
                for j in range(n_classes):
                    lines = []
                    if name_cells:
                        lines.append(_OUTCOMES[i][j])
                    lines.append(_format_value(cm[i, j], values_format, kind, integral))
                    if rate_values is not None:
                        r = rate_values[i, j]
                        lines.append("n/a" if np.isnan(r) else f"{r:.1%}")
                    color = light if cm[i, j] > middle else dark
                    kw = _merge({"ha": "center", "va": "center", "color": color}, text_kw)
                    self.text_[i, j] = ax.text(j, i, "\n".join(lines), **kw)
        if colorbar:
            cbar = fig.colorbar(self.im_, ax=ax)
            cbar.set_label(colorbar_label or _COLORBAR_LABELS[None])
        ax.set_xticks(np.arange(n_classes), labels=[str(lbl) for lbl in labels])
        ax.set_yticks(np.arange(n_classes), labels=[str(lbl) for lbl in labels])
        ax.set_ylim((n_classes - 0.5, -0.5))
        rotation = {"horizontal": 0.0, "vertical": 90.0}.get(str(xticks_rotation))
        for tick in ax.get_xticklabels():
            tick.set_rotation(float(xticks_rotation) if rotation is None else rotation)
        label_axes(ax, title=title, xlabel="Predicted label", ylabel="True label")
        self.ax_ = ax
        self.figure_ = fig
        return self

    @classmethod
    def from_predictions(
        cls,
        y_true: Any,
        y_pred: Any,
        *,
        labels: Any = None,
        sample_weight: Any = None,
        normalize: str | None = None,
        display_labels: Any = None,
        ax: Axes | None = None,
        include_values: bool = True,
        outcome_names: bool = True,
        rates: str | None = None,
        cmap: Any = SEQUENTIAL_CMAP,
        xticks_rotation: str | float = "horizontal",
        values_format: str | None = None,
        colorbar: bool = True,
        title: str | None = "Confusion matrix",
        im_kw: dict[str, Any] | None = None,
        text_kw: dict[str, Any] | None = None,
    ) -> ConfusionMatrixDisplay:
        """Compute the confusion matrix of predictions and plot it.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            True labels.
        y_pred : array-like of shape (n_samples,)
            Predicted labels.
        labels : array-like of shape (n_classes,), default=None
            Labels (and their order) to index the matrix; ``None`` uses the
            sorted union of the labels in ``y_true`` and ``y_pred``.
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights.
        normalize : {None, "true", "pred", "all"}, default=None
            Normalise the matrix itself over true rows, predicted columns or
            all samples (as :func:`mlcourse.metrics.confusion_matrix`).
        display_labels : array-like of shape (n_classes,), default=None
            Tick labels; ``None`` uses ``labels``.
        ax, include_values, outcome_names, rates, cmap, xticks_rotation, values_format, colorbar, title, im_kw, text_kw
            As in :meth:`plot`.

        Returns
        -------
        ConfusionMatrixDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> disp = ConfusionMatrixDisplay.from_predictions(
        ...     ["cat", "dog", "dog", "bird"], ["cat", "dog", "cat", "bird"]
        ... )
        >>> [t.get_text() for t in disp.ax_.get_xticklabels()]
        ['bird', 'cat', 'dog']
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        owner = f"{cls.__name__}.from_predictions"
        check_in(normalize, "normalize", [None, "true", "pred", "all"], owner=owner)
        metrics = _metrics()
        if labels is None:
            y_t, y_p = np.asarray(y_true), np.asarray(y_pred)
            labels = np.unique(np.concatenate([y_t.ravel(), y_p.ravel()]))
        cm = metrics.confusion_matrix(
            y_true, y_pred, labels=labels, sample_weight=sample_weight, normalize=normalize
        )
        if display_labels is None:
            display_labels = list(labels)
        colorbar_label = _COLORBAR_LABELS[normalize]
        if normalize is None and sample_weight is not None:
            colorbar_label = "Weighted count"
        disp = cls(cm, display_labels=display_labels)
        return disp.plot(
            ax=ax,
            include_values=include_values,
            outcome_names=outcome_names,
            rates=rates,
            cmap=cmap,
            xticks_rotation=xticks_rotation,
            values_format=values_format,
            colorbar=colorbar,
            colorbar_label=colorbar_label,
            title=title,
            im_kw=im_kw,
            text_kw=text_kw,
        )

    @classmethod
    def from_estimator(
        cls,
        estimator: Any,
        X: Any,
        y: Any,
        **kwargs: Any,
    ) -> ConfusionMatrixDisplay:
        r"""Predict with a fitted classifier and plot the confusion matrix.

        Parameters
        ----------
        estimator : fitted classifier
            Any object with ``predict``; it is not modified.
        X : array-like of shape (n_samples, n_features)
            Input features.
        y : array-like of shape (n_samples,)
            True labels.
        **kwargs
            Passed to :meth:`from_predictions` (``labels``, ``normalize``,
            ``rates``, ``ax``...).

        Returns
        -------
        ConfusionMatrixDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from sklearn.dummy import DummyClassifier
        >>> X, y = [[0], [1], [2], [3]], [0, 0, 0, 1]
        >>> clf = DummyClassifier(strategy="most_frequent").fit(X, y)
        >>> disp = ConfusionMatrixDisplay.from_estimator(clf, X, y)
        >>> disp.text_[1, 0].get_text()
        'FN\n1'
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(estimator)
        y_pred = estimator.predict(X)
        return cls.from_predictions(y, y_pred, **kwargs)

"""Semi-supervised methods against supervised-only training, at several labelled fractions."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from mlcourse._validation import (
    check_array,
    check_consistent_length,
    check_scalar,
    column_or_1d,
    int_seed,
    param_message,
)

from ._self_training import SelfTrainingClassifier, mask_labels

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["METHODS", "LabelFractionDisplay", "compare_label_fractions", "default_base_estimator"]

#: The methods compared by :func:`compare_label_fractions`, in plotting order.
METHODS: tuple[str, ...] = (
    "supervised only",
    "self-training (mlcourse)",
    "self-training (sklearn)",
    "label spreading (sklearn)",
)


def default_base_estimator() -> Any:
    """Return the base classifier used by the comparison: a warm-started logistic regression.

    ``LogisticRegression(C=10, max_iter=200, warm_start=True)``: a
    probabilistic linear model (self-training needs ``predict_proba``),
    lightly regularised because the labelled sets are tiny, and warm-started
    so that each self-training round starts from the previous solution.

    Returns
    -------
    sklearn.linear_model.LogisticRegression

    Examples
    --------
    >>> from mlcourse.semi_supervised import default_base_estimator
    >>> default_base_estimator().get_params()["warm_start"]
    True
    """
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=10.0, max_iter=200, warm_start=True)


def compare_label_fractions(
    X_train: Any,
    y_train: Any,
    X_test: Any,
    y_test: Any,
    *,
    fractions: Sequence[float] = (0.01, 0.05, 0.1),
    estimator: Any = None,
    threshold: float = 0.8,
    random_state: Any = None,
) -> pd.DataFrame:
    """Measure test accuracy of four ways to learn from few labels, for each labelled fraction.

    For each fraction, the same random subset of ``y_train`` is kept
    (stratified, see :func:`mask_labels`) and the rest hidden; then:

    - **supervised only**: ``estimator`` fitted on the labelled samples;
    - **self-training (mlcourse)**: :class:`SelfTrainingClassifier`;
    - **self-training (sklearn)**: ``sklearn.semi_supervised.SelfTrainingClassifier``
      with the same estimator and threshold;
    - **label spreading (sklearn)**: ``LabelSpreading()`` (RBF graph), which
      spreads the labels along the neighbourhood graph of all samples.

    Parameters
    ----------
    X_train, y_train : array-like
        Fully labelled training data (the labels are hidden here).
    X_test, y_test : array-like
        Held-out data for the accuracy.
    fractions : sequence of float, default=(0.01, 0.05, 0.1)
        Fractions of training labels to keep, each in (0, 1].
    estimator : classifier with ``predict_proba``, default=None
        Base classifier; ``None`` uses :func:`default_base_estimator`.
    threshold : float, default=0.8
        Confidence threshold of both self-training classifiers.
    random_state : int, numpy.random.Generator or None, default=None
        Chooses which labels are kept.

    Returns
    -------
    DataFrame
        One row per (fraction, method): ``fraction``, ``n_labeled``,
        ``method`` (see :data:`METHODS`), ``accuracy`` (on the test set),
        and for mlcourse's self-training ``n_pseudo_labeled`` and
        ``pseudo_label_accuracy`` (how many pseudo-labels it added and the
        fraction that were right; NaN for the other methods).

    Examples
    --------
    >>> from sklearn.datasets import make_blobs
    >>> from mlcourse.semi_supervised import compare_label_fractions
    >>> X, y = make_blobs(400, centers=3, random_state=0)
    >>> table = compare_label_fractions(X[:300], y[:300], X[300:], y[300:],
    ...                                 fractions=[0.05], random_state=0)
    >>> table["method"].tolist()
    ['supervised only', 'self-training (mlcourse)', 'self-training (sklearn)', 'label spreading (sklearn)']
    >>> bool((table["accuracy"] > 0.8).all())
    True
    """
    import warnings

    from sklearn.base import clone
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.semi_supervised import LabelSpreading
    from sklearn.semi_supervised import SelfTrainingClassifier as SkSelfTraining
    from threadpoolctl import threadpool_limits

    owner = "compare_label_fractions"
    X_train = check_array(X_train, "X_train", owner=owner)
    X_test = check_array(X_test, "X_test", owner=owner)
    y_train = column_or_1d(y_train, "y_train", owner=owner)
    y_test = column_or_1d(y_test, "y_test", owner=owner)
    check_consistent_length([X_train, y_train], ["X_train", "y_train"], owner=owner)
    check_consistent_length([X_test, y_test], ["X_test", "y_test"], owner=owner)
    fracs = list(fractions)
    if not fracs:
        raise ValueError(param_message("fractions", "a non-empty list", fractions, owner=owner))
    for f in fracs:
        check_scalar(
            f, "fractions", numbers.Real, owner=owner, min_val=0.0, max_val=1.0, closed="right"
        )
    check_scalar(
        threshold, "threshold", numbers.Real, owner=owner, min_val=0.0, max_val=1.0, closed="left"
    )
    base = default_base_estimator() if estimator is None else estimator
    seed = int_seed(random_state, owner=owner)
    rows = []
    for fraction in fracs:
        y_semi = mask_labels(y_train, fraction, random_state=seed)
        labeled = y_semi != -1
        n_labeled = int(labeled.sum())
        # many small fits: one BLAS thread is much faster than several competing ones
        with warnings.catch_warnings(), threadpool_limits(limits=1):
            # tiny labelled sets: lbfgs may stop early, which is part of the lesson
            warnings.simplefilter("ignore", ConvergenceWarning)
            sup = clone(base).fit(X_train[labeled], y_train[labeled])
            ours = SelfTrainingClassifier(clone(base), threshold=threshold).fit(X_train, y_semi)
            ref = SkSelfTraining(clone(base), threshold=threshold).fit(X_train, y_semi)
            spread = LabelSpreading().fit(X_train, y_semi)
        pseudo = ours.pseudo_label_accuracy(y_train)
        n_pseudo = int(pseudo["n_added"].sum())
        pseudo_acc = float(pseudo["n_correct"].sum() / n_pseudo) if n_pseudo else float("nan")
        for method, model in zip(METHODS, (sup, ours, ref, spread), strict=True):
            is_ours = method == METHODS[1]
            rows.append(
                {
                    "fraction": float(fraction),
                    "n_labeled": n_labeled,
                    "method": method,
                    "accuracy": float(np.mean(model.predict(X_test) == y_test)),
                    "n_pseudo_labeled": n_pseudo if is_ours else np.nan,
                    "pseudo_label_accuracy": pseudo_acc if is_ours else np.nan,
                }
            )
    return pd.DataFrame(rows)


class LabelFractionDisplay:
    """Test accuracy against the fraction of labelled training data, one line per method.

    Parameters
    ----------
    table : DataFrame
        With columns ``fraction``, ``method`` and ``accuracy`` (the output
        of :func:`compare_label_fractions`).

    Attributes
    ----------
    lines_ : dict of str to matplotlib Line2D
        One line per method.
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> from mlcourse.semi_supervised import LabelFractionDisplay
    >>> table = pd.DataFrame({"fraction": [0.01, 0.1, 0.01, 0.1],
    ...                       "method": ["a", "a", "b", "b"],
    ...                       "accuracy": [0.6, 0.9, 0.7, 0.95]})
    >>> disp = LabelFractionDisplay(table).plot()
    >>> sorted(disp.lines_)
    ['a', 'b']
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(self, table: pd.DataFrame) -> None:
        needed = ["fraction", "method", "accuracy"]
        if not isinstance(table, pd.DataFrame) or any(c not in table.columns for c in needed):
            raise ValueError(
                param_message(
                    "table",
                    f"a DataFrame with columns {needed} (from compare_label_fractions)",
                    type(table).__name__,
                    owner="LabelFractionDisplay",
                )
            )
        self.table = table

    @classmethod
    def from_comparison(
        cls, table: pd.DataFrame, *, ax: Axes | None = None
    ) -> LabelFractionDisplay:
        """Plot the table returned by :func:`compare_label_fractions`.

        Parameters
        ----------
        table : DataFrame
            Columns ``fraction``, ``method``, ``accuracy``.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        LabelFractionDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import pandas as pd
        >>> from mlcourse.semi_supervised import LabelFractionDisplay
        >>> table = pd.DataFrame({"fraction": [0.01, 0.1], "method": ["a", "a"],
        ...                       "accuracy": [0.6, 0.9]})
        >>> LabelFractionDisplay.from_comparison(table).ax_.get_xscale()
        'log'
        >>> import matplotlib.pyplot as plt
        >>> plt.close("all")
        """
        return cls(table).plot(ax=ax)

    def plot(self, ax: Axes | None = None) -> LabelFractionDisplay:
        """Draw one accuracy line per method against the labelled fraction (log scale).

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` creates a new figure.

        Returns
        -------
        LabelFractionDisplay
            ``self``, with ``ax_``, ``figure_`` and ``lines_`` set.

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import pandas as pd
        >>> from mlcourse.semi_supervised import LabelFractionDisplay
        >>> table = pd.DataFrame({"fraction": [0.01, 0.1], "method": ["a", "a"],
        ...                       "accuracy": [0.6, 0.9]})
        >>> LabelFractionDisplay(table).plot().ax_.get_ylabel()
        'Test accuracy'
        >>> import matplotlib.pyplot as plt
        >>> plt.close("all")
        """
        from mlcourse.plotting import PALETTE, get_axes, label_axes

        ax = get_axes(ax)
        self.lines_ = {}
        markers = "osD^v<>p"
        styles = ("-", "--", "-.", ":")  # lines that coincide stay visible
        methods = list(dict.fromkeys(self.table["method"]))
        for i, method in enumerate(methods):
            part = self.table[self.table["method"] == method].sort_values("fraction")
            (line,) = ax.plot(
                part["fraction"],
                part["accuracy"],
                marker=markers[i % len(markers)],
                linestyle=styles[i % len(styles)],
                color=PALETTE[i % len(PALETTE)],
                label=method,
            )
            self.lines_[method] = line
        fractions = sorted(self.table["fraction"].unique())
        ax.set_xscale("log")
        ax.set_xticks(fractions)
        ax.set_xticklabels([f"{100 * f:g} %" for f in fractions])
        ax.minorticks_off()
        label_axes(
            ax,
            title="Learning from few labels: accuracy vs labelled fraction",
            xlabel="Labelled fraction of the training set (log scale)",
            ylabel="Test accuracy",
            legend=True,
            legend_loc="lower right",
        )
        self.ax_ = ax
        self.figure_ = ax.figure
        return self

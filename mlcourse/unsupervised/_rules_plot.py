"""Support-vs-confidence scatter of association rules, sized and coloured by lift."""

from __future__ import annotations

import numbers
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from mlcourse._validation import check_scalar, param_message

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["AssociationRulesDisplay", "format_rule"]


def format_rule(antecedents: Any, consequents: Any) -> str:
    """Write a rule as text, items sorted: ``"{bread, milk} -> {butter}"``.

    Parameters
    ----------
    antecedents, consequents : iterable
        The items on each side of the rule.

    Returns
    -------
    str

    Examples
    --------
    >>> from mlcourse.unsupervised import format_rule
    >>> format_rule(frozenset({"milk", "bread"}), frozenset({"butter"}))
    '{bread, milk} -> {butter}'
    """

    def side(items: Any) -> str:
        return "{" + ", ".join(sorted(map(str, items))) + "}"

    return f"{side(antecedents)} -> {side(consequents)}"


class AssociationRulesDisplay:
    """Rules as points: support on x, confidence on y, size and colour by lift.

    Good rules sit up (confident) and to the right (frequent); big dark
    points have a high lift, i.e. the items go together far more often than
    if they were independent. A confident rule with lift near 1 only says
    that the consequent is popular.

    Parameters
    ----------
    support, confidence, lift : array-like of shape (n_rules,)
        The rule metrics.
    labels : list of str, default=None
        Text of each rule (see :func:`format_rule`), for the annotations.
    annotate : int, default=5
        Number of rules to label, highest lift first.

    Attributes
    ----------
    scatter_ : matplotlib PathCollection
        The points.
    colorbar_ : matplotlib Colorbar
        The lift scale.
    annotations_ : list of matplotlib Text
        The labelled rules.
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from mlcourse.unsupervised import AssociationRulesDisplay, apriori, association_rules
    >>> baskets = [["milk", "bread"], ["milk", "bread", "eggs"], ["bread"], ["milk", "eggs"]]
    >>> rules = association_rules(apriori(baskets, 0.5, use_colnames=True), min_threshold=0.5)
    >>> disp = AssociationRulesDisplay.from_rules(rules, annotate=2)
    >>> [t.get_text() for t in disp.annotations_]
    ['{eggs} -> {milk}', '{milk} -> {eggs}']
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(
        self,
        support: Any,
        confidence: Any,
        lift: Any,
        *,
        labels: list[str] | None = None,
        annotate: int = 5,
    ) -> None:
        self.support = np.asarray(support, dtype=float)
        self.confidence = np.asarray(confidence, dtype=float)
        self.lift = np.asarray(lift, dtype=float)
        self.labels = labels
        self.annotate = annotate

    @classmethod
    def from_rules(
        cls, rules: pd.DataFrame, *, annotate: int = 5, ax: Axes | None = None
    ) -> AssociationRulesDisplay:
        """Plot the rules returned by :func:`association_rules`.

        Parameters
        ----------
        rules : DataFrame
            With columns ``antecedents``, ``consequents``, ``support``,
            ``confidence`` and ``lift``.
        annotate : int, default=5
            Number of rules to label, highest lift first.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        AssociationRulesDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import pandas as pd
        >>> from mlcourse.unsupervised import AssociationRulesDisplay
        >>> rules = pd.DataFrame({"antecedents": [{"a"}], "consequents": [{"b"}],
        ...                       "support": [0.2], "confidence": [0.8], "lift": [2.0]})
        >>> AssociationRulesDisplay.from_rules(rules).annotations_[0].get_text()
        '{a} -> {b}'
        >>> import matplotlib.pyplot as plt
        >>> plt.close("all")
        """
        owner = "AssociationRulesDisplay.from_rules"
        needed = ["antecedents", "consequents", "support", "confidence", "lift"]
        if not isinstance(rules, pd.DataFrame) or any(c not in rules.columns for c in needed):
            raise ValueError(
                param_message(
                    "rules",
                    f"a DataFrame with columns {needed} (from association_rules)",
                    type(rules).__name__,
                    owner=owner,
                )
            )
        labels = [
            format_rule(a, c)
            for a, c in zip(rules["antecedents"], rules["consequents"], strict=True)
        ]
        disp = cls(
            rules["support"],
            rules["confidence"],
            rules["lift"],
            labels=labels,
            annotate=annotate,
        )
        return disp.plot(ax=ax)

    def plot(
        self, ax: Axes | None = None, *, scatter_kw: dict | None = None
    ) -> AssociationRulesDisplay:
        """Draw the scatter, the lift colour bar and the labels of the top rules.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` creates a new figure.
        scatter_kw : dict, default=None
            Keyword arguments for ``Axes.scatter``.

        Returns
        -------
        AssociationRulesDisplay
            ``self``, with ``ax_``, ``figure_`` and the artists set.

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from mlcourse.unsupervised import AssociationRulesDisplay
        >>> disp = AssociationRulesDisplay([0.1, 0.2], [0.5, 0.9], [1.0, 3.0]).plot()
        >>> disp.ax_.get_ylabel()
        'Confidence P(consequent | antecedent)'
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        from mlcourse.plotting import get_axes, label_axes

        check_scalar(
            self.annotate, "annotate", numbers.Integral, owner="AssociationRulesDisplay", min_val=0
        )
        ax = get_axes(ax)
        lift = self.lift
        finite = lift[np.isfinite(lift)]
        top = float(finite.max()) if finite.size else 1.0
        sizes = 20 + 180 * (np.clip(lift, 0, top) / max(top, 1e-12))
        kw: dict[str, Any] = {
            "c": lift,
            "s": sizes,
            "cmap": "viridis",
            "alpha": 0.8,
            "edgecolors": "white",
        }
        kw.update(scatter_kw or {})
        self.scatter_ = ax.scatter(self.support, self.confidence, **kw)
        figure = ax.figure
        self.colorbar_ = figure.colorbar(self.scatter_, ax=ax)
        self.colorbar_.set_label("Lift (1 = independent)")
        self.annotations_ = []
        if self.labels is not None and self.annotate:
            order = np.argsort(-lift, kind="stable")[: int(self.annotate)]
            for i in order:
                self.annotations_.append(
                    ax.annotate(
                        self.labels[i],
                        (self.support[i], self.confidence[i]),
                        xytext=(4, 4),
                        textcoords="offset points",
                        fontsize="x-small",
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "alpha": 0.7, "lw": 0},
                    )
                )
        label_axes(
            ax,
            title="Association rules: support, confidence and lift",
            xlabel="Support (fraction of baskets with all items)",
            ylabel="Confidence P(consequent | antecedent)",
        )
        self.ax_ = ax
        self.figure_ = figure
        return self

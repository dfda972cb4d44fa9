"""Choosing k: an inertia/silhouette scan, the elbow, and their Display objects."""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from mlcourse._validation import (
    check_array,
    check_consistent_length,
    check_scalar,
    column_or_1d,
    param_message,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["ElbowDisplay", "SilhouetteDisplay", "find_elbow", "scan_n_clusters"]


def _k_values(n_clusters_range: Iterable[int], n_samples: int, *, owner: str) -> list[int]:
    try:
        ks = [int(k) for k in n_clusters_range]
    except (TypeError, ValueError):
        raise TypeError(
            param_message("n_clusters_range", "an iterable of ints", n_clusters_range, owner=owner)
        ) from None
    if not ks or min(ks) < 1 or max(ks) > n_samples or len(set(ks)) != len(ks):
        raise ValueError(
            param_message(
                "n_clusters_range",
                f"distinct ints in the range [1, n_samples={n_samples}]",
                n_clusters_range,
                owner=owner,
            )
        )
    return sorted(ks)


def scan_n_clusters(
    X: Any,
    n_clusters_range: Iterable[int] = range(1, 11),
    *,
    n_init: int = 4,
    random_state: Any = None,
) -> pd.DataFrame:
    """Fit k-means for each k and report the inertia and the mean silhouette.

    The two numbers people use to choose k: the inertia always falls as k
    grows (look for the *elbow*, where adding a cluster stops paying off);
    the mean silhouette (from -1 to 1) is highest for the k whose clusters
    are most compact and best separated.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data, already scaled (k-means uses Euclidean distances).
    n_clusters_range : iterable of int, default=range(1, 11)
        The values of k to try.
    n_init : int, default=4
        Restarts of k-means per k.
    random_state : int, numpy.random.Generator or None, default=None
        Seeds the k-means runs (one seed drawn for all k, so that results
        are reproducible).

    Returns
    -------
    DataFrame
        Columns ``n_clusters``, ``inertia`` and ``silhouette`` (NaN for k=1,
        where it is undefined), one row per k in increasing order.

    See Also
    --------
    ElbowDisplay : Plot this table.
    find_elbow : The k at the elbow of the inertia curve.

    Examples
    --------
    >>> from sklearn.datasets import make_blobs
    >>> from mlcourse.unsupervised import scan_n_clusters
    >>> X, _ = make_blobs(300, centers=3, random_state=0)
    >>> scan = scan_n_clusters(X, range(2, 6), random_state=0)
    >>> int(scan.loc[scan["silhouette"].idxmax(), "n_clusters"])
    3
    """
    from mlcourse._validation import int_seed

    from ._kmeans import KMeans

    owner = "scan_n_clusters"
    X = check_array(X, "X", owner=owner)
    ks = _k_values(n_clusters_range, X.shape[0], owner=owner)
    check_scalar(n_init, "n_init", numbers.Integral, owner=owner, min_val=1)
    seed = int_seed(random_state, owner=owner)
    inertia, silhouette = _fit_over_k(
        KMeans(n_init=n_init, random_state=seed), X, ks, silhouette=True
    )
    return pd.DataFrame({"n_clusters": ks, "inertia": inertia, "silhouette": silhouette})


def _fit_over_k(
    estimator: Any, X: np.ndarray, ks: list[int], *, silhouette: bool
) -> tuple[list[float], list[float]]:
    """Fit a clone of ``estimator`` for each k; return the inertias and mean silhouettes."""
    from sklearn.base import clone
    from sklearn.metrics import silhouette_score

    inertias, sils = [], []
    for k in ks:
        model = clone(estimator).set_params(n_clusters=k).fit(X)
        inertias.append(float(model.inertia_))
        n_labels = len(np.unique(model.labels_))
        defined = silhouette and 2 <= n_labels <= X.shape[0] - 1  # else undefined: NaN
        sils.append(float(silhouette_score(X, model.labels_)) if defined else float("nan"))
    return inertias, sils


def find_elbow(n_clusters: Any, inertia: Any) -> int:
    """Return the k at the elbow of a decreasing inertia curve.

    Both axes are rescaled to [0, 1]; the elbow is the point farthest below
    the straight line from the first point to the last (the "kneedle" idea).
    It is a heuristic: a curve without a clear bend has no meaningful elbow.

    Parameters
    ----------
    n_clusters : array-like of shape (n_points,)
        The values of k, increasing.
    inertia : array-like of shape (n_points,)
        The inertia at each k.

    Returns
    -------
    int
        The k at the elbow (the first k when there are fewer than 3 points).

    Examples
    --------
    >>> from mlcourse.unsupervised import find_elbow
    >>> find_elbow([1, 2, 3, 4, 5, 6], [100, 40, 20, 15, 12, 10])
    3
    """
    owner = "find_elbow"
    k = column_or_1d(n_clusters, "n_clusters", owner=owner, numeric=True).astype(float)
    y = column_or_1d(inertia, "inertia", owner=owner, numeric=True).astype(float)
    check_consistent_length([k, y], ["n_clusters", "inertia"], owner=owner)
    if k.size == 0:
        raise ValueError(param_message("n_clusters", "a non-empty array", k, owner=owner))
    if np.any(np.diff(k) <= 0):
        raise ValueError(param_message("n_clusters", "increasing values", k, owner=owner))
    if k.size < 3 or y[0] == y[-1]:
        return int(k[0])
    x_norm = (k - k[0]) / (k[-1] - k[0])
    y_norm = (y - y[-1]) / (y[0] - y[-1])
    gap = (1.0 - x_norm) - y_norm  # height of the chord above the curve
    return int(k[int(np.argmax(gap))])


class ElbowDisplay:
    """Inertia (and mean silhouette) against the number of clusters k.

    Parameters
    ----------
    n_clusters : array-like of shape (n_points,)
        The values of k.
    inertia : array-like of shape (n_points,)
        Inertia of the k-means fit at each k.
    silhouette : array-like of shape (n_points,), default=None
        Mean silhouette at each k (NaN where undefined); drawn on a second
        y axis when given.
    elbow : int, default=None
        The k to mark; ``None`` marks :func:`find_elbow`'s choice.

    Attributes
    ----------
    line_ : matplotlib Line2D
        The inertia curve.
    silhouette_line_ : matplotlib Line2D or None
        The silhouette curve.
    elbow_line_ : matplotlib Line2D
        The vertical line at the elbow.
    ax_ : matplotlib Axes
        Axes of the inertia curve.
    ax2_ : matplotlib Axes or None
        Twin axes of the silhouette curve.
    figure_ : matplotlib Figure
        Figure containing the plot.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sklearn.datasets import make_blobs
    >>> from mlcourse.unsupervised import ElbowDisplay, KMeans
    >>> X, _ = make_blobs(300, centers=3, random_state=0)
    >>> disp = ElbowDisplay.from_estimator(KMeans(random_state=0), X, range(1, 8))
    >>> disp.elbow
    3
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(
        self,
        n_clusters: Any,
        inertia: Any,
        *,
        silhouette: Any = None,
        elbow: int | None = None,
    ) -> None:
        self.n_clusters = np.asarray(n_clusters)
        self.inertia = np.asarray(inertia, dtype=float)
        self.silhouette = None if silhouette is None else np.asarray(silhouette, dtype=float)
        self.elbow = find_elbow(self.n_clusters, self.inertia) if elbow is None else int(elbow)

    @classmethod
    def from_estimator(
        cls,
        estimator: Any,
        X: Any,
        n_clusters_range: Iterable[int] = range(1, 11),
        *,
        silhouette: bool = True,
        ax: Axes | None = None,
    ) -> ElbowDisplay:
        """Fit a clone of ``estimator`` for each k and plot the curve.

        Parameters
        ----------
        estimator : estimator with an ``n_clusters`` parameter and ``inertia_``
            E.g. :class:`KMeans` (ours or scikit-learn's); it is cloned, not
            modified.
        X : array-like of shape (n_samples, n_features)
            The data.
        n_clusters_range : iterable of int, default=range(1, 11)
            The values of k.
        silhouette : bool, default=True
            Also compute and draw the mean silhouette.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        ElbowDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from mlcourse.unsupervised import ElbowDisplay, KMeans
        >>> X = np.array([[0.0], [0.1], [0.2], [5.0], [5.1], [5.2], [10.0], [10.1], [10.2]])
        >>> disp = ElbowDisplay.from_estimator(KMeans(random_state=0), X, range(1, 7))
        >>> disp.elbow
        3
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        owner = "ElbowDisplay.from_estimator"
        if "n_clusters" not in getattr(estimator, "get_params", dict)():
            raise TypeError(
                param_message(
                    "estimator",
                    "a clusterer with an 'n_clusters' parameter (e.g. KMeans)",
                    type(estimator).__name__,
                    owner=owner,
                )
            )
        X = check_array(X, "X", owner=owner)
        ks = _k_values(n_clusters_range, X.shape[0], owner=owner)
        inertias, sils = _fit_over_k(estimator, X, ks, silhouette=silhouette)
        disp = cls(ks, inertias, silhouette=sils if silhouette else None)
        return disp.plot(ax=ax)

    def plot(self, ax: Axes | None = None, *, line_kw: dict | None = None) -> ElbowDisplay:
        """Draw the curve(s) and mark the elbow.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` creates a new figure.
        line_kw : dict, default=None
            Keyword arguments for the inertia line.

        Returns
        -------
        ElbowDisplay
            ``self``, with ``ax_``, ``figure_`` and the artists set.

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from mlcourse.unsupervised import ElbowDisplay
        >>> disp = ElbowDisplay([1, 2, 3, 4], [100.0, 30.0, 20.0, 15.0]).plot()
        >>> disp.ax_.get_xlabel()
        'Number of clusters k'
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        from mlcourse.plotting import COLORS, get_axes, label_axes

        ax = get_axes(ax)
        kw: dict[str, Any] = {"color": COLORS["main"], "marker": "o", "label": "inertia"}
        kw.update(line_kw or {})
        (self.line_,) = ax.plot(self.n_clusters, self.inertia, **kw)
        self.elbow_line_ = ax.axvline(
            self.elbow, color=COLORS["reference"], linestyle="--", label=f"elbow (k = {self.elbow})"
        )
        ax.set_xticks(self.n_clusters)
        self.silhouette_line_ = None
        self.ax2_ = None
        handles = [self.line_, self.elbow_line_]
        if self.silhouette is not None:
            ax2 = ax.twinx()
            (self.silhouette_line_,) = ax2.plot(
                self.n_clusters,
                self.silhouette,
                color=COLORS["second"],
                marker="s",
                label="mean silhouette",
            )
            ax2.set_ylabel("Mean silhouette (-1 to 1)")
            self.ax2_ = ax2
            handles.append(self.silhouette_line_)
        label_axes(
            ax,
            title="Choosing k: elbow of the inertia curve",
            xlabel="Number of clusters k",
            ylabel="Inertia (sum of squared distances)",
        )
        # below the axes: the two curves can cross anywhere inside them
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.15),
            ncol=len(handles),
            frameon=False,
            fontsize="small",
        )
        self.ax_ = ax
        self.figure_ = ax.figure
        return self


class SilhouetteDisplay:
    r"""Silhouette of every sample, grouped by cluster (the "knife" plot).

    The silhouette of a sample is :math:`s = (b - a) / \max(a, b)`, with
    :math:`a` its mean distance to the other members of its cluster and
    :math:`b` its mean distance to the members of the nearest other
    cluster: near 1 it sits well inside its cluster, near 0 on a border,
    below 0 it is closer to another cluster.

    Parameters
    ----------
    silhouette_values : array-like of shape (n_samples,)
        Silhouette of each sample.
    labels : array-like of shape (n_samples,)
        Cluster of each sample.

    Attributes
    ----------
    silhouette_avg : float
        Mean silhouette over all samples.
    bars_ : list of matplotlib PolyCollection
        One filled band per cluster.
    avg_line_ : matplotlib Line2D
        Vertical line at the mean silhouette.
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sklearn.datasets import make_blobs
    >>> from mlcourse.unsupervised import KMeans, SilhouetteDisplay
    >>> X, _ = make_blobs(200, centers=3, random_state=0)
    >>> disp = SilhouetteDisplay.from_estimator(KMeans(3, random_state=0).fit(X), X)
    >>> round(disp.silhouette_avg, 2)
    0.5
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(self, silhouette_values: Any, labels: Any) -> None:
        owner = "SilhouetteDisplay"
        self.silhouette_values = column_or_1d(
            silhouette_values, "silhouette_values", owner=owner, numeric=True
        ).astype(float)
        self.labels = column_or_1d(labels, "labels", owner=owner)
        check_consistent_length(
            [self.silhouette_values, self.labels], ["silhouette_values", "labels"], owner=owner
        )
        self.silhouette_avg = float(np.mean(self.silhouette_values))

    @classmethod
    def from_predictions(
        cls, X: Any, labels: Any, *, metric: str = "euclidean", ax: Axes | None = None
    ) -> SilhouetteDisplay:
        """Compute the silhouettes of a clustering of ``X`` and plot them.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            The data.
        labels : array-like of shape (n_samples,)
            Cluster of each sample (at least 2 clusters, fewer than n_samples).
        metric : str, default="euclidean"
            Distance, as in ``sklearn.metrics.silhouette_samples``.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        SilhouetteDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from mlcourse.unsupervised import SilhouetteDisplay
        >>> X = [[0.0], [0.2], [10.0], [10.2]]
        >>> disp = SilhouetteDisplay.from_predictions(X, [0, 0, 1, 1])
        >>> round(disp.silhouette_avg, 2)
        0.98
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        from sklearn.metrics import silhouette_samples

        owner = "SilhouetteDisplay.from_predictions"
        X = check_array(X, "X", owner=owner)
        labels = column_or_1d(labels, "labels", owner=owner)
        check_consistent_length([X, labels], ["X", "labels"], owner=owner)
        n_labels = len(np.unique(labels))
        if not 2 <= n_labels <= X.shape[0] - 1:
            raise ValueError(
                param_message(
                    "labels",
                    f"between 2 and n_samples - 1 = {X.shape[0] - 1} distinct clusters "
                    "(the silhouette compares a cluster with the nearest other one)",
                    f"{n_labels} cluster(s)",
                    owner=owner,
                )
            )
        values = silhouette_samples(X, labels, metric=metric)
        return cls(values, labels).plot(ax=ax)

    @classmethod
    def from_estimator(
        cls, estimator: Any, X: Any, *, metric: str = "euclidean", ax: Axes | None = None
    ) -> SilhouetteDisplay:
        """Plot the silhouettes of a fitted clusterer's clusters on ``X``.

        Parameters
        ----------
        estimator : fitted clusterer with ``predict``
            E.g. a fitted :class:`KMeans`.
        X : array-like of shape (n_samples, n_features)
            The data.
        metric : str, default="euclidean"
            Distance, as in ``sklearn.metrics.silhouette_samples``.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        SilhouetteDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from mlcourse.unsupervised import KMeans, SilhouetteDisplay
        >>> X = np.array([[0.0], [0.2], [10.0], [10.2]])
        >>> disp = SilhouetteDisplay.from_estimator(KMeans(2, random_state=0).fit(X), X)
        >>> disp.labels.tolist() == disp.labels.tolist()
        True
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(estimator)
        return cls.from_predictions(X, estimator.predict(X), metric=metric, ax=ax)

    def plot(self, ax: Axes | None = None) -> SilhouetteDisplay:
        """Draw one band per cluster, samples sorted by silhouette, and the mean.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` creates a new figure.

        Returns
        -------
        SilhouetteDisplay
            ``self``, with ``ax_``, ``figure_`` and the artists set.

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from mlcourse.unsupervised import SilhouetteDisplay
        >>> disp = SilhouetteDisplay([0.9, 0.8, 0.7, 0.2], [0, 0, 1, 1]).plot()
        >>> len(disp.bars_)
        2
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        from mlcourse.plotting import COLORS, PALETTE, get_axes, label_axes

        ax = get_axes(ax)
        self.bars_ = []
        y_low = 0
        gap = max(2, len(self.labels) // 50)
        for i, cluster in enumerate(np.unique(self.labels)):
            values = np.sort(self.silhouette_values[self.labels == cluster])
            y = np.arange(y_low, y_low + values.size)
            band = ax.fill_betweenx(
                y, 0, values, color=PALETTE[i % len(PALETTE)], alpha=0.8, label=f"cluster {cluster}"
            )
            ax.text(-0.05, y_low + values.size / 2, str(cluster), ha="right", va="center")
            self.bars_.append(band)
            y_low += values.size + gap
        self.avg_line_ = ax.axvline(
            self.silhouette_avg,
            color=COLORS["marker"],
            linestyle="--",
            label=f"mean = {self.silhouette_avg:.2f}",
        )
        ax.set_yticks([])
        ax.set_xlim(min(-0.1, float(self.silhouette_values.min()) - 0.05), 1.0)
        label_axes(
            ax,
            title="Silhouette of each sample, by cluster",
            xlabel="Silhouette coefficient (-1 to 1)",
            ylabel="Samples, grouped by cluster",
            legend=True,
            legend_loc="lower right",
        )
        self.ax_ = ax
        self.figure_ = ax.figure
        return self

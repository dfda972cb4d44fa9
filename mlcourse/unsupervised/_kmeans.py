"""K-means clustering from scratch: k-means++ seeding and Lloyd's algorithm."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
from sklearn.base import (
    BaseEstimator,
    ClassNamePrefixFeaturesOutMixin,
    ClusterMixin,
    TransformerMixin,
)
from sklearn.utils.validation import check_is_fitted, validate_data

from mlcourse._validation import (
    check_array,
    check_random_state,
    check_scalar,
    column_or_1d,
    param_message,
)

__all__ = ["KMeans", "kmeans_plusplus"]


def _squared_distances(
    X: np.ndarray, centers: np.ndarray, x_sq: np.ndarray | None = None
) -> np.ndarray:
    """Squared Euclidean distances between rows of ``X`` and ``centers``, shape (n, k).

    Uses ``|x - c|^2 = |x|^2 - 2 x.c + |c|^2`` (one matrix product); ``x_sq``
    are the precomputed ``|x|^2``.
    """
    if x_sq is None:
        x_sq = np.einsum("ij,ij->i", X, X)
    d2 = X @ centers.T
    d2 *= -2.0
    d2 += x_sq[:, None]
    d2 += np.einsum("ij,ij->i", centers, centers)[None, :]
    np.maximum(d2, 0.0, out=d2)
    return d2


def _check_sample_weight(sample_weight: Any, n_samples: int, *, owner: str) -> np.ndarray:
    if sample_weight is None:
        return np.ones(n_samples)
    if isinstance(sample_weight, numbers.Real) and not isinstance(sample_weight, bool):
        return np.full(n_samples, float(sample_weight))
    w = column_or_1d(sample_weight, "sample_weight", owner=owner, numeric=True).astype(float)
    if w.shape[0] != n_samples:
        raise ValueError(
            param_message(
                "sample_weight",
                f"an array of shape ({n_samples},), one weight per sample",
                w,
                owner=owner,
            )
        )
    if (w < 0).any():
        raise ValueError(
            param_message("sample_weight", "non-negative weights", float(w.min()), owner=owner)
        )
    if not w.sum() > 0:
        raise ValueError(
            param_message("sample_weight", "weights that are not all zero", w, owner=owner)
        )
    return w


def kmeans_plusplus(
    X: Any,
    n_clusters: int,
    *,
    sample_weight: Any = None,
    random_state: Any = None,
    n_local_trials: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Choose initial cluster centres with greedy k-means++.

    The first centre is a sample drawn at random; each next centre is drawn
    with probability proportional to its squared distance to the nearest
    centre already chosen (``D(x)^2`` weighting), so that centres start spread
    out. The greedy variant draws ``n_local_trials`` candidates and keeps the
    one that lowers the potential (the inertia of the current centres) most.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    n_clusters : int
        Number of centres to choose.
    sample_weight : array-like of shape (n_samples,), default=None
        Weights of the samples (``None``: all 1).
    random_state : int, numpy.random.Generator or None, default=None
        Source of randomness.
    n_local_trials : int, default=None
        Candidates per step; ``None`` uses ``2 + int(log(n_clusters))``.

    Returns
    -------
    centers : ndarray of shape (n_clusters, n_features)
        The chosen centres.
    indices : ndarray of shape (n_clusters,)
        Their row indices in ``X``.

    Notes
    -----
    Arthur and Vassilvitskii (2007) show that the expected inertia after
    seeding alone is at most ``8 (ln k + 2)`` times the optimum.

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [0.1, 0.0], [10.0, 10.0], [10.1, 10.0]])
    >>> centers, idx = kmeans_plusplus(X, 2, random_state=0)
    >>> sorted(int(i) // 2 for i in idx)  # one centre in each group
    [0, 1]
    """
    owner = "kmeans_plusplus"
    X = check_array(X, "X", owner=owner)
    n_samples = X.shape[0]
    check_scalar(n_clusters, "n_clusters", numbers.Integral, owner=owner, min_val=1)
    if n_clusters > n_samples:
        raise ValueError(
            param_message(
                "n_clusters",
                f"an int in the range [1, n_samples={n_samples}]",
                n_clusters,
                owner=owner,
            )
        )
    if n_local_trials is None:
        n_local_trials = 2 + int(np.log(n_clusters))
    check_scalar(n_local_trials, "n_local_trials", numbers.Integral, owner=owner, min_val=1)
    w = _check_sample_weight(sample_weight, n_samples, owner=owner)
    rng = check_random_state(random_state, owner=owner)

    centers = np.empty((n_clusters, X.shape[1]))
    indices = np.empty(n_clusters, dtype=np.intp)
    first = int(rng.choice(n_samples, p=w / w.sum()))
    centers[0], indices[0] = X[first], first
    closest = _squared_distances(X, X[[first]]).ravel()
    potential = float(w @ closest)
    for c in range(1, n_clusters):
        if potential > 0:
            cdf = np.cumsum(w * closest)
            draws = rng.uniform(size=n_local_trials) * cdf[-1]
            candidates = np.minimum(np.searchsorted(cdf, draws), n_samples - 1)
        else:  # every point already sits on a centre: any choice is as good
            candidates = rng.choice(n_samples, size=n_local_trials)
        # squared distance of every point to each candidate, shape (n_trials, n_samples)
        cand_d2 = _squared_distances(X[candidates], X)
        new_closest = np.minimum(closest[None, :], cand_d2)
        pots = new_closest @ w
        best = int(np.argmin(pots))
        idx = int(candidates[best])
        centers[c], indices[c] = X[idx], idx
        closest, potential = new_closest[best], float(pots[best])
    return centers, indices


class KMeans(ClassNamePrefixFeaturesOutMixin, TransformerMixin, ClusterMixin, BaseEstimator):
    r"""K-means clustering, written out for teaching (Lloyd's algorithm).

    K-means looks for ``n_clusters`` centres that minimise the *inertia*, the
    sum of squared distances from each sample to its nearest centre. Lloyd's
    algorithm alternates two steps until nothing moves:

    1. **assign** each sample to its nearest centre;
    2. **update** each centre to the mean of the samples assigned to it.

    Both steps can only lower the inertia, so the algorithm converges, but to
    a local minimum that depends on the starting centres: ``n_init`` restarts
    keep the best run.

    Parameters
    ----------
    n_clusters : int, default=8
        Number of clusters (k).
    init : {"k-means++", "random"} or array-like, default="k-means++"
        How to choose the starting centres: greedy k-means++ (spread out),
        ``"random"`` (k distinct samples), or the centres themselves as an
        array of shape (n_clusters, n_features) (then a single run is made
        whatever ``n_init`` says).
    n_init : "auto" or int, default="auto"
        Number of runs from different starting centres; the run with the
        lowest inertia is kept. ``"auto"`` is 1 for k-means++ and 10 for
        random starts, as in scikit-learn.
    max_iter : int, default=300
        Maximum number of assign/update iterations per run.
    tol : float, default=1e-4
        Convergence tolerance, relative to the data: a run stops when the
        squared distance the centres moved in one iteration, summed over the
        centres, is at most ``tol`` times the mean feature variance of ``X``
        (or when no sample changes cluster).
    random_state : int, numpy.random.Generator or None, default=None
        Source of randomness for the starting centres.

    Attributes
    ----------
    cluster_centers_ : ndarray of shape (n_clusters, n_features)
        The centres.
    labels_ : ndarray of shape (n_samples,)
        The cluster of each training sample.
    inertia_ : float
        Sum of (weighted) squared distances of the training samples to their
        centre.
    n_iter_ : int
        Iterations of the best run.
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Names of the features seen in ``fit``, when ``X`` has string column
        names.

    See Also
    --------
    sklearn.cluster.KMeans : The reference implementation (same results from
        the same starting centres).
    ElbowDisplay : Inertia against k, to choose k.
    SilhouetteDisplay : Silhouette of each sample, to judge a clustering.

    Notes
    -----
    The inertia is :math:`\sum_i w_i \min_j \lVert x_i - \mu_j \rVert^2`.
    The update step sets :math:`\mu_j` to the weighted mean of its cluster,
    which is the point minimising that cluster's share of the inertia. A
    cluster left empty is moved onto the sample farthest from its centre.
    Cost per iteration: :math:`O(n\,k\,d)` time, :math:`O(n\,k)` memory.

    Examples
    --------
    >>> from mlcourse.unsupervised import KMeans
    >>> X = np.array([[1, 2], [1, 4], [1, 0], [10, 2], [10, 4], [10, 0]])
    >>> km = KMeans(n_clusters=2, random_state=0).fit(X)
    >>> sorted(km.cluster_centers_.tolist())
    [[1.0, 2.0], [10.0, 2.0]]
    >>> float(km.inertia_)
    16.0
    >>> km.predict([[0, 0], [12, 3]]).tolist() == km.predict([[1, 2], [10, 2]]).tolist()
    True
    """

    def __init__(
        self,
        n_clusters: int = 8,
        *,
        init: Any = "k-means++",
        n_init: Any = "auto",
        max_iter: int = 300,
        tol: float = 1e-4,
        random_state: Any = None,
    ) -> None:
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    # ------------------------------------------------------------------ checks
    def _check_params(self, X: np.ndarray) -> tuple[np.ndarray | None, int]:
        owner = "KMeans"
        n_samples, n_features = X.shape
        check_scalar(self.n_clusters, "n_clusters", numbers.Integral, owner=owner, min_val=1)
        if self.n_clusters > n_samples:
            raise ValueError(
                param_message(
                    "n_clusters",
                    f"an int in the range [1, n_samples={n_samples}] (at most one cluster "
                    "per sample)",
                    self.n_clusters,
                    owner=owner,
                )
            )
        check_scalar(self.max_iter, "max_iter", numbers.Integral, owner=owner, min_val=1)
        check_scalar(self.tol, "tol", numbers.Real, owner=owner, min_val=0)
        init_centers = None
        if isinstance(self.init, str):
            if self.init not in ("k-means++", "random"):
                raise ValueError(
                    param_message(
                        "init",
                        "'k-means++', 'random' or an array of shape (n_clusters, n_features)",
                        self.init,
                        owner=owner,
                    )
                )
        else:
            init_centers = check_array(self.init, "init", owner=owner)
            if init_centers.shape != (self.n_clusters, n_features):
                raise ValueError(
                    param_message(
                        "init",
                        f"an array of shape (n_clusters, n_features) = "
                        f"({self.n_clusters}, {n_features})",
                        init_centers,
                        owner=owner,
                    )
                )
        if isinstance(self.n_init, str):
            if self.n_init != "auto":
                raise ValueError(
                    param_message("n_init", "'auto' or an int >= 1", self.n_init, owner=owner)
                )
            n_init = 10 if isinstance(self.init, str) and self.init == "random" else 1
        else:
            check_scalar(self.n_init, "n_init", numbers.Integral, owner=owner, min_val=1)
            n_init = int(self.n_init)
        if init_centers is not None:
            n_init = 1
        return init_centers, n_init

    # ---------------------------------------------------------------- fitting
    def fit(self, X: Any, y: Any = None, sample_weight: Any = None) -> KMeans:
        """Compute the cluster centres with Lloyd's algorithm.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training samples.
        y : None
            Ignored; present for API consistency.
        sample_weight : array-like of shape (n_samples,), default=None
            Weight of each sample in the means and the inertia.

        Returns
        -------
        self : KMeans
            The fitted estimator.

        Examples
        --------
        >>> from mlcourse.unsupervised import KMeans
        >>> KMeans(n_clusters=1).fit([[0.0], [2.0]]).cluster_centers_.tolist()
        [[1.0]]
        """
        X = validate_data(self, X, dtype=np.float64)
        init_centers, n_init = self._check_params(X)
        w = _check_sample_weight(sample_weight, X.shape[0], owner="KMeans")
        rng = check_random_state(self.random_state, owner="KMeans")
        tol = float(np.mean(np.var(X, axis=0))) * float(self.tol)

        best: tuple[float, np.ndarray, np.ndarray, int] = (np.inf, np.empty(0), X[:0], 0)
        for _ in range(n_init):
            if init_centers is not None:
                centers = init_centers.copy()
            elif isinstance(self.init, str) and self.init == "random":
                centers = X[rng.choice(X.shape[0], size=self.n_clusters, replace=False)].copy()
            else:
                centers, _idx = kmeans_plusplus(
                    X, self.n_clusters, sample_weight=w, random_state=rng
                )
            inertia, labels, centers, n_iter = self._lloyd(X, w, centers, tol)
            if inertia < best[0] or best[1].size == 0:
                best = (inertia, labels, centers, n_iter)
        self.inertia_, self.labels_, self.cluster_centers_, self.n_iter_ = best
        self._n_features_out = self.n_clusters
        return self

    def _lloyd(
        self, X: np.ndarray, w: np.ndarray, centers: np.ndarray, tol: float
    ) -> tuple[float, np.ndarray, np.ndarray, int]:
        """Run Lloyd's iterations from ``centers``; return (inertia, labels, centers, n_iter)."""
        k = centers.shape[0]
        x_sq = np.einsum("ij,ij->i", X, X)
        Xw = X * w[:, None]
        labels_old = np.full(X.shape[0], -1, dtype=np.intp)
        strict = False
        n_iter = 0
        for i in range(int(self.max_iter)):
            n_iter = i + 1
            d2 = _squared_distances(X, centers, x_sq)
            labels = np.argmin(d2, axis=1)  # assign step
            weight_in = np.bincount(labels, weights=w, minlength=k)
            # per-cluster weighted sums, one feature at a time
            sums = np.column_stack(
                [np.bincount(labels, weights=Xw[:, j], minlength=k) for j in range(X.shape[1])]
            )
            new_centers = centers.copy()
            filled = weight_in > 0
            new_centers[filled] = sums[filled] / weight_in[filled, None]  # update step
            if not filled.all():
                # move each empty cluster onto a sample far from its centre
                far = np.argsort(-d2[np.arange(X.shape[0]), labels], kind="stable")
                new_centers[~filled] = X[far[: int((~filled).sum())]]
            shift = float(((new_centers - centers) ** 2).sum())
            centers = new_centers
            if np.array_equal(labels, labels_old):
                strict = True
                break
            if shift <= tol:
                break
            labels_old = labels
        if not strict:  # final assign step, so that labels match the centres
            labels = np.argmin(_squared_distances(X, centers, x_sq), axis=1)
        inertia = float(w @ ((X - centers[labels]) ** 2).sum(axis=1))
        return inertia, labels, centers, n_iter

    # -------------------------------------------------------------- predicting
    def predict(self, X: Any) -> np.ndarray:
        """Return the index of the nearest centre of each sample.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        labels : ndarray of shape (n_samples,)
            Cluster index of each sample.

        Examples
        --------
        >>> from mlcourse.unsupervised import KMeans
        >>> km = KMeans(n_clusters=2, init=[[0.0], [10.0]]).fit([[0.0], [1.0], [9.0], [10.0]])
        >>> km.predict([[2.0], [8.0]]).tolist()
        [0, 1]
        """
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return np.argmin(_squared_distances(X, self.cluster_centers_), axis=1)

    def transform(self, X: Any) -> np.ndarray:
        """Return the Euclidean distance of each sample to each centre.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        distances : ndarray of shape (n_samples, n_clusters)
            Distance to each centre (a new feature space of k columns).

        Examples
        --------
        >>> from mlcourse.unsupervised import KMeans
        >>> km = KMeans(n_clusters=2, init=[[0.0, 0.0], [3.0, 4.0]]).fit([[0, 0], [3, 4]])
        >>> km.transform([[0, 0]]).tolist()
        [[0.0, 5.0]]
        """
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return np.sqrt(_squared_distances(X, self.cluster_centers_))

    def score(self, X: Any, y: Any = None, sample_weight: Any = None) -> float:
        """Return minus the inertia of ``X`` with the fitted centres (higher is better).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.
        y : None
            Ignored.
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights.

        Returns
        -------
        score : float
            ``-inertia``.

        Examples
        --------
        >>> from mlcourse.unsupervised import KMeans
        >>> km = KMeans(n_clusters=1).fit([[0.0], [2.0]])
        >>> float(km.score([[0.0], [2.0]]))
        -2.0
        """
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        w = _check_sample_weight(sample_weight, X.shape[0], owner="KMeans")
        d2 = _squared_distances(X, self.cluster_centers_).min(axis=1)
        return -float(w @ d2)

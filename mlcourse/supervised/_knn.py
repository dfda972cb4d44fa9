"""k-nearest neighbours, classifier and regressor, from scratch (brute force, NumPy).

Training stores the data; prediction finds, for every query, the ``k``
training points at the smallest distance and lets them vote (classification)
or averages their targets (regression).
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from .._validation import check_in, check_scalar, param_message

__all__ = ["KNeighborsClassifier", "KNeighborsRegressor"]

# Distances are computed for blocks of queries so that the (block, n_train)
# matrix stays around this many float64 values (16 MB: it stays in cache).
_BLOCK_VALUES = 2_000_000


def _select_k_smallest(D: np.ndarray, k: int) -> np.ndarray:
    """Column indices of the ``k`` smallest values of each row, sorted by (value, index).

    A cheap upper bound on each row's k-th smallest value (the k-th smallest of
    a strided subset of the columns) leaves only a few candidates per row; only
    those are sorted. The result equals a full sort of each row.
    """
    n_rows, n_cols = D.shape
    stride = max(1, n_cols // 1024)
    if k == n_cols or n_cols // stride < 4 * k:
        cand = np.argpartition(D, k - 1, axis=1)[:, :k] if k < n_cols else None
        if cand is None:
            cand = np.broadcast_to(np.arange(n_cols), D.shape).copy()
        vals = np.take_along_axis(D, cand, axis=1)
        order = np.lexsort((cand, vals), axis=1)
        return np.take_along_axis(cand, order, axis=1)
    bound = np.partition(D[:, ::stride], k - 1, axis=1)[:, k - 1]
    flat = np.flatnonzero(D <= bound[:, None])  # much faster than a 2-D nonzero
    rows, cols = np.divmod(flat, n_cols)
    vals = D.ravel()[flat]
    order = np.lexsort((cols, vals, rows))  # by row, then value, then index
    counts = np.bincount(rows, minlength=n_rows)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    return cols[order][starts[:, None] + np.arange(k)]


class _KNeighborsBase(BaseEstimator):
    n_neighbors: int
    weights: str
    metric: str
    p: float

    def _check_params(self) -> float:
        """Validate hyperparameters; return the Minkowski power to use."""
        owner = type(self).__name__
        check_scalar(self.n_neighbors, "n_neighbors", numbers.Integral, owner=owner, min_val=1)
        check_in(self.weights, "weights", ["uniform", "distance"], owner=owner)
        check_in(self.metric, "metric", ["minkowski", "euclidean", "manhattan"], owner=owner)
        if self.metric == "euclidean":
            return 2.0
        if self.metric == "manhattan":
            return 1.0
        check_scalar(self.p, "p", numbers.Real, owner=owner, min_val=1)
        return float(self.p)

    def _fit(self, X: Any, y: Any, **kw: Any) -> tuple[np.ndarray, np.ndarray]:
        self._p = self._check_params()
        X, y = validate_data(self, X, y, dtype=np.float64, **kw)
        if self.n_neighbors > X.shape[0]:
            raise ValueError(
                param_message(
                    "n_neighbors",
                    f"at most n_samples = {X.shape[0]}",
                    self.n_neighbors,
                    owner=type(self).__name__,
                )
            )
        self._fit_X = X
        if self._p == 2.0:  # pieces of ||q - t||^2 = ||q||^2 - 2 q.t + ||t||^2
            # one matrix product gives ||t||^2 - 2 q.t: [q, 1] @ [[-2 T^T], [||t||^2]]
            self._fit_aug = np.ascontiguousarray(
                np.vstack([-2.0 * X.T, (X * X).sum(axis=1)[None, :]])
            )
        self.n_samples_fit_ = X.shape[0]
        self.effective_metric_ = {1.0: "manhattan", 2.0: "euclidean"}.get(self._p, "minkowski")
        return X, y

    def _block_distances(self, Q: np.ndarray) -> np.ndarray:
        """Compute a matrix ordered like the distances from queries to training rows.

        Euclidean: ``||t||^2 - 2 q.t``, the squared distance minus the query's
        own squared norm (the same for the whole row, so it does not change
        the ranking; it is added back for the k selected neighbours).
        Other metrics: the distances themselves.
        """
        if self._p == 2.0:
            Q1 = np.empty((Q.shape[0], Q.shape[1] + 1))
            Q1[:, :-1] = Q
            Q1[:, -1] = 1.0
            return Q1 @ self._fit_aug
        from scipy.spatial.distance import cdist

        if self._p == 1.0:
            return cdist(Q, self._fit_X, metric="cityblock")
        return cdist(Q, self._fit_X, metric="minkowski", p=self._p)

    def kneighbors(
        self, X: Any = None, n_neighbors: int | None = None, return_distance: bool = True
    ) -> Any:
        """Find the nearest training points of each query.

        Parameters
        ----------
        X : array-like of shape (n_queries, n_features), default=None
            Queries. ``None`` uses the training points, each excluded from
            its own neighbours.
        n_neighbors : int, default=None
            Neighbours to return (default: ``self.n_neighbors``).
        return_distance : bool, default=True
            Also return the distances.

        Returns
        -------
        neigh_dist : ndarray of shape (n_queries, n_neighbors)
            Distances, in increasing order (only if ``return_distance``).
        neigh_ind : ndarray of shape (n_queries, n_neighbors)
            Indices of the neighbours in the training data; ties in distance
            go to the smaller index.

        Examples
        --------
        >>> from mlcourse.supervised import KNeighborsRegressor
        >>> knn = KNeighborsRegressor(n_neighbors=2).fit([[0.0], [1.0], [5.0]], [0, 1, 5])
        >>> dist, ind = knn.kneighbors([[0.9]])
        >>> ind.tolist(), [round(float(d), 1) for d in dist[0]]
        ([[1, 0]], [0.1, 0.9])
        """
        check_is_fitted(self)
        k = self.n_neighbors if n_neighbors is None else n_neighbors
        owner = type(self).__name__
        check_scalar(k, "n_neighbors", numbers.Integral, owner=owner, min_val=1)
        self_query = X is None
        Q = self._fit_X if self_query else validate_data(self, X, reset=False, dtype=np.float64)
        n_avail = self.n_samples_fit_ - (1 if self_query else 0)
        if k > n_avail:
            raise ValueError(
                param_message(
                    "n_neighbors",
                    f"at most the {n_avail} available training points",
                    k,
                    owner=owner,
                )
            )
        n_train = self.n_samples_fit_
        per_block = max(1, _BLOCK_VALUES // n_train)
        all_dist = np.empty((Q.shape[0], k))
        all_ind = np.empty((Q.shape[0], k), dtype=np.intp)
        from threadpoolctl import threadpool_limits

        # Many small matrix products: threads only add overhead (scikit-learn's
        # brute-force search limits BLAS to one thread in the same way).
        with threadpool_limits(limits=1, user_api="blas"):
            for start in range(0, Q.shape[0], per_block):
                stop = min(start + per_block, Q.shape[0])
                D = self._block_distances(Q[start:stop])
                if self_query:
                    D[np.arange(stop - start), np.arange(start, stop)] = np.inf
                ind = _select_k_smallest(D, k)
                dist = np.take_along_axis(D, ind, axis=1)
                if self._p == 2.0:
                    q = Q[start:stop]
                    dist += (q * q).sum(axis=1)[:, None]
                    np.maximum(dist, 0.0, out=dist)
                    np.sqrt(dist, out=dist)
                all_ind[start:stop] = ind
                all_dist[start:stop] = dist
        return (all_dist, all_ind) if return_distance else all_ind

    def _neighbor_weights(self, dist: np.ndarray) -> np.ndarray:
        if self.weights == "uniform":
            return np.ones_like(dist)
        with np.errstate(divide="ignore"):
            w = 1.0 / dist
        inf_mask = np.isinf(w)
        inf_row = inf_mask.any(axis=1)
        # an exact match takes all the weight (shared equally among exact matches)
        w[inf_row] = inf_mask[inf_row]
        return w


class KNeighborsClassifier(ClassifierMixin, _KNeighborsBase):
    """k-nearest-neighbours classifier (brute-force search).

    Parameters
    ----------
    n_neighbors : int, default=5
        Number of neighbours that vote.
    weights : {"uniform", "distance"}, default="uniform"
        ``"uniform"``: one vote each; ``"distance"``: votes weighted by
        ``1 / distance`` (an exact match takes all the weight).
    metric : {"minkowski", "euclidean", "manhattan"}, default="minkowski"
        Distance. ``"minkowski"`` uses the power ``p``.
    p : float, default=2
        Minkowski power (``2`` is Euclidean, ``1`` Manhattan); at least 1.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        Class labels, sorted.
    n_samples_fit_ : int
        Number of training samples stored.
    effective_metric_ : str
        The distance used.
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Column names seen in ``fit``, when ``X`` is a DataFrame with string column names.

    See Also
    --------
    KNeighborsRegressor : the same neighbours, averaging targets.
    sklearn.neighbors.KNeighborsClassifier : the reference (use ``algorithm="brute"``).

    Notes
    -----
    The prediction for :math:`x` is the class with the largest total weight
    among its :math:`k` nearest training points; a tie goes to the class that
    comes first in ``classes_`` (as in scikit-learn). Scale the features
    first: distances are dominated by the feature with the largest range.

    Examples
    --------
    >>> from mlcourse.supervised import KNeighborsClassifier
    >>> X = [[0.0], [1.0], [2.0], [10.0], [11.0], [12.0]]
    >>> y = ["a", "a", "a", "b", "b", "b"]
    >>> knn = KNeighborsClassifier(n_neighbors=3).fit(X, y)
    >>> knn.predict([[1.5], [9.0]]).tolist()
    ['a', 'b']
    >>> knn.predict_proba([[6.4]]).round(2).tolist()
    [[0.33, 0.67]]
    """

    def __init__(
        self,
        n_neighbors: int = 5,
        *,
        weights: str = "uniform",
        metric: str = "minkowski",
        p: float = 2,
    ) -> None:
        self.n_neighbors = n_neighbors
        self.weights = weights
        self.metric = metric
        self.p = p

    def fit(self, X: Any, y: Any) -> KNeighborsClassifier:
        """Store the training data.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels.

        Returns
        -------
        self : KNeighborsClassifier
            The fitted estimator.
        """
        X, y = self._fit(X, y)
        check_classification_targets(y)
        self.classes_, self._y = np.unique(y, return_inverse=True)
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        """Return the weighted share of each class among the neighbours.

        Parameters
        ----------
        X : array-like of shape (n_queries, n_features)
            Queries.

        Returns
        -------
        ndarray of shape (n_queries, n_classes)
            Class probabilities, columns ordered as ``classes_``.
        """
        check_is_fitted(self)
        dist, ind = self.kneighbors(X)
        w = self._neighbor_weights(dist)
        n_classes = len(self.classes_)
        labels = self._y[ind]
        proba = np.zeros((ind.shape[0], n_classes))
        rows = np.repeat(np.arange(ind.shape[0]), ind.shape[1])
        np.add.at(proba, (rows, labels.ravel()), w.ravel())
        proba /= proba.sum(axis=1, keepdims=True)
        return proba

    def predict(self, X: Any) -> np.ndarray:
        """Predict the class with the largest (weighted) vote.

        Parameters
        ----------
        X : array-like of shape (n_queries, n_features)
            Queries.

        Returns
        -------
        ndarray of shape (n_queries,)
            Predicted labels.
        """
        check_is_fitted(self)
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


class KNeighborsRegressor(RegressorMixin, _KNeighborsBase):
    """k-nearest-neighbours regressor (brute-force search).

    Parameters
    ----------
    n_neighbors : int, default=5
        Number of neighbours averaged.
    weights : {"uniform", "distance"}, default="uniform"
        ``"uniform"``: plain mean; ``"distance"``: mean weighted by
        ``1 / distance`` (an exact match takes all the weight).
    metric : {"minkowski", "euclidean", "manhattan"}, default="minkowski"
        Distance. ``"minkowski"`` uses the power ``p``.
    p : float, default=2
        Minkowski power; at least 1.

    Attributes
    ----------
    n_samples_fit_ : int
        Number of training samples stored.
    effective_metric_ : str
        The distance used.
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Column names seen in ``fit``, when ``X`` is a DataFrame with string column names.

    See Also
    --------
    KNeighborsClassifier : the same neighbours, voting.
    sklearn.neighbors.KNeighborsRegressor : the reference.

    Examples
    --------
    >>> from mlcourse.supervised import KNeighborsRegressor
    >>> knn = KNeighborsRegressor(n_neighbors=2).fit([[0.0], [1.0], [2.0], [3.0]], [0, 10, 20, 30])
    >>> knn.predict([[0.4], [2.6]]).tolist()
    [5.0, 25.0]
    """

    def __init__(
        self,
        n_neighbors: int = 5,
        *,
        weights: str = "uniform",
        metric: str = "minkowski",
        p: float = 2,
    ) -> None:
        self.n_neighbors = n_neighbors
        self.weights = weights
        self.metric = metric
        self.p = p

    def fit(self, X: Any, y: Any) -> KNeighborsRegressor:
        """Store the training data.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Target values.

        Returns
        -------
        self : KNeighborsRegressor
            The fitted estimator.
        """
        X, y = self._fit(X, y, y_numeric=True)
        self._y = np.asarray(y, dtype=np.float64)
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Predict the (weighted) mean target of the neighbours.

        Parameters
        ----------
        X : array-like of shape (n_queries, n_features)
            Queries.

        Returns
        -------
        ndarray of shape (n_queries,)
            Predicted values.
        """
        check_is_fitted(self)
        dist, ind = self.kneighbors(X)
        w = self._neighbor_weights(dist)
        return (self._y[ind] * w).sum(axis=1) / w.sum(axis=1)

"""Isolation Forest from scratch, and a report that shows why accuracy misleads on rare anomalies."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, OutlierMixin
from sklearn.utils.validation import check_is_fitted, validate_data

from mlcourse._validation import (
    check_consistent_length,
    check_random_state,
    check_scalar,
    column_or_1d,
    param_message,
)

__all__ = ["IsolationForest", "anomaly_report", "average_path_length"]

_EULER_GAMMA = 0.5772156649015329


def average_path_length(n: Any) -> np.ndarray:
    r"""Return the average path length of an unsuccessful search in a binary search tree.

    This is :math:`c(n)`, the expected depth at which a random binary tree
    built on ``n`` points isolates one of them. Isolation Forest uses it to
    normalise path lengths and to account for the points left together in a
    leaf.

    Parameters
    ----------
    n : int or array-like of int
        Number of points.

    Returns
    -------
    ndarray of float
        :math:`c(n) = 2 H(n - 1) - 2 (n - 1) / n` for :math:`n > 2`, with
        :math:`H(i) \approx \ln i + 0.5772` (Euler's constant); 1 for
        :math:`n = 2`; 0 for :math:`n \le 1`.

    Examples
    --------
    >>> from mlcourse.unsupervised import average_path_length
    >>> average_path_length([1, 2, 256]).round(3).tolist()
    [0.0, 1.0, 10.245]
    """
    n = np.asarray(n, dtype=float)
    out = np.zeros_like(n)
    out[n == 2] = 1.0
    big = n > 2
    m = n[big]
    out[big] = 2.0 * (np.log(m - 1.0) + _EULER_GAMMA) - 2.0 * (m - 1.0) / m
    return out


class _IsolationTree:
    """One isolation tree, stored as flat arrays (node 0 is the root)."""

    def __init__(self, X: np.ndarray, height_limit: int, rng: np.random.Generator) -> None:
        feature, threshold, left, right, size, depth = [], [], [], [], [], []
        # stack of (node id, sample indices, depth)
        feature.append(-1)
        threshold.append(0.0)
        left.append(-1)
        right.append(-1)
        size.append(X.shape[0])
        depth.append(0)
        stack = [(0, np.arange(X.shape[0]), 0)]
        while stack:
            node, idx, d = stack.pop()
            if idx.size <= 1 or d >= height_limit:
                continue
            sub = X[idx]
            lo, hi = sub.min(axis=0), sub.max(axis=0)
            usable = np.flatnonzero(hi > lo)
            if usable.size == 0:  # all points identical: cannot be split
                continue
            f = int(rng.choice(usable))
            t = float(rng.uniform(lo[f], hi[f]))
            go_left = sub[:, f] < t
            children = []
            for part in (idx[go_left], idx[~go_left]):
                child = len(feature)
                feature.append(-1)
                threshold.append(0.0)
                left.append(-1)
                right.append(-1)
                size.append(part.size)
                depth.append(d + 1)
                children.append(child)
                stack.append((child, part, d + 1))
            feature[node], threshold[node] = f, t
            left[node], right[node] = children
        self.feature = np.asarray(feature, dtype=np.intp)
        self.threshold = np.asarray(threshold, dtype=float)
        self.left = np.asarray(left, dtype=np.intp)
        self.right = np.asarray(right, dtype=np.intp)
        # depth of each node plus c(size) for the points a leaf did not separate
        self.leaf_value = np.asarray(depth, dtype=float) + average_path_length(size)

    def path_length(self, X: np.ndarray) -> np.ndarray:
        node = np.zeros(X.shape[0], dtype=np.intp)
        active = self.feature[node] >= 0
        while active.any():
            rows = np.flatnonzero(active)
            cur = node[rows]
            go_left = X[rows, self.feature[cur]] < self.threshold[cur]
            node[rows] = np.where(go_left, self.left[cur], self.right[cur])
            active[rows] = self.feature[node[rows]] >= 0
        return self.leaf_value[node]


class IsolationForest(OutlierMixin, BaseEstimator):
    r"""Isolation Forest anomaly detector, written out for teaching.

    Anomalies are *few and different*, so random cuts isolate them quickly.
    Each tree is grown on a random subsample: pick a feature at random, cut
    at a random value between its minimum and maximum, and recurse until
    every point is alone or the depth limit :math:`\lceil \log_2 \psi
    \rceil` is reached (:math:`\psi` = ``max_samples``). A point's *path
    length* is the depth of its leaf; averaged over the trees, a short path
    means an anomaly.

    Same parameters, attributes and sign conventions as
    ``sklearn.ensemble.IsolationForest``: ``score_samples`` is the opposite
    of the anomaly score (lower = more abnormal) and ``predict`` returns -1
    for anomalies and 1 for normal points.

    Parameters
    ----------
    n_estimators : int, default=100
        Number of trees.
    max_samples : "auto", int or float, default="auto"
        Subsample size per tree: ``"auto"`` is ``min(256, n_samples)``; an
        int is a count (capped at ``n_samples``); a float in (0, 1] a
        fraction of ``n_samples``.
    contamination : "auto" or float, default="auto"
        Expected fraction of anomalies, in (0, 0.5]; sets the threshold of
        ``predict``. ``"auto"`` uses the paper's threshold, an anomaly score
        above 0.5.
    random_state : int, numpy.random.Generator or None, default=None
        Source of randomness (subsamples, features and cut points).

    Attributes
    ----------
    estimators_ : list
        The fitted trees.
    max_samples_ : int
        The subsample size used.
    offset_ : float
        ``decision_function = score_samples - offset_``.
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Names of the features seen in ``fit``, when ``X`` has string column
        names.

    See Also
    --------
    sklearn.ensemble.IsolationForest : The reference implementation; its
        scores rank the samples almost identically (Spearman >= 0.9).
    anomaly_report : Precision, recall and PR-AUC of a detector.

    Notes
    -----
    Anomaly score (Liu, Ting and Zhou, 2008):
    :math:`s(x) = 2^{-E[h(x)] / c(\psi)}`, where :math:`h(x)` is the path
    length (plus :math:`c(n)` for the :math:`n` points sharing its leaf) and
    :math:`c(\psi)` is :func:`average_path_length` of the subsample size.
    ``score_samples`` returns :math:`-s(x)`. Cost: building is
    :math:`O(t\,\psi \log \psi)`, scoring :math:`O(n\,t \log \psi)` for
    :math:`t` trees.

    Examples
    --------
    >>> from mlcourse.unsupervised import IsolationForest
    >>> X = np.array([[0.0], [0.1], [0.2], [0.15], [0.05], [5.0]])
    >>> forest = IsolationForest(n_estimators=50, random_state=0).fit(X)
    >>> forest.predict(X).tolist()
    [1, 1, 1, 1, 1, -1]
    >>> int(np.argmin(forest.score_samples(X)))
    5
    """

    def __init__(
        self,
        n_estimators: int = 100,
        *,
        max_samples: Any = "auto",
        contamination: Any = "auto",
        random_state: Any = None,
    ) -> None:
        self.n_estimators = n_estimators
        self.max_samples = max_samples
        self.contamination = contamination
        self.random_state = random_state

    def _check_params(self, n_samples: int) -> int:
        owner = "IsolationForest"
        check_scalar(self.n_estimators, "n_estimators", numbers.Integral, owner=owner, min_val=1)
        if isinstance(self.max_samples, str):
            if self.max_samples != "auto":
                raise ValueError(
                    param_message(
                        "max_samples",
                        "'auto', an int >= 1 or a float in (0, 1]",
                        self.max_samples,
                        owner=owner,
                    )
                )
            max_samples = min(256, n_samples)
        elif isinstance(self.max_samples, numbers.Integral) and not isinstance(
            self.max_samples, bool
        ):
            check_scalar(self.max_samples, "max_samples", numbers.Integral, owner=owner, min_val=1)
            max_samples = min(int(self.max_samples), n_samples)
        else:
            check_scalar(
                self.max_samples,
                "max_samples",
                numbers.Real,
                owner=owner,
                min_val=0.0,
                max_val=1.0,
                closed="right",
            )
            max_samples = max(1, int(float(self.max_samples) * n_samples))
        if not (isinstance(self.contamination, str) and self.contamination == "auto"):
            if isinstance(self.contamination, str):
                raise ValueError(
                    param_message(
                        "contamination",
                        "'auto' or a float in (0, 0.5]",
                        self.contamination,
                        owner=owner,
                    )
                )
            check_scalar(
                self.contamination,
                "contamination",
                numbers.Real,
                owner=owner,
                min_val=0.0,
                max_val=0.5,
                closed="right",
            )
        return max_samples

    def fit(self, X: Any, y: Any = None) -> IsolationForest:
        """Grow the isolation trees on random subsamples of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training samples (mostly normal, a few anomalies, unlabelled).
        y : None
            Ignored; present for API consistency.

        Returns
        -------
        self : IsolationForest
            The fitted detector.

        Examples
        --------
        >>> from mlcourse.unsupervised import IsolationForest
        >>> IsolationForest(n_estimators=3).fit([[0.0], [1.0], [2.0]]).max_samples_
        3
        """
        X = validate_data(self, X, dtype=np.float64)
        n_samples = X.shape[0]
        self.max_samples_ = self._check_params(n_samples)
        rng = check_random_state(self.random_state, owner="IsolationForest")
        height_limit = int(np.ceil(np.log2(max(self.max_samples_, 2))))
        self.estimators_ = []
        for _ in range(int(self.n_estimators)):
            idx = rng.choice(n_samples, size=self.max_samples_, replace=False)
            self.estimators_.append(_IsolationTree(X[idx], height_limit, rng))
        if isinstance(self.contamination, str):
            self.offset_ = -0.5
        else:
            scores = self._score(X)
            self.offset_ = float(np.percentile(scores, 100.0 * float(self.contamination)))
        return self

    def _mean_depth(self, X: np.ndarray) -> np.ndarray:
        depth = np.zeros(X.shape[0])
        for tree in self.estimators_:
            depth += tree.path_length(X)
        return depth / len(self.estimators_)

    def _score(self, X: np.ndarray) -> np.ndarray:
        depth = self._mean_depth(X)
        norm = float(average_path_length(self.max_samples_))
        norm = norm if norm > 0 else 1.0
        return -(2.0 ** (-depth / norm))

    def path_length(self, X: Any) -> np.ndarray:
        """Return the average path length of each sample over the trees.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        ndarray of shape (n_samples,)
            Mean depth at which each sample is isolated (shorter = more
            abnormal), leaf corrections included.

        Examples
        --------
        >>> from mlcourse.unsupervised import IsolationForest
        >>> X = np.array([[0.0], [0.1], [0.2], [0.15], [0.05], [5.0]])
        >>> depth = IsolationForest(n_estimators=50, random_state=0).fit(X).path_length(X)
        >>> bool(depth[5] < depth[:5].min())
        True
        """
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return self._mean_depth(X)

    def score_samples(self, X: Any) -> np.ndarray:
        r"""Return the opposite of the anomaly score: the lower, the more abnormal.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        ndarray of shape (n_samples,)
            :math:`-2^{-E[h(x)] / c(\psi)}`, in [-1, 0).

        Examples
        --------
        >>> from mlcourse.unsupervised import IsolationForest
        >>> X = np.array([[0.0], [0.1], [0.2], [0.15], [0.05], [5.0]])
        >>> s = IsolationForest(n_estimators=50, random_state=0).fit(X).score_samples(X)
        >>> bool(s[5] < -0.5 < s[0])
        True
        """
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return self._score(X)

    def decision_function(self, X: Any) -> np.ndarray:
        """Return ``score_samples(X) - offset_``: negative for predicted anomalies.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        ndarray of shape (n_samples,)

        Examples
        --------
        >>> from mlcourse.unsupervised import IsolationForest
        >>> X = np.array([[0.0], [0.1], [0.2], [0.15], [0.05], [5.0]])
        >>> d = IsolationForest(n_estimators=50, random_state=0).fit(X).decision_function(X)
        >>> (d < 0).tolist()
        [False, False, False, False, False, True]
        """
        return self.score_samples(X) - self.offset_

    def predict(self, X: Any) -> np.ndarray:
        """Return -1 for anomalies and 1 for normal samples.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        ndarray of shape (n_samples,)

        Examples
        --------
        >>> from mlcourse.unsupervised import IsolationForest
        >>> X = np.array([[0.0], [0.1], [0.2], [0.15], [0.05], [5.0]])
        >>> IsolationForest(n_estimators=50, random_state=0).fit(X).predict([[0.1], [9.0]]).tolist()
        [1, -1]
        """
        decision = self.decision_function(X)
        return np.where(decision < 0, -1, 1)


def anomaly_report(y_true: Any, y_pred: Any, y_score: Any) -> pd.Series:
    """Score an anomaly detector: accuracy next to the metrics that matter.

    With 1 % of anomalies, flagging nothing is 99 % accurate, so accuracy
    says little. Precision (of the flagged, how many are anomalies), recall
    (of the anomalies, how many are flagged) and the area under the
    precision-recall curve (PR-AUC, threshold-free, 0.01 for a random
    ranking at 1 % prevalence) tell the real story.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        1 (or True) for a true anomaly, 0 for a normal sample.
    y_pred : array-like of shape (n_samples,)
        1 (or True) where the detector flags an anomaly. For scikit-learn's
        convention (-1 = anomaly), pass ``model.predict(X) == -1``.
    y_score : array-like of shape (n_samples,)
        Anomaly score, higher = more abnormal (e.g. ``-model.score_samples(X)``).

    Returns
    -------
    Series
        ``prevalence`` (fraction of anomalies), ``flagged`` (fraction
        flagged), ``accuracy``, ``accuracy_flag_nothing`` (accuracy of a
        detector that flags nothing), ``precision``, ``recall``, ``f1`` and
        ``pr_auc`` (average precision of ``y_score``).

    Examples
    --------
    >>> from mlcourse.unsupervised import anomaly_report
    >>> y_true = [0] * 98 + [1, 1]
    >>> y_pred = [0] * 97 + [1, 1, 0]
    >>> y_score = list(range(100))
    >>> report = anomaly_report(y_true, y_pred, y_score)
    >>> float(report["accuracy"]), float(report["accuracy_flag_nothing"])
    (0.98, 0.98)
    >>> float(report["precision"]), float(report["recall"]), float(report["pr_auc"])
    (0.5, 0.5, 1.0)
    """
    from mlcourse import metrics

    owner = "anomaly_report"
    t = column_or_1d(y_true, "y_true", owner=owner, numeric=True).astype(float)
    p = column_or_1d(y_pred, "y_pred", owner=owner, numeric=True).astype(float)
    s = column_or_1d(y_score, "y_score", owner=owner, numeric=True).astype(float)
    check_consistent_length([t, p, s], ["y_true", "y_pred", "y_score"], owner=owner)
    for name, v in (("y_true", t), ("y_pred", p)):
        if not np.isin(v, (0.0, 1.0)).all():
            extra = (
                " (for scikit-learn's -1/1 output pass predict(X) == -1)"
                if name == "y_pred"
                else ""
            )
            raise ValueError(
                param_message(
                    name,
                    f"0/1 or bool labels, 1 = anomaly{extra}",
                    sorted(set(np.unique(v).tolist()))[:4],
                    owner=owner,
                )
            )
    if t.sum() == 0:
        raise ValueError(
            param_message(
                "y_true",
                "labels with at least one anomaly (1), to measure recall",
                "no anomaly",
                owner=owner,
            )
        )
    yt, yp = t.astype(int), p.astype(int)
    return pd.Series(
        {
            "prevalence": float(t.mean()),
            "flagged": float(p.mean()),
            "accuracy": float(metrics.accuracy_score(yt, yp)),
            "accuracy_flag_nothing": float(1.0 - t.mean()),
            "precision": float(metrics.precision_score(yt, yp, zero_division=0.0)),
            "recall": float(metrics.recall_score(yt, yp)),
            "f1": float(metrics.f1_score(yt, yp, zero_division=0.0)),
            "pr_auc": float(metrics.average_precision_score(yt, s)),
        }
    )

"""Pseudo-labelling (self-training) written out for teaching."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, MetaEstimatorMixin, clone
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from mlcourse._validation import (
    check_in,
    check_random_state,
    check_scalar,
    column_or_1d,
    param_message,
)

__all__ = ["UNLABELED", "SelfTrainingClassifier", "mask_labels"]

#: Marker of an unlabelled sample in ``y`` (as in scikit-learn).
UNLABELED = -1


class _Said(str):
    """A description shown as is (unquoted) after "Got" in an error message."""

    def __repr__(self) -> str:
        return str(self)


def _unlabeled_mask(y: np.ndarray) -> np.ndarray:
    if y.dtype.kind in "iuf":
        return y == UNLABELED
    return np.zeros(y.shape[0], dtype=bool)


class SelfTrainingClassifier(MetaEstimatorMixin, ClassifierMixin, BaseEstimator):
    """Self-training: learn from a few labels, then from your own confident guesses.

    Pseudo-labelling in a loop:

    1. fit ``estimator`` on the labelled samples;
    2. predict the unlabelled ones; those predicted with enough confidence
       (probability above ``threshold``, or the ``k_best`` most confident)
       get their prediction as a *pseudo-label*;
    3. refit on labelled + pseudo-labelled samples, and repeat until no
       sample is added or ``max_iter`` rounds have run.

    It helps when confident predictions are mostly right; wrong pseudo-labels
    are learnt as if true, so errors can also snowball (confirmation bias).
    :meth:`pseudo_label_accuracy` shows, round by round, how many
    pseudo-labels were right when the hidden labels are known.

    Same parameters and attributes as
    ``sklearn.semi_supervised.SelfTrainingClassifier``. Unlabelled samples
    are marked ``-1`` in ``y``.

    Parameters
    ----------
    estimator : classifier with ``predict_proba``, default=None
        The base classifier; ``None`` uses ``LogisticRegression()``. It is
        cloned once and refitted every round (so ``warm_start=True`` in it
        speeds the rounds up).
    threshold : float, default=0.75
        A pseudo-label needs a predicted probability above this value, in
        [0, 1), when ``criterion="threshold"``.
    criterion : {"threshold", "k_best"}, default="threshold"
        How to choose the samples to pseudo-label each round.
    k_best : int, default=10
        Samples added per round when ``criterion="k_best"``.
    max_iter : int or None, default=10
        Maximum number of rounds; ``None`` runs until nothing is added.

    Attributes
    ----------
    estimator_ : classifier
        The base classifier fitted on the final labelled set.
    classes_ : ndarray of shape (n_classes,)
        Class labels.
    transduction_ : ndarray of shape (n_samples,)
        Labels used in the final fit: the given labels and the pseudo-labels
        (``-1`` for samples never labelled).
    labeled_iter_ : ndarray of shape (n_samples,)
        Round in which each sample got its label: 0 for given labels, -1
        for never.
    history_ : DataFrame
        One row per round: ``round``, ``n_added`` (pseudo-labels added) and
        ``mean_confidence`` (their mean predicted probability).
    n_iter_ : int
        Number of times the base classifier was fitted (each round, plus the
        final fit on everything labelled); at least 1.
    termination_condition_ : {"max_iter", "no_change", "all_labeled"}
        Why the loop stopped.
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Names of the features seen in ``fit``, when ``X`` has string column
        names.

    See Also
    --------
    sklearn.semi_supervised.SelfTrainingClassifier : The reference.
    sklearn.semi_supervised.LabelSpreading : Graph-based semi-supervised
        learning, often stronger when classes form clusters.
    mask_labels : Hide most labels of a labelled dataset.

    Examples
    --------
    >>> from mlcourse.semi_supervised import SelfTrainingClassifier
    >>> X = np.array([[0.0], [0.2], [0.4], [3.0], [3.2], [3.4]])
    >>> y = np.array([0, -1, -1, 1, -1, -1])
    >>> model = SelfTrainingClassifier(threshold=0.5).fit(X, y)
    >>> model.transduction_.tolist()
    [0, 0, 0, 1, 1, 1]
    >>> model.history_["n_added"].tolist()
    [4]
    """

    def __init__(
        self,
        estimator: Any = None,
        *,
        threshold: float = 0.75,
        criterion: str = "threshold",
        k_best: int = 10,
        max_iter: int | None = 10,
    ) -> None:
        self.estimator = estimator
        self.threshold = threshold
        self.criterion = criterion
        self.k_best = k_best
        self.max_iter = max_iter

    def _check_params(self) -> None:
        owner = "SelfTrainingClassifier"
        check_scalar(
            self.threshold,
            "threshold",
            numbers.Real,
            owner=owner,
            min_val=0.0,
            max_val=1.0,
            closed="left",
        )
        check_in(self.criterion, "criterion", ["threshold", "k_best"], owner=owner)
        check_scalar(self.k_best, "k_best", numbers.Integral, owner=owner, min_val=1)
        if self.max_iter is not None:
            check_scalar(self.max_iter, "max_iter", numbers.Integral, owner=owner, min_val=1)
        if self.estimator is not None and not hasattr(self.estimator, "predict_proba"):
            raise TypeError(
                param_message(
                    "estimator",
                    "a classifier with predict_proba (it gives the confidence)",
                    type(self.estimator).__name__,
                    owner=owner,
                )
            )

    def fit(self, X: Any, y: Any) -> SelfTrainingClassifier:
        """Fit on the labelled samples, then add confident pseudo-labels round by round.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Labelled and unlabelled samples.
        y : array-like of shape (n_samples,)
            Labels, ``-1`` for the unlabelled samples.

        Returns
        -------
        self : SelfTrainingClassifier
            The fitted classifier.

        Raises
        ------
        ValueError
            If no sample is labelled.

        Examples
        --------
        >>> from mlcourse.semi_supervised import SelfTrainingClassifier
        >>> X = np.array([[0.0], [1.0], [5.0], [6.0]])
        >>> SelfTrainingClassifier().fit(X, [0, -1, 1, -1]).classes_.tolist()
        [0, 1]
        """
        from sklearn.linear_model import LogisticRegression

        self._check_params()
        X, y = validate_data(self, X, y)
        check_classification_targets(y)
        unlabeled = _unlabeled_mask(y)
        if unlabeled.all():
            raise ValueError(
                param_message(
                    "y",
                    "labels with at least one labelled sample (unlabelled ones are -1); "
                    "self-training needs a few labels to start from",
                    _Said("only -1 (every sample unlabelled)"),
                    owner="SelfTrainingClassifier",
                )
            )
        base = LogisticRegression() if self.estimator is None else self.estimator
        self.estimator_ = clone(base)
        self.transduction_ = y.copy()
        self.labeled_iter_ = np.where(unlabeled, -1, 0)
        history = []
        self.termination_condition_ = "max_iter"
        n_round = 0
        n_fits = 0
        while self.max_iter is None or n_round < self.max_iter:
            labeled = self.labeled_iter_ >= 0
            remaining = np.flatnonzero(~labeled)
            if remaining.size == 0:
                self.termination_condition_ = "all_labeled"
                break
            self.estimator_.fit(X[labeled], self.transduction_[labeled])
            n_fits += 1
            proba = self.estimator_.predict_proba(X[remaining])
            confidence = proba.max(axis=1)
            guess = self.estimator_.classes_[proba.argmax(axis=1)]
            if self.criterion == "threshold":
                chosen = np.flatnonzero(confidence > self.threshold)
            else:
                k = min(int(self.k_best), remaining.size)
                chosen = np.argsort(-confidence, kind="stable")[:k]
            if chosen.size == 0:
                self.termination_condition_ = "no_change"
                break
            n_round += 1
            rows = remaining[chosen]
            self.transduction_[rows] = guess[chosen]
            self.labeled_iter_[rows] = n_round
            history.append(
                {
                    "round": n_round,
                    "n_added": int(chosen.size),
                    "mean_confidence": float(confidence[chosen].mean()),
                }
            )
        labeled = self.labeled_iter_ >= 0
        self.estimator_.fit(X[labeled], self.transduction_[labeled])
        self.classes_ = self.estimator_.classes_
        self.n_iter_ = n_fits + 1
        self.history_ = pd.DataFrame(history, columns=["round", "n_added", "mean_confidence"])
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Predict classes with the final base classifier.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        ndarray of shape (n_samples,)

        Examples
        --------
        >>> from mlcourse.semi_supervised import SelfTrainingClassifier
        >>> model = SelfTrainingClassifier().fit([[0.0], [1.0], [5.0], [6.0]], [0, -1, 1, -1])
        >>> model.predict([[0.5], [5.5]]).tolist()
        [0, 1]
        """
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        return self.estimator_.predict(X)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Predict class probabilities with the final base classifier.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        ndarray of shape (n_samples, n_classes)

        Examples
        --------
        >>> from mlcourse.semi_supervised import SelfTrainingClassifier
        >>> model = SelfTrainingClassifier().fit([[0.0], [1.0], [5.0], [6.0]], [0, -1, 1, -1])
        >>> model.predict_proba([[0.5]]).shape
        (1, 2)
        """
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        return self.estimator_.predict_proba(X)

    def pseudo_label_accuracy(self, y_hidden: Any) -> pd.DataFrame:
        """Grade the pseudo-labels of each round against the true (hidden) labels.

        Only possible in an experiment where the labels were hidden on
        purpose: it shows whether the confident guesses were right, and
        whether errors crept in as the rounds went on.

        Parameters
        ----------
        y_hidden : array-like of shape (n_samples,)
            The true labels of the training samples given to ``fit``.

        Returns
        -------
        DataFrame
            One row per round: ``round``, ``n_added``, ``n_correct``,
            ``accuracy`` (of that round's pseudo-labels) and
            ``cumulative_accuracy`` (of all pseudo-labels so far).

        Examples
        --------
        >>> from mlcourse.semi_supervised import SelfTrainingClassifier
        >>> X = np.array([[0.0], [0.2], [0.4], [3.0], [3.2], [3.4]])
        >>> model = SelfTrainingClassifier(threshold=0.5).fit(X, [0, -1, -1, 1, -1, -1])
        >>> model.pseudo_label_accuracy([0, 0, 0, 1, 1, 1])[["n_added", "accuracy"]]
           n_added  accuracy
        0        4       1.0
        """
        check_is_fitted(self)
        owner = "SelfTrainingClassifier.pseudo_label_accuracy"
        truth = column_or_1d(y_hidden, "y_hidden", owner=owner)
        if truth.shape[0] != self.transduction_.shape[0]:
            raise ValueError(
                param_message(
                    "y_hidden",
                    f"one true label per training sample ({self.transduction_.shape[0]})",
                    truth,
                    owner=owner,
                )
            )
        rows = []
        total = correct_total = 0
        for r in range(1, len(self.history_) + 1):
            mask = self.labeled_iter_ == r
            n = int(mask.sum())
            correct = int((self.transduction_[mask] == truth[mask]).sum())
            total += n
            correct_total += correct
            rows.append(
                {
                    "round": r,
                    "n_added": n,
                    "n_correct": correct,
                    "accuracy": correct / n if n else float("nan"),
                    "cumulative_accuracy": correct_total / total if total else float("nan"),
                }
            )
        columns = ["round", "n_added", "n_correct", "accuracy", "cumulative_accuracy"]
        return pd.DataFrame(rows, columns=columns)


def mask_labels(
    y: Any, fraction: float, *, random_state: Any = None, stratify: bool = True
) -> np.ndarray:
    """Hide most labels: keep a random ``fraction`` and mark the rest ``-1``.

    Simulates the semi-supervised setting from a fully labelled dataset, so
    that the hidden labels can grade the result.

    Parameters
    ----------
    y : array-like of shape (n_samples,)
        Labels (integers, none equal to -1).
    fraction : float
        Fraction of labels to keep, in (0, 1]; at least one label is kept.
    random_state : int, numpy.random.Generator or None, default=None
        Source of randomness.
    stratify : bool, default=True
        Keep labels in proportion to the classes, and at least one per
        class (so that the kept count may round up to the number of
        classes).

    Returns
    -------
    ndarray of shape (n_samples,)
        A copy of ``y`` with the hidden labels set to -1.

    Examples
    --------
    >>> from mlcourse.semi_supervised import mask_labels
    >>> y = np.repeat([0, 1], 50)
    >>> y_semi = mask_labels(y, 0.1, random_state=0)
    >>> int((y_semi != -1).sum()), sorted(set(y_semi[y_semi != -1].tolist()))
    (10, [0, 1])
    """
    owner = "mask_labels"
    y = column_or_1d(y, "y", owner=owner)
    if y.dtype.kind not in "iu":
        raise TypeError(
            param_message(
                "y",
                "integer class labels (-1 marks unlabelled samples)",
                _Said(f"dtype {y.dtype}"),
                owner=owner,
            )
        )
    if (y == UNLABELED).any():
        raise ValueError(
            param_message(
                "y", "fully labelled (no -1 yet)", _Said("labels that include -1"), owner=owner
            )
        )
    check_scalar(
        fraction, "fraction", numbers.Real, owner=owner, min_val=0.0, max_val=1.0, closed="right"
    )
    rng = check_random_state(random_state, owner=owner)
    n = y.shape[0]
    n_keep = max(1, int(round(float(fraction) * n)))
    if stratify:
        classes, counts = np.unique(y, return_counts=True)
        # largest-remainder allocation, at least one per class
        share = n_keep * counts / n
        per_class = np.maximum(np.floor(share).astype(int), 1)
        extra = n_keep - per_class.sum()
        if extra > 0:
            order = np.argsort(-(share - np.floor(share)), kind="stable")
            per_class[order[:extra]] += 1
        per_class = np.minimum(per_class, counts)
        keep = np.concatenate(
            [
                rng.choice(np.flatnonzero(y == c), size=int(k), replace=False)
                for c, k in zip(classes, per_class, strict=True)
            ]
        )
    else:
        keep = rng.choice(n, size=n_keep, replace=False)
    out = np.full_like(y, UNLABELED)
    out[keep] = y[keep]
    return out

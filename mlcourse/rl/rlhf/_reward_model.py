"""Step 3 of RLHF: a Bradley-Terry reward model learned from pairwise preferences."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets, type_of_target
from sklearn.utils.validation import check_is_fitted, validate_data

from ..._validation import check_scalar


class BradleyTerryRewardModel(ClassifierMixin, BaseEstimator):
    r"""Reward model from pairwise preferences: logistic regression on feature differences.

    The Bradley-Terry model gives each response :math:`y` a reward
    :math:`r(y) = w \cdot \phi(y)` and says a rater prefers :math:`a` over
    :math:`b` with probability

    .. math::
        P(a \succ b) = \sigma\big(r(a) - r(b)\big) = \sigma\big(w \cdot (\phi(a) - \phi(b))\big),

    which is logistic regression *without intercept* on the feature
    differences :math:`x = \phi(a) - \phi(b)`. This estimator fits it with
    scikit-learn's ``LogisticRegression(fit_intercept=False)``; it adds each
    comparison in both orders (:math:`(x, 1)` and :math:`(-x, 0)`, with ``C``
    halved), which leaves the solution unchanged and makes the fitted model
    exactly symmetric in the order of the pair. :meth:`reward` then scores
    single responses.

    Parameters
    ----------
    C : float, default=1.0
        Inverse strength of the L2 penalty on :math:`w`, as in
        ``LogisticRegression``.
    max_iter : int, default=1000
        Maximum number of solver iterations.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        The reward weights :math:`w`.
    classes_ : ndarray of shape (2,)
        The two labels; ``classes_[1]`` means "the first response won".
    n_features_in_ : int
        Number of features seen in ``fit``.
    n_iter_ : ndarray of shape (1,)
        Iterations of the solver.

    Examples
    --------
    >>> from mlcourse.rl.rlhf import (BradleyTerryRewardModel, collect_comparisons,
    ...                               hidden_utility, make_response_pool)
    >>> pool = make_response_pool()
    >>> comps = collect_comparisons(pool, 1000, random_state=0)
    >>> rm = BradleyTerryRewardModel().fit(comps.X, comps.y)
    >>> dict(zip(pool.feature_names, rm.coef_.round(1).tolist()))["correct"] > 1
    True
    >>> float(rm.score(comps.X, comps.y)) > 0.7
    True
    """

    def __init__(self, C: float = 1.0, max_iter: int = 1000) -> None:
        self.C = C
        self.max_iter = max_iter

    def fit(self, X: Any, y: Any) -> BradleyTerryRewardModel:
        """Fit the reward weights to pairwise preferences.

        Parameters
        ----------
        X : array-like of shape (n_comparisons, n_features)
            Feature differences ``phi(first) - phi(second)``.
        y : array-like of shape (n_comparisons,)
            Which response won, with two labels: ``classes_[1]`` (e.g. 1)
            means the first.

        Returns
        -------
        self : object
            The fitted model.
        """
        from sklearn.linear_model import LogisticRegression

        owner = type(self).__name__
        check_scalar(self.C, "C", numbers.Real, owner=owner, min_val=0, closed="neither")
        check_scalar(self.max_iter, "max_iter", numbers.Integral, owner=owner, min_val=1)
        X, y = validate_data(self, X, y)
        check_classification_targets(y)
        y_type = type_of_target(y, input_name="y", raise_unknown=True)
        if y_type != "binary":
            raise ValueError(
                "Only binary classification is supported. The type of the target "
                f"is {y_type}. {owner} needs two labels: the first response won, or not."
            )
        self.classes_ = np.unique(y)
        if self.classes_.size != 2:
            raise ValueError(
                f"{owner} needs labels of exactly 2 classes (the first response won, or not); "
                f"got 1 class: {self.classes_.tolist()}. Map the labels to 0/1 explicitly."
            )
        won = (y == self.classes_[1]).astype(int)
        X2 = np.vstack([X, -X])
        y2 = np.concatenate([won, 1 - won])
        model = LogisticRegression(fit_intercept=False, C=self.C / 2, max_iter=self.max_iter)
        model.fit(X2, y2)
        self.coef_ = model.coef_.ravel().copy()
        self.n_iter_ = np.asarray(model.n_iter_).copy()
        return self

    def reward(self, X: Any) -> np.ndarray:
        """Return the reward of single responses, ``X @ coef_``.

        Parameters
        ----------
        X : array-like of shape (n_responses, n_features)
            Response features ``phi(y)``.

        Returns
        -------
        ndarray of shape (n_responses,)
            Rewards; only their differences are meaningful.
        """
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        return X @ self.coef_

    def decision_function(self, X: Any) -> np.ndarray:
        """Return the reward difference of each pair (the logit of "first wins").

        Parameters
        ----------
        X : array-like of shape (n_comparisons, n_features)
            Feature differences.

        Returns
        -------
        ndarray of shape (n_comparisons,)
        """
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        return X @ self.coef_

    def predict_proba(self, X: Any) -> np.ndarray:
        """Return the probabilities of each outcome: columns ``classes_``.

        Parameters
        ----------
        X : array-like of shape (n_comparisons, n_features)
            Feature differences.

        Returns
        -------
        ndarray of shape (n_comparisons, 2)
            ``[:, 1]`` is the probability that the first response wins.
        """
        check_is_fitted(self)
        p = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1.0 - p, p])

    def predict(self, X: Any) -> np.ndarray:
        """Return the predicted winner label of each pair.

        Parameters
        ----------
        X : array-like of shape (n_comparisons, n_features)
            Feature differences.

        Returns
        -------
        ndarray of shape (n_comparisons,)
            ``classes_[1]`` where the first response is predicted to win.
        """
        check_is_fitted(self)
        first_wins = self.decision_function(X) > 0
        return self.classes_[first_wins.astype(int)]

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False
        return tags

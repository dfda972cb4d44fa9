"""A thin classifier wrapper that encodes labels to 0..K-1 for the inner model.

Some models (XGBoost) insist on integer class labels; users bring
``"spam"``/``"ham"`` or ``"yes"``/``"no"``. The wrapper encodes the labels
before fitting and decodes the predictions, without touching the user's data.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.utils.metaestimators import available_if
from sklearn.utils.validation import check_is_fitted, column_or_1d

__all__ = ["LabelEncodedClassifier"]


def _inner(self: Any) -> Any:
    if hasattr(self, "estimator_"):
        return self.estimator_
    if self.estimator is None:
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression()
    return self.estimator


def _inner_has(attr: str) -> Any:
    """Expose a method only when the wrapped estimator has it."""

    def check(self: Any) -> bool:
        getattr(_inner(self), attr)  # raises AttributeError when absent
        return True

    return check


class LabelEncodedClassifier(ClassifierMixin, BaseEstimator):
    """Fit a classifier on labels encoded as 0..K-1 and predict the original labels.

    Parameters
    ----------
    estimator : classifier, default=None
        The classifier (or pipeline ending in one) to fit on the encoded
        labels. ``None`` means ``LogisticRegression()``. It is cloned, never
        fitted in place.

    Attributes
    ----------
    estimator_ : classifier
        The fitted clone.
    classes_ : ndarray of shape (n_classes,)
        The original labels, sorted; ``classes_[k]`` is encoded as ``k``.
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_names_in_ : ndarray of str
        Column names seen in ``fit``, when ``X`` is a DataFrame.

    Examples
    --------
    >>> from sklearn.tree import DecisionTreeClassifier
    >>> X = [[0.0], [1.0], [2.0], [3.0]]
    >>> y = ["ham", "ham", "spam", "spam"]
    >>> clf = LabelEncodedClassifier(DecisionTreeClassifier(random_state=0)).fit(X, y)
    >>> clf.predict([[0.5], [2.5]]).tolist(), clf.classes_.tolist()
    (['ham', 'spam'], ['ham', 'spam'])
    """

    def __init__(self, estimator: Any = None) -> None:
        self.estimator = estimator

    def fit(self, X: Any, y: Any, **fit_params: Any) -> LabelEncodedClassifier:
        """Encode ``y`` and fit a clone of the estimator.

        Parameters
        ----------
        X : array-like or DataFrame of shape (n_samples, n_features)
            The input, passed unchanged to the estimator.
        y : array-like of shape (n_samples,)
            Class labels of any sortable type.
        **fit_params
            Passed to the estimator's ``fit``.

        Returns
        -------
        self
        """
        from sklearn.linear_model import LogisticRegression
        from sklearn.utils.multiclass import check_classification_targets

        if y is None:
            raise ValueError(
                "LabelEncodedClassifier requires y to be passed, but the target y is None."
            )
        y_arr = column_or_1d(y, warn=True)
        check_classification_targets(y_arr)
        self.classes_, codes = np.unique(y_arr, return_inverse=True)
        base = LogisticRegression() if self.estimator is None else self.estimator
        self.estimator_ = clone(base).fit(X, codes, **fit_params)
        if hasattr(self.estimator_, "n_features_in_"):
            self.n_features_in_ = self.estimator_.n_features_in_
        if hasattr(self.estimator_, "feature_names_in_"):
            self.feature_names_in_ = self.estimator_.feature_names_in_
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Predict the original class labels.

        Parameters
        ----------
        X : array-like or DataFrame of shape (n_samples, n_features)
            The input.

        Returns
        -------
        ndarray of shape (n_samples,)
        """
        check_is_fitted(self)
        codes = np.asarray(self.estimator_.predict(X)).astype(np.intp).ravel()
        return np.asarray(self.classes_[codes])

    @available_if(_inner_has("predict_proba"))
    def predict_proba(self, X: Any) -> np.ndarray:
        """Return class probabilities, columns in the order of ``classes_``.

        Parameters
        ----------
        X : array-like or DataFrame of shape (n_samples, n_features)
            The input.

        Returns
        -------
        ndarray of shape (n_samples, n_classes)
        """
        check_is_fitted(self)
        return np.asarray(self.estimator_.predict_proba(X))

    @available_if(_inner_has("decision_function"))
    def decision_function(self, X: Any) -> np.ndarray:
        """Return the estimator's decision scores (positive class = ``classes_[1]``).

        Parameters
        ----------
        X : array-like or DataFrame of shape (n_samples, n_features)
            The input.

        Returns
        -------
        ndarray of shape (n_samples,) or (n_samples, n_classes)
        """
        check_is_fitted(self)
        return np.asarray(self.estimator_.decision_function(X))

    def __sklearn_tags__(self) -> Any:
        from sklearn.utils import get_tags

        tags = super().__sklearn_tags__()
        inner = get_tags(_inner(self))
        tags.input_tags = inner.input_tags
        return tags

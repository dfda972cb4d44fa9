"""Feature selection: filter, wrapper and embedded methods behind one transformer, and its plot."""

from __future__ import annotations

import numbers
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.base import BaseEstimator, clone
from sklearn.feature_selection import SelectorMixin
from sklearn.utils.validation import check_is_fitted, validate_data

from .._validation import check_in, check_scalar, int_seed, param_message

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

__all__ = ["FeatureSelectionDisplay", "FeatureSelector"]

_METHODS = {
    "variance": "filter",
    "mutual_info": "filter",
    "rfe": "wrapper",
    "sequential": "wrapper",
    "l1": "embedded",
    "tree": "embedded",
}

_SCORE_LABELS = {
    "variance": "Variance",
    "mutual_info": "Mutual information with the target (nats)",
    "rfe": "Elimination round survived (higher = kept longer)",
    "sequential": "CV score after adding the feature",
    "l1": "|coefficient| on standardised features",
    "tree": "Impurity-based importance",
}


class FeatureSelector(SelectorMixin, BaseEstimator):
    """Select features by a filter, wrapper or embedded method, keeping a score per feature.

    - **Filter** methods score each feature on its own, without a model:
      ``"variance"`` (drop near-constant features) and ``"mutual_info"``
      (dependence on the target, also non-linear). Fast; blind to redundancy.
    - **Wrapper** methods search subsets by training a model: ``"rfe"``
      (recursive feature elimination: fit, drop the weakest, repeat) and
      ``"sequential"`` (forward selection: add the feature that most improves
      the cross-validated score). Accurate, costly.
    - **Embedded** methods select while training: ``"l1"`` (Lasso drives
      useless coefficients to exactly zero) and ``"tree"`` (importance in a
      random forest).

    Parameters
    ----------
    method : {"variance", "mutual_info", "rfe", "sequential", "l1", "tree"}, default="mutual_info"
        The selection method.
    k : int, default=None
        Number of features to keep. Default: half of them (at least 1) for
        ``"mutual_info"``, ``"rfe"`` and ``"sequential"``; for the others,
        ``None`` keeps those past the ``threshold``.
    threshold : float, default=None
        ``"variance"``: keep variances above it (default 0: drop constants);
        ``"l1"``: keep ``|coef|`` above it (default 1e-5: non-zero);
        ``"tree"``: keep importances at or above it (default: the mean importance).
    estimator : estimator object, default=None
        Model for ``"rfe"``, ``"sequential"``, ``"l1"``, ``"tree"`` (cloned).
        Defaults: linear/logistic regression (wrappers), ``LassoCV`` or an
        L1 logistic regression with ``C=0.1`` (l1), a 100-tree random forest (tree).
    task : {"auto", "classification", "regression"}, default="auto"
        ``"auto"`` decides from ``y`` (classes: classification).
    cv : int, default=5
        Folds for ``"sequential"`` (and ``LassoCV``).
    scoring : str or callable, default=None
        Scorer for ``"sequential"`` (default: the estimator's ``score``).
    random_state : int, numpy.random.Generator or None, default=None
        Seeds mutual information, the random forest and LassoCV's folds.

    Attributes
    ----------
    scores_ : ndarray of shape (n_features_in_,)
        The per-feature score the method ranked by (see
        :class:`FeatureSelectionDisplay` for its meaning per method).
    support_ : ndarray of bool of shape (n_features_in_,)
        Mask of the kept features.
    ranking_ : ndarray of int of shape (n_features_in_,)
        ``"rfe"`` only: 1 for kept features, larger for those eliminated earlier.
    history_ : list of (int, float)
        ``"sequential"`` only: (feature added, CV score) at each step.
    estimator_ : estimator object
        The fitted model of embedded methods.
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Column names (DataFrame input).

    Examples
    --------
    >>> import numpy as np
    >>> from mlcourse.features import FeatureSelector
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(200, 4))
    >>> y = 3 * X[:, 0] - 2 * X[:, 2] + rng.normal(scale=0.1, size=200)
    >>> sel = FeatureSelector("sequential", k=2).fit(X, y)
    >>> sel.get_support().tolist()
    [True, False, True, False]
    >>> FeatureSelector("l1", random_state=0).fit(X, y).get_support(indices=True).tolist()
    [0, 2]
    """

    def __init__(
        self,
        method: str = "mutual_info",
        *,
        k: int | None = None,
        threshold: float | None = None,
        estimator: Any = None,
        task: str = "auto",
        cv: int = 5,
        scoring: Any = None,
        random_state: Any = None,
    ) -> None:
        self.method = method
        self.k = k
        self.threshold = threshold
        self.estimator = estimator
        self.task = task
        self.cv = cv
        self.scoring = scoring
        self.random_state = random_state

    def _is_classification(self, y: np.ndarray) -> bool:
        from sklearn.utils.multiclass import type_of_target

        if self.task != "auto":
            return self.task == "classification"
        return type_of_target(y) in ("binary", "multiclass")

    def _default_estimator(self, classification: bool, seed: int) -> Any:
        from sklearn import ensemble, linear_model

        if self.method == "tree":
            cls = (
                ensemble.RandomForestClassifier
                if classification
                else ensemble.RandomForestRegressor
            )
            return cls(n_estimators=100, random_state=seed, n_jobs=1)
        if self.method == "l1":
            if classification:
                return linear_model.LogisticRegression(l1_ratio=1.0, solver="liblinear", C=0.1)
            return linear_model.LassoCV(cv=self.cv, random_state=seed)
        if classification:
            return linear_model.LogisticRegression(max_iter=1000)
        return linear_model.LinearRegression()

    def fit(self, X: Any, y: Any = None) -> FeatureSelector:
        """Score the features and choose which to keep.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Numeric features (encode and impute first).
        y : array-like of shape (n_samples,), default=None
            Target (needed by every method but ``"variance"``).

        Returns
        -------
        self : FeatureSelector
            The fitted selector.
        """
        owner = type(self).__name__
        check_in(self.method, "method", list(_METHODS), owner=owner)
        check_in(self.task, "task", ["auto", "classification", "regression"], owner=owner)
        if self.method == "variance" and y is None:
            X = validate_data(self, X, dtype=np.float64)
        else:
            if y is None:
                raise ValueError(
                    param_message(
                        "y",
                        f"the target: method={self.method!r} requires y to be passed, "
                        "but the target y is None",
                        y,
                        owner=owner,
                    )
                )
            X, y = validate_data(self, X, y, dtype=np.float64)
        if X.shape[0] < 2:
            raise ValueError(
                param_message(
                    "X", "at least 2 samples to score features", "n_samples = 1", owner=owner
                )
            )
        n_features = X.shape[1]
        if self.k is not None:
            check_scalar(self.k, "k", numbers.Integral, owner=owner, min_val=1, max_val=n_features)
        if self.threshold is not None:
            check_scalar(self.threshold, "threshold", numbers.Real, owner=owner)
        seed = int_seed(self.random_state, owner=owner)
        default_k = self.k if self.k is not None else max(1, n_features // 2)
        classification = y is not None and self._is_classification(np.asarray(y))
        for attr in ("ranking_", "history_", "estimator_"):
            if hasattr(self, attr):
                delattr(self, attr)

        if self.method == "variance":
            self.scores_ = X.var(axis=0)
            thr = 0.0 if self.threshold is None else float(self.threshold)
            support = self._top_or_threshold(self.scores_, self.k, lambda s: s > thr)
            if not support.any():
                raise ValueError(
                    f"No feature of {owner} has a variance above threshold={thr:g}. "
                    "Lower the threshold."
                )
        elif self.method == "mutual_info":
            from sklearn.feature_selection import mutual_info_classif, mutual_info_regression

            mi = mutual_info_classif if classification else mutual_info_regression
            self.scores_ = mi(X, y, random_state=seed)
            support = self._top_k(self.scores_, default_k)
        elif self.method == "rfe":
            from sklearn.feature_selection import RFE

            est = (
                self.estimator
                if self.estimator is not None
                else self._default_estimator(classification, seed)
            )
            rfe = RFE(clone(est), n_features_to_select=default_k).fit(X, y)
            self.ranking_ = rfe.ranking_
            self.scores_ = (rfe.ranking_.max() - rfe.ranking_ + 1).astype(np.float64)
            support = rfe.support_.copy()
        elif self.method == "sequential":
            support = self._forward(X, y, default_k, classification, seed)
        else:  # embedded: l1 or tree
            est = (
                self.estimator
                if self.estimator is not None
                else self._default_estimator(classification, seed)
            )
            Xs = X
            if self.method == "l1":
                mean, std = X.mean(axis=0), X.std(axis=0)
                Xs = (X - mean) / np.where(std > 0, std, 1.0)
            self.estimator_ = clone(est).fit(Xs, y)
            if self.method == "l1":
                coef = np.atleast_2d(np.asarray(self.estimator_.coef_))
                self.scores_ = np.abs(coef).max(axis=0)
                thr = 1e-5 if self.threshold is None else float(self.threshold)
                support = self._top_or_threshold(self.scores_, self.k, lambda s: s > thr)
            else:
                self.scores_ = np.asarray(self.estimator_.feature_importances_, dtype=np.float64)
                thr = self.scores_.mean() if self.threshold is None else float(self.threshold)
                support = self._top_or_threshold(self.scores_, self.k, lambda s: s >= thr)
        self.support_ = support
        return self

    @staticmethod
    def _top_k(scores: np.ndarray, k: int) -> np.ndarray:
        order = np.argsort(-scores, kind="stable")[:k]
        mask = np.zeros(len(scores), dtype=bool)
        mask[order] = True
        return mask

    def _top_or_threshold(self, scores: np.ndarray, k: int | None, keep: Any) -> np.ndarray:
        return self._top_k(scores, k) if k is not None else np.asarray(keep(scores), dtype=bool)

    def _forward(
        self, X: np.ndarray, y: np.ndarray, k: int, classification: bool, seed: int
    ) -> np.ndarray:
        """Greedy forward selection by cross-validated score (like sklearn's SequentialFeatureSelector)."""
        from sklearn.model_selection import cross_val_score

        est = (
            self.estimator
            if self.estimator is not None
            else self._default_estimator(classification, seed)
        )
        chosen: list[int] = []
        self.history_: list[tuple[int, float]] = []
        scores = np.full(X.shape[1], np.nan)
        for _ in range(k):
            candidates = [j for j in range(X.shape[1]) if j not in chosen]
            results = {
                j: float(
                    cross_val_score(
                        clone(est), X[:, chosen + [j]], y, cv=self.cv, scoring=self.scoring
                    ).mean()
                )
                for j in candidates
            }
            best = max(results, key=lambda j: results[j])
            chosen.append(best)
            scores[best] = results[best]
            self.history_.append((best, results[best]))
        self.scores_ = scores
        mask = np.zeros(X.shape[1], dtype=bool)
        mask[chosen] = True
        return mask

    def _get_support_mask(self) -> np.ndarray:
        check_is_fitted(self)
        return self.support_

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.target_tags.required = self.method != "variance"
        return tags


class FeatureSelectionDisplay:
    """Bar chart of each feature's selection score, kept features highlighted.

    Parameters
    ----------
    scores : array-like of shape (n_features,)
        Score of each feature (NaN for features never scored).
    support : array-like of bool of shape (n_features,)
        Which features were kept.
    feature_names : sequence of str
        Names of the features.
    method : str, default="selection"
        Method name, for the title.
    score_label : str, default="Score"
        Axis label of the scores.

    Attributes
    ----------
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from mlcourse.features import FeatureSelectionDisplay
    >>> disp = FeatureSelectionDisplay([0.5, 0.0, 0.2], [True, False, True],
    ...                                ["size", "noise", "age"]).plot()
    >>> [t.get_text() for t in disp.ax_.get_yticklabels()]
    ['noise', 'age', 'size']
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(
        self,
        scores: Any,
        support: Any,
        feature_names: Any,
        *,
        method: str = "selection",
        score_label: str = "Score",
    ) -> None:
        self.scores = np.asarray(scores, dtype=float)
        self.support = np.asarray(support, dtype=bool)
        self.feature_names = [str(f) for f in feature_names]
        self.method = method
        self.score_label = score_label

    @classmethod
    def from_selector(
        cls, selector: FeatureSelector, *, feature_names: Any = None, ax: Axes | None = None
    ) -> FeatureSelectionDisplay:
        """Plot the scores of a fitted :class:`FeatureSelector`.

        Parameters
        ----------
        selector : FeatureSelector
            A fitted selector.
        feature_names : sequence of str, default=None
            Names (default: the selector's input names, or ``x0, x1, ...``).
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        FeatureSelectionDisplay
            The display, plotted.
        """
        check_is_fitted(selector)
        if feature_names is None:
            feature_names = getattr(
                selector,
                "feature_names_in_",
                [f"x{i}" for i in range(selector.n_features_in_)],
            )
        disp = cls(
            selector.scores_,
            selector.support_,
            feature_names,
            method=f"{selector.method} ({_METHODS[selector.method]})",
            score_label=_SCORE_LABELS[selector.method],
        )
        return disp.plot(ax=ax)

    def plot(self, *, ax: Axes | None = None, max_features: int = 30) -> FeatureSelectionDisplay:
        """Draw horizontal bars, best score on top; kept features in colour.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` makes a new figure.
        max_features : int, default=30
            Show at most this many features (the best scored).

        Returns
        -------
        FeatureSelectionDisplay
            ``self``, with ``ax_`` and ``figure_`` set.
        """
        from matplotlib.patches import Patch

        from mlcourse.plotting import COLORS, get_axes, label_axes

        ax = get_axes(ax)
        values = np.nan_to_num(self.scores, nan=0.0)
        order = np.argsort(-values, kind="stable")[:max_features][::-1]
        colors = [COLORS["main"] if self.support[i] else COLORS["reference"] for i in order]
        ax.barh(range(len(order)), values[order], color=colors)
        ax.set_yticks(range(len(order)), [self.feature_names[i] for i in order])
        ax.legend(
            handles=[
                Patch(color=COLORS["main"], label=f"kept ({int(self.support.sum())})"),
                Patch(
                    color=COLORS["reference"],
                    label=f"dropped ({int((~self.support).sum())})",
                ),
            ],
            frameon=False,
            fontsize="small",
            loc="lower right",
        )
        label_axes(
            ax, title=f"Feature selection: {self.method}", xlabel=self.score_label, ylabel="Feature"
        )
        self.ax_ = ax
        self.figure_: Figure | SubFigure = ax.figure  # type: ignore[assignment]
        return self

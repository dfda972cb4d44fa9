"""Learning curves (score vs training-set size) and validation curves (score vs a hyperparameter)."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .._validation import param_message
from ._cv import _is_classifier, make_cv, score_label

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

    from ._diagnose import FitDiagnosis

__all__ = ["LearningCurveDisplay", "ValidationCurveDisplay"]


def _band(ax: Axes, x: Any, scores: np.ndarray, color: str, label: str, marker: str) -> None:
    mean, std = scores.mean(axis=1), scores.std(axis=1)
    ax.plot(x, mean, marker=marker, color=color, label=label)
    ax.fill_between(x, mean - std, mean + std, color=color, alpha=0.15, linewidth=0)


class _CurveDisplay:
    train_scores: np.ndarray
    test_scores: np.ndarray
    score_name: str
    greater_is_better: bool

    def diagnose(
        self, index: int = -1, *, target_score: float | None = None, gap_tol: float = 0.05
    ) -> FitDiagnosis:
        """Diagnose the fit at one point of the curve (default: the last).

        Parameters
        ----------
        index : int, default=-1
            Which point (training size or hyperparameter value).
        target_score : float, default=None
            As for :func:`diagnose_fit` (default 1.0, or 0.0 for errors).
        gap_tol : float, default=0.05
            As for :func:`diagnose_fit`.

        Returns
        -------
        FitDiagnosis
            The verdict from the mean train and validation scores there.
        """
        from ._diagnose import diagnose_fit

        return diagnose_fit(
            float(self.train_scores[index].mean()),
            float(self.test_scores[index].mean()),
            target_score=target_score,
            gap_tol=gap_tol,
            greater_is_better=self.greater_is_better,
        )


class LearningCurveDisplay(_CurveDisplay):
    """Training and validation score against the number of training samples.

    Reading it: a large, persistent gap between the curves is variance
    (more data should help); two curves that meet early at a poor score are
    bias (more data will not help: use a richer model or better features).

    Parameters
    ----------
    train_sizes : array-like of shape (n_sizes,)
        Numbers of training samples used.
    train_scores : array-like of shape (n_sizes, n_splits)
        Training score of each fold at each size.
    test_scores : array-like of shape (n_sizes, n_splits)
        Validation score of each fold at each size.
    score_name : str, default="score"
        What was measured.
    greater_is_better : bool, default=True
        Direction of the score (``False`` for errors).

    Attributes
    ----------
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.

    See Also
    --------
    ValidationCurveDisplay : score against a hyperparameter.
    sklearn.model_selection.learning_curve : the computation used by ``from_estimator``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sklearn.datasets import load_digits
    >>> from sklearn.naive_bayes import GaussianNB
    >>> from mlcourse.evaluation import LearningCurveDisplay
    >>> X, y = load_digits(return_X_y=True)
    >>> disp = LearningCurveDisplay.from_estimator(GaussianNB(), X, y, cv=3, random_state=0)
    >>> disp.train_sizes.tolist()
    [119, 389, 658, 928, 1198]
    >>> disp.diagnose().label
    'underfit'
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(
        self,
        train_sizes: Any,
        train_scores: Any,
        test_scores: Any,
        *,
        score_name: str = "score",
        greater_is_better: bool = True,
    ) -> None:
        self.train_sizes = np.asarray(train_sizes)
        self.train_scores = np.asarray(train_scores, dtype=float)
        self.test_scores = np.asarray(test_scores, dtype=float)
        self.score_name = score_name
        self.greater_is_better = greater_is_better

    @classmethod
    def from_estimator(
        cls,
        estimator: Any,
        X: Any,
        y: Any,
        *,
        train_sizes: Any = (0.1, 0.325, 0.55, 0.775, 1.0),
        cv: Any = 5,
        scoring: Any = None,
        random_state: Any = None,
        ax: Axes | None = None,
    ) -> LearningCurveDisplay:
        """Compute a learning curve by cross-validation and plot it.

        Parameters
        ----------
        estimator : estimator object
            The model (cloned for every fit).
        X : array-like of shape (n_samples, n_features)
            Data.
        y : array-like of shape (n_samples,)
            Target.
        train_sizes : array-like, default=(0.1, 0.325, 0.55, 0.775, 1.0)
            Fractions (floats in (0, 1]) of the training folds, or absolute sizes (ints).
        cv : int or splitter, default=5
            See :func:`make_cv` (an int means shuffled, stratified for classifiers).
        scoring : str or callable, default=None
            Scoring name or scorer; ``neg_`` errors are shown as positive errors.
        random_state : int, numpy.random.Generator or None, default=None
            Controls the fold shuffle.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        LearningCurveDisplay
            The display, plotted.
        """
        from sklearn.model_selection import learning_curve

        splitter = make_cv(cv, classifier=_is_classifier(estimator), random_state=random_state)
        sizes, train, test = learning_curve(
            estimator,
            X,
            y,
            train_sizes=np.asarray(train_sizes),
            cv=splitter,
            scoring=scoring,
            error_score="raise",
        )
        label, sign = score_label(scoring)
        disp = cls(sizes, sign * train, sign * test, score_name=label, greater_is_better=sign > 0)
        return disp.plot(ax=ax)

    def plot(self, *, ax: Axes | None = None) -> LearningCurveDisplay:
        """Draw mean training and validation scores with ± one standard deviation.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` makes a new figure.

        Returns
        -------
        LearningCurveDisplay
            ``self``, with ``ax_`` and ``figure_`` set.
        """
        from mlcourse.plotting import COLORS, get_axes, label_axes

        ax = get_axes(ax)
        _band(ax, self.train_sizes, self.train_scores, COLORS["main"], "training", "o")
        _band(ax, self.train_sizes, self.test_scores, COLORS["second"], "validation", "s")
        label_axes(
            ax,
            title="Learning curve",
            xlabel="Training samples (count)",
            ylabel=self.score_name.capitalize(),
            legend=True,
        )
        self.ax_ = ax
        self.figure_: Figure | SubFigure = ax.figure  # type: ignore[assignment]
        return self


class ValidationCurveDisplay(_CurveDisplay):
    """Training and validation score against the values of one hyperparameter.

    Reading it: on the side where both scores are poor the model underfits;
    where the training score keeps improving while validation falls, it
    overfits. The best value is where the validation score peaks.

    Parameters
    ----------
    param_name : str
        The hyperparameter varied.
    param_range : sequence
        Its values.
    train_scores : array-like of shape (n_values, n_splits)
        Training score of each fold at each value.
    test_scores : array-like of shape (n_values, n_splits)
        Validation score of each fold at each value.
    score_name : str, default="score"
        What was measured.
    greater_is_better : bool, default=True
        Direction of the score (``False`` for errors).

    Attributes
    ----------
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.

    See Also
    --------
    LearningCurveDisplay : score against training-set size.
    sklearn.model_selection.validation_curve : the computation used by ``from_estimator``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sklearn.datasets import load_breast_cancer
    >>> from sklearn.tree import DecisionTreeClassifier
    >>> from mlcourse.evaluation import ValidationCurveDisplay
    >>> X, y = load_breast_cancer(return_X_y=True)
    >>> disp = ValidationCurveDisplay.from_estimator(
    ...     DecisionTreeClassifier(random_state=0), X, y, param_name="max_depth",
    ...     param_range=[1, 3, 10], cv=3, random_state=0)
    >>> disp.diagnose(0).label, disp.diagnose(-1).label
    ('underfit', 'overfit')
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(
        self,
        param_name: str,
        param_range: Sequence[Any],
        train_scores: Any,
        test_scores: Any,
        *,
        score_name: str = "score",
        greater_is_better: bool = True,
    ) -> None:
        self.param_name = param_name
        self.param_range = list(param_range)
        self.train_scores = np.asarray(train_scores, dtype=float)
        self.test_scores = np.asarray(test_scores, dtype=float)
        self.score_name = score_name
        self.greater_is_better = greater_is_better

    @property
    def best_index(self) -> int:
        """Index of the value with the best mean validation score."""
        mean = self.test_scores.mean(axis=1)
        return int(np.argmax(mean) if self.greater_is_better else np.argmin(mean))

    @property
    def best_value(self) -> Any:
        """The value with the best mean validation score."""
        return self.param_range[self.best_index]

    @classmethod
    def from_estimator(
        cls,
        estimator: Any,
        X: Any,
        y: Any,
        *,
        param_name: str,
        param_range: Sequence[Any],
        cv: Any = 5,
        scoring: Any = None,
        random_state: Any = None,
        log_x: bool | None = None,
        ax: Axes | None = None,
    ) -> ValidationCurveDisplay:
        """Compute a validation curve by cross-validation and plot it.

        Parameters
        ----------
        estimator : estimator object
            The model (cloned for every fit).
        X : array-like of shape (n_samples, n_features)
            Data.
        y : array-like of shape (n_samples,)
            Target.
        param_name : str
            A parameter of the estimator (``"max_depth"``, or
            ``"polynomialfeatures__degree"`` inside a pipeline).
        param_range : sequence
            Values to try.
        cv : int or splitter, default=5
            See :func:`make_cv`.
        scoring : str or callable, default=None
            Scoring name or scorer; ``neg_`` errors are shown as positive errors.
        random_state : int, numpy.random.Generator or None, default=None
            Controls the fold shuffle.
        log_x : bool, default=None
            Logarithmic x axis; ``None`` chooses it when the positive numeric
            values span more than two decades.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        ValidationCurveDisplay
            The display, plotted.
        """
        from sklearn.model_selection import validation_curve

        values = list(param_range)
        if not values:
            raise ValueError(
                param_message(
                    "param_range", "a non-empty sequence", values, owner="ValidationCurveDisplay"
                )
            )
        if param_name not in estimator.get_params():
            raise ValueError(
                param_message(
                    "param_name",
                    "a parameter of the estimator",
                    param_name,
                    owner="ValidationCurveDisplay",
                )
            )
        splitter = make_cv(cv, classifier=_is_classifier(estimator), random_state=random_state)
        train, test = validation_curve(
            estimator,
            X,
            y,
            param_name=param_name,
            param_range=values,
            cv=splitter,
            scoring=scoring,
            error_score="raise",
        )
        label, sign = score_label(scoring)
        disp = cls(
            param_name,
            values,
            sign * train,
            sign * test,
            score_name=label,
            greater_is_better=sign > 0,
        )
        return disp.plot(ax=ax, log_x=log_x)

    def plot(self, *, ax: Axes | None = None, log_x: bool | None = None) -> ValidationCurveDisplay:
        """Draw mean training and validation scores, marking the best value.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` makes a new figure.
        log_x : bool, default=None
            Logarithmic x axis; ``None`` chooses it for wide positive ranges.

        Returns
        -------
        ValidationCurveDisplay
            ``self``, with ``ax_`` and ``figure_`` set.
        """
        from mlcourse.plotting import COLORS, get_axes, label_axes

        ax = get_axes(ax)
        numeric = all(
            isinstance(v, numbers.Real) and not isinstance(v, bool) for v in self.param_range
        )
        x: Any = (
            np.asarray(self.param_range, dtype=float)
            if numeric
            else np.arange(len(self.param_range))
        )
        if log_x is None:
            log_x = bool(numeric and np.all(x > 0) and x.max() / x.min() > 100)
        _band(ax, x, self.train_scores, COLORS["main"], "training", "o")
        _band(ax, x, self.test_scores, COLORS["second"], "validation", "s")
        ax.axvline(
            x[self.best_index],
            color=COLORS["reference"],
            linestyle=":",
            label=f"best {self.param_name} = {self.best_value}",
        )
        if not numeric:
            ax.set_xticks(x, [str(v) for v in self.param_range])
        if log_x:
            ax.set_xscale("log")
        label_axes(
            ax,
            title=f"Validation curve over {self.param_name}",
            xlabel=self.param_name,
            ylabel=self.score_name.capitalize(),
            legend=True,
        )
        self.ax_ = ax
        self.figure_: Figure | SubFigure = ax.figure  # type: ignore[assignment]
        return self

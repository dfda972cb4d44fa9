"""Cross-validation helpers: k-fold indices, scores of one model, a comparison of several."""

from __future__ import annotations

import numbers
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .._validation import check_random_state, check_scalar, int_seed, param_message

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

__all__ = [
    "CVResult",
    "CVScoresDisplay",
    "compare_cv",
    "cross_validate_scores",
    "kfold_indices",
    "make_cv",
    "score_label",
]


def kfold_indices(
    n_samples: int, n_splits: int = 5, *, shuffle: bool = False, random_state: Any = None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield the (train, test) indices of k-fold cross-validation.

    The samples are cut into ``n_splits`` consecutive folds (the first
    ``n_samples % n_splits`` folds get one extra sample); each fold is the test
    set once while the others train. Without shuffling the folds equal
    ``sklearn.model_selection.KFold(n_splits)``'s.

    Parameters
    ----------
    n_samples : int
        Number of samples.
    n_splits : int, default=5
        Number of folds, at least 2 and at most ``n_samples``.
    shuffle : bool, default=False
        Shuffle the samples before cutting the folds (do it when the rows are
        ordered, e.g. sorted by class or by date... but never for time series).
    random_state : int, numpy.random.Generator or None, default=None
        Controls the shuffle.

    Yields
    ------
    train : ndarray of int
        Indices of the training samples.
    test : ndarray of int
        Indices of the test fold.

    Examples
    --------
    >>> from mlcourse.evaluation import kfold_indices
    >>> [test.tolist() for _, test in kfold_indices(5, 2)]
    [[0, 1, 2], [3, 4]]
    """
    owner = "kfold_indices"
    check_scalar(n_samples, "n_samples", numbers.Integral, owner=owner, min_val=2)
    check_scalar(n_splits, "n_splits", numbers.Integral, owner=owner, min_val=2, max_val=n_samples)
    order = np.arange(n_samples)
    if shuffle:
        order = check_random_state(random_state, owner=owner).permutation(n_samples)
    sizes = np.full(n_splits, n_samples // n_splits)
    sizes[: n_samples % n_splits] += 1
    start = 0
    for size in sizes:
        test = order[start : start + size]
        train = np.concatenate([order[:start], order[start + size :]])
        start += size
        yield train, test


def _is_classifier(estimator: Any) -> bool:
    from sklearn.base import is_classifier

    return bool(is_classifier(estimator))


def make_cv(cv: Any = 5, *, classifier: bool = False, random_state: Any = None) -> Any:
    """Turn ``cv`` into a splitter: shuffled k-fold, stratified for classifiers.

    scikit-learn's ``cv=5`` does not shuffle, which gives misleading folds
    when the rows are ordered (by class, by date of collection). Here an int
    means *shuffled* ``KFold`` (``StratifiedKFold`` for classifiers, keeping
    the class proportions in every fold).

    Parameters
    ----------
    cv : int or splitter, default=5
        Number of folds, or a scikit-learn splitter / iterable of (train, test)
        returned unchanged.
    classifier : bool, default=False
        Stratify the folds by class.
    random_state : int, numpy.random.Generator or None, default=None
        Controls the shuffle.

    Returns
    -------
    splitter
        A scikit-learn cross-validation splitter (or ``cv`` unchanged).

    Examples
    --------
    >>> from mlcourse.evaluation import make_cv
    >>> make_cv(3, classifier=True, random_state=0)
    StratifiedKFold(n_splits=3, random_state=0, shuffle=True)
    """
    from sklearn.model_selection import KFold, StratifiedKFold

    if isinstance(cv, numbers.Integral) and not isinstance(cv, bool):
        check_scalar(cv, "cv", numbers.Integral, owner="make_cv", min_val=2)
        seed = int_seed(random_state, owner="make_cv")
        cls = StratifiedKFold if classifier else KFold
        return cls(n_splits=int(cv), shuffle=True, random_state=seed)
    if cv is None or isinstance(cv, bool | str | float):
        raise TypeError(
            param_message(
                "cv", "an int >= 2, a splitter or an iterable of splits", cv, owner="make_cv"
            )
        )
    return cv


def score_label(scoring: Any) -> tuple[str, float]:
    """Return a readable name for a scorer and the sign that makes it natural.

    ``"neg_root_mean_squared_error"`` becomes ``("root mean squared error", -1.0)``:
    multiply the scorer's values by the sign to plot the error itself.

    Parameters
    ----------
    scoring : str, callable or None
        A scikit-learn scoring name, a scorer, or None (the estimator's ``score``).

    Returns
    -------
    name : str
        Label for axes and tables.
    sign : float
        ``-1.0`` for ``neg_`` scorers, else ``1.0``.

    Examples
    --------
    >>> from mlcourse.evaluation import score_label
    >>> score_label("neg_mean_absolute_error")
    ('mean absolute error', -1.0)
    >>> score_label("accuracy")
    ('accuracy', 1.0)
    """
    if scoring is None:
        return "score", 1.0
    if isinstance(scoring, str):
        if scoring.startswith("neg_"):
            return scoring[4:].replace("_", " "), -1.0
        return scoring.replace("_", " "), 1.0
    return getattr(scoring, "__name__", "score").replace("_", " "), 1.0


@dataclass(frozen=True)
class CVResult:
    """Per-fold scores of one model, from :func:`cross_validate_scores`.

    Scores are in natural units: errors (``neg_`` scorers) are reported as
    positive errors, with ``greater_is_better=False``.

    Attributes
    ----------
    name : str
        The model's name.
    score_name : str
        What was measured.
    test_scores : ndarray of shape (n_splits,)
        Validation score of each fold.
    train_scores : ndarray of shape (n_splits,)
        Training score of each fold.
    fit_times : ndarray of shape (n_splits,)
        Fit time of each fold, in seconds.
    greater_is_better : bool
        Direction of the score.

    Examples
    --------
    >>> from mlcourse.evaluation import CVResult
    >>> r = CVResult("tree", "accuracy", np.array([0.9, 0.8]), np.array([1.0, 1.0]),
    ...              np.array([0.01, 0.01]))
    >>> str(r)
    'tree: accuracy 0.850 ± 0.050 (train 1.000, 2 folds)'
    """

    name: str
    score_name: str
    test_scores: np.ndarray
    train_scores: np.ndarray
    fit_times: np.ndarray
    greater_is_better: bool = True

    @property
    def mean(self) -> float:
        """Mean validation score over the folds."""
        return float(np.mean(self.test_scores))

    @property
    def std(self) -> float:
        """Standard deviation of the validation score over the folds."""
        return float(np.std(self.test_scores))

    @property
    def train_mean(self) -> float:
        """Mean training score over the folds."""
        return float(np.mean(self.train_scores))

    def diagnose(self, *, target_score: float | None = None, gap_tol: float = 0.05) -> Any:
        """Diagnose under/overfitting from the mean train and validation scores.

        Parameters
        ----------
        target_score : float, default=None
            As for :func:`diagnose_fit`.
        gap_tol : float, default=0.05
            As for :func:`diagnose_fit`.

        Returns
        -------
        FitDiagnosis
            The verdict.
        """
        from ._diagnose import diagnose_fit

        return diagnose_fit(
            self.train_mean,
            self.mean,
            target_score=target_score,
            gap_tol=gap_tol,
            greater_is_better=self.greater_is_better,
        )

    def __str__(self) -> str:
        return (
            f"{self.name}: {self.score_name} {self.mean:.3f} ± {self.std:.3f} "
            f"(train {self.train_mean:.3f}, {len(self.test_scores)} folds)"
        )


def cross_validate_scores(
    estimator: Any,
    X: Any,
    y: Any,
    *,
    cv: Any = 5,
    scoring: Any = None,
    random_state: Any = None,
    name: str | None = None,
) -> CVResult:
    """Cross-validate one model: training and validation score of every fold.

    The estimator is cloned for each fold; put preprocessing inside a
    ``Pipeline`` so that it is fitted on the training folds only (no leakage).

    Parameters
    ----------
    estimator : estimator object
        The model (cloned, never fitted in place).
    X : array-like of shape (n_samples, n_features)
        Data.
    y : array-like of shape (n_samples,)
        Target.
    cv : int or splitter, default=5
        See :func:`make_cv` (an int means shuffled, stratified for classifiers).
    scoring : str or callable, default=None
        A scikit-learn scoring name or scorer; ``None`` uses ``estimator.score``.
    random_state : int, numpy.random.Generator or None, default=None
        Controls the fold shuffle.
    name : str, default=None
        Label of the model (default: its class name).

    Returns
    -------
    CVResult
        Per-fold scores, errors reported as positive numbers.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from sklearn.tree import DecisionTreeClassifier
    >>> from mlcourse.evaluation import cross_validate_scores
    >>> X, y = load_iris(return_X_y=True)
    >>> r = cross_validate_scores(DecisionTreeClassifier(random_state=0), X, y, random_state=0)
    >>> r.test_scores.shape, r.train_mean
    ((5,), 1.0)
    """
    from sklearn.model_selection import cross_validate

    splitter = make_cv(cv, classifier=_is_classifier(estimator), random_state=random_state)
    out = cross_validate(
        estimator, X, y, cv=splitter, scoring=scoring, return_train_score=True, error_score="raise"
    )
    label, sign = score_label(scoring)
    return CVResult(
        name=name or type(estimator).__name__,
        score_name=label,
        test_scores=sign * np.asarray(out["test_score"], dtype=float),
        train_scores=sign * np.asarray(out["train_score"], dtype=float),
        fit_times=np.asarray(out["fit_time"], dtype=float),
        greater_is_better=sign > 0,
    )


def compare_cv(
    estimators: Mapping[str, Any],
    X: Any,
    y: Any,
    *,
    cv: Any = 5,
    scoring: Any = None,
    random_state: Any = None,
) -> pd.DataFrame:
    """Cross-validate several models on the same folds and rank them.

    Parameters
    ----------
    estimators : mapping of str to estimator
        Name -> model.
    X : array-like of shape (n_samples, n_features)
        Data.
    y : array-like of shape (n_samples,)
        Target.
    cv : int or splitter, default=5
        See :func:`make_cv`. Every model sees the same folds.
    scoring : str or callable, default=None
        A scikit-learn scoring name or scorer; ``None`` uses each ``estimator.score``.
    random_state : int, numpy.random.Generator or None, default=None
        Controls the fold shuffle.

    Returns
    -------
    pandas.DataFrame
        One row per model, best first: ``mean``, ``std`` (validation),
        ``train_mean``, ``gap`` (train - validation, in the better direction)
        and ``fit_time_s``; the attribute ``.attrs["results"]`` holds the
        :class:`CVResult` of each model.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from sklearn.dummy import DummyClassifier
    >>> from sklearn.tree import DecisionTreeClassifier
    >>> from mlcourse.evaluation import compare_cv
    >>> X, y = load_iris(return_X_y=True)
    >>> table = compare_cv({"tree": DecisionTreeClassifier(random_state=0),
    ...                     "dummy": DummyClassifier()}, X, y, cv=3, random_state=0)
    >>> table.index.tolist()
    ['tree', 'dummy']
    """
    import pandas as pd

    if not isinstance(estimators, Mapping) or not estimators:
        raise TypeError(
            param_message(
                "estimators",
                "a non-empty dict of name -> estimator",
                estimators,
                owner="compare_cv",
            )
        )
    first = next(iter(estimators.values()))
    splitter = make_cv(cv, classifier=_is_classifier(first), random_state=random_state)
    if isinstance(splitter, Iterator):  # a one-shot iterable: reuse the same splits
        splitter = list(splitter)
    results = {
        name: cross_validate_scores(est, X, y, cv=splitter, scoring=scoring, name=name)
        for name, est in estimators.items()
    }
    rows = []
    for name, r in results.items():
        sign = 1.0 if r.greater_is_better else -1.0
        rows.append(
            {
                "model": name,
                "mean": r.mean,
                "std": r.std,
                "train_mean": r.train_mean,
                "gap": sign * (r.train_mean - r.mean),
                "fit_time_s": float(r.fit_times.mean()),
            }
        )
    table = pd.DataFrame(rows).set_index("model")
    greater = next(iter(results.values())).greater_is_better
    table = table.sort_values("mean", ascending=not greater, kind="stable")
    table.attrs["results"] = results
    table.attrs["score_name"] = next(iter(results.values())).score_name
    return table


class CVScoresDisplay:
    """Box plot of per-fold validation scores, one box per model.

    Parameters
    ----------
    scores : mapping of str to array-like
        Model name -> validation score of each fold.
    score_name : str, default="score"
        What was measured (the axis label).

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
    >>> from mlcourse.evaluation import CVScoresDisplay
    >>> disp = CVScoresDisplay({"a": [0.8, 0.9], "b": [0.7, 0.75]}, score_name="accuracy").plot()
    >>> [t.get_text() for t in disp.ax_.get_yticklabels()]
    ['a', 'b']
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(self, scores: Mapping[str, Any], *, score_name: str = "score") -> None:
        self.scores = {k: np.asarray(v, dtype=float) for k, v in scores.items()}
        self.score_name = score_name
        self.table: pd.DataFrame | None = None

    @classmethod
    def from_estimators(
        cls,
        estimators: Mapping[str, Any],
        X: Any,
        y: Any,
        *,
        cv: Any = 5,
        scoring: Any = None,
        random_state: Any = None,
        ax: Axes | None = None,
    ) -> CVScoresDisplay:
        """Cross-validate the models (same folds) and plot their fold scores.

        Parameters
        ----------
        estimators : mapping of str to estimator
            Name -> model.
        X, y : array-like
            Data and target.
        cv : int or splitter, default=5
            See :func:`make_cv`.
        scoring : str or callable, default=None
            Scoring name or scorer; ``neg_`` errors are shown as positive errors.
        random_state : int, numpy.random.Generator or None, default=None
            Controls the fold shuffle.
        ax : matplotlib Axes, default=None
            Axes to draw on.

        Returns
        -------
        CVScoresDisplay
            The display, plotted; ``table`` holds the :func:`compare_cv` ranking.
        """
        table = compare_cv(estimators, X, y, cv=cv, scoring=scoring, random_state=random_state)
        results = table.attrs["results"]
        disp = cls(
            {name: results[name].test_scores for name in table.index},
            score_name=table.attrs["score_name"],
        )
        disp.table = table
        return disp.plot(ax=ax)

    def plot(self, *, ax: Axes | None = None) -> CVScoresDisplay:
        """Draw one horizontal box of fold scores per model.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` makes a new figure.

        Returns
        -------
        CVScoresDisplay
            ``self``, with ``ax_`` and ``figure_`` set.
        """
        from mlcourse.plotting import COLORS, get_axes, label_axes

        ax = get_axes(ax)
        names = list(self.scores)
        data = [self.scores[n] for n in names]
        positions = list(range(len(names), 0, -1))  # first model on top
        ax.boxplot(
            data,
            positions=positions,
            orientation="horizontal",
            widths=0.5,
            patch_artist=True,
            boxprops={"facecolor": "white", "edgecolor": COLORS["main"]},
            medianprops={"color": COLORS["main"]},
        )
        for pos, d in zip(positions, data, strict=True):
            ax.plot(d, np.full(len(d), pos), "o", color=COLORS["second"], alpha=0.7, ms=4)
        ax.set_yticks(positions, names)
        label_axes(
            ax,
            title=f"Cross-validated {self.score_name} per fold",
            xlabel=f"Validation {self.score_name}",
            ylabel="Model",
        )
        self.ax_ = ax
        self.figure_: Figure | SubFigure = ax.figure  # type: ignore[assignment]
        return self

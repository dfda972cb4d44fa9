"""Label a model underfit, overfit or balanced from its training and validation scores."""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .._validation import check_scalar, param_message

__all__ = ["FitDiagnosis", "diagnose_fit"]

# The syllabus' remedies, one list per diagnosis.
_UNDERFIT_FIXES = [
    "use a richer model (more flexible: higher polynomial degree, deeper trees, "
    "more trees or boosting rounds, fewer neighbours in kNN)",
    "add or engineer more informative features",
    "reduce the regularisation (smaller alpha, larger C)",
    "train longer (more epochs) if the training loss is still falling",
]
_OVERFIT_FIXES = [
    "collect more training data (or augment the data you have)",
    "add regularisation (larger alpha, smaller C, dropout)",
    "use a simpler model (lower degree, shallower trees, more neighbours in kNN)",
    "train for fewer epochs (early stopping on a validation set)",
    "remove uninformative features (feature selection)",
]
_BALANCED_FIXES = [
    "keep this model; check it once on the untouched test set",
    "to go further, add informative features or data, then diagnose again",
]


@dataclass(frozen=True)
class FitDiagnosis:
    """The verdict of :func:`diagnose_fit`.

    Attributes
    ----------
    label : {"underfit", "overfit", "balanced"}
        The diagnosis.
    reason : str
        Why, in one or two sentences quoting the scores.
    suggestions : list of str
        What to try next (the remedies for this diagnosis).
    train_score : float
        Score on the training data.
    validation_score : float
        Score on held-out data.
    avoidable_bias : float
        Distance from the training score to the target score (in the
        "better" direction; larger means more underfitting).
    variance_gap : float
        How much better the training score is than the validation score
        (larger means more overfitting).

    Examples
    --------
    >>> from mlcourse.evaluation import diagnose_fit
    >>> d = diagnose_fit(train_score=1.0, validation_score=0.7)
    >>> d.label
    'overfit'
    >>> print(d)  # doctest: +ELLIPSIS
    overfit: the training score (1) is 0.3 better than the validation score (0.7)...
    """

    label: str
    reason: str
    suggestions: list[str] = field(default_factory=list)
    train_score: float = float("nan")
    validation_score: float = float("nan")
    avoidable_bias: float = float("nan")
    variance_gap: float = float("nan")

    def __str__(self) -> str:
        lines = [f"{self.label}: {self.reason}", "What to try:"]
        lines += [f"  - {s}" for s in self.suggestions]
        return "\n".join(lines)

    @classmethod
    def from_estimator(
        cls,
        estimator: Any,
        X_train: Any,
        y_train: Any,
        X_val: Any,
        y_val: Any,
        *,
        scoring: Any = None,
        target_score: float | None = None,
        gap_tol: float = 0.05,
    ) -> FitDiagnosis:
        """Fit a clone of ``estimator`` on the training data and diagnose it.

        Parameters
        ----------
        estimator : estimator object
            Cloned before fitting (the caller's estimator is left untouched).
        X_train, y_train : array-like
            Training data.
        X_val, y_val : array-like
            Held-out validation data.
        scoring : str or callable, default=None
            A scikit-learn scorer name (``"accuracy"``, ``"r2"``,
            ``"neg_root_mean_squared_error"``...) or a ``scorer(estimator, X, y)``
            callable; ``None`` uses ``estimator.score``. Scorers are
            greater-is-better.
        target_score : float, default=None
            As for :func:`diagnose_fit` (default 1.0, or 0.0 for ``neg_`` scorers).
        gap_tol : float, default=0.05
            As for :func:`diagnose_fit`.

        Returns
        -------
        FitDiagnosis
            The verdict.

        Examples
        --------
        >>> from sklearn.datasets import load_breast_cancer
        >>> from sklearn.tree import DecisionTreeClassifier
        >>> from mlcourse.evaluation import FitDiagnosis
        >>> X, y = load_breast_cancer(return_X_y=True)
        >>> d = FitDiagnosis.from_estimator(
        ...     DecisionTreeClassifier(random_state=0), X[::2], y[::2], X[1::2], y[1::2])
        >>> d.label, d.train_score
        ('overfit', 1.0)
        """
        from sklearn.base import clone
        from sklearn.metrics import check_scoring

        scorer = check_scoring(estimator, scoring=scoring)
        model = clone(estimator).fit(X_train, y_train)
        train = float(scorer(model, X_train, y_train))
        val = float(scorer(model, X_val, y_val))
        if target_score is None and isinstance(scoring, str) and scoring.startswith("neg_"):
            target_score = 0.0
        return diagnose_fit(train, val, target_score=target_score, gap_tol=gap_tol)


def _fmt(x: float) -> str:
    return f"{x:.3g}"


def diagnose_fit(
    train_score: float,
    validation_score: float,
    *,
    target_score: float | None = None,
    gap_tol: float = 0.05,
    greater_is_better: bool = True,
    baseline_score: float | None = None,
) -> FitDiagnosis:
    r"""Label a model underfit, overfit or balanced, say why, and what to try.

    Two distances decide (the "avoidable bias versus variance" rule):

    - *avoidable bias* = how far the **training** score is from the score you
      could hope for (``target_score``): a model that cannot even fit its
      training data is too simple (high bias, **underfit**);
    - *variance gap* = how much better the training score is than the
      **validation** score: a model that does much better on data it has
      seen memorised noise (high variance, **overfit**).

    When both are within ``gap_tol`` the model is **balanced**; otherwise the
    larger one names the problem to fix first.

    Parameters
    ----------
    train_score : float
        Score on the training data.
    validation_score : float
        Score on held-out data (validation set or cross-validation).
    target_score : float, default=None
        The best score you could hope for (human-level or the noise floor).
        Default: 1.0 for greater-is-better scores (accuracy, R², F1), 0.0 for
        errors. Set it when the data are noisy, otherwise a good model on
        noisy data is labelled underfit.
    gap_tol : float, default=0.05
        Tolerance on both distances, in score units.
    greater_is_better : bool, default=True
        ``False`` for errors and losses (MSE, RMSE, log-loss): lower is better.
    baseline_score : float, default=None
        Score of a trivial model (e.g. ``DummyClassifier``); if given, the
        reason says when the model barely beats it.

    Returns
    -------
    FitDiagnosis
        ``label``, ``reason`` and ``suggestions``, with the numbers used.

    Examples
    --------
    >>> from mlcourse.evaluation import diagnose_fit
    >>> diagnose_fit(0.62, 0.60).label
    'underfit'
    >>> diagnose_fit(0.99, 0.80).label
    'overfit'
    >>> diagnose_fit(0.95, 0.93).label
    'balanced'
    >>> diagnose_fit(12.0, 30.0, greater_is_better=False, target_score=10.0).label  # RMSE
    'overfit'
    """
    owner = "diagnose_fit"
    for name, value in (("train_score", train_score), ("validation_score", validation_score)):
        check_scalar(value, name, numbers.Real, owner=owner)
        if not np.isfinite(value):
            raise ValueError(param_message(name, "a finite number", value, owner=owner))
    check_scalar(gap_tol, "gap_tol", numbers.Real, owner=owner, min_val=0)
    check_scalar(greater_is_better, "greater_is_better", bool, owner=owner)
    if target_score is not None:
        check_scalar(target_score, "target_score", numbers.Real, owner=owner)
    if baseline_score is not None:
        check_scalar(baseline_score, "baseline_score", numbers.Real, owner=owner)
    sign = 1.0 if greater_is_better else -1.0
    target = (1.0 if greater_is_better else 0.0) if target_score is None else float(target_score)
    train, val = float(train_score), float(validation_score)
    bias = sign * (target - train)
    gap = sign * (train - val)
    better = "higher" if greater_is_better else "lower"

    tol = gap_tol + 1e-12  # 1 - 0.95 is 0.05000000000000004 in floating point
    if bias <= tol and gap <= tol:
        label = "balanced"
        reason = (
            f"the training score ({_fmt(train)}) is within {gap_tol:g} of the target "
            f"({_fmt(target)}) and the validation score ({_fmt(val)}) is within {gap_tol:g} "
            "of the training score: low bias and low variance."
        )
        fixes = _BALANCED_FIXES
    elif bias >= gap:
        label = "underfit"
        reason = (
            f"even on its training data the model scores {_fmt(train)}, {_fmt(bias)} away "
            f"from the target {_fmt(target)} ({better} is better), and validation "
            f"({_fmt(val)}) is about as good: high bias, the model is too simple for the data."
        )
        fixes = _UNDERFIT_FIXES
    else:
        label = "overfit"
        reason = (
            f"the training score ({_fmt(train)}) is {_fmt(gap)} better than the validation "
            f"score ({_fmt(val)}): high variance, the model fits noise in its training data "
            "that does not generalise."
        )
        fixes = _OVERFIT_FIXES
        if bias > tol:
            reason += f" Its training score is also {_fmt(bias)} from the target."
    if baseline_score is not None and sign * (val - float(baseline_score)) <= tol:
        reason += (
            f" The validation score barely beats (or loses to) the trivial baseline "
            f"({_fmt(float(baseline_score))})."
        )
    return FitDiagnosis(
        label=label,
        reason=reason,
        suggestions=list(fixes),
        train_score=train,
        validation_score=val,
        avoidable_bias=bias,
        variance_gap=gap,
    )

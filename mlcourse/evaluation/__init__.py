"""Model fit: cross-validation, learning and validation curves, bias and variance.

- Cross-validation: :func:`kfold_indices` (k-fold by hand), :func:`make_cv`
  (shuffled, stratified folds), :func:`cross_validate_scores` (one model),
  :func:`compare_cv` (several models on the same folds) and
  :class:`CVScoresDisplay`.
- Curves: :class:`LearningCurveDisplay` (score vs training-set size) and
  :class:`ValidationCurveDisplay` (score vs a hyperparameter).
- Bias and variance: :func:`bias_variance_decomp` (bootstrap, agrees with
  mlxtend) and :class:`BiasVarianceDisplay`.
- :func:`diagnose_fit`: underfit, overfit or balanced, why, and what to try.

scikit-learn and matplotlib are imported only inside the functions that need them.
"""

from ._bias_variance import BiasVarianceDisplay, bias_variance_decomp
from ._curves import LearningCurveDisplay, ValidationCurveDisplay
from ._cv import (
    CVResult,
    CVScoresDisplay,
    compare_cv,
    cross_validate_scores,
    kfold_indices,
    make_cv,
    score_label,
)
from ._diagnose import FitDiagnosis, diagnose_fit

__all__ = [
    "BiasVarianceDisplay",
    "CVResult",
    "CVScoresDisplay",
    "FitDiagnosis",
    "LearningCurveDisplay",
    "ValidationCurveDisplay",
    "bias_variance_decomp",
    "compare_cv",
    "cross_validate_scores",
    "diagnose_fit",
    "kfold_indices",
    "make_cv",
    "score_label",
]

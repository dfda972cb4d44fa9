"""Model-evaluation metrics written from scratch in NumPy.

Same names, arguments and return shapes as :mod:`sklearn.metrics`, so that
code moves between the two; each docstring gives the formula. Importing this
subpackage does not import scikit-learn.

- Classification (from labels): :func:`confusion_matrix`,
  :func:`binary_confusion`, :func:`accuracy_score`, :func:`precision_score`,
  :func:`recall_score`, :func:`f1_score`, :func:`fbeta_score`,
  :func:`precision_recall_fscore_support`.
- Ranking (from scores): :func:`roc_curve`, :func:`roc_auc_score`,
  :func:`auc`, :func:`precision_recall_curve`,
  :func:`average_precision_score`, and :func:`choose_threshold` to turn
  scores into decisions.
- Regression: :func:`mean_absolute_error`,
  :func:`mean_absolute_percentage_error`, :func:`mean_squared_error`,
  :func:`root_mean_squared_error`, :func:`r2_score`.
"""

from ._base import UndefinedMetricWarning
from ._classification import (
    BinaryConfusion,
    accuracy_score,
    binary_confusion,
    confusion_matrix,
    f1_score,
    fbeta_score,
    precision_recall_fscore_support,
    precision_score,
    recall_score,
)
from ._ranking import (
    auc,
    average_precision_score,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)
from ._regression import (
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    r2_score,
    root_mean_squared_error,
)
from ._threshold import ThresholdChoice, choose_threshold

__all__ = [
    "BinaryConfusion",
    "ThresholdChoice",
    "UndefinedMetricWarning",
    "accuracy_score",
    "auc",
    "average_precision_score",
    "binary_confusion",
    "choose_threshold",
    "confusion_matrix",
    "f1_score",
    "fbeta_score",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "precision_recall_curve",
    "precision_recall_fscore_support",
    "precision_score",
    "r2_score",
    "recall_score",
    "roc_auc_score",
    "roc_curve",
    "root_mean_squared_error",
]

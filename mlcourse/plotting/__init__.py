"""Display objects (matplotlib) in one style: confusion matrix, ROC, PR, regression errors.

Each Display follows scikit-learn's pattern: build it with
``from_predictions(...)`` or ``from_estimator(estimator, X, y, ...)``, or from
precomputed data with its constructor and ``.plot(ax=None)``; ``plot``
returns the display with ``ax_`` and ``figure_`` set. matplotlib is imported
only when something is drawn, so ``import mlcourse.plotting`` stays light.
"""

from ._confusion_matrix import ConfusionMatrixDisplay
from ._precision_recall import PrecisionRecallDisplay
from ._prediction_error import PredictionErrorDisplay
from ._roc_curve import RocCurveDisplay
from ._style import COLORS, FIGSIZE, PALETTE, SEQUENTIAL_CMAP, get_axes, label_axes

__all__ = [
    "COLORS",
    "ConfusionMatrixDisplay",
    "FIGSIZE",
    "PALETTE",
    "PrecisionRecallDisplay",
    "PredictionErrorDisplay",
    "RocCurveDisplay",
    "SEQUENTIAL_CMAP",
    "get_axes",
    "label_axes",
]

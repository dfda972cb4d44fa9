"""Semi-supervised learning: a few labels plus many unlabelled samples.

:class:`SelfTrainingClassifier` is pseudo-labelling written out (fit on the
labels, label the confident guesses, refit, repeat); :func:`mask_labels` hides
labels to simulate the setting; :func:`compare_label_fractions` and
:class:`LabelFractionDisplay` compare it with supervised-only training and
scikit-learn's ``SelfTrainingClassifier`` and ``LabelSpreading``.
"""

from ._compare import METHODS, LabelFractionDisplay, compare_label_fractions, default_base_estimator
from ._self_training import UNLABELED, SelfTrainingClassifier, mask_labels

__all__ = [
    "METHODS",
    "UNLABELED",
    "LabelFractionDisplay",
    "SelfTrainingClassifier",
    "compare_label_fractions",
    "default_base_estimator",
    "mask_labels",
]

"""Semi-supervised learning: a few labels plus many unlabelled samples.

:class:`SelfTrainingClassifier` is pseudo-labelling written out (fit on the
labels, label the confident guesses, refit, repeat); :func:`mask_labels` hides
labels to simulate the setting; :func:`compare_label_fractions` and
:class:`LabelFractionDisplay` compare it with supervised-only training and
scikit-learn's ``SelfTrainingClassifier`` and ``LabelSpreading``.

Names are loaded on first use, so ``import mlcourse.semi_supervised`` imports
neither scikit-learn nor matplotlib.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ._compare import (
        METHODS,
        LabelFractionDisplay,
        compare_label_fractions,
        default_base_estimator,
    )
    from ._self_training import UNLABELED, SelfTrainingClassifier, mask_labels

_LAZY = {
    "METHODS": "._compare",
    "LabelFractionDisplay": "._compare",
    "compare_label_fractions": "._compare",
    "default_base_estimator": "._compare",
    "UNLABELED": "._self_training",
    "SelfTrainingClassifier": "._self_training",
    "mask_labels": "._self_training",
}

__all__ = [
    "METHODS",
    "UNLABELED",
    "LabelFractionDisplay",
    "SelfTrainingClassifier",
    "compare_label_fractions",
    "default_base_estimator",
    "mask_labels",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

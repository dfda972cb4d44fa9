"""mlcourse: a hands-on machine-learning course along the AWS Certified AI Practitioner syllabus.

The subpackages are imported on first use, so ``import mlcourse`` stays fast
and loads none of the heavy dependencies (xgboost, optuna, matplotlib,
scikit-learn submodules)::

    >>> import mlcourse
    >>> mlcourse.metrics.accuracy_score([0, 1, 1], [0, 1, 0])  # doctest: +SKIP
    0.666...
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_SUBPACKAGES = (
    "datasets",
    "evaluation",
    "experiment",
    "features",
    "genai",
    "lifecycle",
    "metrics",
    "plotting",
    "quiz",
    "rl",
    "self_supervised",
    "semi_supervised",
    "supervised",
    "tuning",
    "unsupervised",
)

__all__ = ["__version__", *_SUBPACKAGES]

if TYPE_CHECKING:  # pragma: no cover
    from . import datasets as datasets


def __getattr__(name: str) -> Any:
    if name in _SUBPACKAGES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'mlcourse' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_SUBPACKAGES))

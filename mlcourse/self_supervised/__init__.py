"""Self-supervised learning: labels made from the data itself (a pretext task).

:func:`make_rotation_pretext` turns unlabelled images into a "which way is
up?" task; :class:`RotationPretextEncoder` learns features by solving it; and
:func:`linear_probe_comparison` checks, honestly, whether those features help
a classifier that has only a few labels.

Names are loaded on first use, so ``import mlcourse.self_supervised`` does not
import scikit-learn.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ._rotation import (
        ROTATIONS,
        RotationPretextEncoder,
        linear_probe_comparison,
        make_rotation_pretext,
    )

_LAZY = {
    "ROTATIONS": "._rotation",
    "RotationPretextEncoder": "._rotation",
    "linear_probe_comparison": "._rotation",
    "make_rotation_pretext": "._rotation",
}

__all__ = [
    "ROTATIONS",
    "RotationPretextEncoder",
    "linear_probe_comparison",
    "make_rotation_pretext",
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

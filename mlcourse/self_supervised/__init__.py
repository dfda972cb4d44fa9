"""Self-supervised learning: labels made from the data itself (a pretext task).

:func:`make_rotation_pretext` turns unlabelled images into a "which way is
up?" task; :class:`RotationPretextEncoder` learns features by solving it; and
:func:`linear_probe_comparison` checks, honestly, whether those features help
a classifier that has only a few labels.
"""

from ._rotation import (
    ROTATIONS,
    RotationPretextEncoder,
    linear_probe_comparison,
    make_rotation_pretext,
)

__all__ = [
    "ROTATIONS",
    "RotationPretextEncoder",
    "linear_probe_comparison",
    "make_rotation_pretext",
]

"""The one action numbering shared by every mlcourse grid environment.

It is Gymnasium's FrozenLake numbering, so that an agent trained on one
environment reads its actions the same way on the other.
"""

from __future__ import annotations

LEFT = 0
DOWN = 1
RIGHT = 2
UP = 3

#: Action names, indexed by action number.
ACTION_NAMES: tuple[str, ...] = ("left", "down", "right", "up")

#: (row change, column change) of each action, indexed by action number.
ACTION_DELTAS: tuple[tuple[int, int], ...] = ((0, -1), (1, 0), (0, 1), (-1, 0))

"""Gymnasium environments for learning reinforcement learning by hand.

Every grid environment numbers its actions the same way as Gymnasium's
FrozenLake: 0 left, 1 down, 2 right, 3 up (:data:`LEFT`, :data:`DOWN`,
:data:`RIGHT`, :data:`UP`). Importing :mod:`mlcourse.rl` registers them with
Gymnasium under versioned ids (``mlcourse/GridMaze-v0``,
``mlcourse/MultiArmedBandit-v0``).
"""

from ._actions import ACTION_DELTAS, ACTION_NAMES, DOWN, LEFT, RIGHT, UP
from ._bandit import MultiArmedBandit
from ._grid_maze import GridMaze
from ._layouts import LAYOUTS, TILES, generate_maze, has_path, parse_map

__all__ = [
    "ACTION_DELTAS",
    "ACTION_NAMES",
    "DOWN",
    "LAYOUTS",
    "LEFT",
    "RIGHT",
    "TILES",
    "UP",
    "GridMaze",
    "MultiArmedBandit",
    "generate_maze",
    "has_path",
    "parse_map",
]

"""Built-in GridMaze layouts, map parsing and the seeded random-maze generator."""

from __future__ import annotations

import numbers
from collections import deque
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..._validation import check_random_state, check_scalar, param_message

#: Tiles a GridMaze map may use. FrozenLake's ``F`` (frozen) and ``H`` (hole)
#: are read as ``.`` and ``T`` so that FrozenLake maps load unchanged.
TILES: dict[str, str] = {
    "S": "start",
    ".": "floor",
    "#": "wall",
    "G": "goal (the door)",
    "T": "trap",
}
_ALIASES = {"F": ".", "H": "T"}

LAYOUTS: dict[str, tuple[str, ...]] = {
    # Gymnasium's FrozenLake 4x4 and 8x8 maps, in GridMaze tiles.
    "4x4": ("S...", ".T.T", "...T", "T..G"),
    "8x8": (
        "S.......",
        "........",
        "...T....",
        ".....T..",
        "...T....",
        ".TT...T.",
        ".T..T.T.",
        "...T...G",
    ),
    # A small maze with walls, one trap and the door in the far corner.
    "maze": (
        "S.#....",
        ".##.##.",
        "...#...",
        ".#...#.",
        ".#T#.#.",
        "...#..G",
    ),
    # Sutton and Barto's cliff: the bottom row between start and door is a trap.
    "cliff": (
        "............",
        "............",
        "............",
        "STTTTTTTTTTG",
    ),
}


def _map_text(desc: Any) -> list[str]:
    """Return the map as a list of rows, or raise a ValueError/TypeError."""
    expected = "a map given as a list of equal-length strings (or one string with newlines)"
    if isinstance(desc, str):
        rows = [line.strip() for line in desc.strip().splitlines()]
    elif isinstance(desc, np.ndarray) and desc.dtype.kind in "SU":
        rows = [
            "".join(c.decode() if isinstance(c, bytes) else str(c) for c in np.atleast_1d(row))
            for row in desc
        ]
    elif isinstance(desc, Sequence) and all(isinstance(r, str | bytes) for r in desc):
        rows = [r.decode() if isinstance(r, bytes) else r for r in desc]
    else:
        raise TypeError(param_message("desc", expected, desc, owner="GridMaze"))
    if not rows or not rows[0]:
        raise ValueError(param_message("desc", expected, desc, owner="GridMaze"))
    lengths = [len(r) for r in rows]
    if len(set(lengths)) > 1:
        raise ValueError(
            param_message("desc", expected, desc, owner="GridMaze")
            + f" The rows have lengths {lengths}."
        )
    return rows


def parse_map(desc: Any) -> np.ndarray:
    """Check an ASCII maze map and return it as a 2-D array of one-character tiles.

    Parameters
    ----------
    desc : str or sequence of str
        The map, one string per row (or one string with newlines). Tiles:
        ``S`` start, ``.`` floor, ``#`` wall, ``G`` goal (the door), ``T``
        trap; FrozenLake's ``F`` and ``H`` are read as ``.`` and ``T``.

    Returns
    -------
    ndarray of shape (n_rows, n_cols) and dtype '<U1'

    Raises
    ------
    ValueError
        If the rows differ in length, a tile is unknown, there is no ``S`` or
        no ``G``, or no path leads from a start to a goal.

    Examples
    --------
    >>> parse_map(["S.#", "..G"]).shape
    (2, 3)
    >>> parse_map(["S#G"])
    Traceback (most recent call last):
    ...
    ValueError: The 'desc' parameter of GridMaze must be a solvable map: ...
    """
    rows = _map_text(desc)
    allowed = ", ".join(repr(t) for t in TILES)
    for i, row in enumerate(rows):
        for j, char in enumerate(row):
            if char not in TILES and char not in _ALIASES:
                raise ValueError(
                    param_message(
                        "desc",
                        f"a map made of the tiles {allowed} (or FrozenLake's 'F' and 'H')",
                        desc,
                        owner="GridMaze",
                    )
                    + f" Row {i}, column {j} holds the unknown character {char!r}."
                )
    grid = np.array([[_ALIASES.get(c, c) for c in row] for row in rows], dtype="<U1")
    for tile, name in (("S", "start"), ("G", "goal")):
        if not (grid == tile).any():
            raise ValueError(
                param_message(
                    "desc",
                    f"a map with at least one {tile!r} ({name}) tile",
                    desc,
                    owner="GridMaze",
                )
            )
    if not has_path(grid):
        raise ValueError(
            param_message(
                "desc",
                "a solvable map: a path must lead from 'S' to a 'G' without crossing "
                "a '#' wall or a 'T' trap",
                desc,
                owner="GridMaze",
            )
        )
    return grid


def has_path(grid: np.ndarray) -> bool:
    """Tell whether a goal can be reached from every start (breadth-first search).

    Parameters
    ----------
    grid : ndarray of shape (n_rows, n_cols)
        One-character tiles, as returned by :func:`parse_map`.

    Returns
    -------
    bool

    Examples
    --------
    >>> has_path(np.array([list("S.G")]))
    True
    >>> has_path(np.array([list("S#G")]))
    False
    """
    n_rows, n_cols = grid.shape
    starts = list(zip(*np.nonzero(grid == "S"), strict=True))
    if not starts:
        return False
    for start in starts:
        seen = {start}
        queue = deque([start])
        found = False
        while queue and not found:
            r, c = queue.popleft()
            for dr, dc in ((0, -1), (1, 0), (0, 1), (-1, 0)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < n_rows and 0 <= cc < n_cols and (rr, cc) not in seen:
                    tile = grid[rr, cc]
                    if tile == "G":
                        found = True
                        break
                    if tile in ".S":
                        seen.add((rr, cc))
                        queue.append((rr, cc))
        if not found:
            return False
    return True


def generate_maze(
    n_rows: int = 8,
    n_cols: int = 8,
    *,
    wall_probability: float = 0.2,
    trap_probability: float = 0.05,
    random_state: Any = None,
) -> list[str]:
    """Generate a random maze map that always has a path from start to door.

    The start is the top-left square and the door (``G``) the bottom-right
    one. Every other square is a wall with probability ``wall_probability``,
    a trap with probability ``trap_probability`` and floor otherwise; then a
    random monotone path (right and down moves in random order) is cleared
    from start to door, so the maze is always solvable.

    Parameters
    ----------
    n_rows, n_cols : int, default=8
        Size of the maze, each at least 2.
    wall_probability : float, default=0.2
        Probability that a square is a wall, in [0, 1].
    trap_probability : float, default=0.05
        Probability that a square is a trap, in [0, 1]; with
        ``wall_probability`` it must sum to at most 1.
    random_state : int, numpy.random.Generator or None, default=None
        Seed of the draw.

    Returns
    -------
    list of str
        The map, one string per row, ready for ``GridMaze(desc=...)``.

    Examples
    --------
    >>> desc = generate_maze(4, 5, random_state=0)
    >>> len(desc), len(desc[0]), desc[0][0], desc[-1][-1]
    (4, 5, 'S', 'G')
    >>> generate_maze(4, 5, random_state=0) == desc
    True
    """
    owner = "generate_maze"
    check_scalar(n_rows, "n_rows", numbers.Integral, owner=owner, min_val=2)
    check_scalar(n_cols, "n_cols", numbers.Integral, owner=owner, min_val=2)
    check_scalar(
        wall_probability, "wall_probability", numbers.Real, owner=owner, min_val=0, max_val=1
    )
    check_scalar(
        trap_probability, "trap_probability", numbers.Real, owner=owner, min_val=0, max_val=1
    )
    if wall_probability + trap_probability > 1:
        raise ValueError(
            param_message(
                "trap_probability",
                f"at most 1 - wall_probability = {1 - wall_probability:g}",
                trap_probability,
                owner=owner,
            )
        )
    rng = check_random_state(random_state, owner=owner)
    p_floor = 1.0 - wall_probability - trap_probability
    grid = rng.choice(
        np.array(["#", "T", "."]),
        size=(n_rows, n_cols),
        p=[wall_probability, trap_probability, max(p_floor, 0.0)],
    )
    moves = np.array([1] * (n_rows - 1) + [0] * (n_cols - 1))
    rng.shuffle(moves)
    r = c = 0
    for down in moves:
        grid[r, c] = "."
        if down:
            r += 1
        else:
            c += 1
    grid[0, 0] = "S"
    grid[-1, -1] = "G"
    return ["".join(row) for row in grid]

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from ..._validation import check_in, check_scalar, param_message
from ._actions import ACTION_DELTAS, ACTION_NAMES
from ._layouts import LAYOUTS, parse_map

_DEFAULT_REWARDS = {"S": 0.0, ".": 0.0, "G": 1.0, "T": -1.0}

# RGB colours of the tiles in "rgb_array" renders.
_COLOURS = {
    "S": (198, 219, 239),
    ".": (240, 240, 240),
    "#": (64, 64, 64),
    "G": (116, 196, 118),
    "T": (239, 101, 72),
}
_AGENT_COLOUR = (33, 66, 140)


class GridMaze(gym.Env):
    """A maze read from an ASCII map: find the door, avoid the traps.

    ## Description
    The agent walks on a grid of squares. Each square has a score (its
    reward), walls block the way, traps end the episode, and the episode is
    won by reaching the door ``G``. The maze can be slippery: with
    probability ``slip_probability`` the agent slides to one of the two
    directions perpendicular to the one it chose (half each), as on
    Gymnasium's FrozenLake. With the ``"4x4"`` layout, FrozenLake's rewards
    (``rewards={"T": 0.0}``) and ``slip_probability=2/3`` this *is*
    FrozenLake-v1: same model ``P``, same random draws for the same seed.

    Map tiles: ``S`` start, ``.`` floor, ``#`` wall, ``G`` goal (the door),
    ``T`` trap; FrozenLake's ``F`` and ``H`` are read as ``.`` and ``T``.
    Built-in layouts: ``"4x4"`` and ``"8x8"`` (FrozenLake's maps), ``"maze"``
    (walls, a trap, a door; the default) and ``"cliff"`` (Sutton and
    Barto's cliff as a row of traps). :func:`generate_maze` draws random
    solvable maps.

    ## Action Space
    ``Discrete(4)``, the numbering shared by every mlcourse grid environment
    (and by FrozenLake):

    - 0: move left (``mlcourse.rl.LEFT``)
    - 1: move down (``mlcourse.rl.DOWN``)
    - 2: move right (``mlcourse.rl.RIGHT``)
    - 3: move up (``mlcourse.rl.UP``)

    A move into a wall or off the grid leaves the agent where it is.

    ## Observation Space
    ``Discrete(n_rows * n_cols)``: the agent's square as
    ``row * n_cols + col`` (row and column counted from 0, top-left first),
    returned as an ``int``. Wall squares are states too (never visited), so
    that the numbering is the plain row-major one.

    ## Starting State
    The agent starts on an ``S`` square (drawn uniformly if the map has
    several).

    ## Rewards
    Every step earns the reward of the square the agent ends on. Defaults:
    door ``G`` +1, trap ``T`` -1, floor and start 0. Pass ``rewards`` as a
    dict to change the reward of a tile type (e.g. ``{".": -0.01}`` for a
    small cost per step), or as an array of shape (n_rows, n_cols) to give
    every square its own score.

    ## Episode End
    - Termination: the agent reaches the door ``G`` (a success) or steps on
      a trap ``T``.
    - Truncation: after 100 steps when made with
      ``gymnasium.make("mlcourse/GridMaze-v0")`` (the ``max_episode_steps``
      of the registration; pass ``max_episode_steps=`` to ``make`` to
      change it).

    ## Information
    ``reset`` and ``step`` return ``{"prob": p, "is_success": bool}``: the
    probability of the transition that happened (1 on reset) and whether the
    agent stands on the door.

    ## Arguments
    ```python
    import gymnasium as gym
    import mlcourse.rl  # registers the environments

    gym.make(
        "mlcourse/GridMaze-v0",
        desc=None,              # a map (list of str); None uses `layout`
        layout="maze",          # "4x4", "8x8", "maze" or "cliff"
        slip_probability=0.0,   # in [0, 1]
        rewards=None,           # dict tile -> reward, or (n_rows, n_cols) array
        render_mode=None,       # "ansi" or "rgb_array"
    )
    ```

    The tabular model is ``env.unwrapped.P``:
    ``P[s][a] = [(prob, next_state, reward, terminated), ...]``, as on
    Gymnasium's toy-text environments. Door, trap and wall squares are
    absorbing: ``P[s][a] = [(1.0, s, 0.0, True)]``.

    Parameters
    ----------
    render_mode : {"ansi", "rgb_array"} or None, default=None
        How :meth:`render` draws the maze: text, or an RGB image array.
    desc : str or sequence of str, default=None
        The map. ``None`` uses ``layout``.
    layout : {"maze", "4x4", "8x8", "cliff"}, default="maze"
        A built-in map, used when ``desc`` is None.
    slip_probability : float, default=0.0
        Probability, in [0, 1], of sliding perpendicular to the chosen move.
    rewards : dict or array-like of shape (n_rows, n_cols), default=None
        Rewards per tile type (merged with the defaults) or per square.

    Attributes
    ----------
    desc : ndarray of shape (n_rows, n_cols)
        The map, one tile character per square.
    P : dict
        The tabular model ``P[s][a] = [(prob, next_state, reward, terminated), ...]``.
    square_rewards : ndarray of shape (n_rows, n_cols)
        The reward of ending a step on each square.
    initial_state_distrib : ndarray of shape (n_states,)
        Probability of starting on each square.

    Examples
    --------
    >>> import gymnasium as gym
    >>> import mlcourse.rl
    >>> env = gym.make("mlcourse/GridMaze-v0", layout="4x4")
    >>> env.reset(seed=0)
    (0, {'prob': 1.0, 'is_success': False})
    >>> obs, reward, terminated, truncated, info = env.step(mlcourse.rl.RIGHT)
    >>> obs, reward, terminated
    (1, 0.0, False)
    """

    metadata: dict[str, Any] = {"render_modes": ["ansi", "rgb_array"], "render_fps": 4}

    def __init__(
        self,
        render_mode: str | None = None,
        desc: Any = None,
        layout: str = "maze",
        slip_probability: float = 0.0,
        rewards: Mapping[str, float] | Any = None,
    ) -> None:
        owner = "GridMaze"
        if render_mode is not None:
            check_in(render_mode, "render_mode", self.metadata["render_modes"], owner=owner)
        if desc is None:
            check_in(layout, "layout", LAYOUTS, owner=owner)
            desc = LAYOUTS[layout]
        self.desc = grid = parse_map(desc)
        check_scalar(
            slip_probability, "slip_probability", numbers.Real, owner=owner, min_val=0, max_val=1
        )
        self.slip_probability = float(slip_probability)
        self.nrow, self.ncol = n_rows, n_cols = grid.shape
        self.square_rewards = _square_rewards(rewards, grid)

        n_states, n_actions = n_rows * n_cols, len(ACTION_NAMES)
        self.observation_space = spaces.Discrete(n_states)
        self.action_space = spaces.Discrete(n_actions)
        starts = (grid == "S").ravel().astype(float)
        self.initial_state_distrib = starts / starts.sum()
        self._start_cumsum = np.cumsum(self.initial_state_distrib).tolist()
        self._start_cumsum[-1] = math.inf

        self.P: dict[int, dict[int, list[tuple[float, int, float, bool]]]] = {}
        for s in range(n_states):
            r, c = divmod(s, n_cols)
            self.P[s] = {}
            for a in range(n_actions):
                if grid[r, c] in "GT#":
                    self.P[s][a] = [(1.0, s, 0.0, True)]
                elif self.slip_probability == 0.0:
                    self.P[s][a] = [(1.0, *self._move(r, c, a))]
                else:
                    side = self.slip_probability / 2.0
                    self.P[s][a] = [
                        (1.0 - self.slip_probability if b == a else side, *self._move(r, c, b))
                        for b in ((a - 1) % 4, a, (a + 1) % 4)
                    ]
        # The same model as flat tuples, for a fast step: per (s, a) the
        # cumulative probabilities (last one infinite), next states, rewards,
        # terminations and probabilities.
        self._table = [
            [
                (
                    [*np.cumsum([t[0] for t in self.P[s][a]]).tolist()[:-1], math.inf],
                    [t[1] for t in self.P[s][a]],
                    [t[2] for t in self.P[s][a]],
                    [t[3] for t in self.P[s][a]],
                    [t[0] for t in self.P[s][a]],
                )
                for a in range(n_actions)
            ]
            for s in range(n_states)
        ]
        self._goal = (grid == "G").ravel().tolist()
        self.render_mode = render_mode
        self.s = int(np.argmax(self.initial_state_distrib))
        self.lastaction: int | None = None

    def _move(self, row: int, col: int, action: int) -> tuple[int, float, bool]:
        dr, dc = ACTION_DELTAS[action]
        rr, cc = row + dr, col + dc
        if not (0 <= rr < self.nrow and 0 <= cc < self.ncol) or self.desc[rr, cc] == "#":
            rr, cc = row, col
        tile = self.desc[rr, cc]
        return rr * self.ncol + cc, float(self.square_rewards[rr, cc]), bool(tile in "GT")

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        """Start a new episode on a start square.

        Parameters
        ----------
        seed : int, default=None
            Seeds the environment's random generator ``np_random``.
        options : dict, default=None
            Unused.

        Returns
        -------
        observation : int
            The start square.
        info : dict
            ``{"prob": 1.0, "is_success": False}``.
        """
        super().reset(seed=seed)
        return self._fast_reset(), {"prob": 1.0, "is_success": False}

    def _fast_reset(self) -> int:
        # One uniform draw, as Gymnasium's categorical_sample does on FrozenLake.
        u = self.np_random.random()
        i = 0
        cum = self._start_cumsum
        while cum[i] <= u:
            i += 1
        self.s = i
        self.lastaction = None
        return i

    def step(self, action: int) -> tuple[int, float, bool, bool, dict[str, Any]]:
        """Move the agent one square.

        Parameters
        ----------
        action : int
            0 left, 1 down, 2 right, 3 up.

        Returns
        -------
        observation : int
            The new square.
        reward : float
            The reward of the square the agent ends on.
        terminated : bool
            Whether the agent reached the door or a trap.
        truncated : bool
            Always False here: the time limit is the ``TimeLimit`` wrapper's.
        info : dict
            ``{"prob": p, "is_success": bool}``.
        """
        if not 0 <= action < 4:
            raise ValueError(
                param_message("action", "an int in {0, 1, 2, 3}", action, owner="GridMaze.step")
            )
        cum, nxt, rew, term, prob = self._table[self.s][action]
        u = self.np_random.random()
        i = 0
        while cum[i] <= u:
            i += 1
        s = self.s = nxt[i]
        self.lastaction = int(action)
        return s, rew[i], term[i], False, {"prob": prob[i], "is_success": self._goal[s]}

    def _fast_step(self, action: int) -> tuple[int, float, bool, bool]:
        # step() without the info dict and the checks, for mlcourse's agents:
        # the same single uniform draw, hence the same trajectory for a seed.
        cum, nxt, rew, term, _ = self._table[self.s][action]
        u = self.np_random.random()
        i = 0
        while cum[i] <= u:
            i += 1
        self.s = nxt[i]
        return nxt[i], rew[i], term[i], False

    def render(self) -> str | np.ndarray | None:  # type: ignore[override]
        """Draw the maze: text for ``"ansi"``, an RGB array for ``"rgb_array"``.

        Returns
        -------
        str or ndarray of shape (height, width, 3) or None
            None when the environment has no ``render_mode``.
        """
        if self.render_mode == "ansi":
            return self._render_text()
        if self.render_mode == "rgb_array":
            return self._render_rgb()
        return None

    def _render_text(self) -> str:
        from gymnasium.utils import colorize

        rows = [list(row) for row in self.desc]
        r, c = divmod(self.s, self.ncol)
        rows[r][c] = colorize(rows[r][c], "red", highlight=True)
        head = (
            f"  ({ACTION_NAMES[self.lastaction].capitalize()})\n"
            if self.lastaction is not None
            else "\n"
        )
        return head + "\n".join("".join(row) for row in rows) + "\n"

    def _render_rgb(self, cell: int = 24) -> np.ndarray:
        image = np.zeros((self.nrow * cell, self.ncol * cell, 3), dtype=np.uint8)
        for (r, c), tile in np.ndenumerate(self.desc):
            image[r * cell : (r + 1) * cell, c * cell : (c + 1) * cell] = _COLOURS[str(tile)]
        image[::cell, :] = 200
        image[:, ::cell] = 200
        r, c = divmod(self.s, self.ncol)
        yy, xx = np.mgrid[0:cell, 0:cell]
        disc = (yy - cell / 2 + 0.5) ** 2 + (xx - cell / 2 + 0.5) ** 2 <= (cell / 3) ** 2
        image[r * cell : (r + 1) * cell, c * cell : (c + 1) * cell][disc] = _AGENT_COLOUR
        return image


def _square_rewards(rewards: Any, grid: np.ndarray) -> np.ndarray:
    owner = "GridMaze"
    if rewards is None or isinstance(rewards, Mapping):
        table = dict(_DEFAULT_REWARDS)
        for tile, value in (rewards or {}).items():
            if tile not in _DEFAULT_REWARDS:
                keys = ", ".join(repr(k) for k in _DEFAULT_REWARDS)
                raise ValueError(
                    param_message(
                        "rewards",
                        f"a dict whose keys are among {keys} (walls are never entered)",
                        rewards,
                        owner=owner,
                    )
                )
            check_scalar(value, f"rewards[{tile!r}]", numbers.Real, owner=owner)
            if not math.isfinite(value):
                raise ValueError(param_message(f"rewards[{tile!r}]", "a finite float", value))
            table[tile] = float(value)
        out = np.zeros(grid.shape)
        for tile, value in table.items():
            out[grid == tile] = value
        return out
    try:
        out = np.asarray(rewards, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            param_message(
                "rewards", "a dict tile -> reward or an array of floats", rewards, owner=owner
            )
        ) from None
    if out.shape != grid.shape or not np.isfinite(out).all():
        raise ValueError(
            param_message(
                "rewards",
                f"a dict tile -> reward or a finite array of shape {grid.shape} (one per square)",
                out,
                owner=owner,
            )
        )
    return out.copy()

"""Display objects for reinforcement learning: policy arrows, value heat maps, learning curves.

matplotlib is imported inside ``plot`` only, so ``import mlcourse.rl`` does not load it.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .._validation import check_in, check_scalar, param_message
from .agents._base import _check_learned
from .envs._actions import ACTION_DELTAS

# Gymnasium's CliffWalking numbers its actions up, right, down, left.
_CLIFF_DELTAS = ((-1, 0), (0, 1), (1, 0), (0, -1))

_TILE_COLOURS = {"#": "0.25", "T": "#ef6548", "G": "#74c476"}

_METRIC_LABELS = {
    "episode_return": ("episode", "return per episode"),
    "episode_length": ("episode", "steps per episode"),
    "epsilon": ("episode", "exploration rate ε"),
    "learning_rate": ("episode", "learning rate α"),
    "delta": ("iteration", "largest value change"),
    "n_changed": ("iteration", "states that changed action"),
}


def grid_geometry(env: Any) -> tuple[np.ndarray, tuple[tuple[int, int], ...]]:
    """Return the tile map of a grid environment and its action directions.

    Parameters
    ----------
    env : gymnasium.Env
        mlcourse's :class:`~mlcourse.rl.GridMaze` or Gymnasium's FrozenLake
        or CliffWalking (wrapped or not).

    Returns
    -------
    tiles : ndarray of shape (n_rows, n_cols)
        One GridMaze tile character per square (``S . # G T``).
    action_deltas : tuple of (int, int)
        (row change, column change) of each action number.

    Examples
    --------
    >>> import gymnasium as gym
    >>> tiles, deltas = grid_geometry(gym.make("CliffWalking-v1"))
    >>> tiles.shape, "".join(tiles[3]), deltas[0]
    ((4, 12), 'STTTTTTTTTTG', (-1, 0))
    """
    base = env.unwrapped
    name = type(base).__name__
    desc = getattr(base, "desc", None)
    n_states = getattr(base.observation_space, "n", None)
    if desc is not None and np.asarray(desc).size == n_states:  # one state per square
        tiles = np.array(
            [[(c.decode() if isinstance(c, bytes) else str(c)) for c in row] for row in desc]
        )
        tiles = np.vectorize(lambda c: {"F": ".", "H": "T"}.get(c, c))(tiles).astype("<U1")
        return tiles, ACTION_DELTAS
    if name == "CliffWalkingEnv":
        n_rows, n_cols = (int(x) for x in base.shape)
        tiles = np.full((n_rows, n_cols), ".", dtype="<U1")
        tiles[n_rows - 1, 1 : n_cols - 1] = "T"  # Sutton and Barto's cliff
        tiles[n_rows - 1, 0] = "S"
        tiles[n_rows - 1, n_cols - 1] = "G"
        return tiles, _CLIFF_DELTAS
    raise ValueError(
        param_message(
            "env",
            "a grid environment (mlcourse's GridMaze, Gymnasium's FrozenLake or CliffWalking)",
            name,
            owner="GridPolicyDisplay",
        )
    )


class GridPolicyDisplay:
    """Heat map of state values with the policy drawn as arrows on the grid.

    Walls are dark, traps red and doors green; a square shows an arrow
    pointing where the policy moves.

    Parameters
    ----------
    values : array-like of shape (n_rows, n_cols)
        State values (``V``), one per square.
    policy : array-like of shape (n_rows, n_cols), default=None
        Action per square; None draws no arrows.
    tiles : array-like of shape (n_rows, n_cols), default=None
        GridMaze tile characters (``S . # G T``); None treats every square
        as floor.
    action_deltas : sequence of (int, int), default=None
        (row change, column change) of each action number; None uses the
        mlcourse/FrozenLake numbering (0 left, 1 down, 2 right, 3 up).

    Attributes
    ----------
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.
    image_ : matplotlib AxesImage
        The heat map.

    Examples
    --------
    >>> import gymnasium as gym
    >>> import mlcourse.rl
    >>> from mlcourse.rl import GridPolicyDisplay, ValueIteration
    >>> env = gym.make("mlcourse/GridMaze-v0")
    >>> agent = ValueIteration(gamma=0.9).learn(env)
    >>> disp = GridPolicyDisplay.from_agent(agent, env)
    >>> disp.ax_.get_title()
    'Greedy policy and state values'
    """

    def __init__(
        self,
        values: Any,
        policy: Any = None,
        *,
        tiles: Any = None,
        action_deltas: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        self.values = values
        self.policy = policy
        self.tiles = tiles
        self.action_deltas = action_deltas

    @classmethod
    def from_agent(
        cls,
        agent: Any,
        env: Any,
        *,
        ax: Any = None,
        show_values: bool = True,
        show_policy: bool = True,
        cmap: str = "viridis",
        title: str | None = None,
    ) -> GridPolicyDisplay:
        """Plot a learned agent's greedy policy and state values on its grid.

        Parameters
        ----------
        agent : object
            A learned mlcourse agent (with ``policy_`` and ``V_``).
        env : gymnasium.Env
            The grid environment it learned on.
        ax : matplotlib Axes, default=None
            Axes to draw on; None creates a figure.
        show_values : bool, default=True
            Draw the value heat map.
        show_policy : bool, default=True
            Draw the policy arrows.
        cmap : str, default="viridis"
            Colour map of the values.
        title : str, default=None
            Title; None uses a default.

        Returns
        -------
        GridPolicyDisplay
        """
        _check_learned(agent)
        tiles, deltas = grid_geometry(env)
        n_states = tiles.size
        values = np.asarray(agent.V_, dtype=float)
        if values.shape != (n_states,):
            raise ValueError(
                param_message(
                    "env",
                    f"the grid the agent learned on ({values.shape[0]} states)",
                    f"a grid of {n_states} squares",
                    owner="GridPolicyDisplay.from_agent",
                )
            )
        disp = cls(
            values.reshape(tiles.shape),
            np.asarray(agent.policy_).reshape(tiles.shape),
            tiles=tiles,
            action_deltas=deltas,
        )
        return disp.plot(
            ax=ax, show_values=show_values, show_policy=show_policy, cmap=cmap, title=title
        )

    def plot(
        self,
        *,
        ax: Any = None,
        show_values: bool = True,
        show_policy: bool = True,
        cmap: str = "viridis",
        colorbar: bool = True,
        value_label: str = "state value V(s)",
        title: str | None = None,
    ) -> GridPolicyDisplay:
        """Draw the heat map and the arrows.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; None creates a figure.
        show_values : bool, default=True
            Draw the value heat map (and the values as text on small grids).
        show_policy : bool, default=True
            Draw the policy arrows.
        cmap : str, default="viridis"
            Colour map of the values.
        colorbar : bool, default=True
            Add a colour bar.
        value_label : str, default="state value V(s)"
            Label of the colour bar (e.g. "reward" to show square rewards).
        title : str, default=None
            Title; None uses a default.

        Returns
        -------
        self : GridPolicyDisplay
        """
        import matplotlib.pyplot as plt
        from matplotlib.colors import to_rgba

        values = np.asarray(self.values, dtype=float)
        if values.ndim != 2:
            raise ValueError(
                param_message(
                    "values",
                    "an array of shape (n_rows, n_cols)",
                    values,
                    owner="GridPolicyDisplay",
                )
            )
        n_rows, n_cols = values.shape
        tiles = (
            np.full(values.shape, ".", dtype="<U1")
            if self.tiles is None
            else np.asarray(self.tiles, dtype="<U1")
        )
        deltas = ACTION_DELTAS if self.action_deltas is None else tuple(self.action_deltas)
        if ax is None:
            fig, ax = plt.subplots(figsize=(min(1 + 0.8 * n_cols, 10), min(1 + 0.8 * n_rows, 7)))
        special = np.isin(tiles, list(_TILE_COLOURS))
        shown = np.ma.masked_array(values, mask=special | (not show_values))
        self.image_ = ax.imshow(shown, cmap=cmap, origin="upper")
        if show_values and colorbar:
            ax.figure.colorbar(self.image_, ax=ax, label=value_label, shrink=0.8)
        overlay = np.zeros((n_rows, n_cols, 4))
        for tile, colour in _TILE_COLOURS.items():
            overlay[tiles == tile] = to_rgba(colour)
        ax.imshow(overlay, origin="upper")
        small = n_rows * n_cols <= 64
        finite = values[~special]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        for (r, c), tile in np.ndenumerate(tiles):
            if tile in ("G", "T", "S"):
                ax.text(c - 0.3, r - 0.3, tile, ha="center", va="center", fontsize=7)
            if show_values and small and tile not in _TILE_COLOURS:
                bright = hi > lo and (values[r, c] - lo) / (hi - lo) > 0.6
                ax.text(
                    c,
                    r + 0.33,
                    f"{values[r, c]:.2f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="black" if bright else "white",
                )
        if show_policy and self.policy is not None:
            policy = np.asarray(self.policy, dtype=int)
            rows, cols = np.nonzero(~special)
            acts = policy[rows, cols]
            dr = np.array([deltas[a][0] for a in acts], dtype=float)
            dc = np.array([deltas[a][1] for a in acts], dtype=float)
            ax.quiver(
                cols,
                rows - 0.05,
                dc,
                dr,  # rows grow downwards, as the y axis of the image does
                color="white",
                edgecolor="black",
                linewidth=0.6,
                pivot="middle",
                angles="xy",
                scale=2.4,
                scale_units="xy",
                width=0.006 * max(1.0, 8 / max(n_rows, n_cols)) ** 0.5,
                headwidth=4,
                headlength=4,
                headaxislength=3.5,
            )
        ax.set_xticks(range(n_cols))
        ax.set_yticks(range(n_rows))
        ax.set_xlabel("column")
        ax.set_ylabel("row")
        if title is None:
            title = "Greedy policy and state values" if self.policy is not None else "Values"
        ax.set_title(title)
        self.ax_ = ax
        self.figure_ = ax.figure
        return self


class LearningHistoryDisplay:
    """Learning curves of one or more agents: return per episode, exploration rate, ...

    Parameters
    ----------
    histories : dict of str to dict
        Agent name mapped to its ``history_`` dict.
    metric : str, default="episode_return"
        The history key to draw: ``"episode_return"``, ``"episode_length"``,
        ``"epsilon"``, ``"learning_rate"`` (model-free agents), ``"delta"``
        or ``"n_changed"`` (planning agents).

    Attributes
    ----------
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.
    lines_ : list of matplotlib Line2D
        One line per agent.

    Examples
    --------
    >>> import gymnasium as gym
    >>> import mlcourse.rl
    >>> from mlcourse.rl import LearningHistoryDisplay, QLearning
    >>> env = gym.make("mlcourse/GridMaze-v0", layout="4x4")
    >>> agent = QLearning().learn(env, episodes=100, seed=0)
    >>> disp = LearningHistoryDisplay.from_agents({"Q-learning": agent}, window=10)
    >>> len(disp.lines_)
    1
    """

    def __init__(self, histories: Mapping[str, Mapping[str, Any]], metric: str = "episode_return"):
        self.histories = histories
        self.metric = metric

    @classmethod
    def from_agents(
        cls,
        agents: Any,
        *,
        metric: str = "episode_return",
        window: int = 1,
        ax: Any = None,
        title: str | None = None,
    ) -> LearningHistoryDisplay:
        """Plot the learning curves of learned agents.

        Parameters
        ----------
        agents : dict of str to agent, or list of agents
            The agents; a list is labelled by class name.
        metric : str, default="episode_return"
            The history key to draw.
        window : int, default=1
            Width of the moving average (1: raw values).
        ax : matplotlib Axes, default=None
            Axes to draw on; None creates a figure.
        title : str, default=None
            Title; None uses a default.

        Returns
        -------
        LearningHistoryDisplay
        """
        if not isinstance(agents, Mapping):
            agents = {type(a).__name__: a for a in agents}
        for agent in agents.values():
            _check_learned(agent)
        histories = {name: agent.history_ for name, agent in agents.items()}
        return cls(histories, metric=metric).plot(ax=ax, window=window, title=title)

    def plot(
        self, *, ax: Any = None, window: int = 1, title: str | None = None
    ) -> LearningHistoryDisplay:
        """Draw one line per agent, smoothed by a moving average.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; None creates a figure.
        window : int, default=1
            Width of the moving average (1: raw values).
        title : str, default=None
            Title; None uses a default.

        Returns
        -------
        self : LearningHistoryDisplay
        """
        import matplotlib.pyplot as plt

        owner = "LearningHistoryDisplay"
        check_scalar(window, "window", numbers.Integral, owner=owner, min_val=1)
        keys = sorted({k for h in self.histories.values() for k in h})
        check_in(self.metric, "metric", keys, owner=owner)
        if ax is None:
            fig, ax = plt.subplots(figsize=(7, 4))
        self.lines_ = []
        for name, history in self.histories.items():
            y = np.asarray(history[self.metric], dtype=float)
            x = np.arange(1, len(y) + 1)
            if window > 1 and len(y) >= window:
                y = np.convolve(y, np.ones(window) / window, mode="valid")
                x = x[window - 1 :]
            (line,) = ax.plot(x, y, label=name)
            self.lines_.append(line)
        xlabel, ylabel = _METRIC_LABELS.get(self.metric, ("episode", self.metric))
        if window > 1:
            ylabel += f"\n(moving average over {window})"
        if self.metric == "delta":
            ax.set_yscale("log")
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_title(
            title or f"Learning curve: {_METRIC_LABELS.get(self.metric, ('', self.metric))[1]}"
        )
        if len(self.lines_) > 1:
            ax.legend()
        self.ax_ = ax
        self.figure_ = ax.figure
        return self

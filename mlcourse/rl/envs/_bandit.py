from __future__ import annotations

import numbers
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from ..._validation import check_in, check_scalar, param_message

_DEFAULT_MEANS = (0.2, 0.5, 0.35, 0.7, 0.45)


class MultiArmedBandit(gym.Env):
    """A row of slot machines: exploration against exploitation in one state.

    ## Description
    Each action pulls one of ``n_arms`` arms. An arm pays a random reward
    whose mean the agent does not know: a coin flip (Bernoulli arms, reward
    1 with probability ``means[a]``, else 0) or a Gaussian draw (mean
    ``means[a]``, standard deviation ``stds[a]``). To earn the most the agent
    must *explore* (try arms to learn their means) and *exploit* (pull the
    best arm found so far).

    Each pull is one episode (as in the ``gym-bandits`` environments), so a
    tabular agent's Q-table has one row and the Q-learning update
    ``Q[a] += alpha * (r - Q[a])`` is the classic bandit estimate; the
    learning curve of returns per episode is the reward per pull.

    ## Action Space
    ``Discrete(n_arms)``: the arm to pull, numbered from 0. (The grid
    environments' left/down/right/up numbering has no meaning here.)

    ## Observation Space
    ``Discrete(1)``: a bandit has a single state, always observed as ``0``.

    ## Starting State
    Always ``0``.

    ## Rewards
    Bernoulli arms pay 1.0 with probability ``means[a]`` and 0.0 otherwise;
    Gaussian arms pay a draw from ``Normal(means[a], stds[a])``.

    ## Episode End
    - Termination: after every pull (an episode is one pull).
    - Truncation: none.

    ## Information
    ``step`` returns ``{"mean": means[a], "regret": max(means) - means[a]}``:
    the expected reward of the pulled arm and what was lost in expectation by
    not pulling the best arm. ``reset`` returns ``{}``.

    ## Arguments
    ```python
    import gymnasium as gym
    import mlcourse.rl  # registers the environments

    gym.make(
        "mlcourse/MultiArmedBandit-v0",
        means=(0.2, 0.5, 0.35, 0.7, 0.45),  # one per arm
        distribution="bernoulli",            # or "gaussian"
        stds=1.0,                            # Gaussian arms only
        render_mode=None,                    # "ansi" or "rgb_array"
    )
    ```

    Parameters
    ----------
    render_mode : {"ansi", "rgb_array"} or None, default=None
        How :meth:`render` draws the arms.
    means : array-like of shape (n_arms,), default=(0.2, 0.5, 0.35, 0.7, 0.45)
        Expected reward of each arm; in [0, 1] for Bernoulli arms.
    distribution : {"bernoulli", "gaussian"}, default="bernoulli"
        Reward distribution of the arms.
    stds : float or array-like of shape (n_arms,), default=1.0
        Standard deviations of Gaussian arms (positive); unused for Bernoulli.

    Attributes
    ----------
    means : ndarray of shape (n_arms,)
        Expected reward of each arm.
    stds : ndarray of shape (n_arms,)
        Standard deviation of each arm's reward.
    best_arm : int
        The arm with the highest mean (the first one on ties).

    Examples
    --------
    >>> import gymnasium as gym
    >>> import mlcourse.rl
    >>> env = gym.make("mlcourse/MultiArmedBandit-v0", means=[0.0, 1.0])
    >>> env.reset(seed=0)
    (0, {})
    >>> obs, reward, terminated, truncated, info = env.step(1)
    >>> reward, terminated, info
    (1.0, True, {'mean': 1.0, 'regret': 0.0})
    """

    metadata: dict[str, Any] = {"render_modes": ["ansi", "rgb_array"], "render_fps": 4}

    def __init__(
        self,
        render_mode: str | None = None,
        means: Any = _DEFAULT_MEANS,
        distribution: str = "bernoulli",
        stds: Any = 1.0,
    ) -> None:
        owner = "MultiArmedBandit"
        if render_mode is not None:
            check_in(render_mode, "render_mode", self.metadata["render_modes"], owner=owner)
        check_in(distribution, "distribution", ["bernoulli", "gaussian"], owner=owner)
        try:
            arr = np.asarray(means, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(
                param_message("means", "an array-like of floats", means, owner=owner)
            ) from None
        if arr.ndim != 1 or arr.size < 1 or not np.isfinite(arr).all():
            raise ValueError(
                param_message(
                    "means", "a finite 1-D array-like with one mean per arm", means, owner=owner
                )
            )
        if distribution == "bernoulli" and ((arr < 0) | (arr > 1)).any():
            raise ValueError(
                param_message(
                    "means",
                    "probabilities in [0, 1] for Bernoulli arms (use distribution='gaussian' "
                    "for other means)",
                    means,
                    owner=owner,
                )
            )
        if isinstance(stds, numbers.Real):
            check_scalar(stds, "stds", numbers.Real, owner=owner, min_val=0, closed="neither")
        expected = f"positive finite floats: one, or one per arm ({arr.size})"
        try:
            std = np.broadcast_to(np.asarray(stds, dtype=float), arr.shape).copy()
        except (TypeError, ValueError):
            raise ValueError(param_message("stds", expected, stds, owner=owner)) from None
        if not (np.isfinite(std).all() and (std > 0).all()):
            raise ValueError(param_message("stds", expected, stds, owner=owner))
        self.means = arr.copy()
        self.stds = std
        self.distribution = distribution
        self.best_arm = int(np.argmax(arr))
        self._means = arr.tolist()
        self._stds = std.tolist()
        self._regret = (arr.max() - arr).tolist()
        self._bernoulli = distribution == "bernoulli"
        self.observation_space = spaces.Discrete(1)
        self.action_space = spaces.Discrete(arr.size)
        self.render_mode = render_mode
        self.lastaction: int | None = None
        self.lastreward: float | None = None

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        """Start a new episode (one pull).

        Parameters
        ----------
        seed : int, default=None
            Seeds the environment's random generator ``np_random``.
        options : dict, default=None
            Unused.

        Returns
        -------
        observation : int
            Always 0.
        info : dict
            Empty.
        """
        super().reset(seed=seed)
        return 0, {}

    def _fast_reset(self) -> int:
        return 0

    def step(self, action: int) -> tuple[int, float, bool, bool, dict[str, Any]]:
        """Pull an arm.

        Parameters
        ----------
        action : int
            The arm, in ``range(n_arms)``.

        Returns
        -------
        observation : int
            Always 0.
        reward : float
            The arm's payout.
        terminated : bool
            Always True: an episode is one pull.
        truncated : bool
            Always False.
        info : dict
            ``{"mean": means[a], "regret": max(means) - means[a]}``.
        """
        n_arms = len(self._means)
        if not 0 <= action < n_arms:
            raise ValueError(
                param_message(
                    "action", f"an arm in range({n_arms})", action, owner="MultiArmedBandit.step"
                )
            )
        _, reward, _, _ = self._fast_step(action)
        return 0, reward, True, False, {"mean": self._means[action], "regret": self._regret[action]}

    def _fast_step(self, action: int) -> tuple[int, float, bool, bool]:
        rng = self.np_random
        if self._bernoulli:
            reward = 1.0 if rng.random() < self._means[action] else 0.0
        else:
            reward = self._means[action] + self._stds[action] * float(rng.standard_normal())
        self.lastaction = int(action)
        self.lastreward = reward
        return 0, reward, True, False

    def render(self) -> str | np.ndarray | None:  # type: ignore[override]
        """Draw the arms: text for ``"ansi"``, an RGB array for ``"rgb_array"``.

        Returns
        -------
        str or ndarray of shape (height, width, 3) or None
            None when the environment has no ``render_mode``.
        """
        if self.render_mode == "ansi":
            lines = []
            for a, mean in enumerate(self._means):
                mark = ""
                if a == self.lastaction:
                    mark = f"  <- pulled, paid {self.lastreward:g}"
                lines.append(f"arm {a}: mean {mean:.3g}{mark}")
            return "\n".join(lines) + "\n"
        if self.render_mode == "rgb_array":
            return self._render_rgb()
        return None

    def _render_rgb(self, width: int = 24, height: int = 96) -> np.ndarray:
        n_arms = len(self._means)
        image = np.full((height, n_arms * width, 3), 240, dtype=np.uint8)
        lo, hi = min(0.0, float(self.means.min())), float(self.means.max())
        span = hi - lo if hi > lo else 1.0
        for a, mean in enumerate(self._means):
            bar = int(round((mean - lo) / span * (height - 8)))
            colour = (33, 66, 140) if a == self.lastaction else (150, 150, 150)
            image[height - bar : height, a * width + 3 : (a + 1) * width - 3] = colour
        return image

"""What every tabular agent shares: parameters, environment checks, the episode runner."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, cast

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from ..._validation import param_message

#: Steps after which an episode is cut when neither the environment (a
#: ``TimeLimit`` wrapper) nor the caller (``max_steps``) sets a limit.
DEFAULT_MAX_STEPS = 1_000

StepFn = Callable[[int], tuple[int, float, bool, bool]]
ResetFn = Callable[[int | None], int]


class BaseAgent:
    """Parameters handling and the greedy policy shared by all agents.

    Subclasses store their keyword arguments verbatim in ``__init__`` (as
    scikit-learn estimators do) and set ``policy_`` in ``learn``.
    """

    policy_: np.ndarray

    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return [p for p in sig.parameters if p != "self"]

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Return the agent's hyperparameters.

        Parameters
        ----------
        deep : bool, default=True
            Unused; kept for scikit-learn compatibility.

        Returns
        -------
        dict
            Parameter names mapped to their values.

        Examples
        --------
        >>> from mlcourse.rl import QLearning
        >>> QLearning(gamma=0.9).get_params()["gamma"]
        0.9
        """
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> BaseAgent:
        """Set hyperparameters and return the agent.

        Parameters
        ----------
        **params : dict
            New values of existing parameters.

        Returns
        -------
        self : object
            The agent.

        Examples
        --------
        >>> from mlcourse.rl import QLearning
        >>> QLearning().set_params(gamma=0.5).gamma
        0.5
        """
        valid = self._param_names()
        for name, value in params.items():
            if name not in valid:
                raise ValueError(
                    param_message(
                        "params",
                        "parameter names of " + type(self).__name__ + ": " + ", ".join(valid),
                        name,
                        owner="set_params",
                    )
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        sig = inspect.signature(type(self).__init__)
        changed = [
            f"{name}={getattr(self, name)!r}"
            for name, p in sig.parameters.items()
            if name != "self" and getattr(self, name) != p.default
        ]
        return f"{type(self).__name__}({', '.join(changed)})"

    def predict(self, observation: Any) -> Any:
        """Return the greedy action for an observation (or an array of them).

        Parameters
        ----------
        observation : int or array-like of int
            State(s), as the environment numbers them.

        Returns
        -------
        int or ndarray of int
            The action(s) of ``policy_``.

        Examples
        --------
        >>> import gymnasium as gym
        >>> import mlcourse.rl
        >>> from mlcourse.rl import ValueIteration
        >>> env = gym.make("mlcourse/GridMaze-v0", layout="4x4")
        >>> agent = ValueIteration(gamma=0.9).learn(env)
        >>> agent.predict(14)  # next to the door: go right
        2
        """
        _check_learned(self)
        obs = np.asarray(observation)
        if obs.dtype.kind not in "iu" or (obs < 0).any() or (obs >= len(self.policy_)).any():
            raise ValueError(
                param_message(
                    "observation",
                    f"a state (int) in range({len(self.policy_)})",
                    observation,
                    owner=f"{type(self).__name__}.predict",
                )
            )
        if obs.ndim == 0:
            return int(self.policy_[int(obs)])
        return self.policy_[obs]


def _check_learned(agent: Any) -> None:
    if not hasattr(agent, "policy_"):
        from sklearn.exceptions import NotFittedError

        raise NotFittedError(
            f"This {type(agent).__name__} instance has not learned yet. "
            "Call 'learn(env, ...)' before using it."
        )


def check_discrete_env(env: Any, owner: str) -> tuple[int, int]:
    """Check that ``env`` is a Gymnasium environment with discrete spaces.

    Parameters
    ----------
    env : gymnasium.Env
        The environment.
    owner : str
        The agent or function, for the message.

    Returns
    -------
    n_states, n_actions : int
        Sizes of the observation and action spaces.

    Examples
    --------
    >>> import gymnasium as gym
    >>> check_discrete_env(gym.make("FrozenLake-v1"), "QLearning")
    (16, 4)
    """
    if not isinstance(env, gym.Env):
        raise TypeError(
            param_message(
                "env",
                "a Gymnasium environment (e.g. gymnasium.make('FrozenLake-v1'))",
                type(env).__name__,
                owner=owner,
            )
        )
    for name, space in (("observation", env.observation_space), ("action", env.action_space)):
        if not isinstance(space, spaces.Discrete):
            raise ValueError(
                param_message(
                    "env",
                    "an environment with Discrete observation and action spaces (a tabular "
                    "problem)",
                    f"{name}_space={space}",
                    owner=owner,
                )
                + " Tabular agents keep one value per state and action; discretise a "
                "continuous space first or use a function-approximation agent."
            )
        if int(space.start) != 0:
            raise ValueError(
                param_message(
                    "env",
                    "an environment whose Discrete spaces start at 0",
                    f"{name}_space={space}",
                    owner=owner,
                )
            )
    obs_space = cast(spaces.Discrete, env.observation_space)
    act_space = cast(spaces.Discrete, env.action_space)
    return int(obs_space.n), int(act_space.n)


def _time_limit(env: gym.Env) -> tuple[bool, int | None]:
    """Return (fast path available, TimeLimit steps or None).

    The fast path steps mlcourse's own environments directly, skipping the
    wrapper stack; it is only taken when every wrapper is one that does not
    change observations or rewards (the three ``gymnasium.make`` adds).
    """
    from gymnasium.wrappers import OrderEnforcing, PassiveEnvChecker, TimeLimit

    from ..envs import GridMaze, MultiArmedBandit

    limit = None
    fast = True
    layer: Any = env
    while isinstance(layer, gym.Wrapper):
        if isinstance(layer, TimeLimit):
            steps = int(layer._max_episode_steps)
            limit = steps if limit is None else min(limit, steps)
        elif not isinstance(layer, OrderEnforcing | PassiveEnvChecker):
            fast = False
        layer = layer.env
    fast = fast and type(layer) in (GridMaze, MultiArmedBandit)
    return fast, limit


def episode_runner(
    env: gym.Env, max_steps: int | None, *, fast: bool = True
) -> tuple[ResetFn, StepFn, int]:
    """Return ``reset(seed)``, ``step(action)`` and the step cap for an environment.

    ``step`` returns ``(next_state, reward, terminated, truncated)``. For
    mlcourse's environments behind ``gymnasium.make``'s standard wrappers the
    functions call the environment's own fast step (the same random draws as
    ``env.step``, without the wrapper stack and the info dict); for any other
    environment they go through ``env.step``.

    Parameters
    ----------
    env : gymnasium.Env
        The environment.
    max_steps : int or None
        Cap on the steps of an episode; None uses the environment's
        ``TimeLimit`` if it has one, else :data:`DEFAULT_MAX_STEPS`.
    fast : bool, default=True
        Allow the fast path.

    Returns
    -------
    reset, step : callable
    cap : int
        Steps after which the caller must end the episode as truncated.

    Examples
    --------
    >>> import gymnasium as gym
    >>> reset, step, cap = episode_runner(gym.make("FrozenLake-v1"), None)
    >>> reset(0), cap
    (0, 100)
    """
    can_fast, limit = _time_limit(env)
    caps = [c for c in (limit, max_steps) if c is not None]
    cap = min(caps) if caps else DEFAULT_MAX_STEPS

    if fast and can_fast:
        base: Any = env.unwrapped

        def reset_fast(seed: int | None) -> int:
            if seed is not None:
                env.reset(seed=seed)
                return int(base.s) if hasattr(base, "s") else 0
            return int(base._fast_reset())

        return reset_fast, base._fast_step, cap

    def reset(seed: int | None) -> int:
        obs, _ = env.reset(seed=seed)
        return int(obs)

    def step(action: int) -> tuple[int, float, bool, bool]:
        obs, reward, terminated, truncated, _ = env.step(action)
        return int(obs), float(reward), bool(terminated), bool(truncated)

    return reset, step, cap

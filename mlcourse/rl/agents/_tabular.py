"""Model-free tabular agents: Q-learning and SARSA with epsilon-greedy exploration."""

from __future__ import annotations

import math
import numbers
from typing import Any, cast

import numpy as np

from ..._validation import check_in, check_random_state, check_scalar, param_message
from ._base import BaseAgent, check_discrete_env, episode_runner

_SCHEDULES = ("linear", "exponential", "constant")
_BUFFER = 4096  # uniforms drawn at once by the agent's generator


def make_epsilon_schedule(
    n_episodes: int,
    *,
    epsilon: float = 1.0,
    epsilon_min: float = 0.05,
    schedule: str = "linear",
    exploration_fraction: float = 0.5,
) -> np.ndarray:
    r"""Return the exploration rate of each episode.

    Parameters
    ----------
    n_episodes : int
        Number of episodes.
    epsilon : float, default=1.0
        Exploration rate of the first episode, in [0, 1].
    epsilon_min : float, default=0.05
        Exploration rate reached after ``exploration_fraction`` of the
        episodes and kept afterwards, in [0, epsilon].
    schedule : {"linear", "exponential", "constant"}, default="linear"
        How epsilon goes from ``epsilon`` to ``epsilon_min``: in a straight
        line, geometrically (needs ``epsilon_min > 0``), or not at all
        (``epsilon`` throughout).
    exploration_fraction : float, default=0.5
        Fraction of the episodes, in (0, 1], over which epsilon decays.

    Returns
    -------
    ndarray of shape (n_episodes,)

    Notes
    -----
    With :math:`E = \lceil f \cdot n \rceil` decay episodes, episode
    :math:`e` uses
    :math:`\varepsilon_e = \max(\varepsilon_{min}, \varepsilon - (\varepsilon - \varepsilon_{min}) e / E)`
    (linear) or
    :math:`\varepsilon_e = \max(\varepsilon_{min}, \varepsilon (\varepsilon_{min}/\varepsilon)^{e/E})`
    (exponential).

    Examples
    --------
    >>> make_epsilon_schedule(5, epsilon=1.0, epsilon_min=0.2, exploration_fraction=0.4)
    array([1. , 0.6, 0.2, 0.2, 0.2])
    >>> make_epsilon_schedule(3, epsilon=0.1, schedule="constant")
    array([0.1, 0.1, 0.1])
    """
    owner = "make_epsilon_schedule"
    check_scalar(n_episodes, "n_episodes", numbers.Integral, owner=owner, min_val=1)
    _check_exploration(epsilon, epsilon_min, schedule, exploration_fraction, owner)
    e = np.arange(n_episodes, dtype=float)
    if schedule == "constant" or epsilon == epsilon_min:
        return np.full(n_episodes, float(epsilon))
    n_decay = max(1, math.ceil(exploration_fraction * n_episodes))
    frac = np.minimum(e / n_decay, 1.0)
    if schedule == "linear":
        return np.maximum(epsilon_min, epsilon - (epsilon - epsilon_min) * frac)
    return np.maximum(epsilon_min, epsilon * (epsilon_min / epsilon) ** frac)


def _check_exploration(
    epsilon: Any, epsilon_min: Any, schedule: Any, exploration_fraction: Any, owner: str
) -> None:
    check_scalar(epsilon, "epsilon", numbers.Real, owner=owner, min_val=0, max_val=1)
    check_in(schedule, "schedule", _SCHEDULES, owner=owner)
    if schedule == "constant":
        return
    check_scalar(epsilon_min, "epsilon_min", numbers.Real, owner=owner, min_val=0, max_val=epsilon)
    check_scalar(
        exploration_fraction,
        "exploration_fraction",
        numbers.Real,
        owner=owner,
        min_val=0,
        max_val=1,
        closed="right",
    )
    if schedule == "exponential" and epsilon_min == 0 and epsilon > 0:
        raise ValueError(
            param_message(
                "epsilon_min",
                "a float in (0, epsilon] for the 'exponential' schedule (a geometric decay "
                "never reaches 0)",
                epsilon_min,
                owner=owner,
            )
        )


class _TemporalDifference(BaseAgent):
    """Shared parameters, checks and bookkeeping of Q-learning and SARSA."""

    _on_policy = False

    def __init__(
        self,
        *,
        learning_rate: float = 0.1,
        gamma: float = 0.99,
        epsilon: float = 1.0,
        epsilon_min: float = 0.05,
        schedule: str = "linear",
        exploration_fraction: float = 0.5,
        learning_rate_min: float | None = None,
        initial_q: float = 0.0,
    ) -> None:
        self.learning_rate = learning_rate
        self.learning_rate_min = learning_rate_min
        self.gamma = gamma
        self.epsilon = epsilon
        self.epsilon_min = epsilon_min
        self.schedule = schedule
        self.exploration_fraction = exploration_fraction
        self.initial_q = initial_q

    def learn(
        self,
        env: Any,
        episodes: int = 1000,
        seed: Any = None,
        *,
        max_steps: int | None = None,
    ) -> _TemporalDifference:
        """Learn the Q-table by playing ``episodes`` episodes of ``env``.

        Parameters
        ----------
        env : gymnasium.Env
            Any environment with ``Discrete`` observation and action spaces:
            mlcourse's or Gymnasium's own (FrozenLake, CliffWalking, Taxi).
        episodes : int, default=1000
            Number of training episodes.
        seed : int, numpy.random.Generator or None, default=None
            Seeds the agent's exploration and the environment (its first
            ``reset``), so that a run is reproducible.
        max_steps : int, default=None
            Cap on the steps of an episode (it then ends as truncated). None
            uses the environment's ``TimeLimit``, or 1000 if it has none.

        Returns
        -------
        self : object
            The agent, with ``Q_``, ``V_``, ``policy_`` and ``history_``.
        """
        owner = type(self).__name__
        n_states, n_actions = check_discrete_env(env, owner)
        check_scalar(episodes, "episodes", numbers.Integral, owner=owner, min_val=1)
        if max_steps is not None:
            check_scalar(max_steps, "max_steps", numbers.Integral, owner=owner, min_val=1)
        check_scalar(
            self.learning_rate,
            "learning_rate",
            numbers.Real,
            owner=owner,
            min_val=0,
            max_val=1,
            closed="right",
        )
        if self.learning_rate_min is not None:
            check_scalar(
                self.learning_rate_min,
                "learning_rate_min",
                numbers.Real,
                owner=owner,
                min_val=0,
                max_val=self.learning_rate,
            )
            alphas = np.linspace(self.learning_rate, self.learning_rate_min, int(episodes))
        else:
            alphas = np.full(int(episodes), float(self.learning_rate))
        check_scalar(self.gamma, "gamma", numbers.Real, owner=owner, min_val=0, max_val=1)
        check_scalar(self.initial_q, "initial_q", numbers.Real, owner=owner)
        epsilons = make_epsilon_schedule(
            int(episodes),
            epsilon=self.epsilon,
            epsilon_min=self.epsilon_min,
            schedule=self.schedule,
            exploration_fraction=self.exploration_fraction,
        )
        rng = check_random_state(seed, owner=owner)
        env_seed = int(rng.integers(0, 2**31 - 1))
        reset, step, cap = episode_runner(env, max_steps, fast=getattr(self, "_fast", True))
        loop = _sarsa_loop if self._on_policy else _q_learning_loop
        q, returns, lengths = loop(
            reset,
            step,
            env_seed,
            rng,
            n_states=n_states,
            n_actions=n_actions,
            epsilons=epsilons.tolist(),
            alphas=alphas.tolist(),
            gamma=float(self.gamma),
            initial_q=float(self.initial_q),
            cap=cap,
        )
        self.Q_ = np.array(q, dtype=float)
        self.V_ = self.Q_.max(axis=1)
        self.policy_ = np.argmax(self.Q_, axis=1)
        self.n_episodes_ = int(episodes)
        self.history_ = {
            "episode_return": np.array(returns),
            "episode_length": np.array(lengths, dtype=int),
            "epsilon": epsilons,
            "learning_rate": alphas,
        }
        return self


def _q_learning_loop(
    reset: Any,
    step: Any,
    env_seed: int,
    rng: np.random.Generator,
    *,
    n_states: int,
    n_actions: int,
    epsilons: list[float],
    alphas: list[float],
    gamma: float,
    initial_q: float,
    cap: int,
) -> tuple[list[list[float]], list[float], list[int]]:
    # Plain Python lists and pre-drawn uniforms: per step this costs a few
    # list look-ups instead of NumPy calls on scalars. Each step uses two
    # uniforms (explore? which action?), whichever branch is taken, so the
    # random stream does not depend on the environment's speed path.
    q = [[initial_q] * n_actions for _ in range(n_states)]
    buf = rng.random(_BUFFER).tolist()
    k = 0
    returns: list[float] = []
    lengths: list[int] = []
    for episode, (eps, alpha) in enumerate(zip(epsilons, alphas, strict=True)):
        s = reset(env_seed if episode == 0 else None)
        total = 0.0
        t = 0
        while True:
            if k >= _BUFFER:
                buf = rng.random(_BUFFER).tolist()
                k = 0
            u = buf[k]
            v = buf[k + 1]
            k += 2
            row = q[s]
            if u < eps:
                a = int(v * n_actions)
            else:
                best = max(row)
                if row.count(best) == 1:
                    a = row.index(best)
                else:
                    ties = [i for i, x in enumerate(row) if x == best]
                    a = ties[int(v * len(ties))]
            s2, r, terminated, truncated = step(a)
            t += 1
            total += r
            target = r if terminated else r + gamma * max(q[s2])
            row[a] += alpha * (target - row[a])
            if terminated or truncated or t >= cap:
                break
            s = s2
        returns.append(total)
        lengths.append(t)
    return q, returns, lengths


def _sarsa_loop(
    reset: Any,
    step: Any,
    env_seed: int,
    rng: np.random.Generator,
    *,
    n_states: int,
    n_actions: int,
    epsilons: list[float],
    alphas: list[float],
    gamma: float,
    initial_q: float,
    cap: int,
) -> tuple[list[list[float]], list[float], list[int]]:
    # Same bookkeeping as _q_learning_loop; the next action is chosen before
    # the update and used in the target (on-policy).
    q = [[initial_q] * n_actions for _ in range(n_states)]
    buf = rng.random(_BUFFER).tolist()
    k = 0
    returns: list[float] = []
    lengths: list[int] = []

    for episode, (eps, alpha) in enumerate(zip(epsilons, alphas, strict=True)):
        s = reset(env_seed if episode == 0 else None)
        if k >= _BUFFER:
            buf = rng.random(_BUFFER).tolist()
            k = 0
        u = buf[k]
        v = buf[k + 1]
        k += 2
        row = q[s]
        if u < eps:
            a = int(v * n_actions)
        else:
            best = max(row)
            if row.count(best) == 1:
                a = row.index(best)
            else:
                ties = [i for i, x in enumerate(row) if x == best]
                a = ties[int(v * len(ties))]
        total = 0.0
        t = 0
        while True:
            s2, r, terminated, truncated = step(a)
            t += 1
            total += r
            if k >= _BUFFER:
                buf = rng.random(_BUFFER).tolist()
                k = 0
            u = buf[k]
            v = buf[k + 1]
            k += 2
            row2 = q[s2]
            if u < eps:
                a2 = int(v * n_actions)
            else:
                best = max(row2)
                if row2.count(best) == 1:
                    a2 = row2.index(best)
                else:
                    ties = [i for i, x in enumerate(row2) if x == best]
                    a2 = ties[int(v * len(ties))]
            row = q[s]
            target = r if terminated else r + gamma * row2[a2]
            row[a] += alpha * (target - row[a])
            if terminated or truncated or t >= cap:
                break
            s, a = s2, a2
        returns.append(total)
        lengths.append(t)
    return q, returns, lengths


class QLearning(_TemporalDifference):
    r"""Tabular Q-learning: off-policy temporal-difference control.

    The agent acts epsilon-greedily and after each step moves its estimate
    of the action value towards the reward plus the discounted value of the
    *best* next action, whatever it will actually do next:

    .. math::
        Q(s, a) \leftarrow Q(s, a) + \alpha \left[r + \gamma \max_{a'} Q(s', a') - Q(s, a)\right]

    (the target is :math:`r` alone when the step ended the episode). It
    learns the value of the greedy policy, hence the optimal path even while
    it explores.

    Parameters
    ----------
    learning_rate : float, default=0.1
        Step size :math:`\alpha`, in (0, 1].
    gamma : float, default=0.99
        Discount factor :math:`\gamma`, in [0, 1].
    epsilon : float, default=1.0
        Exploration rate of the first episode, in [0, 1].
    epsilon_min : float, default=0.05
        Final exploration rate, in [0, epsilon].
    schedule : {"linear", "exponential", "constant"}, default="linear"
        Decay of epsilon over episodes (see :func:`make_epsilon_schedule`).
    exploration_fraction : float, default=0.5
        Fraction of the episodes over which epsilon decays, in (0, 1].
    learning_rate_min : float, default=None
        If set, the step size decays linearly over the episodes from
        ``learning_rate`` to ``learning_rate_min`` (in [0, learning_rate]):
        large steps early, small steps to settle the estimates at the end.
    initial_q : float, default=0.0
        Initial value of every entry of the Q-table (a high value makes the
        agent try everything: "optimism in the face of uncertainty").

    Attributes
    ----------
    Q_ : ndarray of shape (n_states, n_actions)
        Learned action values.
    V_ : ndarray of shape (n_states,)
        State values of the greedy policy, ``Q_.max(axis=1)``.
    policy_ : ndarray of shape (n_states,)
        Greedy action per state (the lowest action number on ties).
    history_ : dict of ndarray
        Per training episode: ``"episode_return"`` (sum of rewards),
        ``"episode_length"`` (steps), ``"epsilon"`` (exploration rate) and
        ``"learning_rate"`` (step size).
    n_episodes_ : int
        Number of training episodes.

    See Also
    --------
    Sarsa : The on-policy variant.
    ValueIteration : Planning with the model ``P`` instead of trial and error.

    Notes
    -----
    Ties between equal action values are broken at random while learning.
    On mlcourse's own environments made with ``gymnasium.make`` the agent
    steps the environment directly, skipping the wrapper stack; the random
    draws, hence the results for a seed, are the same as through
    ``env.step``.

    Examples
    --------
    >>> import gymnasium as gym
    >>> import mlcourse.rl
    >>> from mlcourse.rl import QLearning, evaluate
    >>> env = gym.make("mlcourse/GridMaze-v0", layout="4x4")
    >>> agent = QLearning(learning_rate=0.5, gamma=0.9).learn(env, episodes=300, seed=0)
    >>> agent.Q_.shape
    (16, 4)
    >>> float(evaluate(agent, env, n_episodes=10, seed=0).success_rate)
    1.0
    """

    def learn(
        self,
        env: Any,
        episodes: int = 1000,
        seed: Any = None,
        *,
        max_steps: int | None = None,
    ) -> QLearning:
        """Learn the Q-table by playing ``episodes`` episodes of ``env``.

        Parameters
        ----------
        env : gymnasium.Env
            Any environment with ``Discrete`` observation and action spaces:
            mlcourse's or Gymnasium's own (FrozenLake, CliffWalking, Taxi).
        episodes : int, default=1000
            Number of training episodes.
        seed : int, numpy.random.Generator or None, default=None
            Seeds the agent's exploration and the environment (its first
            ``reset``), so that a run is reproducible.
        max_steps : int, default=None
            Cap on the steps of an episode (it then ends as truncated). None
            uses the environment's ``TimeLimit``, or 1000 if it has none.

        Returns
        -------
        self : object
            The agent, with ``Q_``, ``V_``, ``policy_`` and ``history_``.
        """
        return cast(QLearning, super().learn(env, episodes, seed, max_steps=max_steps))


class Sarsa(_TemporalDifference):
    r"""Tabular SARSA: on-policy temporal-difference control.

    Like :class:`QLearning`, but the target uses the action the agent will
    *actually* take next (chosen epsilon-greedily), so the values include the
    cost of its own exploration; the name lists the quintuple it learns from,
    (S, A, R, S', A'):

    .. math::
        Q(s, a) \leftarrow Q(s, a) + \alpha \left[r + \gamma Q(s', a') - Q(s, a)\right]

    On Sutton and Barto's cliff it prefers the safe path away from the edge
    while it keeps exploring, where Q-learning walks along the edge.

    Parameters
    ----------
    learning_rate : float, default=0.1
        Step size :math:`\alpha`, in (0, 1].
    gamma : float, default=0.99
        Discount factor :math:`\gamma`, in [0, 1].
    epsilon : float, default=1.0
        Exploration rate of the first episode, in [0, 1].
    epsilon_min : float, default=0.05
        Final exploration rate, in [0, epsilon].
    schedule : {"linear", "exponential", "constant"}, default="linear"
        Decay of epsilon over episodes (see :func:`make_epsilon_schedule`).
    exploration_fraction : float, default=0.5
        Fraction of the episodes over which epsilon decays, in (0, 1].
    learning_rate_min : float, default=None
        If set, the step size decays linearly over the episodes from
        ``learning_rate`` to ``learning_rate_min``.
    initial_q : float, default=0.0
        Initial value of every entry of the Q-table.

    Attributes
    ----------
    Q_ : ndarray of shape (n_states, n_actions)
        Learned action values.
    V_ : ndarray of shape (n_states,)
        ``Q_.max(axis=1)``.
    policy_ : ndarray of shape (n_states,)
        Greedy action per state (the lowest action number on ties).
    history_ : dict of ndarray
        Per training episode: ``"episode_return"``, ``"episode_length"``,
        ``"epsilon"`` and ``"learning_rate"``.
    n_episodes_ : int
        Number of training episodes.

    See Also
    --------
    QLearning : The off-policy variant.

    Examples
    --------
    >>> import gymnasium as gym
    >>> import mlcourse.rl
    >>> from mlcourse.rl import Sarsa
    >>> env = gym.make("mlcourse/GridMaze-v0", layout="4x4")
    >>> agent = Sarsa(learning_rate=0.5, gamma=0.9).learn(env, episodes=300, seed=0)
    >>> agent.history_["episode_return"].shape
    (300,)
    """

    _on_policy = True

    def learn(
        self,
        env: Any,
        episodes: int = 1000,
        seed: Any = None,
        *,
        max_steps: int | None = None,
    ) -> Sarsa:
        """Learn the Q-table by playing ``episodes`` episodes of ``env``.

        Parameters
        ----------
        env : gymnasium.Env
            Any environment with ``Discrete`` observation and action spaces:
            mlcourse's or Gymnasium's own (FrozenLake, CliffWalking, Taxi).
        episodes : int, default=1000
            Number of training episodes.
        seed : int, numpy.random.Generator or None, default=None
            Seeds the agent's exploration and the environment (its first
            ``reset``), so that a run is reproducible.
        max_steps : int, default=None
            Cap on the steps of an episode (it then ends as truncated). None
            uses the environment's ``TimeLimit``, or 1000 if it has none.

        Returns
        -------
        self : object
            The agent, with ``Q_``, ``V_``, ``policy_`` and ``history_``.
        """
        return cast(Sarsa, super().learn(env, episodes, seed, max_steps=max_steps))

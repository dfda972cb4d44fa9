"""Model-based planning: value iteration and policy iteration on ``P[s][a]``."""

from __future__ import annotations

import numbers
import warnings
from typing import Any

import numpy as np

from ..._validation import check_scalar, param_message
from ._base import BaseAgent, check_discrete_env


def tabular_model(env: Any, *, owner: str = "tabular_model") -> tuple[np.ndarray, np.ndarray]:
    """Turn an environment's ``P[s][a]`` lists into arrays.

    Parameters
    ----------
    env : gymnasium.Env
        An environment with ``Discrete`` spaces whose unwrapped version has
        the toy-text model ``P[s][a] = [(prob, next_state, reward, terminated), ...]``.
    owner : str, default="tabular_model"
        The caller, for error messages.

    Returns
    -------
    transitions : ndarray of shape (n_states, n_actions, n_states)
        ``transitions[s, a, s2]``: probability of moving from ``s`` to ``s2``
        with ``a`` *and continuing* (transitions that terminate the episode
        are left out, so nothing is bootstrapped after them).
    rewards : ndarray of shape (n_states, n_actions)
        Expected immediate reward of ``a`` in ``s``.

    Examples
    --------
    >>> import gymnasium as gym
    >>> T, R = tabular_model(gym.make("FrozenLake-v1"))
    >>> T.shape, float(R[14, 2])  # right from the square left of the goal
    ((16, 4, 16), 0.333...)
    """
    n_states, n_actions = check_discrete_env(env, owner)
    model = getattr(env.unwrapped, "P", None)
    if model is None:
        raise ValueError(
            param_message(
                "env",
                "an environment exposing its tabular model as env.unwrapped.P[s][a] = "
                "[(prob, next_state, reward, terminated), ...] (like FrozenLake)",
                type(env.unwrapped).__name__,
                owner=owner,
            )
            + " Without a model, learn from experience with QLearning or Sarsa."
        )
    transitions = np.zeros((n_states, n_actions, n_states))
    rewards = np.zeros((n_states, n_actions))
    for s in range(n_states):
        for a in range(n_actions):
            for prob, s2, reward, terminated in model[s][a]:
                rewards[s, a] += prob * reward
                if not terminated:
                    transitions[s, a, int(s2)] += prob
    return transitions, rewards


def _check_gamma(gamma: Any, owner: str) -> float:
    return float(
        check_scalar(gamma, "gamma", numbers.Real, owner=owner, min_val=0, max_val=1, closed="left")
    )


def _not_converged(owner: str, what: str, max_iter: int) -> None:
    from sklearn.exceptions import ConvergenceWarning

    warnings.warn(
        f"{owner} did not converge: {what} after max_iter={max_iter} iterations. "
        "Increase max_iter or tol.",
        ConvergenceWarning,
        stacklevel=3,
    )


class ValueIteration(BaseAgent):
    r"""Value iteration: plan the optimal policy from the model ``P``.

    Repeats the Bellman optimality update on every state until the values
    stop changing, then acts greedily:

    .. math::
        V_{k+1}(s) = \max_a \sum_{s'} p(s' \mid s, a) \left[r + \gamma V_k(s')\right]

    No episode is played: the agent reads the environment's tabular model
    ``env.unwrapped.P`` (Gymnasium's toy-text environments and mlcourse's
    :class:`~mlcourse.rl.GridMaze` have one).

    Parameters
    ----------
    gamma : float, default=0.99
        Discount factor, in [0, 1) (below 1, so that the iteration converges).
    tol : float, default=1e-10
        Stop when no state value changes by more than ``tol``.
    max_iter : int, default=10000
        Maximum number of sweeps.

    Attributes
    ----------
    V_ : ndarray of shape (n_states,)
        Optimal state values.
    Q_ : ndarray of shape (n_states, n_actions)
        Optimal action values.
    policy_ : ndarray of shape (n_states,)
        Greedy (optimal) action per state, the lowest action number on ties.
    n_iter_ : int
        Number of sweeps done.
    history_ : dict of ndarray
        ``"delta"``: the largest value change of each sweep.

    See Also
    --------
    PolicyIteration : Alternates exact policy evaluation and improvement.

    Examples
    --------
    >>> import gymnasium as gym
    >>> from mlcourse.rl import ValueIteration
    >>> agent = ValueIteration(gamma=0.99).learn(gym.make("FrozenLake-v1"))
    >>> round(float(agent.V_[0]), 3)
    0.542
    >>> agent.policy_.reshape(4, 4)[0].tolist()  # left, up, up, up on the first row
    [0, 3, 3, 3]
    """

    def __init__(self, *, gamma: float = 0.99, tol: float = 1e-10, max_iter: int = 10_000) -> None:
        self.gamma = gamma
        self.tol = tol
        self.max_iter = max_iter

    def learn(self, env: Any, episodes: int | None = None, seed: Any = None) -> ValueIteration:
        """Compute the optimal values and policy of ``env`` from its model.

        Parameters
        ----------
        env : gymnasium.Env
            An environment exposing ``env.unwrapped.P``.
        episodes : int, default=None
            Unused: planning plays no episode. Accepted so that every agent
            is called the same way.
        seed : int, default=None
            Unused: value iteration is deterministic.

        Returns
        -------
        self : object
            The agent, with ``V_``, ``Q_``, ``policy_`` and ``history_``.
        """
        owner = type(self).__name__
        gamma = _check_gamma(self.gamma, owner)
        check_scalar(self.tol, "tol", numbers.Real, owner=owner, min_val=0, closed="neither")
        check_scalar(self.max_iter, "max_iter", numbers.Integral, owner=owner, min_val=1)
        transitions, rewards = tabular_model(env, owner=owner)
        values = np.zeros(transitions.shape[0])
        deltas = []
        for _ in range(self.max_iter):
            q = rewards + gamma * transitions @ values
            new = q.max(axis=1)
            deltas.append(float(np.abs(new - values).max()))
            values = new
            if deltas[-1] <= self.tol:
                break
        else:
            _not_converged(owner, f"the last value change was {deltas[-1]:.3g}", self.max_iter)
        self.V_ = values
        self.Q_ = rewards + gamma * transitions @ values
        self.policy_ = np.argmax(self.Q_, axis=1)
        self.n_iter_ = len(deltas)
        self.history_ = {"delta": np.array(deltas)}
        return self


class PolicyIteration(BaseAgent):
    """Policy iteration: evaluate a policy, improve it greedily, repeat.

    Starts from "always action 0"; each round evaluates the current policy
    (iterating the Bellman expectation update until its values change by
    less than ``tol``) and makes it greedy with respect to those values.
    It stops when no state changes its action, which happens after a few
    rounds; the policy is then optimal.

    Parameters
    ----------
    gamma : float, default=0.99
        Discount factor, in [0, 1).
    tol : float, default=1e-10
        Tolerance of the policy evaluation, and the margin by which a new
        action must beat the current one to replace it.
    max_iter : int, default=100
        Maximum number of evaluation-improvement rounds.
    max_eval_iter : int, default=100000
        Maximum number of sweeps of one policy evaluation.

    Attributes
    ----------
    V_ : ndarray of shape (n_states,)
        Values of the final (optimal) policy.
    Q_ : ndarray of shape (n_states, n_actions)
        Action values with respect to ``V_``.
    policy_ : ndarray of shape (n_states,)
        Final policy.
    n_iter_ : int
        Number of rounds done.
    history_ : dict of ndarray
        ``"n_changed"``: how many states changed action in each round.

    See Also
    --------
    ValueIteration : Folds evaluation and improvement into one update.

    Examples
    --------
    >>> import gymnasium as gym
    >>> from mlcourse.rl import PolicyIteration
    >>> agent = PolicyIteration(gamma=0.99).learn(gym.make("FrozenLake-v1"))
    >>> round(float(agent.V_[0]), 3), agent.n_iter_ < 10
    (0.542, True)
    """

    def __init__(
        self,
        *,
        gamma: float = 0.99,
        tol: float = 1e-10,
        max_iter: int = 100,
        max_eval_iter: int = 100_000,
    ) -> None:
        self.gamma = gamma
        self.tol = tol
        self.max_iter = max_iter
        self.max_eval_iter = max_eval_iter

    def learn(self, env: Any, episodes: int | None = None, seed: Any = None) -> PolicyIteration:
        """Compute the optimal policy of ``env`` from its model.

        Parameters
        ----------
        env : gymnasium.Env
            An environment exposing ``env.unwrapped.P``.
        episodes : int, default=None
            Unused: planning plays no episode.
        seed : int, default=None
            Unused: policy iteration is deterministic.

        Returns
        -------
        self : object
            The agent, with ``V_``, ``Q_``, ``policy_`` and ``history_``.
        """
        owner = type(self).__name__
        gamma = _check_gamma(self.gamma, owner)
        check_scalar(self.tol, "tol", numbers.Real, owner=owner, min_val=0, closed="neither")
        check_scalar(self.max_iter, "max_iter", numbers.Integral, owner=owner, min_val=1)
        check_scalar(self.max_eval_iter, "max_eval_iter", numbers.Integral, owner=owner, min_val=1)
        transitions, rewards = tabular_model(env, owner=owner)
        n_states = transitions.shape[0]
        states = np.arange(n_states)
        policy = np.zeros(n_states, dtype=int)
        values = np.zeros(n_states)
        changed = []
        for _ in range(self.max_iter):
            t_pi, r_pi = transitions[states, policy], rewards[states, policy]
            for _ in range(self.max_eval_iter):
                new = r_pi + gamma * t_pi @ values
                delta = float(np.abs(new - values).max())
                values = new
                if delta <= self.tol:
                    break
            else:
                _not_converged(owner, "a policy evaluation", self.max_eval_iter)
            q = rewards + gamma * transitions @ values
            best = np.argmax(q, axis=1)
            better = q[states, best] > q[states, policy] + self.tol
            policy = np.where(better, best, policy)
            changed.append(int(better.sum()))
            if not better.any():
                break
        else:
            _not_converged(owner, f"{changed[-1]} state(s) still changed action", self.max_iter)
        self.V_ = values
        self.Q_ = rewards + gamma * transitions @ values
        self.policy_ = policy
        self.n_iter_ = len(changed)
        self.history_ = {"n_changed": np.array(changed)}
        return self

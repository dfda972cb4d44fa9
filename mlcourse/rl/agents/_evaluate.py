from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..._validation import check_random_state, check_scalar, param_message
from ._base import _check_learned, check_discrete_env, episode_runner


@dataclass(frozen=True)
class EvaluationResult:
    """What :func:`evaluate` measured, episode by episode and on average.

    Attributes
    ----------
    mean_return : float
        Average sum of rewards per episode.
    std_return : float
        Standard deviation of the episode returns.
    success_rate : float
        Fraction of successful episodes.
    mean_length : float
        Average number of steps per episode.
    returns : ndarray of shape (n_episodes,)
        Return of each episode.
    lengths : ndarray of shape (n_episodes,)
        Steps of each episode.
    successes : ndarray of shape (n_episodes,)
        Whether each episode succeeded.

    Examples
    --------
    >>> r = EvaluationResult(0.5, 0.5, 0.5, 3.0, np.array([0.0, 1.0]),
    ...                      np.array([2, 4]), np.array([False, True]))
    >>> r.success_rate
    0.5
    """

    mean_return: float
    std_return: float
    success_rate: float
    mean_length: float
    returns: np.ndarray
    lengths: np.ndarray
    successes: np.ndarray


def evaluate(
    agent: Any,
    env: Any,
    n_episodes: int = 100,
    *,
    seed: Any = None,
    max_steps: int | None = None,
) -> EvaluationResult:
    """Play the agent's greedy policy for ``n_episodes`` and measure it.

    The agent does not explore and does not learn during evaluation.

    Parameters
    ----------
    agent : object
        A learned mlcourse agent (it has ``policy_``).
    env : gymnasium.Env
        The environment, with the agent's number of states and actions.
    n_episodes : int, default=100
        Number of evaluation episodes.
    seed : int, numpy.random.Generator or None, default=None
        Seeds the environment (its first ``reset``).
    max_steps : int, default=None
        Cap on the steps of an episode. None uses the environment's
        ``TimeLimit``, or 1000 if it has none (a greedy policy can walk in
        circles for ever).

    Returns
    -------
    EvaluationResult
        ``mean_return``, ``success_rate`` and the per-episode arrays.

    Notes
    -----
    An episode is a success when the environment says so in
    ``info["is_success"]`` (mlcourse's GridMaze does) or, for environments
    without that key, when it terminated (not truncated) with a positive
    last reward: the goal of FrozenLake, a paying pull of a bandit. On an
    environment whose goal pays nothing positive (CliffWalking) read
    ``mean_return`` instead.

    Examples
    --------
    >>> import gymnasium as gym
    >>> from mlcourse.rl import ValueIteration, evaluate
    >>> env = gym.make("FrozenLake-v1")
    >>> agent = ValueIteration(gamma=0.99).learn(env)
    >>> result = evaluate(agent, env, n_episodes=200, seed=0)
    >>> 0.6 < result.success_rate < 0.9
    True
    """
    owner = "evaluate"
    _check_learned(agent)
    n_states, n_actions = check_discrete_env(env, owner)
    check_scalar(n_episodes, "n_episodes", numbers.Integral, owner=owner, min_val=1)
    if max_steps is not None:
        check_scalar(max_steps, "max_steps", numbers.Integral, owner=owner, min_val=1)
    policy = np.asarray(agent.policy_)
    if policy.shape != (n_states,):
        raise ValueError(
            param_message(
                "env",
                f"an environment with the {policy.shape[0]} states the agent learned on",
                f"an environment with {n_states} states",
                owner=owner,
            )
        )
    actions = policy.tolist()
    rng = check_random_state(seed, owner=owner)
    env_seed = int(rng.integers(0, 2**31 - 1))
    _, _, cap = episode_runner(env, max_steps, fast=False)
    returns, lengths, successes = [], [], []
    for episode in range(int(n_episodes)):
        obs, _ = env.reset(seed=env_seed if episode == 0 else None)
        s = int(obs)
        total, t = 0.0, 0
        while True:
            obs, reward, terminated, truncated, info = env.step(actions[s])
            s = int(obs)
            total += float(reward)
            t += 1
            if terminated or truncated or t >= cap:
                break
        if "is_success" in info:
            success = bool(info["is_success"])
        else:
            success = bool(terminated) and float(reward) > 0
        returns.append(total)
        lengths.append(t)
        successes.append(success)
    ret = np.array(returns)
    return EvaluationResult(
        mean_return=float(ret.mean()),
        std_return=float(ret.std()),
        success_rate=float(np.mean(successes)),
        mean_length=float(np.mean(lengths)),
        returns=ret,
        lengths=np.array(lengths, dtype=int),
        successes=np.array(successes, dtype=bool),
    )

"""Tabular agents: hand-computed MDPs, independent solutions, Gymnasium's FrozenLake and CliffWalking."""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
import pytest
from gymnasium import spaces
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.exceptions import NotFittedError

import mlcourse.rl  # noqa: F401
from mlcourse.rl import (
    PolicyIteration,
    QLearning,
    Sarsa,
    ValueIteration,
    evaluate,
    make_epsilon_schedule,
    tabular_model,
)

FROZEN_4X4 = {"layout": "4x4", "slip_probability": 2 / 3, "rewards": {"T": 0.0}}
# Settings that reach FrozenLake's optimum for every seed we tried (20 of 20).
FROZEN_Q = {"learning_rate": 0.1, "learning_rate_min": 0.001, "gamma": 0.99}
CLIFF = {
    "learning_rate": 0.5,
    "learning_rate_min": 0.01,
    "gamma": 1.0,
    "epsilon": 0.1,
    "schedule": "constant",
}


class TwoStateMDP(gym.Env):
    """Two states, two actions, deterministic; hand-solvable.

    State 0: action 0 stays (reward 1), action 1 moves to state 1 (reward 0).
    State 1: action 0 moves to state 0 (reward 0), action 1 stays (reward 3).
    With gamma = 0.5: V(1) = 3 / (1 - 0.5) = 6; in state 0 staying is worth
    1 / 0.5 = 2 and moving 0 + 0.5 * 6 = 3, so V(0) = 3. Q = [[2.5, 3], [1.5, 6]].
    """

    metadata: dict[str, Any] = {"render_modes": []}

    def __init__(self) -> None:
        self.observation_space = spaces.Discrete(2)
        self.action_space = spaces.Discrete(2)
        self.P = {
            0: {0: [(1.0, 0, 1.0, False)], 1: [(1.0, 1, 0.0, False)]},
            1: {0: [(1.0, 0, 0.0, False)], 1: [(1.0, 1, 3.0, False)]},
        }
        self.s = 0

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.s = int(self.np_random.integers(2))
        return self.s, {}

    def step(self, action):
        _, s, r, term = self.P[self.s][int(action)][0]
        self.s = s
        return s, r, term, False, {}


Q_TWO_STATE = np.array([[2.5, 3.0], [1.5, 6.0]])


# --- hand-computable ---------------------------------------------------------------------


@pytest.mark.parametrize("agent", [ValueIteration(gamma=0.5), PolicyIteration(gamma=0.5)])
def test_planning_on_the_hand_computed_mdp(agent):
    agent.learn(TwoStateMDP())
    np.testing.assert_allclose(agent.Q_, Q_TWO_STATE, atol=1e-8)
    np.testing.assert_allclose(agent.V_, [3.0, 6.0], atol=1e-8)
    assert agent.policy_.tolist() == [1, 1]


def test_value_iteration_first_sweeps_by_hand():
    # V1 = max_a R = [1, 3]; V2 = max(R + 0.5 * T V1) = [max(1.5, 1.5), max(0.5, 4.5)]
    agent = ValueIteration(gamma=0.5, max_iter=2)
    with pytest.warns(Warning, match="did not converge"):
        agent.learn(TwoStateMDP())
    np.testing.assert_allclose(agent.V_, [1.5, 4.5])
    np.testing.assert_allclose(agent.history_["delta"], [3.0, 1.5])


def test_q_learning_converges_on_the_hand_computed_mdp(seed):
    agent = QLearning(
        learning_rate=0.5, learning_rate_min=0.01, gamma=0.5, epsilon=1.0, schedule="constant"
    )
    agent.learn(TwoStateMDP(), episodes=400, seed=seed, max_steps=20)
    np.testing.assert_allclose(agent.Q_, Q_TWO_STATE, atol=0.05)
    assert agent.policy_.tolist() == [1, 1]


def test_one_q_learning_update_by_hand():
    # One episode, one step on "S.G": the update moves Q(0, right) from 0 to
    # 0.5 * (0 + 0.9 * 0 - 0) = 0; on the second step Q(1, right) = 0.5 * 1.
    env = mlcourse.rl.GridMaze(desc=["S.G"])
    agent = QLearning(learning_rate=0.5, gamma=0.9, epsilon=0.0, schedule="constant", initial_q=0.0)
    # epsilon 0 with all-zero ties: actions are random among ties; run until done
    agent.learn(env, episodes=1, seed=0)
    q = agent.Q_
    assert q[1, 2] == pytest.approx(0.5)  # the step that reached the door
    assert np.all(q[2] == 0.0)  # the door is terminal: never updated


def test_bandit_q_values_are_the_arm_means(seed):
    env = gym.make("mlcourse/MultiArmedBandit-v0", means=[0.2, 0.5, 0.8])
    agent = QLearning(learning_rate=0.02, epsilon=1.0, schedule="constant")
    agent.learn(env, episodes=6000, seed=seed)
    assert agent.Q_.shape == (1, 3)
    np.testing.assert_allclose(agent.Q_[0], [0.2, 0.5, 0.8], atol=0.15)
    assert agent.policy_.tolist() == [2]


# --- independent solutions: linear programming and the Bellman equations -------------------


def _lp_optimal_values(transitions, rewards, gamma):
    """Optimal values as the smallest V with V(s) >= R(s, a) + gamma T(s, a) V (scipy linprog)."""
    from scipy.optimize import linprog

    n_states, n_actions, _ = transitions.shape
    a_ub = (gamma * transitions - np.eye(n_states)[:, None, :]).reshape(-1, n_states)
    b_ub = -rewards.reshape(-1)
    res = linprog(np.ones(n_states), A_ub=a_ub, b_ub=b_ub, bounds=[(None, None)] * n_states)
    assert res.success
    return res.x


def _policy_values(env, policy, gamma):
    """Solve the Bellman equations V = R_pi + gamma T_pi V of a fixed policy (numpy.linalg)."""
    model = env.unwrapped.P
    n = len(model)
    t_pi = np.zeros((n, n))
    r_pi = np.zeros(n)
    for s in range(n):
        for prob, s2, reward, terminated in model[s][int(policy[s])]:
            r_pi[s] += prob * reward
            if not terminated:
                t_pi[s, int(s2)] += prob
    return np.linalg.solve(np.eye(n) - gamma * t_pi, r_pi)


ENVS = [
    ("FrozenLake-v1", {}),
    ("FrozenLake-v1", {"map_name": "8x8"}),
    ("CliffWalking-v1", {}),
    ("Taxi-v4", {}),
    ("mlcourse/GridMaze-v0", {"slip_probability": 0.3}),
]


@pytest.mark.parametrize(("env_id", "kwargs"), ENVS)
def test_value_iteration_matches_linear_programming(env_id, kwargs):
    env = gym.make(env_id, **kwargs)
    gamma = 0.95
    agent = ValueIteration(gamma=gamma).learn(env)
    transitions, rewards = tabular_model(env)
    np.testing.assert_allclose(agent.V_, _lp_optimal_values(transitions, rewards, gamma), atol=1e-6)


@pytest.mark.parametrize(("env_id", "kwargs"), ENVS)
def test_greedy_policies_are_optimal_by_the_bellman_equations(env_id, kwargs):
    env = gym.make(env_id, **kwargs)
    gamma = 0.95
    vi = ValueIteration(gamma=gamma).learn(env)
    pi = PolicyIteration(gamma=gamma).learn(env)
    for agent in (vi, pi):
        np.testing.assert_allclose(_policy_values(env, agent.policy_, gamma), vi.V_, atol=1e-6)
    np.testing.assert_allclose(pi.V_, vi.V_, atol=1e-6)


def test_value_iteration_on_frozen_lake_is_the_known_optimum():
    env = gym.make("FrozenLake-v1")
    agent = ValueIteration(gamma=0.99).learn(env)
    # In every state where one action is strictly best, ours is that action.
    q = agent.Q_
    strict = np.sort(q, axis=1)[:, -1] - np.sort(q, axis=1)[:, -2] > 1e-9
    expected = np.array([0, 3, 3, 3, 0, 0, 0, 0, 3, 1, 0, 0, 0, 2, 1, 0])
    np.testing.assert_array_equal(agent.policy_[strict], expected[strict])
    result = evaluate(agent, env, n_episodes=1000, seed=0)
    assert 0.70 <= result.success_rate <= 0.80  # Gymnasium: "optimum = 0.74"


# --- learning from experience on Gymnasium's own environments ------------------------------


def test_q_learning_solves_slippery_frozen_lake(seed):
    env = gym.make("FrozenLake-v1")  # 4x4, slippery
    agent = QLearning(**FROZEN_Q).learn(env, episodes=8000, seed=seed)
    result = evaluate(agent, env, n_episodes=1000, seed=seed + 1000)
    assert result.success_rate >= 0.70  # Gymnasium's reward threshold for FrozenLake-v1
    # and its policy is as good as value iteration's (Bellman equations)
    optimal = ValueIteration(gamma=0.99).learn(env)
    np.testing.assert_allclose(
        _policy_values(env, agent.policy_, 0.99)[0], optimal.V_[0], atol=0.02
    )


def test_q_learning_on_taxi(seed):
    env = gym.make("Taxi-v4")
    agent = QLearning(learning_rate=0.5, gamma=0.99).learn(env, episodes=2000, seed=seed)
    optimal = evaluate(ValueIteration(gamma=0.99).learn(env), env, n_episodes=200, seed=seed)
    learned = evaluate(agent, env, n_episodes=200, seed=seed)
    assert learned.success_rate == 1.0  # every passenger delivered (reward +20 at the end)
    assert learned.mean_return >= optimal.mean_return - 1.0


def _greedy_path(agent, env):
    env.reset(seed=0)
    states = [36]
    for _ in range(100):
        s, _, terminated, _, _ = env.step(agent.predict(states[-1]))
        states.append(int(s))
        if terminated:
            break
    return np.array(states)


def test_cliff_walking_q_learning_edge_sarsa_safe_path(seed):
    env = gym.make("CliffWalking-v1")
    q = QLearning(**CLIFF).learn(env, episodes=500, seed=seed)
    sarsa = Sarsa(**CLIFF).learn(env, episodes=500, seed=seed)
    assert evaluate(q, env, n_episodes=1, seed=0).mean_return == -13.0  # the optimal path
    safe = evaluate(sarsa, env, n_episodes=1, seed=0).mean_return
    assert -100 < safe < -13  # reaches the goal, by a longer path
    edge = (24 + np.arange(1, 11)).tolist()  # row 2, above the cliff
    assert np.isin(_greedy_path(q, env), edge).sum() == 10
    assert np.isin(_greedy_path(sarsa, env), edge).sum() == 0
    # while exploring, SARSA's episodes cost less than Q-learning's falls
    late = slice(-200, None)
    assert sarsa.history_["episode_return"][late].mean() > q.history_["episode_return"][late].mean()


# --- the fast path is the same computation ---------------------------------------------------


@pytest.mark.parametrize("agent_cls", [QLearning, Sarsa])
def test_learning_on_our_maze_equals_learning_on_frozen_lake(agent_cls, seed):
    ours = gym.make("mlcourse/GridMaze-v0", **FROZEN_4X4)
    theirs = gym.make("FrozenLake-v1")
    a = agent_cls().learn(ours, episodes=500, seed=seed)
    b = agent_cls().learn(theirs, episodes=500, seed=seed)
    np.testing.assert_array_equal(a.Q_, b.Q_)
    for key in a.history_:
        np.testing.assert_array_equal(a.history_[key], b.history_[key])


@pytest.mark.parametrize("agent_cls", [QLearning, Sarsa])
@pytest.mark.parametrize("env_id", ["mlcourse/GridMaze-v0", "mlcourse/MultiArmedBandit-v0"])
def test_fast_path_equals_env_step_path(agent_cls, env_id, seed):
    env = gym.make(env_id)
    fast = agent_cls().learn(env, episodes=200, seed=seed)
    slow = agent_cls()
    slow._fast = False
    slow.learn(env, episodes=200, seed=seed)
    np.testing.assert_array_equal(fast.Q_, slow.Q_)
    np.testing.assert_array_equal(fast.history_["episode_length"], slow.history_["episode_length"])


def test_other_wrappers_disable_the_fast_path():
    from gymnasium.wrappers import TransformReward

    from mlcourse.rl.agents._base import _time_limit

    env = gym.make("mlcourse/GridMaze-v0")
    assert _time_limit(env) == (True, 100)
    assert _time_limit(TransformReward(env, lambda r: 10 * r)) == (False, 100)
    assert _time_limit(gym.make("FrozenLake-v1")) == (False, 100)
    doubled = QLearning().learn(TransformReward(env, lambda r: 10 * r), episodes=50, seed=0)
    plain = QLearning().learn(env, episodes=50, seed=0)
    assert doubled.history_["episode_return"].sum() == 10 * plain.history_["episode_return"].sum()


def test_learning_is_reproducible_and_seed_dependent():
    env = gym.make("mlcourse/GridMaze-v0", layout="8x8", slip_probability=0.2)
    a = QLearning().learn(env, episodes=100, seed=3)
    b = QLearning().learn(env, episodes=100, seed=3)
    c = QLearning().learn(env, episodes=100, seed=4)
    np.testing.assert_array_equal(a.Q_, b.Q_)
    assert not np.array_equal(a.Q_, c.Q_)


def test_max_steps_truncates_episodes():
    env = mlcourse.rl.GridMaze(layout="8x8")  # no TimeLimit wrapper
    agent = QLearning(epsilon=1.0, schedule="constant").learn(env, episodes=50, seed=0, max_steps=7)
    assert agent.history_["episode_length"].max() <= 7
    agent = QLearning(epsilon=1.0, schedule="constant").learn(env, episodes=20, seed=0)
    assert agent.history_["episode_length"].max() <= mlcourse.rl.agents.DEFAULT_MAX_STEPS


# --- interface -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "agent",
    [QLearning(), Sarsa(), ValueIteration(), PolicyIteration()],
    ids=lambda a: type(a).__name__,
)
def test_one_interface(agent):
    env = gym.make("mlcourse/GridMaze-v0")
    assert agent.learn(env, episodes=20, seed=0) is agent
    n_states = env.observation_space.n
    assert agent.policy_.shape == (n_states,)
    assert agent.V_.shape == (n_states,)
    assert agent.Q_.shape == (n_states, 4)
    assert isinstance(agent.history_, dict)
    assert agent.predict(0) in range(4)
    np.testing.assert_array_equal(agent.predict([0, 1]), agent.policy_[[0, 1]])
    result = evaluate(agent, env, n_episodes=5, seed=0)
    assert result.returns.shape == (5,) and 0.0 <= result.success_rate <= 1.0
    params = agent.get_params()
    assert type(agent)(**params).get_params() == params


def test_repr_and_set_params():
    assert repr(QLearning(gamma=0.5)) == "QLearning(gamma=0.5)"
    assert QLearning().set_params(epsilon=0.2).epsilon == 0.2
    with pytest.raises(ValueError, match="parameter names of QLearning"):
        QLearning().set_params(alpha=0.1)


def test_planning_is_exact_at_convergence_and_converges_fast():
    env = gym.make("FrozenLake-v1", map_name="8x8")
    pi = PolicyIteration(gamma=0.99).learn(env)
    assert pi.n_iter_ <= 20 and pi.history_["n_changed"][-1] == 0
    vi = ValueIteration(gamma=0.99, tol=1e-12).learn(env)
    assert vi.history_["delta"][-1] <= 1e-12
    assert np.all(np.diff(vi.history_["delta"][5:]) <= 1e-15)  # contraction: deltas shrink


# --- epsilon schedules ----------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(
    n=st.integers(1, 500),
    eps=st.floats(0.01, 1.0),
    ratio=st.floats(0.0, 1.0),
    schedule=st.sampled_from(["linear", "exponential", "constant"]),
    fraction=st.floats(0.01, 1.0),
)
def test_epsilon_schedules_decrease_within_bounds(n, eps, ratio, schedule, fraction):
    eps_min = max(eps * ratio, 1e-3) if schedule == "exponential" else eps * ratio
    eps_min = min(eps_min, eps)
    e = make_epsilon_schedule(
        n, epsilon=eps, epsilon_min=eps_min, schedule=schedule, exploration_fraction=fraction
    )
    assert e.shape == (n,)
    assert e[0] == pytest.approx(eps)
    assert np.all(np.diff(e) <= 1e-12)
    if schedule == "constant":
        assert np.all(e == eps)
    else:
        assert np.all(e >= eps_min - 1e-12)
        if fraction < 1 and n * (1 - fraction) >= 1:
            assert e[-1] == pytest.approx(eps_min)


def test_history_records_the_schedule():
    env = gym.make("mlcourse/GridMaze-v0")
    agent = Sarsa(epsilon=0.5, epsilon_min=0.1, exploration_fraction=0.5).learn(
        env, episodes=10, seed=0
    )
    np.testing.assert_allclose(
        agent.history_["epsilon"],
        make_epsilon_schedule(10, epsilon=0.5, epsilon_min=0.1, exploration_fraction=0.5),
    )
    np.testing.assert_allclose(agent.history_["learning_rate"], 0.1)


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("agent_cls", [QLearning, Sarsa, ValueIteration, PolicyIteration])
def test_continuous_spaces_are_refused(agent_cls):
    env = gym.make("CartPole-v1")
    with pytest.raises(
        ValueError,
        match=rf"The 'env' parameter of {agent_cls.__name__} must be an environment with "
        r"Discrete observation and action spaces \(a tabular problem\)\. Got 'observation_space=Box",
    ):
        agent_cls().learn(env, episodes=1, seed=0)


def test_planning_needs_a_model():
    env = gym.make("mlcourse/MultiArmedBandit-v0")
    with pytest.raises(
        ValueError,
        match=r"'env' parameter of ValueIteration must be an environment "
        r"exposing its tabular model",
    ):
        ValueIteration().learn(env)


def test_not_an_environment():
    with pytest.raises(
        TypeError, match=r"'env' parameter of QLearning must be a Gymnasium environment"
    ):
        QLearning().learn("FrozenLake-v1")


@pytest.mark.parametrize(
    ("params", "error", "match"),
    [
        (
            {"learning_rate": 0.0},
            ValueError,
            r"'learning_rate' parameter of QLearning must be a float in the range \(0, 1\]",
        ),
        (
            {"gamma": 1.5},
            ValueError,
            r"'gamma' parameter of QLearning must be a float in the range \[0, 1\]",
        ),
        ({"epsilon": -0.1}, ValueError, r"'epsilon' parameter of make_epsilon_schedule"),
        (
            {"schedule": "cosine"},
            ValueError,
            r"'schedule' parameter of make_epsilon_schedule must be one of",
        ),
        (
            {"schedule": "exponential", "epsilon_min": 0.0},
            ValueError,
            r"'epsilon_min' .* for the 'exponential' schedule",
        ),
        (
            {"learning_rate_min": 0.5},
            ValueError,
            r"'learning_rate_min' parameter of QLearning must be a float in the range \[0, 0.1\]",
        ),
        ({"initial_q": "high"}, TypeError, r"'initial_q' parameter of QLearning must be a float"),
    ],
)
def test_bad_hyperparameters(params, error, match):
    env = gym.make("mlcourse/GridMaze-v0")
    with pytest.raises(error, match=match):
        QLearning(**params).learn(env, episodes=5, seed=0)


def test_bad_learn_and_evaluate_arguments():
    env = gym.make("mlcourse/GridMaze-v0")
    with pytest.raises(
        ValueError,
        match=r"'episodes' parameter of QLearning must be an int in the range \[1, inf\)",
    ):
        QLearning().learn(env, episodes=0)
    with pytest.raises(
        ValueError,
        match=r"'gamma' parameter of ValueIteration must be a float in the range \[0, 1\)",
    ):
        ValueIteration(gamma=1.0).learn(env)
    with pytest.raises(NotFittedError, match="has not learned yet"):
        QLearning().predict(0)
    with pytest.raises(NotFittedError):
        evaluate(QLearning(), env)
    agent = ValueIteration().learn(env)
    with pytest.raises(
        ValueError, match=r"'observation' parameter of ValueIteration.predict must be a state"
    ):
        agent.predict(99)
    with pytest.raises(
        ValueError, match=r"'env' parameter of evaluate must be an environment with the 42 states"
    ):
        evaluate(agent, gym.make("FrozenLake-v1"))
    with pytest.raises(ValueError, match=r"'n_episodes' parameter of evaluate"):
        evaluate(agent, env, n_episodes=0)

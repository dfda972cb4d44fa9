"""Display objects for RL: policy arrows on the grid, value heat maps, learning curves."""

from __future__ import annotations

import gymnasium as gym
import matplotlib
import numpy as np
import pytest

import mlcourse.rl  # noqa: F401
from mlcourse.rl import GridPolicyDisplay, LearningHistoryDisplay, QLearning, Sarsa, ValueIteration
from mlcourse.rl._plotting import grid_geometry

matplotlib.use("Agg")


def test_policy_display_from_agent():
    import matplotlib.pyplot as plt

    env = gym.make("mlcourse/GridMaze-v0")
    agent = ValueIteration(gamma=0.9).learn(env)
    fig, ax = plt.subplots()
    disp = GridPolicyDisplay.from_agent(agent, env, ax=ax)
    assert disp.ax_ is ax and disp.figure_ is fig
    assert disp.values.shape == (6, 7)
    np.testing.assert_array_equal(disp.values.ravel(), agent.V_)
    assert ax.get_xlabel() == "column" and ax.get_ylabel() == "row"
    assert ax.get_title() == "Greedy policy and state values"


def test_arrows_point_where_the_policy_moves():
    # Policy on a 1x3 corridor: right, down (a bump), left; arrows in data
    # coordinates (x = column, y = row, rows growing downwards).
    disp = GridPolicyDisplay(np.zeros((1, 3)), np.array([[2, 1, 0]])).plot()
    quiver = disp.ax_.collections[-1]
    np.testing.assert_array_equal(quiver.U, [1, 0, -1])
    np.testing.assert_array_equal(quiver.V, [0, 1, 0])


def test_cliff_walking_arrows_use_its_own_action_numbering():
    env = gym.make("CliffWalking-v1")
    tiles, deltas = grid_geometry(env)
    assert deltas == ((-1, 0), (0, 1), (1, 0), (0, -1))  # up, right, down, left
    assert "".join(tiles[3]) == "STTTTTTTTTTG"
    agent = ValueIteration(gamma=0.95).learn(env)
    disp = GridPolicyDisplay.from_agent(agent, env)
    quiver = disp.ax_.collections[-1]
    # the start square (3, 0) is drawn last among the non-special squares: it goes up
    assert (quiver.U[-1], quiver.V[-1]) == (0, -1)


def test_frozen_lake_geometry():
    tiles, deltas = grid_geometry(gym.make("FrozenLake-v1"))
    assert ["".join(r) for r in tiles] == ["S...", ".T.T", "...T", "T..G"]
    assert deltas == mlcourse.rl.envs.ACTION_DELTAS


def test_non_grid_environment_is_refused():
    with pytest.raises(ValueError, match=r"'env' parameter of GridPolicyDisplay must be a grid"):
        grid_geometry(gym.make("Taxi-v4"))


def test_learning_history_display_moving_average():
    env = gym.make("mlcourse/GridMaze-v0", layout="4x4")
    q = QLearning().learn(env, episodes=60, seed=0)
    s = Sarsa().learn(env, episodes=60, seed=0)
    disp = LearningHistoryDisplay.from_agents({"Q-learning": q, "SARSA": s}, window=10)
    assert [line.get_label() for line in disp.lines_] == ["Q-learning", "SARSA"]
    x, y = disp.lines_[0].get_data()
    assert len(x) == 51 and x[0] == 10
    assert y[0] == pytest.approx(q.history_["episode_return"][:10].mean())
    assert disp.ax_.get_legend() is not None
    assert "moving average over 10" in disp.ax_.get_ylabel()
    eps = LearningHistoryDisplay.from_agents([q], metric="epsilon")
    assert eps.ax_.get_ylabel() == "exploration rate ε"
    vi = ValueIteration().learn(env)
    delta = LearningHistoryDisplay.from_agents({"VI": vi}, metric="delta")
    assert delta.ax_.get_yscale() == "log" and delta.ax_.get_xlabel() == "iteration"


def test_learning_history_bad_metric():
    env = gym.make("mlcourse/GridMaze-v0")
    q = QLearning().learn(env, episodes=5, seed=0)
    with pytest.raises(
        ValueError, match=r"'metric' parameter of LearningHistoryDisplay must be one of"
    ):
        LearningHistoryDisplay.from_agents([q], metric="loss")
    with pytest.raises(ValueError, match=r"'window' parameter of LearningHistoryDisplay"):
        LearningHistoryDisplay.from_agents([q], window=0)

"""GridMaze and MultiArmedBandit: the Gymnasium contract, the model P, FrozenLake equivalence."""

from __future__ import annotations

import subprocess
import sys
import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env
from hypothesis import given, settings
from hypothesis import strategies as st

import mlcourse.rl  # noqa: F401  (registers the environments)
from mlcourse.rl import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    GridMaze,
    MultiArmedBandit,
    ValueIteration,
    generate_maze,
)
from mlcourse.rl.envs import LAYOUTS, has_path, parse_map

FROZEN_4X4 = {"layout": "4x4", "slip_probability": 2 / 3, "rewards": {"T": 0.0}}


def _check(env_id: str, **kwargs) -> None:
    env = gym.make(env_id, **kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_env(env.unwrapped, skip_render_check=False)
    env.close()


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"layout": "4x4"},
        {"layout": "8x8", "slip_probability": 0.5},
        {"layout": "cliff", "rewards": {".": -1.0, "T": -100.0, "G": 0.0}},
        {"desc": ["S.#", "..G"], "slip_probability": 1.0},
        {"desc": "S..\n.#.\n..G", "rewards": np.arange(9.0).reshape(3, 3)},
        {"desc": generate_maze(9, 5, wall_probability=0.3, random_state=0)},
    ],
)
def test_grid_maze_passes_check_env(kwargs):
    _check("mlcourse/GridMaze-v0", **kwargs)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"means": [0.1, 0.9]},
        {"means": [-1.0, 0.0, 2.5], "distribution": "gaussian", "stds": 0.5},
    ],
)
def test_bandit_passes_check_env(kwargs):
    _check("mlcourse/MultiArmedBandit-v0", **kwargs)


def test_registered_ids_and_time_limit():
    assert "mlcourse/GridMaze-v0" in gym.registry
    assert "mlcourse/MultiArmedBandit-v0" in gym.registry
    assert gym.spec("mlcourse/GridMaze-v0").max_episode_steps == 100
    env = gym.make("mlcourse/GridMaze-v0", desc=["S.T", "...", "..G"])
    env.reset(seed=0)
    for t in range(1, 101):
        _, _, terminated, truncated, _ = env.step(LEFT)  # bump the wall for ever
        assert not terminated
        assert truncated == (t == 100)


def test_import_mlcourse_does_not_import_gymnasium():
    code = "import sys, mlcourse; assert 'gymnasium' not in sys.modules, 'gymnasium'"
    subprocess.run([sys.executable, "-c", code], check=True)
    code = (
        "import sys, mlcourse.rl; bad = [m for m in ('matplotlib', 'sklearn.linear_model', "
        "'pandas') if m in sys.modules]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- hand-computable cases ---------------------------------------------------------------


def test_hand_computed_walk_to_the_door():
    env = GridMaze(desc=["S.G"])
    assert env.reset(seed=0) == (0, {"prob": 1.0, "is_success": False})
    assert env.step(RIGHT) == (1, 0.0, False, False, {"prob": 1.0, "is_success": False})
    assert env.step(RIGHT) == (2, 1.0, True, False, {"prob": 1.0, "is_success": True})


def test_walls_edges_and_traps():
    env = GridMaze(desc=["S#G", ".T.", "..."], rewards={".": -0.1})
    env.reset(seed=0)
    assert env.step(RIGHT)[:3] == (0, 0.0, False)  # wall: stay on S (reward of S)
    assert env.step(UP)[:3] == (0, 0.0, False)  # edge: stay
    assert env.step(DOWN)[:3] == (3, -0.1, False)
    obs, reward, terminated, _, info = env.step(RIGHT)
    assert (obs, reward, terminated, info["is_success"]) == (4, -1.0, True, False)
    # door, trap and wall squares are absorbing in the model
    for s in (1, 2, 4):
        for a in range(4):
            assert env.P[s][a] == [(1.0, s, 0.0, True)]


def test_action_numbering_matches_frozen_lake():
    assert (LEFT, DOWN, RIGHT, UP) == (0, 1, 2, 3)
    from gymnasium.envs.toy_text import frozen_lake

    assert (frozen_lake.LEFT, frozen_lake.DOWN, frozen_lake.RIGHT, frozen_lake.UP) == (0, 1, 2, 3)


def test_per_square_rewards():
    scores = np.array([[0.0, 5.0], [-2.0, 9.0]])
    env = GridMaze(desc=["S.", ".G"], rewards=scores)
    env.reset(seed=0)
    assert env.step(RIGHT)[1] == 5.0
    assert env.step(DOWN)[1] == 9.0
    np.testing.assert_array_equal(env.square_rewards, scores)


def test_several_starts_are_drawn_uniformly(seed):
    env = GridMaze(desc=["S.S", "...", "..G"])
    starts = [env.reset(seed=seed + i)[0] for i in range(400)]
    assert set(starts) == {0, 2}
    assert 0.4 < np.mean(np.array(starts) == 0) < 0.6


# --- the model P and the reference: Gymnasium's FrozenLake ---------------------------------


def test_model_is_frozen_lake_model():
    ours = gym.make("mlcourse/GridMaze-v0", **FROZEN_4X4).unwrapped
    theirs = gym.make("FrozenLake-v1").unwrapped
    assert ours.observation_space == theirs.observation_space
    assert ours.action_space == theirs.action_space
    for s in range(16):
        for a in range(4):
            assert len(ours.P[s][a]) == len(theirs.P[s][a])
            for (p1, s1, r1, t1), (p2, s2, r2, t2) in zip(
                ours.P[s][a], theirs.P[s][a], strict=True
            ):
                assert p1 == pytest.approx(p2)
                assert (s1, r1, t1) == (int(s2), float(r2), bool(t2))


@pytest.mark.parametrize("map_name", ["4x4", "8x8"])
def test_same_trajectories_as_frozen_lake_for_the_same_seed(map_name, seed):
    ours = gym.make(
        "mlcourse/GridMaze-v0", layout=map_name, slip_probability=2 / 3, rewards={"T": 0.0}
    )
    theirs = gym.make("FrozenLake-v1", map_name=map_name)
    rng = np.random.default_rng(seed)
    o1, _ = ours.reset(seed=seed)
    o2, _ = theirs.reset(seed=seed)
    for _ in range(2000):
        a = int(rng.integers(4))
        r1 = ours.step(a)
        r2 = theirs.step(a)
        assert r1[:4] == (int(r2[0]), float(r2[1]), r2[2], r2[3])
        if r1[2] or r1[3]:
            assert ours.reset()[0] == theirs.reset()[0]


def test_fast_step_draws_like_step(seed):
    a_env = GridMaze(layout="8x8", slip_probability=0.4)
    b_env = GridMaze(layout="8x8", slip_probability=0.4)
    a_env.reset(seed=seed)
    b_env.reset(seed=seed)
    rng = np.random.default_rng(seed)
    for _ in range(500):
        a = int(rng.integers(4))
        s, r, term, trunc, _ = a_env.step(a)
        assert b_env._fast_step(a) == (s, r, term, trunc)
        if term:
            assert a_env.reset()[0] == b_env._fast_reset()


@settings(max_examples=25, deadline=None)
@given(slip=st.floats(0.0, 1.0), layout=st.sampled_from(sorted(LAYOUTS)))
def test_model_probabilities_sum_to_one(slip, layout):
    env = GridMaze(layout=layout, slip_probability=slip)
    for s in env.P:
        for a in env.P[s]:
            assert sum(p for p, *_ in env.P[s][a]) == pytest.approx(1.0)
            assert all(0 <= s2 < env.observation_space.n for _, s2, _, _ in env.P[s][a])


def test_slip_frequencies_match_the_model(seed):
    env = GridMaze(desc=["...", ".S.", "..G"], slip_probability=0.3)
    counts = {1: 0, 3: 0, 5: 0, 7: 0}
    n = 3000
    env.reset(seed=seed)
    for _ in range(n):
        env.s = 4
        counts[env.step(UP)[0]] += 1
    # up with p=0.7, left and right with p=0.15 each, never down
    assert counts[7] == 0
    assert abs(counts[1] / n - 0.7) < 0.04
    assert abs(counts[3] / n - 0.15) < 0.03
    assert abs(counts[5] / n - 0.15) < 0.03


def test_render_modes():
    env = GridMaze(render_mode="ansi", layout="4x4")
    env.reset(seed=0)
    env.step(RIGHT)
    text = env.render()
    assert "(Right)" in text and "T..G" in text
    env = GridMaze(render_mode="rgb_array", layout="maze")
    env.reset(seed=0)
    image = env.render()
    assert image.dtype == np.uint8 and image.shape == (6 * 24, 7 * 24, 3)
    assert GridMaze().render() is None
    bandit = MultiArmedBandit(render_mode="ansi")
    bandit.reset(seed=0)
    bandit.step(3)
    assert "arm 3: mean 0.7  <- pulled" in bandit.render()
    image = MultiArmedBandit(render_mode="rgb_array").render()
    assert image.dtype == np.uint8 and image.ndim == 3


# --- maps and the random-maze generator ---------------------------------------------------


def test_layouts_parse_and_frozen_lake_letters_are_read():
    for desc in LAYOUTS.values():
        assert parse_map(desc).shape == (len(desc), len(desc[0]))
    grid = parse_map(["SFFF", "FHFH", "FFFH", "HFFG"])
    assert "".join(grid[1]) == ".T.T"


@settings(max_examples=40, deadline=None)
@given(
    n_rows=st.integers(2, 12),
    n_cols=st.integers(2, 12),
    walls=st.floats(0.0, 0.7),
    traps=st.floats(0.0, 0.3),
    seed=st.integers(0, 2**31 - 1),
)
def test_generated_mazes_are_always_solvable(n_rows, n_cols, walls, traps, seed):
    desc = generate_maze(
        n_rows, n_cols, wall_probability=walls, trap_probability=traps, random_state=seed
    )
    assert len(desc) == n_rows and {len(r) for r in desc} == {n_cols}
    assert has_path(parse_map(desc))
    assert desc == generate_maze(
        n_rows, n_cols, wall_probability=walls, trap_probability=traps, random_state=seed
    )
    # independent of has_path: planning reaches the door from the start. With the door
    # worth 1 and everything else 0, V(start) = gamma ** (steps - 1) > 0 iff a path exists.
    env = GridMaze(desc=desc, rewards={"T": 0.0})
    agent = ValueIteration(gamma=0.9).learn(env)
    assert env.desc[0, 0] == "S" and agent.V_[0] > 0


def test_generated_mazes_vary_with_the_seed():
    mazes = {tuple(generate_maze(8, 8, wall_probability=0.3, random_state=s)) for s in range(10)}
    assert len(mazes) == 10


# --- bandit ----------------------------------------------------------------------------------


def test_bandit_rewards_match_the_means(seed):
    env = MultiArmedBandit(means=[0.2, 0.8])
    env.reset(seed=seed)
    pulls = np.array([[env.step(a)[1] for _ in range(2000)] for a in (0, 1)])
    assert set(np.unique(pulls)) <= {0.0, 1.0}
    np.testing.assert_allclose(pulls.mean(axis=1), [0.2, 0.8], atol=0.04)
    obs, reward, terminated, truncated, info = env.step(0)
    assert obs == 0 and terminated and not truncated
    assert info == {"mean": 0.2, "regret": pytest.approx(0.6)}
    assert env.best_arm == 1


def test_gaussian_bandit(seed):
    env = MultiArmedBandit(means=[-1.0, 3.0], distribution="gaussian", stds=[0.5, 2.0])
    env.reset(seed=seed)
    draws = np.array([env.step(1)[1] for _ in range(4000)])
    assert abs(draws.mean() - 3.0) < 0.15
    assert abs(draws.std() - 2.0) < 0.15


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("desc", "match"),
    [
        (["S.X", "..G"], r"unknown character 'X'"),
        (["S..", ".G"], r"rows have lengths \[3, 2\]"),
        (["...", "..G"], r"at least one 'S'"),
        (["S..", "..."], r"at least one 'G'"),
        (["S#.", "##G"], r"solvable map: a path must lead from 'S' to a 'G'"),
        (["STG"], r"solvable map"),
        ([], r"list of equal-length strings"),
    ],
)
def test_malformed_or_unsolvable_maps(desc, match):
    with pytest.raises(ValueError, match=r"The 'desc' parameter of GridMaze must be .*" + match):
        GridMaze(desc=desc)


def test_map_of_wrong_type():
    with pytest.raises(TypeError, match=r"The 'desc' parameter of GridMaze must be a map"):
        GridMaze(desc=42)


@pytest.mark.parametrize("slip", [-0.1, 1.5, float("nan")])
def test_slip_probability_outside_0_1(slip):
    with pytest.raises(
        ValueError,
        match=r"The 'slip_probability' parameter of GridMaze must be a float in the range \[0, 1\]",
    ):
        GridMaze(slip_probability=slip)


def test_other_bad_arguments():
    with pytest.raises(TypeError, match="'slip_probability' parameter of GridMaze must be a float"):
        GridMaze(slip_probability="high")
    with pytest.raises(ValueError, match="'layout' parameter of GridMaze must be one of"):
        GridMaze(layout="5x5")
    with pytest.raises(ValueError, match="'render_mode' parameter of GridMaze must be one of"):
        GridMaze(render_mode="human")
    with pytest.raises(
        ValueError, match="'rewards' parameter of GridMaze must be a dict whose keys"
    ):
        GridMaze(rewards={"#": 1.0})
    with pytest.raises(
        ValueError, match=r"'rewards' parameter of GridMaze must be .* shape \(6, 7\)"
    ):
        GridMaze(rewards=np.zeros((2, 2)))
    with pytest.raises(ValueError, match=r"'action' parameter of GridMaze.step must be an int"):
        env = GridMaze()
        env.reset(seed=0)
        env.step(4)
    with pytest.raises(ValueError, match=r"'wall_probability' parameter of generate_maze"):
        generate_maze(4, 4, wall_probability=1.2)
    with pytest.raises(
        ValueError, match=r"'trap_probability' parameter of generate_maze must be at most"
    ):
        generate_maze(4, 4, wall_probability=0.8, trap_probability=0.3)


def test_bandit_bad_arguments():
    with pytest.raises(
        ValueError, match=r"'means' parameter of MultiArmedBandit must be probabilities"
    ):
        MultiArmedBandit(means=[0.5, 1.5])
    with pytest.raises(
        ValueError, match=r"'means' parameter of MultiArmedBandit must be a finite 1-D"
    ):
        MultiArmedBandit(means=[[0.5]])
    with pytest.raises(ValueError, match=r"'stds' parameter of MultiArmedBandit must be positive"):
        MultiArmedBandit(means=[0.0, 1.0], distribution="gaussian", stds=[1.0, -1.0])
    with pytest.raises(ValueError, match=r"'stds' parameter of MultiArmedBandit must be a float"):
        MultiArmedBandit(distribution="gaussian", stds=0.0)
    with pytest.raises(
        ValueError, match=r"'distribution' parameter of MultiArmedBandit must be one"
    ):
        MultiArmedBandit(distribution="poisson")
    with pytest.raises(
        ValueError, match=r"'action' parameter of MultiArmedBandit.step must be an arm"
    ):
        env = MultiArmedBandit()
        env.reset(seed=0)
        env.step(5)


# --- the docstring is the spec (rendered on the docs' API page) --------------------------

SPEC_SECTIONS = (
    "## Description",
    "## Action Space",
    "## Observation Space",
    "## Starting State",
    "## Rewards",
    "## Episode End",
    "## Arguments",
)


@pytest.mark.parametrize("env_id", sorted(mlcourse.rl.ENV_IDS))
def test_environment_docstring_is_its_spec(env_id):
    import importlib
    import inspect

    module, name = mlcourse.rl.ENV_IDS[env_id]["entry_point"].split(":")
    cls = getattr(importlib.import_module(module), name)
    doc = inspect.getdoc(cls)
    positions = [doc.find(section) for section in SPEC_SECTIONS]
    assert -1 not in positions, [
        s for s, p in zip(SPEC_SECTIONS, positions, strict=True) if p == -1
    ]
    assert positions == sorted(positions)  # Gymnasium's order
    # the API page of mlcourse.rl renders its public names: the environments are among them
    assert name in mlcourse.rl.__all__
    assert env_id.split("/")[1].split("-")[0] == name


def test_grid_maze_spec_states_the_shared_action_numbering():
    import inspect

    doc = inspect.getdoc(GridMaze)
    actions = doc[doc.index("## Action Space") : doc.index("## Observation Space")]
    for number, action in enumerate(mlcourse.rl.ACTION_NAMES):
        assert f"- {number}: move {action}" in actions

"""Tabular Q-learning: training speed on our maze vs Gymnasium's FrozenLake, side by side.

Target (issue 5): training episodes per second of mlcourse's Q-learning on our
4x4 slippery maze are at least 3x those of the same Q-learning loop run against
``gymnasium.make("FrozenLake-v1")``.

Method
------
- Environments: ``gymnasium.make("mlcourse/GridMaze-v0", layout="4x4",
  slip_probability=2/3, rewards={"T": 0.0})`` is FrozenLake-v1's model (same
  map, slip, rewards, 100-step limit) and, for the same seed, draws the same
  random numbers; ``gymnasium.make("FrozenLake-v1")`` is the reference. Both
  carry the wrappers ``make`` adds.
- The same agent code (``mlcourse.rl.QLearning`` / ``Sarsa``, same
  hyperparameters and seed) trains on both. The runs are checked to be the
  *same computation*: identical Q-tables and episode lengths, so the episodes
  compared are the same episodes. On FrozenLake every step goes through
  ``env.step`` and Gymnasium's wrapper stack; on our maze the agent steps the
  environment directly (its table-driven step, no wrapper stack, no info dict).
- A third column runs a textbook NumPy Q-learning loop (``np.argmax`` on
  ``Q[s]``, ``rng.random()`` per step, ``env.step``) on FrozenLake-v1: what a
  learner would write, for context.
- Time: best of ``REPEAT`` wall-clock runs (``time.perf_counter``), ours and the
  reference alternating so that a busy machine slows both alike; the CPU-time
  ratio (``time.process_time``) is reported too.
"""

from __future__ import annotations

import time

import numpy as np
from _common import save

EPISODES = 3000
REPEAT = 5
FROZEN_4X4 = {"layout": "4x4", "slip_probability": 2 / 3, "rewards": {"T": 0.0}}
FROZEN_8X8 = {"layout": "8x8", "slip_probability": 2 / 3, "rewards": {"T": 0.0}}


def _textbook_q_learning(env, episodes, seed, alpha=0.1, gamma=0.99):
    """The loop a learner writes: NumPy Q-table, rng per step, env.step."""
    rng = np.random.default_rng(seed)
    q = np.zeros((env.observation_space.n, env.action_space.n))
    eps = np.maximum(0.05, 1.0 - 0.95 * np.arange(episodes) / (0.5 * episodes))
    steps = 0
    for episode in range(episodes):
        s, _ = env.reset(seed=seed if episode == 0 else None)
        done = False
        while not done:
            a = int(rng.integers(4)) if rng.random() < eps[episode] else int(np.argmax(q[s]))
            s2, r, terminated, truncated, _ = env.step(a)
            target = r if terminated else r + gamma * np.max(q[s2])
            q[s, a] += alpha * (target - q[s, a])
            s = s2
            done = terminated or truncated
            steps += 1
    return steps


def _best_pair(fn_ours, fn_ref, repeat):
    """Best wall and CPU times of two functions, run alternately (fair under load)."""
    wall = {"ours": float("inf"), "ref": float("inf")}
    cpu = dict(wall)
    out = {}
    for _ in range(repeat):
        for key, fn in (("ours", fn_ours), ("ref", fn_ref)):
            w, c = time.perf_counter(), time.process_time()
            out[key] = fn()
            wall[key] = min(wall[key], time.perf_counter() - w)
            cpu[key] = min(cpu[key], time.process_time() - c)
    return wall, cpu, out


def main() -> list[dict]:
    import gymnasium as gym

    import mlcourse.rl  # noqa: F401  (registers mlcourse/GridMaze-v0)
    from mlcourse.rl import QLearning, Sarsa

    rows = []
    cases = [
        ("QLearning", QLearning, "4x4", FROZEN_4X4, "4x4"),
        ("Sarsa", Sarsa, "4x4", FROZEN_4X4, "4x4"),
        ("QLearning", QLearning, "8x8", FROZEN_8X8, "8x8"),
    ]
    for name, agent_cls, label, ours_kwargs, map_name in cases:
        ours = gym.make("mlcourse/GridMaze-v0", **ours_kwargs)
        ref = gym.make("FrozenLake-v1", map_name=map_name)
        wall, cpu, out = _best_pair(
            lambda: agent_cls().learn(ours, episodes=EPISODES, seed=0),  # noqa: B023
            lambda: agent_cls().learn(ref, episodes=EPISODES, seed=0),  # noqa: B023
            REPEAT,
        )
        a, b = out["ours"], out["ref"]
        t_ours, t_ref = wall["ours"], wall["ref"]
        identical = bool(
            np.array_equal(a.Q_, b.Q_)
            and np.array_equal(a.history_["episode_length"], b.history_["episode_length"])
        )
        steps = int(a.history_["episode_length"].sum())
        row = {
            "agent": name,
            "map": f"{label} slippery",
            "episodes": EPISODES,
            "steps": steps,
            "identical_runs": identical,
            "ours_episodes_per_s": EPISODES / t_ours,
            "frozenlake_episodes_per_s": EPISODES / t_ref,
            "speedup": t_ref / t_ours,
            "speedup_cpu_time": cpu["ref"] / cpu["ours"],
            "ours_us_per_step": 1e6 * t_ours / steps,
            "frozenlake_us_per_step": 1e6 * t_ref / steps,
        }
        if (name, label) == ("QLearning", "4x4"):
            wall, _, out = _best_pair(
                lambda: _textbook_q_learning(ref, EPISODES, 0),  # noqa: B023
                lambda: None,
                REPEAT,
            )
            t_book, book_steps = wall["ours"], out["ours"]
            row["textbook_numpy_loop_episodes_per_s"] = EPISODES / t_book
            row["textbook_us_per_step"] = 1e6 * t_book / book_steps
        rows.append(row)
    save("rl", rows)
    target = rows[0]
    ok = target["identical_runs"] and target["speedup"] >= 3
    print(
        f"target Q-learning on the 4x4 slippery maze: {target['speedup']:.1f}x the episodes/s "
        f"of the same loop on gymnasium.make('FrozenLake-v1') "
        f"({target['ours_episodes_per_s']:.0f} vs {target['frozenlake_episodes_per_s']:.0f}), "
        f"identical runs: {target['identical_runs']}: {'PASS' if ok else 'FAIL'} (needs >= 3x)"
    )
    return rows


if __name__ == "__main__":
    main()

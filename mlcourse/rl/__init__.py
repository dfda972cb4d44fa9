"""Reinforcement learning: an agent learns to act in an environment to maximise reward.

- :mod:`mlcourse.rl.envs`: Gymnasium environments (a maze from an ASCII map,
  a multi-armed bandit), registered on import as ``mlcourse/GridMaze-v0`` and
  ``mlcourse/MultiArmedBandit-v0``;
- :mod:`mlcourse.rl.agents`: tabular agents with one interface
  (:class:`QLearning`, :class:`Sarsa`, :class:`ValueIteration`,
  :class:`PolicyIteration`) and :func:`evaluate`;
- :mod:`mlcourse.rl.rlhf`: reinforcement learning from human feedback on a toy;
- Display objects for policies, values and learning curves.

Every grid environment numbers actions like Gymnasium's FrozenLake:
0 left, 1 down, 2 right, 3 up.

Examples
--------
>>> import gymnasium as gym
>>> import mlcourse.rl
>>> from mlcourse.rl import ValueIteration
>>> env = gym.make("mlcourse/GridMaze-v0")
>>> agent = ValueIteration(gamma=0.9).learn(env)
>>> mlcourse.rl.ACTION_NAMES[agent.predict(0)]
'down'
"""

from __future__ import annotations

import gymnasium as _gym

from ._plotting import GridPolicyDisplay, LearningHistoryDisplay
from .agents import (
    EvaluationResult,
    PolicyIteration,
    QLearning,
    Sarsa,
    ValueIteration,
    evaluate,
    make_epsilon_schedule,
    tabular_model,
)
from .envs import (
    ACTION_NAMES,
    DOWN,
    LAYOUTS,
    LEFT,
    RIGHT,
    UP,
    GridMaze,
    MultiArmedBandit,
    generate_maze,
)

#: Gymnasium ids registered by ``import mlcourse.rl`` -> registration keywords.
ENV_IDS: dict[str, dict] = {
    "mlcourse/GridMaze-v0": {
        "entry_point": "mlcourse.rl.envs:GridMaze",
        "max_episode_steps": 100,
    },
    "mlcourse/MultiArmedBandit-v0": {
        "entry_point": "mlcourse.rl.envs:MultiArmedBandit",
    },
}

for _env_id, _kwargs in ENV_IDS.items():
    if _env_id not in _gym.registry:
        _gym.register(id=_env_id, **_kwargs)


def __getattr__(name: str) -> object:
    # mlcourse.rl.rlhf imports scikit-learn: load it on first use only.
    if name == "rlhf":
        import importlib

        module = importlib.import_module(f"{__name__}.rlhf")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'mlcourse.rl' has no attribute {name!r}")


__all__ = [
    "ACTION_NAMES",
    "DOWN",
    "ENV_IDS",
    "LAYOUTS",
    "LEFT",
    "RIGHT",
    "UP",
    "EvaluationResult",
    "GridMaze",
    "GridPolicyDisplay",
    "LearningHistoryDisplay",
    "MultiArmedBandit",
    "PolicyIteration",
    "QLearning",
    "Sarsa",
    "ValueIteration",
    "evaluate",
    "generate_maze",
    "make_epsilon_schedule",
    "rlhf",
    "tabular_model",
]

"""Tabular agents with one interface: ``agent.learn(env, episodes=..., seed=...)``.

Model-free agents (:class:`QLearning`, :class:`Sarsa`) learn by trial and
error on any environment with discrete observation and action spaces;
planning agents (:class:`ValueIteration`, :class:`PolicyIteration`) read the
environment's model ``env.unwrapped.P``. All of them expose ``policy_`` (the
greedy action per state), ``Q_`` and/or ``V_`` and a ``history_``.
"""

from ._base import DEFAULT_MAX_STEPS, BaseAgent, check_discrete_env
from ._evaluate import EvaluationResult, evaluate
from ._planning import PolicyIteration, ValueIteration, tabular_model
from ._tabular import QLearning, Sarsa, make_epsilon_schedule

__all__ = [
    "DEFAULT_MAX_STEPS",
    "BaseAgent",
    "EvaluationResult",
    "PolicyIteration",
    "QLearning",
    "Sarsa",
    "ValueIteration",
    "check_discrete_env",
    "evaluate",
    "make_epsilon_schedule",
    "tabular_model",
]

"""Reinforcement learning from human feedback (RLHF), on a toy you can see whole.

The "language model" answers one prompt with one of 144 templated responses,
so every policy is an explicit probability vector. The four syllabus steps:

1. collect data: :func:`collect_demonstrations` (labelers write answers);
2. supervised fine-tuning: :func:`sft_policy`;
3. a reward model learned from human preferences: :func:`collect_comparisons`
   (raters with a :func:`hidden_utility` compare pairs, with noise) and
   :class:`BradleyTerryRewardModel`;
4. RL against that reward: :func:`kl_regularized_policy` (closed form),
   :func:`policy_gradient` (gradient ascent, exact or sampled) and
   :func:`best_of_n` (rejection sampling).

:func:`run_rlhf` runs them end to end. This subpackage imports scikit-learn;
``import mlcourse.rl`` alone does not load it.
"""

from ._data import (
    FEATURE_NAMES,
    PROMPT,
    Comparisons,
    ResponsePool,
    collect_comparisons,
    collect_demonstrations,
    demonstration_probs,
    hidden_utility,
    make_response_pool,
)
from ._pipeline import RLHFResult, run_rlhf
from ._policy import (
    PolicyGradientResult,
    best_of_n,
    best_of_n_probs,
    kl_divergence,
    kl_regularized_policy,
    pairwise_accuracy,
    policy_gradient,
    sft_policy,
)
from ._reward_model import BradleyTerryRewardModel

__all__ = [
    "FEATURE_NAMES",
    "PROMPT",
    "BradleyTerryRewardModel",
    "Comparisons",
    "PolicyGradientResult",
    "RLHFResult",
    "ResponsePool",
    "best_of_n",
    "best_of_n_probs",
    "collect_comparisons",
    "collect_demonstrations",
    "demonstration_probs",
    "hidden_utility",
    "kl_divergence",
    "kl_regularized_policy",
    "make_response_pool",
    "pairwise_accuracy",
    "policy_gradient",
    "run_rlhf",
    "sft_policy",
]

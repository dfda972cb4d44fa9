"""The four RLHF steps end to end on the toy."""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..._validation import check_random_state, check_scalar
from ._data import (
    Comparisons,
    ResponsePool,
    collect_comparisons,
    collect_demonstrations,
    hidden_utility,
    make_response_pool,
)
from ._policy import kl_divergence, kl_regularized_policy, pairwise_accuracy, sft_policy
from ._reward_model import BradleyTerryRewardModel


@dataclass(frozen=True)
class RLHFResult:
    """Everything :func:`run_rlhf` produced, step by step.

    Attributes
    ----------
    pool : ResponsePool
        The candidate responses.
    demonstrations : ndarray of shape (n_demonstrations,)
        Step 1: indices of the labelers' demonstrations.
    sft_probs : ndarray of shape (n_responses,)
        Step 2: the supervised fine-tuned (reference) policy.
    comparisons : Comparisons
        Step 3: the raters' pairwise preferences between SFT samples.
    reward_model : BradleyTerryRewardModel
        Step 3: the reward model fitted to them.
    rewards : ndarray of shape (n_responses,)
        The reward model's score of every response.
    policy : ndarray of shape (n_responses,)
        Step 4: the KL-regularised policy against the learned reward.
    utility_before, utility_after : float
        Expected hidden utility of the SFT policy and of the final policy.
    kl : float
        ``KL(policy || sft_probs)`` in nats.
    reward_model_accuracy : float
        Fraction of response pairs the reward model orders like the hidden
        utility (:func:`pairwise_accuracy`).

    Examples
    --------
    >>> res = run_rlhf(random_state=0)
    >>> res.utility_after > res.utility_before
    True
    """

    pool: ResponsePool
    demonstrations: np.ndarray
    sft_probs: np.ndarray
    comparisons: Comparisons
    reward_model: BradleyTerryRewardModel
    rewards: np.ndarray
    policy: np.ndarray
    utility_before: float
    utility_after: float
    kl: float
    reward_model_accuracy: float


def run_rlhf(
    *,
    n_demonstrations: int = 300,
    n_comparisons: int = 500,
    beta: float = 0.3,
    noise: float = 1.0,
    smoothing: float = 0.5,
    C: float = 1.0,
    random_state: Any = None,
) -> RLHFResult:
    """Run the four steps of RLHF on the toy: demonstrations, SFT, reward model, RL.

    1. **Collect data**: labelers write ``n_demonstrations`` answers
       (:func:`collect_demonstrations`).
    2. **Supervised fine-tuning**: the reference policy is the smoothed
       frequency of the demonstrations (:func:`sft_policy`).
    3. **Reward model**: raters compare ``n_comparisons`` pairs of answers
       sampled from the SFT policy (:func:`collect_comparisons`); a
       Bradley-Terry model learns a reward from their choices.
    4. **RL against the reward**: the policy maximising the learned reward
       minus ``beta`` times its KL divergence from the SFT policy
       (:func:`kl_regularized_policy`, the closed form that
       :func:`policy_gradient` converges to).

    Parameters
    ----------
    n_demonstrations : int, default=300
        Number of demonstrations.
    n_comparisons : int, default=500
        Number of pairwise comparisons.
    beta : float, default=0.3
        KL penalty strength (>= 0; 0 removes the penalty).
    noise : float, default=1.0
        Rater noise (> 0).
    smoothing : float, default=0.5
        SFT pseudo-count.
    C : float, default=1.0
        Inverse L2 penalty of the reward model.
    random_state : int, numpy.random.Generator or None, default=None
        Seed of the whole run.

    Returns
    -------
    RLHFResult

    Examples
    --------
    >>> res = run_rlhf(random_state=0)
    >>> round(res.utility_before, 2), round(res.utility_after, 2)
    (3.86, 4.94)
    """
    owner = "run_rlhf"
    check_scalar(beta, "beta", numbers.Real, owner=owner, min_val=0)
    rng = check_random_state(random_state, owner=owner)
    pool = make_response_pool()
    utility = hidden_utility(pool)
    demos = collect_demonstrations(pool, n_demonstrations, random_state=rng)
    sft = sft_policy(len(pool), demos, smoothing=smoothing)
    comps = collect_comparisons(pool, n_comparisons, policy=sft, noise=noise, random_state=rng)
    rm = BradleyTerryRewardModel(C=C).fit(comps.X, comps.y)
    rewards = rm.reward(pool.X)
    policy = kl_regularized_policy(rewards, sft, beta)
    return RLHFResult(
        pool=pool,
        demonstrations=demos,
        sft_probs=sft,
        comparisons=comps,
        reward_model=rm,
        rewards=rewards,
        policy=policy,
        utility_before=float(sft @ utility),
        utility_after=float(policy @ utility),
        kl=kl_divergence(policy, sft),
        reward_model_accuracy=pairwise_accuracy(rewards, utility),
    )

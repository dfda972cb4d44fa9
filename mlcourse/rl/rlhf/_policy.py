"""Policies over a discrete set of responses: SFT, best-of-n, KL-regularised RL."""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..._validation import check_random_state, check_scalar, param_message


def check_probabilities(
    probs: Any, name: str, *, owner: str, size: int | None = None, tol: float = 1e-6
) -> np.ndarray:
    """Check a probability vector: 1-D, non-negative, summing to 1.

    Parameters
    ----------
    probs : array-like of shape (n,)
        The probabilities.
    name : str
        The argument's name.
    owner : str
        The function it belongs to.
    size : int, default=None
        Required length.
    tol : float, default=1e-6
        Tolerance on the sum.

    Returns
    -------
    ndarray of shape (n,)
        The probabilities, renormalised to sum to 1 exactly.

    Examples
    --------
    >>> check_probabilities([0.25, 0.75], "ref_probs", owner="f").tolist()
    [0.25, 0.75]
    """
    expected = "a 1-D array of probabilities (non-negative, summing to 1)"
    if size is not None:
        expected = expected[:-1] + f", one per response: {size})"
    try:
        p = np.asarray(probs, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(param_message(name, expected, probs, owner=owner)) from None
    if (
        p.ndim != 1
        or p.size == 0
        or (size is not None and p.size != size)
        or not np.isfinite(p).all()
        or (p < 0).any()
        or abs(p.sum() - 1.0) > tol
    ):
        raise ValueError(param_message(name, expected, p if p.ndim else probs, owner=owner))
    return p / p.sum()


def _check_rewards(
    rewards: Any, owner: str, size: int | None = None, name: str = "rewards"
) -> np.ndarray:
    try:
        r = np.asarray(rewards, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(param_message(name, "an array of floats", rewards, owner=owner)) from None
    if r.ndim != 1 or (size is not None and r.size != size) or not np.isfinite(r).all():
        what = "a finite 1-D array of rewards" + (
            f", one per response ({size})" if size is not None else ""
        )
        raise ValueError(param_message(name, what, r, owner=owner))
    return r


def kl_divergence(p: Any, q: Any) -> float:
    r"""Return the Kullback-Leibler divergence :math:`\mathrm{KL}(p \,\|\, q)` in nats.

    Parameters
    ----------
    p, q : array-like of shape (n,)
        Probability vectors; ``q`` must be positive wherever ``p`` is.

    Returns
    -------
    float
        :math:`\sum_i p_i \log(p_i / q_i)` (terms with :math:`p_i = 0` count 0).

    Examples
    --------
    >>> round(kl_divergence([0.5, 0.5], [0.9, 0.1]), 4)
    0.5108
    >>> kl_divergence([0.2, 0.8], [0.2, 0.8])
    0.0
    """
    p = check_probabilities(p, "p", owner="kl_divergence")
    q = check_probabilities(q, "q", owner="kl_divergence", size=p.size)
    support = p > 0
    if (q[support] == 0).any():
        return float("inf")
    return float(np.sum(p[support] * np.log(p[support] / q[support])))


def sft_policy(n_responses: int, demonstrations: Any, *, smoothing: float = 0.5) -> np.ndarray:
    r"""Supervised fine-tuning on the toy: the smoothed frequency of each demonstrated response.

    Maximum likelihood for a categorical policy is the empirical
    frequency; ``smoothing`` adds a pseudo-count to every response so that
    the fine-tuned model can still (rarely) produce answers nobody
    demonstrated, as a pre-trained language model can.

    Parameters
    ----------
    n_responses : int
        Number of candidate responses.
    demonstrations : array-like of int
        Indices of the demonstrated responses.
    smoothing : float, default=0.5
        Pseudo-count added to every response, >= 0.

    Returns
    -------
    ndarray of shape (n_responses,)
        The policy :math:`\pi_{SFT}`; ``(counts + smoothing) / (n + smoothing * n_responses)``.

    Examples
    --------
    >>> sft_policy(3, [0, 0, 2], smoothing=1.0).tolist()
    [0.5, 0.16666666666666666, 0.3333333333333333]
    """
    owner = "sft_policy"
    check_scalar(n_responses, "n_responses", numbers.Integral, owner=owner, min_val=1)
    check_scalar(smoothing, "smoothing", numbers.Real, owner=owner, min_val=0)
    demos = np.asarray(demonstrations)
    if (
        demos.ndim != 1
        or demos.size == 0
        or demos.dtype.kind not in "iu"
        or (demos < 0).any()
        or (demos >= n_responses).any()
    ):
        raise ValueError(
            param_message(
                "demonstrations",
                f"a non-empty 1-D array of response indices in range({n_responses})",
                demos,
                owner=owner,
            )
        )
    counts = np.bincount(demos, minlength=n_responses).astype(float) + smoothing
    return counts / counts.sum()


def kl_regularized_policy(rewards: Any, ref_probs: Any, beta: float) -> np.ndarray:
    r"""Return the policy that maximises reward minus a KL penalty, in closed form.

    RLHF's objective for a policy :math:`\pi` over a discrete set of
    responses is

    .. math::
        J(\pi) = \mathbb{E}_{y \sim \pi}[r(y)] - \beta\, \mathrm{KL}(\pi \,\|\, \pi_{ref})

    and its maximiser is :math:`\pi^*(y) \propto \pi_{ref}(y)\, e^{r(y)/\beta}`.
    Large :math:`\beta` keeps the policy close to the reference (SFT) model;
    :math:`\beta \to 0` puts all mass on the highest-reward responses: the
    limit ``beta=0`` is returned exactly (``ref_probs`` restricted to the
    argmax, renormalised).

    Parameters
    ----------
    rewards : array-like of shape (n_responses,)
        Reward of each response (e.g. a reward model's scores).
    ref_probs : array-like of shape (n_responses,)
        The reference policy :math:`\pi_{ref}`.
    beta : float
        Strength of the KL penalty, >= 0.

    Returns
    -------
    ndarray of shape (n_responses,)

    Examples
    --------
    >>> kl_regularized_policy([0.0, 1.0], [0.5, 0.5], beta=1.0).round(4).tolist()
    [0.2689, 0.7311]
    >>> kl_regularized_policy([0.0, 1.0], [0.5, 0.5], beta=0.0).tolist()
    [0.0, 1.0]
    """
    owner = "kl_regularized_policy"
    ref = check_probabilities(ref_probs, "ref_probs", owner=owner)
    r = _check_rewards(rewards, owner, size=ref.size)
    check_scalar(beta, "beta", numbers.Real, owner=owner, min_val=0)
    support = ref > 0
    if beta == 0:
        best = r[support].max()
        weights = np.where(support & (r == best), ref, 0.0)
        return weights / weights.sum()
    logits = np.full(ref.size, -np.inf)
    logits[support] = np.log(ref[support]) + r[support] / beta
    weights = np.exp(logits - logits[support].max())
    return weights / weights.sum()


@dataclass(frozen=True)
class PolicyGradientResult:
    r"""The outcome of :func:`policy_gradient`.

    Attributes
    ----------
    probs : ndarray of shape (n_responses,)
        The final policy.
    objective : ndarray of shape (n_iter,)
        The exact objective :math:`J(\pi)` after each update.

    Examples
    --------
    >>> res = policy_gradient([0.0, 1.0], [0.5, 0.5], beta=1.0, max_iter=3)
    >>> res.objective.shape
    (3,)
    """

    probs: np.ndarray
    objective: np.ndarray


def _objective(pi: np.ndarray, r: np.ndarray, ref: np.ndarray, beta: float) -> float:
    support = pi > 0
    kl = float(np.sum(pi[support] * np.log(pi[support] / ref[support])))
    return float(pi @ r) - beta * kl


def policy_gradient(
    rewards: Any,
    ref_probs: Any,
    beta: float,
    *,
    max_iter: int = 2000,
    learning_rate: float = 0.05,
    batch_size: int | None = None,
    random_state: Any = None,
) -> PolicyGradientResult:
    r"""Improve a softmax policy against a reward with a KL penalty by gradient ascent.

    The "RL" step of RLHF on the toy. The policy is
    :math:`\pi_\theta = \mathrm{softmax}(\theta)`, started at the reference
    (:math:`\theta = \log \pi_{ref}`), and :math:`\theta` climbs
    :math:`J(\pi) = \mathbb{E}_\pi[r] - \beta\,\mathrm{KL}(\pi \| \pi_{ref})`.
    With :math:`A(y) = r(y) - \beta \log(\pi(y)/\pi_{ref}(y))` (the reward
    with its per-response KL penalty) the gradient is

    .. math::
        \nabla_\theta J = \mathbb{E}_{y\sim\pi}\big[(e_y - \pi)(A(y) - b)\big]

    for any baseline :math:`b`. ``batch_size=None`` uses the exact
    expectation; an int estimates it from that many sampled responses
    (REINFORCE, with the batch mean of :math:`A` as baseline), as RL on a
    real language model must. The steps follow Adam (as PPO does in
    practice), which copes with the tiny gradients of rarely sampled
    responses. The fixed point is the closed form of
    :func:`kl_regularized_policy`, the check of this function.

    Parameters
    ----------
    rewards : array-like of shape (n_responses,)
        Reward of each response.
    ref_probs : array-like of shape (n_responses,)
        The reference policy, positive everywhere.
    beta : float
        Strength of the KL penalty, > 0.
    max_iter : int, default=2000
        Number of updates.
    learning_rate : float, default=0.05
        Adam step size, > 0.
    batch_size : int, default=None
        Sampled responses per update; None for the exact gradient.
    random_state : int, numpy.random.Generator or None, default=None
        Seed of the samples (unused with the exact gradient).

    Returns
    -------
    PolicyGradientResult
        The final policy and the objective after each update.

    Examples
    --------
    >>> res = policy_gradient([0.0, 1.0], [0.5, 0.5], beta=1.0)
    >>> res.probs.round(4).tolist()
    [0.2689, 0.7311]
    """
    owner = "policy_gradient"
    ref = check_probabilities(ref_probs, "ref_probs", owner=owner)
    if (ref == 0).any():
        raise ValueError(
            param_message(
                "ref_probs", "positive probabilities (a softmax policy)", ref, owner=owner
            )
        )
    r = _check_rewards(rewards, owner, size=ref.size)
    check_scalar(beta, "beta", numbers.Real, owner=owner, min_val=0, closed="neither")
    check_scalar(max_iter, "max_iter", numbers.Integral, owner=owner, min_val=1)
    check_scalar(
        learning_rate, "learning_rate", numbers.Real, owner=owner, min_val=0, closed="neither"
    )
    if batch_size is not None:
        check_scalar(batch_size, "batch_size", numbers.Integral, owner=owner, min_val=1)
    rng = check_random_state(random_state, owner=owner)
    log_ref = np.log(ref)
    theta = log_ref.copy()
    m = np.zeros_like(theta)  # Adam's running first and second moments
    v = np.zeros_like(theta)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    objective = np.empty(int(max_iter))
    for it in range(1, int(max_iter) + 1):
        z = theta - theta.max()
        pi = np.exp(z) / np.exp(z).sum()
        advantage = r - beta * (np.log(pi) - log_ref)
        if batch_size is None:
            grad = pi * (advantage - pi @ advantage)
        else:
            ys = rng.choice(ref.size, size=int(batch_size), p=pi)
            a = advantage[ys] - advantage[ys].mean()
            grad = (np.bincount(ys, weights=a, minlength=ref.size) - pi * a.sum()) / batch_size
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad**2
        step = (m / (1 - beta1**it)) / (np.sqrt(v / (1 - beta2**it)) + eps)
        theta = theta + learning_rate * step
        z = theta - theta.max()
        pi = np.exp(z) / np.exp(z).sum()
        objective[it - 1] = _objective(pi, r, ref, beta)
    return PolicyGradientResult(probs=pi, objective=objective)


def best_of_n_probs(rewards: Any, ref_probs: Any, n: int) -> np.ndarray:
    r"""Return the exact distribution of best-of-n sampling.

    Draw ``n`` responses from :math:`\pi_{ref}`, keep the one with the
    highest reward (ties: the first drawn). A response :math:`y` of reward
    level :math:`\ell` wins with probability

    .. math::
        \big(F(\le \ell)^n - F(< \ell)^n\big)\, \frac{\pi_{ref}(y)}{\pi_{ref}(\text{level } \ell)}

    where :math:`F` is the reference probability of the rewards below (or at)
    a level.

    Parameters
    ----------
    rewards : array-like of shape (n_responses,)
        Reward of each response.
    ref_probs : array-like of shape (n_responses,)
        The policy the candidates are drawn from.
    n : int
        Candidates per prompt, >= 1 (``n=1`` returns ``ref_probs``).

    Returns
    -------
    ndarray of shape (n_responses,)

    Examples
    --------
    >>> best_of_n_probs([0.0, 1.0], [0.5, 0.5], n=2).tolist()
    [0.25, 0.75]
    """
    owner = "best_of_n_probs"
    ref = check_probabilities(ref_probs, "ref_probs", owner=owner)
    r = _check_rewards(rewards, owner, size=ref.size)
    check_scalar(n, "n", numbers.Integral, owner=owner, min_val=1)
    levels, inverse = np.unique(r, return_inverse=True)
    mass = np.bincount(inverse, weights=ref, minlength=levels.size)
    at_or_below = np.cumsum(mass)
    below = at_or_below - mass
    win_level = np.clip(at_or_below, 0, 1) ** n - np.clip(below, 0, 1) ** n
    share = np.divide(ref, mass[inverse], out=np.zeros_like(ref), where=mass[inverse] > 0)
    out = win_level[inverse] * share
    return out / out.sum()


def best_of_n(
    rewards: Any, ref_probs: Any, n: int, *, size: int = 1, random_state: Any = None
) -> np.ndarray:
    """Sample responses by best-of-n: draw ``n`` candidates, keep the highest reward.

    Parameters
    ----------
    rewards : array-like of shape (n_responses,)
        Reward of each response (the reward model's scores).
    ref_probs : array-like of shape (n_responses,)
        The policy the candidates are drawn from.
    n : int
        Candidates per draw, >= 1.
    size : int, default=1
        Number of independent best-of-n draws.
    random_state : int, numpy.random.Generator or None, default=None
        Seed of the draws.

    Returns
    -------
    ndarray of shape (size,)
        Indices of the kept responses.

    See Also
    --------
    best_of_n_probs : The exact distribution of the kept response.

    Examples
    --------
    >>> best_of_n([0.0, 1.0, 2.0], [0.4, 0.4, 0.2], n=8, size=5, random_state=0).shape
    (5,)
    """
    owner = "best_of_n"
    ref = check_probabilities(ref_probs, "ref_probs", owner=owner)
    r = _check_rewards(rewards, owner, size=ref.size)
    check_scalar(n, "n", numbers.Integral, owner=owner, min_val=1)
    check_scalar(size, "size", numbers.Integral, owner=owner, min_val=1)
    rng = check_random_state(random_state, owner=owner)
    candidates = rng.choice(ref.size, size=(int(size), int(n)), p=ref)
    best = np.argmax(r[candidates], axis=1)  # first drawn among ties
    return candidates[np.arange(int(size)), best]


def pairwise_accuracy(scores: Any, utility: Any) -> float:
    """Return the fraction of response pairs that ``scores`` order like ``utility``.

    Pairs tied in ``utility`` are left out; a tie in ``scores`` counts half.

    Parameters
    ----------
    scores : array-like of shape (n_responses,)
        E.g. a reward model's rewards.
    utility : array-like of shape (n_responses,)
        The true (hidden) utility.

    Returns
    -------
    float
        1.0 for the same ranking, 0.5 for chance, 0.0 for the reverse.

    Examples
    --------
    >>> pairwise_accuracy([1.0, 2.0, 3.0], [10.0, 20.0, 30.0])
    1.0
    >>> pairwise_accuracy([3.0, 2.0, 1.0], [10.0, 20.0, 30.0])
    0.0
    """
    s = _check_rewards(scores, "pairwise_accuracy", name="scores")
    u = _check_rewards(utility, "pairwise_accuracy", size=s.size, name="utility")
    i, j = np.triu_indices(s.size, 1)
    du, ds = np.sign(u[i] - u[j]), np.sign(s[i] - s[j])
    keep = du != 0
    if not keep.any():
        return float("nan")
    agree = np.where(ds[keep] == 0, 0.5, (ds[keep] == du[keep]).astype(float))
    return float(agree.mean())

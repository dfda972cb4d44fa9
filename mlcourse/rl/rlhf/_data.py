"""Step 1 of RLHF on a toy: candidate responses, demonstrations, a rater with a hidden preference."""

from __future__ import annotations

import itertools
import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..._validation import check_random_state, check_scalar
from ._policy import check_probabilities

#: The one prompt every candidate response answers.
PROMPT = "How do I reset my password?"

_RIGHT_STEPS = (
    "Open Settings.",
    "Choose Security.",
    "Tap 'Reset password'.",
    "Enter the code we email you.",
    "Type a new password twice.",
    "Sign in again with it.",
)
_WRONG_STEPS = (
    "Uninstall the app.",
    "Install it again.",
    "Create a new account.",
    "Wait 24 hours.",
    "Call your bank.",
    "Restart your phone.",
)
_OPENINGS = {
    "curt": "Do this:",
    "neutral": "Here is how:",
    "friendly": "Happy to help! Here is how:",
}
_CLOSINGS = {"curt": "", "neutral": "", "friendly": " Let me know if it works!"}
_TONES = ("curt", "neutral", "friendly")

#: What the reward model sees of a response (the columns of ``ResponsePool.X``).
FEATURE_NAMES = ("correct", "n_steps", "friendly", "curt", "flattery", "hedging")

# How the simulated labelers write demonstrations: attributes drawn
# independently; mostly correct, mostly short, seldom flattering.
_DEMO_CORRECT = 0.8
_DEMO_STEPS = (0.35, 0.35, 0.15, 0.10, 0.03, 0.02)  # 1 to 6 steps
_DEMO_TONE = {"curt": 0.3, "neutral": 0.5, "friendly": 0.2}
_DEMO_FLATTERY = 0.1
_DEMO_HEDGING = 0.3


@dataclass(frozen=True)
class ResponsePool:
    """The candidate responses of the toy: texts, attributes and reward-model features.

    Attributes
    ----------
    texts : list of str
        The responses, all answering :data:`PROMPT`.
    X : ndarray of shape (n_responses, n_features)
        Features the reward model sees, named by ``feature_names``.
    feature_names : tuple of str
        ``("correct", "n_steps", "friendly", "curt", "flattery", "hedging")``.
    correct : ndarray of shape (n_responses,)
        1 if the steps are right, else 0.
    n_steps : ndarray of shape (n_responses,)
        Number of steps in the answer, 1 to 6 (its length).
    tone : ndarray of shape (n_responses,)
        ``"curt"``, ``"neutral"`` or ``"friendly"``.
    flattery : ndarray of shape (n_responses,)
        1 if the answer opens with "Great question!".
    hedging : ndarray of shape (n_responses,)
        1 if the answer ends unsure of itself.

    Examples
    --------
    >>> pool = make_response_pool()
    >>> len(pool), pool.X.shape
    (144, (144, 6))
    """

    texts: list[str]
    X: np.ndarray
    feature_names: tuple[str, ...]
    correct: np.ndarray
    n_steps: np.ndarray
    tone: np.ndarray
    flattery: np.ndarray
    hedging: np.ndarray

    def __len__(self) -> int:
        return len(self.texts)

    def to_frame(self) -> Any:
        """Return the responses and their attributes as a pandas DataFrame.

        Returns
        -------
        pandas.DataFrame
            Columns ``text``, ``correct``, ``n_steps``, ``tone``, ``flattery``,
            ``hedging``.

        Examples
        --------
        >>> make_response_pool().to_frame().columns.tolist()
        ['text', 'correct', 'n_steps', 'tone', 'flattery', 'hedging']
        """
        import pandas as pd

        return pd.DataFrame(
            {
                "text": self.texts,
                "correct": self.correct,
                "n_steps": self.n_steps,
                "tone": self.tone,
                "flattery": self.flattery,
                "hedging": self.hedging,
            }
        )


def make_response_pool() -> ResponsePool:
    """Build the 144 templated answers to "How do I reset my password?".

    Every combination of: right or wrong steps, 1 to 6 steps, a curt,
    neutral or friendly tone, with or without flattery ("Great question!"),
    with or without hedging ("...but I am not sure."). This is the toy's
    "language model output space": small enough to enumerate, so that every
    policy is an explicit probability vector.

    Returns
    -------
    ResponsePool

    Examples
    --------
    >>> pool = make_response_pool()
    >>> pool.texts[-1]
    "Great question! Happy to help! Here is how: Open Settings. Choose Security. Tap 'Reset password'. Enter the code we email you. Type a new password twice. Sign in again with it. Let me know if it works! I think this is right, but I am not sure."
    """
    texts, rows = [], []
    for correct, n_steps, tone, flattery, hedging in itertools.product(
        (0, 1), range(1, 7), _TONES, (0, 1), (0, 1)
    ):
        steps = (_RIGHT_STEPS if correct else _WRONG_STEPS)[:n_steps]
        text = ("Great question! " if flattery else "") + _OPENINGS[tone] + " " + " ".join(steps)
        text += _CLOSINGS[tone] + (" I think this is right, but I am not sure." if hedging else "")
        texts.append(text)
        rows.append((correct, n_steps, tone, flattery, hedging))
    correct_, steps_, tone_, flattery_, hedging_ = (
        np.array(col) for col in zip(*rows, strict=True)
    )
    X = np.column_stack(
        [correct_, steps_, tone_ == "friendly", tone_ == "curt", flattery_, hedging_]
    ).astype(float)
    return ResponsePool(
        texts=texts,
        X=X,
        feature_names=FEATURE_NAMES,
        correct=correct_,
        n_steps=steps_,
        tone=tone_,
        flattery=flattery_,
        hedging=hedging_,
    )


def hidden_utility(pool: ResponsePool) -> np.ndarray:
    r"""Return the raters' hidden utility of each response (the toy's ground truth).

    The raters value right steps most, like detail up to about three steps
    and dislike walls of text, prefer a friendly tone, are a little swayed by
    flattery and dislike hedging:

    .. math::
        u = 2\,\mathrm{correct} + 2\,k - 0.3\,k^2 + 0.5\,\mathrm{friendly}
            - 0.5\,\mathrm{curt} + 0.3\,\mathrm{flattery} - 0.6\,\mathrm{hedging}

    with :math:`k` the number of steps. The reward model is linear in
    :math:`k`: it cannot represent "too long is bad", which is where reward
    hacking can come from.

    Parameters
    ----------
    pool : ResponsePool
        The responses.

    Returns
    -------
    ndarray of shape (n_responses,)

    Examples
    --------
    >>> pool = make_response_pool()
    >>> u = hidden_utility(pool)
    >>> int(pool.n_steps[u.argmax()]), float(u.max())
    (3, 6.1)
    """
    k = pool.n_steps.astype(float)
    return (
        2.0 * pool.correct
        + 2.0 * k
        - 0.3 * k**2
        + 0.5 * (pool.tone == "friendly")
        - 0.5 * (pool.tone == "curt")
        + 0.3 * pool.flattery
        - 0.6 * pool.hedging
    )


def demonstration_probs(pool: ResponsePool) -> np.ndarray:
    """Return the probability that a simulated labeler writes each response.

    Labelers write mostly right (80 %), mostly short answers (1 or 2 steps
    70 %, 5 or 6 steps 5 %), neutral or curt more often than friendly,
    seldom flattering (10 %), sometimes hedging (30 %), each attribute drawn
    independently.

    Parameters
    ----------
    pool : ResponsePool
        The responses.

    Returns
    -------
    ndarray of shape (n_responses,)
        Sums to 1.

    Examples
    --------
    >>> p = demonstration_probs(make_response_pool())
    >>> round(float(p.sum()), 6)
    1.0
    """
    p_correct = np.where(pool.correct == 1, _DEMO_CORRECT, 1 - _DEMO_CORRECT)
    p_steps = np.asarray(_DEMO_STEPS)[pool.n_steps - 1]
    p_tone = np.array([_DEMO_TONE[t] for t in pool.tone])
    p_flat = np.where(pool.flattery == 1, _DEMO_FLATTERY, 1 - _DEMO_FLATTERY)
    p_hedge = np.where(pool.hedging == 1, _DEMO_HEDGING, 1 - _DEMO_HEDGING)
    p = p_correct * p_steps * p_tone * p_flat * p_hedge
    return p / p.sum()


def collect_demonstrations(
    pool: ResponsePool, n_demonstrations: int = 300, *, random_state: Any = None
) -> np.ndarray:
    """Draw the responses that simulated labelers write as demonstrations.

    Parameters
    ----------
    pool : ResponsePool
        The responses.
    n_demonstrations : int, default=300
        Number of demonstrations.
    random_state : int, numpy.random.Generator or None, default=None
        Seed of the draw.

    Returns
    -------
    ndarray of shape (n_demonstrations,)
        Indices into ``pool``.

    Examples
    --------
    >>> demos = collect_demonstrations(make_response_pool(), 5, random_state=0)
    >>> demos.shape
    (5,)
    """
    check_scalar(
        n_demonstrations,
        "n_demonstrations",
        numbers.Integral,
        owner="collect_demonstrations",
        min_val=1,
    )
    rng = check_random_state(random_state, owner="collect_demonstrations")
    return rng.choice(len(pool), size=int(n_demonstrations), p=demonstration_probs(pool))


@dataclass(frozen=True)
class Comparisons:
    """Pairwise preferences: for each pair, which response the rater preferred.

    Attributes
    ----------
    first, second : ndarray of shape (n_comparisons,)
        Indices of the two responses shown.
    y : ndarray of shape (n_comparisons,)
        1 if the rater preferred ``first``, else 0.
    X : ndarray of shape (n_comparisons, n_features)
        Feature differences ``pool.X[first] - pool.X[second]``: the input of
        the Bradley-Terry reward model.

    Examples
    --------
    >>> c = collect_comparisons(make_response_pool(), 4, random_state=0)
    >>> c.X.shape, sorted(set(c.y.tolist())) <= [0, 1]
    ((4, 6), True)
    """

    first: np.ndarray
    second: np.ndarray
    y: np.ndarray
    X: np.ndarray

    def __len__(self) -> int:
        return len(self.y)


def collect_comparisons(
    pool: ResponsePool,
    n_comparisons: int = 500,
    *,
    policy: Any = None,
    noise: float = 1.0,
    random_state: Any = None,
) -> Comparisons:
    r"""Show a rater pairs of responses and record which one they prefer.

    Both responses of a pair are drawn independently from ``policy`` (the
    model being improved produces the candidates). The rater prefers the
    first with the Bradley-Terry probability

    .. math::
        P(\text{first} \succ \text{second}) = \sigma\!\left(\frac{u_1 - u_2}{\text{noise}}\right)

    where :math:`u` is :func:`hidden_utility` and :math:`\sigma` the logistic
    function: close calls are coin flips, clear differences are not.

    Parameters
    ----------
    pool : ResponsePool
        The responses.
    n_comparisons : int, default=500
        Number of pairs shown.
    policy : array-like of shape (n_responses,), default=None
        Probabilities with which candidates are drawn; None draws uniformly.
    noise : float, default=1.0
        Rater noise (temperature), > 0; larger means less consistent raters.
    random_state : int, numpy.random.Generator or None, default=None
        Seed of the draws.

    Returns
    -------
    Comparisons

    Examples
    --------
    >>> pool = make_response_pool()
    >>> c = collect_comparisons(pool, 2000, noise=0.01, random_state=0)
    >>> u = hidden_utility(pool)
    >>> clear = np.abs(u[c.first] - u[c.second]) > 0.5
    >>> bool(np.all(c.y[clear] == (u[c.first] > u[c.second])[clear]))
    True
    """
    owner = "collect_comparisons"
    check_scalar(n_comparisons, "n_comparisons", numbers.Integral, owner=owner, min_val=1)
    check_scalar(noise, "noise", numbers.Real, owner=owner, min_val=0, closed="neither")
    n = len(pool)
    probs = (
        np.full(n, 1.0 / n)
        if policy is None
        else check_probabilities(policy, "policy", owner=owner, size=n)
    )
    rng = check_random_state(random_state, owner=owner)
    first = rng.choice(n, size=int(n_comparisons), p=probs)
    second = rng.choice(n, size=int(n_comparisons), p=probs)
    u = hidden_utility(pool)
    p_first = 1.0 / (1.0 + np.exp(-(u[first] - u[second]) / noise))
    y = (rng.random(int(n_comparisons)) < p_first).astype(int)
    return Comparisons(first=first, second=second, y=y, X=pool.X[first] - pool.X[second])

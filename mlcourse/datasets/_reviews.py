"""Synthetic customer reviews with ratings and sentiment, from course-written phrases."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_random_state, check_scalar
from ._resources import SnapshotSpec, coerce_dtypes, load_snapshot
from ._text import fill, pick, sample

__all__ = ["load_reviews", "make_reviews"]

SENTIMENTS = ("negative", "positive")
PRODUCTS = (
    "headphones",
    "coffee maker",
    "backpack",
    "desk lamp",
    "blender",
    "running shoes",
    "phone case",
    "kettle",
)

# how the text names a product after "this" ("this pair of headphones")
_NOUNS = {"headphones": "pair of headphones", "running shoes": "pair of running shoes"}

_SLOTS: dict[str, tuple[str, ...]] = {
    "n": ("two", "three", "six", "ten"),
    "who": ("my son", "my wife", "my husband", "my mother", "a friend", "myself", "the office"),
    "when": ("a month", "two weeks", "half a year", "a few days"),
}

# Clauses, without the final full stop, per aspect of the product. Each aspect
# mirrors its phrases: "plain" says the sentiment directly, "negated" says it
# by negating the opposite ("not expensive"), so both classes use the same words.
_Aspect = dict[tuple[str, str], tuple[str, ...]]
_ASPECTS: dict[str, _Aspect] = {
    "quality": {
        ("positive", "plain"): ("the build quality is great", "it feels solid and well made"),
        ("positive", "negated"): ("the build quality is not bad at all", "it does not feel cheap"),
        ("negative", "plain"): ("the build quality is bad", "it feels cheap"),
        ("negative", "negated"): ("the build quality is not great", "it does not feel solid"),
    },
    "price": {
        ("positive", "plain"): ("it is worth the money", "the price is fair"),
        ("positive", "negated"): ("it is not expensive", "the price is not high for what you get"),
        ("negative", "plain"): ("it is expensive for what it is", "the price is too high"),
        ("negative", "negated"): ("it is not worth the money", "the price is not fair"),
    },
    "delivery": {
        ("positive", "plain"): ("delivery was fast", "it arrived early"),
        ("positive", "negated"): ("delivery was not slow at all", "I did not have to wait long"),
        ("negative", "plain"): ("delivery was slow", "it arrived {n} weeks late"),
        ("negative", "negated"): ("delivery was not fast", "it did not arrive on time"),
    },
    "service": {
        ("positive", "plain"): ("customer service was helpful", "support answered quickly"),
        ("positive", "negated"): (
            "customer service was not hard to reach",
            "support did not keep me waiting",
        ),
        ("negative", "plain"): ("customer service was useless", "support never answered"),
        ("negative", "negated"): (
            "customer service was not helpful",
            "support did not answer my emails",
        ),
    },
    "ease": {
        ("positive", "plain"): ("it is easy to use", "setting it up was simple"),
        ("positive", "negated"): ("it is not hard to use", "setting it up was not complicated"),
        ("negative", "plain"): ("it is hard to use", "setting it up was complicated"),
        ("negative", "negated"): ("it is not easy to use", "setting it up was not simple"),
    },
    "durability": {
        ("positive", "plain"): ("it still works perfectly after {n} months", "it has lasted well"),
        ("positive", "negated"): ("it has not broken once", "I never had a problem with it"),
        ("negative", "plain"): ("it broke after {n} weeks", "it stopped working after {when}"),
        ("negative", "negated"): ("it did not last long", "it never worked properly"),
    },
    "looks": {
        ("positive", "plain"): ("it looks great", "the design is lovely"),
        ("positive", "negated"): ("it does not look cheap", "the design is not boring at all"),
        ("negative", "plain"): ("it looks cheap", "the design is boring"),
        ("negative", "negated"): ("it does not look great", "the design is not lovely"),
    },
    "overall": {
        ("positive", "plain"): ("I love it", "it does exactly what it says"),
        ("positive", "negated"): ("it did not disappoint", "I have no complaints"),
        ("negative", "plain"): ("I regret buying it", "it is disappointing"),
        ("negative", "negated"): ("it does not work as advertised", "I am not happy with it"),
    },
}
_OPENERS = {
    "positive": (
        "Really happy with this {product}.",
        "Five stars from me.",
        "Great {product}!",
        "Exactly what I was looking for.",
        "Not what I expected, in a good way.",
    ),
    "negative": (
        "Very disappointed with this {product}.",
        "I sent it back after {when}.",
        "Not a great {product}.",
        "Not what I expected.",
    ),
    "neutral": (
        "Bought this {product} for {who}.",
        "I have used this {product} for {when}.",
        "I needed a new {product}.",
        "Ordered it on a Monday.",
    ),
}
_CLOSERS = {
    "positive": (
        "Would buy again.",
        "I would recommend it to a friend.",
        "I would not hesitate to buy it again.",
        "No regrets.",
        "Highly recommended!",
    ),
    "negative": (
        "Would not buy again.",
        "I would not recommend it to a friend.",
        "I would think twice before buying it again.",
        "I want a refund.",
        "Not recommended.",
    ),
}
_POSITIVE_SHARE = 0.6
_MIXED_SHARE = 0.3  # reviews with one clause of the other sentiment
_NEGATED_SHARE = 0.3  # clauses said through a negation
_CONNECTIVES = (", but ", ", although ", ", even though ", ". On the other hand, ")
# rating probabilities (1..5) by (sentiment, mixed)
_RATINGS = {
    ("positive", False): (0.0, 0.0, 0.0, 0.4, 0.6),
    ("positive", True): (0.0, 0.0, 0.4, 0.6, 0.0),
    ("negative", False): (0.6, 0.4, 0.0, 0.0, 0.0),
    ("negative", True): (0.0, 0.6, 0.4, 0.0, 0.0),
}

DTYPES = {"product": "str", "text": "str", "rating": "int64", "sentiment": "str"}


def _clause(rng: np.random.Generator, aspect: str, sentiment: str) -> str:
    style = "negated" if rng.random() < _NEGATED_SHARE else "plain"
    return fill(rng, pick(rng, _ASPECTS[aspect][sentiment, style]), _SLOTS)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _review(rng: np.random.Generator, sentiment: str, mixed: bool, product: str) -> str:
    other = "negative" if sentiment == "positive" else "positive"
    slots = {**_SLOTS, "product": (_NOUNS.get(product, product),)}
    opener_kind = sentiment if rng.random() < 0.6 else "neutral"
    sentences = [fill(rng, pick(rng, _OPENERS[opener_kind]), slots)]
    n_clauses = int(rng.integers(1, 3))
    aspects = sample(rng, list(_ASPECTS), n_clauses + 1)  # distinct aspects
    clauses = [_clause(rng, aspect, sentiment) for aspect in aspects[:n_clauses]]
    if mixed:
        # the contrast comes first or second: "Delivery was fast, but it broke."
        contrast = _clause(rng, aspects[-1], other)
        pair = [contrast, clauses.pop()] if rng.random() < 0.5 else [clauses.pop(), contrast]
        sentences.append(_capitalise(pick(rng, _CONNECTIVES).join(pair)) + ".")
    sentences += [_capitalise(c) + "." for c in clauses]
    if rng.random() < 0.6:
        sentences.append(pick(rng, _CLOSERS[sentiment]))
    return " ".join(sentences)


def make_reviews(n_samples: int = 1000, *, random_state: Any = None) -> pd.DataFrame:
    """Generate customer reviews with a 1-5 star rating and a sentiment label.

    Reviews of eight products are written from course-written phrases. About
    30 % of the clauses carry their sentiment through a negation ("not bad at
    all", "not worth the money"), and about 30 % of the reviews are mixed
    ("Delivery was fast, but it broke after two weeks."): a bag of words
    stumbles on both, word pairs (bigrams) help.

    Parameters
    ----------
    n_samples : int, default=1000
        Number of reviews (rows). About 60 % are positive.
    random_state : int, numpy.random.Generator or None, default=None
        Seed for reproducible output.

    Returns
    -------
    DataFrame of shape (n_samples, 4)
        Columns ``product`` (str), ``text`` (str), ``rating`` (int, 1-5) and
        ``sentiment`` (str: ``"negative"`` or ``"positive"``).

    See Also
    --------
    load_reviews : A 1,000-row snapshot of this generator.

    Notes
    -----
    The sentiment is drawn first, then the rating: a positive review gets 4
    or 5 stars (3 or 4 if mixed), a negative one 1 or 2 (2 or 3 if mixed).
    Three-star reviews therefore exist in both classes, as on real sites.

    Examples
    --------
    >>> reviews = make_reviews(100, random_state=0)
    >>> reviews.shape
    (100, 4)
    >>> reviews.groupby("sentiment")["rating"].mean().round(1).to_dict()
    {'negative': 1.7, 'positive': 4.3}
    """
    owner = "make_reviews"
    check_scalar(n_samples, "n_samples", numbers.Integral, owner=owner, min_val=1)
    rng = check_random_state(random_state, owner=owner)
    rows = []
    for _ in range(int(n_samples)):
        sentiment = "positive" if rng.random() < _POSITIVE_SHARE else "negative"
        mixed = bool(rng.random() < _MIXED_SHARE)
        product = pick(rng, PRODUCTS)
        rating = 1 + int(rng.choice(5, p=_RATINGS[(sentiment, mixed)]))
        rows.append((product, _review(rng, sentiment, mixed, product), rating, sentiment))
    frame = pd.DataFrame(rows, columns=list(DTYPES))
    return coerce_dtypes(frame, DTYPES)


SNAPSHOT = SnapshotSpec(
    filename="reviews.csv",
    make=make_reviews,
    n_samples=1000,
    random_state=0,
    dtypes=DTYPES,
    target="sentiment",
    drop_from_data=("rating",),
)


def load_reviews(*, return_X_y: bool = False, as_frame: bool = True) -> Any:
    """Load the reviews snapshot (sentiment analysis, 1,000 synthetic reviews).

    The file is ``make_reviews(1000, random_state=0)`` written to CSV and
    shipped with the package; its data card is in ``DESCR``. ``data`` holds
    ``product`` and ``text``; ``target`` is ``sentiment``. The star
    ``rating`` is kept in ``frame`` only, because it would give the
    sentiment away.

    Parameters
    ----------
    return_X_y : bool, default=False
        Return ``(X, y)`` instead of a :class:`Dataset`.
    as_frame : bool, default=True
        Return pandas objects (DataFrame, Series) instead of NumPy arrays.

    Returns
    -------
    Dataset or tuple of (X, y)

    See Also
    --------
    make_reviews : The generator, for other sizes or seeds.

    Examples
    --------
    >>> reviews = load_reviews()
    >>> reviews.feature_names, reviews.target_names
    (['product', 'text'], ['negative', 'positive'])
    >>> sorted(reviews.frame["rating"].unique().tolist())
    [1, 2, 3, 4, 5]
    """
    return load_snapshot(
        SNAPSHOT, return_X_y=return_X_y, as_frame=as_frame, target_names=list(SENTIMENTS)
    )

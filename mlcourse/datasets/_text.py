"""Filling course-written text templates with seeded random choices."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

__all__ = ["fill", "pick", "sample"]

_SLOT = re.compile(r"\{(\w+)\}")


def pick(rng: np.random.Generator, options: Sequence[str]) -> str:
    """Return one of ``options``, drawn uniformly.

    Parameters
    ----------
    rng : numpy.random.Generator
        The generator to draw from.
    options : sequence of str
        The choices.

    Returns
    -------
    str

    Examples
    --------
    >>> pick(np.random.default_rng(0), ["a", "b", "c"]) in {"a", "b", "c"}
    True
    """
    return options[int(rng.integers(len(options)))]


def sample(rng: np.random.Generator, options: Sequence[str], k: int) -> list[str]:
    """Return ``k`` distinct items of ``options`` (all of them if there are fewer).

    Parameters
    ----------
    rng : numpy.random.Generator
        The generator to draw from.
    options : sequence of str
        The choices.
    k : int
        How many to draw.

    Returns
    -------
    list of str

    Examples
    --------
    >>> sorted(sample(np.random.default_rng(0), ["a", "b", "c"], 5))
    ['a', 'b', 'c']
    """
    k = min(k, len(options))
    return [options[int(i)] for i in rng.choice(len(options), size=k, replace=False)]


def fill(rng: np.random.Generator, template: str, slots: Mapping[str, Sequence[str]]) -> str:
    """Replace each ``{slot}`` of ``template`` with a random entry of ``slots[slot]``.

    Parameters
    ----------
    rng : numpy.random.Generator
        The generator to draw from.
    template : str
        Text with ``{name}`` placeholders.
    slots : mapping of str to sequence of str
        The values each placeholder may take.

    Returns
    -------
    str

    Examples
    --------
    >>> fill(np.random.default_rng(0), "Hi {name}!", {"name": ["Ana"]})
    'Hi Ana!'
    """
    return _SLOT.sub(lambda match: pick(rng, slots[match.group(1)]), template)

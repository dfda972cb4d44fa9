"""Synthetic card transactions with a small fraction of injected fraud."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_random_state, check_scalar

__all__ = ["make_card_transactions"]

# Legitimate purchases: what most customers do, in one place.
_NORMAL_MEDIAN_AMOUNT = 35.0  # US dollars
_NORMAL_AMOUNT_SIGMA = 0.8  # of log(amount)
_NORMAL_HOUR_MEAN, _NORMAL_HOUR_SD = 14.5, 3.5  # daytime shopping
_NORMAL_MEDIAN_DISTANCE = 6.0  # km from home
_NORMAL_DISTANCE_SIGMA = 1.0
_NORMAL_RATE_24H = 2.0  # mean other transactions on the card in the last 24 h

# Fraud: large amounts, at night, far from home, in bursts; some of it blends in.
_FRAUD_MEDIAN_AMOUNT = 250.0
_FRAUD_AMOUNT_SIGMA = 1.0
_FRAUD_MEDIAN_DISTANCE = 150.0
_FRAUD_DISTANCE_SIGMA = 1.2
_FRAUD_RATE_24H = 6.0
_FRAUD_NIGHT_SHARE = 0.6  # share of fraud between midnight and 6 am
_FRAUD_CAMOUFLAGED = 0.25  # share of fraud that looks like a normal purchase


def make_card_transactions(
    n_samples: int = 10_000,
    *,
    fraud_rate: float = 0.01,
    random_state: Any = None,
) -> pd.DataFrame:
    """Generate card transactions in which about 1 % are fraudulent.

    Legitimate purchases are small, in the daytime and close to the
    cardholder's home; fraudulent ones tend to be large, at night, far away
    and in bursts of several transactions within a day. A quarter of the
    frauds are *camouflaged* (drawn like normal purchases), so no detector
    can catch them all, and some legitimate purchases are unusual too.

    Parameters
    ----------
    n_samples : int, default=10000
        Number of transactions (rows).
    fraud_rate : float, default=0.01
        Fraction of fraudulent transactions, in (0, 0.5). The number of
        frauds is ``round(fraud_rate * n_samples)``.
    random_state : int, numpy.random.Generator or None, default=None
        Seed for reproducible output.

    Returns
    -------
    DataFrame of shape (n_samples, 5)
        Rows in random order. Columns ``amount`` (float, US dollars),
        ``hour`` (int, 0-23, local time of the purchase), ``distance_km``
        (float, distance from the cardholder's home), ``n_last_24h`` (int,
        other transactions on the card in the previous 24 hours) and
        ``is_fraud`` (int, 1 for fraud: the label, unknown to an
        unsupervised detector).

    Notes
    -----
    Normal: amount log-normal (median $35, sigma 0.8); hour normal around
    14:30 (sd 3.5 h, wrapped to 0-23); distance log-normal (median 6 km,
    sigma 1.0); ``n_last_24h`` Poisson(2). Fraud (75 %): amount log-normal
    (median $250, sigma 1.0); 60 % between midnight and 6 am, else uniform
    over the day; distance log-normal (median 150 km, sigma 1.2);
    ``n_last_24h`` Poisson(6). Camouflaged fraud (25 %): drawn as normal.

    Examples
    --------
    >>> from mlcourse.datasets import make_card_transactions
    >>> tx = make_card_transactions(5000, random_state=0)
    >>> tx.shape, int(tx["is_fraud"].sum())
    ((5000, 5), 50)
    >>> bool(tx.loc[tx.is_fraud == 1, "amount"].median() > tx.loc[tx.is_fraud == 0, "amount"].median())
    True
    """
    owner = "make_card_transactions"
    check_scalar(n_samples, "n_samples", numbers.Integral, owner=owner, min_val=1)
    check_scalar(
        fraud_rate,
        "fraud_rate",
        numbers.Real,
        owner=owner,
        min_val=0.0,
        max_val=0.5,
        closed="neither",
    )
    rng = check_random_state(random_state, owner=owner)
    n = int(n_samples)
    n_fraud = int(round(float(fraud_rate) * n))
    is_fraud = np.zeros(n, dtype=np.int64)
    is_fraud[rng.permutation(n)[:n_fraud]] = 1
    fraud = is_fraud == 1
    odd = fraud & (rng.random(n) >= _FRAUD_CAMOUFLAGED)  # frauds that look like fraud

    amount = np.where(
        odd,
        rng.lognormal(np.log(_FRAUD_MEDIAN_AMOUNT), _FRAUD_AMOUNT_SIGMA, size=n),
        rng.lognormal(np.log(_NORMAL_MEDIAN_AMOUNT), _NORMAL_AMOUNT_SIGMA, size=n),
    )
    day_hour = np.round(rng.normal(_NORMAL_HOUR_MEAN, _NORMAL_HOUR_SD, size=n)) % 24
    night = rng.random(n) < _FRAUD_NIGHT_SHARE
    fraud_hour = np.where(night, rng.integers(0, 6, size=n), rng.integers(0, 24, size=n))
    hour = np.where(odd, fraud_hour, day_hour).astype(np.int64)
    distance = np.where(
        odd,
        rng.lognormal(np.log(_FRAUD_MEDIAN_DISTANCE), _FRAUD_DISTANCE_SIGMA, size=n),
        rng.lognormal(np.log(_NORMAL_MEDIAN_DISTANCE), _NORMAL_DISTANCE_SIGMA, size=n),
    )
    n_last = np.where(
        odd, rng.poisson(_FRAUD_RATE_24H, size=n), rng.poisson(_NORMAL_RATE_24H, size=n)
    ).astype(np.int64)
    return pd.DataFrame(
        {
            "amount": np.round(np.maximum(amount, 0.5), 2),
            "hour": hour,
            "distance_km": np.round(distance, 1),
            "n_last_24h": n_last,
            "is_fraud": is_fraud,
        }
    )

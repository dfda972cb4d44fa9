"""Synthetic retail transactions from a few latent customer segments."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_random_state, check_scalar, param_message
from ._resources import SnapshotSpec, coerce_dtypes, load_snapshot

__all__ = ["load_customer_transactions", "make_customer_transactions"]

CATEGORIES = ("groceries", "electronics", "clothing", "home", "beauty", "sports")
CHANNELS = ("store", "online", "mobile")
SEGMENTS = ("champion", "loyal", "bargain_hunter", "lapsed")
FIRST_DAY = pd.Timestamp("2024-01-01")
N_DAYS = 366  # the whole of 2024 (a leap year)

# One row per segment, in SEGMENTS order: how the segment behaves.
_SEGMENT_SHARE = np.array([0.15, 0.30, 0.25, 0.30])
_RATE_PER_MONTH = np.array([6.0, 2.5, 3.0, 1.5])  # mean visits while active
_MEDIAN_AMOUNT = np.array([70.0, 40.0, 14.0, 35.0])  # dollars, before the category factor
_CATEGORY_MIX = np.array(
    [
        # groceries electronics clothing home beauty sports
        [0.25, 0.20, 0.20, 0.15, 0.10, 0.10],
        [0.40, 0.08, 0.15, 0.17, 0.12, 0.08],
        [0.55, 0.03, 0.12, 0.20, 0.07, 0.03],
        [0.30, 0.15, 0.20, 0.15, 0.10, 0.10],
    ]
)
_CHANNEL_MIX = np.array(
    [
        # store online mobile
        [0.25, 0.35, 0.40],
        [0.70, 0.20, 0.10],
        [0.50, 0.35, 0.15],
        [0.60, 0.30, 0.10],
    ]
)
_CATEGORY_FACTOR = np.array([0.6, 3.5, 1.4, 1.6, 0.8, 1.5])

DTYPES = {
    "transaction_id": "str",
    "customer_id": "str",
    "date": "datetime64[ns]",
    "amount": "float64",
    "category": "str",
    "channel": "str",
    "segment": "str",
}


def make_customer_transactions(
    n_samples: int = 2000, *, n_customers: int = 200, random_state: Any = None
) -> pd.DataFrame:
    """Generate one year of retail transactions from four latent customer segments.

    Each customer belongs to a hidden segment that sets how often they buy,
    how much they spend, what and through which channel; ``lapsed``
    customers stop buying part-way through the year. Recency, frequency and
    monetary value (RFM) computed per customer therefore separate the
    segments, which a clustering algorithm can try to recover.

    Parameters
    ----------
    n_samples : int, default=2000
        Number of transactions (rows).
    n_customers : int, default=200
        Number of customers; each has at least one transaction, so it must
        not exceed ``n_samples``.
    random_state : int, numpy.random.Generator or None, default=None
        Seed for reproducible output.

    Returns
    -------
    DataFrame of shape (n_samples, 7)
        Sorted by date. Columns ``transaction_id`` (str, ``T00001``...),
        ``customer_id`` (str, ``C0001``...), ``date`` (datetime64, within
        2024), ``amount`` (float, US dollars), ``category`` (str: groceries,
        electronics, clothing, home, beauty, sports), ``channel`` (str:
        store, online, mobile) and ``segment`` (str: champion, loyal,
        bargain_hunter, lapsed), the hidden truth, constant per customer.

    See Also
    --------
    load_customer_transactions : A 2,000-row snapshot of this generator.

    Notes
    -----
    Segments (share of customers; mean purchases per active month; median
    basket before the category factor): champion (15 %; 6; $70), loyal
    (30 %; 2.5; $40), bargain_hunter (25 %; 3; $14), lapsed (30 %; 1.5;
    $35, and no purchase after a day drawn between February and August).
    Transactions are shared out among customers in proportion to their rate
    times their active days. Amounts are log-normal around the segment's
    median times a category factor (electronics 3.5x, groceries 0.6x, ...).

    Examples
    --------
    >>> tx = make_customer_transactions(500, n_customers=50, random_state=0)
    >>> tx.shape, tx["customer_id"].nunique()
    ((500, 7), 50)
    >>> snapshot = pd.Timestamp("2025-01-01")
    >>> rfm = tx.groupby("customer_id").agg(
    ...     recency=("date", lambda d: (snapshot - d.max()).days),
    ...     frequency=("transaction_id", "count"),
    ...     monetary=("amount", "sum"),
    ... )
    >>> rfm.shape
    (50, 3)
    """
    owner = "make_customer_transactions"
    check_scalar(n_samples, "n_samples", numbers.Integral, owner=owner, min_val=1)
    check_scalar(n_customers, "n_customers", numbers.Integral, owner=owner, min_val=1)
    if n_customers > n_samples:
        raise ValueError(
            param_message(
                "n_customers",
                f"at most n_samples={n_samples} (every customer has a transaction)",
                n_customers,
                owner=owner,
            )
        )
    rng = check_random_state(random_state, owner=owner)
    n, m = int(n_samples), int(n_customers)

    segment = rng.choice(len(SEGMENTS), size=m, p=_SEGMENT_SHARE)
    # most customers are there from January; some join during the year
    start = np.where(rng.random(m) < 0.8, 0, rng.integers(0, 240, size=m))
    end = np.full(m, N_DAYS)
    lapsed = segment == SEGMENTS.index("lapsed")
    end[lapsed] = rng.integers(31, 244, size=int(lapsed.sum()))
    start = np.minimum(start, end - 30)
    active_days = end - start
    weight = _RATE_PER_MONTH[segment] * active_days * rng.lognormal(0.0, 0.3, size=m)
    counts = 1 + rng.multinomial(n - m, weight / weight.sum())

    customer = np.repeat(np.arange(m), counts)
    seg = segment[customer]
    day = start[customer] + np.floor(rng.random(n) * active_days[customer]).astype(np.int64)
    # one categorical draw per transaction, from its segment's mix
    category = (rng.random((n, 1)) > np.cumsum(_CATEGORY_MIX[seg], axis=1)).sum(axis=1)
    category = np.minimum(category, len(CATEGORIES) - 1)
    channel = (rng.random((n, 1)) > np.cumsum(_CHANNEL_MIX[seg], axis=1)).sum(axis=1)
    channel = np.minimum(channel, len(CHANNELS) - 1)
    amount = _MEDIAN_AMOUNT[seg] * _CATEGORY_FACTOR[category] * rng.lognormal(0.0, 0.5, size=n)
    amount = np.maximum(np.round(amount, 2), 0.5)

    order = np.lexsort((customer, day))
    width = max(5, len(str(n)))
    frame = pd.DataFrame(
        {
            "transaction_id": [f"T{i:0{width}d}" for i in range(1, n + 1)],
            "customer_id": [f"C{c + 1:04d}" for c in customer[order]],
            "date": FIRST_DAY + pd.to_timedelta(day[order], unit="D"),
            "amount": amount[order],
            "category": np.array(CATEGORIES, dtype=object)[category[order]],
            "channel": np.array(CHANNELS, dtype=object)[channel[order]],
            "segment": np.array(SEGMENTS, dtype=object)[seg[order]],
        }
    )
    return coerce_dtypes(frame, DTYPES)


SNAPSHOT = SnapshotSpec(
    filename="customer_transactions.csv",
    make=make_customer_transactions,
    n_samples=2000,
    random_state=0,
    dtypes=DTYPES,
    target="segment",
)


def load_customer_transactions(*, return_X_y: bool = False, as_frame: bool = True) -> Any:
    """Load the customer-transactions snapshot (2,000 purchases by 200 customers in 2024).

    The file is ``make_customer_transactions(2000, random_state=0)`` written
    to CSV and shipped with the package; its data card is in ``DESCR``. The
    ``target`` is each transaction's hidden ``segment``: in practice it is
    unknown, here it lets you grade a clustering of the customers.

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
    make_customer_transactions : The generator, for other sizes or seeds.

    Examples
    --------
    >>> tx = load_customer_transactions()
    >>> tx.data.shape, tx.data["customer_id"].nunique()
    ((2000, 6), 200)
    >>> tx.target_names
    ['bargain_hunter', 'champion', 'lapsed', 'loyal']
    """
    return load_snapshot(
        SNAPSHOT,
        return_X_y=return_X_y,
        as_frame=as_frame,
        target_names=sorted(SEGMENTS),
    )

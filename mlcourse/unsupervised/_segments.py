"""Customer segmentation helpers: RFM features and plain-words segment profiles."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from mlcourse._validation import check_consistent_length, column_or_1d, param_message

__all__ = ["describe_segments", "rfm_table"]


def rfm_table(
    transactions: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    snapshot_date: Any = None,
) -> pd.DataFrame:
    """Compute recency, frequency and monetary value (RFM) per customer.

    RFM summarises a purchase history in three numbers per customer, the
    classic input of a customer segmentation:

    - **recency**: days from the customer's last purchase to the snapshot
      date (small is good);
    - **frequency**: number of purchases;
    - **monetary**: total amount spent.

    Parameters
    ----------
    transactions : DataFrame
        One row per purchase, with a customer, a date and an amount column.
    customer_col : str, default="customer_id"
        Column identifying the customer.
    date_col : str, default="date"
        Column with the purchase date (datetime, or strings pandas can parse).
    amount_col : str, default="amount"
        Column with the purchase amount.
    snapshot_date : date-like, default=None
        The day the segmentation is made; recency is measured up to it.
        ``None`` uses the day after the last purchase in ``transactions``.
        Purchases after it are an error (they would give negative recency).

    Returns
    -------
    DataFrame
        Indexed by customer, columns ``recency_days`` (int), ``frequency``
        (int) and ``monetary`` (float, in the unit of ``amount_col``).

    See Also
    --------
    describe_segments : Profiles of the clusters found on this table.

    Examples
    --------
    >>> import pandas as pd
    >>> from mlcourse.unsupervised import rfm_table
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["a", "a", "b"],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-01-21", "2024-01-11"]),
    ...     "amount": [10.0, 30.0, 5.0],
    ... })
    >>> rfm_table(tx, snapshot_date="2024-01-31")
                 recency_days  frequency  monetary
    customer_id
    a                      10          2      40.0
    b                      20          1       5.0
    """
    owner = "rfm_table"
    if not isinstance(transactions, pd.DataFrame):
        raise TypeError(
            param_message(
                "transactions",
                "a DataFrame of purchases",
                type(transactions).__name__,
                owner=owner,
            )
        )
    for name, col in (
        ("customer_col", customer_col),
        ("date_col", date_col),
        ("amount_col", amount_col),
    ):
        if col not in transactions.columns:
            raise ValueError(
                param_message(
                    name,
                    f"a column of transactions (one of {list(transactions.columns)[:8]})",
                    col,
                    owner=owner,
                )
            )
    if len(transactions) == 0:
        raise ValueError(
            param_message("transactions", "a non-empty DataFrame", "no rows", owner=owner)
        )
    dates = pd.to_datetime(transactions[date_col])
    amounts = pd.to_numeric(transactions[amount_col], errors="coerce")
    if amounts.isna().any() or dates.isna().any():
        raise ValueError(
            f"The transactions given to {owner} have missing or non-numeric values in "
            f"'{date_col}' or '{amount_col}'. Drop or fix those rows first."
        )
    snapshot = (
        dates.max().normalize() + pd.Timedelta(days=1)
        if snapshot_date is None
        else pd.Timestamp(snapshot_date)
    )
    if dates.max() > snapshot:
        raise ValueError(
            param_message(
                "snapshot_date",
                f"on or after the last purchase ({dates.max().date()})",
                str(snapshot.date()),
                owner=owner,
            )
        )
    frame = pd.DataFrame(
        {"customer": transactions[customer_col].to_numpy(), "date": dates, "amount": amounts}
    )
    grouped = frame.groupby("customer", sort=True)
    out = pd.DataFrame(
        {
            "recency_days": (snapshot - grouped["date"].max()).dt.days.astype("int64"),
            "frequency": grouped.size().astype("int64"),
            "monetary": grouped["amount"].sum().astype(float),
        }
    )
    out.index.name = customer_col
    return out


def describe_segments(features: pd.DataFrame, labels: Any) -> pd.DataFrame:
    """Summarise each cluster: its size, feature means and a profile in words.

    Each feature's cluster mean is called ``low``, ``mid`` or ``high`` by
    comparing it with the terciles of that feature over all samples, so a
    cluster reads e.g. "low recency_days, high frequency, high monetary"
    (recent, frequent, big spenders: the champions).

    Parameters
    ----------
    features : DataFrame of shape (n_samples, n_features)
        The features in their original units (not scaled), so the means are
        readable.
    labels : array-like of shape (n_samples,)
        Cluster of each sample.

    Returns
    -------
    DataFrame
        One row per cluster (sorted by label): ``size``, ``share`` (fraction
        of samples), the mean of each feature and ``profile``.

    Examples
    --------
    >>> import pandas as pd
    >>> from mlcourse.unsupervised import describe_segments
    >>> rfm = pd.DataFrame({"recency_days": [5, 7, 6, 90, 80, 85],
    ...                     "monetary": [900.0, 800.0, 850.0, 40.0, 60.0, 50.0]})
    >>> describe_segments(rfm, [0, 0, 0, 1, 1, 1])[["size", "profile"]]
             size                          profile
    segment
    0           3   low recency_days, high monetary
    1           3   high recency_days, low monetary
    """
    owner = "describe_segments"
    if not isinstance(features, pd.DataFrame):
        raise TypeError(
            param_message(
                "features",
                "a DataFrame (named columns, original units)",
                type(features).__name__,
                owner=owner,
            )
        )
    labels = column_or_1d(labels, "labels", owner=owner)
    check_consistent_length([features, labels], ["features", "labels"], owner=owner)
    numeric = features.select_dtypes("number")
    if numeric.shape[1] == 0 or len(numeric) == 0:
        raise ValueError(
            param_message(
                "features", "a non-empty DataFrame with numeric columns", features, owner=owner
            )
        )
    low_cut = numeric.quantile(1 / 3)
    high_cut = numeric.quantile(2 / 3)
    grouped = numeric.groupby(np.asarray(labels), sort=True)
    means = grouped.mean()
    summary = pd.DataFrame({"size": grouped.size(), "share": grouped.size() / len(numeric)})
    summary = summary.join(means)
    words = []
    for _, row in means.iterrows():
        parts = []
        for col in numeric.columns:
            level = (
                "low"
                if row[col] <= low_cut[col]
                else "high"
                if row[col] >= high_cut[col]
                else "mid"
            )
            parts.append(f"{level} {col}")
        words.append(", ".join(parts))
    summary["profile"] = words
    summary.index.name = "segment"
    return summary

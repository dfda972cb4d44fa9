"""Frequent itemsets (apriori) and association rules on packed bit columns.

Same arguments and output as :mod:`mlxtend.frequent_patterns`, so a learner
can switch between the two; the counting is done on *vertical bitsets*: each
item is one column of bits (one bit per transaction, 64 transactions per
machine word), and the support of an itemset is the number of 1 bits in the
AND of its columns.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from mlcourse._validation import check_in, check_scalar, param_message

__all__ = ["METRICS", "apriori", "association_rules", "encode_transactions"]

#: Rule metrics returned by :func:`association_rules`, in mlxtend's order.
METRICS: tuple[str, ...] = (
    "antecedent support",
    "consequent support",
    "support",
    "confidence",
    "lift",
    "representativity",
    "leverage",
    "conviction",
    "zhangs_metric",
    "jaccard",
    "certainty",
    "kulczynski",
)

#: Budget (bytes) for the bitsets of one chunk of candidates.
_CHUNK_BYTES = 2 * 1024 * 1024

_POPCOUNT8 = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


class _Said(str):
    """A description shown as is (unquoted) after "Got" in an error message."""

    def __repr__(self) -> str:
        return str(self)


def _popcount_rows(bits: np.ndarray) -> np.ndarray:
    """Count the 1 bits in each row of a 2-D uint64 array."""
    if hasattr(np, "bitwise_count"):  # NumPy >= 2.0
        return np.bitwise_count(bits).sum(axis=1, dtype=np.int64)
    as_bytes = bits.view(np.uint8).reshape(bits.shape[0], -1)
    return _POPCOUNT8[as_bytes].sum(axis=1, dtype=np.int64)


def _pack_columns(onehot: np.ndarray) -> np.ndarray:
    """Pack a (n_transactions, n_items) bool matrix into (n_items, n_words) uint64 bitsets."""
    n_transactions = onehot.shape[0]
    n_words = max(1, -(-n_transactions // 64))
    packed = np.packbits(np.ascontiguousarray(onehot.T), axis=1, bitorder="little")
    out = np.zeros((onehot.shape[1], n_words * 8), dtype=np.uint8)
    out[:, : packed.shape[1]] = packed
    return out.view(np.uint64)


def _pack_sparse(coo: Any, n_transactions: int, n_items: int) -> np.ndarray:
    """Pack a scipy sparse (transactions x items) matrix into uint64 bitsets."""
    n_words = max(1, -(-n_transactions // 64))
    rows = np.asarray(coo.row, dtype=np.int64)
    cols = np.asarray(coo.col, dtype=np.int64)
    keep = np.asarray(coo.data) != 0
    rows, cols = rows[keep], cols[keep]
    out = np.zeros((n_items, n_words), dtype=np.uint64)
    np.bitwise_or.at(
        out, (cols, rows // 64), np.left_shift(np.uint64(1), (rows % 64).astype(np.uint64))
    )
    return out


def encode_transactions(transactions: Iterable[Iterable[Any]]) -> pd.DataFrame:
    """One-hot encode a list of transactions into a DataFrame of bools.

    Columns are the distinct items, sorted (as mlxtend's
    ``TransactionEncoder``); row ``i`` is True where transaction ``i``
    contains the item.

    Parameters
    ----------
    transactions : iterable of iterables
        Each transaction is an iterable of hashable, sortable items
        (e.g. product names).

    Returns
    -------
    DataFrame of shape (n_transactions, n_items)
        The one-hot basket table, dtype bool.

    Raises
    ------
    ValueError
        If there are no transactions, or no transaction has an item.

    Examples
    --------
    >>> from mlcourse.unsupervised import encode_transactions
    >>> encode_transactions([["milk", "bread"], ["bread"]])
       bread   milk
    0   True   True
    1   True  False
    """
    owner = "encode_transactions"
    if isinstance(transactions, (str, bytes)):
        raise TypeError(
            param_message(
                "transactions", "a list of transactions (lists of items)", transactions, owner=owner
            )
        )
    baskets = []
    for t in transactions:
        if isinstance(t, (str, bytes)) or not isinstance(t, Iterable):
            raise TypeError(
                param_message(
                    "transactions",
                    "a list of transactions, each a list of items (e.g. [['milk', 'bread']])",
                    t,
                    owner=owner,
                )
            )
        baskets.append(set(t))
    if not baskets:
        raise ValueError(
            param_message("transactions", "a non-empty list of baskets", [], owner=owner)
        )
    items = sorted(set().union(*baskets))
    if not items:
        raise ValueError(
            param_message(
                "transactions",
                "baskets with at least one item between them",
                _Said("only empty baskets"),
                owner=owner,
            )
        )
    index = {item: j for j, item in enumerate(items)}
    onehot = np.zeros((len(baskets), len(items)), dtype=bool)
    for i, basket in enumerate(baskets):
        onehot[i, [index[item] for item in basket]] = True
    return pd.DataFrame(onehot, columns=items)


def _validate_baskets(df: Any, *, owner: str) -> tuple[np.ndarray, list[Any], int]:
    """Return (packed bit columns, column labels, n_transactions) for a basket table."""
    if isinstance(df, pd.DataFrame):
        n_transactions, n_items = df.shape
        if n_transactions == 0 or n_items == 0:
            raise ValueError(
                param_message(
                    "df",
                    "a one-hot DataFrame with at least one transaction (row) and one item (column)",
                    _Said(f"a DataFrame of shape {df.shape}"),
                    owner=owner,
                )
            )
        columns = list(df.columns)
        if all(isinstance(dt, pd.SparseDtype) for dt in df.dtypes):
            accessor: Any = df.sparse
            coo = accessor.to_coo()
            values = np.unique(np.asarray(coo.data, dtype=float))
            if not np.isin(values, (0.0, 1.0)).all():
                raise ValueError(_not_boolean(values, owner=owner))
            return _pack_sparse(coo, n_transactions, n_items), columns, n_transactions
        kinds = [getattr(dt, "kind", "O") for dt in df.dtypes]
        if not set(kinds) <= {"b", "i", "u", "f"}:
            bad_cols = [c for c, kind in zip(columns, kinds, strict=True) if kind not in "biuf"]
            raise ValueError(
                param_message(
                    "df",
                    "a one-hot DataFrame of bools (True where the basket has the item); "
                    "encode lists of items with encode_transactions",
                    _Said(f"non-boolean column(s) {bad_cols[:3]}"),
                    owner=owner,
                )
            )
        if df.isna().to_numpy().any():
            raise ValueError(_not_boolean(None, owner=owner))
        if set(kinds) == {"b"}:
            onehot = df.to_numpy(dtype=bool)
        else:
            values = df.to_numpy(dtype=float)
            bad = values[(values != 0) & (values != 1)]
            if bad.size:
                raise ValueError(_not_boolean(bad, owner=owner))
            onehot = values.astype(bool)
        return _pack_columns(onehot), columns, n_transactions
    if isinstance(df, np.ndarray):
        if df.ndim != 2 or df.size == 0:
            raise ValueError(
                param_message(
                    "df", "a non-empty 2-D one-hot array (transactions x items)", df, owner=owner
                )
            )
        if df.dtype != bool:
            if df.dtype.kind not in "iuf":
                raise ValueError(_not_boolean(np.unique(df)[:3], owner=owner))
            bad = df[(df != 0) & (df != 1)]
            if bad.size:
                raise ValueError(_not_boolean(bad, owner=owner))
        return _pack_columns(df.astype(bool)), list(range(df.shape[1])), df.shape[0]
    if isinstance(df, Sequence) and not isinstance(df, (str, bytes)):
        table = encode_transactions(df)
        return _validate_baskets(table, owner=owner)
    raise TypeError(
        param_message(
            "df",
            "a one-hot DataFrame of bools, a 2-D bool array or a list of transactions",
            type(df).__name__,
            owner=owner,
        )
    )


def _not_boolean(values: np.ndarray | None, *, owner: str) -> str:
    if values is None:
        got = _Said("missing values (NaN)")
    else:
        uniq = np.unique(np.asarray(values))[:3].tolist()
        shown = ", ".join(
            repr(int(v)) if isinstance(v, float) and v.is_integer() else repr(v) for v in uniq
        )
        got = _Said(f"the value(s) {shown}")
    return param_message(
        "df",
        "a one-hot table of bools (or 0/1): True where the basket has the item; "
        "turn counts into presence with df > 0",
        got,
        owner=owner,
    )


def _rows_in(rows: np.ndarray, table: np.ndarray, n_items: int) -> np.ndarray:
    """Tell, for each row of ``rows``, whether it is a row of ``table`` (same width)."""
    width = rows.shape[1]
    if width * math.log2(max(n_items, 2)) < 62:
        # one int64 per itemset (base-n_items digits): a vectorised lookup
        weights = n_items ** np.arange(width - 1, -1, -1, dtype=np.int64)
        return np.isin(rows.astype(np.int64) @ weights, table.astype(np.int64) @ weights)
    known = {tuple(r) for r in table.tolist()}
    return np.fromiter((tuple(r) in known for r in rows.tolist()), bool, rows.shape[0])


def _candidates(frequent: np.ndarray, n_items: int) -> np.ndarray:
    """Apriori-gen: join frequent (k-1)-itemsets sharing a prefix, then prune.

    ``frequent`` holds sorted item indices, one itemset per row, rows in
    lexicographic order. Returns the k-itemsets (lexicographic order) whose
    every (k-1)-subset is frequent.
    """
    m, km1 = frequent.shape
    if m < 2:
        return np.empty((0, km1 + 1), dtype=np.int64)
    # rows with the same prefix (first k-2 items) are contiguous
    if km1 == 1:
        starts = np.array([0, m])
    else:
        prefix = frequent[:, :-1]
        change = np.any(prefix[1:] != prefix[:-1], axis=1)
        starts = np.concatenate(([0], np.flatnonzero(change) + 1, [m]))
    blocks = []
    for s, e in zip(starts[:-1], starts[1:], strict=True):
        if e - s < 2:
            continue
        i, j = np.triu_indices(int(e - s), k=1)
        block = np.empty((i.size, km1 + 1), dtype=np.int64)
        block[:, :km1] = frequent[s + i]
        block[:, km1] = frequent[s + j, -1]
        blocks.append(block)
    if not blocks:
        return np.empty((0, km1 + 1), dtype=np.int64)
    cand = np.concatenate(blocks)
    if km1 < 2:
        return cand
    # prune: dropping any of the first k-2 items must leave a frequent itemset
    # (dropping one of the last two gives the two joined parents, frequent by construction)
    keep = np.ones(cand.shape[0], dtype=bool)
    for drop in range(km1 - 1):
        keep &= _rows_in(np.delete(cand, drop, axis=1), frequent, n_items)
    return cand[keep]


def _count(bits: np.ndarray, cand: np.ndarray) -> np.ndarray:
    """Support counts of the candidate itemsets, computed in bounded chunks."""
    n_words = bits.shape[1]
    chunk = max(1, _CHUNK_BYTES // (8 * n_words))
    counts = np.empty(cand.shape[0], dtype=np.int64)
    for start in range(0, cand.shape[0], chunk):
        block = cand[start : start + chunk]
        acc = bits[block[:, 0]]  # (chunk, n_words): a copy we can AND into
        for col in range(1, block.shape[1]):
            np.bitwise_and(acc, bits[block[:, col]], out=acc)
        counts[start : start + chunk] = _popcount_rows(acc)
    return counts


def apriori(
    df: Any,
    min_support: float = 0.5,
    use_colnames: bool = False,
    max_len: int | None = None,
) -> pd.DataFrame:
    r"""Find the frequent itemsets of a basket table with the apriori algorithm.

    An itemset is *frequent* when the fraction of transactions containing all
    its items (its support) is at least ``min_support``. Apriori grows the
    itemsets one item at a time: every subset of a frequent itemset is
    frequent, so the candidates of size k are built only from frequent
    itemsets of size k-1 (join on a common prefix), and those with an
    infrequent (k-1)-subset are pruned before anything is counted.

    Same arguments and output as ``mlxtend.frequent_patterns.apriori``.

    Parameters
    ----------
    df : DataFrame of bools, 2-D bool array or list of transactions
        The baskets: one row per transaction, one column per item, True where
        the transaction has the item (0/1 integers and pandas sparse columns
        are accepted). A list of transactions (lists of items) is one-hot
        encoded first with :func:`encode_transactions`.
    min_support : float, default=0.5
        Minimum support, in (0, 1]: the fraction of transactions that must
        contain the itemset.
    use_colnames : bool, default=False
        Put column names in the itemsets instead of column positions.
    max_len : int, default=None
        Largest itemset size to look for; ``None`` means no limit.

    Returns
    -------
    DataFrame
        Columns ``support`` (float) and ``itemsets`` (frozenset), one row per
        frequent itemset, ordered by size and then by column position.

    Raises
    ------
    ValueError
        If the table is empty or not boolean, or ``min_support`` is outside
        (0, 1].

    See Also
    --------
    association_rules : Rules "if A then C" from the frequent itemsets.
    mlxtend.frequent_patterns.apriori : The reference implementation.

    Notes
    -----
    Support of an itemset :math:`X`: :math:`s(X) = |\{t : X \subseteq t\}| / n`.

    **Memory.** The table is packed into one bitset per item,
    ``n_items * ceil(n_transactions / 64) * 8`` bytes (20 000 transactions x
    100 items: 250 kB). Candidates are counted in chunks whose AND-ed bitsets
    take at most 2 MB whatever their number, so the transactions x
    candidates work area is bounded; beyond that, memory grows only with the
    number of candidate itemsets of one level (``k`` integers each) and with
    the frequent itemsets returned. mlxtend's default path instead
    materialises a dense ``n_transactions x n_candidates x k`` boolean array
    per level.

    **Time.** Each candidate costs ``k`` AND operations over ``n / 64``
    words and a population count.

    Examples
    --------
    >>> from mlcourse.unsupervised import apriori
    >>> baskets = [["milk", "bread"], ["milk", "bread", "eggs"], ["bread"], ["milk", "eggs"]]
    >>> frequent = apriori(baskets, min_support=0.5, use_colnames=True)
    >>> frequent.assign(itemsets=frequent["itemsets"].map(sorted))  # sorted for display
       support       itemsets
    0     0.75        [bread]
    1     0.50         [eggs]
    2     0.75         [milk]
    3     0.50  [bread, milk]
    4     0.50   [eggs, milk]
    """
    owner = "apriori"
    check_scalar(
        min_support,
        "min_support",
        numbers.Real,
        owner=owner,
        min_val=0.0,
        max_val=1.0,
        closed="right",
    )
    if not isinstance(use_colnames, (bool, np.bool_)):
        raise TypeError(param_message("use_colnames", "a bool", use_colnames, owner=owner))
    if max_len is not None:
        check_scalar(max_len, "max_len", numbers.Integral, owner=owner, min_val=1)
    bits, columns, n = _validate_baskets(df, owner=owner)
    n_items = bits.shape[0]
    limit = n_items if max_len is None else min(int(max_len), n_items)

    counts = _popcount_rows(bits)
    support = counts / float(n)
    level_items = np.flatnonzero(support >= min_support).reshape(-1, 1).astype(np.int64)
    supports = [support[level_items[:, 0]]]
    itemsets = [level_items]
    k = 1
    while k < limit and level_items.shape[0] > 1:
        cand = _candidates(level_items, n_items)
        if cand.shape[0] == 0:
            break
        cand_support = _count(bits, cand) / float(n)
        mask = cand_support >= min_support
        if not mask.any():
            break
        level_items = cand[mask]
        itemsets.append(level_items)
        supports.append(cand_support[mask])
        k += 1

    labels = columns if use_colnames else list(range(n_items))
    sets = [frozenset(labels[j] for j in row) for level in itemsets for row in level.tolist()]
    return pd.DataFrame(
        {"support": np.concatenate(supports), "itemsets": pd.Series(sets, dtype=object)}
    )


def association_rules(
    df: pd.DataFrame,
    num_itemsets: int | None = 1,
    *,
    metric: str = "confidence",
    min_threshold: float = 0.8,
    support_only: bool = False,
    return_metrics: Sequence[str] = METRICS,
) -> pd.DataFrame:
    r"""Generate association rules "antecedents -> consequents" from frequent itemsets.

    Every frequent itemset of two or more items is split in every way into an
    antecedent A and a consequent C; the rule is kept when ``metric`` is at
    least ``min_threshold``.

    Same arguments and output columns as
    ``mlxtend.frequent_patterns.association_rules`` (for tables without
    missing values).

    Parameters
    ----------
    df : DataFrame
        Frequent itemsets with columns ``support`` and ``itemsets``, as
        returned by :func:`apriori`.
    num_itemsets : int, default=1
        Number of transactions in the original data. Accepted for
        compatibility with mlxtend, which needs it only for tables with
        missing values; the metrics here do not depend on it.
    metric : str, default="confidence"
        The metric that selects rules: one of :data:`METRICS`.
    min_threshold : float, default=0.8
        Keep the rules whose ``metric`` is at least this value.
    support_only : bool, default=False
        Compute only the rule support (the other metric columns are NaN);
        selects on support. Useful when the itemsets are incomplete.
    return_metrics : sequence of str, default=METRICS
        The metric columns to return.

    Returns
    -------
    DataFrame
        Columns ``antecedents`` and ``consequents`` (frozensets) and the
        metric columns, one row per rule.

    Raises
    ------
    ValueError
        If ``df`` is empty or misses a column, a metric name is unknown, or
        the support of a rule's antecedent or consequent is missing from
        ``df``.

    See Also
    --------
    apriori : Frequent itemsets from a basket table.

    Notes
    -----
    With :math:`s` the support, for a rule :math:`A \to C`:

    - support :math:`s(A \cup C)`;
    - confidence :math:`s(A \cup C) / s(A)`, the estimated
      :math:`P(C \mid A)`;
    - lift :math:`\mathrm{conf}(A \to C) / s(C)`: 1 when A and C are
      independent, above 1 when they occur together more often than chance;
    - leverage :math:`s(A \cup C) - s(A)\,s(C)`;
    - conviction :math:`(1 - s(C)) / (1 - \mathrm{conf})` (inf when the
      confidence is 1);
    - zhangs_metric :math:`\mathrm{leverage} / \max(s(AC)(1 - s(A)), s(A)(s(C) - s(AC)))`;
    - jaccard :math:`s(AC) / (s(A) + s(C) - s(AC))`;
    - certainty :math:`(\mathrm{conf} - s(C)) / (1 - s(C))`;
    - kulczynski :math:`(\mathrm{conf}(A \to C) + \mathrm{conf}(C \to A)) / 2`;
    - representativity: the fraction of transactions without missing
      values, 1 here.

    Examples
    --------
    >>> from mlcourse.unsupervised import apriori, association_rules
    >>> baskets = [["milk", "bread"], ["milk", "bread", "eggs"], ["bread"], ["milk", "eggs"]]
    >>> frequent = apriori(baskets, min_support=0.5, use_colnames=True)
    >>> rules = association_rules(frequent, metric="confidence", min_threshold=0.6)
    >>> for rule in rules.itertuples():
    ...     print(sorted(rule.antecedents), "->", sorted(rule.consequents),
    ...           round(rule.confidence, 3), round(rule.lift, 3))
    ['bread'] -> ['milk'] 0.667 0.889
    ['milk'] -> ['bread'] 0.667 0.889
    ['eggs'] -> ['milk'] 1.0 1.333
    ['milk'] -> ['eggs'] 0.667 1.333
    """
    owner = "association_rules"
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            param_message(
                "df",
                "a DataFrame of frequent itemsets (from apriori)",
                type(df).__name__,
                owner=owner,
            )
        )
    missing = [c for c in ("support", "itemsets") if c not in df.columns]
    if missing:
        raise ValueError(
            param_message(
                "df",
                "a DataFrame with columns 'support' and 'itemsets' (the output of apriori)",
                _Said(f"a DataFrame without {missing}"),
                owner=owner,
            )
        )
    if df.shape[0] == 0:
        raise ValueError(
            param_message(
                "df",
                "a non-empty DataFrame of frequent itemsets (lower min_support in apriori)",
                _Said("an empty DataFrame"),
                owner=owner,
            )
        )
    if num_itemsets is not None:
        check_scalar(num_itemsets, "num_itemsets", numbers.Integral, owner=owner, min_val=1)
    if support_only:
        metric = "support"
    check_in(metric, "metric", METRICS, owner=owner)
    check_scalar(min_threshold, "min_threshold", numbers.Real, owner=owner)
    return_metrics = list(return_metrics)
    for m in return_metrics:
        check_in(m, "return_metrics", METRICS, owner=owner)

    support_of = {
        frozenset(s): float(v)
        for s, v in zip(df["itemsets"], df["support"].to_numpy(dtype=float), strict=True)
    }
    antecedents: list[frozenset] = []
    consequents: list[frozenset] = []
    s_ac: list[float] = []
    s_a: list[float] = []
    s_c: list[float] = []
    for itemset, sup in support_of.items():
        for size in range(len(itemset) - 1, 0, -1):
            for combo in combinations(sorted(itemset, key=_sort_key), size):
                a = frozenset(combo)
                c = itemset - a
                if support_only:
                    sa = sc = np.nan
                else:
                    try:
                        sa, sc = support_of[a], support_of[c]
                    except KeyError as exc:
                        raise ValueError(
                            f"The support of {set(exc.args[0])} is missing from 'df' of {owner}: "
                            "pass every frequent itemset (the full output of apriori), or "
                            "support_only=True to compute only the rule support."
                        ) from None
                antecedents.append(a)
                consequents.append(c)
                s_ac.append(sup)
                s_a.append(sa)
                s_c.append(sc)

    sAC, sA, sC = (np.asarray(v, dtype=float) for v in (s_ac, s_a, s_c))
    values = _rule_metrics(sAC, sA, sC, support_only=support_only)
    keep = values[metric] >= min_threshold
    out = pd.DataFrame(
        {
            "antecedents": pd.Series(
                [a for a, k in zip(antecedents, keep, strict=True) if k], dtype=object
            ),
            "consequents": pd.Series(
                [c for c, k in zip(consequents, keep, strict=True) if k], dtype=object
            ),
        }
    )
    for m in return_metrics:
        out[m] = values[m][keep]
    return out


def _sort_key(item: Any) -> tuple[str, Any]:
    return (type(item).__name__, item)


def _rule_metrics(
    sAC: np.ndarray, sA: np.ndarray, sC: np.ndarray, *, support_only: bool
) -> dict[str, np.ndarray]:
    """All rule metrics from the supports of A and C together, of A and of C."""
    if support_only:
        nan = np.full(sAC.shape, np.nan)
        out = {m: nan for m in METRICS}
        out["support"] = sAC
        return out
    with np.errstate(divide="ignore", invalid="ignore"):
        confidence = sAC / sA
        leverage = sAC - sA * sC
        conviction = np.full(sAC.shape, np.inf)
        below = confidence < 1.0
        conviction[below] = (1.0 - sC[below]) / (1.0 - confidence[below])
        zhang_den = np.maximum(sAC * (1 - sA), sA * (sC - sAC))
        zhang = np.where(zhang_den == 0, 0.0, leverage / zhang_den)
        certainty_den = 1 - sC
        certainty = np.where(certainty_den == 0, 0.0, (confidence - sC) / certainty_den)
        return {
            "antecedent support": sA,
            "consequent support": sC,
            "support": sAC,
            "confidence": confidence,
            "lift": confidence / sC,
            "representativity": np.ones(sAC.shape),
            "leverage": leverage,
            "conviction": conviction,
            "zhangs_metric": zhang,
            "jaccard": sAC / (sA + sC - sAC),
            "certainty": certainty,
            "kulczynski": (confidence + sAC / sC) / 2,
        }

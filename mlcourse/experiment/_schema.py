"""Infer what each column of a messy CSV is, and what to do with it.

:func:`infer_schema` looks at a table the way a practitioner would and
returns a :class:`SchemaPlan`: the kind of every column (numeric,
categorical, boolean, date, or dropped as an ID, a constant, free text or an
empty column) with the reason, and the messages to show the user. The plan
then builds the preprocessing ``ColumnTransformer`` that the experiment
fits inside each cross-validation fold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._validation import ParamError, check_scalar, param_message
from ._parsing import FALSE_WORDS, TRUE_WORDS, parse_dates

__all__ = ["KINDS", "ColumnInfo", "SchemaPlan", "infer_schema"]

#: column kinds that are kept, then those that are dropped
KEPT_KINDS = ("numeric", "categorical", "boolean", "date")
DROPPED_KINDS = ("id", "constant", "empty", "text")
KINDS = KEPT_KINDS + DROPPED_KINDS

_ID_NAME_CAMEL = re.compile(r"[a-z0-9](ID|Id|UUID|Uuid|Key)$")
_DATE_LIKE = re.compile(
    r"^\s*("
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"  # 2021-03-04
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"  # 04/03/2021
    r"|\d{1,2}[ -][A-Za-z]{3,9}[ -,]*\d{2,4}"  # 4 Mar 2021
    r"|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}"  # March 4, 2021
    r")([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[AaPp][Mm]|[+-]\d{2}:?\d{2})?)?\s*$"
)


def looks_like_id_name(name: str) -> bool:
    """Tell whether a column name reads like a key (``id``, ``customer_id``, ``orderId``).

    Parameters
    ----------
    name : str
        The column name.

    Returns
    -------
    bool

    Examples
    --------
    >>> [looks_like_id_name(n) for n in ["id", "customer_id", "orderId", "paid", "valid"]]
    [True, True, True, False, False]
    """
    name = str(name).strip()
    lowered = name.lower()
    if re.fullmatch(r"(id|uuid|guid|rowid|row_id|index|key|record_id)", lowered):
        return True
    if re.search(r"[_\-\s.](id|uuid|guid|key)$", lowered):
        return True
    return bool(_ID_NAME_CAMEL.search(name))


@dataclass
class ColumnInfo:
    """What was inferred about one column.

    Attributes
    ----------
    name : str
        The column name.
    dtype : str
        The dtype pandas read.
    kind : str
        One of ``KINDS``: numeric, categorical, boolean, date (kept) or id,
        constant, empty, text (dropped).
    n_missing : int
        Missing values in the column.
    n_unique : int
        Distinct non-missing values.
    reason : str
        Why the column got this kind, in words.

    Examples
    --------
    >>> import pandas as pd
    >>> info = infer_schema(pd.DataFrame({"country": ["NL", "NL"]})).columns[0]
    >>> info.kind, info.dropped, info.reason
    ('constant', True, "one value only ('NL')")
    """

    name: str
    dtype: str
    kind: str
    n_missing: int
    n_unique: int
    reason: str

    @property
    def dropped(self) -> bool:
        """Whether the column is left out of the model."""
        return self.kind in DROPPED_KINDS


@dataclass
class SchemaPlan:
    """The plan for a table: the kind of each column and the messages for the user.

    Attributes
    ----------
    columns : list of ColumnInfo
        One entry per input column, in the table's order.
    n_rows : int
        Number of rows inspected.
    messages : list of str
        Sentences for the user: what was dropped and why, what was converted.
    max_categories : int
        Most one-hot columns per categorical column (rarer values are
        grouped as "infrequent").

    Examples
    --------
    >>> import pandas as pd
    >>> plan = infer_schema(pd.DataFrame({"id": [1, 2, 3], "x": [0.5, 1.5, None]}))
    >>> plan.used_columns, plan.dropped
    (['x'], {'id': 'ID-like: unique integer per row (name looks like a key)'})
    """

    columns: list[ColumnInfo]
    n_rows: int
    messages: list[str] = field(default_factory=list)
    max_categories: int = 20

    def _of(self, kind: str) -> list[str]:
        return [c.name for c in self.columns if c.kind == kind]

    @property
    def numeric(self) -> list[str]:
        """Numeric columns (imputed with the median, then standardised)."""
        return self._of("numeric")

    @property
    def categorical(self) -> list[str]:
        """Categorical text columns (imputed with the most frequent value, then one-hot)."""
        return self._of("categorical")

    @property
    def boolean(self) -> list[str]:
        """Yes/no columns (mapped to 0/1)."""
        return self._of("boolean")

    @property
    def date(self) -> list[str]:
        """Date columns (split into year, month, day, day of week)."""
        return self._of("date")

    @property
    def used_columns(self) -> list[str]:
        """All kept columns, in the table's order: the model's input."""
        return [c.name for c in self.columns if not c.dropped]

    @property
    def dropped(self) -> dict[str, str]:
        """Dropped columns mapped to the reason."""
        return {c.name: c.reason for c in self.columns if c.dropped}

    @property
    def id_columns(self) -> list[str]:
        """Columns dropped as row keys (useful to label predictions)."""
        return self._of("id")

    def to_frame(self) -> pd.DataFrame:
        """Return the plan as a table, one row per column.

        Returns
        -------
        DataFrame
            Columns: column, dtype, kind, action, missing, unique, reason.

        Examples
        --------
        >>> import pandas as pd
        >>> plan = infer_schema(pd.DataFrame({"x": [1.0, None, 3.0]}))
        >>> plan.to_frame()[["column", "kind", "action", "missing"]].to_dict("records")
        [{'column': 'x', 'kind': 'numeric', 'action': 'used', 'missing': 1}]
        """
        rows = [
            {
                "column": c.name,
                "dtype": c.dtype,
                "kind": c.kind,
                "action": "dropped" if c.dropped else "used",
                "missing": c.n_missing,
                "unique": c.n_unique,
                "reason": c.reason,
            }
            for c in self.columns
        ]
        return pd.DataFrame(
            rows, columns=["column", "dtype", "kind", "action", "missing", "unique", "reason"]
        )

    def summary_lines(self, max_names: int = 6) -> list[str]:
        """Describe the plan in a few lines (one per kind, then the messages).

        Parameters
        ----------
        max_names : int, default=6
            Column names listed per kind before "(+N more)".

        Returns
        -------
        list of str

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0], "c": ["k", "k"]})
        >>> infer_schema(X).summary_lines(max_names=1)
        ['numeric (2): a (+1 more)', "dropped 'c': constant (every row is 'k'), it cannot help a model"]
        """
        lines = []
        for kind in KEPT_KINDS:
            names = self._of(kind)
            if names:
                shown = ", ".join(names[:max_names])
                more = f" (+{len(names) - max_names} more)" if len(names) > max_names else ""
                lines.append(f"{kind} ({len(names)}): {shown}{more}")
        return lines + list(self.messages)

    def make_preprocessor(self) -> Any:
        """Build the unfitted preprocessing step for the kept columns.

        Numeric: numbers read from text, median imputation, standardisation.
        Categorical: cleaned text, most-frequent imputation, one-hot encoding
        (``handle_unknown="ignore"``, rare values grouped, at most
        ``max_categories`` columns). Boolean: yes/no -> 1/0, most-frequent
        imputation. Date: year, month, day, day of week, then as numeric.

        Returns
        -------
        sklearn.compose.ColumnTransformer
            Expects a DataFrame with :attr:`used_columns`.

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"size": [1.0, None, 3.0], "city": ["a", "b", None]})
        >>> plan = infer_schema(X)
        >>> plan.make_preprocessor().fit_transform(X).shape
        (3, 3)
        """
        from sklearn.compose import ColumnTransformer
        from sklearn.impute import SimpleImputer
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import OneHotEncoder, StandardScaler

        from ._transformers import BooleanMapper, DateParts, NumericCoercer, TextCleaner

        steps: list[tuple[str, Any, list[str]]] = []
        if self.numeric:
            numeric = Pipeline(
                [
                    ("to_number", NumericCoercer()),
                    ("impute", SimpleImputer(strategy="median")),
                    ("scale", StandardScaler()),
                ]
            )
            steps.append(("numeric", numeric, self.numeric))
        if self.categorical:
            categorical = Pipeline(
                [
                    ("clean", TextCleaner()),
                    ("impute", SimpleImputer(strategy="most_frequent")),
                    (
                        "onehot",
                        OneHotEncoder(
                            handle_unknown="ignore",
                            min_frequency=0.01,
                            max_categories=self.max_categories,
                            sparse_output=False,
                        ),
                    ),
                ]
            )
            steps.append(("categorical", categorical, self.categorical))
        if self.boolean:
            boolean = Pipeline(
                [("to_01", BooleanMapper()), ("impute", SimpleImputer(strategy="most_frequent"))]
            )
            steps.append(("boolean", boolean, self.boolean))
        if self.date:
            date = Pipeline(
                [
                    ("parts", DateParts()),
                    ("impute", SimpleImputer(strategy="median")),
                    ("scale", StandardScaler()),
                ]
            )
            steps.append(("date", date, self.date))
        if not steps:
            raise ParamError(
                "No usable feature column is left: every column was dropped "
                f"({', '.join(f'{k}: {v}' for k, v in self.dropped.items()) or 'no columns'}).",
                param="X",
            )
        return ColumnTransformer(steps, remainder="drop")


def _is_boolean_words(values: pd.Series) -> bool:
    words = set(values.astype(str).str.strip().str.lower().unique())
    return (
        bool(words)
        and words <= (TRUE_WORDS | FALSE_WORDS)
        and bool(words & TRUE_WORDS)
        and bool(words & FALSE_WORDS)
    )


def _looks_like_dates(values: pd.Series) -> bool:
    sample = values.astype(str).head(500)
    if not sample.str.match(_DATE_LIKE).mean() >= 0.9:
        return False
    return bool(parse_dates(sample).notna().mean() >= 0.9)


def _is_consecutive_integers(values: pd.Series) -> bool:
    arr = np.sort(values.to_numpy(dtype=np.int64))
    return bool(arr.size > 1 and np.all(np.diff(arr) == 1))


def _classify(
    name: str, col: pd.Series, n_rows: int, max_categories: int, text_unique_ratio: float
) -> tuple[str, str, str | None]:
    """Return (kind, reason, message or None) for one column."""
    values = col.dropna()
    n = len(values)
    if n == 0:
        return "empty", "all values are missing", f"dropped '{name}': all values are missing"
    n_unique = int(values.nunique())
    if n_unique == 1:
        only = values.iloc[0]
        return (
            "constant",
            f"one value only ({only!r})",
            f"dropped '{name}': constant (every row is {only!r}), it cannot help a model",
        )
    if pd.api.types.is_bool_dtype(col):
        return "boolean", "true/false values", None
    if pd.api.types.is_datetime64_any_dtype(col):
        return "date", "datetime values", f"'{name}': date -> year, month, day, day of week"
    unique_per_row = n_unique == n == n_rows
    id_name = looks_like_id_name(name)
    if pd.api.types.is_integer_dtype(col):
        if unique_per_row and (id_name or _is_consecutive_integers(values)):
            why = "name looks like a key" if id_name else "consecutive numbers"
            return (
                "id",
                f"ID-like: unique integer per row ({why})",
                f"dropped '{name}': ID-like (a unique integer per row, {why}), "
                "it identifies rows rather than describing them",
            )
        return "numeric", "integer values", None
    if pd.api.types.is_numeric_dtype(col):
        return "numeric", "numeric values", None
    # text-like from here on: str, object, category
    if isinstance(col.dtype, pd.CategoricalDtype):
        return "categorical", "pandas category", None
    text = values.astype(str)
    if _is_boolean_words(text):
        return (
            "boolean",
            "yes/no words",
            f"'{name}': yes/no words ({', '.join(sorted(set(text.str.strip())))[:60]}) -> 1/0",
        )
    as_number = pd.to_numeric(text.str.strip(), errors="coerce")
    n_numbers = int(as_number.notna().sum())
    if n_numbers >= 0.95 * n:
        bad = text[as_number.isna()]
        if len(bad):
            example = bad.iloc[0]
            return (
                "numeric",
                f"numbers written as text ({len(bad)} unreadable value(s))",
                f"'{name}': numbers as text; {len(bad)} unreadable value(s) such as "
                f"{example!r} treated as missing",
            )
        return "numeric", "numbers written as text", None
    if _looks_like_dates(text):
        return "date", "dates", f"'{name}': date -> year, month, day, day of week"
    has_space = bool(text.str.contains(r"\s", regex=True).mean() > 0.5)
    if (unique_per_row or (id_name and n_unique >= 0.9 * n)) and (id_name or not has_space):
        return (
            "id",
            "ID-like: a unique key per row",
            f"dropped '{name}': ID-like (a unique key per row), "
            "it identifies rows rather than describing them",
        )
    if n_unique > max_categories and n_unique > text_unique_ratio * n:
        kind = "free text" if has_space else "high-cardinality text"
        return (
            "text",
            f"{kind}: {n_unique} distinct values in {n} rows",
            f"dropped '{name}': {kind} ({n_unique} distinct values in {n} rows) is not a "
            "category; text features (e.g. TF-IDF) would be needed",
        )
    return "categorical", f"{n_unique} categories", None


def infer_schema(X: Any, *, max_categories: int = 20, text_unique_ratio: float = 0.5) -> SchemaPlan:
    """Infer what each column of a table is and how to preprocess it.

    Rules, in order: all-missing columns and constant columns are dropped;
    booleans (also the words yes/no/true/false in any case) become 0/1;
    ID-like columns (a unique key per row: an integer named like an ID or
    counting 1, 2, 3..., or a string without spaces) are dropped; text that
    is mostly numbers is numeric; text that parses as dates becomes date
    parts; other text is categorical unless it has more than
    ``max_categories`` distinct values covering more than
    ``text_unique_ratio`` of the rows, in which case it is dropped as free
    text.

    Parameters
    ----------
    X : DataFrame of shape (n_samples, n_features)
        The feature columns (without the target). Column names are used as
        strings: rename non-string column names before building the
        preprocessor.
    max_categories : int, default=20
        Most one-hot columns kept per categorical column, and the number of
        distinct values above which a text column may be free text.
    text_unique_ratio : float, default=0.5
        Share of distinct values above which a many-valued text column is
        treated as free text.

    Returns
    -------
    SchemaPlan

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({
    ...     "customer_id": [101, 102, 103, 104],
    ...     "city": ["Paris", "Rome", None, "Paris"],
    ...     "member": ["Yes", "no", "TRUE", "false"],
    ...     "country": ["FR", "FR", "FR", "FR"],
    ...     "spend": [10.5, None, 3.0, 8.25],
    ... })
    >>> plan = infer_schema(X)
    >>> plan.numeric, plan.categorical, plan.boolean
    (['spend'], ['city'], ['member'])
    >>> sorted(plan.dropped)
    ['country', 'customer_id']
    """
    owner = "infer_schema"
    if not isinstance(X, pd.DataFrame):
        raise TypeError(param_message("X", "a pandas DataFrame", type(X).__name__, owner=owner))
    check_scalar(max_categories, "max_categories", int, owner=owner, min_val=2)
    check_scalar(text_unique_ratio, "text_unique_ratio", float, owner=owner, min_val=0, max_val=1)
    if len(set(map(str, X.columns))) != X.shape[1]:
        dupes = sorted({str(c) for c in X.columns if list(map(str, X.columns)).count(str(c)) > 1})
        raise ValueError(
            param_message(
                "X", "a table with unique column names", f"duplicated {dupes}", owner=owner
            )
        )
    n_rows = X.shape[0]
    columns: list[ColumnInfo] = []
    messages: list[str] = []
    for name in X.columns:
        col = X[name]
        kind, reason, message = _classify(str(name), col, n_rows, max_categories, text_unique_ratio)
        columns.append(
            ColumnInfo(
                name=str(name),
                dtype=str(col.dtype),
                kind=kind,
                n_missing=int(col.isna().sum()),
                n_unique=int(col.nunique(dropna=True)),
                reason=reason,
            )
        )
        if message:
            messages.append(message)
    with_missing = [c for c in columns if c.n_missing and not c.dropped]
    if with_missing:
        listed = ", ".join(f"'{c.name}' ({c.n_missing})" for c in with_missing[:5])
        more = f" and {len(with_missing) - 5} more" if len(with_missing) > 5 else ""
        messages.append(
            f"missing values in {listed}{more}: imputed inside each CV fold "
            "(median for numbers, most frequent value otherwise)"
        )
    return SchemaPlan(
        columns=columns, n_rows=n_rows, messages=messages, max_categories=max_categories
    )

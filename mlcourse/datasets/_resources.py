"""Where the bundled data files live, and how a snapshot becomes a :class:`Dataset`.

This module is the one home of the path logic. In an installed wheel the
top-level ``data/`` folder of the repository is shipped inside the package as
``mlcourse/_data`` (see ``force-include`` in ``pyproject.toml``); in a source
checkout or an editable install that folder does not exist and the files are
read from the repository's ``data/`` folder instead.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import pandas as pd

from .._validation import check_in
from ._base import Dataset

__all__ = ["DATA_CARDS", "SnapshotSpec", "coerce_dtypes", "data_file", "load_snapshot", "read_card"]

DATA_CARDS = "DATA_CARDS.md"
_PACKAGE_DATA = "_data"


def _checkout_data_dir() -> Path | None:
    """Return the repository's ``data/`` folder when running from a source checkout."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "data").is_dir():
        return root / "data"
    return None


def data_file(name: str) -> Traversable:
    """Return the location of a bundled data file.

    Looks first inside the installed package (``mlcourse/_data/<name>``), then,
    in a source checkout, in the repository's top-level ``data/`` folder.

    Parameters
    ----------
    name : str
        File name, e.g. ``"house_prices.csv"``.

    Returns
    -------
    importlib.resources.abc.Traversable
        An object with ``open()``, ``read_text()`` and ``read_bytes()``; a
        ``pathlib.Path`` whenever the package is installed on disk.

    Raises
    ------
    FileNotFoundError
        If the file is in neither place.

    Examples
    --------
    >>> data_file("DATA_CARDS.md").name
    'DATA_CARDS.md'
    """
    packaged = importlib.resources.files("mlcourse") / _PACKAGE_DATA / name
    if packaged.is_file():
        return packaged
    checkout = _checkout_data_dir()
    if checkout is not None and (checkout / name).is_file():
        return checkout / name
    raise FileNotFoundError(
        f"The bundled data file {name!r} was found neither in the installed package "
        f"(mlcourse/{_PACKAGE_DATA}/) nor in a source checkout's data/ folder. "
        "Reinstall mlcourse, or regenerate the snapshots with "
        "`python -m mlcourse.datasets.snapshots`."
    )


def _split_cards(text: str) -> dict[str, str]:
    """Map each card's key (first word of its ``## `` heading) to its text."""
    cards: dict[str, str] = {}
    for block in re.split(r"(?m)^(?=## )", text):
        if not block.startswith("## "):
            continue
        key = block[3:].split(maxsplit=1)[0]
        cards[key] = block.strip()
    return cards


def read_card(key: str) -> str:
    """Return the data card of one dataset from ``DATA_CARDS.md``.

    Parameters
    ----------
    key : str
        The card's key: the file name for the course's snapshots (e.g.
        ``"house_prices.csv"``), the dataset name for scikit-learn's bundled
        sets (e.g. ``"iris"``).

    Returns
    -------
    str
        The card, in Markdown, heading included.

    Examples
    --------
    >>> read_card("iris").splitlines()[0]
    '## iris — Iris flowers (scikit-learn bundled)'
    """
    cards = _split_cards(data_file(DATA_CARDS).read_text(encoding="utf-8"))
    check_in(key, "key", sorted(cards), owner="read_card")
    return cards[key]


@dataclass(frozen=True)
class SnapshotSpec:
    """How a bundled CSV snapshot is made, typed and loaded.

    Attributes
    ----------
    filename : str
        The CSV file name inside ``data/``.
    make : callable
        The generator, called as ``make(n_samples, random_state=seed)``.
    n_samples : int
        Rows in the snapshot.
    random_state : int
        The seed of the snapshot.
    dtypes : dict of str to str
        Column name -> pandas dtype, in column order.
    target : str
        The target column.
    drop_from_data : tuple of str
        Columns kept in ``frame`` but left out of ``data`` (e.g. a second
        target that would leak the first).
    """

    filename: str
    make: Callable[..., pd.DataFrame]
    n_samples: int
    random_state: int
    dtypes: dict[str, str]
    target: str
    drop_from_data: tuple[str, ...] = field(default=())

    def generate(self) -> pd.DataFrame:
        """Regenerate the snapshot's frame in memory.

        Returns
        -------
        DataFrame
        """
        return self.make(self.n_samples, random_state=self.random_state)

    def to_csv_bytes(self, frame: pd.DataFrame) -> bytes:
        """Serialise a frame exactly as the snapshot file is written.

        Parameters
        ----------
        frame : DataFrame
            The frame to write.

        Returns
        -------
        bytes
        """
        text = frame.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")
        return text.encode("utf-8")

    def read(self) -> tuple[pd.DataFrame, str]:
        """Read the bundled snapshot with its documented dtypes.

        Returns
        -------
        frame : DataFrame
        filename : str
            Where it was read from.
        """
        resource = data_file(self.filename)
        with resource.open("rb") as fh:
            raw = pd.read_csv(fh, keep_default_na=False, na_values=[""])
        return coerce_dtypes(raw, self.dtypes), str(resource)


def coerce_dtypes(frame: pd.DataFrame, dtypes: dict[str, str]) -> pd.DataFrame:
    """Give a frame the documented dtypes, so generated and loaded frames match.

    Integer columns that hold missing values become ``float64``; a boolean
    column with missing values becomes ``object``.

    Parameters
    ----------
    frame : DataFrame
        The frame, as generated or as read from CSV.
    dtypes : dict of str to str
        Column name -> pandas dtype, in column order.

    Returns
    -------
    DataFrame
        A new frame with exactly these columns, in this order, and a fresh
        ``RangeIndex``.

    Examples
    --------
    >>> frame = pd.DataFrame({"a": ["1", "2"], "d": ["2024-01-31", "2024-02-29"]})
    >>> coerce_dtypes(frame, {"a": "int64", "d": "datetime64[ns]"}).dtypes.tolist()
    [dtype('int64'), dtype('<M8[ns]')]
    """
    out = {}
    for column, dtype in dtypes.items():
        values = frame[column]
        if values.isna().any() and dtype in ("int64", "bool"):
            # NaN does not fit these dtypes: pandas' own fallback, made explicit
            dtype = "float64" if dtype == "int64" else "object"
        out[column] = values.astype(dtype)  # type: ignore[call-overload]
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def load_snapshot(
    spec: SnapshotSpec, *, return_X_y: bool, as_frame: bool, target_names: list[str]
) -> Any:
    """Load a snapshot as a :class:`Dataset` or ``(X, y)``, as the loaders promise.

    Parameters
    ----------
    spec : SnapshotSpec
        The snapshot.
    return_X_y : bool
        Return ``(X, y)`` instead of a :class:`Dataset`.
    as_frame : bool
        Return pandas objects instead of NumPy arrays.
    target_names : list of str
        Class names (empty for a regression target).

    Returns
    -------
    Dataset or tuple of (X, y)

    Examples
    --------
    >>> from mlcourse.datasets._emails import SNAPSHOT
    >>> X, y = load_snapshot(SNAPSHOT, return_X_y=True, as_frame=True, target_names=[])
    >>> list(X.columns), y.name
    (['subject', 'body'], 'label')
    """
    frame, filename = spec.read()
    dropped = {spec.target, *spec.drop_from_data}
    feature_names = [c for c in frame.columns if c not in dropped]
    X: Any = frame[feature_names]
    y: Any = frame[spec.target]
    if not as_frame:
        X = X.to_numpy()
        y = y.to_numpy()
    if return_X_y:
        return X, y
    return Dataset(
        data=X,
        target=y,
        frame=frame if as_frame else None,
        feature_names=feature_names,
        target_names=list(target_names),
        target_name=spec.target,
        DESCR=read_card(spec.filename),
        name=spec.filename.removesuffix(".csv"),
        filename=filename,
    )

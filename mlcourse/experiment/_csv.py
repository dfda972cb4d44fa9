"""Read a user's CSV file, with a clear message for every way it can be wrong."""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._validation import ParamError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["check_column", "check_file", "read_csv", "sha256_file"]

_SIGNATURES = {
    b"PK\x03\x04": "an Excel workbook or a zip archive",
    b"\xd0\xcf\x11\xe0": "an old Excel (.xls) or Office file",
    b"PAR1": "a Parquet file",
    b"\x89HDF": "an HDF5 file",
    b"%PDF": "a PDF document",
    b"\x1f\x8b": "a gzip archive",
    b"SQLite format 3": "an SQLite database",
}


def _sniff_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def check_file(path: str | Path) -> bytes:
    """Check that a path is a readable, non-empty text file; return its first 64 KiB.

    Cheap (no pandas), so the command line can refuse a bad file at once.

    Parameters
    ----------
    path : str or Path
        The file.

    Returns
    -------
    bytes
        The head of the file.

    Raises
    ------
    ValueError
        (``ParamError``) if the file is missing, a folder, unreadable, empty
        or binary (Excel, zip, Parquet...).

    Examples
    --------
    >>> check_file("no/such/file.csv")
    Traceback (most recent call last):
    ...
    mlcourse._validation.ParamError: file 'no/such/file.csv' does not exist
    """
    src = Path(path)
    if not src.exists():
        raise ParamError(f"file '{src}' does not exist", param="csv")
    if src.is_dir():
        raise ParamError(f"'{src}' is a folder, not a CSV file", param="csv")
    try:
        with open(src, "rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        raise ParamError(f"cannot read '{src}': {exc.strerror or exc}", param="csv") from None
    if not head.strip():
        raise ParamError(f"'{src}' is empty: there is nothing to read", param="csv")
    for magic, what in _SIGNATURES.items():
        if head.startswith(magic):
            raise ParamError(
                f"'{src}' is {what}, not a CSV file: export it as CSV first", param="csv"
            )
    if b"\x00" in head:
        raise ParamError(f"'{src}' is a binary file, not a CSV (text) file", param="csv")
    return head


def sha256_file(path: str | os.PathLike[str]) -> str:
    """Return the hex sha256 of a file's bytes (read in 1 MiB blocks)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_csv(path: str | Path) -> pd.DataFrame:
    r"""Read a CSV file into a DataFrame, refusing what is not a readable CSV.

    The delimiter (``,`` ``;`` tab or ``|``) is detected; the text is read
    as UTF-8 (with or without BOM), else as Latin-1.

    Parameters
    ----------
    path : str or Path
        The file.

    Returns
    -------
    DataFrame

    Raises
    ------
    ValueError
        (``ParamError``) if the file is missing, a folder, empty, binary
        (Excel, zip, Parquet...), unreadable, not parseable as CSV, or has
        no data rows; the message says which and what to do.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp) / "small.csv"
    ...     _ = path.write_text("a;b\n1;x\n2;y\n")
    ...     read_csv(path).shape
    (2, 2)
    """
    import pandas as pd

    src = Path(path)
    head = check_file(src)
    try:
        text = head.decode("utf-8-sig")
        encoding = "utf-8-sig"
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the sample's end is still UTF-8
        if exc.start >= len(head) - 4:
            text, encoding = head[: exc.start].decode("utf-8-sig"), "utf-8-sig"
        else:
            text, encoding = head.decode("latin-1"), "latin-1"
    delimiter = _sniff_delimiter(text[:20000])
    try:
        frame = pd.read_csv(src, sep=delimiter, encoding=encoding, low_memory=False)
    except UnicodeDecodeError:
        frame = pd.read_csv(src, sep=delimiter, encoding="latin-1", low_memory=False)
    except pd.errors.EmptyDataError:
        raise ParamError(f"'{src}' has no columns: it is not a CSV table", param="csv") from None
    except (pd.errors.ParserError, ValueError) as exc:
        detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise ParamError(f"cannot parse '{src}' as CSV: {detail}", param="csv") from None
    if frame.shape[0] == 0:
        raise ParamError(
            f"'{src}' has a header ({frame.shape[1]} column(s)) but no data rows", param="csv"
        )
    _check_unique_names(src, text, delimiter)
    return frame


def _check_unique_names(src: Path, text: str, delimiter: str) -> None:
    """Refuse a header that names two columns alike (pandas would rename one 'x.1').

    ``text`` is the start of the file already read to sniff the delimiter;
    its first record is the header (checked as far as the 64 KiB sample goes).
    """
    header = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    names = [name.strip() for name in header if name.strip()]
    counts = Counter(names)
    repeated = [f"'{n}' ({k} times)" for n, k in counts.items() if k > 1]
    if repeated:
        raise ParamError(
            f"'{src}' has duplicate column names: {', '.join(repeated)}; "
            "give each column its own name",
            param="csv",
        )


def check_column(frame: pd.DataFrame, column: Any, *, source: str = "the data") -> str:
    """Check that a column exists; if not, list the columns and suggest close matches.

    Parameters
    ----------
    frame : DataFrame
        The table.
    column : str
        The column asked for.
    source : str, default="the data"
        How to name the table in the message (e.g. the file name).

    Returns
    -------
    str
        The column name (the exact one, when only the case or spaces differ).

    Raises
    ------
    ValueError
        (``ParamError``) naming the missing column, the available columns and
        the closest names.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"price": [1], "rooms": [2]})
    >>> check_column(frame, " Price ")
    'price'
    >>> check_column(frame, "prise")
    Traceback (most recent call last):
    ...
    mlcourse._validation.ParamError: column 'prise' not found in the data; did you mean 'price'? The columns are: price, rooms
    """
    names = [str(c) for c in frame.columns]
    wanted = str(column)
    if wanted in names:
        return wanted
    normal = {n.strip().lower(): n for n in names}
    if wanted.strip().lower() in normal:
        return normal[wanted.strip().lower()]
    close = difflib.get_close_matches(wanted.strip().lower(), list(normal), n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(normal[c]) for c in close)}?" if close else "."
    shown = ", ".join(names[:25]) + (f" ... ({len(names)} in all)" if len(names) > 25 else "")
    raise ParamError(
        f"column '{wanted}' not found in {source}{hint} The columns are: {shown}",
        param="target",
    )

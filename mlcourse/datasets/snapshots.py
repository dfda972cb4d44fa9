r"""Regenerate or check the bundled CSV snapshots and their sha256 lines in DATA_CARDS.md.

Run from a source checkout::

    python -m mlcourse.datasets.snapshots           # write data/*.csv, update the sha256 lines
    python -m mlcourse.datasets.snapshots --check   # exit 1 if anything drifted

Each snapshot is its generator called with a fixed ``n_samples`` and seed
(see :data:`SNAPSHOTS`). The CSV text is deterministic (``\n`` line ends,
ISO dates, shortest round-trip floats), so a snapshot's sha256 only changes
when the generator's output does.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from ._emails import SNAPSHOT as _EMAILS
from ._house_prices import SNAPSHOT as _HOUSE_PRICES
from ._resources import DATA_CARDS, SnapshotSpec, _checkout_data_dir, data_file
from ._reviews import SNAPSHOT as _REVIEWS
from ._transactions import SNAPSHOT as _TRANSACTIONS

__all__ = [
    "SNAPSHOTS",
    "card_hash",
    "check_snapshots",
    "main",
    "update_card_hashes",
    "write_snapshots",
]

#: Every CSV snapshot shipped in ``data/``, with its generator and seed.
SNAPSHOTS: tuple[SnapshotSpec, ...] = (_HOUSE_PRICES, _TRANSACTIONS, _EMAILS, _REVIEWS)

_SHA_LINE = re.compile(r"(?m)^(- \*\*sha256\*\*: `)([0-9a-f]*)(`)")


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _card_span(text: str, filename: str) -> tuple[int, int]:
    """Return the start and end offsets of the card whose heading starts with ``filename``."""
    match = re.search(rf"(?m)^## {re.escape(filename)}\b", text)
    if match is None:
        raise ValueError(
            f"{DATA_CARDS} has no card for {filename!r}: add a section starting with "
            f"'## {filename}' and a line '- **sha256**: ``'."
        )
    end = re.search(r"(?m)^## ", text[match.end() :])
    return match.start(), len(text) if end is None else match.end() + end.start()


def card_hash(text: str, filename: str) -> str:
    r"""Return the sha256 written in the card of ``filename``.

    Parameters
    ----------
    text : str
        The content of ``DATA_CARDS.md``.
    filename : str
        The snapshot's file name.

    Returns
    -------
    str
        The hexadecimal digest ('' if the line is empty).

    Examples
    --------
    >>> card_hash("## a.csv\n- **sha256**: `ab12`\n", "a.csv")
    'ab12'
    """
    start, end = _card_span(text, filename)
    match = _SHA_LINE.search(text, start, end)
    if match is None:
        raise ValueError(
            f"The card for {filename!r} in {DATA_CARDS} has no '- **sha256**: `...`' line."
        )
    return match.group(2)


def update_card_hashes(text: str, hashes: dict[str, str]) -> str:
    r"""Rewrite the sha256 line of each snapshot's card.

    Parameters
    ----------
    text : str
        The content of ``DATA_CARDS.md``.
    hashes : dict of str to str
        File name -> sha256 hexadecimal digest.

    Returns
    -------
    str
        The updated content; everything but the sha256 lines is unchanged.

    Examples
    --------
    >>> update_card_hashes("## a.csv\n- **sha256**: ``\n", {"a.csv": "ab12"})
    '## a.csv\n- **sha256**: `ab12`\n'
    """
    for filename, digest in hashes.items():
        card_hash(text, filename)  # the card and its line exist
        start, end = _card_span(text, filename)
        card = _SHA_LINE.sub(rf"\g<1>{digest}\g<3>", text[start:end], count=1)
        text = text[:start] + card + text[end:]
    return text


def write_snapshots(data_dir: str | Path) -> list[Path]:
    """Write every snapshot CSV into ``data_dir`` and update the sha256 lines of its cards.

    Parameters
    ----------
    data_dir : str or Path
        The folder holding ``DATA_CARDS.md`` (the repository's ``data/``).

    Returns
    -------
    list of Path
        The files written.
    """
    folder = Path(data_dir)
    cards_path = folder / DATA_CARDS
    cards = cards_path.read_text(encoding="utf-8")
    written, hashes = [], {}
    for spec in SNAPSHOTS:
        content = spec.to_csv_bytes(spec.generate())
        path = folder / spec.filename
        path.write_bytes(content)
        written.append(path)
        hashes[spec.filename] = _sha256(content)
    updated = update_card_hashes(cards, hashes)
    if updated != cards:
        cards_path.write_text(updated, encoding="utf-8")
        written.append(cards_path)
    return written


def check_snapshots(data_dir: str | Path | None = None) -> list[str]:
    """List the ways the bundled snapshots differ from what their generators make.

    Parameters
    ----------
    data_dir : str or Path, default=None
        Folder to check; by default the files the loaders read (the installed
        package's data, or a checkout's ``data/``).

    Returns
    -------
    list of str
        One line per problem; empty when everything matches.

    Examples
    --------
    >>> check_snapshots()
    []
    """

    def read(name: str) -> bytes | None:
        if data_dir is not None:
            path = Path(data_dir) / name
            return path.read_bytes() if path.is_file() else None
        try:
            return data_file(name).read_bytes()
        except FileNotFoundError:
            return None

    problems: list[str] = []
    cards_bytes = read(DATA_CARDS)
    if cards_bytes is None:
        return [f"{DATA_CARDS} is missing."]
    cards = cards_bytes.decode("utf-8")
    for spec in SNAPSHOTS:
        stored = read(spec.filename)
        if stored is None:
            problems.append(f"{spec.filename} is missing.")
            continue
        if stored != spec.to_csv_bytes(spec.generate()):
            problems.append(
                f"{spec.filename} differs from {spec.make.__name__}"
                f"(n_samples={spec.n_samples}, random_state={spec.random_state})."
            )
        try:
            written = card_hash(cards, spec.filename)
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if written != _sha256(stored):
            problems.append(
                f"The sha256 in the card of {spec.filename} is {written or 'empty'}, "
                f"the file's is {_sha256(stored)}."
            )
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line: write the snapshots, or check them with ``--check``.

    Parameters
    ----------
    argv : sequence of str, default=None
        Arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit code: 0 on success, 1 if ``--check`` found a difference,
        2 on a usage error.
    """
    parser = argparse.ArgumentParser(
        prog="python -m mlcourse.datasets.snapshots",
        description="Regenerate the bundled CSV snapshots and the sha256 lines of DATA_CARDS.md.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if a snapshot or a sha256 line differs from the generators",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder holding DATA_CARDS.md (default: the checkout's data/ folder)",
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = check_snapshots(args.data_dir)
        for line in problems:
            print(f"error: {line}", file=sys.stderr)
        if not problems:
            print(f"{len(SNAPSHOTS)} snapshots match their generators and data cards.")
        return 1 if problems else 0
    data_dir = args.data_dir if args.data_dir is not None else _checkout_data_dir()
    if data_dir is None or not (Path(data_dir) / DATA_CARDS).is_file():
        print(
            f"error: no {DATA_CARDS} found; run from a source checkout or pass --data-dir.",
            file=sys.stderr,
        )
        return 2
    try:
        written = write_snapshots(data_dir)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

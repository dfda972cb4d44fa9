"""Bundled CSV snapshots: loaders, agreement with generators, data cards, sha256."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import mlcourse.datasets as ds
from mlcourse.datasets import snapshots
from mlcourse.datasets._resources import data_file, read_card

REPO_DATA = Path(__file__).resolve().parents[2] / "data"
LOADERS = {
    "house_prices.csv": (ds.load_house_prices, "price", []),
    "customer_transactions.csv": (
        ds.load_customer_transactions,
        "segment",
        ["bargain_hunter", "champion", "lapsed", "loyal"],
    ),
    "emails.csv": (ds.load_emails, "label", ["ham", "spam"]),
    "reviews.csv": (ds.load_reviews, "sentiment", ["negative", "positive"]),
}
SPECS = {spec.filename: spec for spec in snapshots.SNAPSHOTS}
BUNDLED = {
    "iris": ds.load_iris,
    "wine": ds.load_wine,
    "breast_cancer": ds.load_breast_cancer,
    "digits": ds.load_digits,
    "diabetes": ds.load_diabetes,
}


def test_every_snapshot_has_a_loader():
    assert set(SPECS) == set(LOADERS)


# --- loaders --------------------------------------------------------------------


@pytest.mark.parametrize("filename", LOADERS)
def test_loader_returns_dataset(filename):
    load, target, target_names = LOADERS[filename]
    spec = SPECS[filename]
    data = load()
    assert isinstance(data, ds.Dataset)
    assert isinstance(data.data, pd.DataFrame) and isinstance(data.target, pd.Series)
    assert len(data.frame) == len(data.data) == len(data.target) == spec.n_samples
    assert data.target_name == target == data.target.name
    assert data.target_names == target_names
    assert data.feature_names == list(data.data.columns)
    assert target not in data.feature_names
    assert list(data.frame.columns) == list(spec.dtypes)
    assert data.name == filename.removesuffix(".csv")
    assert data.DESCR == read_card(filename)
    assert Path(data.filename).name == filename
    assert data["target"] is data.target  # Bunch-style access


@pytest.mark.parametrize("filename", LOADERS)
def test_loader_return_X_y_and_numpy(filename):
    load, _, _ = LOADERS[filename]
    X, y = load(return_X_y=True)
    pd.testing.assert_frame_equal(X, load().data)
    X_np, y_np = load(return_X_y=True, as_frame=False)
    assert isinstance(X_np, np.ndarray) and isinstance(y_np, np.ndarray)
    assert X_np.shape == X.shape and y_np.shape == y.shape
    bunch = load(as_frame=False)
    assert bunch.frame is None and isinstance(bunch.data, np.ndarray)


def test_reviews_rating_only_in_frame():
    reviews = ds.load_reviews()
    assert "rating" not in reviews.feature_names
    assert "rating" in reviews.frame.columns


# --- snapshots equal their generators ---------------------------------------------


@pytest.mark.parametrize("filename", sorted(SPECS))
def test_snapshot_equals_generator(filename):
    spec = SPECS[filename]
    loaded, _ = spec.read()
    pd.testing.assert_frame_equal(loaded, spec.generate(), check_exact=True)
    # and byte for byte, as written by `python -m mlcourse.datasets.snapshots`
    assert data_file(filename).read_bytes() == spec.to_csv_bytes(spec.generate())


@pytest.mark.parametrize("filename", sorted(SPECS))
def test_snapshot_sha256_matches_card(filename):
    content = data_file(filename).read_bytes()
    cards = data_file("DATA_CARDS.md").read_text(encoding="utf-8")
    assert snapshots.card_hash(cards, filename) == hashlib.sha256(content).hexdigest()


@pytest.mark.parametrize("filename", sorted(SPECS))
def test_snapshot_is_small(filename):
    assert len(data_file(filename).read_bytes()) < 300_000


def test_check_mode_passes():
    assert snapshots.check_snapshots() == []
    assert snapshots.main(["--check"]) == 0


# --- data cards ----------------------------------------------------------------


def _card_columns(card: str) -> dict[str, str]:
    rows = re.findall(r"(?m)^\| `(\w+)` \| ([\w\[\]]+) \|", card)
    return dict(rows)


@pytest.mark.parametrize("filename", sorted(SPECS))
def test_card_documents_every_column_and_dtype(filename):
    card = read_card(filename)
    assert _card_columns(card) == SPECS[filename].dtypes
    for section in (
        "**Source**",
        "**Licence**",
        "**sha256**",
        "### Intended use",
        "### Known limitations",
    ):
        assert section in card, section
    spec = SPECS[filename]
    call = f"{spec.make.__name__}(n_samples={spec.n_samples}, random_state={spec.random_state})"
    assert call in card
    frame = spec.generate()
    assert f"**Size**: {len(frame):,} rows, {frame.shape[1]} columns" in card
    if frame[spec.target].dtype != "int64":  # class counts quoted in the card
        labels = frame[spec.target]
        if "customer_id" in frame:  # segments are counted per customer
            labels = frame.groupby("customer_id")[spec.target].first()
        for label, count in labels.value_counts().items():
            assert re.search(rf"`{label}` \({count}( customers)?\)|{count} {label}", card), label


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_sets_have_cards(name):
    card = read_card(name)
    assert "**Source**" in card and "**Licence**" in card
    data = BUNDLED[name]()
    assert data.DESCR.startswith(card)
    assert len(data.DESCR) > len(card) + 100  # scikit-learn's description follows


def test_read_card_unknown_key():
    with pytest.raises(ValueError, match=r"'key' parameter of read_card must be one of"):
        read_card("no_such.csv")


# --- the snapshots command -----------------------------------------------------


def _copy_cards(tmp_path: Path, blank_hashes: bool) -> Path:
    target = tmp_path / "DATA_CARDS.md"
    shutil.copy(REPO_DATA / "DATA_CARDS.md", target)
    if blank_hashes:
        text = re.sub(r"(- \*\*sha256\*\*: `)[0-9a-f]+`", r"\1`", target.read_text())
        target.write_text(text)
    return target


def test_write_snapshots_reproduces_the_repository(tmp_path):
    cards = _copy_cards(tmp_path, blank_hashes=True)
    assert snapshots.main(["--check", "--data-dir", str(tmp_path)]) == 1
    assert snapshots.main(["--data-dir", str(tmp_path)]) == 0
    for spec in snapshots.SNAPSHOTS:
        assert (tmp_path / spec.filename).read_bytes() == (REPO_DATA / spec.filename).read_bytes()
    assert cards.read_text() == (REPO_DATA / "DATA_CARDS.md").read_text()
    assert snapshots.check_snapshots(tmp_path) == []


def test_check_reports_each_problem(tmp_path, capsys):
    _copy_cards(tmp_path, blank_hashes=False)
    snapshots.write_snapshots(tmp_path)
    (tmp_path / "emails.csv").write_bytes(b"subject,body,label\n")
    (tmp_path / "reviews.csv").unlink()
    problems = snapshots.check_snapshots(tmp_path)
    assert any(p.startswith("emails.csv differs from make_emails") for p in problems)
    assert any("sha256 in the card of emails.csv" in p for p in problems)
    assert "reviews.csv is missing." in problems
    assert snapshots.main(["--check", "--data-dir", str(tmp_path)]) == 1
    assert "error: reviews.csv is missing." in capsys.readouterr().err


def test_write_needs_cards(tmp_path, capsys):
    assert snapshots.main(["--data-dir", str(tmp_path)]) == 2
    assert "DATA_CARDS.md" in capsys.readouterr().err


def test_write_needs_a_card_per_snapshot(tmp_path, capsys):
    (tmp_path / "DATA_CARDS.md").write_text("# Data cards\n\n## emails.csv\n- **sha256**: ``\n")
    assert snapshots.main(["--data-dir", str(tmp_path)]) == 2
    assert "no card for 'house_prices.csv'" in capsys.readouterr().err


def test_update_card_hashes_touches_only_sha_lines():
    text = "# Cards\n\n## a.csv — A\n- **sha256**: `00`\nbody\n\n## b.csv — B\n- **sha256**: `11`\n"
    updated = snapshots.update_card_hashes(text, {"b.csv": "ff"})
    assert updated == text.replace("`11`", "`ff`")


# --- where files are read from -----------------------------------------------------


def test_data_file_in_checkout_falls_back_to_repository_data():
    # this test suite runs from a source checkout (editable install): no mlcourse/_data
    assert Path(str(data_file("emails.csv"))) == REPO_DATA / "emails.csv"


def test_data_file_missing():
    with pytest.raises(FileNotFoundError, match="'nothing.csv' was found neither"):
        data_file("nothing.csv")

"""Extraction transformers: ages, ratios, date parts (hand-computed and pandas references)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.pipeline import make_pipeline

from mlcourse.features import DateParts, RatioFeatures, YearsSince, decimal_year


def _houses():
    return pd.DataFrame(
        {
            "square_feet": [2000, 1500, 1000],
            "lot_size": [4000, 9000, 0],
            "year_built": [1990, 2010, 1901],
            "sale_date": pd.to_datetime(["2020-01-01", "2023-07-02", "2024-12-31"]),
            "location": ["suburb", "rural", "downtown"],
        }
    )


def test_decimal_year_by_hand():
    got = decimal_year(pd.to_datetime(["2020-01-01", "2020-12-31", "2021-07-02"]))
    np.testing.assert_allclose(got, [2020.0, 2020 + 365 / 366, 2021 + 182 / 365])
    np.testing.assert_allclose(decimal_year(["2000-03-01"]), [2000 + 60 / 366])


def test_age_at_sale_from_a_reference_column():
    df = _houses()
    t = YearsSince(["year_built"], reference="sale_date").fit(df)
    out = t.transform(df)
    expected = decimal_year(df["sale_date"]) - df["year_built"]
    np.testing.assert_allclose(out["years_since_year_built"], expected)
    assert "year_built" not in out.columns and "sale_date" in out.columns
    assert out.columns.tolist() == t.get_feature_names_out().tolist()
    # the text columns pass through untouched
    assert out["location"].tolist() == df["location"].tolist()


def test_fixed_reference_and_learned_reference():
    df = pd.DataFrame({"born": pd.to_datetime(["1980-01-01", "2000-01-01"])})
    out = YearsSince(reference="2024-01-01").fit_transform(df)
    np.testing.assert_allclose(out["years_since_born"], [44.0, 24.0])
    learned = YearsSince().fit(df)
    assert learned.reference_ == pytest.approx(2000.0)
    # a later transform uses the reference learned in fit, not the new data's
    later = pd.DataFrame({"born": pd.to_datetime(["1990-01-01"])})
    np.testing.assert_allclose(learned.transform(later)["years_since_born"], [10.0])
    kept = YearsSince(reference=2024, drop=False).fit_transform(df)
    assert kept.columns.tolist() == ["born", "years_since_born"]


def test_numpy_input_gives_floats():
    X = np.array([[1990.0, 5.0], [2000.0, 7.0]])
    out = YearsSince([0], reference=2020).fit_transform(X)
    np.testing.assert_allclose(out, [[5.0, 30.0], [7.0, 20.0]])


@given(year=st.integers(1900, 2020), offset=st.floats(0, 100))
def test_years_since_property(year, offset):
    out = YearsSince(reference=year + offset).fit_transform(pd.DataFrame({"y": [year]}))
    assert out["years_since_y"].iloc[0] == pytest.approx(offset)


def test_ratio_features():
    df = _houses()
    t = RatioFeatures([("lot_size", "square_feet"), ("square_feet", "lot_size")]).fit(df)
    out = t.transform(df)
    np.testing.assert_allclose(out["lot_size_per_square_feet"], [2.0, 6.0, 0.0])
    # division by zero gives NaN, not infinity
    assert np.isnan(out["square_feet_per_lot_size"].iloc[2])
    assert out.columns.tolist() == t.get_feature_names_out().tolist()
    named = RatioFeatures([("lot_size", "square_feet")], names=["lot_ratio"], drop=True)
    assert named.fit_transform(df).columns.tolist() == [
        "year_built",
        "sale_date",
        "location",
        "lot_ratio",
    ]


def test_date_parts_match_pandas():
    df = _houses()
    parts = ["year", "month", "day", "dayofweek", "dayofyear", "quarter", "is_weekend"]
    t = DateParts(["sale_date"], parts=parts).fit(df)
    out = t.transform(df)
    dt = df["sale_date"].dt
    pandas_name = {"dayofweek": "day_of_week", "dayofyear": "day_of_year"}
    for p in parts[:-1]:
        np.testing.assert_array_equal(out[f"sale_date_{p}"], getattr(dt, pandas_name.get(p, p)))
    np.testing.assert_array_equal(out["sale_date_is_weekend"], (dt.day_of_week >= 5).astype(int))
    assert out.columns.tolist() == t.get_feature_names_out().tolist()


def test_date_parts_missing_dates_give_nan():
    df = pd.DataFrame({"d": pd.to_datetime(["2024-01-06", None])})
    out = DateParts(parts=["month", "is_weekend"]).fit_transform(df)
    assert out["d_month"].iloc[0] == 1 and np.isnan(out["d_month"].iloc[1])
    assert out["d_is_weekend"].iloc[0] == 1 and np.isnan(out["d_is_weekend"].iloc[1])


def test_chained_in_a_pipeline_on_house_prices():
    from mlcourse.datasets import load_house_prices

    df = load_house_prices().frame.drop(columns="price")
    pipe = make_pipeline(
        YearsSince(["year_built"], reference="sale_date"),
        RatioFeatures([("lot_size", "square_feet")]),
        DateParts(["sale_date"], parts=["year", "month"]),
    )
    out = pipe.fit_transform(df)
    assert {"years_since_year_built", "lot_size_per_square_feet", "sale_date_month"} <= set(
        out.columns
    )
    assert (out["years_since_year_built"] >= 0).all()


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: YearsSince(["nope"]), r"'columns' parameter of YearsSince.*Got 'nope'"),
        (lambda: YearsSince(reference="not a date"), r"'reference' parameter of YearsSince"),
        (lambda: RatioFeatures(), r"'pairs' parameter of RatioFeatures"),
        (lambda: RatioFeatures([("lot_size",)]), r"'pairs'"),
        (lambda: RatioFeatures([("lot_size", "x")]), r"'pairs'.*Got 'x'"),
        (lambda: RatioFeatures([("lot_size", "square_feet")], names=[]), r"'names'"),
        (lambda: DateParts(parts=["week"]), r"'parts' parameter of DateParts.*'year'"),
    ],
)
def test_bad_params(make, match):
    df = _houses()[["square_feet", "lot_size", "year_built"]]
    with pytest.raises(ValueError, match=match):
        make().fit(df)

"""Schema inference on messy tables, the preprocessing it builds, and its transformers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mlcourse.experiment import infer_schema
from mlcourse.experiment._schema import KINDS, looks_like_id_name
from mlcourse.experiment._transformers import BooleanMapper, DateParts, NumericCoercer, TextCleaner

MESSY = Path(__file__).resolve().parents[1] / "cli" / "data" / "messy_customers.csv"


@pytest.fixture(scope="module")
def messy() -> pd.DataFrame:
    return pd.read_csv(MESSY)


def test_messy_csv_columns_get_the_right_kinds(messy):
    plan = infer_schema(messy.drop(columns="churned"))
    kinds = {c.name: c.kind for c in plan.columns}
    assert kinds == {
        "customer_id": "id",
        "signup_date": "date",
        "plan": "categorical",
        "country": "constant",
        "monthly_spend": "numeric",
        "tenure_months": "numeric",
        "is_member": "boolean",
        "comment": "text",
        "lifetime_value": "numeric",
    }
    assert set(plan.dropped) == {"customer_id", "country", "comment"}
    assert plan.id_columns == ["customer_id"]
    assert plan.used_columns == [
        "signup_date",
        "plan",
        "monthly_spend",
        "tenure_months",
        "is_member",
        "lifetime_value",
    ]
    text = "\n".join(plan.messages)
    assert "dropped 'customer_id': ID-like" in text
    assert "dropped 'country': constant (every row is 'NL')" in text
    assert "dropped 'comment': free text" in text
    assert "'monthly_spend': numbers as text; 3 unreadable value(s) such as '?'" in text
    assert "'is_member': yes/no words" in text
    assert "'signup_date': date" in text
    assert "missing values in" in text


def test_plan_table_and_summary(messy):
    plan = infer_schema(messy.drop(columns="churned"))
    table = plan.to_frame()
    assert list(table.columns) == [
        "column",
        "dtype",
        "kind",
        "action",
        "missing",
        "unique",
        "reason",
    ]
    assert table.set_index("column").loc["country", "action"] == "dropped"
    assert table.set_index("column").loc["plan", "missing"] == messy["plan"].isna().sum()
    lines = plan.summary_lines()
    assert lines[0] == "numeric (3): monthly_spend, tenure_months, lifetime_value"
    assert any(line.startswith("dropped 'comment'") for line in lines)


def test_preprocessor_turns_the_messy_table_into_finite_numbers(messy):
    X = messy.drop(columns="churned")
    plan = infer_schema(X)
    Z = plan.make_preprocessor().fit_transform(X[plan.used_columns])
    # 3 numeric + 4 date parts + 1 boolean + one-hot of basic/Pro/premium
    assert Z.shape == (len(X), 3 + 4 + 1 + 3)
    assert np.isfinite(Z).all()


def test_preprocessor_handles_unseen_categories_and_reordered_columns(messy):
    X = messy.drop(columns="churned")
    plan = infer_schema(X)
    prep = plan.make_preprocessor().fit(X[plan.used_columns])
    new = X[plan.used_columns].iloc[:3].copy()
    new["plan"] = ["enterprise", "basic", None]
    new = new[plan.used_columns[::-1]]
    Z = prep.transform(new)
    assert np.isfinite(Z).all() and Z.shape[0] == 3


@pytest.mark.parametrize(
    ("values", "name", "kind"),
    [
        ([1, 2, 3, 4, 5], "id", "id"),  # the name says key
        ([17, 3, 99, 42, 8], "customerID", "id"),
        ([5, 6, 7, 8, 9], "row", "id"),  # consecutive integers
        ([17, 3, 99, 42, 8], "square_feet", "numeric"),  # unique but a measurement
        ([1, 2, 3, 4, 5], "paid", "id"),  # consecutive even if named paid
        ([1, 1, 2, 2, 3], "paid", "numeric"),
        (["a1f", "b2e", "c3d", "d4c", "e5b"], "code", "id"),  # unique key strings
        (["x", "x", "x", "x", "x"], "country", "constant"),
        ([None, None, None, None, None], "notes", "empty"),
        ([1.5, 2.0, None, 3.25, 1.0], "price", "numeric"),
        (["Yes", "no", "TRUE", "false", None], "member", "boolean"),
        (["Y", "N", "y", "n", "Y"], "flag", "boolean"),
        ([True, False, True, True, False], "flag", "boolean"),
        (["1.5", "2", "?", "3", "4"] * 4, "amount", "categorical"),  # 75% numbers: too few
        (["2021-01-04", "2021/02/05", "3 Mar 2022", "2020-12-31", None], "sold", "date"),
        (["red", "blue", "red", "green", "blue"], "colour", "categorical"),
    ],
)
def test_column_kinds_hand_cases(values, name, kind):
    plan = infer_schema(pd.DataFrame({name: values}))
    assert plan.columns[0].kind == kind, plan.columns[0].reason


def test_numbers_as_text_with_a_few_placeholders_are_numeric():
    values = [str(v) for v in range(40)] + ["?"]
    plan = infer_schema(pd.DataFrame({"amount": values}))
    assert plan.columns[0].kind == "numeric"
    assert "1 unreadable value(s) such as '?'" in plan.messages[0]


def test_datetime_dtype_and_free_text():
    X = pd.DataFrame(
        {
            "when": pd.date_range("2024-01-01", periods=30, freq="D"),
            "review": [f"great product number {i}" for i in range(30)],
            "city": ["Paris", "Rome", "Oslo"] * 10,
        }
    )
    plan = infer_schema(X)
    assert [c.kind for c in plan.columns] == ["date", "text", "categorical"]


def test_high_cardinality_without_spaces_is_dropped_as_text():
    values = [f"sku{i % 45}" for i in range(60)]
    plan = infer_schema(pd.DataFrame({"product": values}))
    assert plan.columns[0].kind == "text"
    assert "high-cardinality text" in plan.messages[0]


def test_id_name_detection():
    assert looks_like_id_name("ID")
    assert looks_like_id_name("order_uuid")
    assert looks_like_id_name("userId")
    assert not looks_like_id_name("valid")
    assert not looks_like_id_name("idea")


def test_no_usable_column_is_a_clear_error():
    plan = infer_schema(pd.DataFrame({"id": [1, 2, 3], "c": ["x", "x", "x"]}))
    with pytest.raises(
        ValueError,
        match=r"No usable feature column is left: every column was dropped \(id: ID-like",
    ):
        plan.make_preprocessor()


def test_bad_arguments():
    with pytest.raises(
        TypeError,
        match=r"The 'X' parameter of infer_schema must be a pandas DataFrame\. Got 'list' instead\.",
    ):
        infer_schema([[1, 2]])
    with pytest.raises(ValueError, match="max_categories"):
        infer_schema(pd.DataFrame({"a": [1]}), max_categories=1)
    frame = pd.DataFrame([[1, 2]], columns=["a", "a"])
    with pytest.raises(ValueError, match=r"unique column names\. Got \"duplicated \['a'\]\""):
        infer_schema(frame)


# ------------------------------------------------------------------ transformers


def test_numeric_coercer():
    X = pd.DataFrame({"a": ["1.5", "?", "2", None], "b": [1.0, np.inf, -np.inf, 4.0]})
    out = NumericCoercer().fit(X).transform(X)
    np.testing.assert_array_equal(np.isnan(out), [[0, 0], [1, 1], [0, 1], [1, 0]])
    assert out[0, 0] == 1.5 and out[3, 1] == 4.0


def test_boolean_mapper_words_and_numbers():
    X = pd.DataFrame({"a": ["Yes", " no ", "TRUE", "f", "maybe", None, "ON", "off"]})
    out = BooleanMapper().fit_transform(X).ravel()
    np.testing.assert_array_equal(out[[0, 1, 2, 3, 6, 7]], [1, 0, 1, 0, 1, 0])
    assert np.isnan(out[4]) and np.isnan(out[5])
    assert BooleanMapper().fit_transform(
        np.array([[True], [False], [1.0], [0.0]])
    ).ravel().tolist() == [1, 0, 1, 0]


def test_date_parts_values_and_names():
    X = pd.DataFrame({"d": ["2024-02-29", "31/12/2023", None]})
    parts = DateParts().fit(X)
    out = parts.transform(X)
    np.testing.assert_array_equal(out[0], [2024, 2, 29, 3])  # a Thursday
    np.testing.assert_array_equal(out[1], [2023, 12, 31, 6])  # a Sunday
    assert np.isnan(out[2]).all()
    assert parts.get_feature_names_out().tolist() == ["d_year", "d_month", "d_day", "d_day_of_week"]


def test_text_cleaner_strips_and_keeps_missing():
    out = TextCleaner().fit_transform(pd.DataFrame({"c": [" Pro", "Pro", "", None, 3]})).ravel()
    assert out[0] == out[1] == "Pro" and out[4] == "3"
    assert pd.isna(out[2]) and pd.isna(out[3])


def test_transformers_check_the_number_of_columns():
    coercer = NumericCoercer().fit(pd.DataFrame({"a": [1], "b": [2]}))
    with pytest.raises(ValueError, match="feature names should match"):
        coercer.transform(pd.DataFrame({"a": [1], "b": [2], "c": [3]}))
    with pytest.raises(Exception, match="not fitted"):
        DateParts().transform([["2024-01-01"]])


@settings(max_examples=25, deadline=None)
@given(
    hnp.arrays(
        float,
        hnp.array_shapes(min_dims=2, max_dims=2, min_side=2, max_side=12),
        elements=st.one_of(st.floats(-1e6, 1e6), st.just(np.nan)),
    )
)
def test_property_any_numeric_table_gives_finite_features(arr):
    X = pd.DataFrame(arr, columns=[f"c{j}" for j in range(arr.shape[1])])
    plan = infer_schema(X)
    assert all(c.kind in KINDS for c in plan.columns)
    assert all(c.kind in ("numeric", "constant", "empty") for c in plan.columns)
    if plan.used_columns:
        Z = plan.make_preprocessor().fit_transform(X[plan.used_columns])
        assert Z.shape[0] == arr.shape[0]
        assert np.isfinite(Z).all()

"""Synthetic generators: determinism, schema, validation and teachable signal."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mlcourse.datasets import (
    make_customer_transactions,
    make_emails,
    make_house_prices,
    make_reviews,
)

GENERATORS = {
    "house_prices": (make_house_prices, 300),
    "customer_transactions": (make_customer_transactions, 600),
    "emails": (make_emails, 200),
    "reviews": (make_reviews, 200),
}


@pytest.mark.parametrize("name", GENERATORS)
def test_deterministic_for_a_seed(name, seed):
    make, n = GENERATORS[name]
    pd.testing.assert_frame_equal(make(n, random_state=seed), make(n, random_state=seed))


@pytest.mark.parametrize("name", GENERATORS)
def test_generator_instance_gives_same_as_seeded_generator(name):
    make, n = GENERATORS[name]
    a = make(n, random_state=np.random.default_rng(5))
    b = make(n, random_state=np.random.default_rng(5))
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("name", GENERATORS)
def test_different_across_seeds(name):
    make, n = GENERATORS[name]
    assert not make(n, random_state=0).equals(make(n, random_state=1))


@pytest.mark.parametrize("name", GENERATORS)
def test_n_samples_rows_and_clean_index(name, seed):
    make, n = GENERATORS[name]
    frame = make(n, random_state=seed)
    assert len(frame) == n
    assert frame.index.equals(pd.RangeIndex(n))
    assert not frame.isna().any().any()


@pytest.mark.parametrize("name", GENERATORS)
@pytest.mark.parametrize("bad", [0, -3])
def test_n_samples_must_be_positive(name, bad):
    make, _ = GENERATORS[name]
    with pytest.raises(ValueError, match=rf"'n_samples' parameter of make_{name}"):
        make(bad, random_state=0)


@pytest.mark.parametrize("name", GENERATORS)
def test_n_samples_type(name):
    make, _ = GENERATORS[name]
    with pytest.raises(TypeError, match="'n_samples' parameter"):
        make(10.5, random_state=0)


@pytest.mark.parametrize("name", GENERATORS)
def test_bad_random_state(name):
    make, n = GENERATORS[name]
    with pytest.raises(TypeError, match="'random_state' parameter"):
        make(n, random_state="seed")


# --- house prices ------------------------------------------------------------


def test_house_prices_schema(seed):
    houses = make_house_prices(500, random_state=seed)
    assert list(houses.columns) == [
        "square_feet",
        "bedrooms",
        "bathrooms",
        "location",
        "year_built",
        "sale_date",
        "lot_size",
        "has_garage",
        "condition",
        "price",
    ]
    assert houses["sale_date"].dtype == "datetime64[ns]"
    assert houses["has_garage"].dtype == bool
    assert set(houses["location"]) <= {"downtown", "suburb", "rural"}
    assert set(houses["condition"]) <= {"poor", "fair", "good", "excellent"}
    assert houses["sale_date"].between("2019-01-01", "2024-12-31").all()
    assert (houses["sale_date"].dt.year >= houses["year_built"]).all()
    assert houses["bedrooms"].between(1, 6).all()
    assert ((houses["bathrooms"] * 2) % 1 == 0).all()
    assert (houses["price"] % 100 == 0).all() and (houses["price"] > 0).all()


def test_price_per_sqft_carries_location_signal(seed):
    houses = make_house_prices(1000, random_state=seed)
    ppsf = (houses["price"] / houses["square_feet"]).groupby(houses["location"]).median()
    assert ppsf["downtown"] > ppsf["suburb"] > ppsf["rural"]
    # location explains a large share of the variance of price per square foot
    per_sqft = houses["price"] / houses["square_feet"]
    within = per_sqft.groupby(houses["location"]).transform("mean")
    r2 = 1 - ((per_sqft - within) ** 2).sum() / ((per_sqft - per_sqft.mean()) ** 2).sum()
    assert r2 > 0.5


def test_age_at_sale_carries_signal(seed):
    houses = make_house_prices(1000, random_state=seed)
    age = houses["sale_date"].dt.year - houses["year_built"]
    log_ppsf = np.log(houses["price"] / houses["square_feet"])
    # within a location, older houses sell for less per square foot
    for _, group in houses.groupby("location"):
        r = np.corrcoef(age[group.index], log_ppsf[group.index])[0, 1]
        assert r < -0.2


def test_engineered_features_beat_raw_columns(seed):
    """A linear model on log(price) improves with age, sale year and log area."""
    from sklearn.linear_model import LinearRegression
    from sklearn.model_selection import cross_val_score

    houses = make_house_prices(1000, random_state=seed)
    raw = pd.get_dummies(
        houses[["square_feet", "bedrooms", "bathrooms", "year_built", "lot_size", "location"]],
        dtype=float,
    )
    engineered = raw.assign(
        age=houses["sale_date"].dt.year - houses["year_built"],
        sale_year=houses["sale_date"].dt.year + houses["sale_date"].dt.day_of_year / 366,
        log_sqft=np.log(houses["square_feet"]),
    )
    y = np.log(houses["price"])
    raw_score = cross_val_score(LinearRegression(), raw, y, cv=5).mean()
    engineered_score = cross_val_score(LinearRegression(), engineered, y, cv=5).mean()
    assert engineered_score > raw_score + 0.02


def test_missing_rate(seed):
    houses = make_house_prices(2000, missing_rate=0.1, random_state=seed)
    rates = houses.isna().mean()
    for column in ["bathrooms", "year_built", "lot_size", "location"]:
        assert 0.07 < rates[column] < 0.13
    assert rates.drop(["bathrooms", "year_built", "lot_size", "location"]).eq(0).all()
    assert houses["year_built"].dtype == "float64"
    # the rest of the table does not depend on the missing rate
    clean = make_house_prices(2000, random_state=seed)
    pd.testing.assert_series_equal(houses["price"], clean["price"])


@pytest.mark.parametrize("bad", [-0.1, 1.0, 1.5])
def test_missing_rate_range(bad):
    with pytest.raises(
        ValueError, match=r"'missing_rate' parameter of make_house_prices .* \[0, 1\)"
    ):
        make_house_prices(10, missing_rate=bad)


# --- customer transactions ------------------------------------------------------


def _rfm(tx: pd.DataFrame) -> pd.DataFrame:
    snapshot = pd.Timestamp("2025-01-01")
    return tx.groupby("customer_id").agg(
        recency=("date", lambda d: (snapshot - d.max()).days),
        frequency=("transaction_id", "count"),
        monetary=("amount", "sum"),
        segment=("segment", "first"),
    )


def test_transactions_schema(seed):
    tx = make_customer_transactions(1000, n_customers=100, random_state=seed)
    assert list(tx.columns) == [
        "transaction_id",
        "customer_id",
        "date",
        "amount",
        "category",
        "channel",
        "segment",
    ]
    assert tx["transaction_id"].is_unique
    assert tx["customer_id"].nunique() == 100  # every customer buys at least once
    assert tx["date"].is_monotonic_increasing
    assert tx["date"].between("2024-01-01", "2024-12-31").all()
    assert (tx["amount"] > 0).all()
    assert np.allclose(tx["amount"], tx["amount"].round(2))
    assert (tx.groupby("customer_id")["segment"].nunique() == 1).all()


def test_rfm_separates_segments(seed):
    rfm = _rfm(make_customer_transactions(3000, n_customers=300, random_state=seed))
    medians = rfm.groupby("segment").median()
    assert medians["recency"].idxmax() == "lapsed"
    assert medians["frequency"].idxmax() == "champion"
    assert medians["monetary"].idxmax() == "champion"
    assert medians.loc["bargain_hunter", "monetary"] < medians.loc["loyal", "monetary"]


def test_rfm_clusters_recover_segments_partly():
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score
    from sklearn.preprocessing import StandardScaler

    rfm = _rfm(make_customer_transactions(2000, random_state=0))
    Z = StandardScaler().fit_transform(np.log1p(rfm[["recency", "frequency", "monetary"]]))
    labels = KMeans(n_clusters=4, n_init=10, random_state=0).fit_predict(Z)
    assert 0.3 < adjusted_rand_score(rfm["segment"], labels) < 0.95


def test_n_customers_at_most_n_samples():
    with pytest.raises(ValueError, match=r"'n_customers' .* at most n_samples=10"):
        make_customer_transactions(10, n_customers=20)


# --- emails and reviews ---------------------------------------------------------


def _cv_accuracy(text: pd.Series, y: pd.Series, ngram_range=(1, 1)) -> float:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(TfidfVectorizer(ngram_range=ngram_range), LogisticRegression())
    return float(cross_val_score(model, text, y, cv=3).mean())


def test_emails_schema_and_balance(seed):
    emails = make_emails(500, random_state=seed)
    assert list(emails.columns) == ["subject", "body", "label"]
    assert set(emails["label"]) == {"ham", "spam"}
    assert 0.3 < (emails["label"] == "spam").mean() < 0.5
    assert not emails["body"].str.contains("\n").any()
    assert not emails["body"].str.contains(r"\{").any()  # every slot filled


def test_emails_overlap_between_classes(seed):
    emails = make_emails(800, random_state=seed)
    ham = emails.loc[emails["label"] == "ham", "subject"] + " " + emails["body"]
    spam = emails.loc[emails["label"] == "spam", "subject"] + " " + emails["body"]
    for word in ["offer", "account", "invoice", "payment", "Congratulations"]:
        assert ham.str.contains(word).any() and spam.str.contains(word).any(), word


def test_emails_learnable_but_not_trivial(seed):
    emails = make_emails(600, random_state=seed)
    accuracy = _cv_accuracy(emails["subject"] + " " + emails["body"], emails["label"])
    assert 0.85 < accuracy < 0.99


def test_reviews_schema(seed):
    reviews = make_reviews(500, random_state=seed)
    assert list(reviews.columns) == ["product", "text", "rating", "sentiment"]
    assert set(reviews["rating"]) <= {1, 2, 3, 4, 5}
    assert set(reviews["sentiment"]) == {"negative", "positive"}
    pos = reviews["sentiment"] == "positive"
    assert (reviews.loc[pos, "rating"] >= 3).all()
    assert (reviews.loc[~pos, "rating"] <= 3).all()
    # three-star reviews exist on both sides
    assert set(reviews.loc[reviews["rating"] == 3, "sentiment"]) == {"negative", "positive"}
    assert not reviews["text"].str.contains(r"\{").any()


def test_reviews_have_negation_and_mixed(seed):
    reviews = make_reviews(500, random_state=seed)
    positive = reviews.loc[reviews["sentiment"] == "positive", "text"]
    negative = reviews.loc[reviews["sentiment"] == "negative", "text"]
    # negation on both sides, and the same content word in both classes
    assert positive.str.contains(r"\bnot\b").mean() > 0.2
    assert negative.str.contains(r"\bnot\b").mean() > 0.2
    assert positive.str.contains("worth").any() and negative.str.contains("worth").any()
    assert reviews["text"].str.contains(", but |, although ").mean() > 0.1


def test_reviews_bigrams_help(seed):
    reviews = make_reviews(600, random_state=seed)
    unigrams = _cv_accuracy(reviews["text"], reviews["sentiment"])
    bigrams = _cv_accuracy(reviews["text"], reviews["sentiment"], ngram_range=(1, 2))
    assert 0.8 < unigrams < 0.985
    assert bigrams > unigrams

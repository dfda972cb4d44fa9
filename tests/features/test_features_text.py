"""CountVectorizer / TfidfVectorizer from scratch: identical to scikit-learn's."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction import text as sk

from mlcourse.features import CountVectorizer, TfidfVectorizer

DOCS = [
    "The movie was great, truly GREAT acting!",
    "The plot was not great; the acting was bad.",
    "Bad bad movie. I want my money back",
    "A café with crème brûlée — naïve but charming",
    "",
    "great great great",
    "Service was slow and the food was cold",
    "cold food, slow service, never again!!",
]

OPTIONS = [
    {},
    {"lowercase": False},
    {"stop_words": "english"},
    {"stop_words": ["the", "was", "a"]},
    {"ngram_range": (1, 2)},
    {"ngram_range": (2, 3), "stop_words": "english"},
    {"analyzer": "char", "ngram_range": (2, 4)},
    {"analyzer": "char_wb", "ngram_range": (1, 3)},
    {"analyzer": "char_wb", "ngram_range": (3, 6)},
    {"strip_accents": "unicode"},
    {"strip_accents": "ascii", "lowercase": False},
    {"min_df": 2},
    {"max_df": 0.3},
    {"min_df": 0.2, "max_df": 4},
    {"max_features": 5},
    {"max_features": 7, "ngram_range": (1, 2)},
    {"binary": True},
    {"binary": True, "max_features": 4},
    {"token_pattern": r"(?u)\b\w+\b"},
    {"token_pattern": r"(\w+)ing\b"},
    {"vocabulary": ["great", "bad", "movie", "food"]},
    {"vocabulary": {"slow": 1, "cold": 0}},
    {"tokenizer": str.split, "token_pattern": None},
    {"preprocessor": str.upper, "lowercase": False},
]


def _same_sparse(a, b, atol=0.0):
    assert a.shape == b.shape
    np.testing.assert_allclose(a.toarray(), b.toarray(), rtol=0, atol=atol)


@pytest.mark.parametrize("options", OPTIONS, ids=str)
def test_count_vectorizer_identical_to_sklearn(options):
    ours = CountVectorizer(**options)
    ref = sk.CountVectorizer(**options)
    X, R = ours.fit_transform(DOCS), ref.fit_transform(DOCS)
    assert ours.vocabulary_ == ref.vocabulary_
    assert ours.get_feature_names_out().tolist() == ref.get_feature_names_out().tolist()
    _same_sparse(X, R)
    assert X.dtype == R.dtype
    new = ["great food but slow", "unknown words only", "bad bad bad"]
    _same_sparse(ours.transform(new), ref.transform(new))
    assert ours.fixed_vocabulary_ == ("vocabulary" in options)


@pytest.mark.parametrize("options", OPTIONS, ids=str)
@pytest.mark.parametrize(
    "weights",
    [
        {},
        {"norm": "l1"},
        {"norm": None},
        {"use_idf": False},
        {"smooth_idf": False},
        {"sublinear_tf": True},
        {"sublinear_tf": True, "smooth_idf": False, "norm": "l1"},
    ],
    ids=str,
)
def test_tfidf_vectorizer_identical_to_sklearn(options, weights):
    ours = TfidfVectorizer(**options, **weights)
    ref = sk.TfidfVectorizer(**options, **weights)
    X, R = ours.fit_transform(DOCS), ref.fit_transform(DOCS)
    assert ours.vocabulary_ == ref.vocabulary_
    _same_sparse(X, R, atol=1e-12)
    if ref.use_idf:
        np.testing.assert_allclose(ours.idf_, ref.idf_, rtol=0, atol=1e-12)
    new = ["great food but slow", "unknown words only", "bad bad bad"]
    _same_sparse(ours.transform(new), ref.transform(new), atol=1e-12)


def test_tfidf_by_hand():
    # 3 documents; "film" in 2 of them: idf = ln(4 / 3) + 1; "good" in 2: same
    docs = ["good film", "bad film", "good good acting"]
    tf = TfidfVectorizer(norm=None)
    X = tf.fit_transform(docs).toarray()
    idf_common = np.log(4 / 3) + 1
    idf_rare = np.log(4 / 2) + 1
    np.testing.assert_allclose(tf.idf_, [idf_rare, idf_rare, idf_common, idf_common])
    # document 3: acting once, good twice
    np.testing.assert_allclose(X[2], [idf_rare, 0, 0, 2 * idf_common])
    Xn = TfidfVectorizer().fit_transform(docs).toarray()
    np.testing.assert_allclose(Xn[2], X[2] / np.linalg.norm(X[2]))


words = st.sampled_from(["good", "bad", "film", "plot", "ok", "x", "Été", "naïf", "the", "a1"])
documents = st.lists(st.lists(words, max_size=8).map(" ".join), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(
    docs=documents,
    ngram_max=st.integers(1, 3),
    min_df=st.integers(1, 2),
    max_features=st.none() | st.integers(1, 6),
    sublinear=st.booleans(),
)
def test_random_corpora_match_sklearn(docs, ngram_max, min_df, max_features, sublinear):
    kw = dict(ngram_range=(1, ngram_max), min_df=min_df, max_features=max_features)
    try:
        R = sk.TfidfVectorizer(**kw, sublinear_tf=sublinear).fit(docs)
    except ValueError:  # empty vocabulary: ours must refuse too
        with pytest.raises(ValueError):
            TfidfVectorizer(**kw, sublinear_tf=sublinear).fit(docs)
        return
    ours = TfidfVectorizer(**kw, sublinear_tf=sublinear).fit(docs)
    assert ours.vocabulary_ == R.vocabulary_
    _same_sparse(ours.transform(docs), R.transform(docs), atol=1e-12)


def test_pipeline_with_a_classifier():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    docs = ["great film", "awful film", "great acting", "awful plot"] * 3
    y = [1, 0, 1, 0] * 3
    pipe = make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(docs, y)
    assert pipe.predict(["great plot", "awful acting"]).tolist() == [1, 0]


@pytest.mark.parametrize(
    ("kwargs", "docs", "err", "match"),
    [
        ({}, "one string", ValueError, r"'raw_documents'.*iterable of documents"),
        ({"ngram_range": (2, 1)}, DOCS, ValueError, r"'ngram_range' parameter of CountVectorizer"),
        ({"analyzer": "sentence"}, DOCS, ValueError, r"'analyzer'.*'word', 'char', 'char_wb'"),
        ({"stop_words": "french"}, DOCS, ValueError, r"'stop_words'.*one of 'english'"),
        ({"min_df": 1.5}, DOCS, ValueError, r"'min_df'"),
        ({"max_df": 1, "min_df": 2}, DOCS, ValueError, r"'max_df'.*fewer documents"),
        ({"max_features": 0}, DOCS, ValueError, r"'max_features'"),
        ({"vocabulary": ["a", "a"]}, DOCS, ValueError, r"'vocabulary'.*'a' repeats"),
        ({"vocabulary": {"a": 0, "b": 2}}, DOCS, ValueError, r"'vocabulary'.*indices are 0, 1"),
        ({"token_pattern": r"(a)(b)"}, DOCS, ValueError, r"'token_pattern'.*one capturing group"),
        ({"stop_words": ["only", "stop"]}, ["only stop"], ValueError, "empty vocabulary"),
        ({"min_df": 5}, DOCS, ValueError, "no terms remain"),
    ],
)
def test_bad_input(kwargs, docs, err, match):
    with pytest.raises(err, match=match):
        CountVectorizer(**kwargs).fit(docs)


def test_tfidf_bad_norm_and_unfitted():
    from sklearn.exceptions import NotFittedError

    with pytest.raises(ValueError, match=r"'norm' parameter of TfidfVectorizer.*'l2', 'l1', None"):
        TfidfVectorizer(norm="max").fit(DOCS)
    with pytest.raises(NotFittedError):
        TfidfVectorizer().transform(DOCS)

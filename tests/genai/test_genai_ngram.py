"""Tests for the n-gram language model: hand-computed counts, normalisation, sampling."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlcourse.genai import (
    EOS,
    UNK,
    NGramLanguageModel,
    detokenize,
    load_course_text,
    tokenize,
)

TOY = [["the", "cat", "sat"], ["the", "dog", "sat"], ["a", "cat", "ran"]]


# ----------------------------------------------------------------- hand-computed
def test_vocabulary_contains_words_eos_and_unk():
    lm = NGramLanguageModel().fit(TOY)
    assert lm.vocabulary_ == sorted(["the", "cat", "sat", "dog", "a", "ran", EOS, UNK])
    assert lm.n_sentences_ == 3


def test_bigram_laplace_by_hand():
    lm = NGramLanguageModel(n=2, smoothing="laplace").fit(TOY)
    V = 8
    # "the" is followed by cat (1) and dog (1): c(the) = 2
    assert lm.prob("cat", ["the"]) == pytest.approx((1 + 1) / (2 + V))
    assert lm.prob("sat", ["the"]) == pytest.approx((0 + 1) / (2 + V))
    # "cat" is followed by sat (1) and ran (1)
    assert lm.prob("ran", "cat") == pytest.approx(2 / (2 + V))
    # sentence start: the (2), a (1)
    assert lm.prob("the") == pytest.approx((2 + 1) / (3 + V))
    assert lm.prob("the", []) == lm.prob("the", None)
    # "sat" ends both its sentences
    assert lm.prob(EOS, ["sat"]) == pytest.approx((2 + 1) / (2 + V))
    # unseen context: uniform
    assert lm.prob("cat", ["zebra"]) == pytest.approx(1 / V)
    # unseen word counts as UNK
    assert lm.prob("zebra", ["the"]) == pytest.approx(1 / (2 + V))
    assert lm.prob("zebra", ["the"]) == lm.prob(UNK, ["the"])


def test_bigram_mle_by_hand_and_backoff():
    lm = NGramLanguageModel(n=2, smoothing="none").fit(TOY)
    assert lm.prob("cat", "the") == 0.5
    assert lm.prob("sat", "the") == 0.0
    assert lm.prob("sat", "cat") == 0.5
    assert lm.prob("the") == pytest.approx(2 / 3)
    # unseen context backs off to the unigram frequencies (12 predicted tokens)
    assert lm.prob("cat", "zebra") == pytest.approx(2 / 12)
    assert lm.prob(EOS, "zebra") == pytest.approx(3 / 12)
    assert lm.prob(UNK, "the") == 0.0


def test_trigram_laplace_by_hand_uses_last_two_words():
    lm = NGramLanguageModel(n=3).fit(TOY)
    V = 8
    # context (the, cat) seen once, followed by sat
    assert lm.prob("sat", ["the", "cat"]) == pytest.approx(2 / (1 + V))
    assert lm.prob("sat", ["x", "y", "the", "cat"]) == lm.prob("sat", ["the", "cat"])
    # context (<s>, the): followed by cat and dog
    assert lm.prob("dog", ["the"]) == pytest.approx(2 / (2 + V))
    # (<s>, <s>): sentence start
    assert lm.prob("a") == pytest.approx(2 / (3 + V))


def test_unigram_ignores_context():
    lm = NGramLanguageModel(n=1, smoothing="none").fit(TOY)
    assert lm.prob("cat", "the") == lm.prob("cat") == pytest.approx(2 / 12)


def test_bigram_counts_match_sklearn_countvectorizer():
    from sklearn.feature_extraction.text import CountVectorizer

    sentences = load_course_text(as_sentences=True)
    lm = NGramLanguageModel(n=2, smoothing="none").fit(sentences)
    vec = CountVectorizer(ngram_range=(2, 2), token_pattern=r"\S+", lowercase=False)
    counts = vec.fit_transform([" ".join(s) for s in sentences]).sum(axis=0).A1
    reference = dict(zip(vec.get_feature_names_out(), counts.tolist(), strict=True))
    ours = {
        f"{ctx[0]} {w}": c
        for ctx, counter in lm.counts_.items()
        if len(ctx) == 1 and ctx[0] != "<s>"
        for w, c in counter.items()
        if w != EOS
    }
    assert ours == reference


# -------------------------------------------------------------------- properties
words = st.sampled_from(["a", "b", "c", "d", "e"])
corpora = st.lists(st.lists(words, min_size=0, max_size=6), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    corpus=corpora,
    context=st.lists(st.sampled_from(["a", "b", "c", "zz"]), max_size=3),
    n=st.integers(1, 3),
    smoothing=st.sampled_from(["laplace", "none"]),
)
def test_probabilities_sum_to_one_over_vocabulary(corpus, context, n, smoothing):
    lm = NGramLanguageModel(n=n, smoothing=smoothing).fit(corpus)
    total = sum(lm.prob(w, context) for w in lm.vocabulary_)
    assert total == pytest.approx(1.0, abs=1e-12)
    dist = lm.next_token_probs(context)
    assert list(dist) == sorted(dist, key=lambda w: -dist[w])  # most probable first
    assert set(dist) == set(lm.vocabulary_)
    assert sum(dist.values()) == pytest.approx(1.0, abs=1e-12)
    assert all(dist[w] == pytest.approx(lm.prob(w, context)) for w in lm.vocabulary_)
    if smoothing == "laplace":
        assert min(dist.values()) > 0


# ---------------------------------------------------------------------- generate
def test_greedy_generation_is_deterministic_and_takes_the_argmax():
    lm = NGramLanguageModel(n=2, smoothing="none").fit(TOY)
    # ties (cat/dog after "the", ran/sat after "cat") go to the alphabetically first word
    assert lm.generate("the", 5, temperature=0) == "the cat ran"
    assert lm.generate("the", 5, temperature=0, random_state=1) == "the cat ran"
    assert lm.generate(["the"], 0) == "the"
    assert lm.generate(None, 5, temperature=0) == "the cat ran"
    assert lm.generate("a dog", 5, temperature=0) == "a dog sat"


def test_sampling_reproducible_with_seed(seed):
    lm = NGramLanguageModel(n=2).fit(load_course_text(as_sentences=True))
    a = lm.generate("a model", 12, random_state=seed)
    b = lm.generate("a model", 12, random_state=np.random.default_rng(seed))
    assert a == b
    assert a.startswith("a model")
    assert UNK not in a
    assert len(tokenize(a)) <= 2 + 12


def test_low_temperature_picks_the_most_likely_word_more_often(seed):
    lm = NGramLanguageModel(n=2, smoothing="none").fit(load_course_text(as_sentences=True))
    dist = lm.next_token_probs("the")
    top = next(iter(dist))
    rng = np.random.default_rng(seed)

    def share(t):
        picks = [lm.generate("the", 1, temperature=t, random_state=rng) for _ in range(300)]
        return np.mean([p == f"the {top}" for p in picks])

    cold, hot = share(0.2), share(3.0)
    assert cold > dist[top] > hot - 0.1  # sharpened vs flattened
    assert cold > 0.9


def test_generation_stops_at_end_of_sentence():
    lm = NGramLanguageModel(n=2, smoothing="none").fit([["hello", "world"]])
    assert lm.generate("hello", 50, random_state=0) == "hello world"


# ------------------------------------------------------------------------ errors
@pytest.mark.parametrize(
    ("params", "exc", "match"),
    [
        (
            {"n": 0},
            ValueError,
            r"'n' parameter of NGramLanguageModel must be an int in the range \[1, inf\)\. Got 0",
        ),
        ({"n": 2.0}, TypeError, r"'n' parameter .* must be an int"),
        (
            {"smoothing": "add-one"},
            ValueError,
            r"'smoothing' parameter .* one of 'laplace', 'none'\. Got 'add-one'",
        ),
    ],
)
def test_bad_parameters(params, exc, match):
    with pytest.raises(exc, match=match):
        NGramLanguageModel(**params).fit(TOY)


def test_bad_sentences():
    with pytest.raises(TypeError, match=r"'sentences' parameter .*\(lists of str\).*Got 'the cat'"):
        NGramLanguageModel().fit("the cat")
    with pytest.raises(TypeError, match=r"'sentences' parameter .*Got 'the cat sat'"):
        NGramLanguageModel().fit(["the cat sat"])
    with pytest.raises(ValueError, match=r"'sentences' parameter .* at least one sentence"):
        NGramLanguageModel().fit([])
    with pytest.raises(ValueError, match=r"without the reserved tokens"):
        NGramLanguageModel().fit([["a", EOS]])


def test_bad_generate_arguments_and_unfitted():
    with pytest.raises(ValueError, match="not fitted yet"):
        NGramLanguageModel().prob("a")
    lm = NGramLanguageModel().fit(TOY)
    with pytest.raises(
        ValueError,
        match=r"'temperature' parameter of NGramLanguageModel.generate must be a float in the range \[0, inf\)\. Got -1",
    ):
        lm.generate("the", 3, temperature=-1)
    with pytest.raises(ValueError, match=r"'max_new_tokens' .* Got -2"):
        lm.generate("the", -2)
    with pytest.raises(TypeError, match=r"'word' parameter"):
        lm.prob(3, "the")
    with pytest.raises(TypeError, match=r"'context' parameter"):
        lm.prob("a", [1, 2])
    with pytest.raises(TypeError, match=r"'prompt' parameter"):
        lm.generate([1], 2)


def test_repr_shows_parameters():
    assert repr(NGramLanguageModel(n=3)) == "NGramLanguageModel(n=3, smoothing='laplace')"


# ------------------------------------------------------------------ corpus/tokens
def test_tokenize_detokenize_round_trip():
    text = "a model learns, it predicts! does it? yes: it does."
    assert detokenize(tokenize(text)) == text
    with pytest.raises(TypeError, match=r"'text' parameter of tokenize must be a str"):
        tokenize(["a"])


def test_course_text_sentences():
    sentences = load_course_text(as_sentences=True)
    assert len(sentences) > 40
    assert all(s[-1] in {".", "!", "?"} for s in sentences)
    assert sum(len(s) for s in sentences) == len(tokenize(load_course_text()))

"""A tiny n-gram language model: the smallest thing that *generates* text."""

from __future__ import annotations

import numbers
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from mlcourse._validation import check_in, check_random_state, check_scalar, param_message

from ._corpus import detokenize, tokenize

__all__ = ["BOS", "EOS", "UNK", "NGramLanguageModel"]

#: Padding token put before each sentence (never predicted).
BOS = "<s>"
#: End-of-sentence token appended to each sentence (predicted like a word).
EOS = "</s>"
#: Stands for every word not seen in training.
UNK = "<unk>"

_OWNER = "NGramLanguageModel"


class NGramLanguageModel:
    r"""Predict the next word from the previous ``n - 1`` words by counting.

    The model counts, in the training sentences, how often each word follows
    each context of ``n - 1`` words, and turns the counts into
    probabilities. It is the ancestor of today's large language models:
    same task (next-token prediction, then sampling), but counts in a table
    instead of a neural network, and a context of one or two words instead of
    thousands.

    Parameters
    ----------
    n : int, default=2
        Order of the model: ``n=2`` (bigram) conditions on one previous word,
        ``n=3`` (trigram) on two, ``n=1`` on none.
    smoothing : {"laplace", "none"}, default="laplace"
        ``"laplace"`` adds one to every count, so that a word never seen
        after a context still gets a small probability. ``"none"`` uses the
        raw relative frequencies (maximum likelihood); a context never seen
        in training then backs off to the shorter context (down to the
        unigram frequencies).

    Attributes
    ----------
    vocabulary_ : list of str
        Sorted words seen in training, plus ``EOS`` ("</s>") and ``UNK``
        ("<unk>"). Probabilities are defined over this list and sum to 1.
    counts_ : dict of tuple of str to collections.Counter
        For every context (a tuple of 0 to ``n - 1`` words, padded at the
        start of a sentence with ``BOS`` "<s>"), how often each word followed.
    n_sentences_ : int
        Number of training sentences.

    See Also
    --------
    tokenize : Split text into the tokens this model expects.
    load_course_text : The small corpus used in the course.

    Notes
    -----
    With counts :math:`c(h, w)` of word :math:`w` after context :math:`h`,
    :math:`c(h) = \sum_w c(h, w)` and vocabulary size :math:`V`:

    * Laplace: :math:`P(w \mid h) = (c(h, w) + 1) / (c(h) + V)`
    * none: :math:`P(w \mid h) = c(h, w) / c(h)`

    Sampling with temperature :math:`T` draws from
    :math:`p_i^{1/T} / \sum_j p_j^{1/T}`; :math:`T = 0` takes the most
    probable word (greedy decoding).

    Examples
    --------
    >>> sentences = [["the", "cat", "sat"], ["the", "dog", "sat"]]
    >>> lm = NGramLanguageModel(n=2, smoothing="none").fit(sentences)
    >>> lm.prob("cat", ["the"])
    0.5
    >>> lm.generate("the dog", 5, temperature=0)
    'the dog sat'
    """

    def __init__(self, n: int = 2, smoothing: str = "laplace") -> None:
        self.n = n
        self.smoothing = smoothing

    def __repr__(self) -> str:
        return f"{type(self).__name__}(n={self.n!r}, smoothing={self.smoothing!r})"

    # ------------------------------------------------------------------ fit
    def fit(self, sentences: Iterable[Sequence[str]]) -> NGramLanguageModel:
        """Count the n-grams of the training sentences.

        Parameters
        ----------
        sentences : iterable of list of str
            Tokenized sentences, e.g. ``[tokenize(s) for s in texts]`` or
            ``load_course_text(as_sentences=True)``.

        Returns
        -------
        self : NGramLanguageModel
            The fitted model.

        Raises
        ------
        TypeError
            If ``sentences`` is a str, or a sentence is not a list of str.
        ValueError
            If ``sentences`` is empty or ``n``/``smoothing`` are invalid.

        Examples
        --------
        >>> lm = NGramLanguageModel().fit([["a", "b"], ["a", "c"]])
        >>> lm.vocabulary_
        ['</s>', '<unk>', 'a', 'b', 'c']
        """
        check_scalar(self.n, "n", numbers.Integral, owner=_OWNER, min_val=1)
        check_in(self.smoothing, "smoothing", ["laplace", "none"], owner=_OWNER)
        expected = "an iterable of tokenized sentences (lists of str), e.g. [tokenize(text)]"
        if isinstance(sentences, str) or not isinstance(sentences, Iterable):
            raise TypeError(param_message("sentences", expected, sentences, owner=_OWNER))
        order = int(self.n)
        counts: dict[tuple[str, ...], Counter[str]] = {}
        words: set[str] = set()
        n_sentences = 0
        for sentence in sentences:
            if isinstance(sentence, str) or not all(isinstance(t, str) for t in sentence):
                raise TypeError(param_message("sentences", expected, sentence, owner=_OWNER))
            tokens = list(sentence)
            if BOS in tokens or EOS in tokens or UNK in tokens:
                raise ValueError(
                    param_message(
                        "sentences",
                        f"token lists without the reserved tokens {BOS!r}, {EOS!r}, {UNK!r}",
                        sentence,
                        owner=_OWNER,
                    )
                )
            words.update(tokens)
            padded = [BOS] * (order - 1) + tokens + [EOS]
            for i in range(order - 1, len(padded)):
                for k in range(order):  # context lengths 0 .. n-1
                    context = tuple(padded[i - k : i])
                    counts.setdefault(context, Counter())[padded[i]] += 1
            n_sentences += 1
        if n_sentences == 0:
            raise ValueError(param_message("sentences", "at least one sentence", [], owner=_OWNER))
        self.vocabulary_ = sorted(words | {EOS, UNK})
        self.counts_ = counts
        self.n_sentences_ = n_sentences
        self._index = {w: i for i, w in enumerate(self.vocabulary_)}
        return self

    # ---------------------------------------------------------- probabilities
    def _check_fitted(self) -> None:
        if not hasattr(self, "vocabulary_"):
            raise ValueError(
                f"This {type(self).__name__} instance is not fitted yet. "
                "Call 'fit' with some sentences before using this method."
            )

    def _context(self, context: str | Sequence[str] | None) -> tuple[str, ...]:
        """Return the last ``n - 1`` context words, BOS-padded, unknowns as UNK."""
        if context is None:
            tokens: list[str] = []
        elif isinstance(context, str):
            tokens = tokenize(context)
        else:
            tokens = list(context)
            if not all(isinstance(t, str) for t in tokens):
                raise TypeError(
                    param_message(
                        "context", "a str or a sequence of str tokens", context, owner=_OWNER
                    )
                )
        size = int(self.n) - 1
        if size == 0:
            return ()
        known = [t if (t in self._index and t != EOS) or t == BOS else UNK for t in tokens]
        padded = [BOS] * size + known
        return tuple(padded[-size:])

    def _distribution(self, context: tuple[str, ...]) -> np.ndarray:
        """Return P(w | context) for every w of ``vocabulary_``."""
        V = len(self.vocabulary_)
        if self.smoothing == "laplace":
            probs = np.ones(V)
            counter = self.counts_.get(context)
            total = V
            if counter is not None:
                for word, c in counter.items():
                    probs[self._index[word]] += c
                total += sum(counter.values())
            return probs / total
        for start in range(len(context) + 1):  # back off: drop the oldest word
            counter = self.counts_.get(context[start:])
            if counter:
                probs = np.zeros(V)
                for word, c in counter.items():
                    probs[self._index[word]] = c
                return probs / probs.sum()
        raise RuntimeError("unreachable: the unigram counts are never empty")  # pragma: no cover

    def prob(self, word: str, context: str | Sequence[str] | None = None) -> float:
        r"""Return the probability that ``word`` comes next after ``context``.

        Parameters
        ----------
        word : str
            The candidate next token. A word never seen in training counts
            as ``UNK``.
        context : str or sequence of str, default=None
            The preceding words (a str is split with :func:`tokenize`). Only
            the last ``n - 1`` are used; a shorter context is padded with the
            start-of-sentence token, so ``None`` means "at the start of a
            sentence".

        Returns
        -------
        float
            :math:`P(\text{word} \mid \text{context})`.

        Examples
        --------
        >>> lm = NGramLanguageModel(n=2).fit([["a", "b"], ["a", "c"]])
        >>> lm.prob("b", "a")  # (1 + 1) / (2 + 5)
        0.2857142857142857
        """
        self._check_fitted()
        if not isinstance(word, str):
            raise TypeError(param_message("word", "a str token", word, owner=_OWNER))
        index = self._index.get(word, self._index[UNK])
        return float(self._distribution(self._context(context))[index])

    def next_token_probs(self, context: str | Sequence[str] | None = None) -> dict[str, float]:
        """Return the probability of every vocabulary word coming next.

        Parameters
        ----------
        context : str or sequence of str, default=None
            The preceding words, as for :meth:`prob`.

        Returns
        -------
        dict of str to float
            Word to probability, most probable first; the values sum to 1.

        Examples
        --------
        >>> lm = NGramLanguageModel(n=2, smoothing="none").fit([["a", "b"], ["a", "c"]])
        >>> {w: p for w, p in lm.next_token_probs("a").items() if p > 0}
        {'b': 0.5, 'c': 0.5}
        """
        self._check_fitted()
        probs = self._distribution(self._context(context))
        order = np.argsort(-probs, kind="stable")
        return {self.vocabulary_[i]: float(probs[i]) for i in order}

    # ------------------------------------------------------------- generate
    def generate(
        self,
        prompt: str | Sequence[str] | None = None,
        max_new_tokens: int = 20,
        *,
        temperature: float = 1.0,
        random_state: Any = None,
    ) -> str:
        """Continue ``prompt`` one sampled word at a time.

        At each step the model computes the next-word distribution given the
        text so far, rescales it with ``temperature`` and draws one word;
        generation stops at the end-of-sentence token or after
        ``max_new_tokens`` words. ``UNK`` is never generated.

        Parameters
        ----------
        prompt : str or sequence of str, default=None
            The text to continue (a str is split with :func:`tokenize`).
            ``None`` starts a new sentence.
        max_new_tokens : int, default=20
            Maximum number of words to add.
        temperature : float, default=1.0
            ``0`` takes the most probable word each time (greedy, always the
            same output; ties go to the alphabetically first word); values below 1 make likely words even likelier,
            values above 1 flatten the distribution.
        random_state : int, numpy.random.Generator or None, default=None
            Seed or generator for the sampling.

        Returns
        -------
        str
            The prompt followed by the generated words.

        Examples
        --------
        >>> from mlcourse.genai import load_course_text
        >>> lm = NGramLanguageModel(n=3, smoothing="none")
        >>> lm = lm.fit(load_course_text(as_sentences=True))
        >>> lm.generate("a model", 10, temperature=0)
        'a model can be wrong.'
        >>> len(lm.generate("a model", 3, random_state=0).split())
        5
        """
        self._check_fitted()
        owner = f"{_OWNER}.generate"
        check_scalar(max_new_tokens, "max_new_tokens", numbers.Integral, owner=owner, min_val=0)
        check_scalar(temperature, "temperature", numbers.Real, owner=owner, min_val=0)
        if prompt is None:
            tokens: list[str] = []
        elif isinstance(prompt, str):
            tokens = tokenize(prompt)
        else:
            tokens = list(prompt)
            if not all(isinstance(t, str) for t in tokens):
                raise TypeError(
                    param_message(
                        "prompt", "a str or a sequence of str tokens", prompt, owner=owner
                    )
                )
        rng = check_random_state(random_state, owner=owner)
        unk = self._index[UNK]
        for _ in range(int(max_new_tokens)):
            probs = self._distribution(self._context(tokens))
            probs[unk] = 0.0
            if temperature == 0:
                index = int(np.argmax(probs))
            else:
                with np.errstate(divide="ignore"):
                    logits = np.log(probs) / float(temperature)
                logits -= logits.max()
                weights = np.exp(logits)
                index = int(rng.choice(len(weights), p=weights / weights.sum()))
            word = self.vocabulary_[index]
            if word == EOS:
                break
            tokens.append(word)
        return detokenize(tokens)

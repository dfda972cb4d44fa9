"""Bag of words and TF-IDF, from scratch (same arguments and results as scikit-learn's).

A document becomes a vector in three steps:

1. *analyse*: preprocess (lowercase, strip accents), cut into tokens with a
   regular expression, drop stop words, form n-grams;
2. *count*: the vocabulary maps every n-gram seen in training to a column,
   sorted alphabetically; a document's row holds its counts (bag of words);
3. *weight* (TF-IDF): multiply counts by the inverse document frequency, so
   words found in every document weigh little, then scale rows to unit length.
"""

from __future__ import annotations

import numbers
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator

from .._validation import check_in, check_scalar, param_message

__all__ = ["CountVectorizer", "TfidfVectorizer", "strip_accents_ascii", "strip_accents_unicode"]

_WHITE_SPACES = re.compile(r"\s\s+")


def strip_accents_unicode(s: str) -> str:
    """Remove accents by Unicode decomposition (keeps non-Latin letters).

    Parameters
    ----------
    s : str
        Text.

    Returns
    -------
    str
        The text with combining marks removed.

    Examples
    --------
    >>> from mlcourse.features import strip_accents_unicode
    >>> strip_accents_unicode("café naïve")
    'cafe naive'
    """
    try:
        s.encode("ASCII", errors="strict")
        return s
    except UnicodeEncodeError:
        normalized = unicodedata.normalize("NFKD", s)
        return "".join(c for c in normalized if not unicodedata.combining(c))


def strip_accents_ascii(s: str) -> str:
    """Transliterate to ASCII, dropping characters that have no ASCII form.

    Parameters
    ----------
    s : str
        Text.

    Returns
    -------
    str
        ASCII text.

    Examples
    --------
    >>> from mlcourse.features import strip_accents_ascii
    >>> strip_accents_ascii("café – ok")
    'cafe  ok'
    """
    return unicodedata.normalize("NFKD", s).encode("ASCII", "ignore").decode("ASCII")


def _english_stop_words() -> frozenset[str]:
    # the word list is data: take scikit-learn's, so that "english" means the same
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


class CountVectorizer(BaseEstimator):
    r"""Turn documents into a matrix of token counts (bag of words).

    The arguments and results are those of
    ``sklearn.feature_extraction.text.CountVectorizer`` for the options
    supported here (documents given as strings: ``input="content"``).

    Parameters
    ----------
    strip_accents : {"ascii", "unicode"} or callable, default=None
        Remove accents during preprocessing.
    lowercase : bool, default=True
        Lowercase before tokenising.
    preprocessor : callable, default=None
        Replaces the whole preprocessing (lowercase + accents) when given.
    tokenizer : callable, default=None
        Splits a preprocessed string into tokens (``analyzer="word"`` only);
        default: all matches of ``token_pattern``.
    stop_words : {"english"} or list of str, default=None
        Tokens removed before forming n-grams (``analyzer="word"`` only).
    token_pattern : str, default=r"(?u)\b\w\w+\b"
        Regular expression of a token: by default words of two or more
        letters/digits (punctuation is dropped, single letters too). With one
        capturing group, the group is the token.
    ngram_range : tuple (min_n, max_n), default=(1, 1)
        Lengths of the n-grams to count: ``(1, 2)`` counts words and pairs of
        consecutive words.
    analyzer : {"word", "char", "char_wb"} or callable, default="word"
        Units: words, character n-grams, or character n-grams inside word
        boundaries (padded with a space). A callable takes the raw document
        and returns its features.
    max_df : float in [0, 1] or int, default=1.0
        Drop terms found in more than this share (float) or number (int) of
        documents: corpus-specific stop words.
    min_df : float in [0, 1] or int, default=1
        Drop terms found in fewer documents than this share or number.
    max_features : int, default=None
        Keep only the ``max_features`` terms most frequent across the corpus.
    vocabulary : mapping or iterable of str, default=None
        A fixed vocabulary (term -> column, or terms in column order).
    binary : bool, default=False
        Record presence (1) instead of counts.
    dtype : dtype, default=np.int64
        Type of the matrix.

    Attributes
    ----------
    vocabulary_ : dict of str to int
        Term -> column index.
    fixed_vocabulary_ : bool
        Whether the vocabulary was given by the user.

    See Also
    --------
    TfidfVectorizer : counts weighted by inverse document frequency.

    Examples
    --------
    >>> from mlcourse.features import CountVectorizer
    >>> docs = ["The movie was great", "the plot was not great", "Great great acting!"]
    >>> cv = CountVectorizer()
    >>> X = cv.fit_transform(docs)
    >>> cv.get_feature_names_out().tolist()
    ['acting', 'great', 'movie', 'not', 'plot', 'the', 'was']
    >>> X.toarray().tolist()
    [[0, 1, 1, 0, 0, 1, 1], [0, 1, 0, 1, 1, 1, 1], [1, 2, 0, 0, 0, 0, 0]]
    >>> CountVectorizer(ngram_range=(2, 2)).fit(docs).get_feature_names_out()[:3].tolist()
    ['great acting', 'great great', 'movie was']
    """

    def __init__(
        self,
        *,
        strip_accents: str | Callable[[str], str] | None = None,
        lowercase: bool = True,
        preprocessor: Callable[[str], str] | None = None,
        tokenizer: Callable[[str], list[str]] | None = None,
        stop_words: str | list[str] | None = None,
        token_pattern: str | None = r"(?u)\b\w\w+\b",
        ngram_range: tuple[int, int] = (1, 1),
        analyzer: str | Callable[[str], list[str]] = "word",
        max_df: float | int = 1.0,
        min_df: float | int = 1,
        max_features: int | None = None,
        vocabulary: Mapping[str, int] | Iterable[str] | None = None,
        binary: bool = False,
        dtype: Any = np.int64,
    ) -> None:
        self.strip_accents = strip_accents
        self.lowercase = lowercase
        self.preprocessor = preprocessor
        self.tokenizer = tokenizer
        self.stop_words = stop_words
        self.token_pattern = token_pattern
        self.ngram_range = ngram_range
        self.analyzer = analyzer
        self.max_df = max_df
        self.min_df = min_df
        self.max_features = max_features
        self.vocabulary = vocabulary
        self.binary = binary
        self.dtype = dtype

    # ------------------------------------------------------------- analysis

    def build_preprocessor(self) -> Callable[[str], str]:
        """Return the function that lowercases and strips accents.

        Returns
        -------
        callable
            ``str -> str``.

        Examples
        --------
        >>> from mlcourse.features import CountVectorizer
        >>> CountVectorizer(strip_accents="unicode").build_preprocessor()("Crème BRÛLÉE")
        'creme brulee'
        """
        if self.preprocessor is not None:
            return self.preprocessor
        owner = type(self).__name__
        accents: Callable[[str], str] | None
        if self.strip_accents is None:
            accents = None
        elif callable(self.strip_accents):
            accents = self.strip_accents
        else:
            check_in(self.strip_accents, "strip_accents", ["ascii", "unicode", None], owner=owner)
            accents = (
                strip_accents_ascii if self.strip_accents == "ascii" else strip_accents_unicode
            )
        lower = bool(self.lowercase)

        def preprocess(doc: str) -> str:
            if lower:
                doc = doc.lower()
            if accents is not None:
                doc = accents(doc)
            return doc

        return preprocess

    def build_tokenizer(self) -> Callable[[str], list[str]]:
        """Return the function that splits a string into tokens.

        Returns
        -------
        callable
            ``str -> list of str``.

        Examples
        --------
        >>> from mlcourse.features import CountVectorizer
        >>> CountVectorizer().build_tokenizer()("It's a 10/10 film!")
        ['It', '10', '10', 'film']
        """
        if self.tokenizer is not None:
            return self.tokenizer
        pattern = re.compile(self.token_pattern or r"(?u)\b\w\w+\b")
        if pattern.groups > 1:
            raise ValueError(
                param_message(
                    "token_pattern",
                    "a regular expression with at most one capturing group",
                    self.token_pattern,
                    owner=type(self).__name__,
                )
            )
        return pattern.findall

    def get_stop_words(self) -> frozenset[str] | None:
        """Return the stop-word set in use (or None).

        Returns
        -------
        frozenset of str or None
        """
        sw = self.stop_words
        if sw is None:
            return None
        if isinstance(sw, str):
            check_in(sw, "stop_words", ["english"], owner=type(self).__name__)
            return _english_stop_words()
        return frozenset(sw)

    def _word_ngrams(self, tokens: list[str], stop_words: frozenset[str] | None) -> list[str]:
        if stop_words is not None:
            tokens = [w for w in tokens if w not in stop_words]
        min_n, max_n = self.ngram_range
        if max_n == 1:
            return tokens
        grams = list(tokens) if min_n == 1 else []
        for n in range(max(min_n, 2), min(max_n, len(tokens)) + 1):
            grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
        return grams

    def _char_ngrams(self, text: str) -> list[str]:
        text = _WHITE_SPACES.sub(" ", text)
        min_n, max_n = self.ngram_range
        grams: list[str] = []
        for n in range(min_n, min(max_n, len(text)) + 1):
            grams.extend(text[i : i + n] for i in range(len(text) - n + 1))
        return grams

    def _char_wb_ngrams(self, text: str) -> list[str]:
        text = _WHITE_SPACES.sub(" ", text)
        min_n, max_n = self.ngram_range
        grams: list[str] = []
        for word in text.split():
            w = " " + word + " "
            for n in range(min_n, max_n + 1):
                if len(w) <= n:  # a short word is counted once, whole
                    grams.append(w)
                    break
                grams.extend(w[i : i + n] for i in range(len(w) - n + 1))
        return grams

    def build_analyzer(self) -> Callable[[str], list[str]]:
        """Return the function that turns a raw document into its features.

        Returns
        -------
        callable
            ``str -> list of str`` (tokens or n-grams, in document order).

        Examples
        --------
        >>> from mlcourse.features import CountVectorizer
        >>> CountVectorizer(stop_words="english", ngram_range=(1, 2)).build_analyzer()(
        ...     "The service was slow")
        ['service', 'slow', 'service slow']
        """
        owner = type(self).__name__
        self._check_ngram_range()
        if callable(self.analyzer):
            return self.analyzer
        check_in(self.analyzer, "analyzer", ["word", "char", "char_wb"], owner=owner)
        preprocess = self.build_preprocessor()
        if self.analyzer == "char":
            return lambda doc: self._char_ngrams(preprocess(doc))
        if self.analyzer == "char_wb":
            return lambda doc: self._char_wb_ngrams(preprocess(doc))
        tokenize = self.build_tokenizer()
        stop = self.get_stop_words()
        return lambda doc: self._word_ngrams(tokenize(preprocess(doc)), stop)

    def _check_ngram_range(self) -> None:
        r = self.ngram_range
        ok = (
            isinstance(r, tuple | list)
            and len(r) == 2
            and all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in r)
            and 1 <= r[0] <= r[1]
        )
        if not ok:
            raise ValueError(
                param_message(
                    "ngram_range",
                    "a tuple (min_n, max_n) of ints with 1 <= min_n <= max_n",
                    r,
                    owner=type(self).__name__,
                )
            )

    # ------------------------------------------------------------- counting

    def _check_params(self) -> None:
        owner = type(self).__name__
        for name in ("max_df", "min_df"):
            v = getattr(self, name)
            if isinstance(v, numbers.Integral) and not isinstance(v, bool):
                check_scalar(v, name, numbers.Integral, owner=owner, min_val=0)
            else:
                check_scalar(v, name, numbers.Real, owner=owner, min_val=0, max_val=1)
        if self.max_features is not None:
            check_scalar(
                self.max_features, "max_features", numbers.Integral, owner=owner, min_val=1
            )
        check_scalar(self.binary, "binary", bool, owner=owner)
        check_scalar(self.lowercase, "lowercase", bool, owner=owner)

    def _fixed_vocabulary(self) -> dict[str, int] | None:
        voc = self.vocabulary
        if voc is None:
            return None
        owner = type(self).__name__
        if isinstance(voc, str):
            raise TypeError(
                param_message("vocabulary", "a mapping or an iterable of terms", voc, owner=owner)
            )
        if isinstance(voc, Mapping):
            vocab = dict(voc)
            if sorted(vocab.values()) != list(range(len(vocab))):
                raise ValueError(
                    param_message(
                        "vocabulary",
                        "a mapping whose indices are 0, 1, ..., len(vocabulary) - 1",
                        voc,
                        owner=owner,
                    )
                )
        else:
            vocab = {}
            for i, term in enumerate(voc):
                if vocab.setdefault(term, i) != i:
                    raise ValueError(
                        param_message(
                            "vocabulary",
                            f"terms without duplicates ({term!r} repeats)",
                            voc,
                            owner=owner,
                        )
                    )
        if not vocab:
            raise ValueError(
                param_message("vocabulary", "a non-empty vocabulary", voc, owner=owner)
            )
        return vocab

    @staticmethod
    def _check_documents(raw_documents: Any, owner: str) -> None:
        if isinstance(raw_documents, str | bytes):
            raise ValueError(
                param_message(
                    "raw_documents",
                    "an iterable of documents (a list of str), not a single string",
                    raw_documents,
                    owner=owner,
                )
            )

    def _count(self, raw_documents: Iterable[str], vocab: dict[str, int], grow: bool) -> Any:
        """Count the features of every document; add new terms to ``vocab`` if ``grow``."""
        import scipy.sparse as sp

        analyze = self.build_analyzer()
        indices: list[int] = []
        values: list[int] = []
        indptr = [0]
        for doc in raw_documents:
            counts: Counter[int] = Counter()
            for feature in analyze(doc):
                idx = vocab.get(feature)
                if idx is None:
                    if not grow:
                        continue  # unknown terms are ignored at transform time
                    idx = vocab[feature] = len(vocab)
                counts[idx] += 1
            indices.extend(counts.keys())
            values.extend(counts.values())
            indptr.append(len(indices))
        X = sp.csr_matrix(
            (
                np.asarray(values, dtype=np.intc),
                np.asarray(indices, dtype=np.int32),
                np.asarray(indptr, dtype=np.int32),
            ),
            shape=(len(indptr) - 1, len(vocab)),
            dtype=self.dtype,
        )
        X.sort_indices()
        return X

    def fit(self, raw_documents: Iterable[str], y: Any = None) -> CountVectorizer:
        """Learn the vocabulary of the documents.

        Parameters
        ----------
        raw_documents : iterable of str
            The training documents.
        y : None
            Ignored.

        Returns
        -------
        self : CountVectorizer
            The fitted vectorizer.
        """
        self.fit_transform(raw_documents)
        return self

    def fit_transform(self, raw_documents: Iterable[str], y: Any = None) -> Any:
        """Learn the vocabulary and return the document-term count matrix.

        Parameters
        ----------
        raw_documents : iterable of str
            The training documents.
        y : None
            Ignored.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_documents, n_terms)
            Counts (or 0/1 if ``binary``), columns in vocabulary order.
        """
        owner = type(self).__name__
        self._check_documents(raw_documents, owner)
        self._check_params()
        fixed = self._fixed_vocabulary()
        if fixed is not None:
            self.vocabulary_ = fixed
            self.fixed_vocabulary_ = True
            return self._count_known(raw_documents)
        vocab: dict[str, int] = {}
        X = self._count(raw_documents, vocab, grow=True)
        if not vocab:
            raise ValueError(
                "The documents gave an empty vocabulary: perhaps they only contain stop words "
                "or tokens shorter than token_pattern allows."
            )
        if self.binary:
            X.data.fill(1)
        n_docs = X.shape[0]
        max_count = (
            self.max_df if isinstance(self.max_df, numbers.Integral) else self.max_df * n_docs
        )
        min_count = (
            self.min_df if isinstance(self.min_df, numbers.Integral) else self.min_df * n_docs
        )
        if max_count < min_count:
            raise ValueError(
                f"The 'max_df' parameter of {owner} ({self.max_df}) keeps fewer documents "
                f"than 'min_df' ({self.min_df}) requires. Raise max_df or lower min_df."
            )
        X, vocab = self._sort_columns(X, vocab)
        X, vocab = self._prune(X, vocab, max_count, min_count)
        self.vocabulary_ = vocab
        self.fixed_vocabulary_ = False
        return X

    @staticmethod
    def _sort_columns(X: Any, vocab: dict[str, int]) -> tuple[Any, dict[str, int]]:
        terms = sorted(vocab)
        order = np.array([vocab[t] for t in terms], dtype=np.intp)
        return X[:, order], {t: i for i, t in enumerate(terms)}

    def _prune(
        self, X: Any, vocab: dict[str, int], max_count: float, min_count: float
    ) -> tuple[Any, dict[str, int]]:
        """Drop too common / too rare terms, then keep the ``max_features`` most frequent."""
        df = np.bincount(X.indices, minlength=X.shape[1])
        keep = (df <= max_count) & (df >= min_count)
        if self.max_features is not None and keep.sum() > self.max_features:
            totals = np.asarray(X.sum(axis=0)).ravel()
            # same ordering rule as scikit-learn (so that ties resolve identically)
            best = (-totals[keep]).argsort()[: self.max_features]
            new_keep = np.zeros_like(keep)
            new_keep[np.flatnonzero(keep)[best]] = True
            keep = new_keep
        kept = np.flatnonzero(keep)
        if kept.size == 0:
            raise ValueError(
                "After pruning, no terms remain. Try a lower min_df or a higher max_df."
            )
        terms = sorted(vocab, key=vocab.__getitem__)
        return X[:, kept], {terms[j]: i for i, j in enumerate(kept)}

    def transform(self, raw_documents: Iterable[str]) -> Any:
        """Count the vocabulary's terms in new documents (unknown terms are ignored).

        Parameters
        ----------
        raw_documents : iterable of str
            Documents.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_documents, n_terms)
            Counts (or 0/1 if ``binary``).
        """
        from sklearn.utils.validation import check_is_fitted

        self._check_documents(raw_documents, type(self).__name__)
        check_is_fitted(self, "vocabulary_")
        return self._count_known(raw_documents)

    def _count_known(self, raw_documents: Iterable[str]) -> Any:
        X = self._count(raw_documents, self.vocabulary_, grow=False)
        if self.binary:
            X.data.fill(1)
        return X

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Return the terms, in column order.

        Parameters
        ----------
        input_features : None
            Ignored (present for API consistency).

        Returns
        -------
        ndarray of str objects
        """
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "vocabulary_")
        return np.asarray(sorted(self.vocabulary_, key=self.vocabulary_.__getitem__), dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = True
        return tags


def _normalize_rows(X: Any, norm: str) -> Any:
    """Scale each row of a CSR matrix to unit l1 or l2 norm (zero rows stay zero)."""
    sq = X.data * X.data if norm == "l2" else np.abs(X.data)
    row_of = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
    sums = np.bincount(row_of, weights=sq, minlength=X.shape[0])
    norms = np.sqrt(sums) if norm == "l2" else sums
    norms[norms == 0.0] = 1.0
    X.data /= norms[row_of]
    return X


class TfidfVectorizer(CountVectorizer):
    r"""Turn documents into TF-IDF features: counts weighted by rarity across documents.

    Same arguments and results as ``sklearn.feature_extraction.text.TfidfVectorizer``
    for the options supported here (all of :class:`CountVectorizer`'s plus the four below).

    Parameters
    ----------
    strip_accents : {"ascii", "unicode"} or callable, default=None
        As for :class:`CountVectorizer`.
    lowercase : bool, default=True
        As for :class:`CountVectorizer`.
    preprocessor : callable, default=None
        As for :class:`CountVectorizer`.
    tokenizer : callable, default=None
        As for :class:`CountVectorizer`.
    stop_words : {"english"} or list of str, default=None
        As for :class:`CountVectorizer`.
    token_pattern : str, default=r"(?u)\b\w\w+\b"
        As for :class:`CountVectorizer`.
    ngram_range : tuple (min_n, max_n), default=(1, 1)
        As for :class:`CountVectorizer`.
    analyzer : {"word", "char", "char_wb"} or callable, default="word"
        As for :class:`CountVectorizer`.
    max_df : float in [0, 1] or int, default=1.0
        As for :class:`CountVectorizer`.
    min_df : float in [0, 1] or int, default=1
        As for :class:`CountVectorizer`.
    max_features : int, default=None
        As for :class:`CountVectorizer`.
    vocabulary : mapping or iterable of str, default=None
        As for :class:`CountVectorizer`.
    binary : bool, default=False
        Presence (1) instead of counts, before the idf weighting.
    dtype : dtype, default=np.float64
        Type of the matrix.
    norm : {"l2", "l1"} or None, default="l2"
        Scale every row to unit Euclidean (``"l2"``) or absolute-sum (``"l1"``) norm.
    use_idf : bool, default=True
        Weight by inverse document frequency.
    smooth_idf : bool, default=True
        Add one to every document frequency, as if a document contained every
        term once (no division by zero for unseen terms).
    sublinear_tf : bool, default=False
        Replace a count :math:`tf` by :math:`1 + \log tf`.

    Attributes
    ----------
    vocabulary_ : dict of str to int
        Term -> column index.
    fixed_vocabulary_ : bool
        Whether the vocabulary was given by the user.
    idf_ : ndarray of shape (n_terms,)
        Inverse document frequency of every term (if ``use_idf``).

    See Also
    --------
    CountVectorizer : the raw counts.

    Notes
    -----
    With :math:`n` documents and :math:`df(t)` the number containing term
    :math:`t`, the weight of :math:`t` in document :math:`d` is

    .. math:: \text{tf-idf}(t, d) = tf(t, d) \cdot \left(\ln\frac{1 + n}{1 + df(t)} + 1\right)

    (without the two ``1 +`` when ``smooth_idf=False``), then each row is divided
    by its norm. The ``+ 1`` keeps terms present in every document from
    vanishing entirely.

    Examples
    --------
    >>> from mlcourse.features import TfidfVectorizer
    >>> docs = ["good film", "bad film", "good good acting"]
    >>> tf = TfidfVectorizer()
    >>> X = tf.fit_transform(docs)
    >>> tf.get_feature_names_out().tolist()
    ['acting', 'bad', 'film', 'good']
    >>> [round(float(v), 3) for v in tf.idf_]
    [1.693, 1.693, 1.288, 1.288]
    >>> [round(float(v), 3) for v in X.toarray()[0]]
    [0.0, 0.0, 0.707, 0.707]
    """

    def __init__(
        self,
        *,
        strip_accents: str | Callable[[str], str] | None = None,
        lowercase: bool = True,
        preprocessor: Callable[[str], str] | None = None,
        tokenizer: Callable[[str], list[str]] | None = None,
        stop_words: str | list[str] | None = None,
        token_pattern: str | None = r"(?u)\b\w\w+\b",
        ngram_range: tuple[int, int] = (1, 1),
        analyzer: str | Callable[[str], list[str]] = "word",
        max_df: float | int = 1.0,
        min_df: float | int = 1,
        max_features: int | None = None,
        vocabulary: Mapping[str, int] | Iterable[str] | None = None,
        binary: bool = False,
        dtype: Any = np.float64,
        norm: str | None = "l2",
        use_idf: bool = True,
        smooth_idf: bool = True,
        sublinear_tf: bool = False,
    ) -> None:
        super().__init__(
            strip_accents=strip_accents,
            lowercase=lowercase,
            preprocessor=preprocessor,
            tokenizer=tokenizer,
            stop_words=stop_words,
            token_pattern=token_pattern,
            ngram_range=ngram_range,
            analyzer=analyzer,
            max_df=max_df,
            min_df=min_df,
            max_features=max_features,
            vocabulary=vocabulary,
            binary=binary,
            dtype=dtype,
        )
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf

    def _check_tfidf_params(self) -> None:
        owner = type(self).__name__
        check_in(self.norm, "norm", ["l2", "l1", None], owner=owner)
        for name in ("use_idf", "smooth_idf", "sublinear_tf"):
            check_scalar(getattr(self, name), name, bool, owner=owner)

    def fit(self, raw_documents: Iterable[str], y: Any = None) -> TfidfVectorizer:
        """Learn the vocabulary and the inverse document frequencies.

        Parameters
        ----------
        raw_documents : iterable of str
            The training documents.
        y : None
            Ignored.

        Returns
        -------
        self : TfidfVectorizer
            The fitted vectorizer.
        """
        self.fit_transform(raw_documents)
        return self

    def fit_transform(self, raw_documents: Iterable[str], y: Any = None) -> Any:
        """Learn vocabulary and idf, and return the TF-IDF matrix of the documents.

        Parameters
        ----------
        raw_documents : iterable of str
            The training documents.
        y : None
            Ignored.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_documents, n_terms)
            TF-IDF weights.
        """
        self._check_tfidf_params()
        counts = super().fit_transform(raw_documents)
        if self.use_idf:
            n_docs = counts.shape[0] + int(self.smooth_idf)
            df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
            df += float(self.smooth_idf)
            self.idf_ = np.log(n_docs / df) + 1.0
        elif hasattr(self, "idf_"):
            del self.idf_
        return self._weight(counts)

    def _weight(self, counts: Any) -> Any:
        X = counts.astype(self.dtype, copy=True)
        if self.sublinear_tf:
            np.log(X.data, out=X.data)
            X.data += 1.0
        if self.use_idf:
            X.data *= self.idf_[X.indices]
        if self.norm is not None:
            X = _normalize_rows(X, self.norm)
        return X

    def transform(self, raw_documents: Iterable[str]) -> Any:
        """Return the TF-IDF matrix of new documents (vocabulary and idf from ``fit``).

        Parameters
        ----------
        raw_documents : iterable of str
            Documents.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_documents, n_terms)
            TF-IDF weights.
        """
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "vocabulary_")
        if self.use_idf:
            check_is_fitted(self, "idf_")
        self._check_documents(raw_documents, type(self).__name__)
        return self._weight(self._count_known(raw_documents))

"""A small course-written text corpus and the tokenizer the n-gram model uses.

The text is written for this course (no download, no licence question). It
talks about machine learning in short, regular sentences so that even a
bigram model trained on it produces readable continuations.
"""

from __future__ import annotations

import re

from mlcourse._validation import param_message

__all__ = ["detokenize", "load_course_text", "tokenize"]

_COURSE_TEXT = """\
A model learns patterns from data. A model makes predictions on new data.
Machine learning is a part of artificial intelligence. Deep learning is a part of machine learning.
Generative AI is a part of deep learning. A generative model learns to create new text.
A generative model learns to create new images. A language model predicts the next word.
A language model learns which word comes next. The next word depends on the words before it.
Training is the step where a model learns from data. Inference is the step where a model makes predictions.
During training the model sees many examples. During inference the model sees new examples.
A classifier predicts a label. A regression model predicts a number.
A clustering model groups similar examples. Labeled data has an answer for every example.
Unlabeled data has no answer for the examples. Supervised learning needs labeled data.
Unsupervised learning finds patterns in unlabeled data. Reinforcement learning learns from rewards.
The data is split into a training set, a validation set and a test set.
The training set is used to fit the model. The validation set is used to choose the model.
The test set is used once to measure the model. A good model makes good predictions on new data.
A bad model makes bad predictions on new data. A simple model is easy to explain.
A deep model has many layers. A neural network has many layers of weights.
The weights of the network are learned from data. The algorithm is the recipe that learns the weights.
The model is what the algorithm learns. We measure the model with a metric.
Accuracy is a metric for a classifier. The error is a metric for a regression model.
More data often makes a better model. Better data often makes a better model.
A model can be wrong. A model can learn the noise in the data.
We test the model on data it has never seen. We deploy the model when it is good enough.
Real time inference answers one request at a time. Batch inference answers many requests at once.
The cloud runs the model for many users. The user sends a request and the model sends a prediction.
"""

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.,!?;:]")
_SENTENCE_END = frozenset({".", "!", "?"})


def tokenize(text: str) -> list[str]:
    """Split text into lower-case word and punctuation tokens.

    Parameters
    ----------
    text : str
        The text to split.

    Returns
    -------
    list of str
        Words (letters, digits, an optional ``'s``-style suffix) and the
        punctuation marks ``. , ! ? ; :`` as separate tokens.

    Raises
    ------
    TypeError
        If ``text`` is not a str.

    Examples
    --------
    >>> tokenize("A model learns. It predicts!")
    ['a', 'model', 'learns', '.', 'it', 'predicts', '!']
    """
    if not isinstance(text, str):
        raise TypeError(param_message("text", "a str", text, owner="tokenize"))
    return _TOKEN.findall(text.lower())


def detokenize(tokens: list[str]) -> str:
    """Join tokens back into text, attaching punctuation to the previous word.

    Parameters
    ----------
    tokens : list of str
        Tokens, as produced by :func:`tokenize`.

    Returns
    -------
    str

    Examples
    --------
    >>> detokenize(["a", "model", "learns", ".", "it", "predicts", "!"])
    'a model learns. it predicts!'
    """
    text = " ".join(tokens)
    return re.sub(r" ([.,!?;:])", r"\1", text)


def load_course_text(*, as_sentences: bool = False) -> str | list[list[str]]:
    """Load the course's small text corpus (about 450 words on machine learning).

    Parameters
    ----------
    as_sentences : bool, default=False
        Return the text tokenized and split into sentences (a list of token
        lists, each ending with its full stop) instead of the raw string.

    Returns
    -------
    str or list of list of str
        The raw text, or its sentences as token lists, ready for
        :meth:`NGramLanguageModel.fit`.

    Examples
    --------
    >>> text = load_course_text()
    >>> text.split(".")[0]
    'A model learns patterns from data'
    >>> sentences = load_course_text(as_sentences=True)
    >>> sentences[0]
    ['a', 'model', 'learns', 'patterns', 'from', 'data', '.']
    """
    if not as_sentences:
        return _COURSE_TEXT
    sentences: list[list[str]] = []
    current: list[str] = []
    for token in tokenize(_COURSE_TEXT):
        current.append(token)
        if token in _SENTENCE_END:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences

"""Generative AI, from the smallest working example upwards.

For now: a tiny n-gram language model trained on a course-written corpus,
the "generative AI" example of notebook 01.
"""

from ._corpus import detokenize, load_course_text, tokenize
from ._ngram import BOS, EOS, UNK, NGramLanguageModel

__all__ = [
    "BOS",
    "EOS",
    "UNK",
    "NGramLanguageModel",
    "detokenize",
    "load_course_text",
    "tokenize",
]

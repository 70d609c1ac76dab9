"""Whether a sentence has a verb: a photo caption ("Ambulances at Russell Square, London after
the July 7, 2005 bombings."), a list item or a score line has none, and is no sentence of a brief.

No tagger runs here: a word counts as a possible verb when it, or what remains of it without an
inflection ("-s", "-es", "-ies", "-ed", "-ied"), is in WordNet's list of verb forms (verbs.txt).
Many nouns are also verbs ("train", "square"), so the test finds only sentences with no word that
could be one: few, and nearly all of them fragments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

# Finite auxiliaries and modals, and the clitics that stand for them ("I'm", "they're", "isn't").
# fmt: off
AUXILIARIES = frozenset((
    "is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does", "did",
    "will", "would", "can", "could", "may", "might", "must", "shall", "should",
))
# fmt: on
_CLITICS = frozenset(("m", "re", "ve", "d", "ll"))
# "It's" is "it is"; "Britain's" is a possessive.
_PRONOUNS_WITH_IS = frozenset(
    ("it", "he", "she", "that", "there", "what", "who", "here", "where", "this")
)
# A word right after one of these is a noun or an adjective, not a verb: "the intended route".
_DETERMINERS = frozenset(("the", "a", "an", "its", "his", "their", "our", "my", "your", "every"))
# Most sentences have one of these: a search finds it faster than reading word by word.
_COMMON_VERB = re.compile(
    r" (?:is|was|were|are|has|have|had|said|says|will|would|could|did|does)\b"
)
# A word, with its clitic ("isn't"), or a clitic a tokenizer split off ("I 'm", "do n't").
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|['’](?:m|re|ve|d|ll|s)\b")


@cache
def _verb_forms() -> frozenset[str]:
    text = resources.files(__package__).joinpath("verbs.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def _uninflected(word: str) -> Iterator[str]:
    """``word`` and what it could be without a verb's inflection: "bombs" -> "bomb",
    "carries" -> "carry", "stopped" -> "stop"."""
    yield word
    if word.endswith("s"):
        yield word[:-1]
        if word.endswith("es"):
            yield word[:-2]
        if word.endswith("ies"):
            yield word[:-3] + "y"
    elif word.endswith("ed"):
        yield word[:-2]
        yield word[:-1]
        if word.endswith("ied"):
            yield word[:-3] + "y"
        elif len(word) > 4 and word[-3] == word[-4]:
            yield word[:-3]


def _could_be_verb(word: str, previous: str | None, verbs: frozenset[str]) -> bool:
    # A capitalised word inside the sentence is a name ("Russell Square"), not a verb.
    if previous is not None and word[0].isupper():
        return False
    lowered = word.lower().replace("’", "'")
    if lowered in AUXILIARIES:
        return True
    head, apostrophe, tail = lowered.partition("'")
    if apostrophe:
        if tail in _CLITICS or (tail == "t" and head.endswith("n")):
            return True
        if tail == "s" and head in _PRONOUNS_WITH_IS:
            return True
        lowered = head
    if previous in _DETERMINERS:
        return False
    return any(form in verbs for form in _uninflected(lowered))


def is_verbless(text: str) -> bool:
    """True when no word of ``text`` could be a verb. Close up apostrophes a tokenizer spaced out
    first (:func:`newsdesk.brief.coherence.closed_up`): "isn ’ t" reads as two words."""
    if _COMMON_VERB.search(text):
        return False
    verbs = _verb_forms()
    previous: str | None = None
    for word in _WORD.findall(text):  # "co-directed" is "co" and "directed"
        if _could_be_verb(word, previous, verbs):
            return False
        previous = word.lower()
    return True

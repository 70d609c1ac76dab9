"""The story's headline: the title of one of its articles that best names what the story is about.

The earliest article's title is often a poor name: a question ("Did the earth move for you?"), a
fragment ("Deputy Sheriff."), a column's title or one about a side detail. Among the titles that
read as a headline (:func:`reads_as_headline`), the one most central to the story wins: the one
whose content stems the other articles carry most in their titles and lead sentences
(:func:`choose_headline`). Measured on ECB+ and MultiLing in BENCHMARKS.md.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsdesk.brief.coherence import in_writers_voice, is_question, mostly_capitals
from newsdesk.brief.terms import content_stems
from newsdesk.text import split_sentences, words

HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 20
# The centrality of a title is the number of other articles carrying each of its stems, summed,
# over its stem count to this power: at 1 (the mean) a short title of the story's commonest words
# wins ("Harrison out against Jaguars."), at 0.5 (the cosine) a long one; of the three, 0.75 told
# ECB+'s events from their twins best and kept MultiLing's ROUGE-1 precision (BENCHMARKS.md).
LENGTH_POWER = 0.75
# A lead-like title (:func:`is_headline_length`) needs a third more centrality to win: ECB+'s
# titles are often the lead sentence, and a headline that names the event reads better.
LEAD_TITLE_WEIGHT = 0.75

# Words of any script (text.words knows Latin letters only): a Russian or Korean title has words.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer,
# Myanmar): a run of them is counted as one word per two characters.
_SPACELESS = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)


def word_count(title: str) -> int:
    """Words of ``title`` in any script; characters of a script without spaces count as half a
    word each ("東京オリンピック・パラリンピック 1年程度延期で合意": 13)."""
    spaceless = len(_SPACELESS.findall(title))
    if not spaceless:
        return len(_WORD.findall(title))
    return len(_WORD.findall(_SPACELESS.sub(" ", title))) + (spaceless + 1) // 2


def reads_as_headline(title: str) -> bool:
    """Whether ``title`` can name a story: not a question, not under
    :data:`HEADLINE_MIN_WORDS` words (a site's or section's name, a kicker, a fragment), not a
    kicker alone ("Sports news in brief from around the world:"), not in the first person
    outside quotation marks (a column) and not mostly capitals."""
    title = title.strip()
    if word_count(title) < HEADLINE_MIN_WORDS or title.endswith(":"):
        return False
    return not (is_question(title) or mostly_capitals(title) or in_writers_voice(title))


def is_headline_length(title: str) -> bool:
    """One sentence of at most :data:`HEADLINE_MAX_WORDS` words; otherwise the title is a lead
    (ECB+ keeps one as the title, sometimes two sentences of it)."""
    return word_count(title) <= HEADLINE_MAX_WORDS and len(split_sentences(title)) == 1


def choose_headline(titles: Sequence[str], leads: Sequence[str], fallback: str = "") -> str:
    """The headline of a story whose articles (one per original, earliest first) have these
    ``titles`` and ``leads`` (first sentences).

    Ties go to the earliest title. Without a title that reads as a headline: ``fallback`` (the
    brief's first sentence), else the earliest non-empty title, else "".
    """
    stems = [frozenset(content_stems(words(t))) for t in titles]
    # How many articles carry each stem in their title or lead.
    carried = Counter(
        s
        for title, lead in zip(stems, leads, strict=True)
        for s in title | set(content_stems(words(lead)))
    )
    best = -1.0
    chosen = ""
    for i, title in enumerate(titles):
        if not reads_as_headline(title):
            continue
        shared = sum(carried[s] - 1 for s in stems[i])  # the title's own article not counted
        score = shared / max(1, len(stems[i])) ** LENGTH_POWER
        if not is_headline_length(title):
            score *= LEAD_TITLE_WEIGHT
        if score > best:  # a tie goes to the earlier title
            best, chosen = score, title.strip()
    return chosen or fallback or next((t.strip() for t in titles if t.strip()), "")

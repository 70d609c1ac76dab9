"""Terms of brief sentences: stopwords, stems and content stems (shared by every method)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import cast

from newsdesk.text import ENGLISH_STOPWORDS

STOPWORDS: frozenset[str] = ENGLISH_STOPWORDS | frozenset(
    ["s", "t", "said", "says", "say", "also", "would", "could", "may", "might", "us", "mr", "mrs"]
)


def _load_stemmer() -> Callable[[str], str]:
    """Snowball English from PyStemmer (C, ~50x faster), else NLTK's Porter."""
    try:
        import Stemmer  # type: ignore[import-not-found]

        return cast(Callable[[str], str], Stemmer.Stemmer("english").stemWord)
    except ImportError:  # pragma: no cover - exercised only without PyStemmer
        from nltk.stem.porter import PorterStemmer

        return cast(Callable[[str], str], PorterStemmer().stem)


_STEM = _load_stemmer()


# Irregular past forms a suffix stemmer leaves apart from their verb ("hung" / "hanged", "struck" /
# "strikes"), and "dead" / "death" with "die": news retells one event in both.
# fmt: off
_IRREGULAR = {
    "arose": "arise", "arisen": "arise", "awoke": "awake", "beaten": "beat", "became": "become",
    "began": "begin", "begun": "begin", "bent": "bend", "bitten": "bite",
    "bled": "bleed", "blew": "blow", "blown": "blow", "broke": "break", "broken": "break",
    "brought": "bring", "built": "build", "burnt": "burn", "bought": "buy", "caught": "catch",
    "chose": "choose", "chosen": "choose", "came": "come", "dealt": "deal", "dug": "dig",
    "drew": "draw", "drawn": "draw", "drove": "drive", "driven": "drive", "drank": "drink",
    "ate": "eat", "eaten": "eat", "fell": "fall", "fallen": "fall", "fed": "feed",
    "felt": "feel", "fought": "fight", "found": "find", "fled": "flee", "flew": "fly",
    "flown": "fly", "forbade": "forbid", "forgot": "forget", "froze": "freeze",
    "frozen": "freeze", "gave": "give", "given": "give", "went": "go", "gone": "go",
    "grew": "grow", "grown": "grow", "hung": "hang", "hanged": "hang", "heard": "hear",
    "hid": "hide", "hidden": "hide", "held": "hold", "kept": "keep", "knew": "know",
    "known": "know", "laid": "lay", "led": "lead", "lent": "lend", "lost": "lose",
    "made": "make", "meant": "mean", "met": "meet", "paid": "pay", "ran": "run", "rode": "ride",
    "ridden": "ride", "rang": "ring", "rose": "rise", "risen": "rise", "sought": "seek",
    "sold": "sell", "sent": "send", "shook": "shake", "shaken": "shake", "shot": "shoot",
    "sang": "sing", "sank": "sink", "sunk": "sink", "slept": "sleep",
    "slid": "slide", "spoke": "speak", "spoken": "speak", "spent": "spend", "stood": "stand",
    "stole": "steal", "stolen": "steal", "stuck": "stick", "stung": "sting", "struck": "strike",
    "stricken": "strike", "swore": "swear", "sworn": "swear", "swept": "sweep", "swam": "swim",
    "swum": "swim", "took": "take", "taken": "take", "taught": "teach", "tore": "tear",
    "torn": "tear", "told": "tell", "thought": "think", "threw": "throw", "thrown": "throw",
    "understood": "understand", "woke": "wake", "wore": "wear", "worn": "wear", "won": "win",
    "wrote": "write", "written": "write", "withdrew": "withdraw",
    "withdrawn": "withdraw", "dead": "die", "death": "die",
}
# fmt: on


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    word = _IRREGULAR.get(word, word)
    return _STEM(word) if len(word) > 3 else word


def content_stems(tokens: Sequence[str], token_stems: Sequence[str] | None = None) -> list[str]:
    """The stems of ``tokens`` that are neither stopwords nor numbers; from ``token_stems`` (the
    stem of every token) when the caller has them."""
    if token_stems is None:
        return [stem(t) for t in tokens if t not in STOPWORDS and not t.isdigit()]
    return [
        s
        for t, s in zip(tokens, token_stems, strict=True)
        if t not in STOPWORDS and not t.isdigit()
    ]

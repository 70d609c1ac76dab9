"""Indirect (reported) quotes in one sentence: the clause after a verb of communication or
"according to", with its subject and the outlet told."""

from __future__ import annotations

import re

from newsdesk.attribute.nlp import Span, is_title_word
from newsdesk.attribute.quotes.patterns import outlet_told, subject_of
from newsdesk.attribute.quotes.vocabulary import AUX, CUE, FINDINGS_NOUN, ORG_NOUNS, TIME

_NOUN_USE = re.compile(
    r"^\s*(?:of|from|on|about(?!\s+\d)|in|to|for|by|and|or|were|was|have|had|are|is|with|"
    r"at(?!\s+(?:least|most)\b))\b"
)


# A second source inside a reported clause: "X reported A, where the BBC reports that B".
_NESTED = re.compile(
    # "..., Dorsey said like anyone, ...", "... 7 p. m. Police say she ..." (an unsplit sentence)
    rf"(?:,\s+(?:(?:where|while|and|but|as)\s+)?|[.!?]\s+)(?P<subj>(?:the\s+)?[A-Z][^,;\"“”]{{0,60}}?)\s+{AUX}"
    rf"(?:{CUE})\s+(?:that\s+)?"
)
# The reported clause ends where the speaker's next act starts: "said A and praised the B".
_CONJOINED = re.compile(r"\s+and\s+(?:also\s+)?[a-z]+ed\s+(?:the|a|an|his|her|their|its)\b")


# "According to new information ...": no one is speaking.
_ABSTRACT_SOURCE = re.compile(
    r"^(?:(?:the|new|the\s+latest|latest|recent|preliminary|early|official)\s+)*"
    r"(?:information|data|figures|estimates|statistics|research|studies|results|records|analysis)\b"
)


_FINDINGS = re.compile(
    rf"^\s*(?P<subj>(?!None\b|No\b)[A-Z][^,;\"“”]{{0,80}}?{FINDINGS_NOUN})"
    rf"\s+{AUX}(?:found|finds|concluded|concludes)\s+that\s+"
)

_PLACE_THEN_THAT = re.compile(
    rf"(?:\s+(?:at|in|on|during|after|before|from)\s+[\w'’\-]+(?:\s+[\w'’\-]+){{0,3}}?)+{TIME}"
    r"\s+that\s+"
)

_NEEDS_THAT = {
    "maintained",
    "maintains",
    "confirmed",
    "confirms",
    "explained",
    "explains",
    "noted",
    "notes",
    "continued",
    "wrote",
    "writes",
    "declared",
    "declares",
    "admitted",
    "acknowledged",
    "stated",
    "states",
    "commented",
    "remarked",
    "mentioned",
    "stressed",
}


# Cues that take a thing as well as a report: "announced a donation", "reported a loss",
# "insisted their own political positions". Such a cue followed by a noun phrase with no verb of
# its own reports nothing.
_TAKES_OBJECT = {
    "announced", "announces", "reported", "reports", "confirmed", "confirms", "insisted", "insists",
    "alleged", "alleges", "predicted", "suggested", "suggests",
}  # fmt: skip
_OBJECT_ONLY = re.compile(
    r"\s+(?:(?:a|an|the|its|his|her|their|our|new|further|plans|\d[\d,.]*)\b|[A-Z\$€£])"
)
# What one claims that is no statement: "claimed responsibility for the attacks", "claimed the
# Green jersey", "claimed more than 175,000 victims" (not "claimed the police had beaten him").
_CLAIMED_THING = re.compile(
    r"\s+(?:responsibility|credit|victory|(?:more|fewer|less)\s+than|(?:at\s+least|about|nearly"
    r"|some|over|almost)\s+\d|\d|(?:a|an|the|his|her|their|its)\s+"
    r"(?!(?:[\w'’\-]+\s+){0,6}(?:was|were|is|are|had|has|have|will|would|could)\b))"
)
_FINITE = re.compile(
    r"\b(?:that|was|were|is|are|had|has|have|will|would|could|can|may|might|should|must|did|"
    r"does|do|says|said)\b|(?P<before>\w+)\s+[a-z]{3,}ed\b(?!\s+by\b)"
)
_DETERMINERS = {"a", "an", "the", "its", "his", "her", "their", "our"}
# "Cheeks said he would be, and King called him ...": a reply cut to its auxiliary reports no
# words of its own.
_ELLIPTIC = re.compile(
    r"(?:he|she|it|they|we|I|you)\s+(?:would|will|was|were|is|are|did|does|do|had|has|have"
    r"|could|can|should|might|may)(?:\s+(?:not|be|have|too))?\s*(?:[,.;]|$)"
)
# "EDS shares added 26 cents to close at $24.34": a price that rose, not a word added.
_AMOUNT_ADDED = re.compile(
    r"\s+(?:about\s+|nearly\s+|almost\s+)?[$€£]?\d[\d,.]*\s*"
    r"(?:cents?|pence|points?|percent|per\s+cent|%|[mb]illion|bn|m\b)"
)


def _has_verb(clause: str) -> bool:
    """Whether a clause has a verb of its own (an auxiliary, or a past form not after a
    determiner: "the planned donation" has none)."""
    return any(
        m.group("before") is None or m.group("before").lower() not in _DETERMINERS
        for m in _FINITE.finditer(clause)
    )


def indirect_clauses(
    sentence: str, base: int, spans: list[Span]
) -> list[tuple[int, int, str, str | None]]:
    """(clause start, clause end, subject, told outlet) found in one sentence."""
    out: list[tuple[int, int, str, str | None]] = []
    s = sentence.rstrip()
    end = len(s) - (1 if s.endswith(".") else 0)
    m = re.match(r"^\s*(?:According to|As reported by) (?P<src>[^,]{2,120}),\s*(?P<clause>.+)$", s)
    if m:
        if _ABSTRACT_SOURCE.match(m.group("src")):
            return []
        appositive = re.match(r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)+,\s*", m.group("clause"))
        if appositive is not None and is_title_word(m.group("src").split()[-1]):
            # "According to the Iranian Foreign Minister, Manouchehr Mottaki, the ..."
            src = f"{m.group('src')}, {appositive.group().strip(' ,')}"
            return [(m.start("clause") + appositive.end(), end, src, None)]
        return [(m.start("clause"), end, m.group("src"), None)]
    m = re.match(
        # "..., according to Troy police Lt. Gerry Scherlinck.": abbreviations inside the source
        r"^(?P<clause>.{10,}?),?\s+according to (?P<src>(?:[^,.]|\.(?=\s+[A-Z])){2,120}"
        # "..., according to Danny McPherson, chief security officer with Arbor Networks."
        r"(?:,\s+[a-z](?:[^,.]|\.(?=\s+[A-Z])){2,120})?)\.?$",
        s,
    )
    if m:
        if _ABSTRACT_SOURCE.match(m.group("src")):
            return []
        return [(m.start("clause"), m.end("clause"), m.group("src"), None)]
    m = re.match(
        rf"^(?P<clause>[^\"“”][^\"“”]{{9,}}?(?:[\"“”][^\"“”]{{1,60}}[\"“”][^\"“”]*?)?),\s+"
        # "..., a France Telecom spokeswoman who asked not to be named said."
        rf"(?P<subj>[^,;\"“”]{{1,80}}?)(?:\s+who\s+[^,;\"“”]{{1,60}}?)?\s+{AUX}(?:{CUE}){TIME}"
        # "Attackers could ..., Microsoft said, and then run ...": the clause before the cue
        rf"(?:\.?\s*$|,\s+(?:and|but)\s)",
        s,
    )
    if m and len(m.group("subj").split()) <= 9:
        # "..., it said.": the organisation just reported (resolved with the last speaker)
        subj = "it" if m.group("subj") == "it" else subject_of(m.group("subj"), whole=True)
        if subj:
            return [(m.start("clause"), m.end("clause"), subj, None)]
    m = re.match(
        rf"^(?P<clause>[^\"“”]{{10,}}?),\s+(?:{CUE})\s+"
        # A name, maybe after lower-case role words ("said witness Angela Benson, who ...",
        # "said prison spokesman Al Quintero"), not a clause ("insisted Gigante suffered ...").
        r"(?P<subj>(?:the\s+)?(?:[a-z\-]+\s+){0,3}[A-Z][\w.'’&\-]*"
        r"(?:\s+(?:[A-Z][\w.'’&\-]*|of|the|and|for|de|van|von|al))*"
        # "..., said the Central Mat-Su fire chief, James Steele.": the role and the name after it
        r"(?:(?:\s+[a-z\-]+){0,2},\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w'’\-]*)+(?=\.?\s*$)"
        rf"|(?:\s+(?:{ORG_NOUNS}))?))"
        r"(?:(?:,|\s+(?:who|in|on|at|to|during|after|before|when)\b).*)?\.?\s*$",
        s,
    )
    if m:
        return [(m.start("clause"), m.end("clause"), m.group("subj"), None)]
    m = re.match(
        # "The aftershock, as reported by the Servicio ... (University of ...), had a magnitude"
        r"^[A-Z][^,;\"“”]{2,80},\s+(?:as reported by|according to)\s+(?P<src>[^,;\"“”]{2,160}),\s+"
        r"(?P<clause>[a-z][^\"“”]{10,})$",
        s,
    )
    if m:
        return [(m.start("clause"), end, m.group("src"), None)]
    m = _FINDINGS.match(s)
    if m:
        # "Two inquiries into ... have found that ...": a report's findings are reported writing.
        return [(m.end(), end, m.group("subj"), None)]
    m = re.search(r"\bquoted\s+(?P<subj>[^,;\"“”]{2,80}?)\s+as\s+saying\s+(?:that\s+)?", s)
    if m and len(s[m.end() : end].split()) >= 3:
        # "Another news agency quoted the governor as saying five people ...": the one quoted.
        return [(m.end(), end, m.group("subj"), None)]
    for cue in re.finditer(rf"\b{AUX}(?P<cue>{CUE})\b", s):
        verb = cue.group("cue")
        rest = s[cue.end() :]
        if re.search(r"\b(?:the|a|an|his|her|its|their)\s+$", s[: cue.start("cue")], re.I):
            continue  # an adjective: "the alleged shooter"
        pp = _PLACE_THEN_THAT.match(rest)
        if _NOUN_USE.match(rest) and not re.match(rf"{TIME}\s*that\b", rest) and pp is None:
            continue  # not "says in a release that ..."
        if verb in _NEEDS_THAT and not re.match(r"\s*(?:that\b|:)", rest):
            continue
        if verb == "advised" and not re.match(r"(?:\s+[\w.'’\-]+){0,6}?\s+that\b", rest):
            continue  # "advised users to set ..." is advice, not a report
        if verb in ("added", "adds") and _AMOUNT_ADDED.match(rest):
            continue
        if verb in ("claimed", "claims") and _CLAIMED_THING.match(rest):
            continue
        if verb in _TAKES_OBJECT and _OBJECT_ONLY.match(rest) and not _has_verb(rest):
            continue  # "Koizumi announced a half-billion dollar donation": a thing, not a report
        prefix = s[: cue.start()]
        if re.search(r"(?:[\"“”]|'')\s*$", prefix):
            continue  # '"...," said X': the quote is direct
        subj = subject_of(prefix)
        who = re.search(r"([A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)+),?\s+who\s+$", prefix)
        if who is not None:
            subj = who.group(1)  # '"...," said Vice Admiral Charles Style who also said that ...'
        if subj is None and re.search(r"\b(?:but|and)(?:\s+\w+ly)?\s*$", prefix):
            # "X called it ..., but added that ...": the subject is the sentence's first name.
            named = [
                sp
                for sp in spans
                if base <= sp.start < base + cue.start()
                and sp.label in ("PERSON", "ORG", "GPE", "NORP")
            ]
            # A place or people only when it opens the sentence ("Israel accused Hamas of ...,
            # and said ...": Israel), never one later in it ("In London, ...").
            opening = [
                sp
                for sp in named[:1]
                if sp.start - base <= 4 and re.match(r"\s+[a-z]", s[sp.end - base :])
            ]
            named = opening or [sp for sp in named if sp.label in ("PERSON", "ORG")]
            subj = named[0].text if named else None
        if subj is None:
            continue
        obj = None
        if verb in ("told", "tells", "tell", "advised"):
            tail = re.match(
                # "told him and Interior Minister Rodrigo Hinzpeter that ...": two audiences
                rf"(?:\s+(?P<obj>(?:him|her|them|us|me|reporters|(?:the\s+|The\s+)?[A-Z][\w.&\-]*"
                rf"(?:\s+[A-Z][\w.&\-]*)*)\s+and\s+[^,;:\"“”]{{1,60}}?(?=\s+that\b)"
                rf"|(?:the\s+|The\s+)?[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*"
                # "told Iranian media that ...": an audience of capitalised and common words
                rf"(?:\s+[a-z]+){{0,3}}(?=\s+that\b)|(?:the\s+|The\s+)?[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*|"
                rf"reporters|a\s+[a-z]+|[a-z]+(?:\s+in\s+[^,]+?)?(?=\s+that\b)))?{TIME}"
                rf"\s*(?:that\b|:|,)?\s*",
                rest,
            )
        else:
            tail = re.match(rf"{TIME}\s*(?:that\b|:|,)?\s*", rest)
        if pp is not None:
            start = cue.end() + pp.end()  # "said at practice on Wednesday that ..."
        elif tail:
            obj = tail.groupdict().get("obj")
            start = cue.end() + tail.end()
        else:
            start = cue.end()
        clause_end = end
        saying = re.search(r",\s+saying\b|;\s(?!(?:and\s+)?that\b)", s[start:])
        if saying:
            clause_end = start + saying.start()
        if len(s[start:clause_end].split()) < 3 or _ELLIPTIC.match(s, start):
            continue
        nested = _NESTED.search(s, start, clause_end)
        second: tuple[int, int, str, str | None] | None = None
        if nested is not None:
            inner = subject_of(nested.group("subj"), whole=True)
            if inner is not None and len(s[nested.end() : clause_end].split()) >= 3:
                second = (nested.end(), clause_end, inner, None)
                clause_end = nested.start()
        conjoined = _CONJOINED.search(s, start, clause_end)
        if conjoined is not None and len(s[start : conjoined.start()].split()) >= 3:
            clause_end = conjoined.start()
        out.append((start, clause_end, subj, outlet_told(obj, verb)))
        if second is not None:
            out.append(second)
        break
    m = re.search(r",\s+saying\s+(?:that\s+)?", s)
    if m and len(s[m.end() : end].split()) >= 3:
        subj = out[0][2] if out else None
        if subj is None:
            candidates: list[Span] = sorted(
                (
                    sp
                    for sp in spans
                    if base <= sp.start < base + m.start() and sp.label in ("PERSON", "ORG", "GPE")
                ),
                key=lambda sp: (sp.label != "PERSON", sp.start),
            )
            subj = candidates[0].text if candidates else None
        if subj:
            out.append((m.end(), end, subj, None))
    return out

"""The words of attribution that several modules match: verbs of communication ("said", "told"),
the adverbs and times that may stand between a subject and its verb or after it, and the nouns of
organisations and of reports."""

from __future__ import annotations

# Verbs of communication: whoever stands before or after one is a speaker.
CUES = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "announced",
    "announces",
    "claimed",
    "claims",
    "stated",
    "states",
    "reported",
    "reports",
    "noted",
    "notes",
    "explained",
    "explains",
    "warned",
    "warns",
    "confirmed",
    "confirms",
    "insisted",
    "insists",
    "maintained",
    "maintains",
    "argued",
    "argues",
    "speculated",
    "testified",
    "stressed",
    "alleged",
    "alleges",
    "declared",
    "declares",
    "indicated",
    "acknowledged",
    "admitted",
    "suggested",
    "suggests",
    "cautioned",
    "wrote",
    "writes",
    "continued",
    "predicted",
    "tweeted",
    "commented",
    "remarked",
    "mentioned",
    "advised",
]

# CUES as one regex alternation, longest first.
CUE = "|".join(sorted(CUES, key=len, reverse=True))

# Cues read only after a quotation: '"...," the letter read'.
POST_ONLY = "continued|wrote|read|asked|added"

SHOUTED = "screamed|shouted|yelled|exclaimed"  # cues of direct speech only

# Auxiliaries and adverbs between a subject and its cue: "has also said".
AUX = (
    r"(?:(?:has|have|had|also|further|later|earlier|previously|again|then|has also|had also|"
    r"quickly|repeatedly|once|just|reportedly|only|initially|first|publicly|officially|"
    r"privately|simply|merely)\s+)*"  # "British officials only stated": not "officials only"
)

# What may follow a cue before what was said: a time ("on Monday"), a medium ("in a
# statement"), a place of publication ("on his blog").
TIME = (
    r"(?:\s+(?:on\s+|late\s+|early\s+|earlier\s+|last\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
    r"(?:\s+(?:night|morning|afternoon|evening))?"
    r"|\s+(?:earlier|later|last|this)\s+(?:this\s+)?(?:week|month|year|day)"
    r"|\s+in\s+an?\s+(?:statement|interview|(?:press\s+)?release|letter|speech|news conference|"
    r"email)"
    r"(?:\s+(?:from|on)\s+\w+)?"
    r"|\s+on\s+(?:his|her|its|their)\s+(?:Twitter feed|Web site|website|blog|Facebook page)"
    r"(?:\s+just now)?)*"
)

# Nouns an organisation goes by: "the company said".
ORG_NOUNS = (
    "company|firm|group|agency|organisation|organization|ministry|department|studio|network|"
    "commission|committee|council|party|team|club|league|bank|union|government|court|board|"
    "foundation|institute|university|newspaper|paper|airline|channel|station|broadcaster|giant"
)

# A report or an inquiry, whose findings are reported as a speaker's words are.
FINDINGS_NOUN = (
    r"\b(?:report|study|studies|inquiry|inquiries|investigation|review|survey|audit|probe)s?"
    r"(?:\s+into\s+[^,;\"“”]{1,100}?)?"
)

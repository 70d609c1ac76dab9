"""People, organisations, places and named facilities, merged across articles and spellings.

"Sohae", "the Sohae site" and "Sohae Satellite Launching Station" become one facility; "Trump",
"President Trump" and "Donald Trump" one person. Mentions come from spaCy NER (or the
capitalisation fallback) plus a pattern for facilities ("<Name> research facility", "... plant").

Within a story: a known place or an organisation is not made a facility by "a Texas prison" or
"the Kraft plant"; a lone surname is the one person it ends whatever NER typed it ("Lohan");
"UK", "U.K." and "United Kingdom" are one place; a name listed among places ("cities such as
Talca, Constitución, Talcahuano") or named by a place noun ("the port city of Bandar Abbas") is a
place and a speaker after a role word ("spokesman Corinne Druey said") a person, whatever NER
called them; time zones, lone titles and quote debris are no entities. Where NER's kind is
still in doubt, the places and names the world knows (:mod:`newsdesk.attribute.gazetteer`)
decide: "Bío Bío" is a place, "Stephane Auge" a person.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from newsdesk.attribute import gazetteer
from newsdesk.attribute.nlp import (
    FACILITY_WORDS,
    NON_NAME_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLES_NOT_NAMES,
    SHIP,
    NLPArg,
    Span,
    body_and_sentences,
    classify_name,
    entity_spans,
    is_title_word,
)
from newsdesk.event_time import MONTH_PATTERN, WEEKDAYS
from newsdesk.models import Article, Entity, EntityMention
from newsdesk.text import NAME_PARTICLES

_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "facility",
}
_FACILITY_TYPES = (
    "research facility|launching station|launch site|test site|nuclear site|missile site|"
    "enrichment plant|uranium enrichment plant|nuclear plant|power plant|plant|site|base|"
    "facility|station|reactor|complex|airport|prison|laboratory|factory|dam|camp|test range"
)
# A name's words may include particles: "Charles de Gaulle airport", not "Gaulle airport".
_FACILITY = re.compile(
    r"\b([A-Z][\w'’\-]+ (?:(?:[A-Z][\w'’\-]+|de|del|da|du|al|el|la|van|von|bin) ){0,3}?)"
    rf"(?:[a-z]+ )?((?i:{_FACILITY_TYPES}))\b"
)
_FACILITY_WORDS = frozenset(
    [
        "satellite",
        "launching",
        "launch",
        "station",
        "site",
        "facility",
        "research",
        "plant",
        "uranium",
        "enrichment",
        "nuclear",
        "missile",
        "test",
        "base",
        "complex",
        "reactor",
        "power",
        "airport",
        "prison",
        "laboratory",
        "factory",
        "dam",
        "camp",
        "range",
        "engine",
        "stand",
    ]
)
_LEADING = re.compile(r"^(?:(?:the|The|a|A)\s+)+")
# Words that open no facility's name: "Monday in prison", "About the prison", "Web site".
_NOT_FACILITY_FIRST = NON_NAME_WORDS | {"web", "about", "most", "many", "some", "every"}


def _names(listed: str, sep: str = " ") -> frozenset[str]:
    return frozenset(n for n in listed.split(sep) if n)


# Not entities: time zones NER calls organisations or people ("09:00 BST"), and titles left alone
# ("Sgt" before a name NER missed).
_TIME_ZONES = _names(
    "GMT BST UTC IST EST EDT CST CDT MST MDT PST PDT AKST HST CET CEST EET EEST WET WEST MSK "
    "AEST AEDT ACST AWST NZST NZDT JST KST HKT SGT PHT WIB ICT PKT GST AST"
)
_TITLE_ABBREVIATIONS = _names(
    "sgt cpl pte pvt lcpl bdr maj gen lt col capt cmdr cdr adm insp det supt ch const pc "
    "mr mrs ms dr rev fr sr jr"
)
# Ranks before a name ("Lt. Gregg Hastings"); not "Jr." ending one, "Dr" a street, "PC" a computer.
_RANKS = _TITLE_ABBREVIATIONS - {"mr", "mrs", "ms", "dr", "rev", "fr", "sr", "jr", "ch", "pc"}
_QUOTES = "\"“”‘’'«»„`"
# Quote marks, brackets and dashes at either end ("- Rod Woodson" of "sacks leader - Rod ...").
_DEBRIS = re.compile(rf"^(?:(?:the|The)\s+)?[\s{_QUOTES}(\[\-‐–—]+|[\s{_QUOTES})\]\-‐–—]+$")
# Ivan L. “Chip” Frederick, and without the space after it: Vincent "The Chin"Gigante.
_NICKNAME = re.compile(r"\s+[\"“][\w'’\- ]+[\"”](?:\s+|(?=[A-Z]))")
# A date or a bare preposition NER ran into: "Thompson in" (Berne), "... on June 1".
_TRAILING_DATE = re.compile(
    rf"\s+(?:on|in|at|by)(?:\s+(?:(?:{MONTH_PATTERN}|{'|'.join(WEEKDAYS)})\b.*|\d.*))?$"
)
# A clause break NER ran across: ", Reid", "Teixeira - - eight years" (a dash as two hyphens).
_BREAK = re.compile(r",\s| -\s?- ")
# Small words after a dash that end a name's span: "Jonathan Wright - director" (not "BBC sci -
# fi" or "Latter - day Saints", tokenised hyphens).
_DASHED_TAIL = re.compile(r"(.*\b[A-Z][\w.'’]*) [\-–—](?: [a-z][\w\-]*)+")
# A count or a score after a name: "Ashgabat city - 15" (a list of seats), "Evansville 51 - 50".
_NUMBER_TAIL = re.compile(r"(.*\b[A-Za-z][\w.'’]*)(?: \d+)? [\-–—] \d+")
# A place NER calls a place is not made a facility when the story uses it as a place: "in Texas",
# "Huntsville, Texas", "the Gulf of Aden". Before this, "Texas" in a story that also said "a Texas
# prison" became that prison (71 mentions); a bare facility name ("Sohae") has no such context.
_PLACE_CONTEXT = re.compile(
    r"\b(?:in|from|to|near|across|throughout|outside|around|into|toward|towards|left|leaving|"
    r"reached|visited|visiting)\s+(?:the\s+)?$",
    re.I,
)
_NEAR = re.compile(
    r"\b(?:near|(?:north|south|east|west|northwest|northeast|southwest|southeast)(?:ern)?\s+of)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# After a name: a region in brackets or after a comma ("Pichilemu (O'Higgins Region)").
_PLACE_AFTER = re.compile(
    r"\s*(?:\(|,)\s*(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*\s+"
    r"(?:Region|Province|County|State|Department|District|Prefecture|Oblast)\b"
)
_IN = re.compile(r"\b(?:in|near|across|throughout|outside|into)\s+(?:the\s+)?$", re.I)
# A hometown after a name: "LuAnn Marie Johnson, 66, of Burnsville", "LaSalle, of Bloomington".
_HOMETOWN = re.compile(r",\s+of\s+$")
_THE_BEFORE = re.compile(r"\b(?:the|The)\s+(?:[A-Z][\w'’\-]*\s+)*$")
# Ranks and roles that end an organisation's span before a person's name: "Army Spc. Charles
# Graner", "Vancouver Police spokesperson Constable Lindsey Houghton".
_RANKS = frozenset(
    ["spc", "pfc", "pvt", "cpl", "sgt", "lt", "capt", "col", "maj", "const", "spokesman",
     "spokeswoman", "spokesperson"]
)  # fmt: skip
_FLIGHT_NUMBER = re.compile(r" (?:[A-Z]{2})?\d{1,4}\b")
_PERSON_AFTER = re.compile(
    r"(?:\s+(?:has|had|also|then))?\s+(?:said|says|told|explained|added|thanked|commented|who)\b"
    r"|,\s+who\b"
)
# "a merchant of Pichilemu, who ...", "the mayor of Pichilemu said": the head noun speaks.
_OF = re.compile(r"\bof\s+$")
_ROLE_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")  # "spokesman" of "spokesman Corinne Druey said"
_COURTESY_TITLE = r"(Mr|Mister|Mrs|Ms|Miss|Mme|Madame)\.?\s+"
_COURTESY_BEFORE = re.compile(rf"\b{_COURTESY_TITLE}$")
_COURTESY_FIRST = re.compile(_COURTESY_TITLE)
_FEMALE_COURTESY = frozenset({"Mrs", "Ms", "Miss", "Mme", "Madame"})
# Lists of names: "Santiago Centro, San Fernando, Curicó and Concepción".
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*|de|del|la|las|los))*"
# "Chillan, Talca, Concepcion, and the capital Santiago": a place noun may come before the last.
_NAME_LIST = re.compile(
    rf"{_NAME}(?:,\s+{_NAME})*,?\s+(?:and|or)\s+"
    rf"(?:the\s+(?:capital|city|town|port|village)(?:\s+of)?\s+)?{_NAME}"
)
_PLACES_SUCH_AS = re.compile(
    r"\b(?:cities|towns|villages|regions|provinces|countries|nations|localities|communes)\s+"
    r"(?:such\s+as|like|including|of)\s+$"
)
# "the Maule and Bío Bío Regions", "the Burley, Beeston and Holbeck areas"
_PLACE_PLURALS = _names(
    "regions provinces states areas districts counties towns cities villages suburbs"
    " neighborhoods neighbourhoods"
)
# A place noun names the name: "the port city of Bandar Abbas", "Bener Meriah district" (not
# "Apple's MagSafe port", "the SOS Children's village").
_PLACE_NOUN = r"(?:town|city|village|district|province|region|state|county|island)"
_PLACE_NOUN_OF = re.compile(rf"\b(?:{_PLACE_NOUN}|port|capital)\s+of\s+$")
_PLACE_NOUN_AFTER = re.compile(rf"(?<!['’]s)(?<!s['’])\s+{_PLACE_NOUN}\b")
_PLACE_WORDS = frozenset(PLACE_WORDS | {"gulf", "ocean", "island", "republic", "kingdom"})
# The kind of area a place's name may end with and still be that place ("Qeshm Island", "Aceh
# province"); not a street, county, city or state, which differ from the place they are named
# after ("Newton Street", "Gaza City", "Ohio State").
_AREA_WORDS = frozenset({"island", "ocean", "sea", "province", "region", "peninsula"})
# The last word of a region's name, which an organisation's name seldom ends with.
_REGION_WORDS = frozenset({"region", "province", "prefecture", "oblast", "governorate"})
# Places that need no context to be known: countries, US states and the biggest cities.
_KNOWN_PLACES = frozenset(
    w.casefold()
    for w in _names(
        "Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|"
        "Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Brazil|Bulgaria|Cambodia|Cameroon|Canada|Chad|"
        "Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czech Republic|Denmark|Ecuador|Egypt|"
        "Eritrea|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|Guatemala|Haiti|"
        "Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|"
        "Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Laos|Latvia|Lebanon|Liberia|Libya|Lithuania|"
        "Malaysia|Mali|Mexico|Moldova|Mongolia|Morocco|Mozambique|Myanmar|Nepal|Netherlands|"
        "New Zealand|Nicaragua|Niger|Nigeria|North Korea|Norway|Oman|Pakistan|Palestine|Panama|"
        "Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|"
        "Senegal|Serbia|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|"
        "South Sudan|Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tanzania|Thailand|"
        "Tunisia|Turkey|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|"
        "Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|UK|US|USA|Britain|England|Scotland|"
        "Wales|Northern Ireland|Gaza|West Bank|Europe|Africa|Asia|America|"
        "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|"
        "Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
        "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
        "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
        "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|"
        "Washington|West Virginia|Wisconsin|Wyoming|"
        "London|Paris|Berlin|Moscow|Beijing|Shanghai|Tokyo|Delhi|New Delhi|Mumbai|Karachi|Cairo|"
        "Baghdad|Tehran|Kabul|Islamabad|Jerusalem|Istanbul|Rome|Madrid|Brussels|Geneva|Vienna|"
        "Sydney|Toronto|Los Angeles|Chicago|Houston|Philadelphia|San Francisco|Boston|Seattle|"
        "Miami|Atlanta|Dallas|Detroit|Hong Kong|Seoul|Pyongyang|Bangkok|Jakarta|Manila|Lagos|"
        "Nairobi|Johannesburg|Mexico City|Sao Paulo|São Paulo|Rio de Janeiro|Buenos Aires|Santiago",
        "|",
    )
)
# Spellings of one acronym's full form that the story need not spell out ("UK" with no
# "United Kingdom" in the same article); others are found among the story's names.
_ACRONYMS = {
    "US": "United States",
    "USA": "United States",
    "UK": "United Kingdom",
    "UN": "United Nations",
    "EU": "European Union",
}
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# Acronyms of things, not of names: "a previous DUI arrest", "a quad-core CPU", "innovative IP".
_COMMON_ACRONYMS = frozenset(
    [
        "DUI", "DWI", "SUV", "ATM", "DNA", "GPS", "CPU", "GPU", "RAM", "DRAM", "USB", "LTE", "LCD",
        "HTML", "DLL", "PDF", "URL", "FAQ", "MP3", "OEM", "ISP", "IP", "CEO", "CFO", "CTO", "COO",
        "VP", "QB", "TD", "KO", "TBD", "EOD", "GHG", "MVP", "IR", "RPG", "MB", "GB", "QWERTY",
    ]
)  # fmt: skip
# US states as news abbreviates them ("Golden, Colo."): one place with the state's name.
_STATES = {
    f"{short}.": state
    for short, state in (
        ("Ala", "Alabama"), ("Ariz", "Arizona"), ("Ark", "Arkansas"), ("Calif", "California"),
        ("Colo", "Colorado"), ("Conn", "Connecticut"), ("Del", "Delaware"), ("Fla", "Florida"),
        ("Ga", "Georgia"), ("Ill", "Illinois"), ("Ind", "Indiana"), ("Kan", "Kansas"),
        ("Ky", "Kentucky"), ("La", "Louisiana"), ("Md", "Maryland"), ("Mass", "Massachusetts"),
        ("Mich", "Michigan"), ("Minn", "Minnesota"), ("Miss", "Mississippi"), ("Mo", "Missouri"),
        ("Mont", "Montana"), ("Neb", "Nebraska"), ("Nev", "Nevada"), ("N.H", "New Hampshire"),
        ("N.J", "New Jersey"), ("N.M", "New Mexico"), ("N.Y", "New York"),
        ("N.C", "North Carolina"), ("N.D", "North Dakota"), ("Okla", "Oklahoma"),
        ("Ore", "Oregon"), ("Pa", "Pennsylvania"), ("R.I", "Rhode Island"),
        ("S.C", "South Carolina"), ("S.D", "South Dakota"), ("Tenn", "Tennessee"),
        ("Tex", "Texas"), ("Vt", "Vermont"), ("Va", "Virginia"), ("Wash", "Washington"),
        ("W.Va", "West Virginia"), ("Wis", "Wisconsin"), ("Wyo", "Wyoming"),
    )
}  # fmt: skip
# A name followed by a US state, then a stop or a comma, is a town: "in Twin Falls, Idaho, and
# others" (not "Greg Abbott, Texas attorney general").
_STATE_AFTER = re.compile(
    r",\s+(?:"
    + "|".join(re.escape(n) for n in sorted({*_STATES.values(), *_STATES}, key=len, reverse=True))
    + r"|Alaska|Hawaii|Idaho|Iowa|Maine|Ohio|Utah)(?=[,.;:)]|$)"
)
# First words of place names that no person's name opens with, in a name NER calls a person:
# "San Clemente", "Los Angeles", "Punta de Lobos", "Alto Ramírez" (not in an organisation's:
# "San Diego Chargers").
_PLACE_FIRST_WORDS = _names(
    "San Santa Santo São Los Las Fort Port Mount Saint"
    " Punta Puerto Cerro Isla Bahía Playa Lago Río Cabo Alto"
)
_INITIALS_SKIP = frozenset(["of", "for", "and", "on", "the", "de", "in"])
# A street's kind of way, last in its name ("Pitkin Avenue", "115th St."), first in French,
# Italian or Spanish ones ("Rue de Castiglione", "Place Vendôme"), and its abbreviations.
# Not "lane": a surname too often ("Nathan Lane").
_STREET_LAST = frozenset(
    ["street", "avenue", "road", "boulevard", "square", "plaza", "highway", "way", "place"]
)
_STREET_FIRST = frozenset(
    ["avenue", "rue", "boulevard", "place", "via", "piazza", "calle", "plaza"]
)
_COMPANY_SUFFIXES = frozenset(
    ["inc", "corp", "co", "ltd", "llc", "plc", "corporation", "incorporated", "limited"]
)
_STREET_ABBREVIATIONS = {"st": "street", "ave": "avenue", "rd": "road", "blvd": "boulevard"}


def _is_street(core: str) -> bool:
    words = core.split()
    if len(words) < 2 or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    last = words[-1].lower().strip(".")
    return (
        last in _STREET_LAST or last in _STREET_ABBREVIATIONS or words[0].lower() in _STREET_FIRST
    )


@dataclass(slots=True)
class _Mention:
    kind: str
    text: str
    core: str
    article_key: str
    sentence_index: int
    label: str = "PATTERN"  # the NER label; PATTERN: the facility pattern; SHIP: a hull prefix
    known_place: bool = False  # used as a place where it stands ("in Texas", "Huntsville, Texas")
    place_context: bool = False  # after "in", "from", "near" and the like, whatever it is
    speaker: bool = False  # followed by a person's verb ("Arjona said")
    titled: bool = False  # a speaker after a role word ("spokesman Corinne Druey said")
    named: bool = False  # a place noun names it ("the town of Woodburn", "cities such as Talca")
    stood_for: str = ""  # the key of the name a short form or debris stands for ("Saints")
    courtesy: str = ""  # "m" after "Mr", "f" after "Mrs", "Ms", "Miss"


def _clean(text: str) -> str | None:
    """A span's name without tokenisation debris (quote marks, "on June 1", ", Reid", "- - eight
    years", a trailing "in"), or None when what is left is no name (a time zone, a title
    alone)."""
    text = _NICKNAME.sub(" ", text)
    text = _DEBRIS.sub("", _TRAILING_DATE.sub("", _BREAK.split(text, maxsplit=1)[0]))
    if dashed := _DASHED_TAIL.fullmatch(text) or _NUMBER_TAIL.fullmatch(text):
        text = dashed.group(1)
    text = _DEBRIS.sub("", text)
    if not text or text in _TIME_ZONES:
        return None
    if any(text.count(a) != text.count(b) for a, b in ("()", "[]")):
        # "Santiago Metropolitan (II": the name before the bracket; "I]t" (of "[I]t's"): none
        text = re.split(r"\s+[(\[]", text)[0].strip() if re.search(r"\s[(\[]", text) else ""
        if not text or re.search(r"[()\[\]]", text):
            return None
    if re.search(r"\s(?:of|the|and|for|de|del)$", text):
        return None  # a name NER cut short: "National System of" (Tsunami Alerts)
    words = text.split()
    if len(words) == 1 and text.lower().strip(".") in _TITLE_ABBREVIATIONS:
        return None
    if len(words) > 1 and words[-1].lower().strip(".") in _RANKS:
        # The rank of the next name, run into: "Oregon State Police Lt" (. Gregg Hastings).
        return " ".join(words[:-1])
    return text


@lru_cache(maxsize=1 << 16)
def _key(core: str) -> str:
    """A name's grouping key: periods, hyphens, accents and spacing normalised ("U.K." = "UK",
    "Shatt al-Arab" = "Shatt al Arab", "René Préval" = "Rene Preval"), case folded except for
    acronyms ("US" is not "Us")."""
    core = _STATES.get(core, core)
    words = core.split()
    if len(words) > 1 and (street := _STREET_ABBREVIATIONS.get(words[-1].lower().strip("."))):
        core = " ".join([*words[:-1], street])  # "Pitkin Ave" = "Pitkin Avenue"
    elif len(words) > 1 and words[-1].lower().strip(".,") in _COMPANY_SUFFIXES:
        core = " ".join(words[:-1]).rstrip(",")  # "Intel Corp." = "Intel"
    core = "".join(c for c in unicodedata.normalize("NFKD", core) if not unicodedata.combining(c))
    key = " ".join(re.sub(r"[\-‐–]", " ", core.replace(".", "")).split()).rstrip("'’")
    return key if _ACRONYM.fullmatch(key) else key.casefold()


def _initials(name: str, spell_acronyms: bool = False) -> str:
    """The initials of a name's capitalised words; with ``spell_acronyms``, a short acronym in it
    gives all its letters ("US Geological Survey" -> "USGS", "U.N. Security Council" -> "UNSC").
    Empty when fewer than two words give initials."""
    initials = []
    for word in re.split(r"[\s\-]+", name):
        if not word[:1].isupper() or word.lower() in _INITIALS_SKIP:
            continue
        letters = word.replace(".", "")
        short_acronym = len(letters) <= 3 and letters.isalpha() and letters.isupper()
        initials.append(letters if spell_acronyms and short_acronym else word[0])
    return "".join(initials) if len(initials) > 1 else ""


# Roles before a name that no one's name opens with, besides the titles quotes use too
# (:func:`newsdesk.attribute.nlp.is_title_word`): "Insp Gaskin", "Lawyer Michael Marinaccio".
_ROLES_BEFORE_NAMES = frozenset(
    ["insp", "supt", "det", "const", "lawyer", "attorney", "clerk", "coach", "rev", "reverend",
     "father", "rabbi", "imam", "archbishop", "prosecutor", "pastor"]
)  # fmt: skip
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _without_words_run_on(name: str) -> str:
    """A person's name without a word in small letters or a stop NER ran on into: "Herbert Flynn
    Jr told", "Herbert Flynn Jr :"; not an ordinal ("John S. Pritchard 3rd")."""
    tokens = name.split()
    while len(tokens) > 1 and (
        (tokens[-1].islower() and not _ORDINAL.fullmatch(tokens[-1]))
        or not any(c.isalpha() for c in tokens[-1])
    ):
        tokens = tokens[:-1]
    return " ".join(tokens)


def _words_before_a_name(tokens: Sequence[str]) -> int:
    """How many of the first ``tokens`` are words of English NER ran into a name that follows
    them and are no names themselves: roles and peoples' names ("Filmmaker Zhang Yimou", "Coroner
    Gary Hargrove", "Companion Karen Gillan", "Fellow Briton Mark Cavendish"). Only before a
    common first name and a word after it."""
    if len(tokens) < 3:
        return 0
    count = 0
    while count < len(tokens) - 2 and (
        (word := tokens[count]).isalpha()
        and len(word) > 2
        and word[0].isupper()
        and (gazetteer.english_word(word) or gazetteer.dictionary_word(word))
        and not gazetteer.first_name_frequency(word)
    ):
        count += 1
    first = tokens[count]
    named = (
        first[:1].isupper()
        and first not in _NAME_OPENERS  # "Ras Al Khaimah"
        and gazetteer.first_name_frequency(first) >= _COMMON_FIRST_NAME
    )
    return count if named else 0


def _core(text: str, kind: str) -> str:
    text = _LEADING.sub("", re.sub(r"['’]s$", "", text.strip()))
    tokens = text.split()
    if kind == "person":
        while len(tokens) > 1 and (
            is_title_word(tokens[0]) or tokens[0].lower().strip(".,") in _ROLES_BEFORE_NAMES
        ):
            tokens = tokens[1:]
        tokens = tokens[_words_before_a_name(tokens) :]
    if kind in ("facility", "place", "organisation"):
        kept = [t for t in tokens if t.lower() not in _FACILITY_WORDS]
        if kind == "facility" and kept:
            tokens = kept
    return " ".join(tokens)


def _mentions(
    article: Article,
    spans_text: str,
    sentences: list[tuple[int, int, int]],
    spans: Sequence[Span],
    outlet_names: Sequence[str] = (),
) -> list[_Mention]:
    out: list[_Mention] = []
    outlets = set(outlet_names)

    def sentence_at(offset: int) -> int:
        index = sentences[0][2] if sentences else 0
        for start, _, i in sentences:
            if start <= offset:
                index = i
            else:
                break
        return index

    covered: list[tuple[int, int]] = []
    for m in _FACILITY.finditer(spans_text):
        name = m.group(1).strip()
        first = name.split()[0]
        between = spans_text[m.end(1) : m.start(2)].strip()
        if (
            first.lower() in _NOT_FACILITY_FIRST
            or is_title_word(first)
            # "Gigante evaded prison", "Wednesday that prison": a sentence, not a name
            or between.lower() in NON_NAME_WORDS
            or between.endswith("ed")
            # "Microsoft's support site", "Page's official site": a description
            or (re.search(r"['’]s$", name) and between)
        ):
            continue
        if any(
            s.label == "FAC"
            and s.start <= m.start(1)
            and m.end() <= s.end
            and s.end - s.start > m.end() - m.start(1)
            for s in spans
        ):
            continue  # NER has the longer name: "Paris-Charles de Gaulle Airport"
        surface = spans_text[m.start(1) : m.end()].strip()
        out.append(
            _Mention(
                "facility", surface, _core(surface, "facility"), article.key, sentence_at(m.start())
            )
        )
        covered.append((m.start(1), m.end()))
    places = [s for s in spans if s.label in ("GPE", "LOC")]
    lists = _name_lists(spans_text)
    for span in spans:
        kind = _KINDS.get(span.label)
        start, end = span.start, span.end
        # Skip a span overlapping a facility found by the pattern ("the Salt Lake City" of "the
        # Salt Lake City airport"), not only one starting inside it.
        if kind is None or any(start < b and a < end for a, b in covered):
            continue
        text = _clean(span.text)
        if text is None:
            continue
        label = span.label
        before = spans_text[max(0, start - 40) : start]
        speaker = _PERSON_AFTER.match(spans_text, end) is not None and not _OF.search(before)
        titled = (
            speaker
            and (role := _ROLE_BEFORE.search(before)) is not None
            and is_title_word(role.group(1))
            and classify_name(text.split()) in ("PERSON", "MISC")
            and not _ACRONYM.fullmatch(_key(text))
        )
        in_list = _place_list(span, lists, spans) if label in ("PERSON", "ORG") else None
        named = not titled and (
            in_list == "named"
            or (
                (
                    _PLACE_NOUN_OF.search(before) is not None
                    or _PLACE_NOUN_AFTER.match(spans_text, end) is not None
                )
                and not _worded_otherwise(text)
            )
        )
        if titled:
            kind = "person"  # "French navy spokesman Hugues du Plessis d'Argentre commented"
        elif in_list is not None or named:
            kind = "place"
        if text.endswith(" Flight") and (number := _FLIGHT_NUMBER.match(spans_text, end)):
            # NER's "Air France Flight" of "Air France Flight 447": the flight, a vessel
            text, kind, label = text + number.group(), "facility", "PATTERN"
        if SHIP.match(text):
            kind, label = "facility", "SHIP"  # the core drops the hull prefix
        core = SHIP.sub("", _core(text, kind)) if label == "SHIP" else _core(text, kind)
        if kind == "person":
            core = _without_words_run_on(core)
        if not core or len(core) < 2:
            continue
        if kind == "organisation" and core.rsplit(" ", 1)[-1].lower().strip(".") in _RANKS:
            continue  # "Army Spc" of "Army Spc. Charles Graner": a rank, no organisation's name
        known = (
            # "volunteers from Santiago": a known place NER called an organisation
            (label in ("GPE", "LOC") or (label == "ORG" and core.casefold() in _KNOWN_PLACES))
            and (
                _PLACE_CONTEXT.search(before[-20:]) is not None
                or any(_apposed(spans_text, span, o) for o in places if o is not span)
            )
        ) or (
            # Whatever NER called it: "near Lolol", "south of Pichilemu", "Melipilla (Santiago
            # Metropolitan Region)", "Curicó, Maule Region".
            label in ("PERSON", "ORG")
            and len(core.split()) == 1
            and (
                _NEAR.search(before) is not None
                or _PLACE_AFTER.match(spans_text, end) is not None
                or (label == "PERSON" and _IN.search(before[-20:]) is not None)
                or _HOMETOWN.search(before) is not None
            )
        )
        # Only a place noun makes a listed name a place throughout the story: NER's places in a
        # list can be wrong ("namely Keynote, Pages and Numbers", Keynote a GPE).
        known = known or named
        the = _THE_BEFORE.search(before) if label == "PERSON" and in_list is None else None
        if (
            the is not None
            and (
                len(core.split()) == 1  # "the Executive Clerk", "the Acropolis"
                or not any(is_title_word(w) for w in [*the.group().split()[1:], core.split()[0]])
            )
        ):
            # "the Miami Herald", "the Executive Clerk": a person's name takes no article
            if len(core.split()) == 1:
                continue
            kind = "organisation"
        if label == "PERSON" and re.search(r"\b[A-Z][\w'’\-]*\s+of\s+$", before):
            continue  # "Tsunami Alerts" of "National System of Tsunami Alerts": a name's tail
        if label == "PERSON" and _possessor_in_a_name(spans_text, span, before):
            continue  # "St Paul" of "St Paul's Cathedral", "Bird" of "the "Bird's Nest""
        if kind == "person" and any(
            w.lower().removesuffix("s") in _PLACE_WORDS for w in core.split()[1:]
        ):
            kind = "place"  # "Bío Bío Regions", "Bernardo O'Higgins Region"
        if (
            kind == "organisation"
            and core.split()[-1].lower().removesuffix("s") in _REGION_WORDS
            and " of " not in core
        ):
            kind = "place"  # "Santiago Metropolitan Region", not "Government of Caro Province"
        if (
            kind == "person" and len(core.split()) > 1 and core.split()[0] in _PLACE_FIRST_WORDS
        ) or (kind in ("person", "organisation") and _STATE_AFTER.match(spans_text, end)):
            kind, known = "place", True  # "San Pedro de La Paz", "Fort Coffee, Okla.,"
        if core in outlets:
            continue  # "Wikinews" in a Wikinews article: the outlet, not a name it reports
        mention = _Mention(kind, text, core, article.key, sentence_at(start), label, known)
        mention.speaker, mention.titled, mention.named = speaker, titled, named
        mention.place_context = _PLACE_CONTEXT.search(before[-20:]) is not None
        if courtesy := _COURTESY_FIRST.match(text) or _COURTESY_BEFORE.search(before):
            mention.courtesy = "f" if courtesy.group(1) in _FEMALE_COURTESY else "m"
        out.append(mention)
    return out


# What follows a possessor: "'s Cathedral" (or, after a span that took the "'s", " Cathedral").
_POSSESSED = re.compile(r"['’]s\s+([A-Z][a-z]+)\b")
_POSSESSED_AFTER_S = re.compile(r"\s+([A-Z][a-z]+)\b")


def _possessor_in_a_name(text: str, span: Span, before: str) -> bool:
    """Whether NER's "person" only starts a longer name it owns: a landmark's ("St Paul" of "St
    Paul's Cathedral") or a quoted nickname's ("Bird" of "the "Bird's Nest"")."""
    if span.text.endswith(("'s", "’s")):
        owned = _POSSESSED_AFTER_S.match(text, span.end)
    else:
        owned = _POSSESSED.match(text, span.end)
    return owned is not None and (
        owned.group(1).lower() in _LANDMARK_HEADS or before.endswith(('"', "“"))
    )


_NameList = tuple[list[tuple[int, int]], bool]  # its items' offsets; whether a place noun names it


def _name_lists(text: str) -> list[_NameList]:
    """Lists of names ("Talca, Constitución, Talcahuano and Concepción"), named by a plural place
    noun or not ("cities such as ...", "the Maule and Bío Bío Regions")."""
    lists = []
    for m in _NAME_LIST.finditer(text):
        items = [
            (m.start() + n.start(), m.start() + n.end()) for n in re.finditer(_NAME, m.group())
        ]
        after = text[m.end() : m.end() + 16].lower().split()[:1]  # "areas." ends a sentence
        ending = {m.group().split()[-1].lower(), *(w.strip(".,;:") for w in after)}
        named = _PLACES_SUCH_AS.search(text[max(0, m.start() - 40) : m.start()]) is not None
        lists.append((items, named or bool(ending & _PLACE_PLURALS)))
    return lists


def _place_list(span: Span, lists: Sequence[_NameList], spans: Sequence[Span]) -> str | None:
    """How ``span`` is an item of a list of places: "named" when a place noun names the list
    ("cities such as Valparaíso, ..., Constitución, Talcahuano"), "among places" in a list of three
    or more names most of whose others NER calls places ("Santa Rosa, Healdsburg, Napa and San
    Francisco"); None otherwise, and for a name its words call an organisation or facility."""
    for items, named in lists:
        if not any(a <= span.start and span.end == b for a, b in items):
            continue
        if _worded_otherwise(span.text):
            return None
        if named:
            return "named"
        others = [
            s for s in spans if s is not span and items[0][0] <= s.start and s.end <= items[-1][1]
        ]
        places = sum(
            s.label in ("GPE", "LOC") or s.text.casefold() in _KNOWN_PLACES for s in others
        )
        return "among places" if len(items) >= 3 and 2 * places > len(others) else None
    return None


def _worded_otherwise(name: str) -> bool:
    """Whether a name's words call it an organisation or facility, or it is an acronym: no place
    by where it stands ("the city of Los Angeles Police Department", "towns like NASA")."""
    return (
        classify_name(name.split()) in ("ORG", "FAC") or _ACRONYM.fullmatch(_key(name)) is not None
    )


def _apposed(text: str, a: Span, b: Span) -> bool:
    """Whether ``a`` and ``b`` are a place and its region: "Huntsville, Texas," or "Texas."
    (not "back to Texas, Strickland said")."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return (
        re.fullmatch(r",\s*", text[first.end : second.start]) is not None
        and re.match(r"\s*(?:[,.;:)]|$)", text[second.end :]) is not None
    )


def _listed_places(mentions: Sequence[_Mention]) -> set[str]:
    """Keys of the story's names that are places whatever the story says: a country, US state or
    big city, or a name with a place word ("Gulf of Aden", "Marion County")."""
    known: set[str] = set()
    for m in mentions:
        if m.label in ("GPE", "LOC", "FAC", "ORG") and (
            m.core.casefold() in _KNOWN_PLACES
            or (m.label != "ORG" and any(w.lower() in _PLACE_WORDS for w in m.core.split()[1:]))
        ):
            known.add(_key(m.core))
    return known


_PAIR = re.compile(r"([A-Z][\w'’]+) and ([A-Z][\w'’]+)")


def _split_pairs(mentions: Sequence[_Mention]) -> list[_Mention]:
    """Two names NER read as one ("Lopez and Carrasquillo", "Dell and HP", "Eyl and Hobyo") are
    the two names, each where the story names it alone or as a full name's first or last word; a
    part the story never names alone is dropped with the pair. A pair neither part of which stands
    alone is one name ("Fish and Wildlife")."""
    known = {_key(m.core) for m in mentions if not _PAIR.fullmatch(m.core)}
    for m in mentions:
        words = m.core.split()
        if m.kind == "person" and len(words) > 1:
            known |= {_key(words[0]), _key(words[-1])}
    out: list[_Mention] = []
    for m in mentions:
        pair = _PAIR.fullmatch(m.core)
        parts = [p for p in pair.groups() if _key(p) in known] if pair else []
        if not parts:
            out.append(m)
            continue
        for part in parts:
            out.append(replace(m, text=part, core=part))
    return out


def _to_facilities(mentions: Sequence[_Mention], places: set[str]) -> None:
    """A core name seen as a facility is that facility wherever it appears ("Sohae", "Abu
    Ghraib"), except a known place ("a Texas prison" does not make Texas a prison) and an
    organisation NER always calls one ("a Kraft plant" does not make Kraft a plant)."""
    for m in mentions:
        if m.label == "FAC" and _key(m.core) in places and _core(m.text, "place") == m.core:
            m.kind = "place"  # "Port-au-Prince" labelled FAC once, GPE elsewhere
    facility_cores = {_key(m.core) for m in mentions if m.kind == "facility"}
    labels: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label not in ("PATTERN", "SHIP"):
            labels[_key(m.core)].add(m.label)
    for m in mentions:
        key = _key(m.core)
        if m.kind == "facility" or key not in facility_cores:
            continue
        if m.kind == "person":
            convert = len(m.core.split()) == 1
        elif m.kind == "place":
            convert = key not in places
        else:  # an organisation: only when NER is unsure what the name is
            convert = key not in places and labels[key] != {"ORG"} and not _ACRONYM.fullmatch(key)
        if convert:
            m.kind = "facility"


# Short forms of English first names, and the full name each stands for: "Sam Dalembert" is
# Samuel Dalembert, "Mo Cheeks" Maurice Cheeks. One full name each, so that "Sam" and "Samantha"
# stay two people.
# fmt: off
_SHORT_FIRST_NAMES = {
    "al": "albert", "alex": "alexander", "andy": "andrew", "ben": "benjamin", "bill": "william",
    "billy": "william", "bob": "robert", "bobby": "robert", "chris": "christopher",
    "dan": "daniel", "danny": "daniel", "dave": "david", "dick": "richard", "don": "donald",
    "doug": "douglas", "ed": "edward", "eddie": "edward", "fred": "frederick", "gene": "eugene",
    "greg": "gregory", "jeff": "jeffrey", "jim": "james", "jimmy": "james", "joe": "joseph",
    "jon": "jonathan", "ken": "kenneth", "kate": "katherine", "katie": "kathryn",
    "larry": "lawrence", "liz": "elizabeth", "lou": "louis", "matt": "matthew", "mike": "michael",
    "mo": "maurice", "nick": "nicholas", "pat": "patrick", "phil": "philip", "rick": "richard",
    "rob": "robert", "ron": "ronald", "sam": "samuel", "stan": "stanley", "steve": "steven",
    "sue": "susan", "ted": "edward", "terry": "terrence", "tim": "timothy", "tom": "thomas",
    "tommy": "thomas", "tony": "anthony", "vince": "vincent", "walt": "walter", "will": "william",
}
# fmt: on


def _first_name_key(first: str) -> str:
    key = _key(first)
    return _SHORT_FIRST_NAMES.get(key, key)


def _to_people(
    mentions: Sequence[_Mention],
    listed: set[str],
    used: set[str],
    texts: Mapping[tuple[str, int], str],
    respelt: Mapping[str, str],
) -> None:
    """A lone surname (or first name) that ends (or starts) exactly one full name in the story
    is that person, whatever NER typed it ("Lohan" as a place, "Comeaux" as an organisation,
    "Kimani" for Kimani Gray), under any spelling of the full name the story has ("Hasib" for Hassib
    Hussain, also spelt "Hasib Hussain"); a surname that ends several is a person, the one most
    of its articles name first where there is one (:func:`_principal_people`); a first name that
    starts several is none of them ("Mac" beside "Mac Mini" and "Mac Box Set", NER's people).
    Not a surname that is a listed place the story also uses as one ("in Jordan" beside Steven
    Lee Jordan; ``used`` alone is weak: "objected to Lohan's choice"), a first name that is any
    place ("Bali" beside "Bali Roadmap"), a name that starts a longer organisation or place
    ("Kraft" beside "Kraft Foods"), nor a facility ("Sukanya" of "INS Sukanya"). A full name NER
    calls an organisation or facility is a person when its surname speaks alone ("Bettie Page"
    beside "Page said")."""
    speaking = {m.core for m in mentions if m.kind == "person" and m.speaker and " " not in m.core}
    for m in mentions:
        words = m.core.split()
        if (
            m.label in ("ORG", "FAC")
            and len(words) > 1
            and words[-1] in speaking
            and all(w[:1].isupper() for w in words)
            and classify_name(words) == "PERSON"
        ):
            m.kind = "person"
    _words_run_in(mentions)
    renamed = _forms_of_one_name(mentions)
    full = {
        m.core
        for m in mentions
        if m.kind == "person" and len(m.core.split()) > 1 and m.core.split()[-1][:1].isupper()
    }
    last: dict[str, set[str]] = defaultdict(set)
    first: dict[str, set[str]] = defaultdict(set)
    for name in full:
        last[name.split()[-1]].add(name)
        first[name.split()[0]].add(name)
    # "Katie" alone is Kathryn Jenkin, once "Katie Jenkin" has become her name.
    for old, name in renamed.items():
        first[old.split()[0]].add(name)
    for old, name in respelt.items():
        if name in full and len(old.split()) > 1:
            first[old.split()[0]].add(name)
            last[old.split()[-1]].add(name)
    heads = {
        m.core.split()[0]
        for m in mentions
        if m.kind != "person" and len(m.core.split()) > 1 and m.label != "PATTERN"
    }
    facility_cores = {_key(m.core) for m in mentions if m.label in ("PATTERN", "SHIP")}
    principals = _principal_people(mentions, full, texts)
    for m in mentions:
        word = m.core
        if len(word.split()) != 1 or m.label in ("PATTERN", "SHIP"):
            continue
        if m.kind != "person" and (
            _key(word) in (listed & used if word in last else listed | used)
            or _key(word) in facility_cores
            or word in heads
            or _ACRONYM.fullmatch(word)
        ):
            continue
        # A surname before a first name: "Hiller" is Yvonne Hiller, not "Hiller Feuded".
        firsts = set() if _key(word) in listed | used else first.get(word, set())
        candidates = last.get(word) or firsts
        if len(candidates) == 1:
            m.kind, m.core = "person", next(iter(candidates))
        elif word in last:
            m.kind, m.core = "person", principals.get((word, m.courtesy), word)


_PRONOUN = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})


def _principal_people(
    mentions: Sequence[_Mention], full: set[str], texts: Mapping[tuple[str, int], str]
) -> dict[tuple[str, str], str]:
    """Whom a surname alone means where several full names in the story end in it: the one that
    most articles name first, if at least twice as many as name any other first. News names its
    own person first and a relative after, then by first name: "Tony DiLeo ... DiLeo has spent 19
    seasons ... His son, T.J. DiLeo"; every report of Vincent Gigante's death names him before
    his brother Louis. Surnames with no such person are left out: of ECB+'s reports of Scott
    Peterson's sentence four name him first and three his wife Laci, and "Peterson" stays a
    person of its own.

    Keyed by the surname and the courtesy title before it (:attr:`_Mention.courtesy`). Where a
    story has both "Mr" and "Mrs" (or "Miss") with one surname, a titled surname is the first-named
    person of that sex, as the pronouns beside their full name tell (:func:`_sexes`): "Mr.
    Gigante" is Vincent, "Mrs. Gigante" is not; where they do not tell, it stays apart."""
    named_first: dict[tuple[str, str], tuple[int, str]] = {}
    for m in mentions:
        if m.core in full:  # whatever NER called it here
            key = (m.article_key, m.core.split()[-1])
            if key not in named_first or m.sentence_index < named_first[key][0]:
                named_first[key] = (m.sentence_index, m.core)
    leads: dict[str, Counter[str]] = defaultdict(Counter)
    for (_, surname), (_, name) in named_first.items():
        leads[surname][name] += 1
    courtesies: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.courtesy and " " not in m.core:
            courtesies[m.core].add(m.courtesy)
    sexes = _sexes(mentions, full, texts) if any(len(c) > 1 for c in courtesies.values()) else {}

    def first_named(counts: Counter[str]) -> str | None:
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            return ranked[0][0]
        return None

    principals = {}
    for surname, counts in leads.items():
        both = len(courtesies[surname]) > 1
        for courtesy in ("", "m", "f"):
            pool = counts
            if both and courtesy:
                pool = Counter({n: c for n, c in counts.items() if sexes.get(n) == courtesy})
            if person := first_named(pool):
                principals[(surname, courtesy)] = person
    return principals


def _sexes(
    mentions: Sequence[_Mention], full: set[str], texts: Mapping[tuple[str, int], str]
) -> dict[str, str]:
    """The sex, "m" or "f", of each person whose full name is followed, in its sentence and the
    next, by at least two pronouns of one sex and three times as many as of the other."""
    places: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for m in mentions:
        if m.core in full:
            places[m.core].update(
                {(m.article_key, m.sentence_index), (m.article_key, m.sentence_index + 1)}
            )
    sexes = {}
    for name, where in places.items():
        found = Counter(
            "m" if p.lower() in _MALE_PRONOUNS else "f"
            for place in where
            for p in _PRONOUN.findall(texts.get(place, ""))
        )
        for sex, other in (("m", "f"), ("f", "m")):
            if found[sex] >= 2 and found[sex] >= 3 * found[other]:
                sexes[name] = sex
    return sexes


def _words_run_in(mentions: Sequence[_Mention]) -> None:
    """A full name with words run into its front is the name the story also gives without them:
    "Comedian Ellen DeGeneres", "Colts QB Andrew Luck", "Early Years Bettie Mae Page" (a heading),
    "Nixon W. Mark Felt" are Ellen DeGeneres, Andrew Luck, Bettie Mae Page and W. Mark Felt, when
    those are mentioned at least as often."""
    counts = Counter(m.core for m in mentions if m.kind == "person")
    shorter: dict[str, str] = {}
    for core in counts:
        words = core.split()
        for cut in range(1, len(words) - 1):
            rest = words[cut:]
            if (
                counts.get(" ".join(rest), 0) >= counts[core]
                # Not a surname of two words: "Strauss - Kahn", "Van Rompuy", "Vanden Bosch".
                and rest[0].lower() not in NAME_PARTICLES | {"vanden"}
                and "-" not in rest
            ):
                shorter[core] = " ".join(rest)
                break
    for m in mentions:
        if m.kind == "person" and m.core in shorter:
            m.core = shorter[m.core]


_INITIAL = re.compile(r"[A-Z]\.")


def _forms_of_one_name(mentions: Sequence[_Mention]) -> dict[str, str]:
    """One person under full names that differ by a middle name or initial, or by a short form of
    the first name: "Bettie Page" is "Bettie Mae Page", "Frederick C. LaRue" is "Frederick Cheney
    LaRue", "Sam Dalembert" is "Samuel Dalembert", "Mark Felt" is "W. Mark Felt"; all take the
    longest form. Not when two forms' middle initials differ ("George W. Bush", "George H. W.
    Bush"): then "George Bush" could be either, and every form stays apart. Returns the names
    given up, each with the one taken."""
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        words = m.core.split()
        if m.kind == "person" and len(words) > 1:
            # "W. Mark Felt" goes by his middle name: he is "Mark Felt" too.
            given = words[1] if len(words) > 2 and _INITIAL.fullmatch(words[0]) else words[0]
            forms[(_first_name_key(given), _key(words[-1]))].add(m.core)
    longest: dict[str, str] = {}
    for names in forms.values():
        initials = {tuple(w[0].upper() for w in n.split()[1:-1]) for n in names} - {()}
        if len(names) > 1 and len(initials) <= 1:
            chosen = max(names, key=lambda n: (len(n.split()), len(n), n))
            longest.update(dict.fromkeys(names, chosen))
    for m in mentions:
        if m.core in longest:  # whatever NER called it here: "Robyn Mendes" is a name it knows
            m.core, m.kind = longest[m.core], "person"
    return {name: chosen for name, chosen in longest.items() if name != chosen}


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed, or two next to each other swapped ("Verlome",
    "Verolme"; "Alexander", "Alexandre")."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    swapped = a[i + 1 : i + 2] + a[i : i + 1]
    if len(a) == len(b) and len(swapped) == 2 and b[i : i + 2] == swapped:
        return a[i + 2 :] == b[i + 2 :]
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def _spelling_variants(mentions: Sequence[_Mention]) -> dict[str, str]:
    """Names one letter apart are one name in a story: "Jabalya" and "Jabaliya refugee camp",
    "Malcom Tucker" and "Malcolm Tucker", "Central Elections Commission", "Sea Micro". They take
    the spelling most mentions use, and the kind NER gave most of them. Not short names
    ("Angels", "Angeles"), acronyms, nor names whose numbers differ ("115th Street"). Returns the
    spellings given up, each with the one taken."""
    by_key: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_key[_key(m.core)].append(m)
    keys = [k for k in by_key if len(k) >= 8 and not _ACRONYM.fullmatch(k)]
    by_deletion: dict[str, list[str]] = defaultdict(list)
    for key in keys:  # keys one edit apart share the key itself or one of its deletions
        for variant in {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}:
            by_deletion[variant].append(key)
    parent = {k: k for k in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for similar in by_deletion.values():
        for i, a in enumerate(similar):
            for b in similar[i + 1 :]:
                if re.findall(r"\d+", a) == re.findall(r"\d+", b) and _one_edit_apart(a, b):
                    parent[root(a)] = root(b)
    families: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        families[root(key)].append(key)

    def uses(key: str) -> int:  # "Cancellara" also counts in "Fabian Cancellara"
        return sum(len(found) for k, found in by_key.items() if f" {key} " in f" {k} ")

    respelt: dict[str, str] = {}
    for family in families.values():
        if len(family) < 2:
            continue
        main = max(family, key=lambda k: (uses(k), k))
        core = Counter(m.core for m in by_key[main]).most_common(1)[0][0]
        kind = Counter(m.kind for k in family for m in by_key[k]).most_common(1)[0][0]
        for key in family:
            for m in by_key[key]:
                if m.core != core:
                    respelt[m.core] = core
                m.core, m.kind = core, kind
    return respelt


def _capitals(mentions: Sequence[_Mention]) -> None:
    """A name in capitals of four letters or more is the name written in small letters too
    ("SEACOM" and "Seacom", "TARDIS" and "Tardis"); not a shorter one ("US" is not "Us")."""
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if not m.core.isupper():
            written[m.core.casefold()][m.core] += 1
    for m in mentions:
        if m.core.isupper() and len(m.core) >= 4 and (forms := written.get(m.core.casefold())):
            m.core = forms.most_common(1)[0][0]


def _expand_acronyms(mentions: Sequence[_Mention]) -> None:
    """An acronym joins the one full name in the story with its initials ("TDCJ" -> "Texas
    Department of Criminal Justice", "U.N." -> "United Nations"), else the one that spells out
    all but an acronym of its own ("USGS" -> "US Geological Survey"); two candidates: neither. A
    name opening with a well-known one joins its spelt-out form when the story has it ("U.S.
    Geological Survey" -> "United States Geological Survey")."""
    full: dict[str, set[str]] = defaultdict(set)
    spelt_out: dict[str, set[str]] = defaultdict(set)  # "US Geological Survey" for "USGS"
    kinds: dict[str, str] = {}
    for m in mentions:
        if m.kind != "person" and len(m.core.split()) > 1:
            full[_initials(m.core)].add(_key(m.core))
            spelt_out[_initials(m.core, spell_acronyms=True)].add(_key(m.core))
            kinds.setdefault(_key(m.core), m.kind)
    by_key = {_key(m.core): m.core for m in mentions}
    for m in mentions:
        first, _, rest = m.core.partition(" ")
        spelt = _ACRONYMS.get(_key(first)) if rest and m.kind != "person" else None
        if spelt and _key(f"{spelt} {rest}") in by_key:
            m.core = by_key[_key(f"{spelt} {rest}")]
            continue
        acronym = _key(m.core)
        if m.kind == "person" or not _ACRONYM.fullmatch(acronym):
            continue
        fixed = _ACRONYMS.get(acronym)
        targets = {_key(fixed)} if fixed else full.get(acronym) or spelt_out.get(acronym, set())
        if len(targets) != 1:
            continue
        target = next(iter(targets))
        if target in by_key:
            m.core = by_key[target]
            if m.kind in ("place", "organisation") and kinds.get(target) in (
                "place",
                "organisation",
            ):
                m.kind = kinds[target]
        elif fixed:
            m.core = fixed


def _areas(mentions: Sequence[_Mention]) -> None:
    """A place and the same place named with its kind of area are one: "Qeshm" and "Qeshm
    Island", "Aceh" and "Aceh province", "Atlantic" and "Atlantic Ocean"."""
    places = {_key(m.core): m.core for m in mentions if m.kind == "place"}
    for m in mentions:
        head, _, area = m.core.rpartition(" ")
        if m.kind == "place" and head and area.lower() in _AREA_WORDS and _key(head) in places:
            m.core = places[_key(head)]


_SMALL_WORD = re.compile(r"(?<![\w'’\-])[a-z]+(?![\w\-])")


def _common_words(mentions: Sequence[_Mention], small: Counter[str]) -> set[str]:
    """One-word organisations the story writes more often in small letters, and capitalises once
    or twice: a common noun opening a sentence or a heading ("Justice has been served", "Groups
    of young people roamed", "Sheriff"). Not "Navy" or "Parliament", capitalised throughout; not
    people and places, whose names are also words ("Rice", "Young", "Gulf")."""
    capitalised = Counter(
        m.core
        for m in mentions
        if " " not in m.core and m.core[:1].isupper() and m.core[1:].islower()
    )
    named = {m.core for m in mentions if m.kind in ("person", "place")}
    return {
        word
        for word, count in capitalised.items()
        if count <= 2 and word not in named and small[word.lower()] >= 2
    }


def _qualified_organisations(mentions: Sequence[_Mention]) -> None:
    """An organisation's name that ends exactly one longer organisation's name in the story is
    that organisation: "Daily News" and "New York Daily News", "Geological Survey" and "US
    Geological Survey", "Saints" and "New Orleans Saints" (not an acronym: "NFC"). A longer name
    that is debris run into a name the story has ("IE9 Computerworld - Microsoft") is that name."""
    names = {_key(m.core): m.core for m in mentions if m.kind == "organisation"}
    qualified: dict[str, str] = {}
    debris: dict[str, str] = {}
    for key, name in names.items():
        if len(key) < 3 or _ACRONYM.fullmatch(key):
            continue
        fronts = {k: _front(names[k], name) for k in names if k != key and k.endswith(f" {key}")}
        longer = [k for k, front in fronts.items() if front == "name"]
        # One name, or one chain of them: "Blazers", "Trail Blazers", "Portland Trail Blazers"
        longest = max(longer, key=len, default="")
        if longer and all(longest.endswith(f" {k}") or k == longest for k in longer):
            qualified[key] = names[longest]
        for k, front in fronts.items():  # the longest name the debris runs into
            if front == "debris" and len(name) > len(debris.get(k, "")):
                debris[k] = name
    for m in mentions:
        if m.kind != "organisation":
            continue
        key = _key(m.core)
        if (core := qualified.get(key)) is not None:
            m.core, m.stood_for = core, _key(core)
        elif (core := debris.get(key)) is not None:
            m.core = qualified.get(_key(core), core)
            m.stood_for = _key(m.core)


_NAME_WORD = re.compile(r"[A-Z0-9][\w.&\-]*")
# Small words inside names: joining words, and the particles that begin surnames.
_NAME_JOINS = NAME_PARTICLES | _names("of the and for on in to des y")
_NOT_QUALIFIERS = _names("This That These Those The RIP Chair Former")


def _front(longer: str, short: str) -> str | None:
    """How the words a longer name has before a short one read: "name" ("New Orleans" of "New
    Orleans Saints", "Ministry of" of "Ministry of Defence"), "debris" run into the short name
    ("IE9 Computerworld - Microsoft", "BlackBerry maker Research In Motion", "Eastern
    Conference's Atlantic Division"), else None ("Medical Association of the State of
    Alabama" is not "State of Alabama", nor is it "debris")."""
    words, tail = longer.split(), short.split()
    folded = [w.casefold() for w in tail]
    if len(words) <= len(tail) or [w.casefold() for w in words[-len(tail) :]] != folded:
        return None
    front = words[: -len(tail)]
    if any(
        w in _NOT_QUALIFIERS
        or re.search(r"['’]s?$", w)
        or not (_NAME_WORD.fullmatch(w) or w in _NAME_JOINS)
        for w in front
    ):
        return "debris"
    return "name" if front[-1] not in _NAME_JOINS - {"of"} else None


# Words that end organisations' names but also people's ("Margaret Court", "Eddie House").
_ALSO_SURNAMES = frozenset(
    ["court", "house", "post", "press", "bank", "fund", "times", "news", "guardian", "herald"]
)
# And words that end organisations' names and, as far as news goes, no one's: "Rite Aid",
# "Cricket Wireless", "Alpine Guides", "Tony Awards", "Matanuska Maid Creamery".
_HEADS_NO_PERSON = (
    ORG_WORDS
    | {"fire", "rescue", "services", "aid", "wireless", "guides", "awards", "tribune", "gazette"}
    | {"chronicle", "airlines", "airways", "motors", "studios", "pictures", "magazine", "society"}
    | {"technologies", "labs", "entertainment", "media", "communications", "holdings", "foods"}
    | {"stores", "creamery"}
) - _ALSO_SURNAMES


# The last word of a building's or a landmark's name ("Agustín Ross Balcony", "Jubilee Gardens").
_LANDMARK_HEADS = FACILITY_WORDS | {
    "square", "garden", "gardens", "balcony", "cathedral", "plaza", "monument", "memorial",
    "palace", "tower", "park", "hill", "church", "bridge", "museum", "hotel", "hospital",
}  # fmt: skip


_COUNTY = re.compile(r"[A-Z][a-z]+shire")


def _not_people(mentions: Sequence[_Mention]) -> None:
    """A "person" whose name ends with an organisation's head word is that organisation ("Surrey
    Police", "Harry Winston Diamond Corp."), and one whose name ends with a landmark's head word
    that is no common surname is that facility ("Agustín Ross Balcony", "Jubilee Gardens"; not
    "Dante Hall", "P.J. Hill"), as NER's small model does not see. A "person" of one word that
    ends as an English county's name does is that county ("Bedfordshire")."""
    for m in mentions:
        words = m.core.split()
        if m.kind != "person":
            continue
        if len(words) == 1:
            if _COUNTY.fullmatch(words[0]):
                m.kind = "place"
            continue
        last = words[-1].lower().strip(".")
        if last in _HEADS_NO_PERSON:
            m.kind = "organisation"
        elif last in _LANDMARK_HEADS and not _common_surname(words[-1]):
            m.kind = "facility"


# Organisations' head words that also end places' names: "Russian Federation", "Soviet Union".
_PLACE_HEADS_TOO = frozenset(("federation", "union"))


def _not_places(mentions: Sequence[_Mention]) -> None:
    """A "place" whose name ends with an organisation's head word is that organisation ("West
    Yorkshire Police", "Salt Lake Tribune"), as NER's small model does not see."""
    for m in mentions:
        words = m.core.split()
        if m.kind == "place" and len(words) > 1:
            head = words[-1].lower().strip(".")
            if head in _HEADS_NO_PERSON and head not in _PLACE_HEADS_TOO:
                m.kind = "organisation"


def _not_facilities(mentions: Sequence[_Mention]) -> None:
    """What NER's small model calls a facility but is not one: a person with a title run into
    the front ("Qeshm Governor Mehdi Irannejad") or under a surname the story gives a person
    ("Mo Cheeks" beside Maurice Cheeks), and a team ("Jacksonville Jaguars", "Trail Blazers");
    not a name with a particle ("Notre-Dame de Paris", "Le Grand Départ")."""
    surnames = {
        m.core.split()[-1] for m in mentions if m.kind == "person" and len(m.core.split()) > 1
    }
    found: dict[str, tuple[str, str]] = {}  # key -> (kind, core)
    for m in mentions:
        words = m.core.split()
        if m.kind != "facility" or m.label != "FAC" or len(words) < 2:
            continue
        if any(w.casefold() in _NAME_JOINS for w in words):
            continue
        titled = [i for i, w in enumerate(words[:-2]) if is_title_word(w)]
        if titled and classify_name(rest := words[titled[0] + 1 :]) == "PERSON":
            found[_key(m.core)] = ("person", " ".join(rest))
        elif classify_name(words) == "PERSON" and words[-1] in surnames:
            found[_key(m.core)] = ("person", m.core)
        elif re.fullmatch(r"[A-Z0-9][\w\-]*[a-rt-z]s", words[-1]) and classify_name(words) != "FAC":
            found[_key(m.core)] = ("organisation", m.core)
    for m in mentions:
        if m.kind == "facility" and (kind_core := found.get(_key(m.core))):
            m.titled = m.titled or m.core != kind_core[1]  # the governor is a person anywhere
            m.kind, m.core = kind_core


def _streets(mentions: Sequence[_Mention]) -> None:
    """A street or a square is a place, whatever NER called it: a person ("Avenue Montaigne",
    "Byberry Road"), an organisation ("Rue de Castiglione", "Pitkin Ave"), a facility ("Park
    Avenue", "Syntagma Square")."""
    for m in mentions:
        if _is_street(m.core):
            m.kind = "place"


_NUMBERED = re.compile(r"[\w.+\-]*\d[\w.+\-]*")


def _numbered(mentions: Sequence[_Mention]) -> None:
    """A "person" or "place" with a number in its name that is no ordinal is a product, a
    channel or a flight, as NER calls most of those organisations: "AF447", "BBC1", "NBC10",
    "DDR3 SDRAM", "Core 2 Duo", "IE9" (not "John S. Pritchard 3rd", nor a street: "117th
    Street", "10 Downing Street")."""
    for m in mentions:
        if (
            m.kind in ("person", "place")
            and any(_NUMBERED.fullmatch(w) and not _ORDINAL.fullmatch(w) for w in m.core.split())
            and not _is_street(m.core)
        ):
            m.kind = "organisation"


def _same_kind(mentions: Sequence[_Mention], used: set[str], named: set[str]) -> None:
    """One name is one thing in a story: a name NER calls a place here and an organisation or a
    person there ("Lebanon", "Gaza", "Pichilemu") takes the kind most of its mentions have; a
    single word the story uses as a place ("near Lolol", "south of Pichilemu") and never as a
    person speaking ("Arjona said"), and a name a place noun names ("the port city of Bandar
    Abbas"), are places whatever NER called them; a name the story gives a role as it speaks
    ("Judge Bodiford said") is a person whatever NER called it."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    speakers = {_key(m.core) for m in mentions if m.speaker}
    titled = {_key(m.core) for m in mentions if m.titled}
    # A surname of someone the story names in full is no place: "Robertson" (Terry Robertson)
    speakers |= {
        _key(m.core.split()[-1]) for m in mentions if m.kind == "person" and len(m.core.split()) > 1
    }
    for m in mentions:
        if m.kind in ("place", "organisation", "person") and m.label not in ("PATTERN", "SHIP"):
            votes[_key(m.core)][m.kind] += 1
    for m in mentions:
        key = _key(m.core)
        if m.kind not in ("place", "organisation", "person") or m.label in ("PATTERN", "SHIP"):
            continue
        if key in titled:
            m.kind = "person"
        elif key in named or (key in used and len(m.core.split()) == 1 and key not in speakers):
            m.kind = "place"
        elif m.kind != "person":
            # A person by most of its mentions ("Wikinews reporter Diego Grez"), else the place
            # or organisation most of them are.
            others = Counter({k: n for k, n in votes[key].items() if k != "person"})
            if votes[key]["person"] > sum(others.values()):
                m.kind = "person"
            else:
                m.kind = max(others.items(), key=lambda kv: (kv[1], kv[0] == "place"))[0]


def _one_kind(mentions: Sequence[_Mention]) -> None:
    """A name is one thing in a story, though NER may call it a person in one sentence and an
    organisation in the next ("Stephenie Meyer", "BlackBerry", "Drake"): a person where a mention
    has a title or is the full name a lone surname was found to be; else the kind of at least
    twice as many of its mentions as any other ("SEACOM said" does not make a company a person);
    of an even split, the place when the world knows one by that name and no mention makes it
    someone ("felt in Colina, Santiago (Santiago Metropolitan)" beside "southwest of Santiago").
    Another even split stays as NER had it."""
    by_key: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind in ("place", "organisation", "person") and m.label not in ("PATTERN", "SHIP"):
            by_key[_key(m.core)].append(m)
    for group in by_key.values():
        kinds = Counter(m.kind for m in group).most_common()
        if len(kinds) < 2:
            continue
        if any(
            m.kind == "person" and (m.titled or len(m.core.split()) > len(m.text.split()))
            for m in group
        ):
            kind = "person"
        elif kinds[0][1] >= 2 * kinds[1][1]:
            kind = kinds[0][0]
        elif (
            kinds[0][1] == kinds[1][1]
            and "place" in (kinds[0][0], kinds[1][0])
            and gazetteer.is_place(group[0].core)
            and not any(m.speaker or m.titled or m.courtesy for m in group)
        ):
            kind = "place"
        else:
            continue
        for m in group:
            m.kind = kind


# A word of a person's or a place's name: a capital, then small letters ("Klöden", "Mendez-Valdez");
# not an acronym ("YOW").
_GIVEN_OR_FAMILY_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ][\w'’]*(?:-[A-ZÀ-ÖØ-Þ][\w'’]*)?")
# Surnames among the US census's most common (Santiago 308, Webster 395, Bolton 948, Khan 1,728):
# a lone one is someone's surname before it is a town's name.
_SURNAME_BEFORE_TOWN_RANK = 10_000


def _common_surname(word: str) -> bool:
    return (gazetteer.surname_rank(word) or _SURNAME_BEFORE_TOWN_RANK + 1) <= (
        _SURNAME_BEFORE_TOWN_RANK
    )


def _world_places(mentions: Sequence[_Mention], small: Counter[str]) -> None:
    """A "person" the world knows as a place (:mod:`~newsdesk.attribute.gazetteer`) is that
    place when nothing in the story makes it someone: NER's small model calls "Sri Lanka",
    "Bío Bío", "Constitución", "Bandar Abbas" and "Al Ain" people. Not when its first word is a
    first name ("Santiago", "Victoria"; an opener of names such as "Al" or "San" is none) and
    its last a common surname or the first word itself ("Sri Lanka" is the place), nor a
    single word that is a common surname, a word the story also writes in small letters
    ("Young", "Green"), part of a person's name in the story ("Kent Page") or a place in none of
    the countries of the story's places ("Obama", a Japanese town, in a story set in the US), nor
    a name that speaks ("Arjona said"), has a title or a courtesy title, nor an acronym
    ("YOW"). A single-word "organisation" is such a place on the same terms, when at least half
    its mentions follow "in", "from", "near" or the like ("searched in Dewsbury"): companies and
    teams share towns' names (Toyota, Evansville's team)."""
    person_words = {
        word for m in mentions if m.kind == "person" and " " in m.core for word in m.core.split()
    }
    story_countries = {
        country
        for core in {m.core for m in mentions if m.kind == "place"}
        for country in gazetteer.countries_of(core)
    }
    groups: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind in ("person", "organisation") and m.label not in ("PATTERN", "SHIP"):
            groups[(m.kind, _key(m.core))].append(m)
    for (kind, _), group in groups.items():
        words = group[0].core.split()
        if kind == "organisation" and (
            # a company or a team may share a town's name: a town only where the story puts
            # things in it or near it ("searched in Dewsbury"), in half its mentions or more
            len(words) > 1 or 2 * sum(m.place_context for m in group) < len(group)
        ):
            continue
        if (
            not all(_GIVEN_OR_FAMILY_NAME.fullmatch(w) or w in _NAME_JOINS for w in words)
            or any(m.speaker or m.titled or m.courtesy for m in group)
            or not gazetteer.is_place(group[0].core)
            or (
                gazetteer.first_name_frequency(words[0])
                and words[0] not in _NAME_OPENERS
                # "Sri Lanka", "Diamond Bar": after a first name, no common surname
                and (len(words) == 1 or _common_surname(words[-1]))
            )
        ):
            continue
        if len(words) == 1 and (
            words[0] in person_words
            or small[words[0].lower()]
            or _common_surname(words[0])
            or not gazetteer.countries_of(words[0]) & story_countries
        ):
            continue
        for m in group:
            # By the name the world knows, not NER's span ("Sri Lanka - approximately 28,500").
            m.kind, m.text = "place", m.core


# First words of organisations', places' and facilities' names that are also first names
# somewhere: "Al Jazeera", "Le Monde", "San Diego", "Sun Herald", "Abu Ghraib", "Major League".
_NAME_OPENERS = _names(
    "Al El Le La Les Los Las San Santa Santo Saint St Sun Key Major Grand Royal Abu Old New Lake"
    " Mount Port Fort"
)
_MIDDLE_INITIAL = re.compile(r"[A-Z]\.?")
# Surnames this common make a person of a rare first name before them ("Evans" 48).
_VERY_COMMON_SURNAME_RANK = 2_000
# The first name must be a common one (gender-guesser's frequency, summed over countries: Des
# 4, Stephane 24, Paul 118), not a rare one that may be a word or a place ("Iban" 1), unless a
# very common surname follows (:func:`_rare_first_name`).
_COMMON_FIRST_NAME = 3
_NOT_SURNAMES = (
    _HEADS_NO_PERSON | _ALSO_SURNAMES | FACILITY_WORDS | _FACILITY_WORDS | _PLACE_WORDS
    | _STREET_LAST | _COMPANY_SUFFIXES | _STREET_ABBREVIATIONS.keys()
    # census surnames too: "Pearl Harbor", "Warner Brothers", "Crystal Springs"
    | {"harbor", "harbour", "brothers", "springs", "falls", "heights"}
)  # fmt: skip


def _rare_first_name(first: str, last: str) -> bool:
    """A first name too rare for the lists ("Cadel" of "Cadel Evans", "Iban" of "Iban Mayo")
    before one of the most common surnames: no word of English's, nor of a dictionary's. Not of
    a facility, whose head word may be a surname too ("Qwest Field")."""
    rank = gazetteer.surname_rank(last)
    return (
        rank is not None
        and rank <= _VERY_COMMON_SURNAME_RANK
        and not gazetteer.english_word(first)
        and not gazetteer.dictionary_word(first)
    )


def _first_and_last_names(mentions: Sequence[_Mention], small: Counter[str]) -> None:
    """An organisation, place or facility named as a person is named, a common first name then a
    surname ("Stephane Auge", "Waheed Mahmood", "Andreas Klöden", "Russell T Davies"), is that
    person: NER's small model misses many foreign names. The surname alone is then the person too.
    Not when the first word is also one the story writes in small letters ("One Discotheque"), or
    opens names though a first name too ("Al Jazeera", "San Diego"); nor when the last word heads
    other names ("Betty Ford Center", "Marin County", "Christian Post"), is a title ("German
    Chancellor"), a place that is no common surname ("Sierra Nevada"; but "Eddie Murphy",
    though Murphy is a Texan town) or an English word that is no common surname
    ("Carolina Panthers", "Santiago Metropolitan", "Roman Catholic"); nor after "the" ("the
    Harry Winston"), nor when the name opens or ends a longer one ("Santiago Metropolitan
    Region", "Agustín Ross Balcony")."""
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind in ("organisation", "place", "facility") and m.label not in ("PATTERN", "SHIP"):
            groups[_key(m.core)].append(m)
    cores = {m.core for m in mentions}
    found: dict[str, set[str]] = {}  # surname -> the full names made people
    for group in groups.values():
        core = group[0].core
        words = core.split()
        first, last = words[0], words[-1]
        if not (
            (len(words) == 2 or (len(words) == 3 and _MIDDLE_INITIAL.fullmatch(words[1])))
            and _GIVEN_OR_FAMILY_NAME.fullmatch(first)
            and _GIVEN_OR_FAMILY_NAME.fullmatch(last)
            and first not in _NAME_OPENERS
            # a double first name by its first part: "Paul-Lois", "Jean-Max"
            and (
                gazetteer.first_name_frequency(first.split("-")[0]) >= _COMMON_FIRST_NAME
                or (group[0].kind != "facility" and _rare_first_name(first, last))
            )
            and not small[first.lower()]  # "One Discotheque"
        ):
            continue
        if (
            last.lower() in _NOT_SURNAMES
            or is_title_word(last)  # "German Chancellor"
            or not gazetteer.surname_like(last)
            or (gazetteer.surname_rank(last) is None and small[last.lower()])
            or (gazetteer.is_place(last) and not _common_surname(last))
            or gazetteer.is_place(core)
            or any(_LEADING.match(m.text) for m in group)
            or any(c.startswith(f"{core} ") or c.endswith(f" {core}") for c in cores)
        ):
            continue
        for m in group:
            m.kind = "person"
        found.setdefault(last, set()).add(core)
    # The surname alone is the person too ("Davies" beside "Russell T Davies").
    for m in mentions:
        if m.kind != "person" and len(full := found.get(m.core, set())) == 1:
            m.kind, m.core = "person", next(iter(full))


def _no_ones_name(group: Sequence[_Mention]) -> bool:
    """A "person" that never speaks nor has a title or courtesy title, and whose name is no one's:
    one word that is a dictionary's and no first name or common surname, or an acronym (NER's
    small model calls "Twitter", "Map", "Greeks", "Polynesia" and "SAG" people); or a name whose
    last word is a dictionary's and an English word but no surname, after no common first name
    ("Gigabit Ethernet", "Heisman Trophy", "Slumdog Millionaire"; not "Christopher Air" or
    "Leo XIII"), or whose first word is a dictionary's and no first name, before a last word that
    is no name ("Grand Départ"). Not when the lists are missing."""
    words = group[0].core.split()
    if not all(gazetteer.available().values()):
        return False
    if any(m.speaker or m.titled or m.courtesy for m in group):
        return False
    if len(words) == 1:
        if _ACRONYM.fullmatch(words[0]):
            return True
        if gazetteer.first_name_frequency(words[0]) or _common_surname(words[0]):
            return False
        return gazetteer.dictionary_word(words[0])  # "Obama" is in no dictionary
    first, last = words[0], words[-1]
    no_surname = gazetteer.surname_rank(last) is None
    return (
        no_surname
        and gazetteer.dictionary_word(last)
        and gazetteer.english_word(last)
        and not _GENERATION.fullmatch(last)
        and gazetteer.first_name_frequency(first.split("-")[0]) < _COMMON_FIRST_NAME
    ) or (
        # A dictionary's word first, neither a first name, an initial nor a title, and a last
        # word that is no one's name either: "Grand Départ", "Rotten Tomatoes", "Bali Roadmap"
        # (not "CC Sabathia", "Ayatollah Khamenei", "Dependable Doug").
        no_surname
        and gazetteer.dictionary_word(first)
        and not _ACRONYM.fullmatch(first)
        and not is_title_word(first)
        and not gazetteer.first_name_frequency(first.split("-")[0])
        and not gazetteer.first_name_frequency(last.split("-")[0])
    )


# A generation after a name: "Leo XIII", "Anthony LaCalamita III", "Herbert Flynn Jr".
_GENERATION = re.compile(r"[IVX]+|Jr\.?|Sr\.?")


def _display(group: Sequence[_Mention], kind: str) -> str:
    aliases = Counter(m.text for m in group)
    if kind == "facility":
        name = max(aliases, key=lambda a: (len(a.split()), aliases[a]))
        return _LEADING.sub("", name)
    if kind == "person":
        return max((m.core for m in group), key=lambda c: (len(c.split()), c))
    forms = Counter(
        _STATES.get(f, f) for f in (re.sub(r"['’]s?$", "", _LEADING.sub("", m.text)) for m in group)
    )
    # The name a short form was found to stand for: "New Orleans Saints", not "Saints".
    whole = Counter({f: n for f, n in forms.items() if any(_key(f) == m.stood_for for m in group)})
    forms = whole or forms
    named = (
        Counter({f: n for f, n in forms.items() if f[:1].isupper()}) or forms
    )  # "Navy", not "navy"
    # Spelt out, no suffix: "United Kingdom" over "UK", "Church Avenue" over "Church Ave",
    # "Intel" over "Intel Corp.".
    full = Counter(
        {
            f: n
            for f, n in named.items()
            if not _ACRONYM.fullmatch(f.replace(".", ""))
            and f.split()[-1].lower().strip(".,")
            not in _STREET_ABBREVIATIONS.keys() | _COMPANY_SUFFIXES
        }
    )
    return (full or named).most_common(1)[0][0]


def extract_entities(articles: Sequence[Article], nlp: NLPArg = None) -> list[Entity]:
    """Entities of a set of articles, merged across articles, most mentioned first."""
    bodies = [body_and_sentences(a.text) for a in articles]
    all_spans = entity_spans([b for b, _ in bodies], nlp)
    mentions: list[_Mention] = []
    outlet_names = sorted({a.outlet for a in articles if a.outlet})
    for article, (body, sentences), spans in zip(articles, bodies, all_spans, strict=True):
        mentions.extend(_mentions(article, body, sentences, spans, outlet_names))
    mentions = _split_pairs(mentions)
    # First, so that a lone surname meets one spelling of its full name ("Berdymukhamedov").
    respelt = _spelling_variants(mentions)
    _capitals(mentions)

    named = {_key(m.core) for m in mentions if m.named}  # "the town of Woodburn"
    listed = _listed_places(mentions) | named
    used = {_key(m.core) for m in mentions if m.known_place}  # "in Texas", "Huntsville, Texas"
    # "Maule" beside "Maule Region": the head of a place named with a place word
    used |= {
        _key(m.core.split()[0])
        for m in mentions
        if m.kind == "place"
        and len(m.core.split()) == 2
        and m.core.split()[1].lower() in _PLACE_WORDS
    }
    _to_facilities(mentions, listed | used)
    texts = {
        (article.key, index): body[start:end]
        for article, (body, sentences) in zip(articles, bodies, strict=True)
        for start, end, index in sentences
    }
    _to_people(mentions, listed, used, texts, respelt)
    _expand_acronyms(mentions)
    _same_kind(mentions, used, named)
    _not_people(mentions)
    _not_places(mentions)
    _not_facilities(mentions)
    _forms_of_one_name(mentions)  # once more, for the people just found ("Mo Cheeks")
    _streets(mentions)
    _numbered(mentions)
    _one_kind(mentions)
    small = Counter(w for body, _ in bodies for w in _SMALL_WORD.findall(body))
    _world_places(mentions, small)
    _first_and_last_names(mentions, small)
    _areas(mentions)
    _qualified_organisations(mentions)

    common = _common_words(mentions, small)
    groups: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for m in mentions:
        if (
            m.core in common
            or _key(m.core) in _COMMON_ACRONYMS
            or (m.kind == "person" and m.core.split()[-1].lower() in ROLES_NOT_NAMES)
        ):
            continue  # not "Murdering Sheriff" (of "Charged with Murdering Sheriff's Deputy")
        groups[(m.kind, _key(m.core))].append(m)
    entities: list[Entity] = []
    for (kind, _), group in groups.items():
        if not any(c.isupper() for m in group for c in m.text):
            continue  # "navy" joins "Navy"; alone, lower case is no name ("meth", "berserk")
        if kind == "person" and _no_ones_name(group):
            continue
        entities.append(
            Entity(
                name=_display(group, kind),
                kind=kind,
                aliases=sorted({m.text for m in group}),
                mentions=[EntityMention(m.article_key, m.sentence_index, m.text) for m in group],
            )
        )
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


def find_entity(entities: Sequence[Entity], name: str) -> Entity | None:
    """The entity a user means by ``name`` (canonical name or any alias, case-insensitive, with
    or without "the", periods or hyphens: "U.N. Security Council" finds "the UN Security
    Council")."""
    wanted = name.casefold().strip()
    bare = _core(name, "person").casefold()
    for entity in entities:
        names = {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}
        if wanted in names or bare in names:
            return entity
    key = _key(_LEADING.sub("", name.strip()))
    for entity in entities:
        if key in {_key(_LEADING.sub("", n)) for n in (entity.name, *entity.aliases)}:
            return entity
    for entity in entities:
        if wanted in entity.name.casefold():
            return entity
    return None

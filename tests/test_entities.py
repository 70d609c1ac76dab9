"""Entity extraction and cross-article normalisation on seed-brief sentences, both NER paths."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from corpus import ECBPLUS, WIKINEWS
from newsdesk.attribute.entities import extract_entities, find_entity
from newsdesk.attribute.nlp import NER_MAX_CHARS, entity_spans, fork_is_safe, load_nlp
from newsdesk.config import Settings
from newsdesk.models import Article, Provenance
from newsdesk.sources import read_sources

ROOT = Path(__file__).resolve().parents[1]

PATHS = [
    pytest.param(None, id="spacy", marks=pytest.mark.skipif(load_nlp() is None, reason="no model")),
    pytest.param(False, id="fallback"),
]


def art(key: str, text: str) -> Article:
    return Article(key=key, title="", text=text, outlet=key, provenance=Provenance(key))


def wikinews_article(name: str) -> Article:
    """A bundled WikiNews article (examples/wikinews/NAME.english), whole, as Wikinews's."""
    text = (WIKINEWS / f"{name}.english").read_text(encoding="utf-8")
    return Article(key=name, title="", text=text, outlet="Wikinews", provenance=Provenance(name))


ARTICLES = [
    art(
        "post",
        "And new satellite imagery from the Sohae Satellite Launching Station on North Korea's "
        "west coast suggests workers are dismantling an engine test stand, in line with a promise "
        "made to President Trump.",
    ),
    art(
        "diplomat",
        "Additional satellite photos show work now underway at the Sanumdong research facility "
        "near the capital city of Pyongyang. Work continued at the Sohae site, analysts said. "
        "News that the North Koreans are potentially developing new weapons would be a heavy blow "
        "to President Donald Trump's efforts at diplomacy.",
    ),
]


@pytest.mark.parametrize("nlp", PATHS)
def test_facility_spellings_merge_into_one_entity(nlp: object) -> None:
    entities = extract_entities(ARTICLES, nlp=nlp)
    sohae = find_entity(entities, "Sohae site")
    assert sohae is not None and sohae.kind == "facility"
    assert sohae.name == "Sohae Satellite Launching Station"
    assert sohae.article_keys == ["post", "diplomat"]
    sanumdong = find_entity(entities, "Sanumdong research facility")
    assert sanumdong is not None and sanumdong.kind == "facility" and sanumdong is not sohae
    assert sanumdong.mentions[0].sentence_index == 0


@pytest.mark.parametrize("nlp", PATHS)
def test_person_titles_and_surnames_merge(nlp: object) -> None:
    entities = extract_entities(ARTICLES, nlp=nlp)
    trump = find_entity(entities, "Donald Trump")
    assert trump is not None and trump.kind == "person"
    assert {m.article_key for m in trump.mentions} == {"post", "diplomat"}
    assert find_entity(entities, "President Trump") is trump
    assert find_entity(entities, "Kangson") is None


@pytest.mark.skipif(load_nlp() is None, reason="no spaCy model")
def test_ner_on_two_processes_finds_the_same_spans_as_one() -> None:
    # In a fresh single-threaded interpreter (where forking is safe), 240 real WikiNews
    # paragraphs through spaCy on two forked processes and on one: identical spans.
    script = """
import json, sys
from pathlib import Path
from newsdesk.attribute.nlp import clear_cache, entity_spans, fork_is_safe
assert fork_is_safe()
paragraphs = [p for f in sorted(Path("examples/wikinews").glob("*.english"))
              for p in f.read_text(encoding="utf-8").split("\\n\\n") if len(p.split()) > 20][:240]
assert len(paragraphs) == 240
two = entity_spans(paragraphs, processes=2)
clear_cache()
one = entity_spans(paragraphs, processes=1)
assert two == one and sum(map(len, one)) > 500
print("ok")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


def test_forking_is_not_safe_beside_other_threads() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not fork_is_safe()
    finally:
        stop.set()
        thread.join()


@pytest.mark.skipif(load_nlp() is None, reason="no spaCy model")
def test_ner_reads_only_the_first_part_of_a_huge_article() -> None:
    """A 200,000-character article went to spaCy whole (a 9 MB page: ~570 MB extra peak)."""
    filler = "The talks went on for hours and nothing was agreed by the end of the day. " * 1_000
    text = (
        "Angela Merkel met union leaders in Berlin on Monday.\n\n"
        f"{filler}\n\nJacinda Ardern flew to Wellington on Tuesday, officials said."
    )
    assert len(text) > 1.4 * NER_MAX_CHARS
    spans = entity_spans([text])[0]
    assert {s.text for s in spans} >= {"Angela Merkel", "Berlin"}
    assert max(s.end for s in spans) <= NER_MAX_CHARS
    entities = extract_entities([art("long", text)])
    assert find_entity(entities, "Angela Merkel") is not None
    assert find_entity(entities, "Jacinda Ardern") is None


# --- rules from the audit of 83 stored stories (ECB+ and WikiNews); sentences from those stores --

TEXAS = [
    art(
        "ecb3",
        "A Texas inmate escaped from a prison van near Houston after pulling a gun on two guards "
        "who were transporting him between prisons, according to a Texas prison statement Monday. "
        "Marshals have added to their 15 Most Wanted list of fugitives a man serving three life "
        "sentences who escaped custody during his transport from Huntsville, Texas, to Stiles, "
        "Texas.",
    ),
    art(
        "ecb12",
        "Kenneth Dorsey says the woman accused of killing two co-workers and critically injuring a "
        "third at the Kraft plant in Northeast Philly is a good person. Kraft said the plant would "
        "stay closed.",
    ),
]


@pytest.mark.skipif(load_nlp() is None, reason="no spaCy model")
def test_places_and_organisations_are_not_made_facilities() -> None:
    """'a Texas prison' made every 'Texas' that prison (71 mentions in one story); 'the Kraft
    plant' made the company a plant."""
    entities = extract_entities(TEXAS)
    texas = find_entity(entities, "Texas")
    assert texas is not None and texas.kind == "place" and texas.aliases == ["Texas"]
    prison = find_entity(entities, "Texas prison")
    assert prison is not None and prison.kind == "facility" and "Texas" not in prison.aliases
    kraft = find_entity(entities, "Kraft")
    assert kraft is not None and kraft.kind == "organisation"


@pytest.mark.skipif(load_nlp() is None, reason="no spaCy model")
def test_a_bare_facility_name_ner_calls_a_place_still_joins_the_facility() -> None:
    # spaCy labels a bare "Sohae" GPE (or ORG): it is no known place, so it is the station.
    sohae = art("sohae", "Satellite images of Sohae show new construction.")
    entities = extract_entities([*ARTICLES, sohae])
    station = find_entity(entities, "Sohae Satellite Launching Station")
    assert station is not None and station.kind == "facility"
    assert find_entity(entities, "Sohae") is station and "Sohae" in station.aliases


@pytest.mark.skipif(load_nlp() is None, reason="no spaCy model")  # the fallback: lone words MISC
def test_a_lone_surname_is_the_person_whatever_ner_typed_it() -> None:
    """'Lohan' was a place (12 mentions) and an organisation (4) beside 'Lindsay Lohan'."""
    lohan = art(
        "ecb27",
        "After she abruptly left a rehab facility in Newport Beach on Thursday, Lindsay Lohan has "
        "checked into the Betty Ford Center in Rancho Mirage. TMZ also reports that Lohan has "
        "re-hired attorney Shawn Holley. Prosecutor Terry White told The Post a couple hours "
        "after a court hearing where Lohan's lawyer Mark Heller said she was in Newport Beach.",
    )
    jordan = art(
        "wn24",
        "Steven Lee Jordan will be tried by a military court for his involvement in the Abu "
        "Ghraib prison abuse case. Jordan will stand trial on eight counts. Jordan faces a "
        "maximum sentence of 22 years for the eight charges combined.",
    )
    entities = extract_entities([lohan])
    person = find_entity(entities, "Lindsay Lohan")
    assert person is not None and person.kind == "person" and len(person.mentions) == 3
    assert [e for e in entities if e.name == "Lohan"] == []
    entities = extract_entities([jordan])
    person = find_entity(entities, "Steven Lee Jordan")
    assert person is not None and len(person.mentions) == 3
    # The country and the person in one story: "Jordan" stays the country.
    amman = art("amman", "Steven Lee Jordan flew to Amman. Talks in Jordan began on Monday.")
    entities = extract_entities([amman])
    person = find_entity(entities, "Steven Lee Jordan")
    assert person is not None and person.aliases == ["Steven Lee Jordan"]


@pytest.mark.skipif(load_nlp() is None, reason="no spaCy model")
def test_spellings_and_acronyms_of_one_name_merge() -> None:
    """'UK' (10), 'United Kingdom' (9) and 'U.K.' (5) were three places in one story."""
    sailors = art(
        "wn25",
        "Margaret Beckett, the U.K.'s Foreign Secretary said, we sought a full explanation of what "
        "happened. The United States also called for the immediate release of the sailors, "
        "supporting the United Kingdom's demand. After the UK queried the statement by General "
        "Alireza Afshar, the Iranian government gave a revised position for the incident. Iran "
        "said the UN Security Council had no right to judge. A statement was agreed by the U.N. "
        "Security Council on Thursday.",
    )
    entities = extract_entities([sailors])
    uk = find_entity(entities, "UK")
    assert uk is not None and uk.name == "United Kingdom"
    assert find_entity(entities, "U.K.") is uk and find_entity(entities, "United Kingdom") is uk
    council = find_entity(entities, "UN Security Council")
    assert council is not None and find_entity(entities, "U.N. Security Council") is council


@pytest.mark.parametrize("nlp", PATHS)
def test_time_zones_titles_and_debris_are_no_entities(nlp: object) -> None:
    quake = art(
        "wn53",
        "It took place at 23:49:56 local time (Thursday 02:49:56 UTC). A search team from Brazil "
        "has recovered a part of the tail section of Air France Flight 447, which crashed in the "
        "Atlantic on June 1. Cpl. Tom Hart said the crash was not survivable.",
    )
    entities = extract_entities([quake], nlp=nlp)
    names = {e.name for e in entities}
    assert not names & {"UTC", "Cpl", "Atlantic on June 1"}
    assert not any("June" in a for e in entities for a in e.aliases)


# What spaCy runs into a name, from ECB+ articles: a dash ("- Rod Woodson", 35_4ecb) and the rank
# of the next name ("Oregon State Police Lt" of "Lt. Gregg Hastings", 8_1ecb).
RUN_INTO_NAMES = [
    (
        "Bruce Smith - the NFL's career sacks leader - Rod Woodson, Shannon Sharpe and John Randle"
        " are among the 15 finalists for induction into the Pro Football Hall of Fame.",
        "Rod Woodson",
        ("-", "‐", "–", "—"),
    ),
    (
        '"That person is dangerous and needs to be found as soon as possible," said Oregon State'
        " Police Lt. Gregg Hastings. The Oregon State Police and the FBI are investigating.",
        "Oregon State Police",
        ("Lt", "Lt."),
    ),
]


@pytest.mark.parametrize("nlp", PATHS)
@pytest.mark.parametrize(("text", "name", "debris"), RUN_INTO_NAMES)
def test_what_ner_runs_into_a_name_is_cut_off(
    nlp: object, text: str, name: str, debris: tuple[str, ...]
) -> None:
    names = {n for e in extract_entities([art("ecb", text)], nlp=nlp) for n in (e.name, *e.aliases)}
    assert name in names
    assert not any(n.startswith(debris) or n.endswith(debris) for n in names), names


def _wikinews_entities(text: str, nlp: object) -> dict[str, set[str]]:
    article = Article(
        key="w1", title="", text=text, outlet="Wikinews", provenance=Provenance("test")
    )
    kinds: dict[str, set[str]] = {}
    for entity in extract_entities([article], nlp=nlp):
        kinds.setdefault(entity.name, set()).add(entity.kind)
    return kinds


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_a_place_ner_calls_a_person_is_one_place() -> None:
    text = (
        "It was felt in cities such as Melipilla (Santiago Metropolitan Region), Pichilemu "
        "(O'Higgins Region) and Rancagua (O'Higgins Region).\n\n"
        "With a magnitude of 4.3, it occurred 34 kilometers northwest of Talca, Maule Region, "
        "near Lolol at a depth of 65.1 kilometers.\n\n"
        "It occurred 32 kilometers south of Pichilemu, O'Higgins Region. This movement was felt "
        "across the Valparaíso, Santiago Metropolitan, O'Higgins, Maule, and Bío Bío Regions. "
        "Chile's National System of Tsunami Alerts ruled out the possibility of a tsunami.\n\n"
        '"In Rancagua, it all was really shake-y," said Daniela Banda Sandoval, a Facebook user '
        "who commented on Pichilemu's Facebook page."
    )
    kinds = _wikinews_entities(text, None)
    assert kinds.get("Pichilemu") == {"place"}
    assert kinds.get("Lolol") == {"place"}
    assert kinds.get("Bío Bío Regions", {"place"}) == {"place"}
    assert kinds.get("Santiago Metropolitan Region") == {"place"}
    assert "National System of" not in kinds and "Tsunami Alerts" not in kinds


@pytest.mark.parametrize("nlp", PATHS)
def test_the_outlet_a_bracket_fragment_and_a_title_after_the_are_no_people(nlp: object) -> None:
    text = (
        "Wikinews reporter Diego Grez reports the aftershock was clearly felt in Pichilemu.\n\n"
        "French navy spokesman Hugues du Plessis d'Argentre commented to AFP, \"[I]t's like "
        'trying to find a shoe box in an area the size of Paris."\n\n'
        '"Their attitude is a clear sample of the conscience," said the Executive Clerk of the '
        "National Monuments Council of Chile, Óscar Acuña.\n\n"
        "President Rene Preval told the Miami Herald today that the aftermath was unimaginable."
    )
    kinds = _wikinews_entities(text, nlp)
    assert "Wikinews" not in kinds
    assert not [n for n in kinds if "]" in n or "[" in n]
    assert "person" not in kinds.get("Clerk", set())
    assert "person" not in kinds.get("Miami Herald", set())


# --- wrong kinds left by session 8; sentences from the WikiNews demo and ECB+ -------------------


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_the_noun_before_of_speaks_not_the_place_after_it() -> None:
    """The ", who" after "a merchant of Pichilemu" made Pichilemu a speaker, so no place (M0056:
    a person by 23 mentions)."""
    text = (
        "Pichilemu is the most popular beach in O'Higgins Region, and many tourists visit it every "
        "summer. As of October 23, four kiosks have been constructed in Pichilemu, specifically on "
        "Las Terrazas beach, and two more are being constructed.\n\n"
        'Alejandro Mella, locally known as "el Rey del Cochayuyo" ("the King of the Cochayuyo"), '
        "is a merchant of Pichilemu, who promotes the cochayuyo (durvillaea antarctica), and lost "
        "his kiosk after the February earthquake and tsunami."
    )
    assert _wikinews_entities(text, None).get("Pichilemu") == {"place"}


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_a_known_place_after_from_is_a_place_and_an_organisation_stays_one() -> None:
    """The words "from X" make no place: of the 79 one-word organisations NER found after
    "from" in the demo and the 86 ECB+ folders, 18 are places (Yeovil, Dewsbury), the rest
    Waitrose, Intel, TMZ and the like. Santiago (M0053) is a big city the known places lacked."""
    volunteers = art(
        "M0053",
        "Today, the day of the National Monuments of Chile, a group of volunteers from Santiago "
        "travelled to Lolol, a town located in O'Higgins Region.",
    )
    santiago = find_entity(extract_entities([volunteers]), "Santiago")
    assert santiago is not None and santiago.kind == "place"
    waitrose = art(
        "14_1ecb",
        "A statement from Waitrose said damage to the building had been extensive but the store "
        "would be rebuilt.",
    )
    shop = find_entity(extract_entities([waitrose]), "Waitrose")
    assert shop is not None and shop.kind == "organisation"


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_a_speaker_after_a_role_word_is_a_person() -> None:
    """NER called these speakers organisations (M0034, 2_4ecbplus) and Judge Bodiford a place
    in four of nine mentions (3_4ecb)."""
    druey = art(
        "M0034",
        '"Vino has tested positive having to do with a blood transfusion, and the team is leaving '
        'the Tour," team spokesperson Corinne Druey said.',
    )
    isaacs = art(
        "2_4ecbplus",
        'Newly elected Academy President Boone Isaacs said, "I agreed with Craig and Neil '
        "immediately that Ellen is the ideal host for this year's show.\"",
    )
    jurors = art(
        "3_4ecb",
        "Howard said the jurors in the majority told him after reporting their 9-3 deadlock to "
        "Bodiford that they did not know they could have asked Bodiford to replace with "
        "alternates the three who refused to deliberate with them.",
    )
    sentence = art(
        "3_7ecb", "\"If there was any more I could give you, I would, '' Judge Bodiford said."
    )
    for articles, name, mentions in (
        ([druey], "Corinne Druey", 1),
        ([isaacs], "Boone Isaacs", 1),
        ([jurors, sentence], "Bodiford", 3),
    ):
        entities = extract_entities(articles)
        person = find_entity(entities, name)
        assert person is not None and person.kind == "person", name
        assert (
            len(person.mentions) == mentions and len([e for e in entities if e.name == name]) == 1
        )


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_names_listed_among_places_are_places() -> None:
    """NER called listed cities people and organisations (M0057: Constitución a person,
    Talcahuano and Concepción organisations)."""
    chile = art(
        "M0057",
        "This movement was felt across the Valparaíso, Santiago Metropolitan, O'Higgins, Maule, "
        "and Bío Bío Regions, in cities such as Valparaíso, Viña del Mar, Santiago Centro, San "
        "Fernando, Curicó, Talca, Constitución, Talcahuano, Cauquenes, and Concepción.",
    )
    geysers = art(
        "38_3ecb",
        "Numerous residents of Santa Rosa, Healdsburg, Napa and San Francisco also "
        "reported feeling it.",
    )
    qeshm = art(
        "20_7ecbplus",
        "Buildings were toppled in the island's capital, Qeshm City, as well as in the the "
        "villages of Tonban, Gavarzin and Khaledi.",
    )
    for article, names in (
        (chile, ["Santiago Centro", "Constitución", "Talcahuano", "Concepción", "Maule"]),
        (geysers, ["Healdsburg", "Napa"]),
        (qeshm, ["Gavarzin", "Khaledi"]),
    ):
        entities = extract_entities([article])
        for name in names:
            entity = find_entity(entities, name)
            assert entity is not None and entity.kind == "place", name


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_a_list_of_names_ner_calls_places_does_not_make_a_product_a_place() -> None:
    # NER calls Keynote a place: "Numbers" is a place in that list only, and stays Apple's
    # spreadsheet (an organisation, as NER has it) where the story names it elsewhere.
    review = art(
        "40_5ecb",
        "Apple's iWork represents their office suite of tools, including the Keynote presentation "
        "tool, the Pages word processor, and the Numbers spreadsheet tool. Among other updates, "
        "Numbers introduces table categories, easier formula creation, and advanced chart options.",
    )
    news = art(
        "40_7ecb",
        "Called iWork 09, the three software that makes up the suite, namely Keynote, Pages and "
        "Numbers have received new themes, sophisticated animations and improved charts.",
    )
    numbers = find_entity(extract_entities([review, news]), "Numbers")
    assert numbers is not None and numbers.kind == "organisation" and len(numbers.mentions) == 3


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_a_name_a_place_noun_names_is_a_place() -> None:
    """NER called Woodburn an organisation (8_2ecb, 16 mentions), Bener Meriah one (37ecbplus,
    16) and Bandar Abbas a person (20ecbplus, 16), each in every or most of its mentions."""
    woodburn = [
        art(
            "8_2ecb",
            "The explosion occurred Friday afternoon at a West Coast Bank branch office in the "
            "agricultural town of Woodburn.",
        ),
        art("8_1ecb", "Woodburn's police chief, Scott Russell, 46, was injured."),
    ]
    bener_meriah = [
        art(
            "37_14ecbplus",
            "The worst - hit area was the district of Bener Meriah, where the quake caused a "
            "landslide that killed a man and left his wife and a young boy missing, said Fauzi, an "
            "official of the local disaster agency.",
        ),
        art(
            "37_4ecbplus",
            "The 6.1 - magnitude quake struck inland at a depth of just 10 kilometers in the "
            "mountainous Bener Meriah district in the heart of Aceh, the US Geological Survey "
            'said. "The quake was felt strongly for around 15 seconds, from Bener Meriah to Banda '
            "Aceh.",
        ),
    ]
    bandar_abbas = [
        art(
            "20_3ecbplus",
            "Iran's seismologic center said the epicenter was in the waters of the Persian Gulf "
            "between the port city of Bandar Abbas and Qeshm Island. The USGS said the quake was "
            "35 miles southwest of Bandar Abbas. Shahram Alamdari, head of the rescue unit for the "
            "Iranian Red Crescent, said two helicopters were evacuating injured from Qeshm to "
            "Bandar Abbas, a city of 500, 000 people that also was jolted by the quake.",
        )
    ]
    for articles, name, mentions in (
        (woodburn, "Woodburn", 2),
        (bener_meriah, "Bener Meriah", 3),
        (bandar_abbas, "Bandar Abbas", 3),
    ):
        place = find_entity(extract_entities(articles), name)
        assert place is not None and place.kind == "place", name
        assert len(place.mentions) == mentions, name
    # A port, not a place: no place noun names a name after it.
    magsafe = art(
        "40_5ecbplus",
        "The power connection has been upgraded to Apple's MagSafe 2, which is simply an even "
        "smaller version of the MagSafe port that lets the power cable disconnected safely in the "
        "event of jarring cable snag, preventing unwelcome MacBook / floor interface scenarios.",
    )
    port = find_entity(extract_entities([magsafe]), "MagSafe")
    assert port is not None and port.kind == "organisation"


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_a_dash_or_a_preposition_ner_ran_into_does_not_keep_a_surname_from_its_person() -> None:
    """NER's "Teixeira - - eight years" (10_3ecbplus) and "Thompson in" (7_8ecbplus), organisations
    starting with the surname, kept 59 and 46 lone mentions NER called organisations from Mark
    Teixeira and Tony Thompson."""
    teixeira = [
        art(
            "10_3ecbplus",
            "For weeks now, Mark Teixeira has contemplated his next home - - a waiting game that "
            "has slowly shortened the list of teams in pursuit of his services. One report posted "
            "online last night by MASN Sports' Roch Kubatko suggested that the Washington "
            "Nationals have upgraded their initial offer to Teixeira - - eight years, $160 million "
            "- - to somewhere between $178 million and $184 million over the same timeframe.",
        ),
        art(
            "10_11ecbplus",
            "Teixeira will be 29 in April. However, Teixeira has said he would like a resolution "
            "by Christmas.",
        ),
    ]
    thompson = [
        art(
            "7_8ecbplus",
            "Wladimir Klitschko retained his WBA, IBF and WBO heavyweight title belts by stopping "
            "American challenger Tony Thompson in the sixth round. The Ukrainian world champion "
            "extended his unbeaten run to eight years by overcoming 40 - year - old Thompson in "
            "Berne, Switzerland on Saturday.",
        ),
        art(
            "7_1ecbplus",
            "The Ukrainian champion dropped Thompson again in the sixth, and referee Sam Williams "
            "gave the challenger a standing count before stopping the fight at 2 : 56.",
        ),
    ]
    for articles, name, mentions in (
        (teixeira, "Mark Teixeira", 4),
        (thompson, "Tony Thompson", 3),
    ):
        entities = extract_entities(articles)
        person = find_entity(entities, name)
        assert person is not None and person.kind == "person", name
        assert len(person.mentions) == mentions, name
        assert [e.name for e in entities if name.split()[1] in e.name] == [name]


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_a_surname_of_two_people_is_the_one_named_first() -> None:
    """Tony DiLeo and his son T.J. (5_2ecb): the lone "DiLeo" NER called an organisation (10 of 13
    mentions in ECB+ 5ecb) is the coach the article names first; his son is named in full."""
    sixers = art(
        "5_2ecb",
        "Assistant general manager Tony DiLeo was appointed coach for rest of the season. The "
        "dismissal came hours before the 76ers were to play at home, with DiLeo making his "
        "coaching debut against Washington. DiLeo has spent 19 seasons with the 76ers. His son, "
        "T.J. DiLeo, is a guard for Temple and he said after the Owls' 88-72 win over No. 8 "
        "Tennessee that he was excited his father had a chance to coach.",
    )
    entities = extract_entities([sixers])
    dileo = find_entity(entities, "DiLeo")
    assert dileo is not None and dileo.kind == "person" and dileo.name == "Tony DiLeo"
    assert {m.text for m in dileo.mentions} == {"Tony DiLeo", "DiLeo"}
    son = find_entity(entities, "T.J. DiLeo")
    assert son is not None and son.name == "T.J. DiLeo" and len(son.mentions) == 1


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_a_surname_is_the_person_most_reports_name_first() -> None:
    """ECB+ 26ecbplus: the reports that name a Gigante in full name Vincent first, one of them
    his brother Louis later, and "Gigante" alone is the mob boss throughout, also in a report
    that names no one in full; one report runs his nickname into his surname."""
    articles = [
        art(
            "26_9ecbplus",
            'Vincent "The Chin"Gigante, the powerful mob boss who avoided jail for decades by '
            "wandering the Greenwich Village streets in a ratty bathrobe and slippers as part of "
            "an elaborate feigned mental illness, died Monday in prison, federal officials said. "
            "The cause of death was not immediately known, but Quintero said Gigante had a "
            "history of heart disease. Louis Gigante, his priest - brother and most ardent "
            "defender, filled three rows at the 1997 trial.",
        ),
        art(
            "26_1ecbplus",
            "Vincent Gigante, who feigned mental illness for decades to camouflage his position "
            "as one of the nation's most influential and dangerous Mafia leaders, died today in "
            "federal prison in Springfield, Mo., officials told The Associated Press. Gigante "
            "died while serving a 12 - year sentence imposed in 1997 after he was convicted of "
            "racketeering and conspiring to kill other mobsters.",
        ),
        art(
            "26_4ecbplus",
            "For years, Gigante evaded prison by concocting an elaborate mental illness. "
            "Gigante carried out an attempted hit on the boss of the family, Frank Costello, in "
            "1957.",
        ),
    ]
    entities = extract_entities(articles)
    boss = find_entity(entities, "Gigante")
    assert boss is not None and boss.name == "Vincent Gigante"
    assert boss.article_keys == ["26_9ecbplus", "26_1ecbplus", "26_4ecbplus"]
    assert {m.text for m in boss.mentions} == {"Vincent Gigante", "Gigante"}
    brother = find_entity(entities, "Louis Gigante")
    assert brother is not None and len(brother.mentions) == 1
    assert [e.name for e in entities if e.name.endswith("Gigante")] == [
        "Vincent Gigante",
        "Louis Gigante",
    ]


@pytest.mark.skipif(load_nlp() is None or not (ECBPLUS / "28ecb").is_dir(), reason="no model/data")
def test_the_deep_throat_story_names_one_felt() -> None:
    """ECB+ 28ecb, all 15 reports of W. Mark Felt's death: "Felt" alone (154 mentions) had been
    a person of its own, because his daughter Joan and his son Mark Jr. are named too, and "Mark
    Felt" another, because he went by his middle name. He is one person; his children stay
    apart."""
    articles = [
        a for a in read_sources([str(ECBPLUS / "28ecb")], Settings()) if isinstance(a, Article)
    ]
    people = {e.name: e for e in extract_entities(articles) if e.kind == "person"}
    felt = people["W. Mark Felt"]
    assert {"Felt", "Mark Felt", "W. Mark Felt"} <= set(felt.aliases)
    assert len(felt.article_keys) == len(articles)
    assert "Felt" not in people and "Mark Felt" not in people
    assert {"Joan Felt", "Mark Felt Jr."} <= people.keys()


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_mr_and_ms_with_one_surname_go_by_the_pronouns() -> None:
    """ECB+ 32_3ecb: Gary Gomes, accused of killing his mother Catherine Gomes and an
    ex-girlfriend. The report calls him "Mr. Gomes" and her "Ms. Gomes"; "He" and "his" follow
    his full name, so "Mr. Gomes" is him and "Ms. Gomes" stays apart."""
    report = art(
        "32_3ecb",
        "The suspect, Gary Gomes, 35, of New Bedford, has a lengthy record of domestic abuse, "
        "including convictions for kidnapping and attempted murder. He was currently on "
        "probation after his latest release from criminal custody. The victims in the case have "
        "been identified as Robyn Mendes, 48 - an ex-girlfriend of Mr. Gomes - and Catherine "
        "Gomes, 61, the defendant's mother. Ms. Gomes was the tenant at the apartment. Following "
        "his arraignment in New Bedford District Court today, Mr. Gomes was ordered held "
        "without bail.",
    )
    entities = extract_entities([report])
    gary = find_entity(entities, "Gary Gomes")
    assert gary is not None
    assert sorted(m.sentence_index for m in gary.mentions) == [0, 2, 4]
    mother = [e for e in entities if any(m.sentence_index == 3 for m in e.mentions)]
    assert [e.name for e in mother] == ["Gomes"]


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_a_hometown_after_a_name_is_a_place() -> None:
    """ECB+ 21ecb: NER called the victim's hometown a person in all 8 of its mentions."""
    articles = [
        art(
            "21_10ecb",
            "Police say 66-year-old LuAnn Marie Johnson, of Burnsville, was killed Wednesday "
            "night when she was struck twice by LaSalle's car outside the store.",
        ),
        art(
            "21_11ecb",
            "LuAnn Marie Johnson, 66, of Burnsville was struck as she walked into Sam's Club at "
            "200 W. American Blvd. on Wednesday night.",
        ),
    ]
    town = find_entity(extract_entities(articles), "Burnsville")
    assert town is not None and town.kind == "place" and len(town.mentions) == 2


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_towns_ner_calls_people_are_places() -> None:
    """WikiNews M0067 and M0051: NER called Twin Falls, before its state, and San Pedro de La
    Paz people; President Sebastián Piñera stays a person."""
    articles = [
        art(
            "M0067",
            "The group belongs to the two-month-old New Life Children's Refuge charity, with some "
            "members from Central Valley Baptist Church in Meridian, Eastside Baptist Church in "
            "Twin Falls, Idaho, and others from Texas and Kansas.",
        ),
        art(
            "M0051",
            "President Sebastián Piñera has visited some locations affected by the rains, "
            "including Chocholgue, San Pedro de La Paz, Constitución, and Maule.",
        ),
    ]
    kinds = {e.name: e.kind for e in extract_entities(articles)}
    assert kinds["Twin Falls"] == "place"
    assert kinds["San Pedro de La Paz"] == "place"
    assert kinds["Sebastián Piñera"] == "person"


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_a_role_before_a_name_and_a_verb_after_it_are_not_the_name() -> None:
    """ECB+ 26ecbplus and 45ecbplus: NER ran "Lawyer" into a name and "told" onto another."""
    articles = [
        art(
            "26_9ecbplus",
            "Lawyer Michael Marinaccio, who led Gigante's defense team, said Monday that "
            '"putting aside the mental stuff, "Gigante had suffered from "a multitude of medical '
            'issues relating to the heart, " and had undergone open heart surgery twice, in 1988 '
            "and 1996.",
        ),
        art(
            "45_5ecbplus",
            "Herbert Flynn Jr told 5News after Simpson's arrest that on the night of his "
            "daughter's murder, she was planning to meet with her boyfriend to ask for help in "
            "applying for government assistance.",
        ),
    ]
    names = {e.name for e in extract_entities(articles) if e.kind == "person"}
    assert {"Michael Marinaccio", "Herbert Flynn Jr"} <= names
    assert not {"Lawyer Michael Marinaccio", "Herbert Flynn Jr told"} & names


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_names_ending_like_an_organisation_are_not_people() -> None:
    """ECB+ 2ecb and 19ecbplus: NER called the Tony Awards and a Rite Aid people."""
    articles = [
        art(
            "2_7ecb",
            "He emceed both the 2004 and 2005 Tony Awards, and won an Emmy Award for his first go "
            "at hosting that award show.",
        ),
        art(
            "19_6ecbplus",
            "Williams said people smashed out windows and overturned garbage cans during the "
            "disorder, and that one person had been attacked outside of a local Rite Aid.",
        ),
    ]
    kinds = {e.name: e.kind for e in extract_entities(articles)}
    assert kinds["Tony Awards"] == "organisation"
    assert kinds["Rite Aid"] == "organisation"


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_mr_and_miss_with_one_surname_stay_apart() -> None:
    """ECB+ 32ecbplus: John Jenkin, charged with killing his mother and his sister Kathryn. The
    reports call him "Jenkin" and "Mr Jenkin", and her "Miss Jenkin": "Jenkin" alone is him, the
    titled ones could be either."""
    articles = [
        art(
            "32_6ecbplus",
            "John Jenkin is due in court over the murders of Alice McMeekin, 58, and Kathryn "
            "Jenkin, 20.",
        ),
        art(
            "32_2ecbplus",
            "Jenkin, who was described as a Goth, was arrested nearby on suspicion of murder.",
        ),
        art(
            "32_4ecbplus",
            "Miss Jenkin was a student at the University of South Wales in Cardiff. Mr Jenkin, "
            "of Newton Street, Millom, who arrested an hour after the bodies were discovered in "
            "a distressed state, has also been charged with animal cruelty.",
        ),
    ]
    entities = extract_entities(articles)
    son = find_entity(entities, "John Jenkin")
    assert son is not None
    assert [(m.article_key, m.text) for m in son.mentions] == [
        ("32_6ecbplus", "John Jenkin"),
        ("32_2ecbplus", "Jenkin"),
    ]


@pytest.mark.skipif(load_nlp() is None, reason="no model")
def test_a_full_name_whose_surname_speaks_is_a_person() -> None:
    """NER called Bettie Page an organisation in 21 of her full-name mentions (ECB+ 4ecb) while
    "Page said" was a person."""
    page = art(
        "4_6ecb",
        "Pinup queen Bettie Page was credited with helping to usher in the sexual revolution. A "
        "TVGuide.com poll recently placed Bettie Page as the \" ultimate sex goddess, '' "
        "outscoring others such as Marilyn Monroe. \"I did n't like his looks, '' Page said.",
    )
    entities = extract_entities([page])
    bettie = find_entity(entities, "Page")
    assert bettie is not None and bettie.kind == "person" and bettie.name == "Bettie Page"
    assert len(bettie.mentions) == 3


@pytest.mark.parametrize("nlp", PATHS)
def test_spellings_a_letter_or_an_accent_apart_are_one_name(nlp: object) -> None:
    """Outlets spell the same name differently (ECB+ and WikiNews sentences): one letter apart,
    with or without accents. The spelling most mentions use names the entity; a lone surname
    then meets one full name."""
    articles = [
        art("a", "His successor, Gurbanguli Berdymukhamedov, says the election is a key step."),
        art("b", "All of them support the policies of President Gurbanguly Berdymukhamedov."),
        art("c", "Niyazov casts a shadow, despite promises of openness by Berdymukhamedov."),
        art("d", "About their conditions, Beaumont Hospital spokeswoman Ilene Wolfe said."),
        art("e", "At Beaumont Hospital, spokeswoman Ilene Wolff said the families were there."),
        art("f", "Ilene Wolff, a spokeswoman for the hospital, said the victims were stable."),
        art("g", "However, the president, René Préval, and his wife reportedly survived."),
        art("h", 'President Rene Preval told the Miami Herald that it was "unimaginable".'),
    ]
    entities = extract_entities(articles, nlp=nlp)
    wolff = find_entity(entities, "Ilene Wolfe")
    assert wolff is not None and wolff.name == "Ilene Wolff" and len(wolff.article_keys) == 3
    preval = find_entity(entities, "Rene Preval")
    assert preval is not None and preval.article_keys == ["g", "h"]
    president = find_entity(entities, "Gurbanguli Berdymukhamedov")
    assert president is not None and president.kind == "person"
    # The capitalisation fallback gives a lone word no kind, so only NER's lone surname joins.
    assert president.article_keys == ["a", "b", "c"][: 3 if nlp is None else 2]


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_names_whose_numbers_or_middle_initials_differ_stay_apart(nlp: object) -> None:
    articles = [
        art("a", "Raj Chohan was walking along parked cars on 117th Street near 97th Avenue."),
        art("b", "Police caught up with him a few blocks away, at 115th Street and 101st Avenue."),
        art("c", "George W. Bush met George H. W. Bush, and George Bush spoke first."),
    ]
    entities = extract_entities(articles, nlp=nlp)
    street = find_entity(entities, "117th Street")
    assert street is not None and street.article_keys == ["a"]
    sons = find_entity(entities, "George W. Bush")
    assert sons is not None and sons.name == "George W. Bush"


@pytest.mark.parametrize("nlp", PATHS)
def test_a_middle_name_or_initial_joins_the_full_name(nlp: object) -> None:
    """ECB+ 28: one Watergate aide, three forms of his name; a lone "LaRue" is then that one
    person."""
    articles = [
        art("a", "Frederick Cheney LaRue, 75, the shadowy Nixon White House aide, died."),
        art("b", "Frederick C. LaRue, a top Nixon campaign official, died Saturday in Biloxi."),
        art("c", "Frederick LaRue returned to his home state of Mississippi."),
        art("d", "Researchers have suggested that Mr. LaRue could have been Deep Throat."),
    ]
    entities = extract_entities(articles, nlp=nlp)
    larue = find_entity(entities, "Frederick C. LaRue")
    assert larue is not None and larue.name == "Frederick Cheney LaRue"
    assert larue.kind == "person"
    assert larue.article_keys == ["a", "b", "c", "d"][: 4 if nlp is None else 3]


@pytest.mark.parametrize("nlp", PATHS)
def test_a_short_first_name_joins_the_full_one(nlp: object) -> None:
    """ECB+ 5ecbplus, 32ecbplus: the 76ers' center and the victim's sister, each under two first
    names; "Katie" alone is then the sister. A short form stands for one full name only, so
    "Sam" and "Samantha" stay two people."""
    articles = [
        art("a", "The Sixers re-signed center Samuel Dalembert to a six-year deal on Monday."),
        art("b", "Sam Dalembert agreed to a six year deal with the Philadelphia 76ers."),
        art("c", "Police named the victims as Alice McMeekin and her daughter Kathryn Jenkin."),
        art("d", "Her brother said Katie Jenkin was his world. Katie was 20."),
        art("e", "Samantha Dalembert, his sister, watched from the stands."),
    ]
    entities = extract_entities(articles, nlp=nlp)
    center = find_entity(entities, "Sam Dalembert")
    assert center is not None and center.name == "Samuel Dalembert"
    assert center.article_keys == ["a", "b"]
    sister = find_entity(entities, "Katie Jenkin")
    assert sister is not None and sister.name == "Kathryn Jenkin"
    assert sister.article_keys == ["c", "d"]
    assert find_entity(entities, "Samantha Dalembert") is not center


@pytest.mark.parametrize("nlp", PATHS)
def test_a_short_first_name_joins_the_full_one_whatever_ner_called_it(nlp: object) -> None:
    """ECB+ 5ecb: NER's small model calls "Mo Cheeks" a facility; it is the coach."""
    articles = [
        art("a", "The Philadelphia 76ers fired coach Maurice Cheeks on Saturday."),
        art("b", '"I look at Mo Cheeks and I know Mo Cheeks," King said.'),
        art("c", "Maurice Cheeks was hired in 2005 and had a 122-150 record."),
    ]
    entities = extract_entities(articles, nlp=nlp)
    coach = find_entity(entities, "Mo Cheeks")
    assert coach is not None and coach.name == "Maurice Cheeks" and coach.kind == "person"
    assert coach.article_keys == ["a", "b", "c"]


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_place_with_its_area_word_and_a_spelt_out_acronym_are_one_entity(nlp: object) -> None:
    """ECB+ 20ecbplus: "Qeshm" and "Qeshm Island", "U.S. Geological Survey" and "United States
    Geological Survey" were listed twice in "Named"; a street named after a place stays apart."""
    articles = [
        art("a", "Masoud Dalman said several buildings on Qeshm Island were damaged."),
        art("b", "Ten people were killed on Qeshm, off Iran's southern coast, on Sunday."),
        art("c", "But the U.S. Geological Survey in Golden, Colo., said it was 6.1."),
        art("d", "The United States Geological Survey put the magnitude at 6.0."),
        art("e", "Raj Chohan lived on Newton Street, a short walk from Newton."),
    ]
    entities = extract_entities(articles, nlp=nlp)
    qeshm = find_entity(entities, "Qeshm Island")
    assert qeshm is not None and qeshm.article_keys == ["a", "b"]
    survey = find_entity(entities, "United States Geological Survey")
    assert survey is not None and survey.article_keys == ["c", "d"]
    street = find_entity(entities, "Newton Street")
    assert street is None or street is not find_entity(entities, "Newton")


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_named_without_abbreviations_debris_and_common_nouns(nlp: object) -> None:
    """What a reader of "Named" flagged (ECB+ 3ecb, 30ecb, 33ecbplus, 20ecbplus, 25ecbplus,
    42ecbplus): "Colo." beside "Colorado", "Daily News" beside "New York Daily News", "Jonathan
    Wright - director", a "Web site" as a facility, "Justice" (of "Justice has been served"),
    "DUI", "IR" (injured reserve) and "QWERTY" as organisations."""
    articles = [
        art("a", "But the U.S. Geological Survey in Golden, Colo., said it was 6.1."),
        art("b", "The quake was recorded by seismographs in Colorado and Iran."),
        art("c", "Lopez confessed, according to initial reports by the New York Daily News."),
        art(
            "d",
            "He was seen brandishing a loaded gun three years ago, sources told the Daily News.",
        ),
        art(
            "e", "Jonathan Wright - director of Reliance Globalcom - said repairs would take days."
        ),
        art("f", "Jonathan Wright said the company's customers were affected."),
        art("g", "Details are on the company's Web site. More is on Microsoft's support site."),
        art("h", "\"Justice has been served in this case - it absolutely has been, '' Hill said."),
        art("i", "The killings brought him before the justice system; justice was slow."),
        art("j", "Jackson was on probation for a previous DUI arrest, the CHP said."),
        art(
            "k",
            "On Tuesday, team officials placed undrafted rookie running back Chris Ivory on IR "
            "with a Lisfranc injury to his left foot.",
        ),
        art("l", "It is still a solid confirmation that QWERTY fans will get their BB10 soon."),
    ]
    entities = extract_entities(articles, nlp=nlp)
    names = {e.name for e in entities}
    colorado = find_entity(entities, "Colorado")
    assert colorado is not None and colorado.article_keys == ["a", "b"]
    assert "Colo." not in names
    news = find_entity(entities, "New York Daily News")
    assert news is not None and news.article_keys == ["c", "d"]
    wright = find_entity(entities, "Jonathan Wright")
    assert wright is not None and wright.article_keys == ["e", "f"]
    assert not any("site" in n or n in ("Justice", "DUI", "IR", "QWERTY") for n in names), names
    assert find_entity(entities, "CHP") is not None


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_police_forces_and_avenues_are_no_people(nlp: object) -> None:
    """ECB+ 14ecb and 24ecb: NER calls "Surrey Police" and "Avenue Montaigne" people; a
    "Sheriff" from a headline is no one; Billy King stays a person though kings are titles."""
    articles = [
        art("a", "Anyone with information is asked to contact Surrey Police on 0845 125 2222."),
        art("b", "Surrey Police said the store was almost totally destroyed."),
        art("c", "The thieves took jewellery at Harry Winston jewellers on the Avenue Montaigne."),
        art("d", "Charged with Murdering Sheriff's Deputy District Attorney Steve Cooley spoke."),
        art("e", "76ers president Billy King said the team needed a change."),
    ]
    entities = extract_entities(articles, nlp=nlp)
    kinds = {e.name: e.kind for e in entities}
    police = find_entity(entities, "Surrey Police")
    assert police is not None and police.kind == "organisation"
    avenue = find_entity(entities, "Avenue Montaigne")
    assert avenue is None or avenue.kind != "person"
    assert not any(name.endswith("Sheriff") for name in kinds), kinds
    king = find_entity(entities, "Billy King")
    assert king is not None and king.kind == "person"


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_words_run_into_a_full_name_are_not_part_of_it(nlp: object) -> None:
    """ECB+ 170 and MultiLing M009: "Comedian Ellen DeGeneres" (a headline) is Ellen DeGeneres,
    and with one full name left her lone surname is hers too; "Herman Van Rompuy" keeps his
    first name beside a lone "Van Rompuy"."""
    articles = [
        art("a", "Comedian Ellen DeGeneres picked to host 2014 Oscars."),
        art("b", "Ellen DeGeneres will host the Oscars next year, the Academy said."),
        art("c", "Ellen DeGeneres hosted the show in 2007."),
        art("d", '"I am thrilled," DeGeneres said in a statement.'),
        art("e", "European Union President Herman Van Rompuy said in Brussels it was a tragedy."),
        art("f", "Van Rompuy called for calm."),
    ]
    entities = extract_entities(articles, nlp=nlp)
    ellen = find_entity(entities, "Ellen DeGeneres")
    assert ellen is not None and ellen.article_keys == ["a", "b", "c", "d"]
    rompuy = find_entity(entities, "Herman Van Rompuy")
    assert rompuy is not None and rompuy.name == "Herman Van Rompuy"


@pytest.mark.parametrize("nlp", PATHS)
def test_two_names_read_as_one_are_the_two_names(nlp: object) -> None:
    """ECB+ 33ecbplus and 37ecbplus: NER reads "Lopez and Carrasquillo" and "Locke and Salazar"
    as one organisation; they are the two men the story names in full. "Fish and Wildlife",
    neither part of which the story names alone, stays one name."""
    articles = [
        art(
            "a",
            "Andrew Lopez, 20, and his half-brother Jonathan Carrasquillo, 24, are accused of "
            "spraying bullets from a rooftop in Brownsville.",
        ),
        art(
            "b",
            "It was said throughout the investigation and trial that Lopez and Carrasquillo were "
            "targeting members of a rival gang.",
        ),
        art(
            "c",
            "In a statement, the commerce secretary, Gary Locke, and the interior secretary, Ken "
            "Salazar, agreed. Locke and Salazar said the two departments will conduct a joint "
            "review of the 1986 consultation regulations.",
        ),
        art("d", "The U.S. Fish and Wildlife Service and the Fish and Wildlife staff objected."),
    ]
    entities = extract_entities(articles, nlp=nlp)
    names = {e.name for e in entities}
    assert not any(" and " in n and n.split()[0] in ("Lopez", "Locke") for n in names), names
    assert not names & {"Fish", "Wildlife"}, names
    for full, part in [("Jonathan Carrasquillo", "b"), ("Ken Salazar", "c"), ("Gary Locke", "c")]:
        person = find_entity(entities, full)
        assert person is not None and person.kind == "person", (full, names)
        assert part in person.article_keys, (full, person.article_keys)


@pytest.mark.parametrize("nlp", PATHS)
def test_streets_and_squares_are_one_place_under_their_full_name(nlp: object) -> None:
    """ECB+ 24ecbplus and 33ecbplus: NER called "Rue de Castiglione" an organisation, "Place
    Vendôme" a person here and an organisation there, and "Pitkin Ave." and "Pitkin Avenue"
    were two entities of two kinds."""
    articles = [
        art(
            "a",
            "Four men drove a 4x4 through the front window of the store on Rue de Castiglione, "
            "before making off with the jewellery and watches.",
        ),
        art("b", "The heist near Place Vendome is the latest to hit France."),
        art("c", "Many famous jewellers have their flagship stores in the Place Vendôme."),
        art(
            "d",
            "Andrew Lopez had a previous arrest for walking down Pitkin Ave. brandishing a loaded "
            "gun three years ago, sources told the Daily News.",
        ),
        art(
            "e",
            "Police recovered 12 9 - mm shell casings on the roof of the Pitkin Avenue apartment "
            "and the sidewalk.",
        ),
    ]
    entities = extract_entities(articles, nlp=nlp)
    for name, keys in [
        ("Rue de Castiglione", ["a"]),
        ("Place Vendome", ["b", "c"]),
        ("Pitkin Avenue", ["d", "e"]),
    ]:
        found = [e for e in entities if name.split()[-1][:5] in e.name]
        assert len(found) == 1, (name, [(e.name, e.kind) for e in found])
        assert found[0].kind == "place" and found[0].article_keys == keys, found[0]
    pitkin = find_entity(entities, "Pitkin Ave.")
    assert pitkin is not None and pitkin.name == "Pitkin Avenue"


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_short_name_is_the_full_name_it_ends_and_debris_in_front_is_cut(nlp: object) -> None:
    """ECB+ 25ecbplus, 43ecb and 27ecbplus: "Saints" is the "New Orleans Saints" and shows that
    name; "Intel Corp." is Intel; a standfirst run into a name ("... IE9 Computerworld -
    Microsoft today said") is Microsoft."""
    articles = [
        art(
            "a",
            "Pierre Thomas was placed on injured reserve by the New Orleans Saints on Wednesday, "
            "meaning he won't play in the 2011 NFL playoffs.",
        ),
        art("b", "The Saints signed DeShawn Wynn on Tuesday."),
        art("c", "The Saints open the playoffs at Seattle on Saturday."),
        art(
            "d",
            "AMD agreed to buy Markham, Ont-based ATI for around $ 5.4-billion yesterday, opening "
            "up a new front in the battle with Intel Corp. to control the computer chip market.",
        ),
        art("d2", "Shares of Intel fell 2 per cent."),
        art(
            "e",
            "IE6 through IE11 harbor vulnerability, but in - the - wild attacks limited to IE8 and "
            "IE9 Computerworld - Microsoft today said that hackers are exploiting a critical, but "
            "unpatched, vulnerability in Internet Explorer 8.",
        ),
        art("f", "Microsoft has issued an emergency patch for its Internet Explorer browser."),
        art("g", "Microsoft said all users should install the update."),
    ]
    entities = extract_entities(articles, nlp=nlp)
    names = [e.name for e in entities if e.kind == "organisation"]
    saints = find_entity(entities, "Saints")
    assert saints is not None and saints.name == "New Orleans Saints", names
    assert saints.article_keys == ["a", "b", "c"]
    intel = find_entity(entities, "Intel Corp.")
    assert intel is not None and intel.name == "Intel" and len(intel.mentions) == 2, names
    microsoft = find_entity(entities, "Microsoft")
    assert microsoft is not None and microsoft.article_keys == ["e", "f", "g"], names
    assert not any("Computerworld" in n for n in names), names


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_name_is_one_thing_in_a_story_in_capitals_or_not(nlp: object) -> None:
    """ECB+ 30ecbplus and 6ecb: "SEACOM" and "Seacom" were two entities, each listed as both an
    organisation and a person; "Stephenie Meyer" an organisation where NER read her possessive
    as a company's."""
    articles = [
        art(
            "a",
            "SEACOM said that their Mediterranean backhaul service provider is experiencing a "
            "service affecting outage between Abu Talat and Marseilles. This is affecting all "
            "SEACOM traffic to Europe.",
        ),
        art(
            "b",
            "Seacom started to experience problems on Saturday, 8 October 2011, which it said was "
            "caused by a problem on a cable between Abu Talat in Egypt and Marseilles in France. "
            "In an official statement from Seacom said that their initial estimates were that it "
            "would take 12 days to repair the cable.",
        ),
        art(
            "c",
            "The film, NEW MOON, is based on the second book in author Stephenie Meyer's "
            "blockbuster book series. We think he will be an excellent steward of Stephenie "
            "Meyer's vision.",
        ),
        art(
            "d",
            '"Twilight " author Stephenie Meyer confirmed the news on her official website '
            "Saturday morning. Meyer said she was thrilled.",
        ),
    ]
    entities = extract_entities(articles, nlp=nlp)
    seacom = [e for e in entities if e.name.casefold() == "seacom"]
    assert len(seacom) == 1 and seacom[0].kind == "organisation", seacom
    assert seacom[0].article_keys == ["a", "b"]
    meyer = [e for e in entities if "Meyer" in e.name]
    assert [(e.name, e.kind) for e in meyer] == [("Stephenie Meyer", "person")]


@pytest.mark.parametrize("nlp", PATHS)
def test_a_day_or_a_verb_before_prison_is_no_facility(nlp: object) -> None:
    """ECB+ 26ecbplus: "died Monday in prison" made a facility "Monday in prison", and "... from
    Utah State Prison" stays one."""
    articles = [
        art(
            "a",
            'Mob boss Vincent "The Chin" Gigante, the powerful Mafioso who avoided jail for '
            "decades by wandering the streets in a ratty bathrobe and slippers, feigning mental "
            "illness, died Monday in prison. Gigante evaded prison for decades.",
        ),
        art("b", "Jeffs was moved from Utah State Prison to a Texas jail."),
    ]
    facilities = [e.name for e in extract_entities(articles, nlp=nlp) if e.kind == "facility"]
    assert not any("Monday" in f or "Gigante" in f for f in facilities), facilities
    assert "Utah State Prison" in facilities


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_people_and_teams_ner_calls_facilities_are_people_and_organisations(nlp: object) -> None:
    """ECB+ 20ecb and 5ecbplus: NER calls "Qeshm Governor Mehdi Irannejad" and "Mo Cheeks"
    facilities; the governor is Mehdi Irannejad, and Mo Cheeks, whose surname the story gives
    Maurice Cheeks, is that person."""
    articles = [
        art(
            "a",
            '"So far only the collapse of walls of houses in the villages of Zainabieh and Koohi '
            "has been reported, '' Qeshm Governor Mehdi Irannejad told ISNA news agency.",
        ),
        art("b", "Mehdi Irannejad said the damage was light."),
        art("c", '"I look at Mo Cheeks and I know Mo Cheeks, "King said.'),
        art(
            "d",
            "The Philadelphia 76ers hired Maurice Cheeks as head coach on Monday. Cheeks played "
            "for the team in the 1980s.",
        ),
    ]
    entities = extract_entities(articles, nlp=nlp)
    kinds = {e.name: e.kind for e in entities}
    assert not any(kind == "facility" for kind in kinds.values()), kinds
    governor = find_entity(entities, "Mehdi Irannejad")
    assert (
        governor is not None and governor.kind == "person" and governor.article_keys == ["a", "b"]
    )
    coach = find_entity(entities, "Mo Cheeks")
    assert coach is not None and coach.name == "Maurice Cheeks" and coach.kind == "person", kinds


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_places_ner_calls_people_are_the_places_the_world_knows(nlp: object) -> None:
    """The demo's Chile stories (WikiNews) and ECB+ 28ecbplus: NER calls Constitución, Maule,
    Machalí, Bío Bío and Bandar Abbas people; the gazetteer knows them as places, the single
    words in a country the story names (Chile). ECB+ 9ecb: a lone "Obama", a Japanese town's
    name too, stays a person in a story set in the US."""
    articles = [
        art(
            "a",
            "President Sebastián Piñera has visited some locations affected by the rains, "
            "including Chocholgue, San Pedro de La Paz, Constitución, and Maule.",
        ),
        art(
            "b",
            "USGS' Did you feel it? users have reported the earthquake was felt in Colina, "
            "Santiago (Santiago Metropolitan), Curicó (Maule), Machalí, Rengo, Rancagua "
            "(O'Higgins), and Valparaíso (Valparaíso).",
        ),
        art(
            "c",
            "ONEMI (Chile's National Emergencies Office) has reported no casualties or "
            "structural damage; and reported the earthquake was felt between the Metropolitan "
            "Region and Bío Bío.",
        ),
        art(
            "d",
            "Tremors from an earthquake registering 6.1 on the Richter scale 60km south west of "
            "Bandar Abbas in Iran were felt in Dubai today, prompting the evacuation of high - "
            "rise buildings on the Sheikh Zayed Road and in the Dubai Media City.",
        ),
    ]
    kinds = {e.name: e.kind for e in extract_entities(articles, nlp=nlp)}
    for place in ("Constitución", "Maule", "Machalí", "Bío Bío", "Bandar Abbas"):
        assert kinds.get(place) == "place", (place, kinds)
    us_story = [
        art("e", "Obama has promised to reverse the new rules."),
        art(
            "f",
            "Kempthorne, at a news conference in Washington, said that he knew changes to the "
            "act would evoke controversy but that he is certain the new rules would clear up "
            "confusion over the law that had existed for years.",
        ),
    ]
    obama = find_entity(extract_entities(us_story, nlp=nlp), "Obama")
    assert obama is not None and obama.kind == "person"


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_first_name_and_a_surname_are_a_person_whatever_ner_called_them(nlp: object) -> None:
    """MultiLing M003, M002 and M008, ECB+ 39ecbplus: NER calls Matthieu Ladagnous, Stephane
    Auge, Waheed Mahmood, Russell T Davies and Paul-Lois Arslanian organisations; a common first
    name and a surname make them people, and "Davies" alone is Russell T Davies. Names that only
    look so stay what they are: "Santiago Metropolitan" (a region), "Carolina Panthers", "the
    Betty Ford Center"."""
    articles = [
        art(
            "a",
            "After an early escape, Nicolas Vogondy and Matthieu Ladagnous were joined by "
            "Stephane Auge and Frederik Willems (the first three French, the latter Belgian) at "
            "42 km of the finish.",
        ),
        art(
            "b",
            "The five convicted are Omar Khyam, 25, Waheed Mahmood, 34, and Jawad Akbar, 23, "
            "from Crawley, West Sussex, Salahuddin Amin, 31, from Luton, Bedfordshire and Anthony "
            "Garcia, 24, of Barkingside, east London.",
        ),
        art(
            "c",
            "It is also, and not incidentally, a test of the show runner, Steven Moffat, who came "
            "in with Smith, following series - rebooter Russell T Davies. Moffat may be more of "
            'a "Who" classicist than Davies, who brought sex, romance and a will - they - '
            "won't - they element to the series.",
        ),
        art(
            "d",
            "As reported by ONEMI, Chile's National Emergencies Office, the aftershock was felt "
            "throughout the Valparaíso (Mercalli III), Santiago Metropolitan (II, III, IV), "
            "O'Higgins (IV), Maule (III, IV, V), Bío Bío (II, III, IV) and La Araucanía regions "
            "(II, III), including cities such as Santiago, Viña del Mar, Lolol, Santa Cruz, "
            "Curicó, Cauquenes, Chillán, and Temuco.",
        ),
        art(
            "e",
            "He originally injured it against the Carolina Panthers earlier this season and "
            "needed surgery on it.",
        ),
        art(
            "g",
            '"We can say there is a little less uncertainty, so there is a little more optimism," '
            "Paul-Lois Arslanian, the leader of the French aviation accident investigation agency "
            "BEA, said.",
        ),
        art(
            "f",
            "After skipping out on entering a Newport Beach rehabilitation facility and facing "
            "the prospect of arrest for violating her probation, Lindsay Lohan has checked into "
            "the Betty Ford Center to begin a 90 - day court - mandated stay in her reckless "
            "driving conviction.",
        ),
    ]
    entities = extract_entities(articles, nlp=nlp)
    kinds = {e.name: e.kind for e in entities}
    people = ("Matthieu Ladagnous", "Stephane Auge", "Waheed Mahmood", "Russell T Davies")
    for person in (*people, "Paul-Lois Arslanian"):  # a double first name by its first part
        assert kinds.get(person) == "person", (person, kinds)
    davies = find_entity(entities, "Russell T Davies")
    assert davies is not None and davies.article_keys == ["c"] and len(davies.mentions) == 2
    for name in ("Santiago Metropolitan", "Carolina Panthers", "Betty Ford Center"):
        assert kinds.get(name, "absent") != "person", (name, kinds)


def test_the_rule_based_spans_keep_titles_creeds_and_venues_from_people() -> None:
    """The rule-based spans (no NER) on ECB+ 5ecb and 8ecbplus and MultiLing M005 and M006:
    "Allen Iverson", a name the rules call an organisation, is a person; "German Chancellor" (a
    title), "Roman Catholic" (a creed, though Catholic is a rare surname) and "One Discotheque"
    (the story writes "one" in small letters) are none."""
    articles = [
        art(
            "a",
            "He guided a transition in Philadelphia from the Allen Iverson era and won more games "
            "than expected last season behind a rising star, Andre Iguodala, a young frontcourt "
            "led by Samuel Dalembert and a veteran presence at point guard, Andre Miller.",
        ),
        art(
            "b",
            "The German Chancellor, Angela Merkel, fighting accusations of holding up the bailout, "
            "said today that the Greek crisis underlined the need for an overhaul of the EU's "
            "fiscal rules.",
        ),
        art(
            "c",
            "According to their mission statement, the Baptists' intent was to \"find healing, "
            'hope, joy and new life in Christ" for the Roman Catholic children "as well as '
            'opportunities for adoption into a loving Christian family."',
        ),
        art(
            "d",
            "A concert was being held at the One Discotheque when the earthquake occurred. The "
            "earthquake destroyed one of Pichilemu's oldest and iconic buildings, the post office, "
            "which was demolished in July.",
        ),
    ]
    kinds = {e.name: e.kind for e in extract_entities(articles, nlp=False)}
    assert kinds.get("Allen Iverson") == "person", kinds
    for name in ("German Chancellor", "Roman Catholic", "One Discotheque"):
        assert kinds.get(name) != "person", (name, kinds)


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_numbered_names_are_no_people_and_counts_after_names_no_part_of_them(nlp: object) -> None:
    """MultiLing M008 and ECB+ 11ecbplus and 22ecbplus: NER calls the flight "AF447" and the
    channel "NBC10" people; a number that is no ordinal makes them no person. The seats after each
    province in a list ("Dashoguz province - 27") are not part of its name."""
    articles = [
        art(
            "a",
            "In a press communiqué, Air France stated that AF447 had encountered an area of heavy "
            "turbulence at 02:00 GMT and that the aircraft had sent an automatic message "
            "indicating an electric failure at 02:14 UTC.",
        ),
        art(
            "b",
            '"They had argued, from what I was told, they argued, "Dorsey told NBC10\'s '
            "Rosemary Connors after the shootings Thursday night.",
        ),
        art(
            "c",
            "In accordance with Article 60 of the Turkmen Constitution for the orderly conduct of "
            "the elections in the country 125 electoral districts will be established, including "
            "those in Ashgabat city - 15, Akhal province - 15, Balkan province - 10, Dashoguz "
            "province - 27, Lebap province - 28, Mary province - 30.",
        ),
    ]
    entities = extract_entities(articles, nlp=nlp)
    people = [e.name for e in entities if e.kind == "person"]
    assert "AF447" not in people and "NBC10" not in people, people
    assert not any(any(c.isdigit() for c in e.name) for e in entities if e.kind == "place")
    assert find_entity(entities, "Dashoguz province") is not None


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_list_a_plural_place_noun_ends_is_a_list_of_places(nlp: object) -> None:
    """MultiLing M001: NER calls Burley and Holbeck, districts of Leeds, organisations; "areas"
    after the list (and the stop after it) names them places."""
    articles = [art("a", "Houses were searched in the Burley, Beeston and Holbeck areas.")]
    kinds = {e.name: e.kind for e in extract_entities(articles, nlp=nlp)}
    assert kinds.get("Burley") == kinds.get("Holbeck") == "place", kinds


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_word_ner_ran_into_the_front_of_a_name_is_cut(nlp: object) -> None:
    """MultiLing M004 and ECB+ 20ecbplus: "Filmmaker Zhang Yimou" is Zhang Yimou, a word of
    English that is no first name standing before a first name; "Ras Al Khaimah", where the
    word after is an opener of names, keeps its first word, and is a place with Al Ain."""
    articles = [
        art(
            "a",
            "Filmmaker Zhang Yimou, the production's director, praised Lin at a press conference "
            "with Chinese media.",
        ),
        art(
            "b", "The earth tremor hit a triangular area between Ras Al Khaimah, Al Ain and Dubai."
        ),
    ]
    kinds = {e.name: e.kind for e in extract_entities(articles, nlp=nlp)}
    assert "Zhang Yimou" in kinds and "Filmmaker Zhang Yimou" not in kinds, kinds
    assert "Al Khaimah" not in kinds, kinds
    # NER calls both emirates people; "Al", though a first name too, opens place names
    assert kinds.get("Ras Al Khaimah") == kinds.get("Al Ain") == "place", kinds


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_town_ner_calls_an_organisation_is_a_place_where_things_happen_in_it(
    nlp: object,
) -> None:
    """MultiLing M001: NER calls Dewsbury an organisation; the gazetteer knows a town of that
    name in the country of the story's places (Leeds), and the story searches houses in it."""
    articles = [
        art(
            "a",
            "West Yorkshire Police searched six houses in Leeds today in connection with the "
            "London bombings. Further properties were searched in Dewsbury, about eight miles "
            "from the city centre.",
        )
    ]
    kinds = {e.name: e.kind for e in extract_entities(articles, nlp=nlp)}
    assert kinds.get("Dewsbury") == "place", kinds


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_name_read_once_as_a_place_and_once_as_a_person_is_the_place(nlp: object) -> None:
    """WikiNews M0052 (the demo's Chile story): NER reads "Santiago" as a person in a list of
    towns and as a place after "southwest of"; the story listed it under both. The world knows
    a Santiago, and no mention of it speaks."""
    articles = [
        art(
            "a",
            "USGS updated their information later, and specified the earthquake reached a 5.7 "
            "magnitude, with a depth of 10 kilometers, and the epicenter was located 70km at the "
            "northwest of Curicó, 85km southwest of Rancagua, 95km south of San Antonio, 140km "
            "southwest of Santiago. USGS' Did you feel it? users have reported the earthquake "
            "was felt in Colina, Santiago (Santiago Metropolitan), Curicó (Maule), Machalí, "
            "Rengo, Rancagua (O'Higgins), and Valparaíso (Valparaíso).",
        )
    ]
    entities = extract_entities(articles, nlp=nlp)
    santiago = [(e.name, e.kind) for e in entities if e.name == "Santiago"]
    assert santiago == [("Santiago", "place")], santiago


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_place_the_world_knows_after_a_first_name_is_the_place(nlp: object) -> None:
    """WikiNews M0008: NER calls "Sri Lanka" at the head of a list item a person, and "Sri" is a
    first name too; but "Lanka" is no common surname, and the world knows the place. ("Diamond
    Bar" likewise, in ECB+ 16ecbplus: "Ortiz, of Diamond Bar, was an Army veteran".)"""
    articles = [
        art(
            "a",
            "Near the epicenter of the earthquakes and tsunami, Indonesia's Aceh province alone "
            "may have as many as 80,000 death. Entire villages are gone, with no evidence left of "
            "their prior existence. Still, other countries are continuing to report the numbers "
            "of dead as best they can:\n\n    * Sri Lanka - approximately 28,500\n    * India - "
            "more than 7,700\n    * More than 300 were killed in Malaysia, Myanmar, Bangladesh, "
            "the Maldives, Somalia, Tanzania and Kenya.",
        )
    ]
    entities = extract_entities(articles, nlp=nlp)
    kinds = {e.kind for e in entities if e.name == "Sri Lanka"}
    assert kinds == {"place"}, [(e.name, e.kind) for e in entities]


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_person_named_like_a_landmark_is_the_landmark(nlp: object) -> None:
    """WikiNews M0039 and M0056 (the demo): NER calls "Jubilee Gardens" and "Agustín Ross
    Balcony" people; their last words are a landmark's, and no common surname."""
    articles = [wikinews_article(name) for name in ("M0039", "M0056")]
    entities = extract_entities(articles, nlp=nlp)
    kinds = {
        e.name: e.kind for e in entities if e.name in ("Jubilee Gardens", "Agustín Ross Balcony")
    }
    assert kinds == {"Jubilee Gardens": "facility", "Agustín Ross Balcony": "facility"}, kinds


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_spanish_place_word_opening_a_name_makes_it_a_place(nlp: object) -> None:
    """WikiNews M0056 (the demo's Pichilemu story): "massive damage in Punta de Lobos,
    Pichilemu's most popular beach", "working voluntarily in Espinillo, Los Boldos, Alto
    Ramírez": NER calls both people; no person's name opens with "Punta" or "Alto"."""
    entities = extract_entities([wikinews_article("M0056")], nlp=nlp)
    kinds = {e.name: e.kind for e in entities if e.name in ("Punta de Lobos", "Alto Ramírez")}
    assert kinds == {"Punta de Lobos": "place", "Alto Ramírez": "place"}, kinds


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_list_of_places_ending_with_the_capital_is_a_list(nlp: object) -> None:
    """WikiNews M0050: NER calls "Concepcion" a person; it stands in a list of places whose last
    item follows "the capital"."""
    text = (
        "An 8.8 magnitude earthquake was recorded in Chile on Saturday, killing at least 214 "
        "people and causing significant structural damage. The earthquake was felt in Chillan, "
        "Talca, Concepcion, and the capital Santiago."
    )
    entities = extract_entities([art("a", text)], nlp=nlp)
    kinds = {e.kind for e in entities if e.name == "Concepcion"}
    assert kinds == {"place"}, [(e.name, e.kind) for e in entities]


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_place_named_like_an_organisation_is_the_organisation(nlp: object) -> None:
    """WikiNews M0010: NER calls "West Yorkshire Police" a place; its last word heads an
    organisation's name. "Russian Federation" stays a place."""
    text = (
        "West Yorkshire Police searched six houses in Leeds today in connection with the London "
        "bombings. Officials from the Russian Federation attended the ceremony."
    )
    entities = {e.name: e.kind for e in extract_entities([art("a", text)], nlp=nlp)}
    assert entities.get("West Yorkshire Police") == "organisation", entities
    assert entities.get("Russian Federation") == "place", entities


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_surname_with_a_particle_is_not_cut(nlp: object) -> None:
    """WikiNews M0062: NER reads "Alain Le Roy" as the people "Alain Le" and "Roy"; whole, the
    name is one person with "Alain LeRoy" of the next paragraph."""
    text = (
        "UN peacekeeping chief Alain Le Roy said many people were in the UN building when it went "
        "down and they remain unaccounted for.\n\nUN Peacekeeping Chief Alain LeRoy said the "
        "organisation is working to learn the fate of its personnel."
    )
    people = [e.name for e in extract_entities([art("a", text)], nlp=nlp) if e.kind == "person"]
    assert len(people) == 1 and people[0].replace(" ", "") == "AlainLeRoy", people


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_word_no_one_is_named_is_no_person(nlp: object) -> None:
    """WikiNews M0050 and M0062 (the demo): NER calls "Polynesia" ("in French Polynesia"), "Map"
    and "Sharing" (of "Mercy and Sharing") people. They are a dictionary's words, no first
    names or common surnames, and they never speak: they are no one's name. The people the
    articles name stay people, and so does "Obama", in no dictionary. "Heisman Trophy" is no
    one's name either."""
    articles = [wikinews_article(name) for name in ("M0050", "M0062")]
    people = {e.name for e in extract_entities(articles, nlp=nlp) if e.kind == "person"}
    assert not people & {"Polynesia", "Map", "Sharing"}, people
    assert {"René Préval", "Raphaelle Chenet"} <= people, people
    obama = [art("e", "Obama has promised to reverse the new rules.")]
    assert [e.kind for e in extract_entities(obama, nlp=nlp)] == ["person"]
    # ECB+ 25ecb: a name ending in a dictionary's word that is no surname.
    trophy = (
        "The former USC running back and Heisman Trophy winner also missed the final four games"
        " of the 2007 season after tearing the posterior cruciate ligament in his left knee."
    )
    people = [e.name for e in extract_entities([art("f", trophy)], nlp=nlp) if e.kind == "person"]
    assert people == [], people


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_common_surname_that_names_a_town_too_is_a_surname(nlp: object) -> None:
    """ECB+ 2ecbplus: NER calls "Eddie Murphy" an organisation; Murphy is a Texan town, but also
    a common surname after a common first name."""
    text = (
        "Over the past few years, AMPAS has gone to great lengths to pick a host who'd make some"
        " noise : Whether it was the pairing of James Franco and Anne Hathaway in 2011, the"
        " aborted choice of Eddie Murphy as host for the 2012 Oscars, or Seth MacFarlane's pick"
        " last year, the Academy has seemed hell - bent on finding a host who might draw curious"
        " viewers \u2014 particularly, the elusive young male demographic \u2014 to the telecast."
    )
    kinds = {e.name: e.kind for e in extract_entities([art("a", text)], nlp=nlp)}
    assert kinds.get("Eddie Murphy") == "person", kinds


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_rare_first_name_before_a_very_common_surname_is_a_person(nlp: object) -> None:
    """WikiNews M0035 (the demo's Tour de France): NER calls "Cadel Evans" an organisation;
    "Cadel" is too rare for the first-name list, but no word, and Evans is among the commonest
    surnames."""
    text = "Cadel Evans gained ground on Rasmussen and is now just one minute behind."
    kinds = {e.name: e.kind for e in extract_entities([art("a", text)], nlp=nlp)}
    assert kinds.get("Cadel Evans") == "person", kinds


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_an_acronym_joins_the_name_that_spells_it_out_but_for_an_acronym(nlp: object) -> None:
    """WikiNews M0060 (the demo's Haiti quake): "the US Geological Survey (USGS)" and "The USGS
    reports ..." are one organisation; "US" gives both its letters to the initials."""
    entities = extract_entities([wikinews_article("M0060")], nlp=nlp)
    survey = [e for e in entities if e.name in ("USGS", "US Geological Survey")]
    assert len(survey) == 1 and "USGS" in survey[0].aliases, [(e.name, e.aliases) for e in survey]
    assert survey[0].name == "US Geological Survey"


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_flight_keeps_its_number_and_a_rank_is_no_organisation(nlp: object) -> None:
    """The demo's Air France and Abu Ghraib stories (WikiNews M0081, M0070): NER reads "Air
    France Flight" of "Air France Flight 447" and "Army Spc" of "Army Spc. Charles Graner" as
    organisations. The flight is a vessel, named with its number; a rank is no one's name."""
    entities = extract_entities([wikinews_article("M0081"), wikinews_article("M0070")], nlp=nlp)
    kinds = {e.name: e.kind for e in entities}
    assert kinds.get("Air France Flight 447") == "facility", kinds
    assert "Air France Flight" not in kinds and "Army Spc" not in kinds, kinds
    assert kinds.get("Charles Graner") == "person", kinds


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_names_two_letters_swapped_apart_are_one_name(nlp: object) -> None:
    """The demo's Tour de France and Bali stories: "Alexander Vinokourov" (WikiNews M0035) and
    "Alexandre Vinokourov" (M0036), "Hans Verlome" and "Hans Verolme" (M0041, M0049) are one
    person each: two letters next to each other swapped are one spelling slip."""
    cycling = extract_entities([wikinews_article("M0035"), wikinews_article("M0036")], nlp=nlp)
    riders = [e.name for e in cycling if e.kind == "person" and "Vinokourov" in e.name]
    assert len(riders) == 1, riders
    climate = extract_entities([wikinews_article("M0041"), wikinews_article("M0049")], nlp=nlp)
    hans = [e.name for e in climate if e.name.startswith("Hans Ver")]
    assert len(hans) == 1, hans


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_peoples_name_before_a_full_name_is_cut(nlp: object) -> None:
    """WikiNews M0039 (the demo's Tour de France story): "Briton", a dictionary's word though no
    word of the common vocabulary, stands before Mark Cavendish's name."""
    articles = [
        art("a", "Fellow Briton Mark Cavendish suffered bike troubles throughout the whole stage.")
    ]
    people = [e.name for e in extract_entities(articles, nlp=nlp) if e.kind == "person"]
    assert people == ["Mark Cavendish"], people


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_county_ner_calls_a_person_is_a_place(nlp: object) -> None:
    """WikiNews M0016 (the demo): NER calls Bedfordshire, which no place list here has, a
    person; a name ending in "shire" is an English county's."""
    articles = [
        art(
            "a",
            "The five convicted are Omar Khyam, 25, Waheed Mahmood, 34, and Jawad Akbar, 23, from "
            "Crawley, West Sussex, Salahuddin Amin, 31, from Luton, Bedfordshire and Anthony "
            "Garcia, 24, of Barkingside, east London.",
        )
    ]
    kinds = {e.name: e.kind for e in extract_entities(articles, nlp=nlp)}
    assert kinds.get("Bedfordshire") == "place", kinds
    assert kinds.get("Salahuddin Amin") == kinds.get("Anthony Garcia") == "person", kinds


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_the_owner_in_a_landmarks_or_a_nicknames_name_is_no_person(nlp: object) -> None:
    """WikiNews M0015 and M0091 (the demo): NER calls "St Paul" of "St Paul's Cathedral" and
    "Bird" of the stadium nicknamed "Bird's Nest" people."""
    articles = [
        art(
            "a",
            "The bells of St Paul's Cathedral tolled at the exact time of each of the bombings.",
        ),
        art(
            "b",
            "Witnessed by at least 90,000 spectators, the Opening Ceremony of the 2008 Olympic "
            'Games was held at the National Stadium — nicknamed "Bird\'s Nest" — in Beijing '
            "China this evening.",
        ),
    ]
    people = [e.name for e in extract_entities(articles, nlp=nlp) if e.kind == "person"]
    assert people == [], people


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_first_name_alone_is_the_person_under_either_spelling(nlp: object) -> None:
    """WikiNews M0012 (the demo): the article spells the bomber "Hassib Hussain" and "Hasib
    Hussain"; "Hasib's whearabouts", which NER calls an organisation, is his too."""
    entities = extract_entities([wikinews_article("M0012")], nlp=nlp)
    kinds = {e.name: e.kind for e in entities}
    assert "Hasib" not in kinds, kinds
    hussain = find_entity(entities, "Hasib")
    assert hussain is not None and hussain.kind == "person", kinds
    assert "Hasib" in hussain.aliases or "Hasib's" in hussain.aliases, hussain.aliases


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_a_dictionary_word_before_no_ones_name_is_no_person(nlp: object) -> None:
    """WikiNews M0038 and M0046 (the demo's Tour de France and Bali stories): NER calls "Grand
    Départ" and "Bali Roadmap" people. A first word that is a dictionary's and no first name,
    before a last word that is no surname nor first name, makes no one's name; a title first
    ("Ayatollah Khamenei", WikiNews M0023) does not count."""
    entities = extract_entities([wikinews_article(n) for n in ("M0038", "M0046")], nlp=nlp)
    people = {e.name for e in entities if e.kind == "person"}
    assert not people & {"Grand Départ", "Bali Roadmap"}, people
    assert "Ban Ki-moon" in people, people  # "Ban", a word, is a first name too
    articles = [
        art(
            "a",
            'If the five members are released, the Britons can go home," an unnamed source close '
            "to the command of Qods Force, who also said that Iran's supreme leader, Ayatollah "
            "Khamenei approved of the trade off.",
        ),
    ]
    people = {e.name for e in extract_entities(articles, nlp=nlp) if e.kind == "person"}
    assert people & {"Khamenei", "Ayatollah Khamenei"}, people

"""Coherence, boilerplate and redundancy rules on real sentences (seed brief, MultiLing 2011)."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest

from newsdesk.brief import summarize
from newsdesk.brief.base import (
    LEAD_RETELLING_THRESHOLD,
    LEAD_SENTENCES,
    REDUNDANCY_THRESHOLD,
    Candidate,
    may_retell,
    prepare,
    retellings,
)
from newsdesk.brief.coherence import (
    closed_up,
    contrasts_with_previous,
    in_writers_voice,
    is_fragment,
    needs_context,
    opens_another_story,
    strip_dateline,
    strip_glued_heading,
)
from newsdesk.brief.referents import (
    FULL_NAME_SURNAME,
    event_referent,
    opening_surname,
    people_referent,
    pronoun_after_fronted_phrase,
    speaker_surname,
)
from newsdesk.brief.terms import content_stems, stem
from newsdesk.models import Article, Provenance
from newsdesk.text import quote_open_after, split_sentences, words
from test_brief import DATA, needs_data, read_topic

WIKINEWS = Path(__file__).resolve().parents[1] / "examples" / "wikinews"
SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "seed-brief.txt"

# Sentences of the seed brief that open with a reference the reader cannot resolve.
DANGLING = [
    # ECB+ 21ecb, 31ecbplus, 29ecb: the next step of a sequence told before.
    "The car then sideswiped a parked vehicle before leaving the parking lot and heading west on"
    " American Boulevard.",
    "Father and son then informed Creighton Athletic Director Bruce Rasmussen.",
    "Again, the Jaguars could n't come up with the play to tie the game.",
    # ECB+ 7ecb, 7ecbplus, 27ecb: a time or a contrast counted from the sentence before.
    "Since that win over Monte Barrett, Rahman has gone 4-2-1 with a no-contest.",
    "Even still, however, Klitschko has won 16 fights in a row since losing to Lamon Brewster in"
    " April 2004.",
    "Since then, researchers have seen active exploitation rapidly spread in the wild.",
    # ECB+ 4ecb: "the two" stands for people the sentence before named.
    "Even in death, Bettie Page is the missing link between the two.",
    # ECB+ 40ecbplus, once its glued subhead is cut: the step after one the brief does not give.
    "Next, global marketing VP Phil Schiller announced updates to the MacBook line.",
    # ECB+ 9ecbplus: the state before a change the brief has not told of.
    "Previously, federal agencies were required to consult with biologists at the U.S. Fish and"
    " Wildlife Service before taking any action.",
    # ECB+ 9ecbplus, 19ecbplus, 31ecb: agreeing with, or adding to, the sentence before.
    "In a statement, the commerce secretary, Gary Locke, and the interior secretary, Ken Salazar,"
    " agreed.",
    "Vigils followed that shooting as well.",
    "North Carolina coach Roy Williams quickly agreed.",
    '"However, the attitude and stance the United States showed in the first high-level meeting'
    ' (between the countries) was no doubt regrettable", the spokesman said.',
    "Those kinds of challenges can drag out the process by many years.",
    '"We too remain concerned" by North Korean violations of UN-approved sanctions, the USA'
    " official said.",
    '"This is a facility where they build ICBMs and space-launch vehicles".',
    '"But even if they are, you still have a nuclear deterrent, so it would still be a huge risk'
    ' for the try to attack".',
    "Some of them, including Australia, Belgium, France and the Philippines, have yet to recover"
    " some of their war dead from North Korea.",
    # MultiLing 2011 sources.
    "He said that he had mentioned the preceding point of view in the presence of an"
    " under-secretary of the US government at a business breakfast this morning.",
    "This includes setting, for industrialized nations, targets for reductions of greenhouse gas"
    " (GHG) emissions.",
    'However, he said he believed the capacity to provide help was improving, saying: "All this'
    " is coming together right now.",
    "The country's envoy to the United States believed damage costs could reach billions of"
    " dollars.",
    # ECB+ (20ecb): which governor?
    "The governor told Iranian media that 2,000 tents were ready in case they were needed, and"
    " medical teams with supplies and rescue equipment had been sent to check on the situation.",
    "The judge said the sentence reflected the gravity of the crimes.",
    # ECB+ 24ecbplus: an appositive between the source and its verb.
    "The police source, who wished to remain anonymous, said the men drove a large four - by -"
    " four car into the store.",
    # ECB+ 12ecbplus and 29ecbplus: two of whom, which wins?
    "While two of them managed to escape, INS Sukanya successfully intercepted the remaining"
    " three boats.",
    "Most of those wins have come under Arians, who has filled in admirably.",
    # ECB+ 34ecb, 22ecbplus, 29ecbplus: no subject, the verb first; it is in the sentence before.
    "Got it up on the Web site at 2:36 p.m., mere moments after filing the story.",
    "Made her way to the third - floor mixing room, where she encountered at least three of the"
    " employees.",
    "Put it all together and the Chiefs gained 507 yards and still managed — through penalties,"
    " interceptions and fumbles — to lose the game.",
    # ECB+ 10ecbplus, 9ecb, 6ecb: a discourse marker answering the sentence before.
    "If so, that blows the reported eight - year, $160 million offers by the Angels and the"
    " Washington Nationals out of the water.",
    "To that end, he clarified regulations addressing threats to polar bear habitat.",
    'On the other hand, Weitz also directed last year\'s "The Golden Compass," which was an'
    " expensive mess.",
    "In fact, Microsoft said it monitored a huge increase in attacks last Saturday.",
    # ECB+ 3ecb, 8ecb, 4ecb, 38ecb: a time or a place counted from the sentence before.
    "Four seconds later, he shot the court reporter, Julie Ann Brandau, in the head.",
    # ECB+ 33ecb, MultiLing M008: an approximate count; ECB+ 29ecbplus, 32ecbplus: the time
    # counted from later in the sentence.
    "Less than two weeks later, Jermayne Timmons was arrested and charged with the shooting.",
    "Approximately fourteen minutes later, an automated message was sent saying that the cabin"
    " had lost its pressurisation.",
    "Ryan Succop hit a 47 - yard field goal moments later to tie the game.",
    "John Jenkin was arrested on suspicion of murder shortly afterwards.",
    # ECB+ 32ecbplus, 3ecb, 20ecbplus (in briefs read blind): "also" beside a victim or an
    # arrest, one more of what the sentence before told.
    "The family dog was also found dead.",
    "A court officer was also killed outside the court and an off-duty officer the next day.",
    "As many as 80 people were also wounded.",
    # ECB+ 10ecb, 8ecb (both in the 250-word briefs, read blind): a time the sentence before gave.
    "Angels spokesman Tim Mead said he believed Moreno presented the offer to Boras at that time.",
    "Police did not provide much detail about what transpired between then and 5:30 p.m., when"
    " the bomb went off at West Coast Bank.",
    "Shortly after, the West Coast Bank received a call with a similar warning.",
    "A few years later, Page modeled in bondage and sadomasochistic poses.",
    # ECB+ 14ecbplus: half an hour after the sentence before's time.
    "Half an hour later a second aerial platform was called in. and hydrants were being used for"
    " extra water.",
    'Down the road at Brick Oven Pizza, "it caught our attention," said Geri Angel.',
    # MultiLing M005, ECB+ 41ecb, 19ecbplus, 16ecbplus, 12ecb: counted back from the sentence
    # before.
    "Hours earlier, on Friday, thousands of people had arrived at Pichilemu.",
    "Hours before, three young men who were cousins died when the Israelis bombed Asma elementary"
    " school in Gaza City.",
    "Less than a year before, and only blocks away, a narcotics detective shot and killed an"
    " unarmed 23 - year - old woman, Shantel Davis, as she tried to flee the police in a car that"
    " had been reported stolen at gunpoint, the police said at the time.",
    "Six months prior to this incident, Deputy Ortiz's brother - in - law, Corrections Officer"
    " Manuel A. Gonzalez, of the California Department of Corrections, was stabbed to death by a"
    " gang member inmate at California Institution for Men in Chino.",
    "A day earlier, the German cruise liner MS Columbus said it would fly its 246 passengers and"
    " most of its crew over the Gulf of Aden instead of through it to avoid any pirate attack.",
    # MultiLing M004 and ECB+ 5ecb: what follows on from the sentence before (a statement, a
    # season); ECB+ 41ecb, MultiLing M002: a time it told; MultiLing M004, ECB+ 19ecb: its news.
    "The EU went on to state that in the spirit of negotiations, they agreed with the proposed"
    " changes.",
    "The Sixers went on to win 18 of their next 23 games.",
    "At the time, Israel claimed Hamas was planning to use a tunnel to capture Israeli soldiers.",
    "At the time, the story was broken when the capture was announced on state-run Iranian"
    " television.",
    "The news comes on the same day that it was announced that forest clearance in the Amazon"
    " Rainforest was falling compared to previous years.",
    "The news came as two police officers charged over the shooting prepared to go before a"
    " magistrate and riot police fired teargas at thousands of demonstrators advancing on the"
    " national parliament building in Athens.",
    # ECB+ 5ecbplus, 44ecb, MultiLing M004: others than, and a scale set by, the sentence before.
    "The others involved a booster allegedly giving $500 to a football player, and an"
    " orthodontist providing free and discounted services to five women's basketball players.",
    "Even IBM, the leader in the global services and outsourcing business, will ultimately feel"
    " the pressure.",
    "Even the two-degree temperature rise that the European Union talks about is predicted to have"
    " serious effects on humans and the environment.",
    # ECB+ 35ecb, 19ecbplus: a manager the brief has not named.
    "The general manager has put an emphasis on character and avoiding off-the-field issues.",
    'The manager said, "They poured in here like 40 or 50 of them.',
    # ECB+ 20ecbplus, MultiLing M005: an "it" the sources report of a quake.
    "The official IRNA news agency and the United States Geological Survey said it had a"
    " magnitude of 5.9.",
    "UCGS also reported it reached a magnitude of 5.6, at a depth of 7.3 kilometers.",
    "The United States Geological Survey (USGS) said it occurred at a depth of 7 km (4.4 miles).",
    # MultiLing M002, ECB+ 23ecbplus: one speaker (the verb in -s), and "they" are others.
    "The Royal Navy insists that they were operating in Iraqi waters.",
    "He says they come as a reminder that climbers need to use extreme caution.",
    # ECB+ 3ecb, 41ecb: a time counted from the sentence before.
    "Later that day, as he attempted to elude police, he shot and killed a U.S. Customs agent.",
    "Earlier that day, a shell hit a house in the Beach refugee camp, killing at least seven"
    " members of one family.",
    # Adding to, or following from, the sentence before.
    "In addition, the Indian navy seized two small boats.",
    "As a result, the police have cordoned off the entire center of the city.",
    # ECB+ 13ecbplus: "this time" counts from an earlier time.
    "This time the fire occurred at the Matanuska Maid Creamery.",
    # ECB+ 12ecbplus, 19ecb, 26ecbplus: a count with no noun.
    "Two managed to give the Indian Navy a slip, but the other three boats were intercepted.",
    "One was charged with murder and the other as an accomplice.",
    "Most were dismissed or resolved by fines.",
    # ECB+ 39ecbplus, 18ecb, 25ecb: someone known only by age.
    "The 55 - year - old is a hugely popular choice, judging by some celebrity chatter.",
    "The sixty-one-year-old was arrested Friday, not long after Banky was shot to death.",
    "The 23-year-old finished his third season with 404 yards rushing on 106 carries.",
    # ECB+ 39ecb, 39ecbplus: the same after a fronted phrase.
    "On Saturday, the 26-year-old was handed the keys to the Tardis when he was unveiled as the"
    " 11th Doctor Who.",
    'In a statement, the 55 - year - old said : "Being asked to play The Doctor is an amazing'
    " privilege.",
    # ECB+ 38ecbplus, 12ecb, 21ecb: adding to what came before.
    "Residents of Sonoma County felt it, too, including some as far south as Santa Rosa.",
    "External affairs minister Pranab Mukherjee, too, had strongly defended the Navy's"
    " anti-piracy action on the high seas.",
    "Michael Gallagher happened to be right there, too.",
    # ECB+ 21ecb, 12ecb, 38ecbplus: a medium the reader has not met.
    "Police pulled the 36-year-old driver over a few blocks away, the station reported.",
    "The Indian warship Mysore, which carried out Saturday's operation, is on anti-piracy patrol"
    " in the Gulf of Aden, the release said.",
    "There were no immediate reports of damage, the newspaper said.",
    # ECB+ 14ecbplus, 16ecbplus, 3ecb, 6ecbplus: a clause opening on a pronoun, no comma to hand
    # over to a subject that names it.
    "When they arrived they called in an additional six engines, an aerial platform and an"
    " incident command vehicle.",
    "Once it was secure she kissed it tenderly.",
    "Whether he knew Wilhelm was a federal agent before he killed him could make a difference on"
    " whether federal authorities indict him and seek a death penalty in a federal court.",
    "Whether it will play in his favor is still an unknown at this point.",
    # ECB+ 9ecb, 16ecbplus, 28ecb: a pronoun object right after the subject and its verb.
    "Environmentalists viewed them as eroding the protections for endangered species.",
    "Deputies found him hiding in a bathtub three hours later.",
    "Supporters hailed him as a hero for blowing the whistle on a corrupt administration trying"
    " to cover up attempts to sabotage opponents.",
    # ECB+ 21ecbplus, 28ecbplus, 32ecbplus: a pronoun a group or an unnamed role says of
    # someone it does not name.
    "Police say she was struck by a grey Toyota Camry heading north on 117th Street, which then"
    " fled the scene.",
    "The coroner said he believes LaRue died Saturday of natural causes.",
    'The friend said she was "bubbly" when she saw her on Friday.',
    # ECB+ 13ecb, 4ecb: "the former", "the latter" with no word of whom they mean.
    "The former Republican vice presidential candidate went to the church Saturday to apologize"
    ' to pastors in case the estimated $ 1 million fire damages, suspected as arson, were "in any'
    " way connected to the undeserved negative attention the church has received '' since the"
    " governor's involvement with John McCain's presidential campaign.",
    "The latter helped contribute to her mysterious disappearance from the public eye, which"
    " lasted for decades and included years during which she battled mental illness and became a"
    " born-again Christian.",
    # ECB+ 12ecb: "there" adding to the sentence before.
    "There were also three outboard motors and a global positioning system receiver.",
    # ECB+ 28ecbplus: a quotation with a pronoun for its speaker, not a quoted name.
    '"Who.. . would it have been? " he mused in an interview with a Biloxi reporter recently.',
    # WikiNews M0091 (the demo's torch relay), ECB+ 21ecb: "this", what someone says of, stands
    # for what the sentence before told.
    "Olympic officials claim that this came as a result of actions by Pro-Tibetan protesters.",
    "A Sam's Club spokesperson said this is a terrible tragedy and their hearts and thoughts are"
    " with the woman's family.",
    # MultiLing M001, M007 (the demo's Abu Ghraib brief), ECB+ 12ecb: a part of a group the
    # reader has met before.
    "All of the men are British citizens.",
    "None of the reviews found that the Department of Defense ever ordered or condoned detainee"
    " abuse.",
    "Many of the vessels are taken to pirate-controlled regions in Somalia, where they are held"
    " for ransom.",
    # WikiNews M0067 (the demo's Haiti adoption brief, which opened on it), ECB+ 18ecbplus,
    # 21ecb: a role the reader has not met, acting.
    "The group belongs to the two-month-old New Life Children's Refuge charity, with some members"
    " from Central Valley Baptist Church in Meridian, Eastside Baptist Church in Twin Falls, Idaho,"
    " and others from Texas and Kansas.",
    "The judge ordered him held without bond pending his next court hearing April 19.",
    "The driver fled the scene after the woman was hit.",
    # MultiLing M007, M003 (the demo's Abu Ghraib and Tour briefs): others than, the rest of, a
    # place in a result the sentence before told of.
    "A total of nine other American soldiers were found guilty in allegations stemming from the"
    " Abu Ghraib prison abuse scandal.",
    "According to Danish news channel TV 2 News, the rest of the Rabobank team will be allowed to"
    " finish the race if they wish to do so.",
    "Third place went Contador's team mate Levi Leipheimer of United States, 31 seconds behind.",
    # WikiNews M0018 (the demo's anniversary story): a quotation the sentence before began.
    'Jowell continued, "Each one casts a shadow just as they do - each one standing tall and proud'
    " just as they did, and each one will in an individual way absorb and reflect light just as"
    ' they did."',
    # ECB+ 30ecb, 1ecb: an "it" that is what the sentence before told of, and an "it" that stands
    # for the clause after it but names someone the reader has not met.
    "It is likely to hit businesses who will struggle to communicate in the affected countires.",
    "It is unclear what she is being treated for.",
    # MultiLing M007, M001 (the demo's Abu Ghraib and London bombers briefs, read blind): a claim
    # without its claimant.
    "It is alleged that senior US defence officials knew of the abuse, including the Secretary of"
    " Defence, Donald Rumsfeld.",
    "It is suspected that the delayed fourth bombing aboard a double-decker bus was intended for"
    " travelers on the Northern Line, which had been suspended earlier that morning.",
    # MultiLing M002 (the demo's Royal Navy brief), M004, ECB+ 27ecb: an ordinal for a noun the
    # sentence before gave.
    "The second, by Tony Hall, former BBC Director of News and now Chief Executive of the Royal"
    " Opera House, examined the Ministry of Defence's (MOD) handling of the media attention in"
    " relation to the incident and has been published on the MOD website.",
    "The first is the preamble, which is non binding and is there to put the following decisions"
    " in context.",
    "The first was set for 1 p.m. PDT today and 11 a.m. PDT tomorrow in the U.S. and Canada.",
    # MultiLing M001, M005: one more of what the sentence before counted.
    "A fourth bomb exploded on a bus nearly an hour later in Tavistock Square.",
    "A second wave came at 04:15 (07:15 UTC).",
    # ECB+ 38ecb, 36ecbplus: more of what the sentence before counted.
    "Five more small quakes measuring between 1.0 and 1.9 on the Richter scale were reported in"
    " the following half-hour.",
    "Four more FLDS members are awaiting trial.",
    # MultiLing M005: "one" for the aftershock the sentence before counted.
    "The strongest one, a magnitude 4.1, occurred on land, at 06:44 local time (09:44 UTC); it was"
    " centered 66 km (41 miles) southeast of Pichilemu, O'Higgins Region and was felt stronger in"
    " Talca.",
]
# Seed-brief and MultiLing sentences that stand on their own.
STANDALONE = [
    # ECB+ 35ecb: an ordinal inside a compound counts nothing.
    "A fourth-year pro out of Northern Colorado, Jackson enjoyed a breakout year for the Chargers"
    " this season.",
    # ECB+ 29ecb: "too" of degree.
    "Late sacks and too much Manning gave the Colts a comeback win over the Jaguars on Thursday.",
    "Kirkpatrick, the 61-year-old accused, was charged with first-degree murder on Saturday.",
    # MultiLing M006: what the time is counted from is in the sentence.
    "A tsunami alert was initially issued following the tremor, but it was retracted shortly"
    " afterwards.",
    "Next week, the company will release the first results of the new trial to regulators.",
    "The two sides agreed on a ceasefire that took effect at midnight on Sunday.",
    '"We see them going to work, just as before", a USA official told The Post.',
    "Satellite images showed continued activity at North Korean nuclear and missile sites.",
    "Joel Wit, founder of the respected 38 North organization that monitors North Korea, noted it"
    " is not uncommon for a country to continue producing weapons up until the very moment an"
    " actual deal is signed.",
    "U.S. citizens donating in 2005 to help tsunami victims may write off their donations on their"
    " 2004 tax returns, thanks to a bill quickly passed in the U.S. House of Representatives and"
    " the U.S. Senate on a voice vote, and signed into law by president George W. Bush.",
    # ECB+ and MultiLing: an existential "there" and a named organisation need nothing before.
    "There were no immediate reports of any casualties at the camp, less than 25 km (15 miles)"
    " from the border with Sudan.",
    "The US Geological Survey said the latest tremor had a magnitude of 6.1 and was centered 59"
    " kilometres from the capital Port-au-Prince, which was devastated by the initial quake.",
    "All seven of those who have been prosecuted were convicted, receiving prison sentences.",
    # ECB+ 29ecbplus: the clause's "they" is the main clause's subject.
    "Although they started the game with a three - and - out, the Colts were able to light up the"
    " scoreboard first.",
    'The Ministry of Defence said that the Royal Navy personnel had been "engaged in routine'
    ' boarding operations of merchant shipping in Iraqi territorial waters" and had finished'
    " their search of the suspect vessel when they were surrounded by Iranian forces.",
    # Several speakers, "they" themselves (ECB+ 43ecbplus).
    "AMD and SeaMicro say that they will explore the use of SeaMicro's fabrics with all sorts of"
    " processors.",
    # A brand or a name particle in small letters opens a sentence of its own.
    "iPhone sales rose 20 percent in the quarter, Apple said on Tuesday.",
    "de Boer said the talks in Bali would set the agenda for the next two years.",
    # ECB+ 7ecbplus: the age comes with the name.
    "The 36 - year - old champion Klitschko floored Thompson with a big right hand.",
    # ECB+ 25ecbplus: every long word a name, but too few to be a Title Case headline.
    "Pierre Thomas and Chris Ivory are out for the season.",
    # A fronted phrase with "to", not headline grammar.
    "According to the US Geological Survey, the quake hit at a depth of 10 kilometers.",
    "From New York to the coast, schools closed for the day.",
    # MultiLing M004, ECB+ 38ecb, 19ecb: a time the publication anchors.
    "Earlier this week, Japan took a position similar to the United States in proposing that any"
    " new agreement should favor voluntary emissions targets instead of mandatory ones.",
    "Earlier this morning, an earthquake with a preliminary magnitude of 2.0 struck near The"
    " Geysers, according to the USGS.",
    # ECB+ 12ecb, MultiLing M004 (an article's opening): this year, this week.
    "This year, pirates have attacked nearly 100 vessels off Somalia's coast and hijacked nearly"
    " 40, the International Maritime Bureau said.",
    'This year\'s session of the "United Nations Climate Change Conference", which includes'
    " meetings of the COP and CMP, begins next week in Bali, Indonesia.",
    # ECB+ 12ecb, 8ecbplus, 36ecb: what the sentence adds to, or follows from, is in it.
    "In addition to the 12 Somali and 11 Yemeni suspects, the Indian navy seized two small boats"
    " and \"a substantial cache of arms and equipment, '' the military said in a statement.",
    "As a result of the Athens riots, the police have cordoned off the entire center of the city,"
    " erecting check points of entry and exit, while all police work permits have been recalled.",
    "Besides an estimated 1,000 Canadians living in Bountiful, the U.S. Embassy estimates there are"
    " about 300 Americans there who are loyal to Blackmore and 200 others who follow Jeffs, who is"
    " in jail awaiting trial in Arizona on four counts of being an accomplice to sexual conduct"
    " with a minor.",
    # ECB+ 19ecb, 28ecb: a count with its noun, and "some" of people at large.
    "Several hundred protesters set up burning barricades and attacked police with rocks and"
    " flares.",
    "Some speculated that Felt was the source who connected the White House to the June 1972"
    " break-in at the headquarters of the Democratic National Committee.",
    # ECB+ 10ecb, 19ecbplus: "though" joining a clause of the sentence's own.
    "The Red Sox, considered to be the front-runner for Teixeira, also have put in a bid, though"
    " monetary details have been kept quiet.",
    "Police said there is no evidence the unidentified officers acted inappropriately, though they"
    " were put on administrative leave.",
    # ECB+ 19ecb, 28ecb: counted back from a day the sentence names.
    "Two weeks before Christmas, Athens looks like downtown Beirut.",
    "Days before Pearl Harbor, after earning a law degree in night classes at George Washington"
    " University, Felt applied to the FBI and joined it in January 1942.",
    "Ed Smith said the vote on Friday was a victory for the whole community here.",
    # ECB+ 9ecb, 23ecb (an article's first sentence): the speaker's own pronoun.
    "Obama has said he would work to reverse the changes.",
    "AN AUSTRALIAN climber who watched his brother fall to his death on New Zealand's highest"
    " peak said he was expecting to die that night on the treacherous mountain.",
    # ECB+ articles' first sentences: a role named by whose it is, existential "there's", "the
    # former" with the clause that says whom it means, a name in quotation marks, a group named
    # before its part, a pronoun for someone the sentence names before it.
    "The government of Turkmenistan said 90 per cent of eligible voters had participated in"
    " parliamentary elections Sunday, despite boycotts from opposition groups.",
    "There's been more rioting in Greece in protest at the death of 15-year-old Alexandros"
    " Grigoropoulos.",
    "The former FBI second-in-command who revealed himself as \"Deep Throat '' 30 years after he"
    " tipped off reporters to the Watergate scandal that toppled a president has died.",
    "'The Hunger Games' sequel is in negotiations.",
    '"Twilight " author Stephenie Meyer confirmed the news on her official website Saturday'
    " morning in a post designed to calm the rising anguish among fans who loved the first film"
    " adaptation.",
    "Three people, one of them a pregnant woman, were killed when Greeks protesting against"
    " government austerity measures threw petrol bombs at a bank in Athens on Wednesday.",
    "A driver has been charged with DWI and criminally negligent homicide after police say he"
    " struck and killed a woman in Queens last night.",
    # ECB+ 36ecb, 41ecb, 26ecb: a part of a group the sentence says.
    "One of the wives of former Fundamentalist LDS Church leader Winston Blackmore confirmed his"
    " arrest Wednesday.",
    "Three of the four Israeli soldiers killed by friendly fire died when a tank mistakenly fired"
    " on a building where the soldiers had taken up positions.",
    "One of the key suspected Mafia bosses arrested yesterday in one of Sicily's biggest police"
    " operations has hanged himself in his prison cell, police said.",
    # MultiLing M002, ECB+ 18ecbplus, 19ecbplus: a role a nation qualifies, or a participle.
    "The British government claims that the confessions were extracted under duress.",
    "The man accused of shooting his three former co - workers is Anthony LaCalamita III, a 38 -"
    " year - old Troy resident who was fired from Gordon Advisors on Thursday.",
    "The officers involved in the shooting were also treated for trauma and tinnitus.",
    # ECB+ 8ecbplus: others than ones the sentence says.
    "Two other buildings besides the bank were set on fire.",
    # "this" before a noun of its own.
    "Officials said this year's harvest was the worst in three decades.",
    # ECB+ 28ecb, 5ecb: going on with something else than a quotation.
    "Deep Throat continued to leak and on the assumption that he was being monitored he had"
    " elaborate procedures for contacting Woodward.",
    # ECB+ 12ecb: the speaker's "it".
    "Last month, the Indian navy said it had sunk a pirate \" mother vessel '' in the Gulf of"
    " Aden.",
    # "Even" opening a clause of its own.
    "Even if relations between AMD and Nvidia turn frosty and ATI loses Intel's business, AMD"
    " executives predict a combined offering would bring in an additional $ 300 million in"
    " revenue in the PC realm alone for every share point gained against Intel.",
    # ECB+ 1ecb: a day in full at the end, in a report's past tense.
    "Reid checked herself in on Tuesday, December 9, 2008.",
    # A time of its own.
    "At the time of the escape, the inmate was in a wheelchair, which he claimed he needed to help"
    " move him around, officials said.",
    # WikiNews M0096 (the demo's Olympics brief, which left it out and kept the sentence after it,
    # "A recording of another girl's voice played ..."), ECB+ 14ecbplus, 40ecb: an "it" that
    # stands for the clause after it.
    'It has been revealed that nine-year-old Lin Miaoke, who performed "Ode to the Motherland"'
    " during the ceremony, was only a visual effect.",
    "It is not known how long the store will be closed.",
    "It appears that Cupertino is finally listening.",
]
FRAGMENTS = [
    "North Korea may be working on new intercontinental missiles",  # headline, no verb/period
    "• Jon Douglas",
    "Saturday, January 8, 2005",
    "Image: Diego Grez.",
    "Did you see him get on to a #30 bus?",
    "U.N. warns of delays",
    "Click here for the latest news on the North Korean nuclear talks.",
    "Photo: Satellite image of the Sohae launch site, courtesy of Airbus Defence and Space.",
    "Reporting by Hyonhee Shin; Editing by Paul Tait and Lincoln Feast.",
    "BY JOHN DOUGLAS AND MARY SMITH ASSOCIATED PRESS WRITERS.",
    "The equipment was not returned.",  # too short to carry a point
    '* United Nations - "UN Emergency Relief Coordinator and Under-Secretary-General for'
    " Humanitarian Affairs Jan Egeland said the final death toll could climb beyond 150,000.",
    # ECB+ 14ecb: a police appeal, not news.
    "Anyone with information is asked to call police on 0845 125 2222 or Crimestoppers"
    " anonymously on 0800 555 111.",
    # ECB+ 42ecbplus: a link its tokenizer spaced out.
    "T-Mobile customers can visit http : / / business. t - mobile.com / blackberry - q10 for"
    " details of the new BlackBerry Q10 plans.",
    # Article-extraction benchmark pages (BBC Newsbeat, Dealbreaker): the outlet's promotion.
    "Listen to Newsbeat live at 12:45 and 17:45 weekdays - or listen back here.",
    "Start your day with the Opening Bell powered by The Water Coolest.",
    # ECB+ 42ecb, 9ecbplus, 6ecbplus: a pointer to somewhere else.
    "More information on the BlackBerry Curve 8900 is available on RIM's website.",
    "For more information, check out the ESC statement.",
    "Hit the jump for more details and how \u2018 Catching Fire \u2019 could face a huge delay.",
    # ECB+ 42ecbplus: the page around the article.
    "Interested customers can register for updates on the Q10 at the link below.",
    # ECB+ 13ecbplus: an article whose text begins mid-sentence.
    "fast - moving fire destroyed the historic Matanuska Maid warehouse early this morning.",
    # ECB+ 26ecbplus, 42ecbplus, 44ecbplus: characters the source's encoding lost.
    "Police detectives said that as a teen - ager, he became a prot\ufffdg\ufffd of Vito"
    " Genovese, who was a potent Mafia leader in the United States.",
    "The BlackBerry Q10 combines a QWERTY keyboard and a touch screen with the power of the"
    " BlackBerry\ufffd 10 platform.",
    "EYP MCF ’ s capabilities %%MDASSML%% particularly its expertise in energy - efficient"
    " operations %%MDASSML%% complement HP ’ s extensive Data Center offerings.",
    # A wire's note to its editors (AP, New York Times news service).
    "Eds: Adds quote from White House spokesman in 5th graf.",
    "Editor's note: This story contains language some readers may find offensive.",
    # ECB+ 19ecbplus, 43ecbplus: Title Case headlines with their small words in small letters.
    "Anger in East Flatbush Persists Over Teenager ’ s Killing by the Police.",
    "AMD's Acquisition of SeaMicro Puts Intel on the Defensive.",
    # ECB+ 2ecbplus, 43ecbplus: headline grammar, a name and "to" for the future.
    "Ellen DeGeneres to host the Oscars this year.",
    "Advanced Micro Devices to acquire microserver vendor SeaMicro for $334 million.",
    "AMD to acquire microserver vendor SeaMicro - - a user of Intel chips.",
    # ECB+ 21ecbplus: a law firm's blog post, its line of meta.
    "On behalf of Howard R. Sanders, Esq. posted in Pedestrian Accidents on Wednesday, September"
    " 18, 2013.",
    # ECB+ 21ecbplus: one sentence cut in two at the decimal point of ".09 percent".
    "The driver was taken to the 112th Precinct, where police documented that he allegedly had"
    " a blood alcohol content of.",
    "09 percent – above New York ’ s legal limit of.",
    # WikiNews (MultiLing M0018, M0020, M0056): photo captions, no verb.
    "Ambulances at Russell Square, London after the July 7, 2005 bombings.",
    "HMS Cornwall at Zeebrugge in 2006.",
    "Agustín Ross Balcony after the earthquake and tsunami.",
    # ECB+ 29ecbplus, 44ecbplus: a score line, a question with no verb.
    "Colts – 13, Chiefs – 10 and a new ballgame.",
    "Or, how about SAP and IBM, or some other combination.",
    # WikiNews (MultiLing M0011, the demo's suspects' profiles): a list's entries.
    "Ejaz Fiaz (also named as Eliaz Fiaz): possible co-conspirator, in his early thirties, from"
    " Beeston, Leeds.",
    "Initially thought to have been the suicide bomber on the Piccadilly Line train.",
    "Unnamed co-conspirator: an Al Qaeda operative believed to be the bomb-maker and cell"
    " organizer, described as a Pakistani in his 30s, who entered Britain through a port some"
    " time in June 2005, and left the country on 6 July.",
    "Mustafa Setmariam Nasar: suspected planner also believed to have organized the 11 March 2004"
    " Madrid bombings.",
    # ECB+ 34ecbplus: a news photo's caption.
    "President Barack Obama announces his nomination of Dr. Regina Benjamin, a physician who"
    " operates a clinic in Bayou La Batre, Ala., as the U.S. Surgeon General during an"
    " announcement in the White House Rose Garden Monday, July 13, 2009.",
]

# Sentences whose only verb a word list finds through its inflection, a hyphen or a clitic a
# tokenizer split off: not verbless (ECB+ 3ecb, 6ecb, 2ecb, 19ecbplus, 29ecb, 40ecb).
WITH_A_VERB = [
    "Guards pass inmates' meals, law books and other items through a slot in the door.",
    "Weitz co-directed American Pie, Down to Earth and About a Boy with his brother Paul.",
    "Only 5.8 million TV viewers tuned-in, far below the Globes' typical 20 million audience.",
    "“ This isn ’ t just from one particular shooting.",
    "\"I 'm here now, but I 'm not a player anymore.",
    "A new built-in battery powers the laptop for eight hours on a single charge.",
    # ECB+ 31ecb, WikiNews M0034: a colon inside a sentence, no list's label before it.
    "Another reminder : players like this come along only once in a generation.",
    'Astana manager Marc Biver declared: "Vino denies any blood manipulation.',
]


@pytest.mark.parametrize("sentence", DANGLING)
def test_dangling_openers_need_context(sentence: str) -> None:
    assert not is_fragment(sentence)
    assert needs_context(sentence)


@pytest.mark.parametrize("sentence", STANDALONE)
def test_standalone_sentences_pass(sentence: str) -> None:
    assert not is_fragment(sentence)
    assert not needs_context(sentence)


@pytest.mark.parametrize("sentence", FRAGMENTS)
def test_fragments_are_dropped(sentence: str) -> None:
    assert is_fragment(sentence)


@pytest.mark.parametrize("sentence", WITH_A_VERB)
def test_a_verb_found_through_its_form_keeps_a_sentence(sentence: str) -> None:
    assert not is_fragment(sentence)


def one_article(text: str) -> Article:
    """An undated article of one outlet holding ``text``."""
    return Article(key="k", title="", outlet="o", provenance=Provenance("p"), text=text)


def test_a_sentence_whose_words_the_brief_already_holds_is_a_retelling() -> None:
    """ECB+ 18ecb's 150-word brief, four reports' sentences: the charge, with the name and age
    the brief already gave, retells the lead (under the pairwise redundancy bar); the surrender
    is news."""
    lead, named, surrender, charge = range(4)
    story = prepare(
        [
            one_article(
                "A former employee who opened fire at an office Christmas party and killed one man"
                " has been charged with first-degree murder, police said Saturday."
            ),
            one_article(
                "Constable Tim Fanning allege the recently-fired man, Eric Allen Kirkpatrick, 61,"
                " opened fire at a Vancouver office Friday, killing Benjamin David Banky, 40."
            ),
            one_article("A 61-year-old man surrendered to police shortly after 6 p.m."),
            one_article(
                "A 61-year-old Vancouver man - Eric Allen Kirkpatrick - was charged Saturday with"
                " one count of first-degree murder in connection with the shooting, Vancouver"
                " police said."
            ),
        ]
    )
    assert [u.members for u in story.units] == [(lead,), (named,), (surrender,), (charge,)]
    assert retellings(story, [lead, named, surrender, charge]) == [charge]
    assert retellings(story, [charge, lead, named, surrender]) == []
    # The test that spares ordering a brief: true whenever some order has a retelling.
    assert may_retell(story, [lead, named, surrender, charge])
    assert not may_retell(story, [lead, named, surrender])


def test_datelines_are_stripped_verbatim() -> None:
    for raw, rest in [
        (
            "WASHINGTON (AP) _ The Senate voted 52-48 on Tuesday to confirm the nominee.",
            "The Senate",
        ),
        ("BEIJING, Oct. 16 (Xinhua) -- China and Japan agreed on a new trade pact today.", "China"),
        ("LONDON (Reuters) - British police arrested four men over the bombings.", "British"),
        (
            "Meadow Lake, Saskatchewan – The municipal council of a small town in Canada's Prairies"
            ' has said it "accidentally" donated $10,000 to the Red Cross for tsunami relief.',
            "The municipal",
        ),
        (
            "TEXAS, US – A United States Army court martial found Army Spc. Charles Graner"
            " guilty of abusing prisoners at Iraq's Abu Ghraib prison.",
            "A United",
        ),
        (  # ECB+ 34_5ecbplus, a press release
            "For immediate release : The American Medical Association is delighted that Dr. Regina"
            " Benjamin, MD, has been nominated to serve as our nation's next U.S. Surgeon General.",
            "The American",
        ),
        (  # ECB+ 16ecbplus, a web page's update label
            "UPDATE : A suspect has been arrested in connection with the killing of a Los Angeles"
            " County sheriff's deputy.",
            "A suspect",
        ),
    ]:
        stripped = strip_dateline(raw)
        assert stripped.startswith(rest)
        assert raw.endswith(stripped)
    # Release of something else is news, not a header.
    demand = "For immediate release of the hostages, the group demanded a ransom on Friday."
    assert strip_dateline(demand) == demand
    # A capitalised word before a colon is no label unless it is one.
    assert strip_dateline("NASA : The probe reached orbit on Friday.") == (
        "NASA : The probe reached orbit on Friday."
    )


@pytest.mark.parametrize(
    ("raw", "rest"),
    [  # ECB+ 39ecbplus, 18ecbplus, 22ecbplus, 40ecbplus: a heading, or a sentence without its
        # full stop, glued onto the next sentence.
        (
            "Celeb fans took to Twitter as Matt Smith's replacement was unveiled The new Doctor Who"
            " has finally been unveiled.",
            "The new Doctor Who has finally been unveiled.",
        ),
        (
            "Suspect had been fired last week by Troy, Mich., company An accounting firm employee"
            " who was fired last week shot and killed a woman.",
            "An accounting firm employee who was fired last week shot and killed a woman.",
        ),
        (
            "The woman accused had just been escorted from the building 10 minutes earlier Minutes"
            " after a woman was suspended, she returned with a gun.",
            "Minutes after a woman was suspended, she returned with a gun.",
        ),
        (
            "The line also includes both USB 2.0 and USB 3.0 support Unlike Apple's next -"
            " generation MacBook Pro, its 13 - and 15 - inch MacBook Pros don't come with Retina"
            " displays.",
            "Unlike Apple's next - generation MacBook Pro, its 13 - and 15 - inch MacBook Pros"
            " don't come with Retina displays.",
        ),
        # ECB+ 34ecbplus, 40ecbplus: a subhead before a conditional or a sequence word.
        (
            "Patients before profits If confirmed, Dr. Benjamin would be the nation's lead public"
            " health educator.",
            "If confirmed, Dr. Benjamin would be the nation's lead public health educator.",
        ),
        (
            "New MacBooks Next, global marketing VP Phil Schiller announced updates to the MacBook"
            " line.",
            "Next, global marketing VP Phil Schiller announced updates to the MacBook line.",
        ),
        (  # ECB+ 9ecbplus: a press statement's byline.
            "Statement by Francesca Grifo Today, Interior Secretary Ken Salazar rescinded"
            " eleventh - hour Bush administration changes to Endangered Species Act regulations.",
            "Today, Interior Secretary Ken Salazar rescinded eleventh - hour Bush administration"
            " changes to Endangered Species Act regulations.",
        ),
        (  # ECB+ 11ecb: a subhead before "There was".
            "International observers There was no shortage of voters in the parliamentary"
            " elections in Turkmenistan.",
            "There was no shortage of voters in the parliamentary elections in Turkmenistan.",
        ),
        # ECB+ 26ecbplus, 30ecbplus, 35ecbplus, 9ecbplus: a subhead or a sentence without its full
        # stop, then a small word that opens sentences.
        (
            "Heart disease He died in a medical prison in Springfield, Missouri, on Monday"
            " morning, said a spokesman for the facility.",
            "He died in a medical prison in Springfield, Missouri, on Monday morning, said a"
            " spokesman for the facility.",
        ),
        (
            "Initial estimates indicate that the total SEACOM repair time will be around twelve"
            " days As many SA gamers may have noticed, SEACOM is experiencing downtime again.",
            "As many SA gamers may have noticed, SEACOM is experiencing downtime again.",
        ),
        (
            "Team has program to address problem Two years ago, the Chargers won an NFL special"
            " award for helping start a San Diego program.",
            "Two years ago, the Chargers won an NFL special award for helping start a San Diego"
            " program.",
        ),
        (
            "Interior and Commerce Secretaries Must Act by May 9 More than 1, 300 federal and"
            " independent scientists today called on the Interior and Commerce departments.",
            "More than 1, 300 federal and independent scientists today called on the Interior and"
            " Commerce departments.",
        ),
        # ECB+ 21ecb, 21ecbplus: a headline, then "Police ..." after a word in small letters.
        (
            "Police use Taser to arrest hit-and-run suspect Police have arrested a man in the hit"
            " -and-run death of a woman in the parking lot crosswalk at Sam's Club in Bloomington.",
            "Police have arrested a man in the hit -and-run death of a woman in the parking lot"
            " crosswalk at Sam's Club in Bloomington.",
        ),
        (
            "The woman was taken to Jamaica Hospital in traumatic arrest Police say a 59 - year -"
            " old woman died after being struck by a vehicle in Queens Friday night.",
            "Police say a 59 - year - old woman died after being struck by a vehicle in Queens"
            " Friday night.",
        ),
        # ECB+ 21ecbplus: a headline, then a sentence opening on an age.
        (
            "Driver Charged With DWI, Vehicular Manslaughter A 59 - year - old mother of two died"
            " when a drunken driver struck her with his car and then drove off, police said.",
            "A 59 - year - old mother of two died when a drunken driver struck her with his car and"
            " then drove off, police said.",
        ),
        ("Surrey Police said firefighters and a police car were at the scene on Friday.", None),
        ("No further details were reported by Authorities about the effects of the cuts.", None),
        ("The warning was ignored by the Police and the Fire Bureau during that night.", None),
        # Titles and names made of those small words stay whole.
        ("The film In the Heat of the Night won five Oscars that year, the paper said.", None),
        ("Microsoft's Fix It patch applies only to 32 - bit versions of IE.", None),
        ("Stage One will be on the following day, starting in Greenwich at 11:00.", None),
        ("He wrote a book called On the road to Damascus about the war in Syria.", None),
        # A title, a letter name and a short rest stay whole.
        ("The story ran in The New York Times on Sunday, editors said.", None),
        ("Star wattage has dimmed, with many members of the A list refusing to attend.", None),
        ("Police found the car abandoned near the bridge The driver fled.", None),
        ("He asked what would happen If I Were a Boy topped the charts, she said.", None),
        ("Critics said There Will Be Blood was the best film of the year by far.", None),
    ],
)
def test_a_glued_heading_is_cut_off(raw: str, rest: str | None) -> None:
    assert strip_glued_heading(raw) == (rest or raw)


@pytest.mark.skipif(not SEED.is_file(), reason="seed brief not present")
def test_seed_brief_as_a_story_loses_its_dangling_sentences() -> None:
    text = SEED.read_text(encoding="utf-8")
    article = Article(
        key="seed", title="North Korea may be working on new intercontinental missiles",
        text=text, outlet="seed", provenance=Provenance(str(SEED)),
    )  # fmt: skip
    brief = summarize([article], 250)
    chosen = [s.text for s in brief.sentences]
    assert chosen
    sentences = split_sentences(text)
    for sentence in chosen:
        assert not is_fragment(sentence)
        if needs_context(sentence):
            # Only together with the sentence before it in the source.
            previous = sentences[sentences.index(sentence) - 1]
            assert chosen[chosen.index(sentence) - 1] == previous
    assert "Those kinds of challenges can drag out the process by many years." not in chosen
    assert not any(s.endswith("the spokesman said.") for s in chosen)


def cosine(a: Counter[str], b: Counter[str]) -> float:
    """Reference cosine of two bags of stems, independent of the brief's own matrices."""
    dot = sum(v * b[k] for k, v in a.items())
    norms = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norms if norms else 0.0


@needs_data
@pytest.mark.parametrize("topic", [f"M00{i}" for i in range(10)])
def test_real_briefs_are_coherent_and_not_redundant(topic: str) -> None:
    articles = read_topic(topic)
    brief = summarize(articles, 250)
    texts = [s.text for s in brief.sentences]
    vectors = [Counter(content_stems(words(t))) for t in texts]
    for i, sentence in enumerate(brief.sentences):
        assert not is_fragment(sentence.text, sentence.citation.title)
        if needs_context(sentence.text) and not needs_context(sentence.text, opening=True):
            # "Another large aftershock of the February 27 8.8 earthquake ... rocked Chile" opens
            # its article: it counts on what its reader knows of the world.
            assert sentence.sentence_index < LEAD_SENTENCES
        elif needs_context(sentence.text):
            assert i > 0
            before = brief.sentences[i - 1]
            assert before.citation.article_key == sentence.citation.article_key
            assert before.sentence_index == sentence.sentence_index - 1
        for j in range(i):
            assert cosine(vectors[i], vectors[j]) < REDUNDANCY_THRESHOLD, (texts[j], texts[i])


def _with_other_outlet(articles: list[Article], text: str) -> list[Article]:
    other = Article(
        key="other", title="Tsunami donations", text=text + "\n\nUnrelated closing words.",
        outlet="Other Outlet", provenance=Provenance("other"), published=articles[-1].published,
    )  # fmt: skip
    return [*articles, other]


@needs_data
def test_repeated_point_is_said_once_and_counts_its_outlets() -> None:
    articles = read_topic("M000")
    point = summarize(articles, 250).sentences[0]
    assert point.text.startswith("The death toll from the earthquake and tsunamis")
    # Another outlet reports the point in its own words: an independent confirmation.
    retold = (
        "More than 80,000 people have now died in the Asian and East African countries the "
        "earthquake and tsunamis hit, news agencies reported."
    )
    reprints = {point.citation.article_key: ["Reprint Daily"]}
    brief = summarize(_with_other_outlet(articles, retold), 250, reprints=reprints)
    texts = [s.text for s in brief.sentences]
    assert texts.count(point.text) + texts.count(retold) == 1
    (same,) = [s for s in brief.sentences if s.text in (point.text, retold)]
    assert {point.citation.outlet, "Other Outlet"} <= set(same.supporting_outlets)
    assert "Reprint Daily" in same.reprinted_by and "Reprint Daily" not in same.supporting_outlets
    assert same.support == len(set(same.supporting_outlets))  # the reprint is not counted


@needs_data
def test_a_sentence_copied_word_for_word_is_not_an_independent_outlet() -> None:
    articles = read_topic("M000")
    point = summarize(articles, 250).sentences[0]
    brief = summarize(_with_other_outlet(articles, point.text), 250)
    (same,) = [s for s in brief.sentences if s.text == point.text]
    assert same.support == 1
    outlets = {point.citation.outlet, "Other Outlet"}
    assert set(same.supporting_outlets) | set(same.reprinted_by) == outlets


def test_dash_inside_a_sentence_is_no_dateline() -> None:
    sentence = (
        "Tony Blair – the British prime minister – said on Monday that the talks would go ahead."
    )
    assert strip_dateline(sentence) == sentence


def test_sentence_inside_a_quotation_is_not_standalone() -> None:
    """MultiLing M006: the middle of a reporter's three-sentence quotation has no speaker."""
    paragraph = (
        '"People are still very traumatised here," said a reporter for the Al Jazeera news agency'
        " who was in Haiti when the aftershock struck. \"It's 6.30 in the morning, but people have"
        " taken to the streets with whatever belongings they have. A lot of buildings did not"
        " collapse in the quake [a week ago] but they have cracks. We do not have any reports of"
        ' damage yet."'
    )
    article = Article(
        key="m006", title="Aftershock hits Haiti", text=paragraph, outlet="Wikinews",
        provenance=Provenance("m006"),
    )  # fmt: skip
    story = prepare([article])
    standalone = [c.text for c in story.candidates if c.standalone]
    assert standalone == [split_sentences(paragraph)[0]]
    quoted = [c for c in story.candidates if c.text.startswith("A lot of buildings")]
    assert quoted and quoted[0].needs_previous
    unit_texts = {" ".join(story.candidates[m].text for m in u.members) for u in story.units}
    assert not any("A lot of buildings" in t for t in unit_texts)


def _article(key: str, text: str, title: str = "Texas inmate escapes") -> Article:
    return Article(key=key, title=title, text=text, outlet=key, provenance=Provenance(key))


def test_second_sentence_of_a_pair_is_checked_for_redundancy() -> None:
    """ECB+ 3ecbplus: "..., it said." joins its predecessor; it repeats another outlet's point."""
    first = _article(
        "a",
        "Arcade Joseph Comeaux Jr., 49, ran away on foot with the guards' guns and wearing one of"
        " their gray correctional officer uniforms, the statement from the Texas Department of"
        " Criminal Justice said. Comeaux was serving a life sentence for indecency with a child,"
        " aggravated sexual assault and two counts of aggravated assault with a deadly weapon, it"
        " said.",
    )
    second = _article(
        "b",
        "Comeaux was serving life in prison for aggravated sexual assault out of Brazos County.",
    )
    story = prepare([first, second])
    pair = next(u for u, unit in enumerate(story.units) if len(unit.members) == 2)
    alone = next(u for u, unit in enumerate(story.units) if unit.members == (2,))
    assert story.similarity_among([pair, alone])[0, 1] >= REDUNDANCY_THRESHOLD
    texts = [s.text for s in summarize([first, second], 100).sentences]
    assert not (second.text in texts and any(t.endswith("it said.") for t in texts))


def test_headline_only_records_still_brief() -> None:
    """ECB+ 23ecb: every record is a headline (text = title); the headlines are the content."""
    headlines = [
        "Police say a Perth mountain climber who watched his brother fall over the edge of New"
        " Zealand's highest mountain is devastated.",
        "Dr Mark Vinar, 43, is presumed dead after disappearing off Zurbriggens Ridge, on Mt Cook,"
        " on Thursday.",
        "A colleague has paid tribute to a Perth doctor feared dead after a fall from a mountain in"
        " New Zealand.",
    ]
    articles = [_article(f"h{i}", h, title=h) for i, h in enumerate(headlines)]
    brief = summarize(articles, 100)
    assert brief.sentences
    assert all(s.text in headlines for s in brief.sentences)


def test_ldc_wire_conventions_nyt_datelines_and_tex_quotes() -> None:
    """DUC/TDT text: "PHNOM PENH, Cambodia _ " datelines and ``...'' quotation marks."""
    assert (
        strip_dateline("PHNOM PENH, Cambodia _ The leader of the opposition said Friday that")
        == "The leader of the opposition said Friday that"
    )
    assert quote_open_after("``We will not accept a government formed by force,")
    # Inches and seconds are no quotation marks (MultiLing M003: "in a time of 5h 34' 28".").
    assert not quote_open_after('Apple introduced the 17" MacBook Pro on Tuesday.')
    assert not quote_open_after("Vinokourov won stage 15 in a time of 5h 34' 28\".")
    assert not quote_open_after("``We will not accept it,'' Ranariddh told reporters.")
    lead = (
        "   PHNOM PENH, Cambodia _ The leader of Cambodia's main opposition party said Friday that "
        "he would not join a coalition government with Prime Minister Hun Sen.\n\n"
        "   ``We will not accept a government that is formed by force,'' Ranariddh told "
        "reporters outside the palace.\n\n"
        "   Hun Sen's Cambodian People's Party won 64 of the 122 seats in the assembly, short of "
        "the two-thirds majority needed to form a government alone."
    )
    article = Article(
        key="NYT19981016.0215", title="Cambodian opposition leader refuses to join coalition",
        text=lead, outlet="New York Times", provenance=Provenance("NYT19981016.0215"),
    )  # fmt: skip
    brief = summarize([article], 100)
    texts = [s.text for s in brief.sentences]
    assert texts and texts[0].startswith("The leader of Cambodia's")
    assert not any("``" in t for t in texts), texts  # direct quotes are not summary points


def test_a_time_in_seconds_opens_no_quotation() -> None:
    """MultiLing M003: the seconds mark of "5h 34' 28"" made the sentences after it a quotation's
    continuation, so "Cadel Evans gained ground ..." could only come with its predecessor."""
    text = (
        "Alexandre Vinokourov of Kazakhstan has won stage 15 of the 2007 Tour de France in a time"
        " of 5h 34' 28\". Cadel Evans gained ground on Rasmussen and is now just one minute"
        " behind."
    )
    evans = next(c for c in prepare([one_article(text)]).candidates if c.text.startswith("Cadel"))
    assert not evans.needs_previous


def test_sentences_inside_a_single_quoted_quotation_are_not_narration() -> None:
    # ECB+ 1_5ecb quotes Tara Reid in single quotes over eight sentences; "I dated a million
    # guys, ..." reached a brief as if the outlet said it. A stray or possessive mark ("the
    # players' union") opens nothing: a quotation counts only when it closes soon after.
    text = (
        "In an October interview with People, Reid claimed she was a 'social drinker' and that "
        "her crazy past was far behind her. 'I 've done it. Trust me. I 've done enough for a "
        "lifetime of everything. I 've had a great time. I partied. I had fun. I ate and drank "
        "whatever. I dated a million guys, but I 'm so happy with where I 'm at right now. "
        "Hollywood was a wild place for everyone who worked in the movies back then. I do "
        "n't need to do anything anymore,' she told the magazine. Apparently, old habits die "
        "hard and the players' union said nothing about the actress and her friends."
    )
    inside = "Hollywood was a wild place for everyone who worked in the movies back then."
    story = prepare([one_article(text)])
    quoted = {c.text for c in story.candidates if c.needs_previous}
    assert inside in quoted
    assert not any(t.startswith(("In an October", "Apparently")) for t in quoted), quoted
    # In the first person it is the speaker's voice either way: never a point on its own.
    assert not any(c.standalone for c in story.candidates if c.text.startswith("I dated"))
    stray = prepare([one_article(text.replace("anymore,' she", "anymore, she"))])
    assert not any(c.needs_previous for c in stray.candidates if c.text == inside)


def test_a_title_in_single_quotes_opens_no_quotation() -> None:
    """ECB+ 6ecb: "the 'Twilight' franchise" closes its quote before a space; read as open, the
    sentence after it, which closes "'New Moon,'", lay inside a quotation, and the first could
    be shown only with it."""
    from newsdesk.brief.coherence import inside_quotations

    sentences = [
        "\"There will be a new director atop the 'Twilight' franchise : and he 'll be a man, ''"
        " Entertainment Weekly's \"Hollywood Insider '' is reporting.",
        "\"Sources tell EW.com that Summit Entertainment is about to hire Chris Weitz ('The Golden"
        " Compass') as the shepherd for 'New Moon,' the second installment of Stephenie Meyer's"
        " best-selling 'Twilight' series. ''",
    ]
    assert inside_quotations([(0, closed_up(t)) for t in sentences]) == [False, False]


@pytest.mark.parametrize(
    ("sentence", "leaves"),
    [  # ECB+ 10ecb, 41ecb: another event, said to be one.
        ("In other news, somewhere Manny Ramirez just punched something.", True),
        (
            "In a separate incident, seven UN staff were injured, three seriously, along with three"
            " patients, when a strike on a nearby building sent debris flying.",
            True,
        ),
        (
            "In a separate attack earlier in the day, three Palestinians were killed in an air"
            " strike on another school run by Unwra.",
            True,
        ),
        # WikiNews M006, ECB+ 9ecb: the same story goes on.
        (
            "Separately, the Inter-American Development Bank said it will immediately approve a"
            " $200,000 grant for emergency assistance to Haiti.",
            False,
        ),
        (
            "In a separate statement, Israel's foreign ministry said the border would stay shut.",
            False,
        ),
    ],
)
def test_a_sentence_that_turns_to_another_event_is_no_brief_sentence(
    sentence: str, leaves: bool
) -> None:
    assert opens_another_story(sentence) is leaves
    assert not is_fragment(sentence)
    lead = "Israeli shells struck a United Nations school in Gaza on Tuesday, killing 40 people."
    story = prepare([one_article(f"{lead} {sentence}")])
    candidate = next(c for c in story.candidates if c.text == sentence)
    assert candidate.standalone is not leaves and not candidate.needs_previous


def test_the_writers_own_voice_is_not_a_news_point() -> None:
    # ECB+ columns and blogs (6ecbplus, 13ecb, 4ecb): "I" outside quotation marks is the writer.
    for sentence in [
        "As I said many times in my review, Gary Ross ‘ direction was the strongest element of "
        "The Hunger Games.",
        "When the church fire destroyed church records, I suspected foul play, but knew that it "
        "was probably just chance.",
        "Now my piece of advice to the Colts - don't stop being Chuckstrong.",
        # ECB+ 40ecb: a contraction its tokenizer split off is no quotation mark.
        "I 'm curious about the real-world run times though.",
        # "We" and "our" too: a blog (25ecb, 42ecb), a press release (43ecbplus, 35ecbplus,
        # 34ecbplus), a statement read on without its quotation marks (13ecb).
        "We 'll know more about Bush Wednesday, when the Saints practice and hopefully reveal the"
        " results of his MRI.",
        "On Monday, we reported on rumors that T-Mobile would release the RIM BlackBerry Curve 8900"
        " on February 11.",
        "We are excited to have SeaMicro join AMD.",
        "Through the Chargers and the NFL, our players receive one of the most comprehensive"
        " education and support programs in sports.",
        "The American Medical Association is delighted that Dr. Regina Benjamin, MD, has been"
        " nominated to serve as our nation's next U.S. Surgeon General.",
        "The congregants of Wasilla Bible Church have our deep sympathy.",
        # ECB+ 5ecb, 4ecb, 27ecbplus: the writer addresses the reader.
        "If you do n't know by now : you disappoint in the NBA, you get canned.",
        "Page, you see, was to erotica what Elvis was to rock 'n' roll.",
        "Applying the Fix - It will protect Internet Explorer and prevent the currently"
        " circulating exploit from working on your systems.",
    ]:
        assert in_writers_voice(sentence), sentence
    for sentence in [
        "The subsequent car chase tied up traffic on the I - 75 corridor in Flint, Saginaw, and "
        "Bay City, Michigan for quite some time.",
        '"I will not go," Hun Sen told reporters outside the palace on Friday.',
        "Tyler Hansbrough scored 20 points as North Carolina beat Evansville on Saturday.",
        # ECB+ 1ecb, 30ecb: a magazine and a cable named with "Us" and "We".
        "Tara Reid has entered a rehab program, the American Pie star's rep confirmed to People"
        " and Us Weekly on Friday.",
        "The cuts were to the Sea Me We 4 and Sea Me We 3 lines, which connect countries between"
        " Singapore and France.",
        '"We are not in the business of public relations," the agency said.',
        "The US Geological Survey said the quake struck at a depth of 10 km.",
        # ECB+ 45ecbplus, 40ecb: a phone plan, and a "you" reported from its speaker.
        "Between 10 : 37 and 10 : 58 p. m. April 8, the pay - as - you - go phone called Flynn's"
        " phone six times.",
        "Jobs said that using the 9400M you get five hours of battery life.",
    ]:
        assert not in_writers_voice(sentence), sentence


def test_the_writers_voice_beside_a_quoted_word_or_two() -> None:
    """A blog that quotes a few words still speaks for itself outside them: ECB+ 39ecb's brief
    showed the first of these as news. Where the quotation marks do not pair up inside the
    sentence, its "I" or "we" may be the speaker's (ECB+ 23ecbplus, 39ecbplus)."""
    for sentence in [
        'But the casting of Smith is a stroke of genius : he will not bring any " star personality'
        " '' with him that perhaps a \"name '' would have, but he seems utterly committed, and I"
        " have to say he does have an other-worldly look to him.",
        "Jackman's naming as host prompted a \"love it or hate it '' reaction here on our news"
        " floor in Los Angeles.",
        "Clearly, I expect a flurry of “ now the Yankees have to get him ” comments.",
    ]:
        assert in_writers_voice(sentence), sentence
    for sentence in [
        '" A Foreign Office spokeswoman said : "We are aware of the death of a British man in New'
        " Zealand.",
        '" The decision was welcomed by Smith who pre - recorded a message to Capaldi, saying : "I'
        " just want to wish my successor all the best and just say good luck and good on you for"
        " getting it, because I know he is both a huge fan of the show and a really nice guy.",
        # ECB+ 12ecb, 16ecbplus: the quotation opened a sentence before.
        "We acted in self-defence, '' said the Navy chief.",
        "We will not let their killers go unpunished, ” the District Attorney said.",
        # ECB+ 10ecbplus: the quotation goes on in the next sentence.
        'In an e - mail to media members Thursday night, Henry said, "We met with Mr. Teixeira and'
        " were very much impressed with him.",
    ]:
        assert not in_writers_voice(sentence), sentence


def test_a_sentence_leaving_a_quotation_open_comes_only_with_its_rest() -> None:
    """WikiNews M0081 (the demo's Airbus story): 'Chief executive Thomas Enders said in a
    statement, "We want to know what happened, ...' leaves the quotation open; shown alone it
    reads as cut. It is shown only with the sentence that closes the quotation."""
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles([WIKINEWS / "M0081.english"]))
    index = next(i for i, c in enumerate(story.candidates) if "Thomas Enders said" in c.text)
    assert story.candidates[index].leaves_quote_open
    assert story.candidates[index + 1].text.endswith('significant contribution."')
    units = [u.members for u in story.units if index in u.members]
    assert units == [(index, index + 1)], units


ECB_OPEN_QUOTES = [
    DATA / "ecbplus" / "docs" / "45ecbplus" / "45_5ecbplus.json",
    DATA / "ecbplus" / "docs" / "35ecb" / "35_2ecb.json",
]


@pytest.mark.skipif(not ECB_OPEN_QUOTES[0].is_file(), reason="shared ECB+ data not present")
def test_a_quotation_left_open_introduces_no_one() -> None:
    """ECB+ 45ecbplus: "Told the deceased's father, Herbert Flynn Jr : 'I'm glad it's over." goes
    on in single quotes for two more sentences; 35ecb: 'General Manager A.J. Smith issued the
    following statement ... : "We 're aware of the off-the-field issue involving Vincent.' goes
    on in double quotes. Neither is shown without the rest, also not as the sentence that names
    the person a later sentence calls by surname ("Smith has let go a number of players ...")."""
    from newsdesk.evaluation.summarize import read_articles

    for path, opening in zip(
        ECB_OPEN_QUOTES, ("Told the deceased's father", "General Manager A.J. Smith"), strict=True
    ):
        story = prepare(read_articles([path]))
        index = next(i for i, c in enumerate(story.candidates) if c.text.startswith(opening))
        assert story.candidates[index].leaves_quote_open
        assert not any(c.introduced_by == index for c in story.candidates)
        assert not any(index in u.members for u in story.units)


def test_a_unit_never_ends_on_a_quotation_left_open() -> None:
    """WikiNews M0055: 'Grez said of Wednesday's midnight tremor, "I could see my sister coming
    down from the second floor ...' opens on a surname and leaves its quotation open. It came as
    a unit with the sentence that named Grez in full, ending mid-quotation; it now comes only
    with the rest of the quotation, as a standalone sentence that leaves one open does."""
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles([WIKINEWS / "M0055.english"]))
    grez = next(c for c in story.candidates if c.text.startswith("Grez said of Wednesday"))
    assert grez.leaves_quote_open and grez.introduced_by is not None
    for unit in story.units:
        assert not story.candidates[unit.members[-1]].leaves_quote_open, unit


def test_the_latest_of_a_series_comes_with_the_event_before_it() -> None:
    """WikiNews M006: "The US Geological Survey said the latest tremor had a magnitude of 6.1
    ..." stood alone, as the quake is the story's own event; but "the latest" is one of a
    series, and a blind reader found no earlier tremor told. It comes with the sentence that
    told of it: "A strong earthquake has once again struck Haiti, eight days after ..."."""
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles(sorted(WIKINEWS.glob("M006?.english"))))
    index = next(
        i for i, c in enumerate(story.candidates) if "said the latest tremor had" in c.text
    )
    latest = story.candidates[index]
    assert not latest.standalone and latest.introduced_by is not None
    introducer = story.candidates[latest.introduced_by]
    assert introducer.text.startswith("A strong earthquake has once again struck Haiti")
    assert (latest.introduced_by, index) in [u.members for u in story.units]


ECB_COOLEY = DATA / "ecbplus" / "docs" / "16ecbplus" / "16_1ecbplus.json"


@pytest.mark.skipif(not ECB_COOLEY.is_file(), reason="shared ECB+ data not present")
def test_a_speaker_named_by_surname_alone_comes_with_the_full_name() -> None:
    """A sentence "Cooley said ..." after "District Attorney Steve Cooley announced ...": the
    brief's reader meets Cooley only if the sentence naming him in full comes too."""
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles([ECB_COOLEY]))
    index = next(i for i, c in enumerate(story.candidates) if c.text.startswith("Cooley said"))
    cooley = story.candidates[index]
    assert cooley.introduced_by == index - 1 and not cooley.standalone
    assert "Steve Cooley" in story.candidates[index - 1].text
    assert any(unit.members == (index - 1, index) for unit in story.units)
    # A surname never given in full, and a role noun, stand on their own.
    text = (
        "Cooley said the deputy was shot outside an apartment on June 24.\n\n"
        "Divers were led by the Michigan State Police on Friday. Police said a search would"
        " resume at dawn near the park."
    )
    first = prepare([one_article(text)])
    assert [c.standalone for c in first.candidates] == [True, True, True]


def test_a_person_met_paragraphs_earlier_comes_with_the_sentence_naming_them() -> None:
    """WikiNews M0049: "De Boer repeatedly points out ..." (not a speech verb, and a surname with a
    particle) is shown only after the sentence naming "Yvo de Boer"."""
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles([WIKINEWS / "M0049.english"]))
    index = next(i for i, c in enumerate(story.candidates) if c.text.startswith("De Boer"))
    de_boer = story.candidates[index]
    assert not de_boer.standalone and de_boer.introduced_by is not None
    introducer = story.candidates[de_boer.introduced_by]
    assert "Yvo de Boer" in introducer.text and introducer.standalone
    assert [u.members for u in story.units if index in u.members] == [
        (de_boer.introduced_by, index)
    ]


@pytest.mark.skipif(not ECB_COOLEY.is_file(), reason="shared ECB+ data not present")
def test_an_appositive_after_a_surname_needs_the_full_name_too() -> None:
    """ECB+ 21ecbplus: "Subryan, 23, was charged ..." after "Vishwanand Subryan" was named, and
    "Chohan had called ..." with the sentence naming Raj K. Chohan ten sentences before."""
    from newsdesk.evaluation.summarize import read_articles

    paths = sorted((DATA / "ecbplus" / "docs" / "21ecbplus").iterdir())
    story = prepare(read_articles(paths))
    subryan = [c for c in story.candidates if c.text.startswith("Subryan,")]
    assert subryan and all(not c.standalone for c in subryan)
    for c in subryan:
        if c.introduced_by is not None:
            assert "Vishwanand Subryan" in story.candidates[c.introduced_by].text
    called = next(
        i for i, c in enumerate(story.candidates) if c.text.startswith("Chohan had called")
    )
    introducer = story.candidates[called].introduced_by
    assert introducer is not None and introducer < called - 5
    assert "Raj K. Chohan" in story.candidates[introducer].text
    assert (introducer, called) in [u.members for u in story.units]


def test_a_definite_group_the_reader_never_met_needs_the_sentence_before() -> None:
    """WikiNews M0067: "Police said the Americans did not have any paperwork ..." refers to people
    the article called "ten United States nationals": the sentence before must come too."""
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles([WIKINEWS / "M0067.english"]))
    americans = next(c for c in story.candidates if "the Americans did not" in c.text)
    assert not americans.standalone and americans.needs_previous
    assert americans.introduced_by is None
    # "The nationals tried to cross with the children ..." comes with the arrest that named them.
    nationals = next(c for c in story.candidates if c.text.startswith("The nationals tried"))
    assert not nationals.standalone and nationals.introduced_by is not None
    assert "ten United States nationals" in story.candidates[nationals.introduced_by].text
    # The article's lead introduces, it does not refer back.
    assert story.candidates[0].standalone


ECB_JACKSON = DATA / "ecbplus" / "docs" / "35ecb" / "35_4ecb.json"


@pytest.mark.skipif(not ECB_JACKSON.is_file(), reason="shared ECB+ data not present")
def test_the_player_comes_with_the_sentence_that_introduced_the_player() -> None:
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles([ECB_JACKSON]))
    index = next(i for i, c in enumerate(story.candidates) if c.text.startswith("The player was"))
    player = story.candidates[index]
    assert not player.standalone and player.introduced_by is not None
    introducer = story.candidates[player.introduced_by]
    assert introducer.standalone and "player" in introducer.text.lower()
    assert (player.introduced_by, index) in [u.members for u in story.units]


@pytest.mark.parametrize(
    ("text", "referent"),
    [  # ECB+ 41ecbplus, 3ecb, 26ecbplus: a role the reader has not met.
        ("The Reuters correspondent heard a large explosion, then saw a crater.", "correspond"),
        ("The frustrated prosecutor gambled on getting a death penalty decision.", "prosecutor"),
        ("The ex - boxer became part of the powerful Genovese mafia family.", "boxer"),
        # 25ecb: a two-word role.
        ("The running back has been placed on injured reserve by the Saints.", "running back"),
        # 29ecbplus, 10ecb, 21ecb: a role before a name, or an office, names who.
        ("The Colts' defense stuffed quarterback Brady Quinn on fourth down.", None),
        ("The Angels negotiated with pitcher CC Sabathia but made no offer.", None),
        ("The Hennepin County attorney's office handed down charges on Friday.", None),
        # MultiLing M001, ECB+ 45ecbplus: which jury?
        ("The jury were told that the footage was taken nine days before the bombings.", "juri"),
        ("The jurors recommended the maximum sentence of life in prison without parole.", "juror"),
        # ECB+ 45ecbplus, 9ecbplus, 33ecb: after a fronted phrase.
        (
            "According to a police affidavit, the couple had been dating for about three months.",
            "coupl",
        ),
        (
            "In a letter, the scientists urged the department secretaries to rescind changes.",
            "scientist",
        ),
        (
            "According to authorities, the teenager told police he was with a group of people.",
            "teenag",
        ),
        ("In the end, the company said it would not appeal.", None),
    ],
)
def test_a_role_the_reader_has_not_met_is_a_referent(text: str, referent: str | None) -> None:
    assert people_referent(text) == (referent and f"people:{referent}")


def test_the_storys_own_actors_need_no_introduction() -> None:
    """WikiNews M002: "The sailors and marines were captured ..." after a lead about "15 British
    Royal Navy personnel" needs that lead when its article stands alone; in the story, whose
    headlines and leads speak of the sailors again and again, the reader knows who they are."""
    from newsdesk.evaluation.summarize import read_articles

    paths = sorted(WIKINEWS.glob("M002?.english"))
    captured = "The sailors and marines were captured by Iranian border guards"
    alone = prepare(read_articles([WIKINEWS / "M0022.english"]))
    in_story = prepare(read_articles(paths))
    assert not next(c for c in alone.candidates if c.text.startswith(captured)).standalone
    assert next(c for c in in_story.candidates if c.text.startswith(captured)).standalone


@pytest.mark.parametrize(
    ("text", "surnames"),
    [  # ECB+ 3ecb, 2ecbplus and 20ecb: a place, a day or a phrase opener is no person's name.
        ("A judge in Fulton County, Ga., sentenced Brian Nichols Saturday to life.", ["Nichols"]),
        ("In Atlanta's posh Buckhead neighborhood, he shot and killed an agent.", []),
        ("Television icon Ellen DeGeneres will return to host the Oscars.", ["DeGeneres"]),
        ("The tremor struck at the entrance to the Persian Gulf, injuring five people.", []),
        ("Yvo de Boer and Sean O'Brien spoke.", ["de Boer", "O'Brien"]),
        # 37ecbplus, 41ecbplus, 35ecb: a place name's last word is no surname either.
        (
            "Ten houses were damaged in Takengon, the capital of Central Aceh district, said"
            " Sutopo Purwo Nugroho.",
            ["Nugroho"],
        ),
        ("Sudan has accused South Sudan of arming rebels in Southern Kordofan.", []),
        ("Jackson was arrested in San Diego by Officer Mark Lewis.", ["Lewis"]),
        # 10ecb, a unit of two sentences: a name ends at the full stop; initials do not end it.
        ("They want Mark Teixeira. The Angels offered more.", ["Teixeira"]),
        ("Agent J. Edgar Hoover died in 1972.", ["Hoover"]),
        # 35ecb, 42ecbplus: initials are a first name; "U.S." is not, and a sentence the
        # splitter ran on ("O.A.C. The smartphone") names no one "The".
        ("General Manager A.J. Smith issued the following statement.", ["Smith"]),
        ("Only major U.S. wireless company to offer the Q10.", []),
        ("Payments of $20 for 0% APR O.A.C. The smartphone will sell.", []),
        # The demo's Pichilemu brief (WikiNews M0056): names with accented letters.
        (
            "Policeman José Arévalo was the only person to warn residents that a tsunami was"
            " approaching.",
            ["Arévalo"],
        ),
        (
            "It occurred at 11:39 local time (14:39 UTC), while the new President Sebastián Piñera"
            " was sworn in.",
            ["Piñera"],
        ),
    ],
)
def test_full_names_are_people_not_places_or_days(text: str, surnames: list[str]) -> None:
    assert FULL_NAME_SURNAME.findall(text) == surnames


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Mr. Nichols fled downtown Atlanta and managed to evade police.", "nichols"),
        ("Deputy Ortiz was shot to death outside an apartment.", "ortiz"),
        # ECB+ 35ecbplus, 45ecbplus: a possessive surname opens the sentence too.
        ("Smith's statement served as the only comment from the Chargers.", "smith"),
        ("Flynn's body was found in a car near Spiro on April 9.", "flynn"),
        ("Chile's National System of Tsunami Alerts ruled out a tsunami.", None),
        ("DeGeneres made the announcement on Twitter on Friday.", "degeneres"),
        ("Arévalo was patrolling the Las Terrazas beach, when the earthquake occurred.", "arévalo"),
        ("Dr. Mark Vinar, 43, is presumed dead after disappearing.", None),
        ("Police said the search would resume at dawn.", None),
        # ECB+ 10ecbplus, 3ecb: the subject after a fronted phrase.
        ("Last night, Rosenthal reported that the Red Sox are making progress.", "rosenthal"),
        ("Outside the courtroom, Nichols shot and killed a sheriff's deputy sergeant.", "nichols"),
        ("When Ken Rosenthal called, Boras said the offer stood.", None),
        # MultiLing M007: a rank before the surname; the full name with its ranks is none.
        ("Gen. Miller declined to testify during the court-martial trial.", "miller"),
        ("Maj. Gen. Geoffrey Miller, a top US commander, declined to testify.", None),
        # ECB+ 8ecb, 13ecb, 23ecbplus, 36ecbplus: a rank spelled out ("Lieutenant Hastings said
        # he did not know why the officers took the bomb inside." was in 8ecb's briefs with
        # Gregg Hastings never named).
        (
            "Lieutenant Hastings said he did not know why the officers took the bomb inside.",
            "hastings",
        ),
        ("Chief Steele would not comment on the means used to set the fire.", "steele"),
        (
            "Inspector Gaskin said the deaths were a reminder that climbers needed to use extreme "
            "caution.",
            "gaskin",
        ),
        (
            "Captain Tennant was a 28-year veteran of the Woodburn Police Department, and Trooper "
            "Hakim, a bomb technician, had been with the force for 11 years.",
            "tennant",
        ),
        # ECB+ 28ecbplus: after a sentence adverb.
        ("Additionally, LaRue received more than $300, 000 in cash.", "larue"),
        # MultiLing M003 (opening the demo's Tour de France brief), ECB+ 31ecbplus: after a
        # word sharpening the fronted phrase.
        (
            "Just yesterday, Rasmussen was suspended by the Danish Cycling Federation because of "
            "a warning from anti-doping authorities within the Union Cycliste Internationale.",
            "rasmussen",
        ),
        # ECB+ 1ecb, 31ecbplus, 39ecbplus, 3ecbplus: after an adverb, a count of things later,
        # an adverb with "enough", "between".
        (
            "Somehow, Reid managed to mess up the dream-job/easiest job ever by being too wasted "
            "and out of control to film it.",
            "reid",
        ),
        (
            "Two trips later, Artino missed a shot but secured the follow and scored again.",
            "artino",
        ),
        (
            "Oddly enough, Capaldi was recently seen in Brad Pitt's World War Z as a World Health "
            "Organization doctor, or W.H.O. doctor, for short.",
            "capaldi",
        ),
        (
            "Between 1991 and 1998, Comeaux was in and out of prison on parole violations until "
            "he finally returned to prison in June 1999 to serve a life sentence for aggravated "
            "sexual assault.",
            "comeaux",
        ),
        (
            "Shortly before hitting the court, McDermott had told his father, Creighton coach "
            "Greg McDermott, that he intended to return for his senior season rather than "
            "declare for the NBA draft.",
            "mcdermott",
        ),
    ],
)
def test_a_surname_opener_after_a_title_or_with_an_inner_capital(
    text: str, surname: str | None
) -> None:
    assert opening_surname(text) == surname


def test_a_pronoun_after_a_fronted_phrase_needs_its_referent() -> None:
    """ECB+ 3ecb opened its brief with "In Atlanta's posh Buckhead neighborhood, he shot and killed
    ...": who is "he"? A fronted phrase that names the person carries the referent itself."""
    text = (
        "Brian Nichols was sentenced to life in prison on Saturday for his 2005 rampage.\n\n"
        "In Atlanta's posh Buckhead neighborhood, he shot and killed federal agent David Wilhelm"
        " at a house the agent was renovating.\n\n"
        "While Nichols did not receive the death penalty, he will likely die in prison, his"
        " lawyers said."
    )
    story = prepare([one_article(text)])
    assert [c.standalone for c in story.candidates] == [True, False, True]
    assert story.candidates[1].needs_previous


@pytest.mark.parametrize(
    "sentence",
    [
        # ECB+ 22ecbplus, 5ecbplus, 6ecbplus, 34ecbplus: who is "she", "he"?
        "Reportedly, she was a professor whose tenure had been denied.",
        "Currently, he ranks fourth in steals and eighth in assists all - time.",
        "Unsurprisingly, he would like a raise on the sequel.",
        "Additionally, she was chosen as President of the Medical Association of Alabama in 2002.",
        # ECB+ 35ecbplus, 32ecbplus, MultiLing M001: after a participle.
        "Arrested by the CHP on suspicion of drunken driving, he was booked into county jail and"
        " later released on bond.",
        "According to a relative, he had suffered mental health problems for some time.",
        "Pending his extradition, he was held at Rebibbia jail, Rome, a high-security facility.",
        # ECB+ 10ecb, 5ecb: after a word that sums up or concedes.
        "Overall, he finished the season with a .308 average, 33 homers and 121 RBI.",
        "True, they had bad losses early to the Bobcats and Timberwolves, and lost a"
        " home-and-home to the Cavaliers on Wednesday and Friday.",
        # ECB+ 6ecb, 34ecbplus, 14ecbplus: after a short phrase with no comma.
        "Last year he helmed The Golden Compass, based on the Philip Pullman novel, which did n't"
        " impress North American audiences but was a hit overseas.",
        "In 1990 she founded the Bayou La Batre Rural Health Clinic, which cares for a largely"
        " uninsured working - class community that was hit by both Hurricanes Katrina and"
        " George.",
        "Upon arrival they found that the roof fire was quite significant.",
        # ECB+ 5ecb: after a day.
        "Saturday, he became the latest coach -- one-sixth of the league's head men already gone"
        " in little more than five weeks -- to succumb to the pyre.",
    ],
)
def test_a_pronoun_after_a_sentence_adverb_needs_its_referent(sentence: str) -> None:
    assert pronoun_after_fronted_phrase(sentence, set())
    story = prepare([one_article(f"Police found the body of a woman on Monday.\n\n{sentence}")])
    assert story.candidates[1].needs_previous and not story.candidates[1].standalone


@pytest.mark.parametrize(
    "text",
    [
        # ECB+ 21ecbplus: "..., according to Brown." after the sentence naming the district
        # attorney in full.
        "Queens District Attorney Richard Brown said the driver had been drinking.\n\n"
        "Video surveillance from the area showed the vehicle striking Chohan, causing her to"
        " become airborne, according to Brown.",
        # ECB+ 35ecbplus: the article named the Chargers' general manager in full only with
        # initials.
        "\u201c It\u2019s disappointing to hear about the issue involving Jamal Williams,\u201d"
        " general manager A.J. Smith said in a statement released by the team.\n\n"
        "Smith didn\u2019t return a call seeking further comment.",
    ],
)
def test_a_surname_alone_comes_with_the_sentence_that_named_it_in_full(text: str) -> None:
    story = prepare([one_article(text)])
    assert not story.candidates[1].standalone
    assert story.candidates[1].introduced_by == 0


def test_a_report_may_be_attributed_to_a_news_medium() -> None:
    assert speaker_surname("Service will be restored by December 31, according to Bloomberg.")


@pytest.mark.parametrize(
    "sentence",
    [
        # MultiLing M005 (the demo's Chile aftershocks): which quake?
        "With a magnitude of 4.3, it occurred 34 kilometers northwest of Talca, Maule Region, near"
        " Lolol at a depth of 65.1 kilometers.",
        "According to the University of Chile, it had a magnitude of 5.6, and occurred 32"
        " kilometers south of Pichilemu, O'Higgins Region at a depth of 41.9 kilometers.",
        # ECB+ 38ecbplus, 13ecbplus, 43ecbplus, 27ecb.
        "According to Earthquaketrack.com, it is the largest earthquake in the area for the past"
        " month.",
        "In 1983, it was forced to file for bankruptcy.",
        "Most recently, it raised $20 million.",
        "In short, it was really nasty stuff.",
    ],
)
def test_it_after_a_fronted_phrase_needs_its_referent(sentence: str) -> None:
    assert pronoun_after_fronted_phrase(sentence, set())


@pytest.mark.parametrize(
    "sentence",
    [
        # ECB+ 9ecbplus, 34ecbplus, 29ecbplus, 10ecb, 44ecbplus: "it" stands for what follows.
        "On Friday, it was reported that the Interior Department sent a rule to the White House"
        " Office of Management and Budget.",
        "With hectic work schedules and families, it can be difficult to find time to lead a"
        " healthy lifestyle.",
        "With the offense struggling to sustain drives, it was the Indianapolis defense that stood"
        " tall with a stand.",
        "In any case, it appears this thing is far from over.",
        "Following the trajectory of the numbers for a moment, it's not that far fetched to see HP"
        " and Oracle in a consolidation supernova if the planets align in a certain way.",
        # ECB+ 27ecb, 41ecbplus: the sentence gives the referent itself.
        "If the malicious code is successful, it silently downloads malware onto the victim's"
        " computer.",
        "As for South Sudan, it is one of the least developed countries in the world.",
        # ECB+ 31ecb: a comma hands over to the name the pronoun stands for.
        "In the five games he played before Thursday's action, Hansbrough averaged a team-high"
        " 22.8 points to go with 7.2 rebounds.",
        # ECB+ 25ecbplus: so is "they" after a topic set up front.
        "As for the Saints on offense, they still have Super Bowl MVP Drew Brees taking the snaps.",
    ],
)
def test_a_pronoun_standing_for_what_follows_or_named_in_front_needs_nothing(sentence: str) -> None:
    assert not pronoun_after_fronted_phrase(sentence, set())


def test_a_name_ending_like_an_adverb_is_no_fronted_phrase() -> None:
    assert not pronoun_after_fronted_phrase("In July, Kelly said she would run again.", set())
    assert not pronoun_after_fronted_phrase("Italy, he said, would not pay the ransom.", set())


ECB_NICHOLS = DATA / "ecbplus" / "docs" / "3ecb" / "3_3ecb.json"


@pytest.mark.skipif(not ECB_NICHOLS.is_file(), reason="shared ECB+ data not present")
def test_a_surname_after_a_fronted_phrase_comes_with_its_introduction() -> None:
    """ECB+ 3ecb's 100-word brief ended on "Outside the courtroom, Nichols shot and killed a
    sheriff's deputy sergeant.": which courtroom, and who is Nichols? As with a surname that opens
    the sentence, the sentence that named him in full comes with it."""
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles([ECB_NICHOLS]))
    outside = next(c for c in story.candidates if c.text.startswith("Outside the courtroom,"))
    assert not outside.standalone and outside.introduced_by is not None
    assert "Brian Nichols" in story.candidates[outside.introduced_by].text


ECB_RED_SOX = DATA / "ecbplus" / "docs" / "10ecbplus" / "10_1ecbplus.json"
ECB_ACEH = DATA / "ecbplus" / "docs" / "37ecbplus" / "37_11ecbplus.json"


@pytest.mark.skipif(not ECB_RED_SOX.is_file(), reason="shared ECB+ data not present")
def test_a_surname_alone_inside_the_sentence_comes_with_the_full_name() -> None:
    """WikiNews M007's "The jury sentenced Graner to ten years in prison." and ECB+ 10ecbplus's
    "The Red Sox control Youkilis contractually ..." name someone by surname alone past the
    sentence's first word: who Graner and Youkilis are is in the sentence that named them in
    full. A place that ends a capitalised name ("the provincial capital Banda Aceh") is no
    person: "A massive quake struck off Aceh in 2004, ..." stands on its own."""
    from newsdesk.evaluation.summarize import read_articles

    abu_ghraib = [WIKINEWS / f"M007{n}.english" for n in range(10)]
    red_sox = sorted(ECB_RED_SOX.parent.iterdir())
    for paths, opening, full_name in [
        (abu_ghraib, "The jury sentenced Graner", "Charles Graner"),
        (red_sox, "The Red Sox control Youkilis", "Kevin Youkilis"),
    ]:
        story = prepare(read_articles(paths))
        index = next(i for i, c in enumerate(story.candidates) if c.text.startswith(opening))
        candidate = story.candidates[index]
        assert not candidate.standalone and candidate.introduced_by is not None
        assert full_name in story.candidates[candidate.introduced_by].text
        assert (candidate.introduced_by, index) in [u.members for u in story.units]
    story = prepare(read_articles([ECB_ACEH]))
    aceh = next(c for c in story.candidates if c.text.startswith("A massive quake struck off"))
    assert aceh.standalone and aceh.introduced_by is None


ECB_QESHM = DATA / "ecbplus" / "docs" / "20ecbplus"


@pytest.mark.skipif(not ECB_QESHM.is_dir(), reason="shared ECB+ data not present")
def test_two_outlets_leads_telling_one_event_in_other_words_are_redundant() -> None:
    """ECB+ 20ecbplus: two outlets open with where the Qeshm quake struck, in words too different
    for the general test (cosine 0.46); leads are held to a lower bar."""
    from newsdesk.evaluation.summarize import read_articles

    articles = read_articles(sorted(ECB_QESHM.iterdir()))
    story = prepare(articles)
    first = (
        "The 6.1 - magnitude quake struck Qeshm island, home to 120, 000 people, and the city of"
        " Bandar Abbas, state media said."
    )
    second = (
        "The quake was centred near Qeshm Island, home to 200, 000 people, the U.S. Geological"
        " Survey said."
    )
    pair = [
        next(u for u, unit in enumerate(story.units) if story.candidates[unit.members[0]].text == t)
        for t in (first, second)
    ]
    assert story.similarity_among(pair)[0, 1] < REDUNDANCY_THRESHOLD
    assert story.redundant_among(pair)[0, 1]
    for budget in (100, 250):
        texts = {s.text for s in summarize(articles, budget).sentences}
        assert not {first, second} <= texts


ECB_HP = DATA / "ecbplus" / "docs" / "44ecbplus"


@pytest.mark.skipif(not ECB_HP.is_dir(), reason="shared ECB+ data not present")
def test_two_leads_telling_one_acquisition_are_redundant_below_the_old_bar() -> None:
    """ECB+ 44ecbplus: "Hewlett - Packard agreed to buy EYP ..." and "HP of Palo Alto, Calif.,
    said it has agreed to acquire EYP ..." report one deal (stem cosine 0.34, under the 0.35 bar
    leads had before the early-word concepts rewarded more of them)."""
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles(sorted(ECB_HP.iterdir())))
    openings = ("Hewlett - Packard agreed to buy EYP", "HP of Palo Alto, Calif., said it has")
    pair = [
        next(
            u
            for u, unit in enumerate(story.units)
            if story.candidates[unit.members[0]].text.startswith(opening)
        )
        for opening in openings
    ]
    assert 0.3 <= story.similarity_among(pair)[0, 1] < 0.35
    assert story.redundant_among(pair)[0, 1]


ECB_CURVE = DATA / "ecbplus" / "docs" / "42ecb"


@pytest.mark.skipif(not ECB_CURVE.is_dir(), reason="shared ECB+ data not present")
def test_a_sentence_telling_a_lead_again_after_it_is_a_retelling() -> None:
    """ECB+ 42ecb: "T-Mobile is expected to launch the BlackBerry Curve 8900 smartphone in
    mid-February" tells again what the lead told ("... T-Mobile will offer the BlackBerry Curve
    8900 to customers in February", stem cosine 0.47); a blind read flagged it in the 150-word
    brief. After another article's lead, a sentence that is no lead retells it at a lower bar;
    the lead after it retells nothing."""
    from newsdesk.evaluation.summarize import read_articles

    articles = read_articles(sorted(ECB_CURVE.iterdir()))
    story = prepare(articles)
    lead = "T-Mobile USA, Inc. and Research In Motion today announced that T-Mobile will offer"
    body = "T-Mobile is expected to launch the BlackBerry Curve 8900 smartphone in mid-February."
    pair = [
        next(
            u
            for u, unit in enumerate(story.units)
            if len(unit.members) == 1 and story.candidates[unit.members[0]].text.startswith(text)
        )
        for text in (lead, body)
    ]
    similarity = story.similarity_among(pair)[0, 1]
    assert LEAD_RETELLING_THRESHOLD <= similarity < REDUNDANCY_THRESHOLD
    assert not story.redundant_among(pair)[0, 1]
    assert may_retell(story, pair)
    assert retellings(story, pair) == [pair[1]]
    assert retellings(story, pair[::-1]) == []
    for budget in (100, 150, 250):
        texts = [s.text for s in summarize(articles, budget).sentences]
        assert not (any(t.startswith(lead) for t in texts) and body in texts), budget

    # WikiNews M0000: within one article a sentence that much like its lead tells more ("An
    # AP/ISOS poll has found three in ten U.S. citizens have donated ...", 0.40 to "U.S.
    # citizens donating in 2005 to help tsunami victims may write off their donations ..."); a
    # paired read of the demo missed the poll when it was left out.
    alone = prepare(read_articles([WIKINEWS / "M0000.english"]))
    openings = [alone.candidates[unit.members[0]].text for unit in alone.units]
    own_lead = next(u for u, t in enumerate(openings) if t.startswith("U.S. citizens donating"))
    poll = next(u for u, t in enumerate(openings) if t.startswith("An AP/ISOS poll has found"))
    assert alone.similarity_among([own_lead, poll])[0, 1] >= LEAD_RETELLING_THRESHOLD
    assert retellings(alone, [own_lead, poll]) == []


def test_a_speaker_called_by_surname_alone_comes_with_the_full_name() -> None:
    """ "..., Fanning said." after the article named Police Const. Tim Fanning: the reader meets
    Fanning only with the sentence that named him (ECB+ 18ecb)."""
    text = (
        "A gunman opened fire at an office Christmas party in Vancouver on Friday, police"
        " said.\n\nPolice Const. Tim Fanning said a man entered the party around 4 p.m.\n\n"
        "One man was shot and killed but the other partygoers managed to escape, Fanning said."
    )
    story = prepare([one_article(text)])
    speaker = story.candidates[2]
    assert not speaker.standalone and speaker.introduced_by == 1
    assert "Tim Fanning" in story.candidates[1].text


def test_a_contrast_inside_the_first_clause_comes_with_the_sentence_before() -> None:
    """ECB+ 11ecb, 4ecb and WikiNews M0065 (the demo's Haiti evacuation brief showed the
    governor's letter alone): "X, however, ..." and "X, though, ..." set a sentence against the
    one before it. "though" joining a clause of the sentence's own does not."""
    contrasts = [
        "Voters, however, appeared reluctant to criticise the government.",
        "Unlike Elvis, though, Page never got bloated.",
        "In a letter to US Health Secretary Kathleen Sebelius earlier this week, however, the"
        " governor commented that \"Florida's healthcare system is quickly reaching saturation,"
        ' especially in the area of high-level trauma care," and asked for the National Disaster'
        " Medical System to be activated.",
    ]
    own_clause = [
        "The Red Sox, considered to be the front-runner for Teixeira, also have put in a bid,"
        " though monetary details have been kept quiet.",
        "Police said there is no evidence the unidentified officers acted inappropriately, though"
        " they were put on administrative leave.",
    ]
    assert all(contrasts_with_previous(s) for s in contrasts)
    assert not any(contrasts_with_previous(s) for s in own_clause)
    lead = (
        "Voters in Turkmenistan cast ballots Sunday in a parliamentary election hailed by the"
        " government as an exercise in democracy but dismissed by critics as a sham."
    )
    story = prepare([one_article(" ".join([lead, *contrasts[:1], *own_clause[:1]]))])
    voters, bid = story.candidates[1], story.candidates[2]
    assert voters.needs_previous and not voters.standalone
    assert (0, 1) in [u.members for u in story.units]
    assert bid.standalone


def test_two_people_introduced_in_two_other_sentences_make_no_candidate() -> None:
    """ECB+ 4ecb: "Page was hardly tawdry, though, Yeager said." comes with one introduction
    (a unit is two sentences), so either Page or Yeager would reach the reader unmet. With a
    speaker the sentence describes, the sentence naming Page in full is enough."""
    text = (
        "Bettie Page, the pin-up queen of the 1950s, died on Thursday in Los Angeles at 85.\n\n"
        "Photographer Bunny Yeager, who took many of her best-known pictures, remembered her"
        " fondly.\n\n"
        "Page was hardly tawdry, though, Yeager said.\n\n"
        "Page was hardly tawdry, though, a biographer said."
    )
    story = prepare([one_article(text)])
    two, one = story.candidates[2], story.candidates[3]
    assert not two.standalone and two.introduced_by is None and not two.needs_previous
    assert all(2 not in unit.members for unit in story.units)
    assert not one.standalone and one.introduced_by == 0


@pytest.mark.parametrize(
    ("one", "other"),
    [("hung", "hanged"), ("struck", "strikes"), ("shook", "shaking"), ("died", "dies"),
     ("dead", "die"), ("fled", "fleeing")],
)  # fmt: skip
def test_irregular_forms_share_their_verbs_stem(one: str, other: str) -> None:
    """ECB+ 26ecb: "... has hung himself in his prison cell" and "... hanged himself in a prison
    cell" tell one event; a suffix stemmer alone keeps "hung" apart."""
    assert stem(one) == stem(other)


def test_the_second_of_something_comes_with_the_sentence_that_told_of_the_first() -> None:
    """WikiNews M0057 lists Chile's aftershocks: "The first shaking took place at 00:37 ...", then
    "The second tremor took place at 02:21 ..." and "The fourth shake ...": alone, a brief
    sentence about "the second tremor" leaves its reader asking which was the first."""
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles([WIKINEWS / "M0057.english"]))
    texts = [c.text for c in story.candidates]
    first = next(i for i, t in enumerate(texts) if t.startswith("The first shaking"))
    for opening in ("The second tremor took place", "The fourth shake took place"):
        index = next(i for i, t in enumerate(texts) if t.startswith(opening))
        assert not story.candidates[index].standalone
        assert story.candidates[index].introduced_by == first
        assert (first, index) in [u.members for u in story.units]


def test_an_ordinal_that_names_its_own_set_stands_alone() -> None:
    """ECB+ 6ecbplus and 8ecb (Rolling Stone on the Hunger Games sequel; an Oregon bank bombing):
    "The second film in the Hunger Games trilogy" says what it is the second of; "The second
    device" needs the sentence about the first device, however far back, and without one the
    sentence before it."""
    story = prepare(
        [
            _article(
                "rollingstone",
                "Hunger Games director Gary Ross will not helm the adaptation of Catching Fire,"
                " the second book in Suzanne Collins' trilogy, the Los Angeles Times reports. The"
                " second film in the Hunger Games trilogy is scheduled to hit theaters in November"
                " of 2013, allowing the studio and creators a limited window to prepare.",
            ),
            _article(
                "oregonian",
                "A bomb exploded at a bank in Woodburn, Oregon, killing two police officers. While"
                " investigators were in the area, a suspicious device detonated. State police said"
                " the bank had been evacuated before the blast. The second device, which was"
                " discovered by a bank employee, did detonate.",
            ),
            _article(
                "kgw",
                "Two officers died in a bank bombing in Woodburn, Oregon, on Friday. Police found a"
                " bag near the entrance of the West Coast Bank branch. The other bag was left"
                " behind the building, police said.",
            ),
        ]
    )

    def candidate(opening: str) -> Candidate:
        return next(c for c in story.candidates if c.text.startswith(opening))

    assert candidate("The second film in the Hunger Games").standalone
    device = candidate("The second device")
    assert device.introduced_by is not None
    assert story.candidates[device.introduced_by].text.startswith("While investigators")
    other_bag = candidate("The other bag")
    assert not other_bag.standalone and other_bag.introduced_by is not None
    assert story.candidates[other_bag.introduced_by].text.startswith("Police found a bag")


def test_apostrophes_a_tokenizer_spaced_out_are_read_closed_up() -> None:
    """ECB+ 25ecbplus (its later half is tokenized: "The team ’ s", "hadn ’ t"): the rules read
    "The team’s best running back" as the dangling opener it is; the brief shows the sentence as
    the source wrote it."""
    assert closed_up("The team ’ s best running back hadn ' t played.") == (
        "The team’s best running back hadn't played."
    )
    assert closed_up("He said ' no ' to the deal.") == "He said ' no ' to the deal."
    # ECB+ 1ecb: a TeX closing quote split in two closes the quotation it ends.
    split = "appeared on U.S.TV show \"Scrubs,' ' has checked into rehab."
    assert closed_up(split) == "appeared on U.S.TV show \"Scrubs,'' has checked into rehab."
    assert quote_open_after(split) and not quote_open_after(closed_up(split))
    lead = (
        "The New Orleans Saints placed Pierre Thomas on injured reserve Wednesday because of an"
        " ankle injury."
    )
    story = prepare(
        [one_article(f"{lead} The team ’ s best running back also sat out in Week 17.")]
    )
    team = story.candidates[1]
    assert team.text == "The team ’ s best running back also sat out in Week 17."
    assert team.needs_previous and not team.standalone


def test_a_counted_group_comes_with_the_sentence_that_told_of_it() -> None:
    """ECB+ 12ecbplus, 3ecb and WikiNews M0050, M0015: "The three boats ..." comes with the
    sentence that told of three boats; "The two jurors" (after "three jurors"), "The two plates"
    and "The five had been arrested" with the sentence before them. "The two Washington Post
    reporters who broke the Watergate story, Carl Bernstein and Bob Woodward, ..." (ECB+
    28ecbplus) says who they are."""
    story = prepare(
        [
            _article(
                "ndtv",
                "Indian Naval ship, INS Sukanya, thwarted a piracy attack in the Gulf of Aden and"
                " captured three boats of the pirates. The warship immediately altered towards the"
                " suspicious vessels and challenged them. The three boats had a total of 26 Somali"
                " crew onboard.",
            ),
            _article(
                "ajc",
                "Brian Nichols was saved from a death sentence by three jurors who were determined"
                " that he should not be executed. The jury deliberated for four days. The two"
                " jurors kept their public comments limited at the news conference.",
            ),
            _article(
                "wikinews",
                "An 8.8 magnitude earthquake was recorded in Chile on Saturday. Chile lies where"
                " the Nazca Plate meets the South American Plate. The two plates are converging at"
                " a rate of 80 millimeters per year. Five men were jailed for life on Monday. The"
                " five had been arrested in 2004 in a police raid named Operation Crevice.",
            ),
            _article(
                "ap",
                "W. Mark Felt, the FBI official who was Deep Throat, has died at 95. The two"
                " Washington Post reporters who broke the Watergate story, Carl Bernstein and Bob"
                " Woodward, have maintained that they would only reveal the identity of their"
                " source upon his death.",
            ),
        ]
    )

    def candidate(opening: str) -> Candidate:
        return next(c for c in story.candidates if c.text.startswith(opening))

    boats = candidate("The three boats")
    assert not boats.standalone and boats.introduced_by is not None
    assert story.candidates[boats.introduced_by].text.startswith("Indian Naval ship")
    for opening in ("The two jurors", "The two plates", "The five had been"):
        group = candidate(opening)
        assert not group.standalone and group.needs_previous and group.introduced_by is None
    assert candidate("The two Washington Post reporters").standalone


def test_the_substring_tests_before_the_sentence_patterns_skip_no_match() -> None:
    """For speed, each per-sentence pattern is searched only when the sentence has a substring the
    pattern cannot match without (a dash or bracket for a dateline, an alternative's opening for
    boilerplate, a speech verb for the speaker patterns): on every sentence of examples/wikinews
    and of this module, wherever a pattern matches, its substring test lets it through."""
    from newsdesk.brief import coherence as rules
    from newsdesk.brief import referents
    from newsdesk.evaluation.summarize import read_articles

    articles = read_articles(sorted(WIKINEWS.glob("*.english")))
    sentences = [s for a in articles for s in [a.title, *split_sentences(a.text)]]
    sentences += [*DANGLING, *STANDALONE, *FRAGMENTS]
    matched: Counter[str] = Counter()
    for sentence in sentences:
        lowered = sentence.lower()
        speech = rules.has_any(lowered, rules.SPEECH_VERBS)
        gated = [
            (
                "dateline",
                rules._DATELINE.match(sentence),
                rules.has_any(sentence, rules._DATELINE_MARKS),
            ),
            (
                "boilerplate",
                rules._BOILERPLATE_ANYWHERE.search(lowered),
                rules.has_any(lowered, rules._BOILERPLATE_OPENINGS),
            ),
            (
                "pronoun speaker",
                rules._PRONOUN_SPEAKER.search(lowered),
                rules.has_any(lowered, rules._PRONOUN_SPEAKER_GATE),
            ),
            ("surname speaker", referents._SPEAKER_SURNAME.search(sentence), speech),
            (
                "reported people",
                referents._REPORTED_DEFINITE_PEOPLE.match(sentence),
                not sentence.isascii() or speech,
            ),
        ]
        for name, match, admitted in gated:
            if match:
                matched[name] += 1
                assert admitted, (name, sentence)
    assert all(matched[name] for name, _, _ in gated), matched


def test_the_event_an_article_told_of_before_comes_with_that_sentence() -> None:
    """WikiNews M0063, M0077 and M0056: "The announcement comes just a day after ...", "The report
    includes detailed accounts ..." and "The tsunami warning was lifted ..." say nothing of which
    announcement, report or warning; they come with the sentence that told of it. "The trial of
    ..." says which."""
    from newsdesk.evaluation.summarize import read_articles

    for path, told, opening in [
        ("M0063.english", "The United Nations has announced", "The announcement comes just"),
        ("M0077.english", "A report is published by Human Rights Watch", "The report includes"),
        # The demo's Pichilemu brief ended on "The tsunami warning was lifted at 15:50 ...".
        ("M0056.english", "A tsunami warning was issued by SHOA", "The tsunami warning was"),
        # The demo's footage story: the video is the footage the court was shown.
        ("M0017.english", "A court in the United Kingdom has been shown", "The video was shown"),
        # The demo's Guantanamo brief had "The memos noted it would heighten the dangers ...".
        ("M0079.english", "A co-sponsor of the bill, Lindsey Graham", "The memos noted"),
    ]:
        story = prepare(read_articles([WIKINEWS / path]))
        index = next(i for i, c in enumerate(story.candidates) if c.text.startswith(opening))
        candidate = story.candidates[index]
        assert not candidate.standalone and candidate.introduced_by is not None
        assert story.candidates[candidate.introduced_by].text.startswith(told)
        assert (candidate.introduced_by, index) in [u.members for u in story.units]
    assert event_referent("The verdict was a major blow to a Mafia already reeling.") is not None
    assert event_referent("The trial of Brian Nichols has already cost $2 million.") is None
    # ECB+ 36ecbplus, 9ecbplus, 1ecb: a possessive does not say which decision (action) either,
    # nor does "The move"; a compound word is another word.
    assert event_referent("The jury's decision puts an end to a controversial case.") is not None
    assert event_referent("Obama's action puts the Bush regulation on hold.") is not None
    assert event_referent("The move comes as a surprise to Reunion Pictures.") is not None
    assert event_referent("The action-packed vampire love story was a blockbuster.") is None
    # WikiNews M0067 (the demo's US nationals): which site?
    assert event_referent("The site has a medical facility run by the Dominican Red Cross.")
    # ECB+ 21ecb, 4ecb, 31ecbplus: what came of an event the article told of ...
    assert event_referent("The impact knocked Johnson to the ground.") is not None
    assert event_referent("The controversy drove Page from modeling.") is not None
    assert event_referent("The win improved Creighton to 41 - 20 all - time.") is not None
    # ... unless the sentence says which (ECB+ 9ecbplus).
    assert event_referent("The problem with the legislation by Bush was that ...") is None


def test_what_came_of_an_event_comes_with_the_sentence_that_told_of_it() -> None:
    """WikiNews M0094 (the demo's Taiwan torch brief): "The effects are indicated to be notable
    after ..." -- of what? M0038 (the London torch relay): "The event will start in Trafalgar
    Square" needs the sentence before it."""
    from newsdesk.evaluation.summarize import read_articles

    for path, opening in [
        ("M0094.english", "The effects are indicated"),
        ("M0038.english", "The event will start in Trafalgar Square"),
    ]:
        story = prepare(read_articles([WIKINEWS / path]))
        candidate = next(c for c in story.candidates if c.text.startswith(opening))
        assert not candidate.standalone, opening


def test_an_event_someone_reports_on_needs_the_sentence_that_told_of_it() -> None:
    """WikiNews M0021 (the demo's captured sailors): "The British government claims that the
    confessions were extracted under duress" came with no confession told before. ECB+ 35ecbplus
    opened a brief on "The City Attorney's office said the case hadn't been submitted ..."."""
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles([WIKINEWS / "M0021.english"]))
    claim = next(c for c in story.candidates if "the confessions were extracted" in c.text)
    assert not claim.standalone
    reported = [
        "The British government claims that the confessions were extracted under duress.",
        "The City Attorney's office said the case hadn't been submitted as of Tuesday.",
        "Coach Brad Childress said the decision has nothing to do with the health of Frerotte.",
    ]
    for text in reported:
        assert event_referent(text) is not None, text
    # WikiNews M0051: "the quake" is the aftershock the sentence before told of ("Meanwhile, an
    # earthquake hit the area"), not "the great 8.8 earthquake" further up; that sentence needs
    # its own, so neither is shown.
    story = prepare(read_articles([WIKINEWS / "M0051.english"]))
    usgs = next(c for c in story.candidates if c.text.startswith("The USGS reported the quake"))
    assert not usgs.standalone and usgs.introduced_by is None and usgs.needs_previous
    # WikiNews M0003: a quotation further up ("Normally, a small earthquake might last less than
    # a second") tells of no other quake; "The quake was centered in the Indian Ocean ..." is
    # the one of the article's opening (the demo's brief lost it).
    story = prepare(read_articles([WIKINEWS / "M0003.english"]))
    centre = next(c for c in story.candidates if c.text.startswith("The quake was centered"))
    assert centre.introduced_by is not None
    assert story.candidates[centre.introduced_by].text.startswith("According to new information")
    # A report that says which, and an event in the subject, refer to nothing.
    assert event_referent("Police said the trial of Brian Nichols would resume.") is None
    assert event_referent("The judge who heard the case said he was moved.") is None


def test_an_event_named_after_a_preposition_of_time_needs_the_sentence_that_told_of_it() -> None:
    """WikiNews M0092 (the demo's London torch brief): "After the speech the torch will be taken on
    a 31 mile relay ..." comes with "Tomorrow, British Prime Minister Gordon Brown will give a
    welcoming speech ..."; with a later report in the story (San Francisco's, April 9) that
    sentence is overtaken, and the one after it goes too (the demo showed it with no speech)."""
    from newsdesk.evaluation.summarize import read_articles

    after = "After the speech the torch"
    alone = prepare(read_articles([WIKINEWS / "M0092.english"]))
    index = next(i for i, c in enumerate(alone.candidates) if c.text.startswith(after))
    introducer = alone.candidates[index].introduced_by
    assert introducer is not None
    assert alone.candidates[introducer].text.startswith("Tomorrow, British Prime Minister")
    assert (introducer, index) in [u.members for u in alone.units]

    both = prepare(read_articles([WIKINEWS / "M0092.english", WIKINEWS / "M0093.english"]))
    index = next(i for i, c in enumerate(both.candidates) if c.text.startswith(after))
    assert not any(index in u.members for u in both.units)
    assert event_referent("During the operation, six AK 47 rifles were found.") is not None
    assert event_referent("Following the discovery of the explosive, experts came.") is None


def test_a_short_name_comes_with_the_sentence_that_gave_the_full_name() -> None:
    """WikiNews M0040: "The Conference is the place where formal decisions regarding the Kyoto
    Protocol will be made" opened the demo's Bali brief; the article's lead, which tells of the
    conference, comes with it. A name that is no common noun ("The Angels") stands alone."""
    from newsdesk.evaluation.summarize import read_articles

    story = prepare(read_articles([WIKINEWS / "M0040.english"]))
    conference = next(c for c in story.candidates if c.text.startswith("The Conference is"))
    assert not conference.standalone and conference.introduced_by is not None
    assert story.candidates[conference.introduced_by].text.startswith("This year's session")
    in_small_letters = "the UN climate change conference in Bali".__contains__
    assert event_referent("The Conference is the place where decisions are made.", in_small_letters)
    assert event_referent("The Angels obtained Teixeira from the Braves.", in_small_letters) is None
    assert event_referent("The Department of Defense denies any approval.", lambda w: True) is None


def test_the_storys_own_event_needs_no_introduction() -> None:
    """WikiNews M008 (Air France 447): with "the crash" in two articles' openings, "The crash ..."
    stands alone there; in one article that never opens on it, it needs the sentence before."""
    sentences = [
        "A plane carrying 228 people crashed into the Atlantic Ocean on Monday, officials said.",
        "Rescuers searched the sea north of Brazil for wreckage and survivors of the flight.",
        "The crash is said to be the world's worst aviation disaster since 2001.",
    ]
    lead = "The crash of Air France flight 447 killed all 228 people on board, officials said."
    one = prepare([_article("a", " ".join(sentences))])
    two = prepare([_article("a", " ".join(sentences)), _article("b", lead), _article("c", lead)])
    crash = sentences[2]
    assert not next(c for c in one.candidates if c.text == crash).standalone
    assert next(c for c in two.candidates if c.text == crash).standalone


def test_another_opens_an_article_but_needs_the_sentence_before_inside_one() -> None:
    """WikiNews M0054 (the demo's Bío Bío aftershock): the article's first sentence, "Another
    large aftershock ...", counts on what its reader knows of the world, and could never be shown
    as it needed a sentence before it; inside an article "another" points back (the demo's
    Olympics story: "Another girl was used in rehearsals")."""
    lead = (
        "Another large aftershock of the February 27 8.8 earthquake — of 6.5 magnitude — rocked"
        " Chile earlier on Wednesday, the USGS reported."
    )
    assert not needs_context(lead, opening=True)
    assert needs_context(lead)
    assert needs_context("Another girl was used in rehearsals, but she was deemed to be too old.")
    more = "Four more FLDS members are awaiting trial."  # ECB+ 36ecbplus
    assert needs_context(more) and not needs_context(more, opening=True)
    article = Article(
        key="M0054",
        title="",
        text=(WIKINEWS / "M0054.english").read_text(encoding="utf-8"),
        outlet="Wikinews",
        provenance=Provenance("M0054.english"),
    )
    assert summarize([article], 100).sentences[0].text == lead

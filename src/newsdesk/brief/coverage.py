"""Concept coverage (Gillick & Favre 2009, ICSISumm): cover the bigrams most articles share.

Concepts are stemmed word bigrams that are not made of stopwords only; a concept's weight is the
number of articles that contain it, so a point carried by many outlets outweighs a detail from one.
Concepts in an article's first three sentences get a bonus (the lead carries the news), and each
unit a small lead-position prior. Content words are concepts too, weighted by how early the
articles first use them: words scored by frequency and position gave the best DUC 2004 ROUGE-1
of their time (Yih et al. 2007), and a word's earliest position is among the strongest signs that
a summary uses it (Hong & Nenkova 2014). The brief maximises the total weight of the
concepts it covers within the word budget: by a node-limited branch and bound started from a
greedy + local-search solution (default), or exactly with an integer program (HiGHS through
``scipy.optimize.milp``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from newsdesk.brief.base import (
    LEAD_SENTENCES,
    BriefMethod,
    StoryText,
    may_retell,
    position_prior,
    retellings,
)
from newsdesk.brief.order import reading_order
from newsdesk.brief.terms import STOPWORDS, stem
from newsdesk.brief.tolls import outdated_tolls
from newsdesk.text import words

# A stemmed bigram, or a content word's stem (a plain string: no tuple to build for each word).
Concept = tuple[str, str] | str
# The concept of the newest toll of a story's dead or injured (:func:`_with_newest_toll`).
_NEWEST_TOLL: Concept = ("#toll", "#toll")
# Rounds of filling past the pool (:meth:`CoverageMethod._top_up`), each over its next 30 units.
_TOP_UP_ROUNDS = 3
# Rounds of taking out retellings and filling their words
# (:meth:`CoverageMethod._without_retellings`).
_RETELLING_ROUNDS = 3
# A direct quotation: the sentence opens with one, or attributes one ("...," he said / X says).
# Two patterns, not one alternation: the second then starts at a quote mark or stop, which the
# regex engine finds fast (this runs on every unit of a story).
_OPENING_QUOTE = re.compile(r"[\"“'‘]|``")
_QUOTE_ATTRIBUTION = re.compile(
    r"(?:[\"”]|[,.!?](?:''|['’]))\s*,?\s*"
    r"(?:he|she|they|[A-Z]\w+(?: [A-Z]\w+)*)\s+(?:said|says|told)"
)


def _with_newest_toll(
    story: StoryText,
    concepts: list[set[Concept]],
    weights: dict[Concept, float],
    outdated: dict[int, list[int]],
) -> float:
    """The newest toll of the dead or injured (:func:`~newsdesk.brief.tolls.outdated_tolls`) made
    a concept of the units that give it, and the units with an out-of-date toll of the same day
    (or undated) made ineligible; its weight, the most concept weight such a unit had.

    Taking out the early reports alone left briefs with no toll at all: the early report is often
    the most concept-dense lead ("A strong earthquake struck Indonesia's Aceh province on
    Tuesday, killing at least one person"), the newest toll in a lead sharing fewer words with the
    rest ("... after a 6.1 magnitude earthquake hit Aceh province leaving 24 dead and over 200
    injured"), and background told by every outlet outweighed it ("A massive quake struck off
    Aceh in 2004, sparking a tsunami that killed 170,000 people"). An early report of an earlier
    day stays eligible: shown in date order, before the newest, it tells how the toll rose, and
    without it the first day's news would open on a detail."""
    days = story.candidate_days
    newest = {lead for leads in outdated.values() for lead in leads if lead not in outdated}
    weight = 0.0
    for u, unit in enumerate(story.units):
        out_of_date = [m for m in unit.members if m in outdated]
        if out_of_date:
            weight = max(weight, sum(weights.get(k, 0.0) for k in concepts[u]))
        if any(
            not days[lead] > days[m] for m in out_of_date for lead in outdated[m] if lead in newest
        ):
            concepts[u] = set()
    for u, unit in enumerate(story.units):
        if concepts[u] and not newest.isdisjoint(unit.members):
            concepts[u].add(_NEWEST_TOLL)
    return weight


def _is_direct_quote(text: str) -> bool:
    return bool(_OPENING_QUOTE.match(text) or _QUOTE_ATTRIBUTION.search(text))


def bigram_concepts(tokens: Sequence[str], stems: Sequence[str] | None = None) -> set[Concept]:
    """Stemmed bigrams of lower-cased tokens (their ``stems`` when the caller has them), except
    those made of two stopwords."""
    if stems is None:
        stems = [stem(t) for t in tokens]
    return {
        (stems[i], stems[i + 1])
        for i in range(len(tokens) - 1)
        if not (tokens[i] in STOPWORDS and tokens[i + 1] in STOPWORDS)
    }


def concept_weights(
    story: StoryText,
    per_candidate: Sequence[set[Concept]],
    min_df: int,
    lead_bonus: float = 0.0,
    title_bonus: float = 0.0,
    power: float = 1.0,
) -> dict[Concept, float]:
    """Document frequency of each concept (articles carrying it), plus optional bonuses."""
    df: Counter[Concept] = Counter()
    lead: Counter[Concept] = Counter()
    for indices in story.sentences_by_article:
        seen: set[Concept] = set()
        for rank, c in enumerate(indices):
            if rank == LEAD_SENTENCES:
                lead.update(seen)
            seen |= per_candidate[c]
        df.update(seen)
    titles: Counter[Concept] = Counter()
    for article in story.articles:
        titles.update(bigram_concepts(words(article.title)))
    threshold = min(min_df, max(1, story.n_articles // 3))
    return {
        k: float(v) ** power + lead_bonus * lead[k] + title_bonus * titles[k]
        for k, v in df.items()
        if v >= threshold
    }


def early_word_weights(story: StoryText, scale: float) -> dict[Concept, float]:
    """Content-word concepts (the stem itself): ``scale`` x the sum over articles of 1 / (1 + r), r
    the rank of the article's first sentence using the word (bylines and captions not counted)."""
    weights: dict[Concept, float] = {}
    for indices in story.sentences_by_article:
        first_rank: dict[str, int] = {}
        sentences = (story.candidates[c] for c in indices)
        for rank, candidate in enumerate(c for c in sentences if not c.fragment):
            for word in candidate.stems:
                first_rank.setdefault(word, rank)
        for word, rank in first_rank.items():
            weights[word] = weights.get(word, 0.0) + scale / (1 + rank)
    return weights


@dataclass(frozen=True, slots=True)
class _Objective:
    """What a brief is scored on: each unit's concepts (empty for a unit that cannot be chosen),
    each concept's weight, and each unit's position prior."""

    concepts: Sequence[set[Concept]]
    weights: dict[Concept, float]
    prior: np.ndarray


class CoverageMethod(BriefMethod):
    """Weighted coverage of bigram and early-word concepts, with a lead-position prior.

    ``solver="search"`` (default): greedy + local search + node-limited branch and bound over the
    ``max_units`` most concept-dense units; ``"greedy"``: the same without branch and bound;
    ``"ilp"``: exact integer program (HiGHS through scipy), about 3x slower, no better measured.
    Words the pool's units leave unused are then filled greedily from the other units, and a
    unit that retells what the units shown before it told gives its words to others. Where the
    toll of the dead or injured rose as reports came in, the newest toll is a concept of its own
    and the early counts of its day are left out (:func:`_with_newest_toll`).
    """

    name = "coverage"

    def __init__(
        self,
        solver: str = "search",
        min_df: int = 3,
        max_units: int = 30,
        node_limit: int = 500,
        min_length: int = 10,
        skip_quotes: bool = True,
        lead_bonus: float = 0.5,
        position_prior: float = 2.0,
        title_bonus: float = 0.0,
        power: float = 1.0,
        word_weight: float = 1.0,
        time_limit: float = 5.0,
        gap: float = 1e-4,
    ) -> None:
        if solver not in ("search", "greedy", "ilp"):
            raise ValueError(f"unknown coverage solver {solver!r}")
        self.solver = solver
        self.min_df = min_df
        self.max_units = max_units
        self.node_limit = node_limit
        self.min_length = min_length
        self.skip_quotes = skip_quotes
        self.lead_bonus = lead_bonus
        self.position_prior = position_prior
        self.title_bonus = title_bonus
        self.power = power
        self.word_weight = word_weight
        self.time_limit = time_limit
        self.gap = gap

    def select(self, story: StoryText, max_words: int) -> list[int]:
        per_candidate = [bigram_concepts(c.tokens, c.token_stems) for c in story.candidates]
        weights = concept_weights(
            story, per_candidate, self.min_df, self.lead_bonus, self.title_bonus, self.power
        )
        if not weights:
            return []
        if self.word_weight > 0:
            weights |= early_word_weights(story, self.word_weight)
            per_candidate = [
                bigrams.union(candidate.stems)
                for bigrams, candidate in zip(per_candidate, story.candidates, strict=True)
            ]
        concepts = [
            set().union(*(per_candidate[m] for m in unit.members))
            if self._eligible(story, unit.members, unit.length)
            else set()
            for unit in story.units
        ]
        if outdated := outdated_tolls(story):
            weights[_NEWEST_TOLL] = _with_newest_toll(story, concepts, weights, outdated)
        objective = _Objective(concepts, weights, self.position_prior * position_prior(story))
        problem = _Problem(story, objective, max_words, self.max_units)
        chosen = None
        if self.solver == "ilp":
            chosen = self._ilp(story, problem.pool, objective, max_words)
            if chosen is not None:
                chosen = problem.with_a_lead([problem.pool.index(u) for u in chosen])
        if chosen is None:
            chosen = problem.solve(self.node_limit if self.solver == "search" else 0)
        chosen, objective = self._without_retellings(
            story, objective, max_words, self._top_up(story, objective, max_words, chosen)
        )
        # A story of one sentence per article (the ECB+ topics annotated in their first sentence
        # only, a feed of items' summaries) is all openings, and openings of a day that share a
        # sixth of their stems exclude one another: 23ecb's briefs kept 42 of their 100 words.
        # The words left go to such openings, as redundant as any two leads may be.
        return self._top_up(story, objective, max_words, chosen, same_day_openings=False)

    def _without_retellings(
        self, story: StoryText, objective: _Objective, max_words: int, chosen: list[int]
    ) -> tuple[list[int], _Objective]:
        """The brief without units that retell what the units before them told (in the brief's
        order, :func:`~newsdesk.brief.base.retellings`), their words filled by
        :meth:`_top_up` from units other than those; and the objective that never chooses them
        again.

        Concept coverage rewards such a unit for its one new detail, and ROUGE for the
        retelling: a blind read preferred the briefs without them 21 to 13 (tie 5), as telling
        more of the news, with ROUGE level (BENCHMARKS.md)."""
        concepts = list(objective.concepts)
        for _ in range(_RETELLING_ROUNDS):
            if not may_retell(story, chosen):
                break
            retold = retellings(story, reading_order(story, chosen))
            if not retold:
                break
            for u in retold:
                concepts[u] = set()  # never chosen again
            objective = _Objective(concepts, objective.weights, objective.prior)
            kept = [u for u in chosen if u not in retold]
            chosen = self._top_up(story, objective, max_words, kept)
        return chosen, objective

    def _top_up(
        self,
        story: StoryText,
        objective: _Objective,
        max_words: int,
        chosen: list[int],
        same_day_openings: bool = True,
    ) -> list[int]:
        """Words the pool left unused, filled greedily from the units outside it.

        The pool is the most concept-dense units, and in a story that many outlets open alike
        most of them retell one lead: once one is chosen the rest conflict with it, and the brief
        stopped far short of its budget (ECB+ 25ecb: 78 of 250 words, with the signing of a
        replacement and the season's statistics left out). Each round ranks the units still
        unseen by their gain per word over what the brief covers and fills from the best
        ``max_units`` of them, with the same conflicts as the pool.

        A unit that adds no bigram several articles share is left out: with room to spare its
        early words and position alone would let in colour ("Some audience members gasped
        audibly"), items of other stories and comment ("Mismatches like this one do n't do much
        to advance heavyweight boxing.")."""
        concepts, weights, prior = objective.concepts, objective.weights, objective.prior
        seen = set(chosen)
        for _ in range(_TOP_UP_ROUNDS):
            room = max_words - sum(story.units[u].length for u in chosen)
            if room < self.min_length:
                break
            used = {m for u in chosen for m in story.units[u].members}
            covered: set[Concept] = set().union(*(concepts[u] for u in chosen))
            density: dict[int, float] = {}
            for u, unit in enumerate(story.units):
                if u in seen or unit.length > room or not used.isdisjoint(unit.members):
                    continue
                new = [k for k in concepts[u] - covered if k in weights]
                if any(isinstance(k, tuple) for k in new):  # a bigram, not only words
                    density[u] = (sum(weights[k] for k in new) + prior[u]) / unit.length
            batch = sorted(density, key=lambda u: -density[u])[: self.max_units]
            if not batch:
                break
            seen.update(batch)
            problem = _Problem(
                story,
                objective,
                max_words,
                pool=[*chosen, *batch],
                same_day_openings=same_day_openings,
            )
            start = [problem.pool.index(u) for u in chosen]
            chosen = [problem.pool[r] for r in problem.fill(1.0, start=start)]
        return chosen

    def _eligible(self, story: StoryText, members: Sequence[int], length: int) -> bool:
        """Short units carry too little; direct quotes are opinion, rarely a summary's point
        (both filters known to help on DUC news, ICSI 2008/2009)."""
        if length < self.min_length:
            return False
        texts = (story.candidates[m].text for m in members)
        return not (self.skip_quotes and any(_is_direct_quote(t) for t in texts))

    def _ilp(
        self, story: StoryText, units: Sequence[int], objective: _Objective, max_words: int
    ) -> list[int] | None:
        """The exact optimum over ``units`` (the search's pool of the most concept-dense units:
        the rest rarely belong to the optimum and make branch and bound slow)."""
        from scipy.optimize import Bounds, LinearConstraint, milp  # only this solver needs it

        concepts, weights, prior = objective.concepts, objective.weights, objective.prior
        keys = list(weights)
        index = {k: i for i, k in enumerate(keys)}
        n_c, n_u = len(keys), len(units)
        # Variables: concepts first, then units. Objective: maximise covered weight; a tiny
        # per-word cost breaks ties towards shorter briefs.
        unit_prior = np.array([prior[u] if concepts[u] else 0.0 for u in units])
        cost = np.concatenate([-np.array([weights[k] for k in keys]), -unit_prior])
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        r = 0
        # Each concept counts only if some chosen unit holds it: c_i - sum_j s_j <= 0.
        holders: dict[int, list[int]] = {}
        for j, u in enumerate(units):
            for k in concepts[u]:
                i = index.get(k)
                if i is not None:
                    holders.setdefault(i, []).append(j)
        for i in range(n_c):
            rows.append(r)
            cols.append(i)
            vals.append(1.0)
            for j in holders.get(i, []):
                rows.append(r)
                cols.append(n_c + j)
                vals.append(-1.0)
            r += 1
        upper = [0.0] * r
        # Budget.
        for j, u in enumerate(units):
            rows.append(r)
            cols.append(n_c + j)
            vals.append(float(story.units[u].length))
        upper.append(float(max_words))
        r += 1
        # A sentence appears at most once (units overlap when a pair shares a sentence).
        by_member: dict[int, list[int]] = {}
        for j, u in enumerate(units):
            for m in story.units[u].members:
                by_member.setdefault(m, []).append(j)
        for js in by_member.values():
            if len(js) > 1:
                for j in js:
                    rows.append(r)
                    cols.append(n_c + j)
                    vals.append(1.0)
                upper.append(1.0)
                r += 1
        # Redundant pairs cannot both be chosen.
        similar = story.redundant_among(units)
        for a, b in zip(*np.nonzero(np.triu(similar, k=1)), strict=True):
            rows += [r, r]
            cols += [n_c + int(a), n_c + int(b)]
            vals += [1.0, 1.0]
            upper.append(1.0)
            r += 1
        matrix = csr_matrix((vals, (rows, cols)), shape=(r, n_c + n_u))
        result = milp(
            cost,
            constraints=LinearConstraint(matrix, -np.inf, np.array(upper)),
            integrality=np.ones(n_c + n_u),
            bounds=Bounds(0, 1),
            # The node limit bounds the work; the clock limit is only a safety net that a story of
            # ordinary size never reaches, so results do not depend on machine load in practice.
            options={
                "time_limit": self.time_limit,
                "node_limit": 2000,
                "mip_rel_gap": self.gap,
                "presolve": True,
                "disp": False,
            },
        )
        if result.x is None:  # no feasible point within the limits: fall back to greedy
            return None
        return [units[j] for j in range(n_u) if result.x[n_c + j] > 0.5]


# A branch-and-bound node: chosen units, uncovered-concept weights, value, words left, selectable
# units (a bitmask), the place in the order from which units may be added, and the node's gains
# and live units (-gain per word, place, unit) when its parent knows them.
_Node = tuple[
    list[int],
    np.ndarray,
    float,
    float,
    int,
    int,
    tuple[list[float], list[tuple[float, int, int]]] | None,
]


class _Problem:
    """The coverage objective over the most concept-dense units, in matrix form.

    ``solve`` runs the cost-scaled greedy (Lin & Bilmes 2010) from several scalings, a local search
    (the best single move: add a unit, or exchange a chosen unit for another, until none helps),
    then a node-limited branch and bound from that incumbent. At a 100-word budget the search
    finishes well within the limit (the exact optimum over the pool); at 250 words it stops
    early, which measured no worse than the exact ILP (BENCHMARKS.md).
    """

    def __init__(
        self,
        story: StoryText,
        objective: _Objective,
        max_words: int,
        pool_size: int = 0,
        pool: Sequence[int] = (),
        same_day_openings: bool = True,
    ) -> None:
        """Over the ``pool_size`` most concept-dense units, or exactly the units of ``pool``;
        ``same_day_openings`` as :meth:`~newsdesk.brief.base.StoryText.redundant_among`."""
        concepts, weights, prior = objective.concepts, objective.weights, objective.prior
        # In the order the weights were built: sorting some 900 concepts cost more than the
        # problem's matrices (the 288 dumped briefs are the same either way, under any hash seed).
        keys = list(weights)
        index = {k: i for i, k in enumerate(keys)}
        weight = np.array([weights[k] for k in keys])
        rows: dict[int, list[int]] = {}
        # A given pool (the fill's next units) needs rows for its own units only.
        for u in pool or range(len(concepts)):
            if story.units[u].length <= max_words:
                ids = [index[k] for k in concepts[u] if k in index]
                if ids:
                    rows[u] = ids
        if pool:
            self.pool = [u for u in pool if u in rows]
        else:
            density = {
                u: (weight[ids].sum() + prior[u]) / story.units[u].length for u, ids in rows.items()
            }
            self.pool = sorted(sorted(density, key=lambda u: -density[u])[:pool_size])
        used = sorted({i for u in self.pool for i in rows[u]})
        local = {i: j for j, i in enumerate(used)}
        self.weights = weight[used]
        self.incidence = np.zeros((len(self.pool), len(used)), dtype=bool)
        for r, u in enumerate(self.pool):
            self.incidence[r, [local[i] for i in rows[u]]] = True
        self.matrix = self.incidence.astype(float)
        self.prior = prior[self.pool] if self.pool else np.zeros(0)
        self.lengths = np.array([story.units[u].length for u in self.pool], dtype=float)
        self.max_words = max_words
        members = np.zeros((len(self.pool), len(story.candidates)))
        for r, u in enumerate(self.pool):
            members[r, list(story.units[u].members)] = 1.0
        # Units that cannot be chosen together (same sentence, or same point).
        self.conflict = ((members @ members.T) > 0) | story.redundant_among(
            self.pool, same_day_openings
        )
        # Units opening with an article's first sentence (or its title read as one).
        self.leads = [
            r
            for r, u in enumerate(self.pool)
            if story.candidates[story.units[u].members[0]].index <= 0
        ]

    def objective(self, chosen: Sequence[int]) -> float:
        if not chosen:
            return 0.0
        covered = self.incidence[list(chosen)].any(axis=0)
        return float(self.weights[covered].sum() + self.prior[list(chosen)].sum())

    def _gains(self, kept: Sequence[int]) -> tuple[float, np.ndarray]:
        """Objective of ``kept`` and each unit's marginal gain over it."""
        if not kept:
            return 0.0, self.matrix @ self.weights + self.prior
        covered = self.incidence[list(kept)].any(axis=0)
        base = float(self.weights[covered].sum() + self.prior[list(kept)].sum())
        return base, self.matrix[:, ~covered] @ self.weights[~covered] + self.prior

    def _allowed(self, kept: Sequence[int]) -> np.ndarray:
        room = self.max_words - float(self.lengths[list(kept)].sum())
        ok = self.lengths <= room
        if kept:
            ok &= ~self.conflict[:, list(kept)].any(axis=1)
        return np.asarray(ok)

    def fill(
        self, scaling: float, start: Sequence[int] = (), banned: Sequence[int] = ()
    ) -> list[int]:
        """Budgeted greedy from ``start``: best marginal gain per word**scaling among units that
        still fit (and are not ``banned``)."""
        chosen: list[int] = list(start)
        ok = self._allowed(chosen)
        ok[[*chosen, *banned]] = False
        while ok.any():
            _, gain = self._gains(chosen)
            ratio = np.where(ok & (gain > 0), gain / self.lengths**scaling, -np.inf)
            best = int(np.argmax(ratio))
            if not np.isfinite(ratio[best]):
                break
            chosen.append(best)
            room = self.max_words - self.lengths[chosen].sum()
            ok &= ~self.conflict[best] & (self.lengths <= room)
        return chosen

    def improve(self, start: Sequence[int], max_moves: int = 50) -> list[int]:
        """Best move until none raises the objective: add a unit, or take one out and put in
        another; where neither helps, take two out and put in one (as the pair of a sentence and
        its context for that sentence alone and another unit)."""
        chosen = list(start)
        current = self.objective(chosen)
        for _ in range(max_moves):
            singles = [(), *((u,) for u in chosen)]
            move = self._best_exchange(chosen, current, singles) or self._best_exchange(
                chosen, current, itertools.combinations(chosen, 2)
            )
            if move is None:
                break
            chosen, current = move
        return chosen

    def _best_exchange(
        self, chosen: list[int], current: float, removals: Iterable[tuple[int, ...]]
    ) -> tuple[list[int], float] | None:
        """The best of: take out one of ``removals``, put in the unit that then gains most.

        Every removal is a row of the same matrix products (what the rest covers, the room it
        leaves, what it conflicts with, each unit's gain over it): one product for all removals,
        not a dozen small ones for each."""
        kept = [[u for u in chosen if u not in removed] for removed in removals]
        if not kept:
            return None
        members = np.zeros((len(kept), len(self.pool)), dtype=bool)
        for r, units in enumerate(kept):
            members[r, units] = True
        covered = members @ self.incidence
        room = self.max_words - members @ self.lengths
        allowed = (self.lengths <= room[:, None]) & ~(members @ self.conflict.T)
        allowed[:, chosen] = False
        gains = np.where(covered, 0.0, self.weights) @ self.matrix.T + self.prior
        best: tuple[list[int], float] | None = None
        for r, units in enumerate(kept):
            ok = allowed[r]
            if not ok.any():
                continue
            base = float(self.weights[covered[r]].sum() + self.prior[units].sum())
            values = np.where(ok, base + gains[r], -np.inf)
            v = int(np.argmax(values))
            if values[v] > (best[1] if best else current + 1e-9):
                best = ([*units, v], float(values[v]))
        return best

    def branch_and_bound(self, incumbent: list[int], node_limit: int) -> list[int]:
        """Depth-first exact search over units by density, pruned by a fractional-knapsack bound
        on marginal gains (valid because coverage is submodular), from a good incumbent; past
        ``node_limit`` nodes the best solution found so far is returned.

        A node's gains are one matrix product; the rest (a pool of some 30 units) is plain Python
        over lists and bitmasks, several times faster than numpy calls on arrays that small."""
        _, first_gains = self._gains([])
        order: list[int] = np.argsort(-first_gains / self.lengths).tolist()
        lengths: list[float] = self.lengths.tolist()
        # Bit u: unit u (a pool index).
        conflicts = [sum(1 << int(v) for v in np.flatnonzero(row)) for row in self.conflict]
        best, best_value = list(incumbent), self.objective(incumbent)
        nodes = 0
        # A branch without the parent's unit covers what the parent covers: it is given the
        # parent's gains, and its live units are the parent's but that one.
        start_open = sum(1 << u for u, length in enumerate(lengths) if length <= self.max_words)
        stack: list[_Node] = [
            ([], self.weights.copy(), 0.0, float(self.max_words), start_open, 0, None)
        ]
        while stack and nodes < node_limit:
            chosen, open_weights, value, room, selectable, pos, known = stack.pop()
            nodes += 1
            gain: list[float]
            if known is None:
                gain = (self.matrix @ open_weights + self.prior).tolist()
                # The units that can still be added, in ``order``: (-gain per word, place, unit).
                live = [
                    (-gain[u] / lengths[u], p, u)
                    for p, u in enumerate(order[pos:], pos)
                    if selectable >> u & 1 and gain[u] > 0 and lengths[u] <= room
                ]
            else:
                gain, live = known
            if not live:
                continue
            bound, left = value, room
            for _, _, u in sorted(live):
                if lengths[u] > left:
                    bound += gain[u] * left / lengths[u]
                    break
                bound += gain[u]
                left -= lengths[u]
            if bound <= best_value + 1e-9:
                continue
            _, pos, u = live[0]
            with_value = value + gain[u]
            with_u = [*chosen, u]
            if with_value > best_value + 1e-9:
                best, best_value = with_u, with_value
            stack.append((chosen, open_weights, value, room, selectable, pos + 1, (gain, live[1:])))
            stack.append(
                (
                    with_u,
                    np.where(self.incidence[u], 0.0, open_weights),
                    with_value,
                    room - lengths[u],
                    selectable & ~conflicts[u],
                    pos + 1,
                    None,
                )
            )
        return best

    def solve(self, node_limit: int) -> list[int]:
        """Greedy from several cost scalings, improved by local search, then branch and bound."""
        if not self.pool:
            return []
        best = max((self.fill(r) for r in (1.0, 0.5, 0.0)), key=self.objective)
        best = self.improve(best)
        if node_limit:
            best = self.branch_and_bound(best, node_limit)
        return self.with_a_lead(best)

    def with_a_lead(self, chosen: list[int]) -> list[int]:
        """The chosen units (pool indices) as story unit ids; if none opens with an article's
        lead, the best greedy selection that starts from one instead: a brief made only of
        details can miss the event itself (ECB+ 12ecbplus: which pirates, what happened?)."""
        if self.leads and not set(chosen) & set(self.leads):
            starts = (self.fill(r, start=[lead]) for lead in self.leads for r in (1.0, 0.5, 0.0))
            chosen = max(starts, key=self.objective)
        return [self.pool[u] for u in chosen]

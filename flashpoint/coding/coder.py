"""The event coder: sentence triggers -> grouped, filled `EventMention`s.

Steps (docs/coding.md has the full rules):
1. `triggers.detect` on every sentence; negated and irrealis triggers are dropped.
2. Triggers of one sentence with compatible types form one candidate; candidates are grouped
   into events in text order: a compatible candidate with no conflicting place or date (or
   an anaphor such as "the strikes") joins the running event, otherwise a new one starts.
   An event whose sentence lists several towns becomes one event per town (`split`).
   Sentences recalling earlier events become `past_reference` events that never merge with
   new ones; toll-only sentences join the most recent new event.
3. Each group is filled from the stages' mentions inside its sentences (dependency
   rules for actor1/actor2, `event_location`, closest date, tolls, attribution).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from ..records import (
    CERTAINTIES,
    ActorMention,
    Article,
    Attribution,
    DateMention,
    EventMention,
    Evidence,
    PlaceMention,
    Toll,
)
from . import taxonomy as tx
from .background import dates_a_statement, dates_an_occurrence, is_background
from .dates import is_bare_year, is_calendar, names_year
from .event_tolls import event_toll, killed_later
from .events import _claimant, _country, _denied_by_actor, describe
from .learned import ModelPolicy, SentenceModel, judge, load_model
from .incidents import new_scene, same_area, scene_places
from .location import LEAD_SENTENCES, PlaceCandidates, choose_place, place_candidates
from .merge import (
    absorb,
    better_date,
    early_to_violence,
    killed_figures,
    retold,
    tolls_agree,
)
from .plover import to_plover
from .relevance import (
    adds_another,
    marked_as_other,
    opens_separate_incident,
    referenced_toll,
    unsupported,
)
from .roles import Roles, _inter, _is_generic, assign_roles
from .split import drop_restated, split_by_place
from .spans import in_sents as _in_sents
from .spans import inside as _inside
from .taxonomy import FOLLOWERS, compatible, family, follows
from .triggers import GENERIC_SCORE, Trigger, detect
from .victims import dates_another_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..pipeline import Analysis

# Within a family, the higher rank wins the event's type when triggers are merged. In the
# protest family demonstrator violence (rioting, stone throwing, vandalism, arson) makes a
# Violent demonstration even when forces respond, lethally or not (ACLED codebook); Excessive
# force is lethal or severe force against protesters who were peaceful, and it outranks a
# dispersal or arrests (Protest with intervention).
RANK: dict[str, float] = {
    tx.LOOTING: 0, tx.ATTACK: 1, tx.ARMED_CLASH: 2, tx.MOB_VIOLENCE: 2.5,
    tx.ABDUCTION: 3, tx.SEXUAL_VIOLENCE: 3, tx.IED: 3.5, tx.GRENADE: 3.6,
    tx.GOV_REGAINS: 4, tx.NSA_OVERTAKES: 4, tx.SHELLING: 4, tx.AIR_STRIKE: 4.5,
    tx.SUICIDE_BOMB: 5, tx.CHEMICAL: 6,
    tx.DISRUPTED_WEAPONS: 0.2, tx.ARRESTS: 0.5, tx.PEACEFUL_PROTEST: 1,
    tx.PROTEST_INTERVENTION: 2,
    tx.EXCESSIVE_FORCE: 3, tx.VIOLENT_DEMO: 4,
}
ANAPHORS = frozenset({"the", "this", "these", "that", "those", "such"})


def _towns(analysis: Analysis, ids: set[int]) -> set[int]:
    """The places of `ids` below country level (a country names no scene of its own)."""
    return {p.place.geonameid for p in analysis.places
            if p.place and p.place.geonameid in ids and p.place.feature != "country"}


def _foreign_sentences(grp: Group, groups: list[Group]) -> frozenset[int]:
    """Sentences of other new events of another family (their sources are theirs)."""
    out: set[int] = set()
    for other in groups:
        if other is not grp and other.kind == "new" and \
                not compatible(other.sub_event_type, grp.sub_event_type):
            out.update(other.sents)
    return frozenset(out)


def final_type(grp: Group, fatalities: Toll | None) -> str:
    """An attack that killed people stays an Attack even when the attackers also abducted
    or looted; without deaths the more specific act (abduction, sexual violence) wins.
    Captives found dead later in a sentence of their own are a second event
    (`EventCoder._killing_after`), so the Abduction keeps no deaths (docs/tolls.md)."""
    types = {t.sub_event_type for t in grp.triggers}
    if tx.ATTACK in types and fatalities is not None and fatalities.best > 0 and \
            grp.sub_event_type in (tx.ABDUCTION, tx.SEXUAL_VIOLENCE, tx.LOOTING):
        return tx.ATTACK
    return grp.sub_event_type


def strength(trig: Trigger) -> float:
    """How strongly a trigger speaks for its type: its score, ties broken by rank, so a
    vague "explosions were heard" does not retype a clearly reported clash."""
    return trig.score + 0.06 * RANK.get(trig.sub_event_type, 0)


def strongest_type(triggers: list[Trigger]) -> str:
    leaders = [t for t in triggers if t.sub_event_type not in FOLLOWERS] or triggers
    if any(family(t.sub_event_type) == "violence" for t in leaders):
        triggers = leaders
    best = max(triggers, key=strength).sub_event_type
    return merged_type([best] + [t.sub_event_type for t in triggers if t.sub_event_type != best
                                 and (RANK.get(t.sub_event_type, 0) < RANK.get(best, 0)
                                      or _decisive(t.sub_event_type, best))])


def _decisive(sub: str, best: str) -> bool:
    """A type that wins over a stronger-worded trigger: demonstrator violence makes any
    protest a Violent demonstration, whatever the forces did."""
    return sub == tx.VIOLENT_DEMO and family(best) == "protest"


def _territory_by_actor(sub: str, actor1: ActorMention | None) -> str:
    """Who took the place decides the type: state forces regain, others overtake."""
    if actor1 is None or sub not in (tx.GOV_REGAINS, tx.NSA_OVERTAKES):
        return sub
    if actor1.inter in (1, 8):
        return tx.GOV_REGAINS
    return tx.NSA_OVERTAKES if actor1.inter in (2, 3, 4) else sub


def merged_type(types: list[str]) -> str:
    """The type of a group of compatible triggers: the highest-ranked one; arrests at a
    protest make it a protest with intervention."""
    best = max(types, key=lambda t: RANK.get(t, 0))
    if best == tx.PEACEFUL_PROTEST and tx.ARRESTS in types:
        return tx.PROTEST_INTERVENTION
    return best


@dataclass
class Group:
    """An event under construction: its triggers and the sentences that support it."""

    kind: str
    triggers: list[Trigger]
    sents: list[int]
    sub_event_type: str
    date: DateMention | None = None
    place_ids: set[int] = field(default_factory=set)
    toll_sents: list[int] = field(default_factory=list)

    @property
    def main(self) -> Trigger:
        """The strongest trigger of the group's type."""
        same = [t for t in self.triggers if t.sub_event_type == self.sub_event_type]
        return max(same or self.triggers, key=strength)


ANNOUNCED = frozenset({tx.CHANGE_GROUP, tx.AGREEMENT})
SPEECH_VERBS = frozenset({"say", "tell", "announce", "report", "confirm", "add", "state",
                          "claim", "deny", "write", "post", "publish", "update"})


def _speech_date(sent: Span, when: DateMention) -> bool:
    """"..., officials said on Wednesday": the date of the statement, not of the event."""
    span = sent.doc.char_span(when.start, when.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.dep_ == "prep":
        head = head.head
    return head.lemma_.lower() in SPEECH_VERBS


def _aside_date(sent: Span, when: DateMention, trig: Trigger) -> bool:
    """"X, ambassador during the administration, which began in 1986, was shot": a date in
    a relative clause whose noun phrase does not hold the trigger dates that noun, not the
    event ("the attack, which took place on Monday" keeps its date)."""
    span = sent.doc.char_span(when.start, when.end, alignment_mode="expand")
    if span is None:
        return False
    event = sent.doc[trig.head_i]
    for tok in span.root.ancestors:
        if tok.dep_ == "relcl":
            return not (tok.head.left_edge.i <= event.i <= tok.head.right_edge.i)
        if _since_clause(tok):
            return not (tok.left_edge.i <= event.i <= tok.right_edge.i)
    return False


def _since_clause(tok: Token) -> bool:
    """"... since the war began ten years ago": a clause opened by "since" marks the start
    of a period, so its date does not date an event told outside it ("the first minister
    assassinated since the war began ten years ago" was assassinated now)."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since"
                                       for c in tok.children)


def sentence_candidates(sent: Span, found: list[Trigger] | None = None) -> list[list[Trigger]]:
    """Factual triggers of one sentence (`found`, else detected here), split into groups of
    compatible types."""
    groups: list[list[Trigger]] = []
    for trig in detect(sent) if found is None else found:
        if not trig.factual:
            continue
        for grp in groups:
            if compatible(grp[0].sub_event_type, trig.sub_event_type):
                grp.append(trig)
                break
        else:
            groups.append([trig])
    return groups


def _is_anaphoric(trig: Trigger, doc: Doc) -> bool:
    """"the strikes", "this attack", "these clashes": a noun trigger that refers back."""
    tok = doc[trig.head_i]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in ANAPHORS for c in tok.children)


class EventCoder:
    """Turns the stages' mentions into `EventMention`s (see module docstring)."""

    name: ClassVar[str] = "events.rules.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc", "places", "actors", "dates", "tolls",
                                           "attributions")
    assigns: ClassVar[tuple[str, ...]] = ("mentions",)

    def __init__(self, past_days: int = 30, policy: ModelPolicy | None = None,
                 role_model: str = "on"):
        self.past_days = past_days
        self.policy = policy or ModelPolicy()
        self.role_model = role_model  # setting coding.role_model: on, off or a model file
        self._model: SentenceModel | None = None
        self._notes: dict[Trigger, str] = {}  # the model's decisions in the current article
        self._early: list[int] = []  # toll sentences before its first new event (same article)
        self._factual: list[bool] = []  # per sentence of the article: a factual trigger in it

    @property
    def model(self) -> SentenceModel:
        """The sentence model, loaded on first use (a bad file raises EventModelError)."""
        if self._model is None:
            self._model = load_model(self.policy.path)
        return self._model

    def __call__(self, analysis: Analysis) -> None:
        if analysis.doc is None:
            analysis.mentions = []
            return
        sents = list(analysis.doc.sents)
        mentions: list[EventMention] = []
        told: list[tuple[int, EventMention, bool]] = []  # (group, mention, split from a list)
        self._notes = {}
        groups = self.group(analysis, sents)
        places = place_candidates(analysis)
        for index, grp in enumerate(groups):
            foreign = _foreign_sentences(grp, groups)
            mention = self.build(analysis, sents, grp, mentions, foreign, places)
            dated = any(e.field == "event_date" for e in mention.field_evidence)
            tolled = mention.fatalities is not None or mention.injuries is not None
            if grp.kind == "new" and unsupported(analysis.doc, grp.triggers, dated, tolled):
                continue  # violence in general ("terrorists who attack students")
            note = next((self._notes[t] for t in grp.triggers if t in self._notes), "")
            mention = replace(mention, notes=f"{mention.notes} {note}".strip()) \
                if note else mention
            own = [sents[i] for i in grp.sents]
            towns = split_by_place(analysis, mention, own, grp.triggers, places.body)
            mentions.extend(towns)
            told.extend((index, town, len(towns) > 1) for town in towns)
        analysis.mentions = drop_restated(told)

    # --- grouping -----------------------------------------------------------------------

    def group(self, analysis: Analysis, sents: list[Span]) -> list[Group]:
        groups: list[Group] = []
        self._early = []
        self._factual = []
        for i, sent in enumerate(sents):
            found = detect(sent)
            self._factual.append(any(t.factual for t in found))
            candidates = sentence_candidates(sent, found)
            if self.policy.needs_prediction(bool(candidates)):
                judged = judge(sent, found, candidates, self.model, self.policy, strongest_type)
                self._notes.update(judged.notes)
                candidates = judged.candidates
                if judged.vetoed:
                    continue  # the model reads it as no event: its tolls are not ours either
            if not candidates:
                self._attach_tolls(analysis, sents, i, groups)
                continue
            for trigs in candidates:
                self._place_candidate(analysis, sents, i, trigs, groups)
        self._early = early_to_violence(groups, self._early)
        return self._merge_retold(analysis, groups)

    def _merge_retold(self, analysis: Analysis, groups: list[Group]) -> list[Group]:
        """A summary of an incident ("the murder of two men") and its retelling, or an
        incident and a later mention of it in passing ("the assassin who murdered X"), are
        one event: a new event merges into the latest earlier new event of a compatible
        type that it retells (`coding/merge.py`), unless the coder's own rules keep it apart
        (`_joins` without the earlier event's date: another area, "In another attack")."""
        kept: list[Group] = []
        for grp in groups:
            into = self._retold_in(analysis, kept, grp) if grp.kind == "new" else None
            if into is None:
                kept.append(grp)
            else:
                assert analysis.doc is not None
                when = better_date(analysis.doc, into.triggers, into.date, grp.triggers, grp.date)
                absorb(into, grp, strongest_type(into.triggers + grp.triggers), when)
        return kept

    def _retold_in(self, analysis: Analysis, kept: list[Group], grp: Group) -> Group | None:
        """The earlier new event that `grp` retells, if any."""
        assert analysis.doc is not None
        for first in reversed(kept):
            if first.kind != "new" or not compatible(first.sub_event_type, grp.sub_event_type):
                continue
            if retold(analysis.doc, first.triggers, first.date, grp.triggers, grp.date) and \
                    tolls_agree(killed_figures(analysis, first.sents + first.toll_sents),
                                killed_figures(analysis, grp.sents + grp.toll_sents)) and \
                    self._joins(analysis, replace(first, date=None), grp.triggers,
                                grp.sub_event_type, grp.date, grp.place_ids):
                return first
        return None

    def _published(self, article: Article) -> date:
        return article.published or date.today()

    def _sent_date(self, analysis: Analysis, sent: Span, trig: Trigger) -> DateMention | None:
        dates = _in_sents(analysis.dates, [sent])
        if trig.sub_event_type not in ANNOUNCED:
            dates = [d for d in dates if not _speech_date(sent, d)]
        dates = [d for d in dates if not _aside_date(sent, d, trig)]
        if not dates:
            return None
        return min(dates, key=lambda d: abs(d.start - trig.start))

    def _is_past(self, analysis: Analysis, when: DateMention | None, trig: Trigger) -> bool:
        """A recalled trigger, one dated before the reporting window, or one told only as the
        background of another act ("since the assassination of X", `background`)."""
        if trig.recalled or when is not None and self._too_old(analysis, when):
            return True
        assert analysis.doc is not None
        return is_background(analysis.doc[trig.head_i], when.start if when else None)

    def _too_old(self, analysis: Analysis, when: DateMention) -> bool:
        """Is this date before the reporting window? Without a publication date, today says
        nothing about when the report was written: the latest other calendar date the text
        names is the reference instead (one that names a year for one that does, as
        yearless dates are read against today); relative wording ("on Thursday", "a year ago") is
        read from its words, and a lone calendar date is new unless it is a bare past year."""
        if analysis.article.published_basis == "ingest_date":
            if not is_calendar(when):  # "on Thursday", "two years ago": read from its wording
                return when.past
            anchors = [d.value for d in analysis.dates if is_calendar(d) and d != when
                       and (names_year(d) or not names_year(when))]
            if not anchors:  # no other calendar date: only a year the text names can say
                return when.past and is_bare_year(when)
            return (max(anchors) - when.value).days > self.past_days
        published = self._published(analysis.article)
        return when.past or (published - when.value).days > self.past_days

    def _place_candidate(self, analysis: Analysis, sents: list[Span], i: int,
                         trigs: list[Trigger], groups: list[Group]) -> None:
        sent = sents[i]
        sub = strongest_type(trigs)
        when = self._sent_date(analysis, sent, trigs[0])
        kind = "past_reference" if self._is_past(analysis, when, trigs[0]) else "new"
        if kind == "past_reference" and max(t.score for t in trigs) <= GENERIC_SCORE:
            sub = self._retype_generic(sub, groups)
        places = {p.place.geonameid for p in _in_sents(analysis.places, [sent]) if p.place}
        running = self._running(groups, kind)
        adjacent = running is not None and running.sents[-1] == i - 1 and when is None
        if running is not None and self._joins(analysis, running, trigs, sub, when,
                                               places, adjacent):
            running.triggers.extend(trigs)
            running.sents.append(i)
            running.sub_event_type = strongest_type(running.triggers)
            running.date = running.date or when
            running.place_ids |= places
            return
        groups.append(Group(kind, list(trigs), [i], sub, when, places))

    @staticmethod
    def _retype_generic(sub: str, groups: list[Group]) -> str:
        """A weapon-less "had been targeted" takes the type of the event it recalls."""
        for grp in reversed(groups):
            if compatible(grp.sub_event_type, sub):
                return grp.sub_event_type
        return sub

    @staticmethod
    def _running(groups: list[Group], kind: str) -> Group | None:
        for grp in reversed(groups):
            if grp.kind == kind:
                return grp
            if kind == "past_reference":
                return None  # a past reference only continues the one just before it
        return None

    def _joins(self, analysis: Analysis, grp: Group, trigs: list[Trigger], sub: str,
               when: DateMention | None, places: set[int], adjacent: bool = False) -> bool:
        """A compatible candidate joins unless its date differs (ACLED codes each day
        apart) or it names another area; an anaphor ("the strikes") or an undated next
        sentence continuing the same type overrides the place."""
        if not (compatible(grp.sub_event_type, sub) or follows(grp.sub_event_type, sub)):
            return False
        if when is not None and grp.date is not None and when.value != grp.date.value:
            return False
        assert analysis.doc is not None
        sent = analysis.doc[trigs[0].head_i].sent
        if opens_separate_incident(sent) or marked_as_other(trigs, sent):
            return False  # "Meanwhile, ...", "killed by another column": its own incident
        if any(_is_anaphoric(t, analysis.doc) for t in trigs):
            return True
        if self._new_scene_place(analysis, sent, grp):
            return False  # "In B, guerrillas kidnapped a landowner": another place's incident
        added = adds_another(trigs, analysis.doc) or \
            new_scene(sent, _in_sents(analysis.places, [sent]))
        if added and self._added_elsewhere(analysis, grp, when, places):
            return False  # "At the same time, a bomb exploded in B": another incident
        # an undated next sentence of the same family continues the event unless it names
        # another area as a new scene ("Rebels also bombed a bridge in B", "In B, ...")
        return not self._elsewhere(analysis, places, grp.place_ids) or (
            adjacent and family(sub) == family(grp.sub_event_type) and not added)

    def _new_scene_place(self, analysis: Analysis, sent: Span, grp: Group) -> bool:
        """Does the sentence open with a place phrase ("In B, ...") naming a place outside
        the running event's area (`incidents.scene_places`)? After an event with no place
        of its own, any such phrase opens another scene."""
        scene = scene_places(sent, _in_sents(analysis.places, [sent]))
        if not scene:
            return False
        return not grp.place_ids or self._elsewhere(analysis, scene, grp.place_ids)

    def _added_elsewhere(self, analysis: Analysis, grp: Group, when: DateMention | None,
                         places: set[int]) -> bool:
        """A sentence that adds an incident ("In addition", "also", "At the same time")
        is another incident when it is dated to another day than the report's while the
        event is undated (ACLED codes each day apart), or when it names a town outside
        the one the event's latest place-naming sentence told of (a lead naming two
        towns does not make the second one's bombing part of the first's)."""
        if when is not None and grp.date is None and when.precision == 1 and \
                when.value != self._published(analysis.article):
            return True
        recent = self._recent_places(analysis, grp)
        if self._only_wider(analysis, places, _towns(analysis, recent)):
            return True  # "Rebels also burned farms in <the province>": not the town's event
        return self._elsewhere(analysis, _towns(analysis, places), _towns(analysis, recent))

    @staticmethod
    def _only_wider(analysis: Analysis, places: set[int], towns: set[int]) -> bool:
        """Does an added incident name only wider areas (a province, a country) while the
        event was placed in a town? "Also" with no town of its own tells of other places in
        the area, which ACLED codes apart from the town's event."""
        cities = {p.place.geonameid for p in analysis.places if p.place
                  and p.place.geonameid in towns and p.place.feature == "city"}
        named = {p.place.feature for p in analysis.places
                 if p.place and p.place.geonameid in places}
        return bool(cities and named and not places & cities
                    and named <= {"country", "admin1", "admin2", "region"})

    @staticmethod
    def _recent_places(analysis: Analysis, grp: Group) -> set[int]:
        """The places named by the group's latest sentence that names any."""
        assert analysis.doc is not None
        sents = list(analysis.doc.sents)
        for i in reversed(grp.sents):
            found = {p.place.geonameid for p in _in_sents(analysis.places, [sents[i]])
                     if p.place}
            if found:
                return found
        return set()

    def _elsewhere(self, analysis: Analysis, places: set[int], others: set[int]) -> bool:
        """Do `places` name another area than `others` (none shared, none containing)?"""
        return bool(places and others and not places & others
                    and not self._same_area(analysis, places, others))

    @staticmethod
    def _same_area(analysis: Analysis, a: set[int], b: set[int]) -> bool:
        """One place inside the other (a country or first-level division holding a town)
        counts as the same area; two towns of one province do not
        (`incidents.same_area`)."""
        by_id = {p.place.geonameid: p.place for p in analysis.places if p.place}
        return same_area([by_id[x] for x in a if x in by_id], [by_id[x] for x in b if x in by_id])

    def _attach_tolls(self, analysis: Analysis, sents: list[Span], i: int,
                      groups: list[Group]) -> None:
        """A sentence with tolls and no trigger ("three were reported dead") joins the most
        recent new event, unless it is about the past; before any new event it waits for
        the first one (`_early_tolls`)."""
        assert analysis.doc is not None
        tolls = [t for t in _in_sents(analysis.tolls, [sents[i]]) if not t.cumulative
                 and not referenced_toll(analysis.doc, t)]
        if not tolls or not any(t.kind in ("killed", "injured") for t in tolls):
            return
        dates = [d for d in _in_sents(analysis.dates, [sents[i]]) if not _speech_date(
            sents[i], d) and not dates_another_clause(sents[i], d.start, d.end, tolls)]
        published = self._published(analysis.article)
        if any(d.past or (published - d.value).days > self.past_days for d in dates):
            return
        if opens_separate_incident(sents[i]):
            return  # "Meanwhile, two peasants were found dead": not the running event's
        running = self._running(groups, "new")
        if running is None:
            self._early.append(i)
        elif running.sub_event_type == tx.ABDUCTION and killed_later(sents[i]):
            if not self._other_incident(analysis, sents[i], running, []):
                self._killing_after(running, groups).toll_sents.append(i)
        elif not self._other_incident(analysis, sents[i], running, dates):
            running.toll_sents.append(i)

    @staticmethod
    def _killing_after(abduction: Group, groups: list[Group]) -> Group:
        """Captives found dead after an abduction ("the bodies of the two kidnapped men were
        found", on a later day) are a second event: an Attack by the same abductors, while
        the Abduction keeps no deaths (ACLED codes violence reported later in captivity as
        an additional event). The killing takes the abduction's sentences for its actors
        and place."""
        killing = Group("new", list(abduction.triggers), list(abduction.sents), tx.ATTACK,
                        abduction.date, set(abduction.place_ids))
        groups.append(killing)
        return killing

    def _other_incident(self, analysis: Analysis, sent: Span, grp: Group,
                        dates: list[DateMention]) -> bool:
        """A toll sentence dated to another day than the event ("the massacre of 12 people
        last Wednesday"), or naming only places outside the event's area, tells of
        another incident."""
        told = grp.date.value if grp.date is not None else self._published(analysis.article)
        if any(d.precision == 1 for d in dates) and all(d.value != told for d in dates):
            return True
        places = {p.place.geonameid for p in _in_sents(analysis.places, [sent]) if p.place}
        return bool(places and grp.place_ids and not places & grp.place_ids
                    and not self._same_area(analysis, places, grp.place_ids))

    def _early_tolls(self, grp: Group, earlier: list[EventMention]) -> list[int]:
        """Trigger-less toll sentences just before the first new event ("The bodies of two
        men were found. ... Police said gunmen had kidnapped them"): at most
        three sentences before it."""
        if grp.kind != "new" or any(m.kind == "new" for m in earlier):
            return []
        return [i for i in self._early if 0 < grp.sents[0] - i <= 3]

    # --- filling ------------------------------------------------------------------------

    def build(self, analysis: Analysis, sents: list[Span], grp: Group,
              earlier: list[EventMention] | None = None,
              foreign: frozenset[int] = frozenset(),
              places: PlaceCandidates | None = None) -> EventMention:
        """Fill one group; `earlier` (the mentions built before it) lets a past reference
        with no place of its own take the place of the event it is compared with; `foreign`
        sentences report another kind of event, so their attribution is not borrowed;
        `places` are the article's place candidates (`location.place_candidates`)."""
        own = [sents[i] for i in grp.sents]
        place, precision = choose_place(analysis, own, grp, sents, earlier or [], places)
        country = place.place.country_code if place and place.place else (
            analysis.country_focus[0] if analysis.country_focus else None)
        when, time_precision, date_note = self._date(analysis, grp, own)
        toll_sents = sorted(set(grp.toll_sents + self._early_tolls(grp, earlier or [])))
        tolls = self._tolls(analysis, own + [sents[i] for i in toll_sents])
        grp.sub_event_type = final_type(grp, tolls[0])
        roles = assign_roles(analysis, own, grp, country, self.role_model)
        grp.sub_event_type = _territory_by_actor(grp.sub_event_type, roles.actor1)
        lead = [sent for i, sent in enumerate(sents[:LEAD_SENTENCES]) if i not in foreign]
        attribution = self._attribution(analysis, own, lead, grp.main)
        filled = Filled(roles, place, precision, when, time_precision, date_note, tolls[0],
                        tolls[1], attribution)
        return self._mention(analysis, grp, filled, own)

    def _date(self, analysis: Analysis, grp: Group, own: list[Span]) -> tuple[date, int, str]:
        told = _in_sents(analysis.dates, own)
        dates = told if grp.sub_event_type in ANNOUNCED else [
            d for d in told if not any(_speech_date(s, d) for s in own if _inside(d.start, s))]
        dates = dates or told  # the statement's date beats the publication date
        published = self._published(analysis.article)
        if grp.kind == "new":
            dates = [d for d in dates if not self._too_old(analysis, d)]
        if dates:
            first = grp.date if grp.date in dates else None  # the event's first-told date
            best = first or min(dates, key=lambda d: abs(d.start - grp.main.start))
            return best.value, best.precision, YEAR_ONLY if is_bare_year(best) else ""
        lead = self._occurrence_date(analysis, grp) or (
            self._lead_date(analysis, grp) if grp.kind == "new" else None)
        if lead is not None:
            return lead.value, lead.precision, ""
        if analysis.article.published_basis == "ingest_date":
            return published, 3, INGEST_NOTE
        return published, 2 if grp.kind == "new" else 3, ""

    def _occurrence_date(self, analysis: Analysis, grp: Group) -> DateMention | None:
        """For an event told without a date: the date of a following sentence that codes no
        event and only says when "it happened" (`background.dates_an_occurrence`), within
        three sentences of the event's first one."""
        assert analysis.doc is not None
        sents = list(analysis.doc.sents)
        for i in range(grp.sents[0] + 1, min(grp.sents[0] + 4, len(sents))):
            if self._factual[i]:
                continue
            told = [d for d in _in_sents(analysis.dates, [sents[i]]) if d.precision < 3
                    and not (grp.kind == "new" and self._too_old(analysis, d))
                    and dates_an_occurrence(analysis.doc, d)]
            if told:
                return told[0]
        return None

    def _lead_date(self, analysis: Analysis, grp: Group) -> DateMention | None:
        """The day the lead gives the story, for a new event told without a date of its own
        soon after it ("Three blasts shook the city last night. ... The explosions damaged
        two banks"): the one fresh relative day ("last night", "yesterday", "on Monday") of
        the lead sentences before the event, when those sentences code no event themselves
        (else the day is theirs). A calendar date there ("from 10 to 12 December") more often
        dates a meeting or statement than the story, so it is not taken."""
        assert analysis.doc is not None
        if grp.sents[0] > 2 * LEAD_SENTENCES + 1:
            return None
        lead = min(grp.sents[0], LEAD_SENTENCES + 1)
        if not lead or any(self._factual[:lead]):
            return None
        sents = list(analysis.doc.sents)[:lead]
        published = self._published(analysis.article)
        found = [d for s in sents for d in _in_sents(analysis.dates, [s])
                 if d.precision == 1 and d.value != published and not is_calendar(d)
                 and not self._too_old(analysis, d) and not dates_a_statement(analysis.doc, d)]
        return found[0] if len({d.value for d in found}) == 1 else None

    @staticmethod
    def _tolls(analysis: Analysis, sents: list[Span]) -> tuple[Toll | None, Toll | None]:
        """Killed and injured of one event: distinct victim groups across its sentences add
        up, restatements and revisions do not (`flashpoint.coding.event_tolls.event_toll`)."""
        assert analysis.doc is not None
        tolls = _in_sents(analysis.tolls, sents)
        return (event_toll(analysis.doc, tolls, "killed"),
                event_toll(analysis.doc, tolls, "injured"))

    @staticmethod
    def _attribution(analysis: Analysis, own: list[Span], lead: list[Span],
                     trig: Trigger) -> Attribution | None:
        """The attribution closest to the trigger in the event's sentences, else the first
        one in the article's lead."""
        for sents in (own[:1], own):  # the sentence that first told the event, then all
            found = _in_sents(analysis.attributions, sents)
            if found:
                return min(found, key=lambda a: abs(a.start - trig.start))
        in_lead = _in_sents(analysis.attributions, lead)
        return in_lead[0] if in_lead else None

    def _mention(self, analysis: Analysis, grp: Group, f: Filled,
                 own: list[Span]) -> EventMention:
        art = analysis.article
        trig = grp.main
        certainty = f.attribution.certainty if f.attribution else "reported"
        named_here = f.roles.actor1 is not None and any(
            _inside(f.roles.actor1.start, s) for s in own)
        if grp.kind == "new" and named_here and \
                _denied_by_actor(analysis, f.roles.actor1, f.attribution):
            certainty = "denied"  # only an actor the event's own sentences name
        claimant = _claimant(analysis, grp) if grp.kind == "new" else None
        if claimant is not None and certainty == "reported":
            certainty = "claimed"
            if f.roles.actor1 is None or _is_generic(f.roles.actor1):
                f = replace(f, roles=replace(f.roles, actor1=claimant,
                                             inter1=_inter(claimant, _country(f.place))))
        mention = EventMention(
            article_id=art.id, kind=grp.kind, event_type=tx.event_type_of(grp.sub_event_type),
            sub_event_type=grp.sub_event_type,
            trigger=Evidence(art.id, trig.start, trig.end, art.text[trig.start:trig.end]),
            evidence=_evidence(analysis, grp, f),
            field_evidence=field_evidence(analysis, grp, f), event_date=f.when,
            time_precision=f.time_precision,
            actor1=f.roles.actor1, actor2=f.roles.actor2, inter1=f.roles.inter1,
            inter2=f.roles.inter2, assoc_actor_1=f.roles.assoc1, assoc_actor_2=f.roles.assoc2,
            place=f.place, geo_precision=f.geo_precision, fatalities=f.fatalities,
            injuries=f.injuries, attribution=f.attribution,
            certainty=certainty if certainty in CERTAINTIES else "reported",
            confidence=_confidence(trig, f), plover=to_plover(grp.sub_event_type),
        )
        year_only = f.date_note == YEAR_ONLY
        notes = describe(mention, source_of(mention, art), year_only=year_only)
        extra = "" if year_only else f.date_note
        return replace(mention, notes=f"{notes} {extra}".strip())


YEAR_ONLY = "\x00year"  # internal marker: the text gives only a year
INGEST_NOTE = "The date is the ingest date because the publication date is unknown."


@dataclass(frozen=True)
class Filled:
    """The fields found for one group, before they become an `EventMention`."""

    roles: Roles
    place: PlaceMention | None
    geo_precision: int | None
    when: date
    time_precision: int
    date_note: str
    fatalities: Toll | None
    injuries: Toll | None
    attribution: Attribution | None


def _confidence(trig: Trigger, f: Filled) -> float:
    found = (f.roles.actor1, f.roles.actor2, f.place, f.fatalities or f.injuries, f.attribution)
    dated = 0 if f.date_note == INGEST_NOTE else 0.5
    filled = sum(1 for item in found if item is not None) + dated
    return round(min(1.0, 0.55 * trig.score + 0.45 * filled / (len(found) + 0.5)), 3)


def _evidence(analysis: Analysis, grp: Group, f: Filled) -> tuple[Evidence, ...]:
    """Every sentence that contributed a field: trigger, actor, place, toll, date, source."""
    assert analysis.doc is not None
    doc = analysis.doc
    items = (f.roles.actor1, f.roles.actor2, f.place, f.fatalities, f.injuries, f.attribution)
    starts = [t.start for t in grp.triggers] + [i.start for i in items if i is not None]
    starts += [d.start for d in analysis.dates if d.value == f.when and d.start in
               range(doc[grp.main.head_i].sent.start_char, doc[grp.main.head_i].sent.end_char)]
    article = analysis.article
    bounds = [(s.start_char, s.end_char) for s in doc.sents]
    firsts = [b[0] for b in bounds]
    seen: dict[int, Evidence] = {}
    for start in starts:
        if not 0 <= start < len(doc.text):
            continue
        lo, hi = bounds[bisect_right(firsts, start) - 1]
        # the article's own text: the parsed text may differ in letter case (truecasing)
        seen.setdefault(lo, Evidence(article.id, lo, hi, article.text[lo:hi]))
    return tuple(seen[k] for k in sorted(seen))


def field_evidence(analysis: Analysis, grp: Group, f: Filled) -> tuple[Evidence, ...]:
    """The exact words behind each filled field, in `EVIDENCE_FIELDS` order: the group's
    triggers ("event"), the actors' mentions, the chosen place, the toll spans, the date
    expression the event date came from and the attribution naming the source."""
    spans: list[tuple[str, tuple[int, int] | None]] = [
        ("event", (t.start, t.end)) for t in sorted(grp.triggers, key=lambda t: t.start)]
    roles = f.roles
    spans += [("actor1", _span(roles.actor1)), ("actor2", _span(roles.actor2))]
    spans += [("assoc_actor_1", _span(a)) for a in roles.assoc1]
    spans += [("assoc_actor_2", _span(a)) for a in roles.assoc2]
    spans += [("location", _span(f.place)), ("fatalities", _span(f.fatalities)),
              ("injuries", _span(f.injuries)),
              ("event_date", _span(_date_mention(analysis, grp, f)))]
    if f.attribution is not None and f.attribution.source:
        spans.append(("source", _span(f.attribution)))
    text, art_id = analysis.article.text, analysis.article.id
    out: dict[tuple[str, int, int], Evidence] = {}
    for name, span in spans:
        if span is not None and 0 <= span[0] < span[1] <= len(text):
            start, end = span[0], span[1]
            out.setdefault((name, start, end), Evidence(art_id, start, end, text[start:end], name))
    return tuple(out.values())


def _span(item: ActorMention | PlaceMention | Toll | DateMention | Attribution | None
          ) -> tuple[int, int] | None:
    return None if item is None else (item.start, item.end)


def _date_mention(analysis: Analysis, grp: Group, f: Filled) -> DateMention | None:
    """The date expression the event date was read from (None when it is the publication or
    ingest date): the group's first-told date, else the nearest one in its sentences with
    the same value and precision."""
    assert analysis.doc is not None
    if grp.date is not None and grp.date.value == f.when:
        return grp.date
    sents = list(analysis.doc.sents)
    own = [sents[i] for i in grp.sents if 0 <= i < len(sents)]
    same = [d for d in _in_sents(analysis.dates, own)
            if d.value == f.when and d.precision == f.time_precision]
    return min(same, key=lambda d: abs(d.start - grp.main.start)) if same else None


def source_of(mention: EventMention, article: Article) -> str | None:
    """The attributed source, else the publisher's name."""
    if mention.attribution is not None and mention.attribution.source:
        return mention.attribution.source
    return article.source_name

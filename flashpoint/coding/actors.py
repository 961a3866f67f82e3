"""Actors: who did what to whom, normalised through the actor dictionary.

`ActorDictionary` reads `flashpoint/data/actors.json` (documented in docs/actors.md) once,
compiles it into two spaCy PhraseMatchers (case-insensitive for words, case-sensitive for
acronyms) and finds, in one pass over a parsed `Doc`:

- named groups from the dictionary ("ISIS", "Daesh" -> Islamic State);
- state forces of every country in `flashpoint.countries`, built at match time from a
  demonym or country name before a force noun ("Syrian troops", "Israel's army",
  "U.S. forces"), or from a country name that is the agent of an attack ("the United States
  launched a strike");
- generic state forces ("the army", "police") and categories (protesters, civilians,
  gunmen ...), which take the document's country focus when no country is named;
- unknown named groups, capitalised names whose head or context marks them as armed
  ("the Free Valley Brigade"), kept with `known=False`.

Media outlets and monitors ("Syrian state media", "Reuters") block any overlapping match.
The longest span wins; among equal spans the dictionary beats rules, rules beat guesses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ..countries import all_countries, country, iso2_from_demonym, iso2_from_name
from ..errors import ActorDictionaryError, PipelineOrderError
from ..records import ActorMention
from . import forces, speaker

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

    from ..pipeline import Analysis

STATE_KINDS: tuple[str, ...] = ("military", "police", "government")

# Candidate priorities among spans of equal length (lower wins).
_BLOCK, _GROUP, _STATE, _CATEGORY, _AGENT, _UNKNOWN = range(6)

_WRAPPED = re.compile(
    r"(?:^|[\s-])(?:pro|anti)-|-(?:backed|aligned|led|allied|sponsored|supported|funded|linked)\b",
    re.IGNORECASE,
)
_CONNECTORS = frozenset(
    {"of", "for", "the", "al", "el", "-", "'s", "’s", "and", "de", "del", "wal"}
)
_INNER_CONNECTORS = frozenset({"al", "el", "-", "'s", "’s", "de", "del", "wal", "ad", "ud"})
_MAX_NAME_WORDS = 7
# Heads that open a name of their own: "Army of Islam", "Front for the Liberation of ...".
_NAMED_HEADS = frozenset({"army", "front", "brigade", "brigades", "battalion", "legion",
                          "movement", "guards", "militia", "regiment"})
_LEADING_DETS = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary entry: a named group, a category, a state-force kind or a blocker.

    kind: group | category | force | generic | block. `name` may hold "{country}" (a
    template); `state` is military | police | government for state forces.
    """

    kind: str
    name: str
    inter: int
    country: str | None = None
    state: str | None = None
    template: str | None = None


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int  # token index
    end: int
    name: str
    inter: int
    country: str | None
    priority: int
    known: bool = True


def _default_path() -> Path:
    return Path(str(files("flashpoint").joinpath("data/actors.json")))


def _check_state_kind(kind: str) -> None:
    if kind not in STATE_KINDS:
        raise ValueError(f"unknown state kind {kind!r}; use one of {', '.join(STATE_KINDS)}")


def actor_inter_for_event(actor: ActorMention, event_country: str | None) -> int:
    """ACLED inter for `actor` in an event located in `event_country` (ISO2).

    State forces (inter 1) acting outside their own country are external forces (8);
    every other actor keeps its inter.
    """
    if actor.inter != 1 or not actor.country_code or not event_country:
        return actor.inter
    return 8 if actor.country_code.upper() != event_country.upper() else 1


class ActorDictionary:
    """The curated actor dictionary, compiled lazily into spaCy PhraseMatchers.

    Nothing is read at construction; the JSON loads on first use and the matchers are built
    once per spaCy vocabulary.
    """

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else _default_path()
        self._matchers: dict[int, tuple[Vocab, PhraseMatcher, PhraseMatcher]] = {}

    # ---- data -------------------------------------------------------------------------
    @cached_property
    def data(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ActorDictionaryError(
                f"actor dictionary {self.path} not found; reinstall flashpoint or pass the "
                f"path of a dictionary file to ActorDictionary(path)"
            ) from None
        except json.JSONDecodeError as exc:
            raise ActorDictionaryError(
                f"actor dictionary {self.path} is not valid JSON ({exc}); fix the file "
                f"(see docs/actors.md for its format)"
            ) from None
        for key in ("state_templates", "force_nouns", "generic_state", "categories", "groups"):
            if key not in raw:
                raise ActorDictionaryError(
                    f"actor dictionary {self.path} lacks the {key!r} section; see docs/actors.md"
                )
        return dict(raw)

    @cached_property
    def entries(self) -> list[tuple[ActorEntry, tuple[str, ...]]]:
        """Every entry with its aliases, in match-id order."""
        return list(self._iter_entries())

    def _iter_entries(self) -> Iterator[tuple[ActorEntry, tuple[str, ...]]]:
        data = self.data
        for item in data["groups"]:
            yield self._group_entry(item), tuple(item["aliases"])
        for item in data["categories"]:
            entry = ActorEntry("category", item["name"], int(item["inter"]),
                               template=item.get("template"))
            yield entry, tuple(item["aliases"])
        for kind in STATE_KINDS:
            yield ActorEntry("force", kind, 1, state=kind), tuple(data["force_nouns"][kind])
            yield ActorEntry("generic", kind, 1, state=kind), tuple(data["generic_state"][kind])
        blockers = data.get("not_actors", {}).get("phrases", [])
        yield ActorEntry("block", "", 0), tuple(blockers)

    @staticmethod
    def _group_entry(item: dict[str, Any]) -> ActorEntry:
        state = item.get("state")
        inter = 1 if state else int(item["inter"])
        return ActorEntry("group", item["name"], inter, country=item.get("country"),
                          state=state, template=item.get("template"))

    @cached_property
    def _media_words(self) -> frozenset[str]:
        return frozenset(self.data.get("not_actors", {}).get("media_words", []))

    @cached_property
    def _prefix_exclude(self) -> frozenset[str]:
        return frozenset(self.data.get("prefix_exclude", {}).get("words", []))

    @cached_property
    def _agent_lemmas(self) -> frozenset[str]:
        return frozenset(self.data.get("agent_verbs", {}).get("lemmas", []))

    @cached_property
    def _force_phrases(self) -> frozenset[str]:
        nouns = self.data["force_nouns"]
        return frozenset(n.lower() for kind in STATE_KINDS for n in nouns[kind])

    @cached_property
    def _capitals(self) -> dict[str, str]:
        """Capital city -> ISO2, for metonyms ("Ankara forces", "Kyiv's troops")."""
        skip = frozenset(self.data.get("capital_exclude", {}).get("words", []))
        found: dict[str, list[str]] = {}
        for info in all_countries():
            if info.capital and info.capital.lower() not in skip:
                found.setdefault(info.capital.lower(), []).append(info.iso2)
        return {cap: codes[0] for cap, codes in found.items() if len(codes) == 1}

    @cached_property
    def _modifiers(self) -> frozenset[str]:
        return frozenset(self._unknown.get("modifiers", []))

    @cached_property
    def _unknown(self) -> dict[str, Any]:
        return dict(self.data.get("unknown_group", {}))

    # ---- names ------------------------------------------------------------------------
    def country_display(self, iso2: str) -> str:
        """The country as it appears in actor names ("the United States", "Syria")."""
        override = self.data.get("country_display", {}).get(iso2.upper())
        if override:
            return str(override)
        info = country(iso2)
        return info.name if info else iso2.upper()

    def state_name(self, kind: str, iso2: str | None) -> str:
        """"Military Forces of Syria", "Police Forces of Iraq", "Government of Iran"."""
        _check_state_kind(kind)
        if not iso2:
            return str(self.data.get("state_unknown_country", {}).get(kind, kind.title()))
        return str(self.data["state_templates"][kind]).format(country=self.country_display(iso2))

    def category_name(self, entry: ActorEntry, iso2: str | None) -> str:
        if iso2 and entry.template:
            return entry.template.format(country=self.country_display(iso2))
        return entry.name

    def state_actors(self, kind: str = "military") -> dict[str, str]:
        """Generated state-actor names for every country: {iso2: name}."""
        return {info.iso2: self.state_name(kind, info.iso2) for info in all_countries()}

    # ---- matchers ---------------------------------------------------------------------
    def _matchers_for(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
        cached = self._matchers.get(id(vocab))
        if cached is not None and cached[0] is vocab:
            return cached[1], cached[2]
        lower, orth = self._build_matchers(vocab)
        self._matchers[id(vocab)] = (vocab, lower, orth)
        return lower, orth

    def _build_matchers(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
        import spacy
        from spacy.matcher import PhraseMatcher

        tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        lower = PhraseMatcher(vocab, attr="LOWER")
        orth = PhraseMatcher(vocab, attr="ORTH")
        for index, (_entry, aliases) in enumerate(self.entries):
            words = [_strip_det(a) for a in aliases if a.strip()]
            acronyms = [tokenizer(a) for a in words if _is_acronym(a)]
            others = [tokenizer(a) for a in words if not _is_acronym(a)]
            if acronyms:
                orth.add(str(index), acronyms)
            if others:
                lower.add(str(index), others)
        return lower, orth

    # ---- matching ---------------------------------------------------------------------
    def match(self, doc: Doc, focus: str | None = None) -> list[ActorMention]:
        """Actor mentions in `doc`, longest match first, no overlaps, sorted by start.

        `focus` (ISO2) is the document's main country: generic forces and categories
        without a named country take it.
        """
        candidates = list(self._phrase_candidates(doc, focus))
        candidates.extend(self._agent_candidates(doc))
        candidates.extend(self._unit_candidates(doc, focus))
        candidates.extend(forces.force_candidates(self, doc, focus))
        named = {i for c in candidates if c.priority in (_BLOCK, _GROUP)
                 for i in range(c.start, c.end)}
        candidates.extend(c for c in self._unknown_candidates(doc, focus)
                          if not named.intersection(range(c.start, c.end)))
        chosen = self._epithets_as_rebels(doc, _merge_followers(_select(candidates)), focus)
        chosen = forces.state_battalions(self, doc, chosen, focus)
        chosen = speaker.speaker_actors(self, doc, chosen, focus)
        return [self._mention(doc, c) for c in chosen
                if c.priority != _BLOCK and not _speaker_follows(doc, c.end)]

    @staticmethod
    def _mention(doc: Doc, cand: _Candidate) -> ActorMention:
        span = doc[cand.start : cand.end]
        return ActorMention(start=span.start_char, end=span.end_char, text=span.text,
                            name=cand.name, inter=cand.inter, country_code=cand.country,
                            known=cand.known)

    def _phrase_candidates(self, doc: Doc, focus: str | None) -> Iterator[_Candidate]:
        """Dictionary matches, found on the words without line breaks between them (wire
        copy breaks "national\nguard" or "Farabundo\nMarti" across lines)."""
        lower, orth = self._matchers_for(doc.vocab)
        entries = self.entries
        compact, index = _without_spaces(doc)
        for match_id, start, end in [*lower(compact), *orth(compact)]:
            entry = entries[int(doc.vocab.strings[match_id])][0]
            cand = self._from_entry(doc, entry, index[start], index[end - 1] + 1, focus)
            if cand is not None:
                yield cand

    def _from_entry(
        self, doc: Doc, entry: ActorEntry, start: int, end: int, focus: str | None
    ) -> _Candidate | None:
        if entry.kind == "block":
            return _Candidate(start, end, "", 0, None, _BLOCK)
        if entry.kind == "group":
            if _wrapped_before(doc, start):
                return None
            return self._group_candidate(entry, start, end, focus)
        prefix = self._nation_prefix(doc, start, capitals=entry.kind != "category")
        if entry.kind == "force":
            if prefix is None:
                return None
            iso2, new_start = prefix
            return self._state_candidate(entry, new_start, end, iso2)
        if entry.kind == "generic" and not _generic_ok(doc, start, end):
            return None
        country, new_start = prefix if prefix else (focus, start)
        if entry.kind == "generic":
            return self._state_candidate(entry, new_start, end, country)
        name = self.category_name(entry, country)
        return _Candidate(new_start, end, name, entry.inter, country, _CATEGORY)

    def _group_candidate(
        self, entry: ActorEntry, start: int, end: int, focus: str | None
    ) -> _Candidate:
        if entry.state:
            name = self.state_name(entry.state, entry.country)
            return _Candidate(start, end, name, 1, entry.country, _GROUP)
        iso2 = entry.country
        name = entry.name
        if entry.template:
            iso2 = entry.country or focus
            name = self.category_name(entry, iso2)
        return _Candidate(start, end, name, entry.inter, iso2, _GROUP)

    def _state_candidate(
        self, entry: ActorEntry, start: int, end: int, iso2: str | None
    ) -> _Candidate:
        kind = entry.state or "military"
        return _Candidate(start, end, self.state_name(kind, iso2), 1, iso2, _STATE)

    def _nation_prefix(
        self, doc: Doc, start: int, capitals: bool = False
    ) -> tuple[str, int] | None:
        """(ISO2, new start) for a demonym or country name right before token `start`."""
        end = start
        possessive = end > 0 and doc[end - 1].lower_ in ("'s", "’s", "'")
        if possessive:
            end -= 1
        for size in (4, 3, 2, 1):
            begin = end - size
            if begin < 0:
                continue
            iso2 = self._nation_of(doc[begin:end], names_only=possessive)
            if not iso2 and capitals and _capitalised(doc[begin]):
                iso2 = self._capitals.get(doc[begin:end].text.lower())
            if iso2:
                return iso2, begin
        return None

    def _nation_of(self, span: Span, names_only: bool = False) -> str | None:
        first = span[0]
        if not _capitalised(first) or first.lower_ in _LEADING_DETS:
            return None
        if _wrapped_before(span.doc, span.start):
            return None
        text = span.text
        if _WRAPPED.search(text) or text.lower() in self._prefix_exclude:
            return None
        if "\n" in text:
            return None
        found = iso2_from_name(text)
        if not found and not names_only:
            found = iso2_from_demonym(text)
        return found

    # ---- countries as agents ----------------------------------------------------------
    def _agent_candidates(self, doc: Doc) -> Iterator[_Candidate]:
        for ent in doc.ents:
            if ent.label_ != "GPE":
                continue
            span = _strip_det_span(ent)
            iso2 = iso2_from_name(span.text)
            if iso2 and (self._is_attacker(ent.root) or self._followed_by_attack(ent)):
                name = self.state_name("military", iso2)
                yield _Candidate(span.start, span.end, name, 1, iso2, _AGENT)

    def _is_attacker(self, root: Token) -> bool:
        head = root.head
        if root.dep_ in ("nsubj", "csubj") and head.pos_ in ("VERB", "AUX"):
            return self._attack_verb(head)
        if root.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
            return self._attack_verb(head.head)
        if root.dep_ == "conj":
            return self._is_attacker(head) if head.ent_type_ == "GPE" else False
        return False

    def _followed_by_attack(self, ent: Span) -> bool:
        """Fallback when the parse is off: "<Country> has launched ..." opening a clause."""
        doc = ent.doc
        start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].lower_ == "the" else ent.start
        before = doc[start - 1] if start > 0 else None
        if before is not None and not _opens_clause(before):
            return False
        for token in doc[ent.end : ent.end + 4]:
            if token.pos_ in ("AUX", "ADV", "PART"):
                continue
            return token.pos_ == "VERB" and token.lemma_.lower() in self._agent_lemmas
        return False

    def _attack_verb(self, verb: Token) -> bool:
        if verb.lemma_.lower() in self._agent_lemmas:
            return True
        return verb.dep_ == "conj" and verb.head.lemma_.lower() in self._agent_lemmas

    # ---- unknown named groups ---------------------------------------------------------
    def _unknown_candidates(self, doc: Doc, focus: str | None = None) -> Iterator[_Candidate]:
        heads = frozenset(self._unknown.get("armed_heads", []))
        seen: set[tuple[int, int]] = set()
        for token in doc:
            found = None
            if token.lower_ in heads:
                found = self._name_around_head(doc, token)
            elif token.lower_ == "of" and self._armed_before(doc, token.i):
                found = _capitalised_run_after(doc, token.i + 1)
            if found and found not in seen and self._plausible_name(doc, *found):
                seen.add(found)
                yield self._unknown_candidate(doc, *found, focus=focus)

    def _armed_before(self, doc: Doc, of_index: int) -> bool:
        before = frozenset(self._unknown.get("armed_context_before", []))
        return of_index > 0 and doc[of_index - 1].lower_ in before

    def _name_around_head(self, doc: Doc, head: Token) -> tuple[int, int] | None:
        """Token span of a capitalised name ending in (or just before) an armed head noun."""
        first = head.i
        while first > 0 and head.i - first < 2 and doc[first - 1].lower_ in self._modifiers:
            first -= 1
        begin = _capitalised_run_before(doc, first)
        if begin == first:
            begin = _capitalised_run_before(doc, head.i)
        while begin < head.i and doc[begin].lower_ in _LEADING_DETS:
            begin += 1
        if head.is_title or head.is_upper:
            end = head.i + 1
            if head.lower_ in _NAMED_HEADS:
                end = _extend_of_phrase(doc, end)
            if begin < head.i or end > head.i + 1:
                return begin, end
            return None
        if begin < head.i:
            return begin, head.i + 1
        return None

    def _plausible_name(self, doc: Doc, start: int, end: int) -> bool:
        span = doc[start:end]
        words = [t for t in span if not t.is_punct and t.lower_ not in _CONNECTORS]
        if not words or len(words) > _MAX_NAME_WORDS:
            return False
        if any(t.pos_ in ("VERB", "AUX", "PRON") or t.tag_ == "PRP$" for t in span):
            return False  # "U.S. Retaliates Against ...", "Our forces"
        if not any(_looks_like_name(t) for t in words):
            return False
        if any(t.lower_ in self._media_words for t in span):
            return False
        if any(t.ent_type_ in ("DATE", "TIME", "MONEY", "CARDINAL") for t in span):
            return False
        if any(t.ent_type_ == "PERSON" for t in span) and not self._group_head(span[-1]):
            return False  # "Antony Blinken"; but the small model tags "Qorvan rebels" PERSON
        heads = frozenset(self._unknown.get("armed_heads", []))
        name_part = [t for t in span if t.lower_ not in heads]
        return not self._is_place_or_nation(doc, name_part, span)

    def _group_head(self, token: Token) -> bool:
        """Heads that a person's name does not take ("X rebels"; unlike "Assad forces")."""
        return token.lower_ in self._unknown.get("group_heads", [])

    def _is_place_or_nation(self, doc: Doc, name_part: list[Token], span: Span) -> bool:
        if not name_part:
            return True
        text = doc[name_part[0].i : name_part[-1].i + 1].text
        if text.lower() in self._prefix_exclude:
            return False
        if iso2_from_name(text) or iso2_from_demonym(text):
            return True
        if " ".join(t.lower_ for t in span) in self._force_phrases:
            return True  # "Ground Forces", "Special Forces" without a country
        strong_head = self._group_head(span[-1])
        return not strong_head and all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in name_part)

    def _unknown_candidate(self, doc: Doc, start: int, end: int,
                           focus: str | None = None) -> _Candidate:
        if _regular_unit(doc, start, end):
            return _Candidate(start, end, self.state_name("military", focus), 1, focus, _STATE)
        span = doc[start:end]
        if len(span) > 1 and span[-1].is_lower and span[-2].lower_ in _NAMED_HEADS:
            span = span[:-1]  # "X Front militants" -> "X Front"
        name = " ".join(_title_word(word) for word in span.text.split())
        return _Candidate(start, end, name, self._context_inter(doc, start, end), None,
                          _UNKNOWN, known=False)

    def _context_inter(self, doc: Doc, start: int, end: int) -> int:
        words = {t.lower_ for t in doc[max(0, start - 2) : min(len(doc), end + 1)]}
        context = self._unknown.get("context_inter", {})
        for code in ("4", "2", "3"):
            if words & set(context.get(code, [])):
                return int(code)
        head_inter: dict[str, int] = self._unknown.get("heads", {})
        for token in reversed(doc[start:end]):
            if token.lower_ in head_inter:
                return int(head_inter[token.lower_])
        return 3

    # ---- units and epithets -----------------------------------------------------------
    def _unit_candidates(self, doc: Doc, focus: str | None) -> Iterator[_Candidate]:
        """A unit, post or vehicle named by its side: "a military convoy", "the 4th infantry
        brigade unit", "a national guard post" are state forces; "a subversive column",
        "guerrilla camps" are rebels (ACLED codes the force the unit belongs to)."""
        rebels = self._category_entry(2)
        for token in doc:
            if token.lower_ not in UNIT_NOUNS:
                continue
            begin, side = _unit_modifiers(doc, token.i)
            if side is None:
                continue
            iso2, begin = self._nation_prefix(doc, begin) or (focus, begin)  # "a U.S. army base"
            if side == "state":
                name = self.state_name("military", iso2)
                yield _Candidate(begin, token.i + 1, name, 1, iso2, _STATE)
            elif rebels is not None:
                name = self.category_name(rebels, iso2)
                yield _Candidate(begin, token.i + 1, name, 2, iso2, _CATEGORY)

    def _category_entry(self, inter: int) -> ActorEntry | None:
        """The first unnamed category with this inter (2: Rebel Forces)."""
        return next((entry for entry, _ in self.entries
                     if entry.kind == "category" and entry.inter == inter), None)

    def _epithets_as_rebels(self, doc: Doc, chosen: list[_Candidate],
                            focus: str | None) -> list[_Candidate]:
        """"Terrorists", "extremists", "narcoterrorists" in a report that names rebels (an
        actor with inter 2) are those rebels, as a careful coder reads a communique about an
        insurgency; elsewhere they stay an unidentified armed group (or no actor). Not
        before "of": in "terrorists of the X Front" the Front acted."""
        rebels = self._category_entry(2)
        if rebels is None or not any(c.inter == 2 and c.priority != _BLOCK for c in chosen):
            return chosen
        taken = {i for c in chosen for i in range(c.start, c.end)}
        kept = [c for c in chosen if not _epithet(doc, c.start, c.end)]
        spans = [(c.start, c.country) for c in chosen if _epithet(doc, c.start, c.end)]
        spans += [(t.i, None) for t in doc if t.i not in taken and _epithet(doc, t.i, t.i + 1)]
        for start, iso2 in spans:
            iso2 = iso2 or focus
            name = self.category_name(rebels, iso2)
            kept.append(_Candidate(start, start + 1, name, 2, iso2, _CATEGORY))
        return sorted(kept, key=lambda c: c.start)


class ActorStage:
    """Fills `analysis.actors` from the actor dictionary, sorted by start."""

    name: ClassVar[str] = "actors.dict.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc", "country_focus")
    assigns: ClassVar[tuple[str, ...]] = ("actors",)

    def __init__(self, dictionary: ActorDictionary | None = None):
        self.dictionary = dictionary or default_dictionary()

    def __call__(self, analysis: Analysis) -> None:
        if analysis.doc is None:
            raise PipelineOrderError(
                f"stage {self.name!r} found no parsed doc; put the NLP stage before it"
            )
        focus = analysis.country_focus[0] if analysis.country_focus else None
        analysis.actors = self.dictionary.match(analysis.doc, focus=focus)


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The bundled dictionary, shared across stages in a process."""
    return ActorDictionary()


# ---- small helpers ------------------------------------------------------------------------
# "a police spokesman said", "army sources": the force names who speaks, not who acts.
SPEAKER_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "statement", "source",
     "sources", "press", "communique", "communiqué", "bulletin", "website", "channel"}
)

# Units, posts and vehicles that belong to one side of a war, and the words that say which.
UNIT_NOUNS = frozenset(
    "unit units convoy convoys patrol patrols column columns detachment detachments garrison "
    "garrisons post posts outpost outposts base bases installation installations position "
    "positions barracks headquarters camp camps battalion battalions brigade brigades "
    "regiment regiments division company platoon troops vehicle vehicles truck trucks "
    "helicopter helicopters plane planes aircraft contingent".split())
STATE_UNIT_WORDS = frozenset(
    "military army infantry artillery airborne paratrooper paratroopers parachute naval navy "
    "marine marines cavalry armored armoured mechanized mechanised counterinsurgency".split())
REBEL_UNIT_WORDS = frozenset("guerrilla guerrillas rebel insurgent subversive".split())
# Regular units numbered or named by their arm: "4th Infantry Brigade", "2d Battalion".
REGULAR_UNIT_HEADS = frozenset("battalion brigade regiment division corps".split())
REBEL_EPITHETS = frozenset("terrorists extremists narcoterrorists narco-terrorists".split())
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|d)$", re.IGNORECASE)


def _unit_modifiers(doc: Doc, unit: int) -> tuple[int, str | None]:
    """(first telling token, side) among the modifiers of a unit noun: "the 5th infantry
    brigade unit" -> state, "guerrilla urban commando units" -> rebel (a rebel word wins);
    side None when no word tells."""
    first = max(doc[unit].left_edge.i, unit - 6)
    words = [t for t in doc[first:unit] if not t.is_space]
    telling = [t for t in words if t.lower_ in STATE_UNIT_WORDS | REBEL_UNIT_WORDS
               or _ORDINAL.match(t.text) or t.lower_ == "national" and _guard_after(doc, t.i)]
    if not telling:
        return unit, None
    if any(t.lower_ in REBEL_UNIT_WORDS for t in telling):
        return telling[0].i, "rebel"
    if any(t.lower_ in STATE_UNIT_WORDS or t.lower_ == "national" for t in telling):
        return telling[0].i, "state"
    if doc[unit].lower_ in REGULAR_UNIT_HEADS:
        return telling[0].i, "state"  # "the 3d Brigade"
    return unit, None


def _guard_after(doc: Doc, i: int) -> bool:
    """"national guard", also broken across a line."""
    after = next((t for t in doc[i + 1 : i + 3] if not t.is_space), None)
    return after is not None and after.lower_ == "guard"


def _regular_unit(doc: Doc, start: int, end: int) -> bool:
    """A named unit of a regular army: its head is a battalion, brigade ... and it is
    numbered or named by its arm ("Infantry Brigade"), or its men are "troops" or
    "soldiers" ("the Atlacatl Battalion troops")."""
    words = [t for t in doc[start:end] if not t.is_space]
    if not words or words[-1].lower_ not in REGULAR_UNIT_HEADS:
        return False
    if any(t.lower_ in STATE_UNIT_WORDS or _ORDINAL.match(t.text) for t in words):
        return True
    after = next((t for t in doc[end : end + 3] if not t.is_space), None)
    return after is not None and after.lower_ in ("troops", "soldiers", "paratroopers")


def _epithet(doc: Doc, start: int, end: int) -> bool:
    """A lone epithet for rebels, not followed by "of" and the group's name."""
    return end - start == 1 and doc[start].lower_ in REBEL_EPITHETS and \
        not _of_follows(doc, end)


def _of_follows(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ == "of"


def _without_spaces(doc: Doc) -> tuple[Doc, list[int]]:
    """`doc`'s words without whitespace tokens, and each word's index in `doc`."""
    index = [t.i for t in doc if not t.is_space]
    if len(index) == len(doc):
        return doc, index
    from spacy.tokens import Doc as _Doc

    return _Doc(doc.vocab, words=[doc[i].text for i in index]), index


def _speaker_follows(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in SPEAKER_NOUNS


def _select(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Longest first, then by priority; no token is claimed twice. Sorted by start."""
    taken: set[int] = set()
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        span = range(cand.start, cand.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _merge_followers(chosen: list[_Candidate]) -> list[_Candidate]:
    """"IDF soldiers", "M23 fighters": a named group absorbs a generic armed noun after it."""
    out: list[_Candidate] = []
    for cand in chosen:
        prev = out[-1] if out else None
        follows = prev is not None and prev.priority == _GROUP and prev.end == cand.start
        armed = cand.priority == _STATE or (cand.priority == _CATEGORY and cand.inter in (2, 3))
        if prev is not None and follows and armed:
            out[-1] = _Candidate(prev.start, cand.end, prev.name, prev.inter, prev.country,
                                 prev.priority, prev.known)
            continue
        out.append(cand)
    return out


def _wrapped_before(doc: Doc, start: int) -> bool:
    """True after "pro-", "anti-" or any hyphen: "pro-Russian forces" are not Russia's."""
    if start == 0:
        return False
    before = doc[start - 1]
    return before.text == "-" or before.lower_ in ("pro", "anti") or before.text.endswith("-")


def _is_acronym(alias: str) -> bool:
    """Aliases matched case-sensitively: "ISIS", "SDF", "M23", and mixed "LeT", "JeM"."""
    if any(ch.isspace() for ch in alias):
        return False
    letters = [ch for ch in alias if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return bool(letters) and (upper == len(letters) or (len(letters) <= 4 and upper >= 2))


def _strip_det(alias: str) -> str:
    words = alias.strip().split(" ", 1)
    if len(words) == 2 and words[0].lower() in _LEADING_DETS:
        return words[1]
    return alias.strip()


def _strip_det_span(span: Span) -> Span:
    if len(span) > 1 and span[0].lower_ in _LEADING_DETS:
        return span[1:]
    return span


def _generic_ok(doc: Doc, start: int, end: int) -> bool:
    """'military' alone must be a noun ("the military said"), not "military vehicles"."""
    if end - start == 1 and doc[start].lower_ == "military":
        return doc[start].pos_ in ("NOUN", "PROPN") and doc[start].dep_ != "amod"
    return True


def _opens_clause(token: Token) -> bool:
    return token.is_space or token.is_punct or token.lower_ == "and"


def _looks_like_name(token: Token) -> bool:
    if token.pos_ == "PROPN" or token.ent_type_ in ("NORP", "ORG"):
        return True
    return _capitalised(token) and not token.is_sent_start


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and not token.is_punct


def _capitalised_run_before(doc: Doc, index: int) -> int:
    """Start of the run of capitalised words (inner "al-", "'s" allowed) ending before `index`."""
    begin = index
    i = index - 1
    while i >= 0:
        token = doc[i]
        if _capitalised(token):
            begin = i
        elif token.lower_ not in _INNER_CONNECTORS:
            break
        if token.is_sent_start:
            break
        i -= 1
    return begin


def _capitalised_run_after(doc: Doc, index: int) -> tuple[int, int] | None:
    """A capitalised name starting at `index` (a leading "the" skipped)."""
    if index < len(doc) and doc[index].lower_ in _LEADING_DETS:
        index += 1
    end = index
    while end < len(doc) and _capitalised(doc[end]) and not doc[end].is_punct:
        end += 1
    if end == index:
        return None
    return index, _extend_of_phrase(doc, end)


def _extend_of_phrase(doc: Doc, index: int) -> int:
    """Extend a name over "of (the) Capitalised ..." ("Army of Islam", "Front for ...")."""
    while index + 1 < len(doc) and doc[index].lower_ in ("of", "for"):
        start = index + 1
        if doc[start].lower_ == "the" and start + 1 < len(doc):
            start += 1
        end = start
        while end < len(doc) and _capitalised(doc[end]):
            end += 1
        if end == start:
            break
        index = end
    return index


def _title_word(word: str) -> str:
    particle = word.split("-", 1)[0].lower() in _CONNECTORS and "-" in word
    if word[:1].islower() and word.lower() not in _CONNECTORS and not particle:
        return word[:1].upper() + word[1:]
    return word

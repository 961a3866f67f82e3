"""The speaker's side in a communique told in the first person: a companion of
`actors.ActorDictionary.match`, which calls `speaker_actors` on its chosen candidates.

A war bulletin read on a rebel radio says "our troops attacked", "we ambushed a convoy",
"our comrades in X report heavy fighting"; an army communique says the same of the army.
A careful coder reads "our"/"we" as the voice of the report's source, and "the enemy",
"enemy troops" as the other side. That is done only when the source is an armed actor:
- a rebel station named in the dateline or the lead ("(RADIO VENCEREMOS) --": the station
  of a named group; a "clandestine" station: the rebels of the report's country);
- the armed forces' press office or a military communique ("COPREFA", "the armed forces
  press committee", "an army communique"): the state's military;
- a named rebel group issuing a communique or bulletin in the lead ("the FMLN General
  Command communique").
Both sides in the lead, or neither, leave the pronouns alone: a newspaper's "we" or a
minister's "our country" names nobody.

`stated_attacker` (called by `roles.assign_roles`): an attack on state forces told without
an agent ("artillery troops were attacked") keeps an unidentified attacker, as ACLED codes
it, unless that sentence or the one before names rebels as the ones attacking ("FMLN units
launched attacks in the north. The garrison was attacked at midnight").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..pipeline import Analysis
    from ..records import ActorMention
    from .actors import ActorDictionary, _Candidate
    from .coder import Group

# Stations that speak for a named group, by one of the group's dictionary aliases.
REBEL_STATIONS: dict[str, str] = {
    "radio venceremos": "FMLN",
    "radio farabundo marti": "FMLN",
}
_STATE_VOICE = re.compile(
    r"\b(?:coprefa|armed forces press (?:committee|office)|(?:armed forces|army|military|"
    r"high command|joint command) (?:communique|bulletin|press release))\b")
_CLANDESTINE = re.compile(r"\(clandestine\)|\bclandestine (?:radio|station|broadcast)")
_GROUP_VOICE = frozenset(
    "communique communiques bulletin bulletins command radio statement".split())
# Nouns an armed speaker uses for its own men and posts ("our units", "our positions").
OWN_FORCE_NOUNS = frozenset(
    "troops forces units unit comrades combatants fighters guerrillas soldiers men army "
    "columns column commandos militiamen patrols patrol detachments detachment battalion "
    "battalions brigade brigades positions position posts post garrison camps camp "
    "fronts front squads squad".split())
ENEMY_WORDS = frozenset({"enemy", "enemy's"})
# Verbs whose subject "we" is the speaker acting as a side.
ACT_LEMMAS = frozenset(
    "attack ambush destroy kill shoot down repel repulse seize capture clash fight launch "
    "stage inflict annihilate harass hit bomb fire sabotage occupy storm overrun "
    "wound rout surround dislodge blow control take".split())
_LEAD_SENTENCES = 3


def speaker_actors(dictionary: ActorDictionary, doc: Doc, chosen: list[_Candidate],
                   focus: str | None) -> list[_Candidate]:
    """`chosen` with "our troops"/"we" as the speaker and "enemy troops" as the other side,
    when the report's source is an armed actor (see module doc)."""
    own = speaker_side(dictionary, doc, chosen, focus)
    if own is None:
        return chosen
    other = _other_side(dictionary, own, focus)
    spans = [(s, e, own) for s, e in _own_spans(doc)]
    spans += [(s, e, other) for s, e in _enemy_spans(doc)] if other is not None else []
    return _replace(chosen, spans)


def speaker_side(dictionary: ActorDictionary, doc: Doc, chosen: list[_Candidate],
                 focus: str | None) -> _Candidate | None:
    """The armed actor the report speaks for (start/end unused), or None."""
    from .actors import _STATE, _Candidate

    end = _lead_end(doc)
    lead = re.sub(r"\s+", " ", doc[:end].text.lower())
    sides: list[_Candidate] = []
    group = _rebel_voice(dictionary, doc, chosen, end, lead, focus)
    if group is not None:
        sides.append(group)
    if _STATE_VOICE.search(lead):
        sides.append(_Candidate(0, 0, dictionary.state_name("military", focus), 1, focus,
                                _STATE))
    return sides[0] if len(sides) == 1 else None


def _rebel_voice(dictionary: ActorDictionary, doc: Doc, chosen: list[_Candidate], end: int,
                 lead: str, focus: str | None) -> _Candidate | None:
    """A rebel station, a named group's communique or a clandestine station in the lead."""
    from .actors import _GROUP

    station = next((alias for name, alias in REBEL_STATIONS.items() if name in lead), None)
    group = _group_by_alias(dictionary, station, focus) if station else None
    if group is None:
        group = _voiced_group(doc, chosen, end, _GROUP)
    if group is None and _CLANDESTINE.search(lead):
        group = _rebels(dictionary, focus)
    return group


def _lead_end(doc: Doc) -> int:
    """Token index where the lead (dateline and first sentences) ends."""
    sents = list(doc.sents)[:_LEAD_SENTENCES]
    return sents[-1].end if sents else 0


def _group_by_alias(dictionary: ActorDictionary, alias: str,
                    focus: str | None) -> _Candidate | None:
    for entry, aliases in dictionary.entries:
        if entry.kind == "group" and alias in aliases:
            return dictionary._group_candidate(entry, 0, 0, focus)
    return None


def _voiced_group(doc: Doc, chosen: list[_Candidate], end: int,
                  group_priority: int) -> _Candidate | None:
    """A named rebel group in the lead beside a word that makes the text its voice ("the
    FMLN General Command reports", "a communique of the FMLN")."""
    for cand in chosen:
        if cand.start >= end or cand.priority != group_priority or cand.inter != 2:
            continue
        before = [t for t in doc[max(0, cand.start - 8) : cand.start] if t.is_alpha][-3:]
        after = [t for t in doc[cand.end : min(end, cand.end + 8)] if t.is_alpha][:4]
        if any(t.lower_ in _GROUP_VOICE for t in before + after):
            return cand
    return None


def _rebels(dictionary: ActorDictionary, focus: str | None) -> _Candidate | None:
    from .actors import _CATEGORY, _Candidate

    entry = dictionary._category_entry(2)
    if entry is None:
        return None
    return _Candidate(0, 0, dictionary.category_name(entry, focus), 2, focus, _CATEGORY)


def _other_side(dictionary: ActorDictionary, own: _Candidate,
                focus: str | None) -> _Candidate | None:
    from .actors import _STATE, _Candidate

    if own.inter == 1:
        return _rebels(dictionary, focus)
    return _Candidate(0, 0, dictionary.state_name("military", focus), 1, focus, _STATE)


def _own_spans(doc: Doc) -> list[tuple[int, int]]:
    """"our (brave) troops", and "we"/"us" as the side that acts ("we ambushed", "the
    attack staged by us")."""
    spans = []
    for token in doc:
        word = token.lower_
        if word == "our":
            end = _force_noun_after(doc, token.i)
            if end is not None:
                spans.append((token.i, end))
        elif (word == "we" and token.dep_ == "nsubj" and token.head.lemma_ in ACT_LEMMAS) or \
                (word == "us" and token.head.lower_ == "by"):
            spans.append((token.i, token.i + 1))
    return spans


def _enemy_spans(doc: Doc) -> list[tuple[int, int]]:
    """"the enemy", "enemy troops", "the enemy's positions"."""
    spans = []
    for token in doc:
        if token.lower_ not in ENEMY_WORDS:
            continue
        end = _force_noun_after(doc, token.i)
        if end is not None:
            spans.append((token.i, end))
        elif token.pos_ in ("NOUN", "PROPN") or token.dep_ in ("nsubj", "dobj", "pobj"):
            spans.append((token.i, token.i + 1))
    return spans


def _force_noun_after(doc: Doc, i: int) -> int | None:
    """End of "<i> (up to two modifiers) <force noun>", or None."""
    for j in range(i + 1, min(i + 4, len(doc))):
        word: Token = doc[j]
        if word.lower_ in OWN_FORCE_NOUNS:
            return j + 1
        if word.is_punct or word.is_space or word.pos_ in ("VERB", "AUX", "ADP"):
            return None
    return None


def _replace(chosen: list[_Candidate],
             spans: list[tuple[int, int, _Candidate]]) -> list[_Candidate]:
    """Swap the candidates a speaker span covers for the speaker (or the enemy)."""
    from .actors import _Candidate

    if not spans:
        return chosen
    covered = {i for s, e, _ in spans for i in range(s, e)}
    kept = [c for c in chosen if not covered.intersection(range(c.start, c.end))]
    new = [_Candidate(s, e, side.name, side.inter, side.country, side.priority, side.known)
           for s, e, side in spans]
    return sorted(kept + new, key=lambda c: c.start)


# Verbs whose subject (or "by" agent) is the side that attacks.
ATTACK_LEMMAS = frozenset(
    "attack launch ambush assault storm shell harass raid strike hit fire stage "
    "mount carry inflict".split())


def stated_attacker(analysis: Analysis, grp: Group, actor1: ActorMention | None,
                    actor2: ActorMention | None) -> ActorMention | None:
    """Rebels named as the attackers in the sentence of an agentless attack on state forces
    or the one before it; None otherwise (see module doc)."""
    doc = analysis.doc
    if actor1 is not None or actor2 is None or actor2.inter != 1 or doc is None:
        return None
    sent = doc[grp.main.head_i].sent
    first = _previous_sentence_start(doc, sent.start)
    from .roles import _most_specific

    found = [a for a in analysis.actors
             if a.inter == 2 and doc[first].idx <= a.start < sent.end_char and _attacks(doc, a)]
    return _most_specific(found)


def _previous_sentence_start(doc: Doc, start: int) -> int:
    """Start of the sentence before `start` that has words (not a lone quote mark)."""
    while start > 0:
        prev = doc[start - 1].sent
        if sum(t.is_alpha for t in prev) >= 3:
            return prev.start
        start = prev.start
    return start


def _attacks(doc: Doc, actor: ActorMention) -> bool:
    """The actor is the subject or the "by" agent of an attack verb."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "nsubj":
        return _attack_verb(root.head)
    if root.dep_ == "pobj" and root.head.lower_ == "by":
        return _attack_verb(root.head.head)
    return False


def _attack_verb(verb: Token) -> bool:
    while verb.dep_ == "conj" and verb.head is not verb:
        if verb.lemma_.lower() in ATTACK_LEMMAS:
            return True
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in ATTACK_LEMMAS

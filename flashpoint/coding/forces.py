"""State forces named by their aircraft or their units, where the actor dictionary has no
entry: a companion of `actors.ActorDictionary.match`, which calls the two functions here.

- Aircraft that carry out an attack ("several helicopters and an airplane bombed rebel
  positions", "an A-37 plane strafed the area") are the state's military: in a war where
  only the state flies combat aircraft, ACLED codes an air strike whose owner is not named
  to the forces of the country it hit (or of the country named before the aircraft:
  "Honduran planes"). Aircraft of a side named by a rebel or civilian word ("rebel
  helicopters", "a commercial airplane") are not.
- Paratroopers and guardsmen are state military on their own ("a group of paratroopers").
- A battalion named by one capitalised word ("the Atlacatl Battalion") is one of the
  state's battalions when the same report names a regular unit of the army (numbered or
  named by its arm: "the 3d Brigade", "artillery troops"), or the battalion's own men are
  "troops"/"soldiers" elsewhere in it; otherwise it stays an unknown armed group (named
  battalions are militias in many wars).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .actors import ActorDictionary, _Candidate

AIRCRAFT_NOUNS = frozenset(
    "helicopter helicopters plane planes airplane airplanes aircraft gunship gunships "
    "warplane warplanes bomber bombers jet jets".split())
# Verbs whose subject (or passive agent) carries out an air attack.
AIR_ATTACK_LEMMAS = frozenset(
    "bomb strafe machinegun machine-gun fire throw drop attack strike rocket shell hit pound "
    "raid launch shoot".split())
AIR_ATTACK_FORMS = frozenset(
    "bombed bombing bombs strafed strafing machinegunned machinegunning fired firing threw "
    "throwing dropped dropping attacked attacking rocketed struck".split())
# Words that give an aircraft to someone other than the state's military.
NOT_STATE_AIRCRAFT = frozenset(
    "rebel rebels guerrilla guerrillas insurgent subversive civilian civil commercial "
    "passenger cargo private light drug airline airlines medical ambulance".split())
# Arms of a regular army that name its units ("artillery troops", "infantry brigade").
ARMS = frozenset(
    "infantry artillery airborne paratrooper paratroopers cavalry armored armoured mechanized "
    "mechanised counterinsurgency".split())
STATE_PERSONNEL = frozenset("paratroopers paratrooper guardsmen guardsman".split())
_FORCE_WORDS = frozenset({"air", "force", "forces", "army", "navy", "military", "national",
                          "guard", "several", "two", "three", "four", "five", "six", "the"})
_MEN = frozenset({"troops", "soldiers", "paratroopers", "men"})
_WINDOW = 14  # tokens between an aircraft and its attack verb when the parse is lost


def force_candidates(dictionary: ActorDictionary, doc: Doc,
                     focus: str | None) -> Iterator[_Candidate]:
    """Candidates for attacking aircraft, state personnel nouns and unnamed people who
    attacked (see module doc)."""
    yield from _state_candidates(dictionary, doc, focus)
    yield from _attacker_candidates(dictionary, doc, focus)


def _state_candidates(dictionary: ActorDictionary, doc: Doc,
                      focus: str | None) -> Iterator[_Candidate]:
    from .actors import _STATE, _Candidate

    for token in doc:
        word = token.lower_
        if word in AIRCRAFT_NOUNS and _attacking_aircraft(token):
            begin = _phrase_start(token)
        elif word in STATE_PERSONNEL and not _rebel_modifier(token):
            begin = token.i
        else:
            continue
        iso2, begin = _nation_within(dictionary, doc, begin, token.i) or \
            dictionary._nation_prefix(doc, begin) or (focus, begin)
        name = dictionary.state_name("military", iso2)
        yield _Candidate(begin, token.i + 1, name, 1, iso2, _STATE)


def _nation_within(dictionary: ActorDictionary, doc: Doc, begin: int,
                   end: int) -> tuple[str, int] | None:
    """A demonym or country among the aircraft's modifiers ("four Honduran planes")."""
    for i in range(begin, end):
        iso2 = dictionary._nation_of(doc[i : i + 1])
        if iso2:
            return iso2, begin
    return None


def _phrase_start(token: Token) -> int:
    """First word of the aircraft's own modifiers ("two rocket-firing helicopters")."""
    first = max(token.left_edge.i, token.i - 6, token.sent.start)
    begin = token.i
    while begin > first and _in_phrase(token.doc[begin - 1]):
        begin -= 1
    return begin


def _in_phrase(word: Token) -> bool:
    return word.text == "-" or not (word.is_space or word.is_punct)


def _rebel_modifier(token: Token) -> bool:
    """A word before the noun that gives it to another side ("rebel", "commercial"), or a
    name that is neither a country, an air force nor an aircraft model ("Sandinist
    helicopter", "FMLN aircraft"; not "Salvadoran air force planes", "A-37 plane")."""
    doc = token.doc
    before = [t for t in doc[max(0, token.i - 3) : token.i] if not t.is_space]
    if any(t.lower_ in NOT_STATE_AIRCRAFT for t in before):
        return True
    return any(_owner_name(t) for t in before if t.head.i == token.i or t.dep_ == "compound")


def _owner_name(word: Token) -> bool:
    if not word.text[:1].isupper() or len(word.text) < 3 or not word.is_alpha:
        return False  # "A-37", "C-47", "O-2": aircraft models
    if word.lower_ in _FORCE_WORDS or word.is_sent_start:
        return False
    from ..countries import iso2_from_demonym, iso2_from_name

    return not (iso2_from_demonym(word.text) or iso2_from_name(word.text))


def _attacking_aircraft(token: Token) -> bool:
    """An aircraft that carried out the attack: subject or passive agent of an attack verb,
    also joined by "and" to one ("helicopters and an airplane bombed"); when the parse is
    lost, an attack verb shortly after it with no other verb between."""
    if _rebel_modifier(token):
        return False
    head = token
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    verb = head.head
    if head.dep_ in ("nsubj", "csubj") and verb.lemma_.lower() in AIR_ATTACK_LEMMAS:
        return True
    if head.dep_ == "pobj" and verb.dep_ == "agent":
        return verb.head.lemma_.lower() in AIR_ATTACK_LEMMAS
    return _attack_verb_follows(token)


def _attack_verb_follows(token: Token) -> bool:
    """Fallback on a lost parse: an attack verb form within `_WINDOW` tokens of the same
    sentence, with only nouns, numbers, adverbs and auxiliaries between."""
    doc = token.doc
    end = min(token.sent.end, token.i + _WINDOW)
    for t in doc[token.i + 1 : end]:
        if t.lower_ in AIR_ATTACK_FORMS:
            prev = [w for w in doc[token.i : t.i] if not w.is_space][-1]
            return prev.lower_ not in ("was", "were", "been", "being", "be", "is", "are")
        if t.pos_ == "VERB" or t.lower_ in ("that", "which", "who", ";", ":"):
            return False
    return False


def state_battalions(dictionary: ActorDictionary, doc: Doc, chosen: list[_Candidate],
                     focus: str | None) -> list[_Candidate]:
    """Unknown groups named "<Name> Battalion" become state military when the report shows
    the army's order of battle (see module doc)."""
    from .actors import _STATE, _UNKNOWN, _Candidate

    names = [c for c in chosen if c.priority == _UNKNOWN and _one_word_battalion(doc, c)]
    if not names or not _army_units_named(doc, chosen, names):
        return chosen
    name = dictionary.state_name("military", focus)
    swap = {id(c) for c in names}
    return [_Candidate(c.start, c.end, name, 1, focus, _STATE) if id(c) in swap else c
            for c in chosen]


def _one_word_battalion(doc: Doc, cand: _Candidate) -> bool:
    words = [t for t in doc[cand.start : cand.end] if not t.is_space]
    return len(words) == 2 and words[-1].lower_ == "battalion" and words[0].is_alpha


def _army_units_named(doc: Doc, chosen: list[_Candidate], names: list[_Candidate]) -> bool:
    """A regular army unit elsewhere in the report, or the battalion's men called troops."""
    from .actors import _STATE, _regular_unit

    for cand in names:
        after = next((t for t in doc[cand.end : cand.end + 2] if not t.is_space), None)
        if after is not None and after.lower_ in _MEN:
            return True
    units = [c for c in chosen if c.priority == _STATE and c.inter == 1]
    return any(_regular_unit(doc, c.start, c.end) or _arm_named(doc, c) for c in units)


def _arm_named(doc: Doc, cand: _Candidate) -> bool:
    """A state unit named by its arm and a unit noun ("artillery troops", "the 4th infantry
    brigade"), not a bare "army" or "troops"."""
    from .actors import _ORDINAL

    words = [t for t in doc[cand.start : cand.end] if not t.is_space]
    return len(words) > 1 and any(t.lower_ in ARMS or _ORDINAL.match(t.text) for t in words)


# People named only by number or description who did the violence ("several men riding in a
# car threw a bomb", "the shop was torched by rifle-toting youths", "two individuals shot").
PEOPLE_NOUNS = frozenset("men individuals persons people youths subjects strangers".split())
PEOPLE_QUALIFIERS = frozenset(
    "several two three four five six seven eight nine ten some unidentified unknown armed "
    "masked hooded heavily young group band these those".split())
ARMED_QUALIFIERS = frozenset("unidentified unknown armed masked hooded heavily".split())
CROWD_NOUNS = frozenset({"people", "youths"})
VIOLENT_LEMMAS = frozenset(
    "kill murder shoot attack kidnap abduct throw hurl detonate plant fire machinegun stab "
    "bomb burn torch assassinate wound injure dynamite ambush storm raid loot beat hack "
    "behead execute blow set explode".split())


def _attacker_candidates(dictionary: ActorDictionary, doc: Doc,
                         focus: str | None) -> Iterator[_Candidate]:
    """Unidentified Armed Group (Country) for a described group of people that is the subject
    or the "by" agent of a violent verb: ACLED codes unnamed perpetrators so."""
    from .actors import _CATEGORY, _Candidate

    entry = dictionary._category_entry(3)
    if entry is None:
        return
    name = dictionary.category_name(entry, focus)
    for token in doc:
        if token.lower_ in PEOPLE_NOUNS and _qualified(token) and _did_violence(token):
            yield _Candidate(_phrase_start(token), token.i + 1, name, 3, focus, _CATEGORY)


def _qualified(token: Token) -> bool:
    """"several men", "two young individuals", "rifle-toting youths", "a group of men";
    "people" and "youths" only when armed or unknown (a crowd of 200 people is no armed
    group: "200 youths stoned the police" were rioters)."""
    mods = [t for t in token.lefts if t.dep_ in ("nummod", "amod", "compound", "det")]
    armed = [t for t in mods if t.lower_ in ARMED_QUALIFIERS] + \
        [t for t in token.doc[max(0, token.i - 2) : token.i] if t.text == "-" or "-" in t.text]
    if armed or token.lower_ in CROWD_NOUNS:
        return bool(armed)
    if any(t.lower_ in PEOPLE_QUALIFIERS or _few(t) for t in mods):
        return True
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in (
        "group", "band", "gang", "squad")


def _few(word: Token) -> bool:
    """A small number in digits ("3 men"); larger groups are crowds."""
    return word.text.isdigit() and int(word.text) <= 20


def _did_violence(token: Token) -> bool:
    """Subject (also through "a group of" or "who") or passive agent of a violent verb."""
    node = token
    if node.dep_ == "pobj" and node.head.lower_ == "of":
        node = node.head.head  # "a group of men" -> "group"
    verb = node.head
    if node.dep_ in ("nsubj", "csubj"):
        return verb.lemma_.lower() in VIOLENT_LEMMAS
    if node.dep_ == "pobj" and verb.dep_ == "agent":
        return verb.head.lemma_.lower() in VIOLENT_LEMMAS
    relcl = [c for c in node.children if c.dep_ == "relcl"]
    return any(any(s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in r.children)
               and r.lemma_.lower() in VIOLENT_LEMMAS for r in relcl)

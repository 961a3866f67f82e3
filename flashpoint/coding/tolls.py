"""Tolls: how many people were killed, injured, arrested, kidnapped or displaced.

`extract_tolls(sent)` finds the quantities of a sentence (flashpoint.coding.numbers), binds
each to the nearest toll word through the dependency parse (the victim noun's verb, a
"reported dead" complement, "the death toll rose to N"), with a token-window fallback, and
sums coordinated quantities bound to the same word ("one soldier and two civilians were
killed" -> 3). All rules, with `side` and `cumulative`, are documented in docs/tolls.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from ..records import Toll
from .event_tolls import FINDING_VERBS, event_toll
from .numbers import Quantity, find_quantities
from .people import (
    MILITANT_NOUNS,
    PERPETRATOR_NOUNS,
    PERSON_NOUNS,
    bare_person,
    is_person,
    listed_people,
    named_victim,
    one_person,
    side_of,
    subjects,
    untagged_name,
)
from .toll_figures import (
    described_one,
    is_age,
    is_clock_time,
    is_label,
    listed_age,
    names_perpetrators,
    next_to_date,
    words_after,
    words_before,
)
from .victims import (
    along_with,
    before_item,
    lasting_subject,
    near_miss,
    place_named,
    plural_members,
    semicolon_items,
    slot_singles,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..pipeline import Analysis

# Kept importable from here: the person lexicon and the event toll live in their own modules.
__all__ = ["KIND_LEMMAS", "MILITANT_NOUNS", "PERPETRATOR_NOUNS", "PERSON_NOUNS", "TollStage",
           "event_toll", "extract_tolls", "trigger_kind"]

KIND_LEMMAS: dict[str, str] = {
    **dict.fromkeys(
        ("kill", "die", "dead", "death", "fatality", "massacre", "execute", "slay", "murder",
         "behead", "perish", "assassinate", "lynch", "bodies", "body", "killed", "slain"),
        "killed",
    ),
    **dict.fromkeys(("injure", "wound", "hurt", "maim", "injury", "injured", "wounded",
                     "hospitalise", "hospitalize", "hospitalised", "hospitalized"), "injured"),
    **dict.fromkeys(("casualty", "casualties"), "casualties"),
    **dict.fromkeys(("arrest", "detain", "arrested", "detained"), "arrested"),
    **dict.fromkeys(("kidnap", "abduct", "hostage", "kidnapped", "abducted"), "kidnapped"),
    **dict.fromkeys(("displace", "displaced"), "displaced"),
}
CUMULATIVE_SUBJECTS = frozenset(
    "war conflict fighting violence insurgency crisis campaign uprising".split()
)
# Nouns whose relative clause counts a running total ("a civil war in which 70,000 died",
# "the conflict, which has claimed 70,000 lives"): the whole war's dead, never one event's.
# Not "fighting" or "violence": "heavy fighting that killed 20 people broke out on Monday"
# tells one event's toll.
_WAR_NOUNS = frozenset(
    "war conflict insurgency campaign uprising rebellion insurrection revolution "
    "strife occupation".split()
)
_CLAUSE_DEPS = frozenset({"relcl", "acl"})
_CLIMB_DEPS = frozenset({"conj", "xcomp", "ccomp", "acomp", "oprd", "attr", "dobj", "nsubj",
                         "nsubjpass", "pobj", "prep", "amod", "nummod", "compound", "advcl"})
_SKIP_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_SOFT_ENTS = frozenset({"DATE", "TIME"})  # the small model tags "from 30 to 45" as DATE
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_UNIT_AFTER = frozenset(
    "year years -year % percent per km kilometres kilometers miles metres meters am pm a.m. "
    "p.m. hours minutes days weeks months dollars euros pounds times o'clock lakh crore "
    "rupees naira shillings gmt utc hrs".split()
)
_HYPHEN_UNITS = frozenset(
    "second minute hour day week month kg kilogram ton tonne pound storey story inch foot "
    "meter metre mile point".split()
)
_KIN = frozenset("mother father parent grandmother grandfather".split())
_BEFORE_SKIP = frozenset("aged age $ £ € no. number page rs rs. inr usd us$ ksh".split())


def _spaced(pattern: str) -> re.Pattern[str]:
    """A cue pattern whose spaces match any run of whitespace: wire copy breaks its lines
    mid-phrase ("in\\nthe past few days"), and a literal space would miss the cue."""
    return re.compile(pattern.replace(" ", r"\s+"))


# Cues that make every toll of the sentence a running total ...
_CUMULATIVE_RE = _spaced(
    r"\b(so far this year|this year alone|to date|since the (war|conflict|start|beginning|"
    r"outbreak|uprising)|since (it|the war|the conflict|fighting) (began|started|erupted)|"
    r"over the past (year|decade|\w+ (years|months))|since then|^so far\b|"
    r"(this|last) (year|month)'s|(year|month)'s (death )?toll|"
    r"(in|during|over|within) the (past|last) (few|several|\w+) (days|weeks|months|years)|"
    r"in recent (days|weeks|months|years)|already|"
    r"(during|throughout) (the|this) ([\w-]+ ){0,2}(war|conflict|insurgency)|"
    r"victims of ([\w-]+ ){0,2}(violence|war|conflict|terrorism|insurgency)|"
    r"(during|throughout|so far in) (1[89]|20)\d\d|"
    r"(over|in|during|throughout) (its|their|the group's) ([\w-]+ ){0,3}(history|existence))\b"
)
# ... and cues that make only the figures after them one ("killing 40, bringing the total to 90").
_TOTAL_RE = _spaced(
    r"\b((bringing|brought|brings|bring|raising|raised|taking|took) the (total|overall|"
    r"cumulative)|total for the year|total this year|in total since|"
    r"(bringing|brought|brings|bring|raising|raised|raises|taking|took|takes) to \d)"
)
_EVENT_NOUNS = frozenset(
    "massacre murder execution assassination beheading lynching killing arrest detention "
    "kidnapping abduction displacement".split()
)
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "amod", "det", "compound", "nmod", "advmod"})
_WALK_CHILD_DEPS = frozenset(
    {"oprd", "acomp", "xcomp", "ccomp", "attr", "nsubj", "nsubjpass", "dobj"}
)
_NOT_COUNTS_AFTER = (["-", "year"], ["of", "them"], ["of", "whom"], ["of", "which"])


def trigger_kind(tok: Token) -> str | None:
    """The toll kind a token signals ("killed" -> killed), or None."""
    if near_miss(tok):
        return None  # "she was almost killed"
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in _EVENT_NOUNS:
        return None  # "260 massacres", "three executions": counts of events, not people
    if tok.lemma_.lower() in ("lose", "claim") and any(
        c.lower_ in ("lives", "life") for c in tok.children
    ):
        return "killed"  # "lost their lives", "claimed the lives of 12 people"
    if tok.lower_ == "toll":
        return "casualties" if any(c.lower_ == "casualty" for c in tok.children) else "killed"
    if tok.lemma_.lower() in ("hold", "take") and any(
        c.lower_ in ("hostage", "hostages", "captive") for c in tok.children
    ):
        return "kidnapped"
    if tok.lemma_.lower() == "hold" and any(c.dep_ == "auxpass" for c in tok.children):
        return "arrested"
    if tok.lower_ == "custody":
        return "arrested"
    if tok.lemma_.lower() == "gun" and any(c.dep_ == "prt" and c.lower_ == "down"
                                           for c in tok.children):
        return "killed"  # "was gunned down"
    if tok.lemma_.lower() == "leave" and _leaves_harmed(tok):
        return "injured"  # "leaving 11 people with breathing difficulties"
    if tok.lemma_.lower() == "flee" and any(c.lower_ in ("home", "homes") for c in tok.subtree):
        return "displaced"  # "fled their homes", not "fled the scene"
    if tok.pos_ == "VERB":  # "wound their way" is the verb "wind"
        return KIND_LEMMAS.get(tok.lemma_.lower())
    return KIND_LEMMAS.get(tok.lower_) or KIND_LEMMAS.get(tok.lemma_.lower())


# "left N people with <harm>": the harm nouns that make it an injury toll.
_HARM_NOUNS = frozenset(
    "injury wound burn difficulty symptom fracture trauma bruise cut".split()
)


def _leaves_harmed(verb: Token) -> bool:
    for prep in verb.subtree:
        if prep.lower_ == "with" and any(o.lemma_.lower() in _HARM_NOUNS for o in prep.subtree):
            return True
    return False


def _skip_quantity(sent: Span, q: Quantity) -> bool:
    toks = sent[q.start : q.end]
    if any(t.ent_type_ in _SKIP_ENTS or _YEAR.match(t.text) for t in toks):
        return True
    after = words_after(sent, q.end, 3)
    if after and after[0] in _UNIT_AFTER:
        return True
    if after[:1] == ["-"] and len(after) > 1 and after[1] in _UNIT_AFTER | _HYPHEN_UNITS:
        return True  # "a 7-second break", "a 20-km march": a measure, not a count
    if after[:2] in _NOT_COUNTS_AFTER and not (q.start > 0 and trigger_kind(sent[q.start - 1])
                                               or _subject_of_toll(sent[q.start])):
        return True  # "ten hurt, three of them seriously"; but "killing three of them" and
    # "one of them died later" count
    before = words_before(sent, q.start, 2)
    if before in (["age", "of"], ["out", "of"]) or before[-1:] == ["of"] and before[0] in _KIN:
        return True  # "at the age of 30"; "13 out of 19 crew members": the 13 counts;
    # "the mother of three, died": her children, not the dead
    if not q.vague and next_to_date(sent, q):
        return True  # "October 25", "May 1": a date, not a count
    if is_age(sent, q) or listed_age(sent, q) or is_clock_time(sent, q) or \
            is_label(sent, q):
        return True
    if names_perpetrators(sent, q) or described_one(sent, q):
        return True
    word = words_before(sent, q.start, 1)
    if word == ["how"]:
        return True  # "how many were killed?" asks, it does not count
    return bool(word) and word[0] in _BEFORE_SKIP and not q.vague


def _subject_of_toll(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") and trigger_kind(tok.head) is not None


def _anchor(sent: Span, q: Quantity) -> tuple[Token, Token]:
    """(token to walk up from, counted noun) for a quantity."""
    toks = sent[q.start : q.end]
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside or t.head == t), toks[-1])
    if toks[-1].lower_ == "of":
        noun = next((c for c in toks[-1].children if c.dep_ == "pobj"), root)
        return root, noun
    if root.dep_ in _MODIFIER_DEPS and root.head.i > root.i:  # "three people", not "1 dead"
        return root.head, root.head
    return root, root


def _child_trigger(tok: Token, deps: Iterable[str]) -> Token | None:
    for child in tok.children:
        if child.dep_ in deps and trigger_kind(child):
            return child
    return None


def _bind_parse(anchor: Token, noun: Token, sent: Span) -> Token | None:
    """Walk up the parse from the counted noun to the nearest toll word.

    Clause-like children come first ("insurgents killed"), then the heads above, and an
    adjective on the noun last ("four displaced persons killed" -> killed).
    """
    if trigger_kind(noun):
        return noun
    found = _child_trigger(noun, ("acl", "relcl")) or _child_trigger(anchor, ("acl", "relcl"))
    for listed in (c for c in noun.children if c.dep_ in ("appos", "conj") and found is None):
        found = _child_trigger(listed, ("acl",))  # "12 soldiers, 26 insurgents killed"
    if found is not None:
        return found
    cur = anchor
    for _ in range(5):
        if cur.head == cur:
            break
        prev, cur = cur, cur.head
        if cur.lower_ in ("including", "among") or not (sent.start <= cur.i < sent.end):
            return None
        if trigger_kind(cur) or _killing_of(cur, prev):
            return cur
        if cur.pos_ in ("VERB", "AUX"):
            deps = _WALK_CHILD_DEPS
            if prev.dep_ == "nsubj" and cur.lemma_.lower() in _SPEECH_VERBS:
                deps = deps - {"ccomp"}  # "gunmen killed a guard, two witnesses said"
            if cur.lemma_.lower() in _FINDING_VERBS:
                deps = deps | {"advcl"}  # "two students were found murdered"
            others = [c for c in cur.children if c != prev and c.dep_ in deps]
            found = next((c for c in others if trigger_kind(c)), None) or _death_after(cur)
            break
    return found or _child_trigger(noun, ("amod",))


def _death_after(verb: Token) -> Token | None:
    """"two peasants were shot to death": "death" after the verb is the toll word."""
    return next((g for p in verb.children if p.lower_ == "to" for g in p.children
                 if _to_death(g)), None)


_FINDING_VERBS = frozenset("find discover".split())
_SPEECH_VERBS = frozenset("say tell report announce state add claim confirm".split())
_KILLING_NOUNS = frozenset(
    "murder massacre killing assassination execution beheading lynching slaying".split()
)
_NOT_DONE = frozenset("attempt attempted plot plan planned foiled failed alleged".split())


def _killing_of(noun: Token, prep: Token | None) -> bool:
    """"the murder of two missionaries": a killing noun with its victims after "of" (not
    "the attempted murder of", not "260 massacres")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _KILLING_NOUNS:
        return False
    if prep is not None and (prep.lower_ != "of" or prep.head != noun):
        return False
    return not any(c.lemma_.lower() in _NOT_DONE or c.lower_ in _NOT_DONE for c in noun.children)


def _in_subset(sent: Span, q: Quantity, anchor: Token) -> bool:
    """Part of an earlier figure: "including three children", "among them two women"."""
    if any(a.lower_ in ("including", "among") for a in list(anchor.ancestors)[:3]):
        return True
    return any(t.lower_ in ("including", "among") for t in sent[max(q.start - 3, 0) : q.start])


def _bind_window(sent: Span, q: Quantity, starts: set[int]) -> Token | None:
    for j in range(q.end, min(q.end + 6, len(sent))):
        if j in starts or sent[j].lower_ in (";", "including"):
            break
        if trigger_kind(sent[j]):
            return sent[j]
    for j in range(q.start - 1, max(q.start - 5, -1), -1):
        if sent[j].is_punct or j in starts:
            break
        if trigger_kind(sent[j]):
            return sent[j]
    return None


def _cumulative(trigger: Token, sent: Span, start: int) -> bool:
    """Is the toll starting at char `start` a running total rather than this event's?"""
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in CUMULATIVE_SUBJECTS for c in trigger.children):
        return True
    if _in_war_clause(trigger) or lasting_subject(trigger):
        return True
    text = sent.text.lower()
    if any(sent.start_char + m.start() < start for m in _TOTAL_RE.finditer(text)):
        return True
    clause = _clause(sent, start)  # "7,001 dead since 1980; six were killed": two clauses
    if _CUMULATIVE_RE.search(clause.text.lower()):
        return True
    for tok in clause:
        if tok.lower_ == "since":  # "since 1980", "since it was founded in 1985"
            window = sent.doc[tok.i + 1 : min(tok.i + 8, clause.end)]
            if any(t.ent_type_ == "DATE" for t in window):
                return True
    return False


def _in_war_clause(trigger: Token) -> bool:
    """Does the toll verb stand in a relative clause on a war noun ("a civil war in which
    more than 70,000 died", "the conflict, which has claimed 70,000 lives", "a war that
    left thousands dead")? Such a clause tells the war's running total wherever it stands
    in the article, so it is never the event's own toll."""
    tok = trigger
    for _ in range(4):  # "left thousands dead": dead -> left (relcl) -> war
        if tok.dep_ in _CLAUSE_DEPS:
            return tok.head.lemma_.lower() in _WAR_NOUNS
        if tok.dep_ not in _CLIMB_DEPS or tok.head is tok:
            return False
        tok = tok.head
    return False


def _clause(sent: Span, start: int) -> Span:
    """The part of the sentence between semicolons that holds char `start`."""
    first, last = sent.start, sent.end
    for tok in sent:
        if tok.text == ";":
            if tok.idx < start:
                first = tok.i + 1
            elif last == sent.end:
                last = tok.i
    return sent.doc[first:last]


def _bound_quantities(sent: Span) -> dict[int, list[tuple[Quantity, Token]]]:
    words = [t.lower_ for t in sent]
    quantities = [q for q in find_quantities(words) if not _skip_quantity(sent, q)]
    starts = {q.start for q in quantities}
    groups: dict[int, list[tuple[Quantity, Token]]] = {}
    for q in quantities:
        anchor, noun = _anchor(sent, q)
        trig = _adjacent_trigger(sent, q) or _passive_after(sent, q) or \
            _bind_parse(anchor, noun, sent)
        soft = any(t.ent_type_ in _SOFT_ENTS for t in sent[q.start : q.end])
        if trig is None and not (q.vague or soft) and not _in_subset(sent, q, anchor):
            trig = _bind_window(sent, q, starts)
        if trig is None or not _countable(noun, anchor, trig, q) or _is_agent(noun, trig):
            continue
        if q.start > 0 and words[q.start - 1] == "from" and q.high > q.low:
            q = Quantity(q.start, q.end, q.high, q.high, q.high)
        groups.setdefault(trig.i, []).append((q, noun))
    return groups


# Verbs whose subject is the one harmed even with an object ("lost their lives",
# "sustained injuries"): their subject is never the agent.
_SUBJECT_HARMED = frozenset("lose sustain suffer receive claim".split())
_DONE_TO_OBJECT = frozenset({"killed", "injured", "arrested", "kidnapped"})


def _is_agent(noun: Token, trig: Token) -> bool:
    """"Two gunmen killed the mayor", "three men shot dead a guard": the counted people are
    the subject of an active toll verb that has its own object, so they did the killing."""
    verb = trig if trig.pos_ == "VERB" else trig.head
    kind = trigger_kind(trig)
    if _to_death(trig):  # "five men shot to death a watchman": the verb is "shot"
        verb = trig = trig.head.head
    if verb.dep_ == "relcl" and verb.head == noun:  # "three men who killed a guard"
        noun = next((c for c in verb.children if c.dep_ == "nsubj"), noun)
    if noun.dep_ != "nsubj" or noun.head != verb or verb.lemma_.lower() in _SUBJECT_HARMED:
        return False
    if trig is not verb and trig.dep_ not in ("oprd", "acomp", "advmod"):
        return False
    if kind not in _DONE_TO_OBJECT:  # "300 residents fled their homes"
        return False
    children = list(verb.children)
    return any(c.dep_ == "dobj" for c in children) and not any(
        c.dep_ == "auxpass" for c in children)


def _adjacent_trigger(sent: Span, q: Quantity) -> Token | None:
    """"left 10 dead and 30 wounded": a toll word right after the figure is its own."""
    nxt = sent[q.end] if q.end < len(sent) else None
    if nxt is None or nxt.pos_ not in ("ADJ", "VERB"):
        return None
    if nxt.dep_ in ("amod", "compound") and nxt.head.i > nxt.i:
        return None  # "four displaced persons were killed": the adjective names the people
    return nxt if trigger_kind(nxt) else None


_PASSIVE_AUX = frozenset("was were have has had been be being".split())


def _passive_after(sent: Span, q: Quantity) -> Token | None:
    """"... and 300 families were displaced": the figure, its noun, an auxiliary and a toll
    participle read as one clause, whatever the parse attached the noun to."""
    k = q.end
    while k < min(q.end + 3, len(sent)) and sent[k].pos_ in ("NOUN", "PROPN", "ADJ"):
        k += 1
    if k == q.end:
        return None
    first_aux = k
    while k < len(sent) and sent[k].lower_ in _PASSIVE_AUX:
        k += 1
    if k == first_aux or k >= len(sent) or sent[k].tag_ != "VBN":
        return None
    return sent[k] if trigger_kind(sent[k]) else None


def _countable(noun: Token, anchor: Token, trig: Token, q: Quantity) -> bool:
    """Does the quantity count people (or deaths/casualties), not houses or rockets?"""
    if _appos_to_one_name(noun, q):
        return False
    if trigger_kind(noun) or is_person(noun):
        return True
    if noun.i != anchor.i or noun.pos_ in ("NOUN", "PROPN") and not noun.like_num:
        return False
    return not q.vague or anchor.head == trig


def _appos_to_one_name(noun: Token, q: Quantity) -> bool:
    """"After the murder of leader Juan Soto, the 300 teachers resigned": the model hangs a
    plural figure on a single name as its apposition, but several people cannot restate one
    named person, so the figure is the subject of another clause (a list of names, "Soto
    and Ruiz, two teachers", still counts)."""
    if noun.dep_ != "appos" or q.low <= 1 or noun.head.tag_ != "NNP":
        return False
    return not any(c.dep_ == "conj" for c in noun.head.children)


def extract_tolls(sent: Span) -> list[Toll]:
    """All tolls in one sentence (a spaCy Span), in text order."""
    groups = _bound_quantities(sent)
    tolls = [_group_toll(sent, sent.doc[trig_i], all_bound, set(groups))
             for trig_i, all_bound in sorted(groups.items())]
    tolls += _singular_tolls(sent, set(groups))
    return tolls + [b for b in _found_body(sent, set(groups))
                    if not any(t.start < b.end and b.start < t.end for t in tolls)]


_ONE_OWNER = frozenset("his her".split())


def _found_body(sent: Span, bound: set[int]) -> list[Toll]:
    """"His body was found", "police found the body of the mayor": one person dead. A lone
    body has no figure to bind, yet it is a death the article reports (often a captive's)."""
    found: list[Toll] = []
    for tok in sent:
        if tok.lower_ not in ("body", "corpse") or tok.i in bound or tok.head.lemma_.lower() \
                not in FINDING_VERBS or tok.dep_ not in ("nsubjpass", "dobj", "nsubj"):
            continue
        owner = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in _ONE_OWNER]
        of = [g for c in tok.children if c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj" and (one_person(g) or named_victim(g))]
        if (owner or of) and not (_has_of(tok) and not of):
            first = min([tok] + owner, key=lambda t: t.i)
            last = max([tok] + [g.right_edge for g in of], key=lambda t: t.i)
            end = last.idx + len(last)
            found.append(Toll(first.idx, end, sent.doc.text[first.idx : end], "killed", 1, 1,
                              1, cumulative=_cumulative(tok.head, sent, first.idx)))
    return found


def _group_toll(sent: Span, trig: Token, all_bound: list[tuple[Quantity, Token]],
                triggers: set[int]) -> Toll:
    """One toll from the figures bound to one toll word, plus the single people listed
    with them ("his driver and one of his bodyguards" -> 2)."""
    doc = sent.doc
    bound = _combine(all_bound)
    singles = [] if bound != all_bound else _listed_singles(sent, bound)
    singles += [] if bound != all_bound else _slot_singles(sent, trig, bound, singles)
    start = min([trig.idx] + [doc[sent.start + q.start].idx for q, _ in bound]
                + [p.idx for p in singles])
    end = max([trig.idx + len(trig)] + [_end_char(sent, q) for q, _ in bound]
              + [p.idx + len(p) for p in singles])
    side = "perpetrator" if all(side_of(n, sent) == "perpetrator" for _, n in bound) else "victim"
    extra = len(singles)
    return Toll(
        start=start, end=end, text=doc.text[start:end], kind=_group_kind(trig, triggers),
        low=sum(q.low for q, _ in bound) + extra, best=sum(q.best for q, _ in bound) + extra,
        high=sum(q.high for q, _ in bound) + extra, side=side,
        cumulative=_cumulative(trig, sent, _quantity_start(sent, bound)),
    )


def _listed_singles(sent: Span, bound: list[tuple[Quantity, Token]]) -> list[Token]:
    """Single people coordinated with the counted nouns and carrying no figure of their own:
    "his driver and one of his bodyguards", "three civilians and a policeman"."""
    counted = {t.i for q, _ in bound for t in sent[q.start : q.end]}
    counted |= {_anchor(sent, q)[0].i for q, _ in bound}
    seen: set[int] = set()
    singles: list[Token] = []
    todo = [_anchor(sent, q)[0] for q, _ in bound]
    while todo:
        tok = todo.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        linked = list(tok.children) + ([tok.head] if tok.dep_ == "conj" else [])
        for other in (t for t in linked if t.i not in seen and _coordinated(tok, t)):
            todo.append(other)
            if other.i not in counted and _single_listed(other):
                singles.append(other)
    return sorted({p.i: p for p in singles}.values(), key=lambda p: p.i)


def _slot_singles(sent: Span, trig: Token, bound: list[tuple[Quantity, Token]],
                  known: list[Token]) -> list[Token]:
    """One named person in another victim slot of the toll word ("X was killed along with
    two of his guards"); see `victims.slot_singles`."""
    counted = [t for q, noun in bound for t in [noun, *sent[q.start : q.end]]]
    own = trig.head.head if _to_death(trig) else \
        trig.head if trig.dep_ in ("oprd", "acomp", "advmod") else trig
    slots = [s for s in _victim_slots(trig) if s.head == own]  # not a conjoined verb's
    return slot_singles(slots, counted, known)


def _coordinated(tok: Token, other: Token) -> bool:
    return (other.dep_ == "conj" and other.head == tok) or (tok.dep_ == "conj" and
                                                            tok.head == other)


def _single_listed(noun: Token) -> bool:
    if any(c.dep_ == "nummod" or (c.like_num and c.dep_ != "conj") for c in noun.children):
        return False
    return one_person(noun) or (noun.dep_ == "conj" and bare_person(noun))


def _combine(bound: list[tuple[Quantity, Token]]) -> list[tuple[Quantity, Token]]:
    """Quantities on one toll word: coordinated nouns add up ("one soldier and two
    civilians"); otherwise they are successive figures ("from 59 on Wednesday to 69"):
    keep the highest, the latest count."""
    if len(bound) > 1 and _is_breakdown(bound):
        return bound[:1]
    nouns = [noun for _, noun in bound]
    slot = (nouns[0].head.i, nouns[0].dep_)
    if len({n.i for n in nouns}) == len(nouns) and all(
            n.dep_ in ("conj", "appos") or (n.head.i, n.dep_) == slot for n in nouns[1:]):
        return bound  # "Two servicemen, 20 rebels die": a list parsed as two subjects;
    # "one lieutenant, four soldiers, and three civilians": half apposition, half subject
    return [max(bound, key=lambda qn: qn[0].best)]


_GENERIC_PEOPLE = frozenset("people person persons civilian civilians other others victim "
                            "victims".split())


def _is_breakdown(bound: list[tuple[Quantity, Token]]) -> bool:
    """"Three other civilians, two women and a man, died": a list set off by commas after a
    generic figure restates it, so it is not added to it."""
    (first, head), rest = bound[0], bound[1:]
    if head.lemma_.lower() not in _GENERIC_PEOPLE and head.lower_ not in _GENERIC_PEOPLE:
        return False
    listed = rest[0][1]
    if listed.dep_ not in ("appos", "conj") or listed.head != head or head.i >= listed.i:
        return False
    doc, after = head.doc, listed.right_edge.i + 1
    closed = after < len(doc) and doc[after].text == "," and doc[listed.left_edge.i - 1].text == ","
    return closed and sum(q.best for q, _ in rest) <= first.best


def _group_kind(trig: Token, bound: set[int]) -> str:
    """The trigger's kind; "killed and wounded" sharing one figure is `casualties`."""
    kind = trigger_kind(trig) or "killed"
    pair = {"killed", "injured"}
    for conj in (c for c in trig.children if c.dep_ == "conj" and c.i not in bound
                 and not subjects(c)):
        if kind in pair and trigger_kind(conj) in pair - {kind}:
            return "casualties"
    return kind


def _quantity_start(sent: Span, bound: list[tuple[Quantity, Token]]) -> int:
    return sent[min(q.start for q, _ in bound)].idx


def _end_char(sent: Span, q: Quantity) -> int:
    last = sent[q.end - 1]
    return last.idx + len(last)


def _singular_tolls(sent: Span, bound: set[int]) -> list[Toll]:
    """"A soldier was killed", "police arrested a suspect", "he died": one person."""
    doc = sent.doc
    found: list[Toll] = []
    for tok in sent:
        kind = trigger_kind(tok) or ("killed" if _killing_of(tok, None) else None)
        if kind is None or kind == "casualties" or tok.i in bound:
            continue
        slots = _victim_slots(tok)
        people = [n for n in slots if (one_person(n) or untagged_name(n) or _named_possessor(
            tok, n) or kind == "killed" and _named_dead(n)) and not place_named(n)]
        listed = _victims_listed(tok, people) if people else plural_members(slots)
        if not listed:
            continue
        person = people[0] if people else listed[0]
        listed = semicolon_items(person, listed) + along_with(tok, listed)
        start = min(person.left_edge.i, tok.i)
        start = max(start, person.i - 2) if start < tok.i else start
        first, last = doc[start], doc[max([tok.i] + [p.i for p in listed])]
        end = last.idx + len(last)
        n = len(listed)
        found.append(
            Toll(first.idx, end, doc.text[first.idx : end], kind, n, n, n,
                 side=side_of(person, sent), cumulative=_cumulative(tok, sent, first.idx))
        )
    return found


def _named_possessor(tok: Token, noun: Token) -> bool:
    """"Carlos Pizarro Leongomez' assassination": a multi-word name owning an assassination
    is its victim even when the model tags the name as an organisation (not a place or
    nationality: "Colombia's massacre")."""
    if tok.lemma_.lower() != "assassination" or noun.dep_ != "poss" or noun.pos_ != "PROPN":
        return False
    return noun.ent_type_ not in ("GPE", "NORP", "LOC") and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)


def _named_dead(noun: Token) -> bool:
    """"Alvarado was killed", "Galan was murdered", "Pizarro's murder": one named person
    (a possessor only when it is no place or group: "Colombia's massacre")."""
    if noun.dep_ in ("poss", "pobj"):  # of a killing noun
        killing = noun.head if noun.dep_ == "poss" else noun.head.head
        if killing.lemma_.lower() == "massacre" or noun.ent_type_ not in ("", "PERSON", "ORG"):
            return False  # "the massacre of Segovia", "Colombia's massacre": no one person
        if noun.ent_type_ == "ORG" and (noun.dep_ == "pobj" or _has_of(killing)):
            return False  # "the ELN's murder of a judge": the killers
    return named_victim(noun)


def _has_of(noun: Token) -> bool:
    return any(p.lower_ == "of" for p in noun.children)


def _victims_listed(tok: Token, people: list[Token]) -> list[Token]:
    """Everyone the toll word names: the first victim and those listed with them; after a
    killing noun every "of" counts ("the murder of X and of Y" -> 2), and so does a second
    subject or object the parser split off a list ("a colonel, a judge and Senator Ruiz
    were murdered": two subjects of one verb)."""
    listed = listed_people(people[0])
    first = people[0]
    for other in people[1:]:
        if tok.pos_ == "NOUN" or (other.dep_ == first.dep_ and other.head == first.head
                                  and _list_item(other)):
            listed += [p for p in listed_people(other) if p not in listed]
    return listed


def _list_item(tok: Token) -> bool:
    """A second subject continues a list only after a comma, semicolon or "and"/"or"
    ("[Sentence as published] Alvarado was killed" names one victim)."""
    before = before_item(tok)
    return before is not None and before.lower_ in (",", ";", "and", "or")


def _to_death(tok: Token) -> bool:
    """"death" in "shot/stabbed/beaten to death": the verb above names the victim."""
    return tok.lower_ == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to" and \
        tok.head.head.lemma_.lower() not in ("sentence", "condemn", "put")


def _victim_slots(tok: Token) -> list[Token]:
    """Where the affected person sits for this toll word ("shot and killed" shares the
    subject of "shot"; "the body of a man" points at the man)."""
    if tok.pos_ == "VERB":
        slots = _verb_slots(tok)
    elif _to_death(tok):  # "Vargas was shot to death", "gunmen beat a man to death"
        return _victim_slots(tok.head.head) if tok.head.head.pos_ == "VERB" else []
    elif tok.pos_ == "ADJ" and tok.dep_ in ("oprd", "acomp"):  # "a man was found dead"
        objects = [c for c in tok.head.children if c.dep_ == "dobj"]
        slots = objects or subjects(tok.head)  # "gunmen shot dead a watchman"
    elif tok.pos_ == "ADJ" and tok.dep_ == "advmod" and tok.i == tok.head.i + 1:
        slots = [c for c in tok.head.children if c.dep_ == "dobj"]  # "shot dead a man"
    elif _killing_of(tok, None) or tok.pos_ == "NOUN" and tok.lemma_.lower() == "death":
        slots = _of_victims(tok)  # "the assassination of Hector Oqueli", "Perez's death"
    else:
        return []
    slots = [_antecedent(c) for c in slots]
    bodies = [g for c in slots if c.lemma_.lower() == "body"
              for p in c.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return slots + bodies


def _verb_slots(tok: Token) -> list[Token]:
    """The victim of a toll verb: its passive subject or object, the subject of "die", the
    one found ("a student was found murdered", "police found him killed")."""
    if _found_done(tok):
        found = [c for c in tok.children if c.dep_ == "nsubj"] or [
            c for c in tok.head.children if c.dep_ == "dobj"]
        return found or subjects(tok.head)
    verb = tok.head if tok.dep_ == "conj" and not subjects(tok) else tok
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    deps = {"nsubjpass"} if passive else {"dobj"}
    if tok.lemma_.lower() in ("die", "perish"):  # "Vargas was shot and died"
        deps = {"nsubj"} if verb is tok else {"nsubj", "nsubjpass"}
    return [c for c in verb.children if c.dep_ in deps]


def _found_done(tok: Token) -> bool:
    """"was found murdered", "police found him killed": a bare participle under a finding
    verb tells what was done to the one found."""
    if tok.tag_ != "VBN" or tok.head.lemma_.lower() not in _FINDING_VERBS or tok.head == tok:
        return False
    return tok.dep_ in ("advcl", "xcomp", "oprd", "acomp", "ccomp") and not any(
        c.dep_ in ("nsubjpass", "auxpass", "aux") for c in tok.children)


def _of_victims(noun: Token) -> list[Token]:
    """The victims of a killing noun: after "of", also a second "and of" ("the murder of X
    and of Y"), and a possessive ("Pizarro's assassination", "the leader's death")."""
    preps = [p for p in noun.children if p.lower_ == "of"]
    preps += [c for p in preps for c in p.children if c.dep_ == "conj" and c.lower_ == "of"]
    slots = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return slots + [c for c in noun.children if c.dep_ == "poss"]


def _antecedent(tok: Token) -> Token:
    """"the mayor, who was murdered": a relative pronoun stands for the noun it follows."""
    if tok.lower_ in ("who", "whom", "that") and tok.head.dep_ == "relcl":
        noun = tok.head.head  # "Judge Maria Diaz, third judge of ..., who was murdered"
        return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun
    return tok


class TollStage:
    """Fills `analysis.tolls` with the tolls of every sentence of the doc."""

    name: ClassVar[str] = "tolls.rules.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc",)
    assigns: ClassVar[tuple[str, ...]] = ("tolls",)

    def __call__(self, analysis: Analysis) -> None:
        if analysis.doc is None:
            return
        tolls: list[Toll] = []
        for sent in analysis.doc.sents:
            tolls.extend(extract_tolls(sent))
        analysis.tolls = tolls

"""MUC-3/4 terrorism corpus: messages with answer-key templates (1988-90 Latin American wire).

Layout: a directory with `key-*` files (answer keys) and message files beside them (every
message starts with a line like "DEV-MUC3-0001 (NOSC)" and a dateline
"SAN SALVADOR, 3 JAN 90 -- ..."). The dateline date is used as publication date.

Key format: templates separated by blank lines; each slot is "N.  SLOT NAME  value" with
continuation lines indented; ";" lines are comments. "*" in MESSAGE: TEMPLATE marks an
irrelevant message; "(OPTIONAL)" templates count when matched and are not missed otherwise;
"?" marks an uncertain fill; "/" separates alternative fills; quoted strings are text
fills. Slots are read by name, not number.

Incident types are mapped to ACLED event or sub-event types (`TYPE_MAP`):
- ATTACK -> any political-violence event type (Battles, Explosions/Remote violence,
  Violence against civilians, Riots);
- BOMBING -> Explosions/Remote violence;
- KIDNAPPING -> Abduction/forced disappearance;
- ARSON -> Looting/property destruction, Violent demonstration, Mob violence, Attack;
- ROBBERY -> Looting/property destruction, Attack;
- FORCED WORK STOPPAGE -> Change to group/activity, Other, Looting/property destruction,
  Violent demonstration (an armed strike imposed by a group).

Alignment, per message: a (new event, template) pair may align when the type is compatible
or the town matches; pairs are taken greedily by score (type 2, town 1, country 1, date
0.5). `event_*` scores count every aligned pair; `strict_*` scores come from a second
alignment allowing only pairs whose type is compatible and whose country matches (when the
template names one), so a geocoding or typing error there counts as a false positive plus
a miss. Templates whose stage is only
ATTEMPTED/THREATENED are optional for detection and scored by `stage_accuracy`: the share
of them not strictly aligned to a political-violence event.
Relevance (`muc_exclusion`): MUC-4 keys hold templates only for terrorist incidents of the
six types above, in nine Latin American countries, reported as recent; ACLED codes more.
Before scoring, a new event is set aside, with its reason counted under `excluded_*`, when
- its type maps to no MUC incident type (`not_muc_type`): arrests, agreements, peaceful
  protests, changes to a group, disrupted weapons use and other strategic developments
  have no MUC template;
- its country is known and is none of Argentina, Bolivia, Chile, Colombia, Ecuador, El
  Salvador, Guatemala, Honduras, Peru (`outside_muc_countries`; the keys drop incidents that
  "involve only PANAMA");
- it is combat between armed forces and guerrillas (`military_combat`): an ACLED Battles
  event (by ACLED's definition a clash of two organised armed groups) unless one side is a
  police force, the government (its offices and officials) or civilians (inter 7), or any
  other violent event between state forces (inter 1) and rebels (inter 2): an ambush of an
  army convoy with mines, an air raid on rebel positions. (Widening this to every violent
  event with an armed target, known attacker or not, raised irrelevant-message accuracy by
  0.05 but cost 57 matched templates, mostly where our target was wrong.) MUC treats
  guerrilla war (army against rebels) as outside terrorism, while attacks on police,
  officials and civilians stay (the keys type such victims LAW ENFORCEMENT, GOVERNMENT
  OFFICIAL, CIVILIAN; ACTIVE MILITARY victims are rare and mostly former officers or
  bystanders of attacks on civilians).
Age is not re-checked here: the coder's own window (`EventCoder(past_days=30)`) already
makes older incidents past references. The coder is not bent to MUC's notion: these
rules live only here. `python -m flashpoint.eval.muc4 PATH --errors FILE` writes one JSON
line per message (gold templates, kept and set-aside events, misses) for error analysis.

Roles: `perp_accuracy` / `target_accuracy` count a template's perpetrator / physical target
as found when a gold filler ("TERRORISTS", "URBAN GUERRILLAS") loosely matches (the same
`loose_match` rule: case-insensitive substring either way) either our actor1 / actor2 name
or the article words we took that actor from (the event's evidence items with field
"actor1" / "actor2", at most `ROLE_SPAN_WORDS` words). A normalised name such as
"Unidentified Armed Group (El Salvador)" measures naming, not role assignment; the old
name-only figures stay as `perp_name_accuracy` / `target_name_accuracy`.

Certainty: a template whose perpetrator confidence is "SUSPECTED OR ACCUSED", "CLAIMED OR
ADMITTED" or "POSSIBLE" expects a claimed/alleged/denied event; "REPORTED AS FACT" or
"ACKNOWLEDGED" expects reported/confirmed.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from ..coding import taxonomy as tx
from ..records import Event
from .events import (
    EvalDataError,
    EventExtractor,
    SetScore,
    extract_new,
    loose_match,
    prf,
    role_match,
    role_words,
    ratio,
    take,
)

VIOLENT = frozenset({tx.BATTLES, tx.EXPLOSIONS, tx.VAC, tx.RIOTS})
TYPE_MAP: dict[str, frozenset[str]] = {
    "ATTACK": VIOLENT,
    "BOMBING": frozenset({tx.EXPLOSIONS}),
    "KIDNAPPING": frozenset({tx.ABDUCTION}),
    "ARSON": frozenset({tx.LOOTING, tx.VIOLENT_DEMO, tx.MOB_VIOLENCE, tx.ATTACK}),
    "ROBBERY": frozenset({tx.LOOTING, tx.ATTACK}),
    "FORCED WORK STOPPAGE": frozenset({tx.CHANGE_GROUP, tx.OTHER, tx.LOOTING,
                                       tx.VIOLENT_DEMO}),
}
MUC_TYPES: frozenset[str] = frozenset().union(*TYPE_MAP.values())
MUC_COUNTRIES = frozenset({"Argentina", "Bolivia", "Chile", "Colombia", "Ecuador",
                           "El Salvador", "Guatemala", "Honduras", "Peru"})
ARMED_INTER = frozenset({1, 2, 3, 8})
UNCERTAIN_CONFIDENCE = ("SUSPECTED", "CLAIMED", "POSSIBLE")
UNCERTAIN_CERTAINTY = frozenset({"claimed", "alleged", "denied"})
MESSAGE_ID = re.compile(r"^([A-Z][A-Z0-9]*-MUC\d-\d{4})\b")
SLOT = re.compile(r"^\d+\.\s+(\S+(?: \S+)*?)(?:\s{2,}(.*?))?\s*$")
MUC_DATE = re.compile(r"\b(\d{1,2}) ([A-Z]{3}) (\d{2})\b")
DATELINE = re.compile(r"^\s*[^,\n]+,\s*(\d{1,2}) ([A-Z]{3})[A-Z]*(?: (\d{2}))?\b")
QUOTED = re.compile(r'"([^"]*)"')


@dataclass(frozen=True, slots=True)
class Template:
    """One answer-key template, reduced to what the scorer compares."""

    message_id: str
    optional: bool
    incident_types: tuple[str, ...]
    stages: tuple[str, ...]
    dates: tuple[date, ...]
    country: str | None
    places: tuple[str, ...]
    perpetrators: tuple[str, ...]
    perp_confidence: tuple[str, ...]
    targets: tuple[str, ...]
    deaths: int | None

    @property
    def attempted_only(self) -> bool:
        return bool(self.stages) and "ACCOMPLISHED" not in self.stages


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    text: str
    published: date | None
    templates: tuple[Template, ...] = ()

    @property
    def relevant(self) -> bool:
        return bool(self.templates)


# --- reading keys -----------------------------------------------------------------------


def _key_blocks(text: str) -> Iterator[dict[str, list[str]]]:
    """Slot name -> value lines, one dict per template."""
    slots: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        if line.startswith(";"):
            continue
        found = SLOT.match(line)
        if found:
            if found.group(1) == "MESSAGE: ID" and slots:
                yield slots
                slots = {}
            current = found.group(1)
            slots[current] = [found.group(2) or ""]
        elif line.strip() and current:
            slots[current].append(line.strip())
    if slots:
        yield slots


def _fills(lines: Sequence[str]) -> list[str]:
    """The non-empty value lines, with "?" marks removed; "*" and "-" mean no fill."""
    out = []
    for line in lines:
        value = line.strip().lstrip("?").strip()
        if value and value not in ("*", "-"):
            out.append(value)
    return out


def _words(lines: Sequence[str]) -> tuple[str, ...]:
    """Set-fill alternatives ("ACCOMPLISHED / ATTEMPTED") as a tuple."""
    out: list[str] = []
    for value in _fills(lines):
        out.extend(part.strip().lstrip("?").strip() for part in value.split("/"))
    return tuple(v for v in out if v)


def _quoted(lines: Sequence[str]) -> tuple[str, ...]:
    return tuple(q for line in _fills(lines) for q in QUOTED.findall(line)
                 if any(ch.isalnum() for ch in q))


def parse_muc_date(text: str) -> date | None:
    day, month, year = text.split()
    try:
        return datetime.strptime(f"{day} {month.title()} {year}", "%d %b %y").date()
    except ValueError:
        return None


def _dates(lines: Sequence[str]) -> tuple[date, ...]:
    found = (parse_muc_date(" ".join(m)) for line in _fills(lines) for m in MUC_DATE.findall(line))
    return tuple(d for d in found if d is not None)


def _location(lines: Sequence[str]) -> tuple[str | None, tuple[str, ...]]:
    """Country and the places below it ("EL SALVADOR: SAN MIGUEL (DEPARTMENT): ...")."""
    country: str | None = None
    places: list[str] = []
    for value in _fills(lines):
        parts = [re.sub(r"\([^)]*\)", "", p).strip() for p in value.split(":")]
        country = country or (parts[0].split("/")[0].strip() or None)
        for part in parts[1:]:
            places.extend(alt.strip().lstrip("?").strip() for alt in re.split(r"/| - ", part))
    return country, tuple(p for p in places if p)


def _deaths(numbers: Sequence[str], effects: Sequence[str]) -> int | None:
    """Sum of the numbers of human targets whose effect is DEATH; None when not stated."""
    counts = []
    for effect in _fills(effects):
        if not effect.startswith("DEATH"):
            continue
        names = set(QUOTED.findall(effect))
        match = [n for n in _fills(numbers) if names & set(QUOTED.findall(n))]
        value = match[0].split(":")[0].strip() if match else ""
        if not value.isdigit():
            return None
        counts.append(int(value))
    return sum(counts) if counts else None


def message_id_of(slots: dict[str, list[str]]) -> str:
    words = " ".join(slots.get("MESSAGE: ID", [])).split()
    if not words:
        raise EvalDataError("a MUC key template has no MESSAGE: ID value")
    return words[0]


def parse_template(slots: dict[str, list[str]]) -> Template | None:
    """The template in one key block, or None for an irrelevant-message block ("*")."""
    message_id = message_id_of(slots)
    number = " ".join(slots.get("MESSAGE: TEMPLATE", ["*"])).strip()
    if number.startswith("*"):
        return None
    country, places = _location(slots.get("INCIDENT: LOCATION", []))
    perps = _quoted(slots.get("PERP: INDIVIDUAL ID", [])) + _quoted(
        slots.get("PERP: ORGANIZATION ID", []))
    targets = (_quoted(slots.get("HUM TGT: NAME", [])) + _quoted(
        slots.get("HUM TGT: DESCRIPTION", [])) + _quoted(slots.get("PHYS TGT: ID", [])))
    confidence = tuple(c.strip() for v in _fills(slots.get("PERP: ORGANIZATION CONFIDENCE", []))
                       for c in v.split(":")[0].split("/") if c.strip())
    return Template(
        message_id=message_id, optional="OPTIONAL" in number,
        incident_types=_words(slots.get("INCIDENT: TYPE", [])),
        stages=_words(slots.get("INCIDENT: STAGE OF EXECUTION", [])),
        dates=_dates(slots.get("INCIDENT: DATE", [])), country=country, places=places,
        perpetrators=perps, perp_confidence=confidence, targets=targets,
        deaths=_deaths(slots.get("HUM TGT: NUMBER", []),
                       slots.get("HUM TGT: EFFECT OF INCIDENT", [])))


def read_keys(path: Path) -> dict[str, list[Template]]:
    """Message id -> templates (an irrelevant message maps to [])."""
    keys: dict[str, list[Template]] = {}
    for slots in _key_blocks(path.read_text(encoding="utf-8", errors="replace")):
        template = parse_template(slots)
        found = keys.setdefault(message_id_of(slots), [])
        if template is not None:
            found.append(template)
    return keys


# --- reading messages -------------------------------------------------------------------


def read_messages(path: Path) -> dict[str, tuple[str, date | None]]:
    """Message id -> (body text, dateline date) for every message in one file.

    A dateline without a year ("7 FEB (REUTER)") takes the year of the last dated message
    before it in the same file.
    """
    out: dict[str, tuple[str, date | None]] = {}
    current: str = ""
    lines: list[str] = []
    for line in [*path.read_text(encoding="utf-8", errors="replace").splitlines(), "-END-"]:
        found = MESSAGE_ID.match(line)
        if (found or line == "-END-") and current:
            last = [d for _, d in out.values() if d is not None]
            out[current] = _message(lines, last[-1].year if last else None)
        if found:
            current, lines = found.group(1), []
        elif current:
            lines.append(line)
    return out


def _message(lines: list[str], last_year: int | None) -> tuple[str, date | None]:
    text = "\n".join(lines).strip()
    found = DATELINE.match(text)
    if not found:
        return text, None
    day, month, year = found.groups()
    if year is None and last_year is None:
        return text, None
    return text, parse_muc_date(f"{day} {month} {year or str(last_year)[-2:]}")


def read_corpus(directory: Path) -> list[Message]:
    """Every keyed message under `directory`, sorted by id."""
    keys: dict[str, list[Template]] = {}
    texts: dict[str, tuple[str, date | None]] = {}
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        if path.name.startswith("key-"):
            keys.update(read_keys(path))
        elif not path.name.startswith(("README", "text-headers", ".")):
            texts.update(read_messages(path))
    if not keys:
        raise EvalDataError(f"{directory}: no MUC key-* files found")
    missing = sorted(set(keys) - set(texts))
    if missing:
        raise EvalDataError(f"{directory}: {len(missing)} keyed messages have no text "
                            f"(first: {missing[0]}); put the message files beside the keys")
    return [Message(i, texts[i][0], texts[i][1], tuple(keys[i])) for i in sorted(keys)]


# --- comparing --------------------------------------------------------------------------


def muc_exclusion(event: Event) -> str | None:
    """Why MUC-4 would not count this event as a terrorist incident, or None (see the
    module docstring)."""
    if event.event_type not in MUC_TYPES and event.sub_event_type not in MUC_TYPES:
        return "not_muc_type"
    if event.country is not None and event.country not in MUC_COUNTRIES:
        return "outside_muc_countries"
    if event.event_type in VIOLENT and _military_combat(event):
        return "military_combat"
    return None


def _military_combat(event: Event) -> bool:
    """Guerrilla war: a Battles event whose known sides are all armed forces other than the
    police, or another violent event between state forces and rebels (an ambush of an army
    convoy, an air raid on rebel positions)."""
    sides = [side for side in (event.inter1, event.inter2) if side is not None]
    if any(side not in ARMED_INTER for side in sides):
        return False
    names = f"{event.actor1 or ''} {event.actor2 or ''}".lower()
    if "police" in names or "government" in names:
        return False  # attacks on the police and on the government's offices and officials
    return event.event_type == tx.BATTLES or {event.inter1, event.inter2} == {1, 2}


def muc_incidents(events: Sequence[Event], tally: Tally | None = None) -> list[Event]:
    """The events MUC-4 would count; each one set aside is counted by its reason."""
    kept = []
    for event in events:
        reason = muc_exclusion(event)
        if reason is None:
            kept.append(event)
        elif tally is not None:
            tally.bump(f"excluded_{reason}")
    return kept


def type_ok(event: Event, template: Template) -> bool:
    allowed = set().union(*(TYPE_MAP.get(t, frozenset()) for t in template.incident_types))
    return event.event_type in allowed or event.sub_event_type in allowed


def country_ok(event: Event, template: Template) -> bool:
    return bool(template.country) and loose_match(event.country, [template.country or ""])


def town_ok(event: Event, template: Template) -> bool:
    return any(loose_match(v, template.places) for v in (event.location, event.admin2,
                                                         event.admin1))


def date_ok(event: Event, template: Template) -> bool:
    if not template.dates:
        return False
    day = date.fromisoformat(event.event_date)
    if len(template.dates) == 2 and template.dates[0] < template.dates[1]:
        return template.dates[0] <= day <= template.dates[1]
    return day in template.dates


def certainty_ok(event: Event, template: Template) -> bool:
    """Our certainty agrees with one of the perpetrator confidence alternatives."""
    ours_uncertain = event.certainty in UNCERTAIN_CERTAINTY
    return any(c.startswith(UNCERTAIN_CONFIDENCE) == ours_uncertain
               for c in template.perp_confidence)


def strict_ok(event: Event, template: Template) -> bool:
    return type_ok(event, template) and (not template.country or country_ok(event, template))


def pair_score(event: Event, template: Template) -> float:
    """Alignment score; 0 when the pair may not align."""
    typed, town = type_ok(event, template), town_ok(event, template)
    if not (typed or town):
        return 0.0
    return 2 * typed + town + country_ok(event, template) + 0.5 * date_ok(event, template)


def align(events: Sequence[Event], templates: Sequence[Template],
          strict: bool = False) -> list[tuple[int, int]]:
    """Greedy one-to-one (event index, template index) pairs, best score first; `strict`
    allows only pairs with a compatible type and the template's country."""
    scored = sorted(((pair_score(e, t) if not strict or strict_ok(e, t) else 0.0, i, j)
                     for i, e in enumerate(events) for j, t in enumerate(templates)),
                    key=lambda x: (-x[0], x[1], x[2]))
    used_e: set[int] = set()
    used_t: set[int] = set()
    pairs = []
    for value, i, j in scored:
        if value > 0 and i not in used_e and j not in used_t:
            pairs.append((i, j))
            used_e.add(i)
            used_t.add(j)
    return sorted(pairs)


@dataclass
class Tally:
    """Counts behind the MUC metrics, and a few examples of each slot error."""

    c: dict[str, int] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def bump(self, key: str, hit: bool | int = 1, total: str | None = None) -> None:
        self.c[key] = self.c.get(key, 0) + int(hit)
        if total:
            self.c[total] = self.c.get(total, 0) + 1

    def slot(self, name: str, hit: bool, example: str, keep: int = 6) -> None:
        self.bump(f"{name}_hit", hit, f"{name}_n")
        if not hit and len(self.misses.setdefault(name, [])) < keep:
            self.misses[name].append(example)

    def get(self, key: str) -> int:
        return self.c.get(key, 0)


def _detection(events: Sequence[Event], templates: Sequence[Template],
               pairs: list[tuple[int, int]], tally: Tally, prefix: str = "") -> None:
    """True positives, false positives and misses for one message's alignment."""
    matched = {j for _, j in pairs}
    for j, t in enumerate(templates):
        required = not (t.optional or t.attempted_only)
        tally.bump(prefix + ("tp" if j in matched else "fn"), j in matched or required)
    tally.bump(prefix + "fp", len(events) - len(pairs))


def _roles(event: Event, t: Template, tally: Tally, said: Callable[[object, object], str]
           ) -> None:
    """perp/target: role figures (name or evidence words); *_name: the name alone."""
    for slot, role, gold in (("perp", "actor1", t.perpetrators),
                             ("target", "actor2", t.targets)):
        if not gold:
            continue
        name = event.actor1 if role == "actor1" else event.actor2
        ours = [name, *role_words(event, role)]
        tally.slot(slot, role_match(event, role, gold), said(ours, list(gold[:3])))
        tally.slot(f"{slot}_name", loose_match(name, gold), said(name, list(gold[:3])))


def _slots(event: Event, t: Template, tally: Tally) -> None:
    def said(ours: object, gold: object) -> str:
        return f"{t.message_id}: ours {ours!r} vs gold {gold!r}"

    tally.slot("type", type_ok(event, t), said(event.sub_event_type, t.incident_types))
    _roles(event, t, tally, said)
    if t.country:
        tally.slot("country", country_ok(event, t), said(event.country, t.country))
    if t.places:
        tally.slot("town", town_ok(event, t), said(event.location, t.places[:3]))
    if t.dates:
        tally.slot("date", date_ok(event, t), said(event.event_date, [str(d) for d in t.dates]))
    if t.deaths is not None:
        tally.slot("deaths", event.fatalities == t.deaths, said(event.fatalities, t.deaths))
    if t.perp_confidence:
        tally.slot("certainty", certainty_ok(event, t), said(event.certainty, t.perp_confidence))


def score_message(message: Message, events: Sequence[Event], tally: Tally) -> None:
    """Add one message's comparison to the tally."""
    if message.relevant:
        tally.bump("relevant_hit", bool(events), "relevant_n")
    else:
        tally.bump("irrelevant_hit", not events, "irrelevant_n")
    pairs = align(events, message.templates)
    _detection(events, message.templates, pairs, tally)
    _detection(events, message.templates, align(events, message.templates, True), tally,
               "strict_")
    aligned = dict((j, i) for i, j in pairs)
    for j, t in enumerate(message.templates):
        if j in aligned:
            _slots(events[aligned[j]], t, tally)
        if t.attempted_only:
            event = events[aligned[j]] if j in aligned else None
            violent = event is not None and strict_ok(event, t) and event.event_type in VIOLENT
            tally.slot("stage", not violent, f"{t.message_id}: {'/'.join(t.stages)} "
                       f"coded as {event.sub_event_type if event and violent else '-'}")


def metrics(tally: Tally) -> dict[str, float | None]:
    g = tally.get
    p, r, f1 = prf(g("tp"), g("fp"), g("fn"))
    out: dict[str, float | None] = {
        "relevant_accuracy": ratio(g("relevant_hit"), g("relevant_n")),
        "irrelevant_accuracy": ratio(g("irrelevant_hit"), g("irrelevant_n")),
        "message_accuracy": ratio(g("relevant_hit") + g("irrelevant_hit"),
                                  g("relevant_n") + g("irrelevant_n")),
        "event_precision": p, "event_recall": r, "event_f1": f1,
    }
    sp, sr, sf = prf(g("strict_tp"), g("strict_fp"), g("strict_fn"))
    out.update({"strict_precision": sp, "strict_recall": sr, "strict_f1": sf})
    for slot in ("type", "perp", "perp_name", "target", "target_name", "country", "town",
                 "date", "deaths", "certainty", "stage"):
        out[f"{slot}_accuracy"] = ratio(g(f"{slot}_hit"), g(f"{slot}_n"))
    return out


def _example(message: Message, events: Sequence[Event]) -> dict[str, Any]:
    return {"id": message.id,
            "gold": [f"{'/'.join(t.incident_types)} @ {t.country}: {'/'.join(t.places[:2])}"
                     for t in message.templates],
            "predicted": [f"{e.sub_event_type} @ {e.country}: {e.location}" for e in events]}


def score(path: Path, extractor: EventExtractor, limit: int | None = None) -> SetScore:
    messages = list(take(read_corpus(path), limit))
    tally, examples = Tally(), list[dict[str, Any]]()
    for message in messages:
        found = extract_new(extractor, message.text, published=message.published,
                            origin=message.id)
        events = muc_incidents(found, tally)
        before = (tally.get("fp"), tally.get("fn"))
        score_message(message, events, tally)
        if (tally.get("fp"), tally.get("fn")) != before and len(examples) < 15:
            examples.append(_example(message, events))
    counts = {k: v for k, v in sorted(tally.c.items()) if k.endswith("_n")
              or k.startswith("excluded_")}
    counts.update({k: tally.get(k) for k in ("tp", "fp", "fn", "strict_tp", "strict_fp",
                                             "strict_fn")})
    name = "muc4" if path.name.startswith("muc4") else f"muc4/{path.name}"
    return SetScore(name=name, path=str(path), documents=len(messages),
                    metrics=metrics(tally), counts=counts,
                    details={"errors": examples, "slot_misses": tally.misses})


# --- per-message error output -----------------------------------------------------------


def message_report(message: Message, found: Sequence[Event]) -> dict[str, Any]:
    """One message's gold, kept and set-aside events and its misses, for error analysis."""
    events = muc_incidents(found)
    tally = Tally()
    score_message(message, events, tally)
    return {
        "id": message.id, "relevant": message.relevant,
        "gold": [{"types": t.incident_types, "stages": t.stages, "country": t.country,
                  "places": t.places[:3], "dates": [str(d) for d in t.dates],
                  "deaths": t.deaths, "optional": t.optional} for t in message.templates],
        "kept": [_event_summary(e) for e in events],
        "set_aside": [dict(_event_summary(e), reason=muc_exclusion(e)) for e in found
                      if muc_exclusion(e) is not None],
        "fp": tally.get("fp"), "fn": tally.get("fn"), "misses": tally.misses,
    }


def _event_summary(event: Event) -> dict[str, Any]:
    return {"type": event.sub_event_type, "actor1": event.actor1, "inter1": event.inter1,
            "actor2": event.actor2, "inter2": event.inter2, "country": event.country,
            "location": event.location, "date": event.event_date,
            "fatalities": event.fatalities, "injuries": event.injuries,
            "evidence": [str(e.get("text", "")) for e in event.evidence][:2]}


def write_errors(path: Path, extractor: EventExtractor, out: TextIO,
                 limit: int | None = None) -> int:
    """One JSON line per message with an error (a false event, a miss or a slot miss);
    returns how many were written."""
    written = 0
    for message in take(read_corpus(path), limit):
        found = extract_new(extractor, message.text, published=message.published,
                            origin=message.id)
        report = message_report(message, found)
        if report["fp"] or report["fn"] or report["misses"]:
            out.write(json.dumps(report, default=str) + "\n")
            written += 1
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m flashpoint.eval.muc4 PATH --errors FILE [--limit N]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--errors", type=Path, required=True, help="JSON lines file to write")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    from ..api import default_extractor
    from ..config import Settings

    with args.errors.open("w", encoding="utf-8") as out:
        written = write_errors(args.path, default_extractor(Settings()), out, args.limit)
    print(f"{written} messages with errors written to {args.errors}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

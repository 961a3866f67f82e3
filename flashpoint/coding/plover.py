"""Mapping from ACLED sub-event types to the PLOVER ontology {event, mode, context}.

Vocabulary: the PLOVER manual, Draft 0.8 (Open Event Data Alliance, 17 September 2021),
whose CAMEO->PLOVER table is the newest published. That draft folds the older `FIGHT`
category (GSR 0.5, 2016) into `ASSAULT`, with modes `firearms` (small arms),
`heavy-weapons` (artillery, tanks, aerial weapons), `explosives`, `suicide-attack`,
`unconventional` (CBRN) ...; occupation of territory is `COERCE/seize`, a ceasefire or
withdrawal is `RETREAT`. Where PLOVER has no counterpart (Change to group/activity, Other)
the mapping is None rather than a forced guess.

| ACLED sub-event type | PLOVER event / mode / context | why |
|---|---|---|
| Armed clash | ASSAULT / firearms / military | CAMEO 193 fight with small arms |
| Government regains territory | COERCE / seize / military | CAMEO 192 occupy territory |
| Non-state actor overtakes territory | COERCE / seize / military | CAMEO 192 |
| Chemical weapon | ASSAULT / unconventional / cbrn | CAMEO 2041 |
| Air/drone strike | ASSAULT / heavy-weapons / military | CAMEO 195 employ aerial weapons |
| Suicide bomb | ASSAULT / suicide-attack | CAMEO 1831 |
| Shelling/artillery/missile attack | ASSAULT / heavy-weapons / military | CAMEO 194 |
| Remote explosive/landmine/IED | ASSAULT / explosives | CAMEO 1833 roadside bombing |
| Grenade | ASSAULT / explosives | hand-thrown explosive |
| Sexual violence | ASSAULT / sexual | CAMEO 1821 |
| Attack | ASSAULT / (none) | CAMEO 180 unconventional violence |
| Abduction/forced disappearance | ASSAULT / abduct | CAMEO 181 |
| Peaceful protest | PROTEST / demo | CAMEO 141 |
| Protest with intervention | PROTEST / demo | the protest is the event |
| Excessive force against protesters | ASSAULT / (none) / pro_autocracy | CAMEO 175 violent repression |
| Violent demonstration | PROTEST / riot | CAMEO 145 |
| Mob violence | ASSAULT / beat | CAMEO 182 physical assault |
| Agreement | AGREE | CAMEO 03 |
| Arrests | COERCE / arrest / legal | CAMEO 173 |
| Disrupted weapons use | COERCE / seize / military | weapons seized or neutralised |
| Headquarters or base established | MOBILIZE / troops / military | CAMEO 154 |
| Looting/property destruction | COERCE / seize / human_security | CAMEO 171 seize or damage property |
| Non-violent transfer of territory | RETREAT / withdraw / military | CAMEO 0872/0874 |
| Change to group/activity, Other | None | no PLOVER counterpart |
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from . import taxonomy as tx

PLOVER_VERSION: Final = "PLOVER Draft 0.8 (2021)"

PLOVER_EVENTS: Final[tuple[str, ...]] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# Modes used by the 2021 CAMEO->PLOVER table, per event ("" = no mode).
PLOVER_MODES: Final = MappingProxyType(
    {
        "ASSAULT": frozenset({
            "", "abduct", "beat", "sexual", "torture", "suicide-attack", "explosives",
            "assassinate", "firearms", "heavy-weapons", "massacre", "cleansing",
            "unconventional", "seize",
        }),
        "COERCE": frozenset({
            "", "seize", "restrict", "ban", "curfew", "martial-law", "arrest", "deport",
        }),
        "PROTEST": frozenset({"", "demo", "hunger", "boycott", "obstruct", "riot"}),
        "RETREAT": frozenset({"", "release", "return", "ease", "access", "disarm",
                              "ceasefire", "withdraw"}),
        "MOBILIZE": frozenset({"", "police", "troops"}),
        "AGREE": frozenset({""}),
    }
)

_MAP: Final = MappingProxyType(
    {
        tx.ARMED_CLASH: ("ASSAULT", "firearms", "military"),
        tx.GOV_REGAINS: ("COERCE", "seize", "military"),
        tx.NSA_OVERTAKES: ("COERCE", "seize", "military"),
        tx.CHEMICAL: ("ASSAULT", "unconventional", "cbrn"),
        tx.AIR_STRIKE: ("ASSAULT", "heavy-weapons", "military"),
        tx.SUICIDE_BOMB: ("ASSAULT", "suicide-attack", ""),
        tx.SHELLING: ("ASSAULT", "heavy-weapons", "military"),
        tx.IED: ("ASSAULT", "explosives", ""),
        tx.GRENADE: ("ASSAULT", "explosives", ""),
        tx.SEXUAL_VIOLENCE: ("ASSAULT", "sexual", ""),
        tx.ATTACK: ("ASSAULT", "", ""),
        tx.ABDUCTION: ("ASSAULT", "abduct", ""),
        tx.PEACEFUL_PROTEST: ("PROTEST", "demo", ""),
        tx.PROTEST_INTERVENTION: ("PROTEST", "demo", ""),
        tx.EXCESSIVE_FORCE: ("ASSAULT", "", "pro_autocracy"),
        tx.VIOLENT_DEMO: ("PROTEST", "riot", ""),
        tx.MOB_VIOLENCE: ("ASSAULT", "beat", ""),
        tx.AGREEMENT: ("AGREE", "", ""),
        tx.ARRESTS: ("COERCE", "arrest", "legal"),
        tx.DISRUPTED_WEAPONS: ("COERCE", "seize", "military"),
        tx.HQ_ESTABLISHED: ("MOBILIZE", "troops", "military"),
        tx.LOOTING: ("COERCE", "seize", "human_security"),
        tx.TERRITORY_TRANSFER: ("RETREAT", "withdraw", "military"),
    }
)

UNMAPPED: Final = frozenset({tx.CHANGE_GROUP, tx.OTHER})


def to_plover(sub_event_type: str) -> dict[str, str] | None:
    """{event, mode[, context]} for an ACLED sub-event type, or None where PLOVER has none.

    Raises KeyError for a name that is not an ACLED sub-event type.
    """
    tx.event_type_of(sub_event_type)  # validates the name
    entry = _MAP.get(sub_event_type)
    if entry is None:
        return None
    event, mode, context = entry
    out = {"event": event, "mode": mode}
    if context:
        out["context"] = context
    return out

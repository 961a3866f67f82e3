"""The ACLED taxonomy as data and the PLOVER mapping."""

from __future__ import annotations

import pytest

from flashpoint.coding import plover
from flashpoint.coding import taxonomy as tx

EXPECTED = {
    "Battles": ["Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack",
                                   "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}


def test_exact_acled_spellings_and_counts() -> None:
    assert {k: list(v) for k, v in tx.TAXONOMY.items()} == EXPECTED
    assert len(tx.EVENT_TYPES) == 6
    assert len(tx.SUB_EVENT_TYPES) == 25
    assert len(set(tx.SUB_EVENT_TYPES)) == 25


@pytest.mark.parametrize("event_type,subs", list(EXPECTED.items()))
def test_every_sub_type_maps_to_its_event_type(event_type: str, subs: list[str]) -> None:
    for sub in subs:
        assert tx.event_type_of(sub) == event_type
        assert tx.is_sub_event_type(sub)
    assert list(tx.sub_event_types_of(event_type)) == subs


def test_unknown_names_raise_with_the_known_ones() -> None:
    with pytest.raises(KeyError, match="Air/drone strike"):
        tx.event_type_of("Airstrike")
    with pytest.raises(KeyError, match="Battles"):
        tx.sub_event_types_of("Battle")
    assert not tx.is_sub_event_type("air/drone strike")


@pytest.mark.parametrize("sub", tx.SUB_EVENT_TYPES)
def test_plover_entries_use_the_plover_vocabulary(sub: str) -> None:
    mapped = plover.to_plover(sub)
    if sub in plover.UNMAPPED:
        assert mapped is None
        return
    assert mapped is not None
    assert mapped["event"] in plover.PLOVER_EVENTS
    assert mapped["mode"] in plover.PLOVER_MODES[mapped["event"]]
    assert set(mapped) <= {"event", "mode", "context"}


@pytest.mark.parametrize("sub,event,mode", [
    ("Armed clash", "ASSAULT", "firearms"),
    ("Air/drone strike", "ASSAULT", "heavy-weapons"),
    ("Shelling/artillery/missile attack", "ASSAULT", "heavy-weapons"),
    ("Suicide bomb", "ASSAULT", "suicide-attack"),
    ("Abduction/forced disappearance", "ASSAULT", "abduct"),
    ("Sexual violence", "ASSAULT", "sexual"),
    ("Peaceful protest", "PROTEST", "demo"),
    ("Violent demonstration", "PROTEST", "riot"),
    ("Arrests", "COERCE", "arrest"),
    ("Agreement", "AGREE", ""),
    ("Non-state actor overtakes territory", "COERCE", "seize"),
    ("Non-violent transfer of territory", "RETREAT", "withdraw"),
])
def test_plover_key_entries(sub: str, event: str, mode: str) -> None:
    mapped = plover.to_plover(sub)
    assert mapped is not None
    assert (mapped["event"], mapped["mode"]) == (event, mode)


def test_plover_rejects_unknown_sub_types() -> None:
    with pytest.raises(KeyError):
        plover.to_plover("Drone attack")


def test_plover_mapping_covers_every_sub_type_but_unmapped() -> None:
    mapped = {s for s in tx.SUB_EVENT_TYPES if plover.to_plover(s) is not None}
    assert mapped == set(tx.SUB_EVENT_TYPES) - plover.UNMAPPED
    assert plover.UNMAPPED == {"Change to group/activity", "Other"}

"""The speaker's side in first-person communiques (flashpoint.coding.speaker), through the
actor dictionary's matcher. Sentences and places are invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from flashpoint.coding.actors import ActorDictionary
from flashpoint.records import ActorMention

pytestmark = pytest.mark.model

REBEL_RADIO = "TARSA, 4 MAR 91 (RADIO VENCEREMOS) -- "
ARMY_VOICE = ("TARSA, 4 MAR 91 (EFE) -- The armed forces press committee reported today "
              "that ")


def found(nlp: Language, actors: ActorDictionary, text: str) -> dict[str, ActorMention]:
    return {m.text: m for m in actors.match(nlp(text), focus="SV")}


def test_our_troops_on_a_rebel_station_are_the_rebels(nlp: Language,
                                                     actors: ActorDictionary) -> None:
    mentions = found(nlp, actors, REBEL_RADIO + "Our units ambushed an army convoy near "
                     "Lomas Altas on Sunday. The enemy fled toward the river.")
    own, enemy = mentions["Our units"], mentions["enemy"]
    assert own.inter == 2 and "FMLN" in own.name
    assert enemy.inter == 1 and enemy.name == actors.state_name("military", "SV")


def test_we_who_act_is_the_speaker(nlp: Language, actors: ActorDictionary) -> None:
    mentions = found(nlp, actors, REBEL_RADIO + "At dawn we attacked the garrison at Lomas "
                     "Altas with mortars.")
    assert mentions["we"].inter == 2


def test_we_who_only_report_is_no_actor(nlp: Language, actors: ActorDictionary) -> None:
    mentions = found(nlp, actors, REBEL_RADIO + "We have learned that the bridge at Lomas "
                     "Altas is closed.")
    assert "We" not in mentions


def test_our_units_in_an_army_communique_are_the_army(nlp: Language,
                                                      actors: ActorDictionary) -> None:
    mentions = found(nlp, actors, ARMY_VOICE + "our units repelled an attack by the enemy "
                     "near Lomas Altas.")
    assert mentions["our units"].name == actors.state_name("military", "SV")
    assert mentions["enemy"].inter == 2


def test_a_communique_of_a_named_rebel_group(nlp: Language, actors: ActorDictionary) -> None:
    text = ("TARSA, 4 MAR 91 -- [Communique] The FMLN General Command reports: our "
            "combatants destroyed two enemy trucks near Lomas Altas.")
    mentions = found(nlp, actors, text)
    assert mentions["our combatants"].inter == 2


@pytest.mark.parametrize("text", [
    "TARSA, 4 MAR 91 (EFE) -- Our troops attacked an army post in Lomas Altas, a farmer said.",
    "TARSA, 4 MAR 91 (EFE) -- The FMLN issued a communique, and the armed forces press "
    "committee said that our troops attacked the post.",
])
def test_no_armed_speaker_or_both_leaves_our_alone(nlp: Language, actors: ActorDictionary,
                                                   text: str) -> None:
    mentions = found(nlp, actors, text)
    assert not any(m.text.lower().startswith("our") for m in mentions.values())


def test_a_group_named_in_an_army_statement_is_not_the_speaker(
        nlp: Language, actors: ActorDictionary) -> None:
    text = ("TARSA, 4 MAR 91 (EFE) -- The army command said on Sunday that the FMLN attacked "
            "a post near Lomas Altas. \"Our troops drove them back,\" a colonel said.")
    mentions = found(nlp, actors, text)
    own = next((m for t, m in mentions.items() if t.startswith("Our")), None)
    assert own is None or own.inter != 2


def test_a_clandestine_group_in_the_lead_is_no_station(nlp: Language,
                                                       actors: ActorDictionary) -> None:
    text = ("TARSA, 4 MAR 91 (EFE) -- A clandestine group claimed the bombing of a bank. "
            "Our troops searched Lomas Altas, the defence minister said.")
    own = next((m for t, m in found(nlp, actors, text).items() if t.startswith("Our")), None)
    assert own is None or own.inter != 2


def test_a_communique_header_on_its_own_line(nlp: Language, actors: ActorDictionary) -> None:
    text = ("TARSA, 4 MAR 91 (RADIO NORTE) -- [Communique]\n[FMLN] [Text] The front informs "
            "the people: our forces downed a helicopter near Lomas Altas.")
    mentions = found(nlp, actors, text)
    assert mentions["our forces"].inter == 2

"""State forces named by aircraft, personnel and battalions, and unnamed attackers
(flashpoint.coding.forces), through the actor dictionary's matcher. Sentences are invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from flashpoint.coding.actors import ActorDictionary
from flashpoint.records import ActorMention

pytestmark = pytest.mark.model


def found(nlp: Language, actors: ActorDictionary, text: str,
          focus: str | None = "NI") -> dict[str, ActorMention]:
    return {m.text: m for m in actors.match(nlp(text), focus=focus)}


def _covering(mentions: dict[str, ActorMention], word: str) -> ActorMention | None:
    return next((m for text, m in mentions.items() if word in text), None)


# ---- aircraft ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Two helicopters and a small airplane bombed hills east of Tolvara on Monday.",
    "An old C-12 plane strafed the market district of Tolvara at dawn.",
    "Three gunships fired rockets at the outskirts of Tolvara on Friday.",
])
def test_attacking_aircraft_are_state_forces(nlp: Language, actors: ActorDictionary,
                                             text: str) -> None:
    word = next(w for w in ("airplane", "plane", "gunships") if w in text)
    actor = _covering(found(nlp, actors, text), word)
    assert actor is not None and actor.inter == 1
    assert actor.name == actors.state_name("military", "NI")


def test_aircraft_take_the_demonym_before_them(nlp: Language, actors: ActorDictionary) -> None:
    mentions = found(nlp, actors, "Four Honduran planes bombed a ridge near the border.")
    actor = _covering(mentions, "planes")
    assert actor is not None and actor.country_code == "HN"


@pytest.mark.parametrize("text", [
    "A commercial airplane landed at Tolvara airport on Monday.",
    "Rebel helicopters attacked a depot near Tolvara on Monday.",
    "Two helicopters were attacked near Tolvara on Monday.",
    "A Zentari helicopter attacked a fishing boat off the coast on Monday.",
])
def test_other_aircraft_are_not_state_forces(nlp: Language, actors: ActorDictionary,
                                             text: str) -> None:
    mentions = found(nlp, actors, text)
    word = next(w for w in ("airplane", "helicopters", "helicopter") if w in text)
    actor = _covering(mentions, word)
    assert actor is None or actor.inter != 1


# ---- personnel and battalions ---------------------------------------------------------------
def test_paratroopers_alone_are_state_forces(nlp: Language, actors: ActorDictionary) -> None:
    actor = _covering(found(nlp, actors, "A group of paratroopers was ambushed on Sunday."),
                      "paratroopers")
    assert actor is not None and actor.inter == 1


def test_named_battalion_beside_regular_units_is_the_army(nlp: Language,
                                                          actors: ActorDictionary) -> None:
    text = ("The 4th Infantry Brigade said on Monday that the Moravo Battalion was attacked "
            "near the river.")
    actor = _covering(found(nlp, actors, text), "Moravo")
    assert actor is not None and actor.inter == 1 and actor.known


def test_named_battalion_alone_stays_an_armed_group(nlp: Language,
                                                    actors: ActorDictionary) -> None:
    actor = _covering(found(nlp, actors, "The Moravo Battalion attacked a village on Monday."),
                      "Moravo")
    assert actor is not None and actor.inter != 1


# ---- unnamed attackers ---------------------------------------------------------------------
@pytest.mark.parametrize("text, word", [
    ("Several men riding a motorcycle threw a grenade at the shop on Monday.", "men"),
    ("The kiosk was torched by rifle-toting youths on Monday night.", "youths"),
    ("Unidentified persons who shot the guard fled in a car.", "persons"),
])
def test_people_who_did_violence_are_an_armed_group(nlp: Language, actors: ActorDictionary,
                                                    text: str, word: str) -> None:
    actor = _covering(found(nlp, actors, text), word)
    assert actor is not None and actor.inter == 3
    assert actor.name.startswith("Unidentified Armed Group")


@pytest.mark.parametrize("text", [
    "Several men were wounded when the bomb went off.",
    "Three men attended the meeting on Monday.",
])
def test_people_who_did_no_violence_are_not_attackers(nlp: Language, actors: ActorDictionary,
                                                      text: str) -> None:
    actor = _covering(found(nlp, actors, text), "men")
    assert actor is None or actor.inter != 3


def test_a_crowd_is_not_an_armed_group(nlp: Language, actors: ActorDictionary) -> None:
    actor = _covering(found(nlp, actors, "Some 200 youths attacked the police post on Monday."),
                      "youths")
    assert actor is None or actor.inter != 3

"""Violence told in general, as a figure or as an accident (`flashpoint.coding.generic`),
on sentences we wrote: no factual trigger comes out of them, while the same words telling
one incident (a time, a number, a place, a named victim) still code."""

from __future__ import annotations

import pytest

from flashpoint.coding.generic import generic_talk
from flashpoint.coding.triggers import detect

pytestmark = pytest.mark.model


def factual_types(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [t.sub_event_type for s in doc.sents for t in detect(s) if t.factual]


@pytest.mark.parametrize(
    "text",
    [
        # lists of kinds of violence
        "The senators ignore the increase in rights violations, the arrests, the bombings "
        "and the harassment of reporters.",
        "The sect may be behind the wave of explosions, abductions and political murders "
        "that has shaken the republic.",
        "Rebels show their strength through kidnappings and extortion.",
        "Many fled the country because of the army's bombings and other atrocities.",
        "These figures on the industry of kidnapping are only estimates.",
        "The brigade conducts operations to reduce the number of attacks on the city.",
        # an act done to a class of people
        "The murder and kidnapping of teachers, farmers and nurses worry the church.",
        # present or perfect clauses whose victims are a class
        "In many cases bandits kidnap people to pay for their weapons.",
        "Reporters have been murdered and grenades have been exploded in markets.",
        "They have murdered judges, a governor and a bishop.",
        "Nevertheless, they are beaten and murdered in ways that shame the nation.",
        "After the pact was signed, thousands of Ruritanians were murdered.",
        # acts named as such
        "They had no real objective other than to destroy, to assassinate, and to generate "
        "terror in our country.",
        # figures of speech
        "This explosion of joy coincides with the end of the dictatorship.",
        "Exiles were scattered across the world by the fascist explosion.",
        "The minister spoke of clashes between the cabinet and General Morel.",
        "The minister said foreigners are plundering the country's natural resources.",
        "He said the commission the president had created was a direct attack on the army.",
        # accidents
        "A cargo plane crashed into a suburb, destroying several homes and killing 11 "
        "people.",
        "Firemen said gas from the spilled fuel caused explosions in the sewers.",
        # rhetoric: charges in progress, war tolls, concessions, purposes, questions
        "The senator said the junta is attacking the people while it talks of peace.",
        "Their leaders claim the regime is killing our children.",
        "The air force is bombing poor neighbourhoods, the rebel radio charged.",
        "The villagers, who are being attacked by the savagery of the militias, need help.",
        "The dictator and his generals massacred 40,000 Ruritanians.",
        "They murdered thousands of farmers and robbed the nation.",
        "The massacre of 40,000 Ruritanians is a stain on the army.",
        "Townspeople back the rebels despite the air force bombing residential areas.",
        "He is doing all he can to stall the vote and to murder those who gave up their "
        "guns.",
        "The embassy gave the junta aid to continue murdering Ruritanians.",
        "Many brave Ruritanians have been murdered for refusing to pay.",
        "The army chose to escalate the war with air bombings against the civilian "
        "population.",
        "Was it because the nuns were foreigners that they were murdered?",
    ],
)
def test_violence_in_general_is_not_an_event(nlp, text: str) -> None:
    assert factual_types(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("A bomb exploded today in the market of Tarvo.", "Remote explosive/landmine/IED"),
        ("Three reporters have been murdered in Tarvo this year.", "Attack"),
        ("Rebels kidnapped two nurses and a doctor in Tarvo on Monday.",
         "Abduction/forced disappearance"),
        ("The kidnapping and murder of the mayor shocked the town.",
         "Abduction/forced disappearance"),
        ("The killing of two priests in Tarvo was condemned by the bishop.", "Attack"),
        ("Militants have attacked government forces on the outskirts of Tarvo.",
         "Armed clash"),
        ("The airliner exploded in mid-air because a bomb had been planted on board.",
         "Air/drone strike"),
        ("Clashes between police and students left five people injured.", "Armed clash"),
        ("Mr Ruiz is the second reporter to be murdered this week.", "Attack"),
        ("Police fired tear gas to disperse the crowd.", "Protest with intervention"),
        ("The bombing and other attacks in Tarvo on Monday killed nine.",
         "Remote explosive/landmine/IED"),
        ("Looters plundered shops and homes in the old town.",
         "Looting/property destruction"),
        ("Rioters burned a bus and two shops in Tarvo on Monday.",
         "Looting/property destruction"),
        ("Protesters burned an effigy of the minister in Tarvo.", "Peaceful protest"),
        ("Residents rioted in Tarvo after a bus crash killed a child.",
         "Violent demonstration"),
        ("Helicopters are now bombing the northern neighbourhoods of Kandahar.",
         "Air/drone strike"),
        ("Troops are shelling Kandahar.", "Shelling/artillery/missile attack"),
        ("Rebels massacred 1,500 villagers in Kandahar on Monday.", "Attack"),
        ("Despite the bombing of Kandahar on Monday, the talks went on.",
         "Remote explosive/landmine/IED"),
        ("Rebels began to attack civilians near Kandahar.", "Attack"),
        ("Did troops shell Kandahar on Monday?", "Shelling/artillery/missile attack"),
    ],
)
def test_one_incident_still_codes(nlp, text: str, sub_event_type: str) -> None:
    assert sub_event_type in factual_types(nlp, text)


def test_generic_talk_reads_the_word_in_its_sentence(nlp) -> None:
    doc = nlp("Guerrillas kidnap people to finance the war.")
    assert generic_talk(next(t for t in doc if t.text == "kidnap"))
    doc = nlp("Guerrillas kidnapped two farmers near Tarvo yesterday.")
    assert not generic_talk(next(t for t in doc if t.text == "kidnapped"))


def test_a_kind_denounced_is_talk(nlp) -> None:
    doc = nlp("The mayor denounced kidnappings.")
    assert generic_talk(next(t for t in doc if t.text == "kidnappings"))
    doc = nlp("The mayor denounced the kidnapping of two nurses in Tarvo.")
    assert not generic_talk(next(t for t in doc if t.text == "kidnapping"))


def test_a_symbol_burned_is_no_violence(nlp) -> None:
    doc = nlp("Protesters burned an effigy of the minister in Tarvo.")
    assert generic_talk(next(t for t in doc if t.text == "burned"))


def test_a_charge_gives_way_to_a_live_report(nlp) -> None:
    doc = nlp("The regime is bombing the people.")
    assert generic_talk(next(t for t in doc if t.text == "bombing"))
    doc = nlp("At this moment the regime is bombing the people.")
    assert not generic_talk(next(t for t in doc if t.text == "bombing"))


def test_a_huge_toll_with_a_place_is_an_incident(nlp) -> None:
    doc = nlp("Soldiers killed 2,000 villagers.")
    assert generic_talk(next(t for t in doc if t.text == "killed"))
    doc = nlp("Soldiers killed 2,000 villagers in Kandahar.")
    assert not generic_talk(next(t for t in doc if t.text == "killed"))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He is doing all he can to stall the vote and to murder those who gave up their "
         "guns.", "murder"),
        ("The embassy gave the junta aid to continue murdering Ruritanians.", "murdering"),
        ("The army chose to escalate the war with air bombings against the civilian "
         "population.", "bombings"),
        ("The villagers, who are being attacked by the militias, fled.", "attacked"),
    ],
)
def test_purposes_and_charges_are_talk(nlp, text: str, word: str) -> None:
    doc = nlp(text)
    assert generic_talk(next(t for t in doc if t.text == word))


def test_one_person_aimed_at_is_no_class(nlp) -> None:
    doc = nlp("The cartel sent gunmen to the capital to assassinate the party leader.")
    assert not generic_talk(next(t for t in doc if t.text == "assassinate"))

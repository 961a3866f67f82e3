"""Actor dictionary and ActorStage (flashpoint.coding.actors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from flashpoint.coding.actors import (
    ActorDictionary,
    ActorDictionaryError,
    ActorStage,
    actor_inter_for_event,
)
from flashpoint.countries import all_countries
from flashpoint.pipeline import Analysis, Pipeline
from flashpoint.records import ActorMention, Article

REFERENCE = Path(__file__).resolve().parents[2] / "shared/examples/us-strike-al-mayadeen.txt"


def find(
    nlp: Language, actors: ActorDictionary, text: str, focus: str | None = None
) -> list[ActorMention]:
    return actors.match(nlp(text), focus=focus)


def by_text(mentions: list[ActorMention]) -> dict[str, ActorMention]:
    return {m.text: m for m in mentions}


# ---- dictionary data ---------------------------------------------------------------------
def test_dictionary_file_is_valid_and_large_enough(actors: ActorDictionary) -> None:
    groups = actors.data["groups"]
    assert len(groups) >= 60
    for item in groups:
        assert item["aliases"], item["name"]
        assert item.get("state") in (None, "military", "police", "government")
        assert item.get("state") or item["inter"] in range(1, 9)
    for item in actors.data["categories"]:
        assert "{country}" in item["template"]


def test_aliases_are_not_shared_between_groups(actors: ActorDictionary) -> None:
    owner: dict[str, str] = {}
    for item in actors.data["groups"]:
        state = item.get("state")
        name = actors.state_name(state, item["country"]) if state else item["name"]
        for alias in item["aliases"]:
            key = alias.lower().removeprefix("the ")
            assert owner.setdefault(key, name) == name, alias


def test_state_forces_generated_for_every_country(actors: ActorDictionary) -> None:
    names = actors.state_actors("military")
    assert len(names) == len(all_countries())
    assert names["SY"] == "Military Forces of Syria"
    assert names["US"] == "Military Forces of the United States"
    assert actors.state_actors("police")["IQ"] == "Police Forces of Iraq"
    assert actors.state_name("government", "SY") == "Government of Syria"


def test_state_entries_carry_their_generated_names(actors: ActorDictionary) -> None:
    for item in actors.data["groups"]:
        if item.get("state"):
            assert item["name"] == actors.state_name(item["state"], item["country"])


def test_missing_or_broken_dictionary_raises(tmp_path: Path) -> None:
    with pytest.raises(ActorDictionaryError, match="not found"):
        _ = ActorDictionary(tmp_path / "nope.json").data
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ActorDictionaryError, match="not valid JSON"):
        _ = ActorDictionary(bad).data
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps({"groups": []}), encoding="utf-8")
    with pytest.raises(ActorDictionaryError, match="lacks"):
        _ = ActorDictionary(partial).data


# ---- named groups --------------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "alias", "name", "inter"),
    [
        ("ISIS fighters attacked the town.", "ISIS fighters", "Islamic State", 2),
        ("Daesh claimed the bombing.", "Daesh", "Islamic State", 2),
        ("A car bomb claimed by ISIL exploded.", "ISIL", "Islamic State", 2),
        ("The Houthis fired a missile.", "Houthis", "Houthi Movement", 2),
        ("Ansar Allah said it hit a ship.", "Ansar Allah", "Houthi Movement", 2),
        ("al-Shabaab stormed the hotel.", "al-Shabaab", "Al Shabaab", 2),
        ("Members of the Wagner Group arrived.", "Wagner Group", "Wagner Group", 8),
        ("Clashes between SAF and RSF continued.", "RSF", "RSF: Rapid Support Forces", 2),
        ("Kataib Hezbollah denied any role.", "Kataib Hezbollah", "Kataib Hezbollah", 3),
    ],
)
def test_group_aliases(
    nlp: Language, actors: ActorDictionary, text: str, alias: str, name: str, inter: int
) -> None:
    found = by_text(find(nlp, actors, text))
    assert found[alias].name == name
    assert found[alias].inter == inter
    assert found[alias].known


@pytest.mark.model
def test_acronyms_match_case_sensitively(nlp: Language, actors: ActorDictionary) -> None:
    assert find(nlp, actors, "It is what it is, let it be.") == []
    found = by_text(find(nlp, actors, "LeT and IS militants attacked."))
    assert found["LeT"].name == "Lashkar-e-Taiba"


@pytest.mark.model
def test_state_aliases_take_generated_names(nlp: Language, actors: ActorDictionary) -> None:
    found = by_text(find(nlp, actors, "The IDF said the Tatmadaw and SAF were not involved."))
    assert found["IDF"].name == "Military Forces of Israel"
    assert found["Tatmadaw"].name == "Military Forces of Myanmar"
    assert found["SAF"].name == "Military Forces of Sudan"
    assert {m.inter for m in found.values()} == {1}


@pytest.mark.model
def test_iranian_backed_militias(nlp: Language, actors: ActorDictionary) -> None:
    text = "Strikes hit Iranian-backed militias, pro-Iranian militias and Iran-aligned groups."
    found = find(nlp, actors, text, focus="SY")
    assert [m.text for m in found] == [
        "Iranian-backed militias", "pro-Iranian militias", "Iran-aligned groups"]
    assert {(m.name, m.inter, m.country_code) for m in found} == {("Iran-backed Militias", 3, "IR")}


# ---- state forces --------------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "span", "name", "iso2"),
    [
        ("Syrian troops advanced on the town.", "Syrian troops", "Military Forces of Syria", "SY"),
        ("Israeli warplanes struck Gaza.", "Israeli warplanes", "Military Forces of Israel", "IL"),
        ("Nigerian police arrested ten men.", "Nigerian police", "Police Forces of Nigeria", "NG"),
        ("Russian forces shelled Kharkiv.", "Russian forces", "Military Forces of Russia", "RU"),
        ("Ukrainian drones hit a refinery.", "Ukrainian drones",
         "Military Forces of Ukraine", "UA"),
        ("South Sudanese soldiers looted shops.", "South Sudanese soldiers",
         "Military Forces of South Sudan", "SS"),
        ("Mali's army said it killed militants.", "Mali's army", "Military Forces of Mali", "ML"),
        ("U.S. forces in Syria were attacked.", "U.S. forces",
         "Military Forces of the United States", "US"),
        ("Iraqi security forces raided a house.", "Iraqi security forces",
         "Military Forces of Iraq", "IQ"),
        ("The Somali National Army retook the town.", "Somali National Army",
         "Military Forces of Somalia", "SO"),
    ],
)
def test_demonym_and_country_forces(
    nlp: Language, actors: ActorDictionary, text: str, span: str, name: str, iso2: str
) -> None:
    found = by_text(find(nlp, actors, text))
    assert found[span].name == name
    assert found[span].country_code == iso2
    assert found[span].inter == 1


@pytest.mark.model
def test_backed_forces_are_not_the_sponsor_state(nlp: Language, actors: ActorDictionary) -> None:
    text = "U.S.-backed forces and pro-Russian forces clashed."
    names = {m.name for m in find(nlp, actors, text)}
    assert "Military Forces of the United States" not in names
    assert "Military Forces of Russia" not in names


@pytest.mark.model
def test_generic_army_takes_country_focus(nlp: Language, actors: ActorDictionary) -> None:
    text = "The army said security forces and police repelled the attack."
    focused = find(nlp, actors, text, focus="ML")
    assert [(m.text, m.name) for m in focused] == [
        ("army", "Military Forces of Mali"),
        ("security forces", "Military Forces of Mali"),
        ("police", "Police Forces of Mali"),
    ]
    unfocused = find(nlp, actors, text)
    assert [(m.name, m.country_code) for m in unfocused] == [
        ("Military Forces", None), ("Military Forces", None), ("Police Forces", None)]


@pytest.mark.model
def test_military_as_adjective_is_not_an_actor(nlp: Language, actors: ActorDictionary) -> None:
    assert find(nlp, actors, "Military experts expect more aid.", focus="SY") == []
    found = find(nlp, actors, "The military said it was investigating.", focus="SY")
    assert [m.name for m in found] == ["Military Forces of Syria"]


@pytest.mark.model
def test_country_as_attacker_is_its_military(nlp: Language, actors: ActorDictionary) -> None:
    found = find(nlp, actors, "Earlier, the United States launched strikes on the depot.")
    assert [(m.text, m.name) for m in found] == [
        ("United States", "Military Forces of the United States")]
    passive = find(nlp, actors, "The town had been targeted by the U.S. in 2020.")
    assert [m.name for m in passive] == ["Military Forces of the United States"]
    assert find(nlp, actors, "The United States condemned the violence in Syria.") == []


@pytest.mark.model
def test_named_group_absorbs_following_armed_noun(nlp: Language, actors: ActorDictionary) -> None:
    found = find(nlp, actors, "IDF soldiers and M23 fighters clashed with police.", focus="CD")
    assert [(m.text, m.name) for m in found] == [
        ("IDF soldiers", "Military Forces of Israel"),
        ("M23 fighters", "M23: March 23 Movement"),
        ("police", "Police Forces of the Democratic Republic of Congo"),
    ]


@pytest.mark.model
def test_capital_city_stands_for_the_state(nlp: Language, actors: ActorDictionary) -> None:
    text = "Kyiv's forces pushed back, while Damascus government troops advanced."
    found = find(nlp, actors, text)
    assert [m.name for m in found] == ["Military Forces of Ukraine", "Military Forces of Syria"]
    assert find(nlp, actors, "Kyiv residents sheltered.")[0].name == "Civilians"


@pytest.mark.model
def test_kremlin_and_pentagon(nlp: Language, actors: ActorDictionary) -> None:
    found = by_text(find(nlp, actors, "The Kremlin denied what the Pentagon said."))
    assert found["Kremlin"].name == "Government of Russia"
    assert found["Pentagon"].name == "Military Forces of the United States"


# ---- external forces ----------------------------------------------------------------------
def test_state_forces_abroad_become_external() -> None:
    us = ActorMention(0, 10, "U.S. forces", "Military Forces of the United States", 1, "US")
    assert actor_inter_for_event(us, "SY") == 8
    assert actor_inter_for_event(us, "us") == 1
    assert actor_inter_for_event(us, None) == 1
    militia = ActorMention(0, 5, "militia", "Iran-backed Militias", 3, "IR")
    assert actor_inter_for_event(militia, "SY") == 3
    unknown_state = ActorMention(0, 4, "army", "Military Forces", 1, None)
    assert actor_inter_for_event(unknown_state, "SY") == 1


@pytest.mark.model
def test_us_forces_in_syria_external(nlp: Language, actors: ActorDictionary) -> None:
    (mention,) = find(nlp, actors, "U.S. forces struck a convoy.", focus="SY")
    assert mention.inter == 1
    assert actor_inter_for_event(mention, "SY") == 8


# ---- generic categories ---------------------------------------------------------------------
@pytest.mark.model
def test_generic_categories(nlp: Language, actors: ActorDictionary) -> None:
    text = ("Protesters and rioters clashed as gunmen fired on villagers; an angry mob burned "
            "tires while inmates escaped and workers went on strike.")
    found = by_text(find(nlp, actors, text, focus="KE"))
    assert (found["Protesters"].name, found["Protesters"].inter) == ("Protesters (Kenya)", 6)
    assert (found["rioters"].name, found["rioters"].inter) == ("Rioters (Kenya)", 5)
    assert found["angry mob"].inter == 5
    assert (found["gunmen"].name, found["gunmen"].inter) == ("Unidentified Armed Group (Kenya)", 3)
    assert (found["villagers"].name, found["villagers"].inter) == ("Civilians (Kenya)", 7)
    assert found["inmates"].name == "Prisoners (Kenya)"
    assert (found["workers"].name, found["workers"].inter) == ("Labor Group (Kenya)", 6)


@pytest.mark.model
def test_categories_take_a_named_country_over_focus(
    nlp: Language, actors: ActorDictionary
) -> None:
    found = by_text(find(nlp, actors, "Iraqi demonstrators and Palestinian civilians.", focus="SY"))
    assert found["Iraqi demonstrators"].name == "Protesters (Iraq)"
    assert found["Palestinian civilians"].name == "Civilians (Palestine)"
    plain = find(nlp, actors, "Civilians fled.")
    assert [(m.name, m.country_code) for m in plain] == [("Civilians", None)]


@pytest.mark.model
def test_communal_militia_and_bandits(nlp: Language, actors: ActorDictionary) -> None:
    text = "Bandits kidnapped farmers, and a clan militia attacked Fulani herdsmen."
    found = by_text(find(nlp, actors, text, focus="NG"))
    assert found["Bandits"].name == "Unidentified Armed Group (Nigeria)"
    assert found["clan militia"].inter == 4
    assert found["Fulani herdsmen"].name == "Fulani Ethnic Militia (Nigeria)"


# ---- unknown named groups ------------------------------------------------------------------
@pytest.mark.model
def test_unknown_brigade_is_typed_militia(nlp: Language, actors: ActorDictionary) -> None:
    text = "Fighters of the Free Valley Brigade clashed with the army near Homs."
    found = by_text(find(nlp, actors, text, focus="SY"))
    brigade = found["Free Valley Brigade"]
    assert (brigade.name, brigade.inter, brigade.known) == ("Free Valley Brigade", 3, False)
    assert found["army"].name == "Military Forces of Syria"
    assert "Homs" not in found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "span", "inter"),
    [
        ("The Northern Hills Liberation Army ambushed a convoy.",
         "Northern Hills Liberation Army", 2),
        ("Witnesses said Zarqa tribal militia fighters blocked the road.",
         "Zarqa tribal militia", 4),
        ("The Banu Qarim Militia shelled the village.", "Banu Qarim Militia", 3),
        ("Witnesses said Qorvan rebels seized the base.", "Qorvan rebels", 2),
    ],
)
def test_unknown_groups_typed_by_context(
    nlp: Language, actors: ActorDictionary, text: str, span: str, inter: int
) -> None:
    found = by_text(find(nlp, actors, text))
    assert span in found, [m.text for m in found.values()]
    assert found[span].known is False
    assert found[span].inter == inter


# ---- what must not become an actor -----------------------------------------------------------
@pytest.mark.model
def test_media_places_and_people_are_not_actors(nlp: Language, actors: ActorDictionary) -> None:
    text = ("According to Syrian state media, the strike hit Al-Mayadeen in Deir ez-Zor, "
            "Reuters and the Syrian Observatory for Human Rights reported. "
            "Secretary of State Antony Blinken visited Damascus.")
    assert find(nlp, actors, text, focus="SY") == []


@pytest.mark.model
def test_pronoun_and_headline_runs_are_not_unknown_groups(
    nlp: Language, actors: ActorDictionary
) -> None:
    text = '"Our Forces are in control," he said.\nU.S. Retaliates Against Militia Targets'
    assert [m for m in find(nlp, actors, text) if not m.known] == []


@pytest.mark.model
def test_ministry_marked_as_government(nlp: Language, actors: ActorDictionary) -> None:
    found = find(nlp, actors, "The Syrian Defence Ministry said the attack failed.")
    assert [(m.text, m.name, m.inter) for m in found] == [
        ("Syrian Defence Ministry", "Government of Syria", 1)]


# ---- matching invariants and the stage -------------------------------------------------------
@pytest.mark.model
def test_no_overlaps_and_offsets_inside_text(nlp: Language, actors: ActorDictionary) -> None:
    text = REFERENCE.read_text(encoding="utf-8") if REFERENCE.exists() else (
        "The United States launched strikes on Iranian-backed militias; ISIS fighters fled.")
    found = find(nlp, actors, text, focus="SY")
    assert found
    for left, right in zip(found, found[1:]):
        assert left.end <= right.start
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.model
def test_reference_article_actors(nlp: Language, actors: ActorDictionary) -> None:
    if not REFERENCE.exists():
        pytest.skip("shared reference example not present")
    found = find(nlp, actors, REFERENCE.read_text(encoding="utf-8"), focus="SY")
    names = {m.name for m in found}
    assert "Military Forces of the United States" in names
    assert "Iran-backed Militias" in names
    assert not any("Syrian state media" in m.text for m in found)
    assert all(m.known for m in found)


@pytest.mark.model
def test_actor_stage_fills_analysis(nlp: Language) -> None:
    text = "Gunmen attacked a market. The army said soldiers killed two militants."
    analysis = Analysis(article=Article(id="a1", text=text), doc=nlp(text), country_focus=["BF"])
    stage = ActorStage()
    stage(analysis)
    assert [m.start for m in analysis.actors] == sorted(m.start for m in analysis.actors)
    assert analysis.actors[0].name == "Unidentified Armed Group (Burkina Faso)"
    assert "Military Forces of Burkina Faso" in {m.name for m in analysis.actors}


def test_stage_contract_and_pipeline_order() -> None:
    assert ActorStage.name == "actors.dict.v1"
    assert ActorStage.requires == ("doc", "country_focus")
    assert ActorStage.assigns == ("actors",)
    from flashpoint.errors import PipelineOrderError

    with pytest.raises(PipelineOrderError):
        Pipeline([ActorStage(ActorDictionary())])


def test_stage_without_doc_says_what_to_do() -> None:
    from flashpoint.errors import PipelineOrderError

    analysis = Analysis(article=Article(id="a1", text="x"))
    with pytest.raises(PipelineOrderError, match="NLP stage"):
        ActorStage(ActorDictionary())(analysis)


def test_a_force_named_as_the_speaker_is_not_an_actor(nlp: Language,
                                                       actors: ActorDictionary) -> None:
    found = by_text(find(nlp, actors, "A police spokesman confirmed the attack.", focus="NG"))
    assert "police" not in found
    assert "police" in by_text(find(nlp, actors, "The police confirmed the attack.", focus="NG"))


@pytest.mark.model
@pytest.mark.parametrize(("text", "phrase", "name", "inter"), [
    ("Unidentified individuals hurled a bomb at the bank.", "Unidentified individuals",
     "Unidentified Armed Group (Peru)", 3),
    ("Hooded men set the bus on fire.", "Hooded men", "Unidentified Armed Group (Peru)", 3),
    ("Army units clashed with subversives near the river.", "subversives",
     "Rebel Forces (Peru)", 2),
    ("Guerrillas of the Tupac Amaru Revolutionary Movement blew up a tower.",
     "Tupac Amaru Revolutionary Movement", "MRTA: Tupac Amaru Revolutionary Movement", 2),
])
def test_generic_attackers_and_older_insurgencies(
    nlp: Language, actors: ActorDictionary, text: str, phrase: str, name: str, inter: int
) -> None:
    assert_coded(nlp, actors, text, phrase, name, inter)


def assert_coded(nlp: Language, actors: ActorDictionary, text: str, phrase: str, name: str,
                 inter: int) -> None:
    """`phrase` of `text` (a Peruvian report) is found as actor `name` with `inter`."""
    found = by_text(find(nlp, actors, text, focus="PE"))
    assert phrase in found, sorted(found)
    assert (found[phrase].name, found[phrase].inter) == (name, inter)


# ---- units, line breaks and epithets -------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(("text", "phrase", "inter"), [
    ("Insurgents ambushed a military convoy near the dam.", "military convoy", 1),
    ("A military vehicle hit a mine on the road.", "military vehicle", 1),
    ("The rebels shelled the 7th infantry brigade headquarters.",
     "7th infantry brigade headquarters", 1),
    ("A grenade was thrown at a national guard post.", "national guard post", 1),
    ("Soldiers clashed with a subversive column in the hills.", "subversive column", 2),
    ("Rebel urban commando units raided the depot.", "Rebel urban commando units", 2),
])
def test_units_take_the_side_their_modifiers_name(
    nlp: Language, actors: ActorDictionary, text: str, phrase: str, inter: int
) -> None:
    found = by_text(find(nlp, actors, text, focus="PE"))
    assert phrase in found, sorted(found)
    assert found[phrase].inter == inter
    expected = "Military Forces of Peru" if inter == 1 else "Rebel Forces (Peru)"
    assert found[phrase].name == expected


@pytest.mark.model
def test_a_unit_takes_the_country_named_before_it(nlp: Language,
                                                  actors: ActorDictionary) -> None:
    found = by_text(find(nlp, actors, "A U.S. military convoy was hit.", focus="SY"))
    assert found["U.S. military convoy"].name == "Military Forces of the United States"


@pytest.mark.model
def test_units_without_a_side_word_are_no_actors(nlp: Language, actors: ActorDictionary) -> None:
    found = by_text(find(nlp, actors, "Two trucks and a helicopter unit arrived.", focus="PE"))
    assert found == {}


@pytest.mark.model
@pytest.mark.parametrize(("text", "phrase", "name", "inter"), [
    ("The Qantar Battalion troops entered the valley.", "Qantar Battalion",
     "Military Forces of Peru", 1),
    ("Fighters of the Qantar Battalion entered the valley.", "Qantar Battalion",
     "Qantar Battalion", 3),
    ("The 3d Brigade was attacked at dawn.", "3d Brigade", "Military Forces of Peru", 1),
])
def test_named_regular_army_units_are_state_forces(
    nlp: Language, actors: ActorDictionary, text: str, phrase: str, name: str, inter: int
) -> None:
    assert_coded(nlp, actors, text, phrase, name, inter)


@pytest.mark.model
def test_names_broken_across_lines_are_still_matched(nlp: Language,
                                                     actors: ActorDictionary) -> None:
    text = "Members of the Tupac Amaru\nRevolutionary Movement fought the armed\nforces."
    names = {m.name for m in find(nlp, actors, text, focus="PE")}
    assert names == {"MRTA: Tupac Amaru Revolutionary Movement", "Military Forces of Peru"}


@pytest.mark.model
def test_terrorists_are_the_rebels_a_report_names(nlp: Language,
                                                  actors: ActorDictionary) -> None:
    text = "Terrorists blew up a pylon. The Shining Path claimed it. Extremists fled."
    found = by_text(find(nlp, actors, text, focus="PE"))
    assert (found["Terrorists"].name, found["Terrorists"].inter) == ("Rebel Forces (Peru)", 2)
    assert found["Extremists"].inter == 2
    alone = by_text(find(nlp, actors, "Terrorists blew up a pylon.", focus="PE"))
    assert (alone["Terrorists"].name, alone["Terrorists"].inter) == (
        "Unidentified Armed Group (Peru)", 3)
    assert "Extremists" not in by_text(find(nlp, actors, "Extremists fled.", focus="PE"))

"""Truecasing of ALL-CAPS stretches before the spaCy pass (flashpoint.nlp.truecase)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.nlp import ORIGINAL_TEXT, parse
from flashpoint.nlp.truecase import Lexicon, lexicon_for, needs_truecase, truecase

# A tiny lexicon, so most tests need no model: English words stay lower case, the rest
# are taken for names.
LEX = Lexicon(
    words=frozenset("guerrilla attack police post kill policeman yesterday town near farm "
                    "report army soldier national liberation front strike bridge three told third mission".split()),
    rules=(("s", ""), ("ed", ""), ("ing", ""), ("men", "man")),
    names=frozenset({"salvador"}),
    nouns=frozenset({"salvador", "town", "farm", "bridge", "post"}),
    demonyms=frozenset({"salvadoran"}),
)
SHOUT = ("GUERRILLAS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT ATTACKED A POLICE POST "
         "IN SAN SALVADOR YESTERDAY, KILLING THREE POLICEMEN.")
CAPS_TEXT = st.text(alphabet=st.sampled_from("ABCDEFGHIJKLMNOPRSTUVY -.,\n'[]0123456789"))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), CAPS_TEXT))
def test_only_letter_case_changes(text: str) -> None:
    out = truecase(text, LEX)
    assert len(out) == len(text)
    assert out.lower() == text.lower()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["ß", "İ", "ǅ", "ſ", "ΣΑΣ", "Straße", "ARMY", "FRONT", " "]),
                min_size=5))
def test_letters_whose_case_changes_length_are_left_alone(parts: list[str]) -> None:
    text = " ".join(parts)
    out = truecase(text, LEX)
    assert len(out) == len(text) and out.lower() == text.lower()


@pytest.mark.parametrize("text", [
    "Guerrillas attacked a police post in San Salvador, killing three policemen.",
    "KYIV (Reuters) - Russian drones hit the city. NATO and the UN said nothing.",
    "The FMLN, the ARENA party and the US embassy issued a joint statement today.",
    "",
])
def test_normal_text_is_returned_unchanged(text: str) -> None:
    assert not needs_truecase(text) or truecase(text, LEX) == text
    assert truecase(text, LEX) is text or truecase(text, LEX) == text


def test_shouting_paragraph_becomes_mixed_case_with_names() -> None:
    out = truecase(SHOUT, LEX)
    assert out.startswith("Guerrillas of the Farabundo Marti National Liberation Front attacked")
    assert "a police post in San Salvador yesterday, killing three policemen." in out


def test_acronyms_stay_upper_and_sentences_start_capitalised() -> None:
    out = truecase("THE FMLN ATTACKED THE TOWN. THE US ARMY AND THE PRC REPORTED IT.", LEX)
    assert out == "The FMLN attacked the town. The US army and the PRC reported it."


def test_pronoun_us_is_lower_case() -> None:
    assert "told us" in truecase("THE SOLDIERS TOLD US THAT THE ARMY ATTACKED.", LEX)


def test_only_the_shouting_line_of_a_mixed_paragraph_changes() -> None:
    text = "REBELS STRIKE ARMY POST NEAR BRIDGE\nRebels attacked an army post on Monday."
    out = truecase(text, LEX)
    assert out.splitlines()[0] == "Rebels strike army post near bridge"
    assert out.splitlines()[1] == text.splitlines()[1]


def test_place_prefix_and_particles() -> None:
    out = truecase("THE ARMY REPORTED AN ATTACK NEAR EL SALVADOR FARM AND IN SAN LUIS DE LA "
                   "REINA TOWN.", LEX)
    assert "near El Salvador Farm" in out
    assert "San Luis de la Reina" in out


def test_noun_after_town_of_is_a_name() -> None:
    lex = Lexicon(words=LEX.words | {"farm", "segovia"}, rules=LEX.rules,
                  nouns=LEX.nouns | {"segovia"})
    out = truecase("GUERRILLAS ATTACKED THE TOWN OF SEGOVIA AND A FARM OF THE ARMY.", lex)
    assert "the town of Segovia and a farm of the army" in out


@pytest.mark.model
def test_model_lexicon_knows_english_and_names(nlp) -> None:
    lex = lexicon_for(nlp)
    assert lex.is_english("kidnapped") and lex.is_english("policemen")
    assert not lex.is_english("usulutan")
    out = truecase("THE SALVADORAN ARMY REPORTED THAT TERRORISTS KIDNAPPED 50 PEASANTS IN "
                   "USULUTAN DEPARTMENT ON 3 JAN.", lex)
    assert out == ("The Salvadoran army reported that terrorists kidnapped 50 peasants in "
                   "Usulutan Department on 3 Jan.")


@pytest.mark.model
def test_parse_keeps_offsets_and_the_dateline(nlp) -> None:
    text = "SAN SALVADOR -- GUERRILLAS ATTACKED A POLICE POST IN THE CAPITAL TODAY."
    doc = parse(nlp, text)
    assert len(doc.text) == len(text) and doc.text != text
    assert doc.user_data[ORIGINAL_TEXT] == text
    # the dateline splitter still sees the original capitals
    assert [s.text for s in doc.sents] == [
        "San Salvador --", "Guerrillas attacked a police post in the capital today."]
    assert any(e.label_ == "GPE" and e.text == "San Salvador" for e in doc.ents)


@pytest.mark.model
def test_parse_leaves_normal_text_alone(nlp) -> None:
    doc = parse(nlp, "Guerrillas attacked a police post in San Salvador.")
    assert ORIGINAL_TEXT not in doc.user_data


@pytest.mark.model
@pytest.mark.gazetteer
def test_all_caps_report_yields_place_and_toll() -> None:
    from flashpoint.api import Extractor

    events = Extractor().extract_text(SHOUT)
    assert events, "no event from the all-caps report"
    event = events[0]
    assert event.location == "San Salvador" and event.country == "El Salvador"
    assert event.fatalities == 3
    assert all(e["text"] == SHOUT[e["start"]: e["end"]] for e in event.evidence)


def test_without_a_lexicon_nothing_is_guessed_to_be_a_name() -> None:
    out = truecase("GUERRILLAS ATTACKED THE FMLN POST IN SALVADOR AND ARCE.", Lexicon(frozenset()))
    assert out == "Guerrillas attacked the FMLN post in salvador and arce."


def test_possessives_phrases_and_administrative_units() -> None:
    lex = Lexicon(LEX.words | {"costa", "rica", "department"}, LEX.rules, names=LEX.names,
                  nouns=LEX.nouns | {"bolivar", "cabanas"},
                  phrases=frozenset({("costa", "rica")}))
    out = truecase("THE ARMY REPORTED AN ATTACK IN SALVADOR'S CABANAS DEPARTMENT, NEAR COSTA "
                   "RICA, AND IN THE DEPARTMENT OF BOLIVAR.", lex)
    assert out == ("The army reported an attack in Salvador's Cabanas Department, near Costa "
                   "Rica, and in the department of Bolivar.")


def test_plural_noun_before_an_administrative_unit_is_a_name() -> None:
    lex = Lexicon(LEX.words | {"department", "northeastern", "cabana", "beach"}, LEX.rules,
                  names=LEX.names,
                  nouns=LEX.nouns | {"cabana"})
    out = truecase("SOLDIERS WERE ATTACKED NEAR THE TOWN, NORTHEASTERN CABANAS DEPARTMENT, "
                   "AND IN THE CABANAS OF THE BEACH.", lex)
    assert "northeastern Cabanas Department" in out and "in the cabanas of the beach" in out


def test_a_dash_starts_a_sentence_only_after_a_dateline() -> None:
    out = truecase("SALVADOR -- THE ARMY REPORTED THAT GUERRILLAS ATTACKED A POLICE POST NEAR THE "
                   "TOWN YESTERDAY -- THE THIRD ATTACK -- KILLING THREE.", LEX)
    assert out == ("Salvador -- The army reported that guerrillas attacked a police post near the "
                   "town yesterday -- the third attack -- killing three.")


def test_a_lone_unknown_word_in_brackets_is_an_acronym() -> None:
    out = truecase("THE UN MISSION (MINUSMA) REPORTED AN ATTACK NEAR THE TOWN.", LEX)
    assert out == "The UN mission (MINUSMA) reported an attack near the town."


# Given names and surnames that the English lexicon also lists ("maria", "ortega").
NAMES_LEX = Lexicon(
    words=frozenset("maria carlos ortega government said was killed the and mother marsh "
                    "bush frost police".split()),
    rules=(("s", ""), ("ed", "")),
    nouns=frozenset({"maria", "carlos", "ortega", "government", "marsh"}),
)


@pytest.mark.parametrize(("text", "expected"), [
    # a listed given name is a name; a noun-only word after it is its surname
    ("THE POLICE SAID THAT CARLOS ORTEGA WAS KILLED.",
     "The police said that Carlos Ortega was killed."),
    ("THE POLICE SAID THAT MARIA MARSH AND HER MOTHER WERE KILLED.",
     "The police said that Maria Marsh and her mother were killed."),
    # a word English also uses as a verb, or a common follower, is left alone
    ("THE POLICE SAID THAT CARLOS FROST WAS KILLED.",
     "The police said that Carlos frost was killed."),
    ("THE POLICE SAID THAT THE CARLOS GOVERNMENT WAS KILLED.",
     "The police said that the Carlos government was killed."),
    # without a given name before it a noun-only word stays lower case
    ("THE POLICE SAID THAT THE MARSH WAS KILLED.",
     "The police said that the marsh was killed."),
])
def test_given_names_and_their_surnames(text: str, expected: str) -> None:
    assert truecase(text, NAMES_LEX) == expected

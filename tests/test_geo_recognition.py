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


def test_two_letter_name_without_a_comma_is_rejected_unless_a_postal_state(vocab,
                                                                         gazetteer) -> None:
    def doc(word: str):
        return make_doc(vocab, [("in", "ADP", "IN", "O"), (word, *PROPN, "B-GPE"),
                                ("today", "NOUN", "NN", "O")])

    assert names(doc("Jr."), gazetteer) == []
    assert names(doc("Ky."), gazetteer) == ["Ky."]  # "a Ga. pastor", "in Ky."


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


# --- written-form rules (flashpoint/geo/surface.py) and boundaries ----------------------

MORE_ROWS = ROWS + [
    (Place(11, "Torrington", "US", 41.80, -73.12, population=35000), []),
    (Place(12, "Man", "CI", 7.41, -7.55, population=150000), []),
    (Place(13, "Ita", "PY", -25.5, -57.37, population=30000), []),
    (Place(14, "Jones", "US", 35.4, -97.3, population=6000), []),
    (Place(15, "Illinois", "US", 40.0, -89.0, feature="admin1", population=12_000_000), []),
    (Place(16, "San Francisco", "US", 37.77, -122.42, population=870000), []),
]
O = "O"


@pytest.fixture(scope="module")
def more() -> InMemoryGazetteer:
    return InMemoryGazetteer.from_rows(MORE_ROWS)


def _words(vocab, text: str, labels: dict[str, str] | None = None):
    """A Doc from space-separated words: PROPN when capitalised, else NOUN; `labels` maps a
    word to its IOB entity label."""
    rows = []
    for word in text.split():
        pos = ("PROPN", "NNP") if word[:1].isupper() else ("NOUN", "NN")
        if word in (",", ".", "-", "—", "(", ")"):
            pos = ("PUNCT", word)
        rows.append((word, *pos, (labels or {}).get(word, O)))
    return make_doc(vocab, rows)


def test_street_names_with_and_without_a_house_number(vocab, more) -> None:
    doc = _words(vocab, "arrested at 420 Augusta St. , Alexandria , on Friday")
    assert names(doc, more) == ["Augusta St.", "Alexandria"]
    assert names(_words(vocab, "traffic on Eglinton Avenue West ."), more) == [
        "Eglinton Avenue West"]


@pytest.mark.parametrize("text", [
    "closed from County Road 43 to the bridge",  # a numbered road
    "pupils at Pleasant Lane School won",  # a school named after a street
    "a passenger Marvin F. Lane was hurt",  # a person
])
def test_street_word_that_does_not_end_a_street_name(vocab, more, text: str) -> None:
    assert names(_words(vocab, text), more) == []


def test_all_caps_dateline(vocab, more) -> None:
    doc = _words(vocab, "TORRINGTON — Mayor Ryan Bingham spoke")
    assert names(doc, more) == ["TORRINGTON"]
    assert names(_words(vocab, "a new TORRINGTON plan"), more) == []  # not a dateline
    assert names(_words(vocab, "BREAKING NEWS — roads closed"), more) == []  # not a place


def test_home_state_of_a_legislator(vocab, more) -> None:
    doc = _words(vocab, "Rep. Nick Rahall , D - W. Va. , chairman")
    assert names(doc, more) == ["W. Va."]


def test_province_abbreviation_keeps_its_full_stop(vocab, more) -> None:
    doc = _words(vocab, "born in Torrington , Man . her parents")
    found = find_toponyms(doc, more)
    assert [t[2] for t in found] == ["Torrington", "Man."]
    assert doc.text[found[1][0]:found[1][1]] == "Man."


def test_names_listed_before_a_plural_place_noun(vocab, more) -> None:
    doc = _words(vocab, "schools in Barrow , Jackson and Madison counties closed",
                 {"Jackson": "B-PERSON", "Madison": "B-PERSON"})
    assert names(doc, more) == ["Barrow", "Jackson", "Madison"]


def test_possessive_and_title_are_not_part_of_a_place(vocab, more) -> None:
    doc = make_doc(vocab, [("off", "ADP", "IN", O), ("San", *PROPN, "B-GPE"),
                           ("Francisco", *PROPN, "I-GPE"), ("'s", "PART", "POS", "I-GPE"),
                           ("roads", "NOUN", "NNS", O)])
    assert names(doc, more) == ["San Francisco"]
    doc = make_doc(vocab, [("Ms", *PROPN, "B-GPE"), ("Raggi", *PROPN, "I-GPE"),
                           ("resigned", "VERB", "VBD", O)])
    assert names(doc, more) == []


def test_state_word_before_an_organisation_is_left_out(vocab, more) -> None:
    doc = make_doc(vocab, [("the", "DET", "DT", O), ("Illinois", *PROPN, "B-GPE"),
                           ("State", *PROPN, "I-GPE"), ("Police", *PROPN, O),
                           ("said", "VERB", "VBD", O)])
    assert names(doc, more, embedded=True) == ["Illinois"]


def test_mojibake_fragment_is_not_a_place(vocab, more) -> None:
    doc = make_doc(vocab, [("in", "ADP", "IN", O), ("Itâ", *PROPN, O), ("s", "NOUN", "NN", O),
                           ("cold", "ADJ", "JJ", O)])
    assert names(doc, more) == []
    doc = make_doc(vocab, [("in", "ADP", "IN", O), ("Ita", *PROPN, O), ("today", "NOUN", "NN", O)])
    assert names(doc, more) == ["Ita"]


def test_unknown_one_word_place_entity_is_dropped(vocab, more) -> None:
    doc = make_doc(vocab, [("supporting", "VERB", "VBG", O), ("Pawlenty", *PROPN, "B-GPE"),
                           ("'s", "PART", "POS", O), ("plan", "NOUN", "NN", O)])
    assert names(doc, more) == []


def test_unknown_facility_is_dropped_unless_a_landmark(vocab, more) -> None:
    def doc(first: str, second: str):
        return make_doc(vocab, [("at", "ADP", "IN", O), (first, *PROPN, "B-FAC"),
                                (second, *PROPN, "I-FAC"), ("today", "NOUN", "NN", O)])

    assert names(doc("Worden", "Elementary"), more) == []
    assert names(doc("Dulles", "Airport"), more) == ["Dulles Airport"]


def test_speaker_abbreviation_and_month_are_not_matched(vocab, more) -> None:
    said = _words(vocab, "Jones said the plan works")
    said[1].lemma_ = "say"
    assert names(said, more) == []
    assert names(_words(vocab, "a house in Jones burned"), more) == ["Jones"]
    assert names(_words(vocab, "Sgt . Jones Dresser arrived"), more) == []


def test_one_sense_per_discourse(vocab, more) -> None:
    """A name the model tags as a place once is a place where it tags it a person."""
    def doc(first_label: str):
        return make_doc(vocab, [("a", "DET", "DT", O), ("finalist", "NOUN", "NN", O),
                                ("is", "AUX", "VBZ", O), ("Alexandria", *PROPN, first_label),
                                (".", "PUNCT", ".", O), ("Later", "ADV", "RB", O),
                                ("Alexandria", *PROPN, "B-PERSON"), ("won", "VERB", "VBD", O)])

    assert names(doc("B-GPE"), more) == ["Alexandria", "Alexandria"]
    assert names(doc("B-PERSON"), more) == []


def test_lower_case_compass_word_makes_an_organisation_tag_a_place(vocab, more) -> None:
    doc = make_doc(vocab, [("shelling", "NOUN", "NN", O), ("of", "ADP", "IN", O),
                           ("eastern", "ADJ", "JJ", O), ("Kabul", *PROPN, "B-ORG"),
                           ("went", "VERB", "VBD", O), ("on", "ADP", "RP", O)])
    assert names(doc, more) == ["Kabul"]


def test_hyphen_pair_of_demonyms_when_embedded(vocab, more) -> None:
    doc = make_doc(vocab, [("the", "DET", "DT", O), ("Egyptian", "ADJ", "JJ", "B-NORP"),
                           ("-", "PUNCT", "HYPH", O), ("Israeli", "ADJ", "JJ", "B-NORP"),
                           ("talks", "NOUN", "NNS", O)])
    assert names(doc, more) == []
    assert names(doc, more, embedded=True) == ["Egyptian", "Israeli"]
    lead = make_doc(vocab, [("The", "DET", "DT", O), ("Syrian", "ADJ", "JJ", "B-NORP"),
                            ("army", "NOUN", "NN", O), ("said", "VERB", "VBD", O)])
    assert names(lead, more, embedded=True) == ["Syrian"]


def test_mayor_of_a_town_only_in_the_corpus_convention(vocab, more) -> None:
    doc = _words(vocab, "Mansfield Mayor Curtis McCoy spoke", {"Curtis": "B-PERSON"})
    assert names(doc, more) == []
    assert names(doc, more, embedded=True) == ["Mansfield"]


def test_entity_edges_number_lowercase_tail_and_split_full_stop(vocab, more) -> None:
    doc = make_doc(vocab, [("Two", "NUM", "CD", "B-LOC"), ("Northeast", *PROPN, "I-LOC"),
                           ("Illinois", *PROPN, "I-LOC"), ("beach", "NOUN", "NN", "I-LOC"),
                           ("grew", "VERB", "VBD", O)])
    assert names(doc, more) == ["Illinois"]  # then the compass word goes too
    doc = make_doc(vocab, [("fans", "NOUN", "NNS", O), ("across", "ADP", "IN", O),
                           ("U.S", *PROPN, "B-GPE"), (".", "PUNCT", ".", O)])
    assert find_toponyms(doc, more) == [(12, 16, "U.S.")]


def test_person_tagged_region_name_is_a_place(vocab) -> None:
    gaz = InMemoryGazetteer.from_rows(
        [(Place(1255053, "Tamil Nadu", "IN", 11.0, 78.0, feature="admin1",
                population=72_000_000), [])])

    def doc(verb: tuple[str, str, str]):
        return make_doc(vocab, [("Tamil", *PROPN, "B-PERSON"), ("Nadu", *PROPN, "I-PERSON"),
                                verb + (O,), ("water", "NOUN", "NN", O)])

    assert names(doc(("farmers", "NOUN", "NNS")), gaz) == ["Tamil Nadu"]
    said = doc(("wants", "VERB", "VBZ"))  # a government speaking: the corpora's metonym
    assert names(said, gaz) == [] and names(said, gaz, embedded=True) == ["Tamil Nadu"]


def test_person_tagged_one_word_needs_a_country_or_a_city_of_millions(vocab) -> None:
    gaz = InMemoryGazetteer.from_rows([
        (Place(587116, "Azerbaijan", "AZ", 40.5, 47.5, feature="country",
               population=9_900_000), []),
        (Place(1, "Bellville", "ZA", -33.9, 18.6, population=2_000_000), ["Bell"]),
        (Place(2, "Jackson", "US", 32.3, -90.2, feature="admin1", population=3_000_000), []),
    ])

    def doc(word: str):
        return make_doc(vocab, [("hopes", "NOUN", "NNS", O), ("for", "ADP", "IN", O),
                                (word, *PROPN, "B-PERSON"), ("grew", "VERB", "VBD", O)])

    assert names(doc("Azerbaijan"), gaz, embedded=True) == ["Azerbaijan"]
    assert names(doc("Bell"), gaz, embedded=True) == []  # an alternate name only
    assert names(doc("Jackson"), gaz, embedded=True) == []  # a region, and a surname


def test_a_name_that_fills_a_bracketed_tag_is_a_label(vocab, gazetteer) -> None:
    """"[Mansfield] We condemn ..." labels the speaker of a transcript; a place inside a
    longer bracketed note ("[in Mansfield]") is still a place."""
    label = make_doc(vocab, [("[", "PUNCT", "-LRB-", "O"), ("Mansfield", *PROPN, "B-GPE"),
                             ("]", "PUNCT", "-RRB-", "O"), ("We", "PRON", "PRP", "O"),
                             ("condemn", "VERB", "VBP", "O"), ("it", "PRON", "PRP", "O")])
    assert names(label, gazetteer) == []
    note = make_doc(vocab, [("They", "PRON", "PRP", "O"), ("met", "VERB", "VBD", "O"),
                            ("[", "PUNCT", "-LRB-", "O"), ("in", "ADP", "IN", "O"),
                            ("Mansfield", *PROPN, "B-GPE"), ("]", "PUNCT", "-RRB-", "O")])
    assert names(note, gazetteer) == ["Mansfield"]


def test_a_common_word_opening_a_bracket_is_not_a_place(vocab) -> None:
    gaz = InMemoryGazetteer.from_rows([(Place(9, "Ende", "ID", -8.84, 121.66,
                                              population=87000), ["End"])])
    doc = make_doc(vocab, [("It", "PRON", "PRP", "O"), ("ends", "VERB", "VBZ", "O"),
                           (".", "PUNCT", ".", "O"), ("[", "PUNCT", "-LRB-", "O"),
                           ("End", "NOUN", "NN", "O"), ("recording", "NOUN", "NN", "O"),
                           ("]", "PUNCT", "-RRB-", "O")])
    assert names(doc, gaz) == []


def _in_place(vocab, word: str):
    return make_doc(vocab, [("Fighting", "NOUN", "NN", "O"), ("in", "ADP", "IN", "O"),
                            (word, *PROPN, "B-GPE"), ("ended", "VERB", "VBD", "O")])


def test_lower_case_entity_is_not_a_place(vocab, gazetteer) -> None:
    """Truecased wire copy leaves surnames lower-case ("judge mansfield"): not a name."""
    assert names(_in_place(vocab, "mansfield"), gazetteer) == []
    assert names(_in_place(vocab, "Mansfield"), gazetteer) == ["Mansfield"]


def _wrapped(vocab, breaks: str):
    from spacy.tokens import Doc

    words = ["Troops", "entered", "Porto", breaks, "Alto", "at", "dawn"]
    spaces = [True, True, False, False, True, True, False]
    return Doc(vocab, words=words, spaces=spaces,
               pos=["NOUN", "VERB", "PROPN", "SPACE", "PROPN", "ADP", "NOUN"])


def test_name_wrapped_over_two_lines_is_one_name() -> None:
    import spacy

    vocab = spacy.blank("en").vocab
    gaz = InMemoryGazetteer.from_rows(
        [(Place(20, "Porto Alto", "XF", 1.0, 1.0, population=9000), []),
         (Place(21, "Porto", "PT", 41.1, -8.6, population=250_000), [])])
    assert names(_wrapped(vocab, "\n"), gaz) == ["Porto\nAlto"]
    assert names(_wrapped(vocab, "\n\n"), gaz) == ["Porto"]  # a paragraph break ends it


def test_place_opening_a_truecased_dateline(vocab, gazetteer) -> None:
    """The model tags "Louisville" a person here; the day after the comma makes it a dateline."""
    def doc(second: str):
        return make_doc(vocab, [("Louisville", *PROPN, "B-PERSON"), (",", "PUNCT", ",", "O"),
                                (second, "NUM", "CD", "O"), ("may", *PROPN, "O"),
                                ("--", "PUNCT", ":", "O"), ("rebels", "NOUN", "NNS", "O")])

    assert names(doc("3"), gazetteer) == ["Louisville"]
    assert names(doc("three"), gazetteer) == ["Louisville"]  # like_num
    no_day = make_doc(vocab, [("Louisville", *PROPN, "B-PERSON"), (",", "PUNCT", ",", "O"),
                              ("a", "DET", "DT", "O"), ("farmer", "NOUN", "NN", "O")])
    assert names(no_day, gazetteer) == []

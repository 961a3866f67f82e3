"""Number words, digits and vague quantities as (low, best, high).

Pure functions over lists of lower-cased words, so they work on spaCy tokens or plain
strings alike. `VAGUE_QUANTITIES` and `MODIFIER_RULES` are the one documented table of how
wording becomes a figure; docs/tolls.md mirrors them with the rationale. `best` is the
conservative figure a careful coder would record; `low`/`high` bound what the words allow.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
    "both": 2,  # "both men died"
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}

# Vague quantity -> (low, best, high). Multi-word keys are matched longest first.
# Rationale (docs/tolls.md): `best` is the lowest figure the wording plainly supports,
# because ACLED codes the lowest credible figure; `high` is where the wording would
# normally give way to the next term up ("dozens" rather than "several").
VAGUE_QUANTITIES: dict[str, tuple[int, int, int]] = {
    "a handful of": (2, 3, 5),
    "a handful": (2, 3, 5),
    "a couple of": (2, 2, 3),
    "a few": (2, 3, 5),
    "few": (2, 3, 5),
    "several": (3, 3, 9),
    "a number of": (2, 3, 9),
    "some": (2, 3, 9),
    "many": (5, 10, 50),
    "numerous": (5, 10, 50),
    "dozens of": (24, 24, 99),
    "dozens": (24, 24, 99),
    "tens of": (20, 20, 99),
    "scores of": (40, 40, 99),
    "scores": (40, 40, 99),
    "hundreds of": (200, 200, 999),
    "hundreds": (200, 200, 999),
    "thousands of": (2_000, 2_000, 9_999),
    "thousands": (2_000, 2_000, 9_999),
    "tens of thousands of": (20_000, 20_000, 99_999),
    "hundreds of thousands of": (200_000, 200_000, 999_999),
    "no": (0, 0, 0),
    "no one": (0, 0, 0),
    "nobody": (0, 0, 0),
    "none": (0, 0, 0),
}

# Modifier before a number N -> rule name; see `apply_modifier` and docs/tolls.md.
MODIFIER_RULES: dict[str, str] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least", "a total of": "exact",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than",
    "up to": "up_to", "as many as": "up_to", "no more than": "up_to",
    "not more than": "up_to", "a maximum of": "up_to",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "some": "about", "approximately": "about",
    "roughly": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "some estimated": "about",
}

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
_RANGE = re.compile(r"^(\d+)[-\u2013](\d+)$")
_RANGE_JOINERS = ("to", "-", "\u2013", "or")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity found in a word list: words[start:end] -> low/best/high."""

    start: int
    end: int
    low: int
    best: int
    high: int
    vague: bool = False


def apply_modifier(rule: str, n: int) -> tuple[int, int, int]:
    """Turn a modifier rule and the stated number into (low, best, high)."""
    if rule == "at_least":
        return n, n, n
    if rule == "more_than":
        return n + 1, n + 1, n + 1
    if rule == "up_to":
        return min(1, n), n, n
    if rule == "less_than":
        below = max(n - 1, 0)
        return min(1, below), below, below
    if rule == "nearly":
        return n - n // 10, n, n
    if rule == "about":
        return n - n // 10, n, n + (n + 9) // 10
    return n, n, n


def read_number(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """Read one number (digits or words) starting at words[i]; (value, end index)."""
    if i >= len(words):
        return None
    w = words[i]
    if _DIGITS.match(w):
        value = float(w.replace(",", ""))
        j = i + 1
        if j < len(words) and words[j] in SCALES:
            value *= SCALES[words[j]]
            j += 1
        return int(value), j
    if w in ("a", "an") and i + 1 < len(words) and words[i + 1] in ("dozen", "hundred", "thousand"):
        head = 12 if words[i + 1] == "dozen" else SCALES[words[i + 1]]
        return head, i + 2
    if w == "half" and words[i + 1 : i + 3] == ["a", "dozen"]:
        return 6, i + 3
    if w == "dozen":
        return 12, i + 1
    return _read_number_words(words, i)


def _read_number_words(words: Sequence[str], i: int) -> tuple[int, int] | None:
    total, current, j, seen = 0, 0, i, False
    while j < len(words):
        w = words[j]
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
            if words[j + 1 : j + 2] == ["-"] and j + 2 < len(words) and words[j + 2] in UNITS:
                current += UNITS[words[j + 2]]
                j += 2
        elif w == "dozen" and seen:
            current *= 12
        elif w == "hundred" and seen:
            current = max(current, 1) * 100
        elif w in ("thousand", "million") and seen:
            total += max(current, 1) * SCALES[w]
            current = 0
        elif w == "and" and seen and j + 1 < len(words) and _is_number_word(words[j + 1]):
            pass
        else:
            break
        seen = True
        j += 1
    return (total + current, j) if seen else None


def _is_number_word(w: str) -> bool:
    return w in UNITS or w in TENS


def _match_phrase(
    words: Sequence[str], i: int, table: Mapping[str, object]
) -> tuple[str, int] | None:
    """Longest key of `table` (space-separated words) that starts at words[i]."""
    best: tuple[str, int] | None = None
    for key in table:
        parts = key.split()
        if list(words[i : i + len(parts)]) == parts and (best is None or len(parts) > best[1] - i):
            best = (key, i + len(parts))
    return best


def quantity_at(words: Sequence[str], i: int) -> Quantity | None:
    """The quantity expression starting at words[i], if any."""
    mod = _match_phrase(words, i, MODIFIER_RULES)
    if mod is not None:
        number = _number_or_range(words, mod[1])
        if number is not None:
            low, best, high, end = number
            if low == high:
                low, best, high = apply_modifier(MODIFIER_RULES[mod[0]], low)
            return Quantity(i, end, low, best, high)
    number = _number_or_range(words, i)
    if number is not None:
        return Quantity(i, number[3], *number[:3])
    vague = _match_phrase(words, i, VAGUE_QUANTITIES)
    if vague is not None:
        return Quantity(i, vague[1], *VAGUE_QUANTITIES[vague[0]], vague=True)
    return None


def _number_or_range(words: Sequence[str], i: int) -> tuple[int, int, int, int] | None:
    """A number or a range (N to M, between N and M, N-M) -> (low, best, high, end)."""
    if i < len(words):
        m = _RANGE.match(words[i])
        if m:
            a, b = sorted((int(m.group(1)), int(m.group(2))))
            return a, a, b, i + 1
    between = i < len(words) and words[i] == "between"
    first = read_number(words, i + 1 if between else i)
    if first is None:
        return None
    n, j = first
    joiners = ("and",) if between else _RANGE_JOINERS
    if j + 1 < len(words) and words[j] in joiners:
        second = read_number(words, j + 1)
        if second is not None and second[0] > n:
            return n, n, second[0], second[1]
    if between:
        return None
    return n, n, n, j


def find_quantities(words: Sequence[str]) -> list[Quantity]:
    """All non-overlapping quantities in a word list, left to right."""
    found: list[Quantity] = []
    i = 0
    while i < len(words):
        q = quantity_at(words, i)
        if q is None:
            i += 1
            continue
        found.append(q)
        i = q.end
    return found


def parse_quantity(text: str) -> tuple[int, int, int] | None:
    """Parse a whole phrase ("at least five", "3.5 million", "a dozen") into figures."""
    words = re.findall(r"\d[\d,.]*\d|\d|[a-z]+|-", text.lower())
    q = quantity_at(words, 0)
    if q is None or q.end != len(words):
        return None
    return q.low, q.best, q.high

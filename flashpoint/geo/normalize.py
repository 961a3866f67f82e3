"""Place-name normalisation and lookup keys.

`normalize_name` is the display-neutral form (casefolded, no diacritics, no punctuation).
`name_keys` returns the lookup keys of a name: the gazetteer index and every query apply the
same function, so transliteration variants of one name meet on at least one key
("al-Mayadeen", "Al Mayadin", "Mayadin", "El Mayadine" and "Meyadin" all share a key).

The key rules are deliberately coarse and cheap (they run on ~1.2 M names at build time):
leading (and inner) Arabic/English articles are dropped, doubled letters collapse, ee->i,
oo/ou/o->u, ei/ey->ay, non-initial y->i, q->k, aw->u, ph->f, final -ah/-eh->-a, final -e
after a consonant is dropped, and saint/sainte -> st/ste. Collisions are fine: the resolver
ranks candidates; a key only has to be shared by the variants of one name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic article forms (with sun-letter assimilation) plus English/Romance ones.
ARTICLES: frozenset[str] = frozenset(
    {"al", "el", "ad", "as", "ash", "at", "ar", "az", "an", "adh", "ath", "ad", "ed", "es",
     "et", "er", "ez", "en", "ul", "the"}
)
# Words that stand for the same thing in place names.
TOKEN_ALIASES: dict[str, str] = {
    "saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft", "san": "san",
}
# Latin letters that NFKD does not decompose.
_SPECIAL = str.maketrans({
    "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae",
    "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h", "þ": "th", "ð": "d", "ŧ": "t",
})
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_RULES: tuple[tuple[str, str], ...] = (
    ("ph", "f"), ("q", "k"), ("ee", "i"), ("oo", "u"), ("ou", "u"), ("ei", "ay"),
    ("ey", "ay"), ("aw", "o"), ("o", "u"),
)
_DOUBLE = re.compile(r"([a-z])\1+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


@lru_cache(maxsize=200_000)
def normalize_name(s: str) -> str:
    """Casefold, strip diacritics, turn hyphens/apostrophes/punctuation into spaces."""
    return " ".join(_NON_ALNUM.sub(" ", _fold(s)).split())


def is_latin_name(s: str) -> bool:
    """True when the name is written in Latin script (after folding diacritics)."""
    folded = _fold(_APOSTROPHES.sub("", s))
    return any("a" <= ch <= "z" for ch in folded) and all(ord(ch) < 0x250 for ch in folded)


def _canon_token(token: str) -> str:
    token = TOKEN_ALIASES.get(token, token)
    if len(token) <= 2 or token.isdigit():
        return token
    for old, new in _RULES:
        token = token.replace(old, new)
    token = token[0] + token[1:].replace("y", "i")
    token = _DOUBLE.sub(r"\1", token)
    if token.endswith(("ah", "eh")) and len(token) > 3:
        token = token[:-2] + "a"
    elif token.endswith("e") and len(token) > 3 and token[-2] not in "aeiou":
        token = token[:-1]
    return token


def _strip_articles(tokens: list[str]) -> list[str]:
    kept = [t for i, t in enumerate(tokens) if not (t in ARTICLES and i < len(tokens) - 1)]
    return kept or tokens


def _keys_of(normalized: str) -> set[str]:
    tokens = normalized.split()
    if not tokens:
        return set()
    lead = tokens[1:] if tokens[0] in ARTICLES and len(tokens) > 1 else tokens
    spaced = " ".join(_canon_token(t) for t in _strip_articles(tokens))
    joined = _canon_token("".join(lead))
    return {spaced, joined}


@lru_cache(maxsize=200_000)
def name_keys(s: str) -> frozenset[str]:
    """All lookup keys of a name (usually one or two). Empty for names with no letters."""
    keys = _keys_of(normalize_name(s))
    if _APOSTROPHES.search(s):
        keys |= _keys_of(normalize_name(_APOSTROPHES.sub("", s)))
    keys.discard("")
    return frozenset(keys)


def primary_key(s: str) -> str:
    """The spaced key of a name (what the index shows first); "" when it has no letters."""
    tokens = normalize_name(s).split()
    return " ".join(_canon_token(t) for t in _strip_articles(tokens)) if tokens else ""

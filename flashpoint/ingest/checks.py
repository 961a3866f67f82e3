"""Offline checks that decide whether a document is worth coding.

Each check returns a one-line reason string when the document is rejected, else None,
so readers can turn it into an `IngestError` with the document's origin.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Share of these words among alphabetic tokens: ~0.3-0.5 in English news, < 0.05 otherwise.
ENGLISH_WORDS = frozenset(
    "the of and to in a is was were that for on with as by at from it an are be has have had "
    "this which or but not their they he she his her its said after been who will would "
    "into than more also over about against two three killed people".split()
)
OTHER_LANGUAGES: dict[str, frozenset[str]] = {
    "French": frozenset("le la les des du et est une dans pour qui que sur au avec pas".split()),
    "Spanish": frozenset("el la los las del y es una en por que con para se al".split()),
    "German": frozenset("der die das und ist nicht ein eine mit von zu den im auf dem".split()),
    "Portuguese": frozenset("o os as do da dos das e um uma em para que com não".split()),
    "Italian": frozenset("il lo gli della di che è per una con non sono nel alla".split()),
    "Dutch": frozenset("de het een en van is dat op te niet met zijn voor".split()),
}
MIN_ENGLISH_SHARE = 0.08
MIN_WORDS_FOR_LANGUAGE = 12
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def looks_binary(data: bytes) -> str | None:
    """NUL bytes, or mostly control bytes, mean the file is not text."""
    sample = data[:65536]
    if b"\x00" in sample:
        return "binary file (contains NUL bytes); give a text, HTML or JSONL document"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 11))
    if sample and controls / len(sample) > 0.1:
        return "binary file (mostly non-text bytes); give a text, HTML or JSONL document"
    return None


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Decode UTF-8 (with or without BOM), else cp1252 when clean; returns (text, reason)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        first_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _has_stray_controls(text):
        return text, None
    return None, (
        f"not valid UTF-8 (byte 0x{data[first_error.start]:02x} at offset {first_error.start}) "
        f"nor clean cp1252; re-save the file as UTF-8"
    )


def _has_stray_controls(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in TEXT_CONTROLS for ch in text)


def dominant_script(text: str) -> tuple[str, float]:
    """The most common script among letters (LATIN, ARABIC, CYRILLIC, CJK ...) and its share."""
    scripts: Counter[str] = Counter()
    for ch in text[:20000]:
        if ch.isalpha():
            scripts[_script_of(ch)] += 1
    if not scripts:
        return "LATIN", 1.0
    name, count = scripts.most_common(1)[0]
    latin = scripts.get("LATIN", 0) / sum(scripts.values())
    return name, latin


def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first in ("CJK", "HIRAGANA", "KATAKANA"):
        return "CJK"
    return first or "UNKNOWN"


def language_problem(text: str) -> str | None:
    """Reason the text does not look like English, or None when it does (or is too short)."""
    script, latin_share = dominant_script(text)
    if latin_share < 0.5:
        return f"not English: the text is mostly in {script.title()} script; flashpoint codes English"
    words = [w.lower() for w in WORD.findall(text[:50000])]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    english = sum(1 for w in words if w in ENGLISH_WORDS) / len(words)
    if english >= MIN_ENGLISH_SHARE:
        return None
    guess = _guess_latin_language(words)
    looks = f" (it looks like {guess})" if guess else ""
    return f"not English{looks}: too few common English words; flashpoint codes English"


def _guess_latin_language(words: list[str]) -> str | None:
    best, best_share = None, 0.0
    for language, vocab in OTHER_LANGUAGES.items():
        share = sum(1 for w in words if w in vocab) / len(words)
        if share > best_share:
            best, best_share = language, share
    return best if best_share >= 0.1 else None


def empty_problem(text: str, min_chars: int) -> str | None:
    stripped = text.strip()
    if not stripped:
        return "empty document (no text); nothing to code"
    if len(stripped) < min_chars:
        return (
            f"empty document ({len(stripped)} characters of text, fewer than ingest.min_chars="
            f"{min_chars})"
        )
    return None

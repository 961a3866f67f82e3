"""Which mentions fall inside which sentences: the small helpers the coding modules share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Span


def inside(start: int, sent: Span) -> bool:
    return sent.start_char <= start < sent.end_char


class _HasStart(Protocol):
    @property
    def start(self) -> int: ...


M = TypeVar("M", bound=_HasStart)


def in_sents(items: list[M], sents: list[Span]) -> list[M]:
    """The mentions that start inside one of the given sentences."""
    return [m for m in items if any(inside(m.start, s) for s in sents)]

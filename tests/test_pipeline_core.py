"""The pipeline checks stage order when it is built; records hash stably."""

from __future__ import annotations

from typing import ClassVar

import pytest

from flashpoint.errors import PipelineOrderError
from flashpoint.pipeline import Analysis, Pipeline
from flashpoint.records import Article, content_hash


class _Fills:
    name: ClassVar[str] = "test.fills"
    requires: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ("tolls",)

    def __call__(self, analysis: Analysis) -> None:
        analysis.tolls = []


class _Needs:
    name: ClassVar[str] = "test.needs"
    requires: ClassVar[tuple[str, ...]] = ("tolls",)
    assigns: ClassVar[tuple[str, ...]] = ("mentions",)

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, analysis: Analysis) -> None:
        self.seen.append(analysis.article.id)


def test_order_is_checked_when_built() -> None:
    with pytest.raises(PipelineOrderError, match="test.needs"):
        Pipeline([_Needs(), _Fills()])


def test_stages_run_in_order_per_article() -> None:
    needs = _Needs()
    pipe = Pipeline([_Fills(), needs])
    articles = [Article(id=Article.make_id(t), text=t) for t in ("one text", "two text")]
    results = list(pipe.run(articles))
    assert needs.seen == [a.id for a in articles]
    assert results[0].filled == {"article", "tolls", "mentions"}


def test_article_id_ignores_whitespace_and_case_but_not_words() -> None:
    assert Article.make_id("A  strike\nhit") == Article.make_id("a strike hit")
    assert Article.make_id("a strike hit") != Article.make_id("a strike missed")
    assert Article.make_id("x", url="https://e.com/a/") == Article.make_id("y", url="https://e.com/a")


def test_content_hash_separates_parts() -> None:
    assert content_hash("ab", "c") != content_hash("a", "bc")
    assert content_hash(None) == content_hash("")

"""Ingest: each reader, each rejection reason, batches that go on past bad documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flashpoint.config import Settings
from flashpoint.errors import IngestError
from flashpoint.ingest import article_from_text, iter_sources, known_suffixes, read_path
from flashpoint.records import Article

from conftest import INGEST_FIXTURES

ENGLISH = ("Fighting broke out between the army and rebels near the town on Monday, and at "
           "least four people were killed, according to a local official who spoke to reporters.")


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def rejection(path: Path, settings: Settings | None = None) -> str:
    items = list(iter_sources([path], settings=settings))
    assert len(items) == 1 and isinstance(items[0], IngestError), items
    return items[0].reason


def test_txt_with_headers() -> None:
    [article] = read_path(INGEST_FIXTURES / "with_headers.txt")
    assert article.title == "Clashes reported near Kidal"
    assert article.published == date(2024, 3, 5)
    assert article.published_basis == "metadata"
    assert article.source_name == "Example Wire"
    assert article.url == "https://example.org/news/kidal-clashes"
    assert article.text.startswith("Fighting broke out")
    assert article.id == Article.make_id(article.text, article.url)


def test_txt_with_only_a_title_line_uses_the_argument_date() -> None:
    [article] = read_path(INGEST_FIXTURES / "title_only.txt", published=date(2024, 1, 2))
    assert article.title == "Protest in the capital"
    assert article.text.startswith("Hundreds of people")
    assert (article.published, article.published_basis) == (date(2024, 1, 2), "argument")


def test_without_any_date_falls_back_to_today() -> None:
    [article] = read_path(INGEST_FIXTURES / "nested" / "plain.txt")
    assert article.title is None and article.url is None
    assert (article.published, article.published_basis) == (date.today(), "ingest_date")
    assert article.id == Article.make_id(article.text)


def test_metadata_date_wins_over_argument() -> None:
    [article] = read_path(INGEST_FIXTURES / "with_headers.txt", published=date(2020, 1, 1))
    assert article.published == date(2024, 3, 5)


def test_bad_published_header_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", f"Title: x\nPublished: last week\n\n{ENGLISH}")
    assert "not a date" in rejection(path)


def test_html_main_text_and_metadata() -> None:
    [article] = read_path(INGEST_FIXTURES / "article.html")
    assert "drone strike hit a vehicle" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.title and "Drone strike kills three" in article.title
    assert article.published == date(2024, 2, 3)
    assert article.source_name == "Daily Example"


def test_jsonl_good_lines_survive_bad_ones() -> None:
    items = list(iter_sources([INGEST_FIXTURES / "batch.jsonl"]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(articles) == 2 and len(errors) == 2
    first = articles[0]
    assert (first.title, first.source_name, first.published) == (
        "Police post attacked", "Example Wire", date(2024, 1, 7))
    assert first.origin and first.origin.endswith("batch.jsonl:1")
    assert errors[0].origin.endswith(":2") and "malformed JSON" in errors[0].reason
    assert errors[1].origin.endswith(":3") and '"text"' in errors[1].reason


def test_read_path_raises_the_first_error() -> None:
    with pytest.raises(IngestError, match="malformed JSON"):
        read_path(INGEST_FIXTURES / "batch.jsonl")


def test_directory_is_recursive_sorted_and_deterministic() -> None:
    first = [i.origin for i in iter_sources([INGEST_FIXTURES])]
    second = [i.origin for i in iter_sources([INGEST_FIXTURES])]
    assert first == second
    names = [Path(str(o).split(".jsonl:")[0]).name for o in first]
    assert names[0] == "article.html" and "plain.txt" in names
    assert len(first) == 8  # html, 4 jsonl records, plain, title_only, with_headers


def test_unknown_suffix_lists_known_ones(tmp_path: Path) -> None:
    reason = rejection(write(tmp_path, "a.docx", ENGLISH))
    assert "unknown file type '.docx'" in reason
    for suffix in (".txt", ".html", ".jsonl"):
        assert suffix in reason and suffix in known_suffixes()


def test_missing_path(tmp_path: Path) -> None:
    assert "no such file" in rejection(tmp_path / "nope.txt")


@pytest.mark.parametrize("content", ["", "   \n\n", "Title: only a title\n"])
def test_empty_document(tmp_path: Path, content: str) -> None:
    assert "empty document" in rejection(write(tmp_path, "e.txt", content))


def test_shorter_than_min_chars(tmp_path: Path) -> None:
    path = write(tmp_path, "short.txt", "Two killed.")
    assert "min_chars" in rejection(path, Settings(min_chars=50))


def test_binary_nul_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "b.txt", b"PK\x03\x04\x00\x00binary" * 20)
    assert "binary" in rejection(path)


def test_binary_mostly_control_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "c.txt", bytes(range(1, 32)) * 20)
    assert "binary" in rejection(path)


def test_too_large_is_checked_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", ENGLISH * 10)
    assert "too large" in rejection(path, Settings(max_bytes=100))


def test_utf8_bom_and_clean_cp1252_are_accepted(tmp_path: Path) -> None:
    text = "The minister\u2019s office said the caf\u00e9 was hit. " + ENGLISH
    bom = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    cp = write(tmp_path, "cp.txt", text.encode("cp1252"))
    assert read_path(bom)[0].text == text
    assert read_path(cp)[0].text == text


def test_mis_encoded_is_rejected(tmp_path: Path) -> None:
    # 0x81 and 0x8d are undefined in cp1252 and invalid as UTF-8 here
    path = write(tmp_path, "bad.txt", ENGLISH.encode() + b" \x81\x8d\x90 " + ENGLISH.encode())
    assert "not valid UTF-8" in rejection(path)


def test_french_is_not_english(tmp_path: Path) -> None:
    text = ("Des affrontements ont eu lieu entre l'armée et les rebelles près de la ville, et "
            "au moins quatre personnes ont été tuées selon un responsable local qui a parlé "
            "avec la presse pour la première fois depuis le début de la crise dans le nord.")
    reason = rejection(write(tmp_path, "fr.txt", text))
    assert "not English" in reason and "French" in reason


def test_arabic_script_is_not_english(tmp_path: Path) -> None:
    text = "قتل ثلاثة أشخاص في غارة جوية على مدينة الميادين في شرق سوريا يوم الجمعة " * 3
    reason = rejection(write(tmp_path, "ar.txt", text))
    assert "not English" in reason and "Arabic" in reason


def test_batch_goes_on_after_bad_documents(tmp_path: Path) -> None:
    good1 = write(tmp_path, "1.txt", ENGLISH)
    bad = write(tmp_path, "2.txt", b"\x00\x01\x02")
    good2 = write(tmp_path, "3.txt", "Title: t\n" + ENGLISH.replace("Monday", "Tuesday"))
    items = list(iter_sources([good1, bad, tmp_path / "missing.txt", good2]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "IngestError", "IngestError", "Article"]


def test_article_from_text_checks_and_dates() -> None:
    article = article_from_text(ENGLISH, published=date(2024, 5, 6))
    assert (article.published, article.published_basis) == (date(2024, 5, 6), "argument")
    assert article_from_text(ENGLISH).published_basis == "ingest_date"
    with pytest.raises(IngestError, match="empty"):
        article_from_text("  ")


def test_same_text_same_id(tmp_path: Path) -> None:
    a = read_path(write(tmp_path, "a.txt", ENGLISH))[0]
    b = read_path(write(tmp_path, "b.txt", "  " + ENGLISH.upper() + "\n"))[0]
    assert a.id == b.id

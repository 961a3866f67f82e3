"""The one spaCy pass: model loading errors and the dateline splitter."""

from __future__ import annotations

import pytest

from flashpoint.errors import ModelNotFoundError
from flashpoint.nlp import DATELINE_COMPONENT, load_model


def test_missing_model_names_the_fix() -> None:
    with pytest.raises(ModelNotFoundError, match="nlp.model"):
        load_model("no_such_model_xyz")


@pytest.mark.model
@pytest.mark.parametrize(
    "text, first_sentence",
    [
        ("BAMAKO — A Malian army drone struck fighters near Gao.", "BAMAKO —"),
        ("GOMA, Democratic Republic of Congo — Armed men raped five women.",
         "GOMA, Democratic Republic of Congo —"),
        ("KYIV (Reuters) - Russian drones hit the city overnight.", "KYIV (Reuters) -"),
    ],
)
def test_dateline_is_its_own_sentence(nlp, text: str, first_sentence: str) -> None:
    assert DATELINE_COMPONENT in nlp.pipe_names
    sents = [s.text for s in nlp(text).sents]
    assert sents[0] == first_sentence
    assert len(sents) == 2


@pytest.mark.model
def test_dash_inside_a_sentence_is_not_a_dateline(nlp) -> None:
    text = "The U.S.-led coalition - which has 60 members - struck a depot."
    assert len(list(nlp(text).sents)) == 1

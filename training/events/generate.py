"""Generate labelled synthetic event sentences for the sentence model (deterministic).

Usage: python training/events/generate.py [--seed 13] [--per-type 260] [--out PATH]

Every row follows the shared corpus format (training/README.md): one to three sentences of
news-like prose, an ACLED sub-event type or "NONE" (with the kind of negative), the exact
actor substrings, the event's killed/injured counts and "source": "synthetic". Templates
are written here from the ACLED codebook's definitions; no gold evaluation data was read.
Same seed, same file.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

# --- slot fillers -----------------------------------------------------------------------

COUNTRIES = ["Nigerian", "Malian", "Syrian", "Iraqi", "Afghan", "Somali", "Yemeni", "Sudanese",
             "Ethiopian", "Congolese", "Burkinabe", "Pakistani", "Indian", "Filipino",
             "Colombian", "Mexican", "Ukrainian", "Russian", "Israeli", "Turkish", "Libyan",
             "Cameroonian", "Mozambican", "Myanmar", "Kenyan", "Egyptian", "Nigerien"]
STATE_UNITS = ["troops", "soldiers", "security forces", "army", "police", "military",
               "special forces", "government forces", "paramilitary police", "border guards"]
REBELS = ["rebels", "insurgents", "the New People's Army", "FARC dissidents", "the ELN",
          "Houthi rebels", "M23 rebels", "separatist fighters", "Tigrayan forces",
          "the Kachin Independence Army", "Ambazonian separatists", "the Taliban",
          "Islamic State fighters", "al-Shabaab militants", "Boko Haram militants",
          "JNIM fighters", "jihadists", "ISWAP fighters", "Maoist insurgents",
          "the Arakan Army", "SPLA-IO forces", "anti-government fighters"]
MILITIAS = ["a local militia", "Fulani militiamen", "a Mai-Mai militia", "Iran-backed militiamen",
            "pro-government militiamen", "vigilantes", "Imbonerakure members",
            "Wagner Group mercenaries", "an ethnic militia", "Dozo hunters",
            "members of a communal militia", "party supporters", "armed herders"]
GUNMEN = ["gunmen", "unidentified gunmen", "armed men", "suspected bandits", "assailants",
          "unknown attackers", "men on motorbikes", "masked gunmen", "a gang of armed men"]
CIVILIANS = ["villagers", "civilians", "farmers", "a local chief", "a journalist", "a teacher",
             "worshippers", "a family of five", "travellers", "displaced people", "traders",
             "a village head", "a human rights activist", "students", "women collecting firewood",
             "a local councillor", "miners", "fishermen", "aid workers", "a priest"]
PROTESTERS = ["protesters", "demonstrators", "hundreds of students", "opposition supporters",
              "workers", "teachers", "farmers", "residents", "women's groups", "traders",
              "thousands of people", "health workers", "taxi drivers", "lawyers", "activists"]
RIOTERS = ["rioters", "an angry mob", "a mob", "youths", "residents", "a crowd", "angry villagers"]
TOWNS = ["Gao", "Maiduguri", "Idlib", "Mosul", "Kunduz", "Mogadishu", "Marib", "El Fasher",
         "Beni", "Djibo", "Peshawar", "Srinagar", "Marawi", "Cauca", "Culiacan", "Bakhmut",
         "Jenin", "Sirte", "Bamenda", "Mocimboa da Praia", "Sittwe", "Mandera", "Arish",
         "Tillaberi", "Kidal", "Deir ez-Zor", "Kandahar", "Baidoa", "Bunia", "Kaduna",
         "Zamfara", "Lahore", "Imphal", "Cotabato", "Tumaco", "Kharkiv", "Hebron", "Benghazi",
         "Sanaa", "Taiz", "Goma", "Ouagadougou", "Menaka", "Quetta", "Dhaka", "Nairobi",
         "Santiago", "La Paz", "Lagos", "Kampala", "Yangon", "Bangui", "Juba", "Malakal"]
REGIONS = ["the north-east", "the border area", "the southern province", "a nearby village",
           "the outskirts of the city", "the central region", "a rural district"]
WHEN = ["on March 3", "on 14 June", "this week", "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "late on Sunday", "early on Tuesday", "overnight", "on Friday night",
        "yesterday", "on Thursday morning", "last night"]
SAID = ["the ministry of defence said", "a rights group said", "the local press reported",
        "according to the United Nations", "according to a military source", "police said", "officials said", "a local official said", "residents said",
        "the army said in a statement", "state media reported", "witnesses said",
        "a security source said", "according to local media", "a spokesman said",
        "according to a monitoring group", "the governor said", "a hospital source said"]
NUMS = ["two", "three", "four", "five", "six", "seven", "eight", "10", "12", "15", "20", "23"]
NUMVAL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def num_value(word: str) -> int:
    return NUMVAL.get(word) or int(word)


# --- templates ----------------------------------------------------------------------------
# {a1} actor1, {a2} actor2, {t} town, {w} when, {s} attribution, {k} killed count,
# {i} injured count. Each template is (text, has_killed, has_injured).

T = dict[str, list[str]]

EVENT_TEMPLATES: T = {
    "Armed clash": [
        "Heavy fighting between {a1} and {a2} was reported in {t} {w}; {k} combatants died.",
        "{a1} and {a2} fought for several hours in the hills near {t}, {s}.",
        "{k} soldiers and an unknown number of militants were killed in a gun battle in {t} {w}.",
        "{a1} launched an offensive against {a2} positions around {t} {w}, triggering fierce clashes.",
        "A firefight erupted when {a1} raided a hideout of {a2} in {t} {w}, {s}.",
        "{a1} clashed with {a2} near {t} {w}, leaving {k} fighters dead, {s}.",
        "Fighting broke out between {a1} and {a2} in {t} {w}, {s}.",
        "{a1} exchanged fire with {a2} outside {t} {w}; {k} people were killed.",
        "At least {k} people died in heavy fighting between {a1} and {a2} in {t}, {s}.",
        "{a1} ambushed a patrol of {a2} near {t} {w}, sparking a gunfight that lasted hours.",
        "{a1} repelled an attack by {a2} on their base in {t} {w}, {s}.",
        "Clashes between {a1} and {a2} around {t} killed {k} {w}.",
        "{a1} engaged {a2} in a firefight near {t}, {s}.",
        "{a1} attacked an army checkpoint in {t} {w}, and {a2} returned fire, killing {k} of the attackers.",
        "Battles raged {w} between {a1} and {a2} for control of roads around {t}.",
    ],
    "Government regains territory": [
        "{a1} said {w} that {t} had been cleared of {a2} after a week-long operation.",
        "{a1} pushed {a2} out of {t} and restored government control, {s}.",
        "The army announced the recapture of {t} from {a2} {w}.",
        "{a1} recaptured {t} from {a2} {w}, {s}.",
        "{a1} retook control of {t} after days of fighting with {a2}.",
        "{a1} said they had regained control of {t}, driving out {a2} {w}.",
        "{t} was liberated by {a1} {w} after {a2} withdrew, {s}.",
        "{a1} recovered the town of {t} from {a2} in an offensive {w}.",
    ],
    "Non-state actor overtakes territory": [
        "{a1} stormed {t} {w} and now control the town, {s}.",
        "{a1} claimed {w} to have captured several villages around {t} from {a2}.",
        "{a2} fled as {a1} took control of the district of {t}, {s}.",
        "{a1} seized control of {t} {w} after {a2} withdrew, {s}.",
        "{a1} captured the town of {t} from {a2} {w}.",
        "{a1} overran an army base in {t} {w} and took control of the town, {s}.",
        "{t} fell to {a1} {w} after fighting with {a2}.",
        "{a1} took over {t} and raised their flag over the district headquarters {w}.",
    ],
    "Chemical weapon": [
        "Residents of {t} reported the smell of chlorine after {a1} bombed the area {w}.",
        "{k} people died of suffocation after a poison gas attack on {t}, {s}.",
        "Inspectors said mustard gas had been used against {a2} in {t}.",
        "{a1} used chlorine gas against {a2} in {t} {w}, {s}.",
        "A suspected chemical attack by {a1} on {t} killed {k} people {w}, {s}.",
        "Dozens suffered breathing problems after {a1} dropped canisters of toxic gas on {t}.",
        "{a1} were accused of using sarin against {a2} in {t} {w}.",
    ],
    "Air/drone strike": [
        "An air raid on {t} {w} killed {k} {a2}, {s}.",
        "The coalition said its aircraft struck {a2} targets near {t} {w}.",
        "{a1} bombed a {a2} training camp near {t} from the air {w}, killing {k}.",
        "A drone attack hit a vehicle carrying {a2} leaders on the outskirts of {t}, {s}.",
        "Air strikes by {a1} hit {a2} positions near {t} {w}, killing {k}, {s}.",
        "A drone strike by {a1} killed {k} {a2} in {t} {w}.",
        "Warplanes of {a1} bombed {t} {w}, {s}.",
        "{a1} carried out an airstrike on a {a2} hideout near {t}, {s}.",
        "{k} people were killed when a drone operated by {a1} struck a vehicle in {t} {w}.",
        "Jets flown by {a1} pounded {a2} targets around {t} {w}, killing {k}.",
        "An unmanned aerial vehicle operated by {a1} hit a compound used by {a2} in {t}, {s}.",
        "Helicopter gunships of {a1} strafed {a2} fighters near {t} {w}.",
        "A US air strike targeted {a2} near {t} {w}, {s}.",
    ],
    "Suicide bomb": [
        "A man wearing an explosives belt blew himself up among worshippers in {t} {w}, {s}.",
        "A suicide attacker rammed an explosives-laden truck into a military base in {t} {w}.",
        "{k} people were killed in a suicide blast at a wedding in {t}, {s}.",
        "A suicide bomber from {a1} blew himself up at a market in {t} {w}, killing {k}, {s}.",
        "{k} people were killed when a suicide car bomb exploded near a checkpoint in {t}.",
        "A female suicide bomber detonated her explosive vest at a mosque in {t} {w}, {s}.",
        "{a1} claimed a suicide attack on {a2} in {t} that killed {k}.",
        "A suicide bombing targeting {a2} in {t} {w} left {k} dead and {i} wounded.",
    ],
    "Shelling/artillery/missile attack": [
        "Shelling by {a1} killed {k} civilians in {t} {w}, {s}.",
        "{a2} positions near {t} came under heavy artillery bombardment {w}.",
        "A ballistic missile fired by {a1} hit {t} {w}, {s}.",
        "Shells fired from {a1} positions landed in a residential area of {t}, wounding {i}.",
        "{a1} shelled {t} {w}, killing {k} civilians, {s}.",
        "Artillery fire by {a1} hit residential areas of {t} {w}, {s}.",
        "{a1} fired rockets at {t} {w}, wounding {i} people.",
        "Mortar shells fired by {a1} landed near a school in {t}, killing {k}, {s}.",
        "A missile launched by {a1} struck an apartment building in {t} {w}.",
        "{a1} pounded {a2} positions in {t} with artillery {w}.",
        "{k} people died when mortar rounds fell on a market in {t}, {s}.",
        "Rocket fire from {a1} targeted a military base near {t} {w}.",
    ],
    "Remote explosive/landmine/IED": [
        "{k} {a2} were killed when their vehicle struck a mine near {t} {w}.",
        "A remotely detonated bomb exploded as a military patrol passed through {t}, {s}.",
        "An explosion caused by an improvised bomb killed {k} people at a bus station in {t} {w}.",
        "A roadside bomb killed {k} {a2} near {t} {w}, {s}.",
        "An improvised explosive device exploded under a vehicle carrying {a2} in {t} {w}.",
        "{k} people were killed when their bus hit a landmine near {t}, {s}.",
        "A car bomb exploded outside a police station in {t} {w}, wounding {i}.",
        "{a1} detonated a bomb targeting {a2} on the road to {t} {w}.",
        "An IED planted by {a1} hit a military convoy near {t}, killing {k} {a2}.",
        "A bomb hidden in a motorcycle went off at a busy market in {t} {w}, {s}.",
        "A blast from an explosive device killed {k} {a2} in {t} {w}.",
    ],
    "Grenade": [
        "A grenade exploded at a bus stop in {t} {w}, injuring {i} people, {s}.",
        "Militants lobbed a grenade at a security vehicle in {t}, wounding {i} {a2}.",
        "{a1} hurled a grenade at {a2} in {t} {w}, wounding {i}, {s}.",
        "A grenade attack on a police post in {t} injured {i} {a2} {w}.",
        "{a1} threw a hand grenade into a crowded bar in {t}, killing {k}.",
        "Unknown attackers lobbed a grenade at the house of {a2} in {t} {w}, {s}.",
    ],
    "Sexual violence": [
        "{a1} sexually abused {k} girls during an attack on {t}, {s}.",
        "A woman was raped by {a1} at a checkpoint near {t} {w}.",
        "{a1} raped {k} women in {t} {w}, {s}.",
        "A girl was sexually assaulted by {a1} in {t} {w}, {s}.",
        "{a1} were accused of gang-raping {a2} during a raid on {t}.",
        "Women in {t} said they were raped by {a1} who stormed the village {w}.",
    ],
    "Attack": [
        "{a1} opened fire on a bus carrying {a2} near {t} {w}, killing {k}.",
        "{a2} was shot dead at his home in {t} by {a1} {w}, {s}.",
        "{k} {a2} were killed when {a1} raided their village near {t} {w}.",
        "{a1} executed {k} {a2} in {t}, {s}.",
        "{a1} ambushed and killed {k} {a2} on the road to {t} {w}.",
        "{a1} killed {k} {a2} in {t} {w}, {s}.",
        "{a1} attacked {a2} in {t} {w}, killing {k}, {s}.",
        "{k} {a2} were shot dead by {a1} in {t} {w}.",
        "{a1} stormed a village near {t} {w} and opened fire on {a2}, killing {k}.",
        "{a2} was stabbed to death by {a1} in {t} {w}, {s}.",
        "{a1} massacred {k} {a2} in {t}, {s}.",
        "The bodies of {k} {a2} killed by {a1} were found in {t} {w}.",
        "{a1} set fire to houses and killed {k} {a2} in a raid on {t} {w}.",
        "{a1} hacked {k} {a2} to death with machetes in {t}, {s}.",
        "{a1} shot and wounded {a2} in {t} {w}, {s}.",
        "An attack by {a1} on {a2} in {t} left {k} dead and {i} injured.",
        "{a1} beat {a2} to death in {t} {w}.",
    ],
    "Abduction/forced disappearance": [
        "{a1} kidnapped {k} {a2} who were travelling to {t} {w}, {s}.",
        "{a2} have been missing since they were abducted by {a1} in {t} {w}.",
        "{a1} seized {k} {a2} and took them to an unknown location, {s}.",
        "{a1} abducted {k} {a2} in {t} {w}, {s}.",
        "{a1} kidnapped {a2} from their homes in {t} {w}.",
        "{k} {a2} were seized by {a1} on the road to {t}, {s}.",
        "{a1} took {a2} hostage during a raid on {t} {w}.",
        "{a2} went missing after being taken away by {a1} in {t}, {s}.",
        "The kidnapping of {k} {a2} by {a1} near {t} {w} was confirmed by {s_who}.",
    ],
    "Peaceful protest": [
        "{a1} gathered outside the parliament in {t} {w} chanting slogans against the government.",
        "{a1} went on strike in {t} {w} to demand unpaid salaries, {s}.",
        "A candlelight vigil was held in {t} {w} for victims of police violence.",
        "{a1} protested in {t} {w} against the arrest of their leader, {s}.",
        "{a1} staged a rally in {t} {w} in support of the army.",
        "{a1} marched through {t} {w} to demand higher wages, {s}.",
        "Hundreds of {a1} rallied peacefully in {t} {w} against the new tax.",
        "{a1} staged a sit-in outside the governor's office in {t} {w}.",
        "{a1} demonstrated in {t} {w} to protest against power cuts.",
        "{a1} held a protest in front of parliament in {t} {w} calling for the minister's resignation.",
        "{a1} blocked a road in {t} {w} to protest the killing of a colleague.",
        "A peaceful demonstration by {a1} took place in {t} {w}, {s}.",
        "{a1} went on a hunger strike in {t} to demand the release of detained leaders.",
        "Thousands took to the streets of {t} {w} to denounce corruption.",
    ],
    "Protest with intervention": [
        "Police fired tear gas to disperse {a1} demonstrating peacefully in {t} {w}, {s}.",
        "Security forces arrested {k} {a1} taking part in a protest in {t} {w}.",
        "Police baton-charged {a1} staging a sit-in in {t} {w}, {s}.",
        "Authorities broke up a peaceful rally by {a1} in {t} {w} and detained its organisers.",
        "Police dispersed {a1} with tear gas in {t} {w}, {s}.",
        "{a2} broke up a demonstration by {a1} in {t} {w} and arrested {k} of them.",
        "Riot police fired water cannon at {a1} protesting in {t} {w}.",
        "{a1} marching in {t} were stopped by {a2}, who detained several organisers.",
        "Security forces used rubber bullets to disperse {a1} gathered in {t} {w}.",
    ],
    "Excessive force against protesters": [
        "Security forces fired live ammunition at {a1} in {t} {w}, killing {k}, {s}.",
        "{k} {a1} were shot dead by police during a peaceful demonstration in {t} {w}.",
        "Police beat unarmed {a1} with batons in {t} {w}, seriously injuring {i}.",
        "Police opened fire on {a1} in {t} {w}, killing {k}, {s}.",
        "{a2} shot dead {k} peaceful {a1} in {t} {w}.",
        "Soldiers fired live rounds at {a1} protesting in {t}, killing {k} and wounding {i}.",
        "{k} {a1} were killed when security forces fired on a peaceful march in {t} {w}.",
    ],
    "Violent demonstration": [
        "{a1} pelted police with stones in {t} {w}; officers responded with tear gas, {s}.",
        "Protesters blocked roads with burning tyres and attacked vehicles in {t} {w}.",
        "Demonstrators stormed and ransacked the district office in {t} {w}, {s}.",
        "{a1} protesting against fuel prices set fire to a bank in {t} {w}.",
        "Protesters clashed with security forces in {t} {w}, injuring {i} police officers.",
        "{a1} threw stones at police and burned tyres in {t} {w}, {s}.",
        "Protesters set fire to a police station in {t} {w} after the death of a youth.",
        "{a1} clashed with police in {t} {w}, torching cars and looting shops.",
        "Angry {a1} vandalised government offices in {t} {w}, {s}.",
        "Rioting {a1} attacked the governor's residence in {t} {w} to protest the election result.",
        "Violent protests erupted in {t} {w} as {a1} pelted security forces with rocks.",
    ],
    "Mob violence": [
        "A mob set fire to a suspected thief in {t} {w}, {s}.",
        "Clashes between rival youth groups armed with sticks and machetes left {k} dead in {t} {w}.",
        "{a1} attacked a police station in {t} to free a detained relative {w}.",
        "Angry residents lynched {k} suspected kidnappers in {t} {w}, {s}.",
        "{a1} lynched a suspected thief in {t} {w}, {s}.",
        "{a1} beat a man to death in {t} {w} after accusing him of witchcraft.",
        "Rival groups of {a1} fought with machetes in {t} {w}, leaving {k} dead.",
        "{a1} burned down the homes of {a2} in {t} {w}, {s}.",
        "{a1} attacked {a2} in {t} over a land dispute {w}, injuring {i}.",
    ],
    "Agreement": [
        "{a1} and {a2} agreed {w} to a ceasefire around {t}, {s}.",
        "{a2} freed {k} hostages {w} under an agreement with {a1}.",
        "Representatives of {a1} and {a2} signed a deal in {t} to end hostilities.",
        "{a1} and {a2} signed a ceasefire agreement in {t} {w}, {s}.",
        "The government and {a2} agreed to a truce {w} after talks in {t}.",
        "{a1} and {a2} exchanged prisoners in {t} {w} under a deal brokered by elders.",
        "A peace deal between {a1} and {a2} was signed in {t} {w}.",
        "{a1} released {k} captives as part of a prisoner swap with {a2} {w}, {s}.",
    ],
    "Arrests": [
        "{a1} detained {k} people in {t} {w} for allegedly collaborating with {a2}.",
        "Police arrested {k} demonstrators' leaders at their homes in {t} {w}, {s}.",
        "An opposition politician was arrested by {a1} in {t} {w}.",
        "{a1} arrested {k} suspected members of {a2} in {t} {w}, {s}.",
        "{a1} detained an opposition leader in {t} {w}.",
        "{k} people were arrested by {a1} in {t} {w} on charges of supporting {a2}.",
        "{a1} rounded up {k} youths in a raid on {t} {w}, {s}.",
        "A journalist was taken into custody by {a1} in {t} {w}.",
        "{a1} apprehended a suspected commander of {a2} near {t}, {s}.",
    ],
    "Change to group/activity": [
        "{a1} ordered all schools in {t} closed {w} after threats by {a2}.",
        "{k} members of {a1} laid down their arms and surrendered in {t} {w}.",
        "{a1} announced it was suspending its operations in {t} {w}, {s}.",
        "{a1} began recruiting fighters in villages around {t}, {s}.",
        "{a1} announced a new leader {w} after the death of its chief, {s}.",
        "{a1} imposed a curfew on {t} {w}.",
        "{a1} declared a state of emergency in {t} {w}, {s}.",
        "{a1} relocated their headquarters from {t} {w}.",
        "{k} fighters of {a1} surrendered to the army in {t} {w}, {s}.",
        "{a1} split into two factions {w}, {s}.",
        "{a1} banned all public gatherings in {t} {w}.",
    ],
    "Disrupted weapons use": [
        "{a1} found and defused an improvised explosive device on the road to {t} {w}.",
        "{a1} intercepted {k} drones launched by {a2} towards {t} {w}, {s}.",
        "A planned bomb attack in {t} was foiled when {a1} detonated the device safely {w}.",
        "{a1} defused a bomb planted near a school in {t} {w}, {s}.",
        "{a1} seized a cache of weapons and explosives in {t} {w}.",
        "Bomb disposal experts safely detonated an explosive device found in {t} {w}.",
        "{a1} shot down a drone launched by {a2} over {t} {w}, {s}.",
        "Air defences of {a1} intercepted a missile fired at {t} {w}.",
        "{a1} foiled a suicide bomb attack in {t} {w} by arresting the bomber.",
    ],
    "Headquarters or base established": [
        "{a1} built a new camp on the outskirts of {t} {w}, {s}.",
        "{a1} set up a command post in a school in {t} {w}.",
        "{a1} set up a new base in {t} {w}, {s}.",
        "{a1} established a military outpost near {t} {w}.",
        "{a1} opened a headquarters in {t} {w}, {s}.",
    ],
    "Looting/property destruction": [
        "{a1} plundered a market in {t} {w}, {s}.",
        "{a1} burned {k} houses in {t} {w}.",
        "{a1} blew up a bridge near {t} {w}, {s}.",
        "{a1} looted shops and burned houses in {t} {w}, {s}.",
        "{a1} destroyed a telecommunications mast in {t} {w}.",
        "{a1} torched a school in {t} {w}, {s}.",
        "{a1} stole livestock from {a2} in {t} {w}.",
        "{a1} vandalised a church in {t} {w}, {s}.",
        "{a1} burned down the local health centre in {t} {w}.",
    ],
    "Non-violent transfer of territory": [
        "{a2} peacefully handed over {t} to {a1} {w}, {s}.",
        "{a1} entered {t} unopposed {w} after {a2} left the town.",
        "{a2} withdrew from {t} {w} and handed the town over to {a1} without a fight, {s}.",
        "{a1} took over {t} {w} after {a2} pulled out, {s}.",
        "{a2} handed over control of the base in {t} to {a1} {w}.",
    ],
    "Other": [
        "{a1} and {a2} exchanged warning fire across the border near {t} {w}.",
        "{k} bodies were found in a mass grave near {t} {w}, {s}.",
        "{a1} fired warning shots over {t} {w}, {s}.",
        "A mass grave containing {k} bodies was discovered in {t} {w}, {s}.",
        "{a1} carried out a hostile buzzing of a vessel of {a2} off {t} {w}.",
        "An unexplained explosion destroyed an arms depot of {a1} near {t} {w}.",
    ],
}

STATE = [f"{c} {u}" for c in COUNTRIES for u in STATE_UNITS]


# Which actor pools play actor1/actor2 for each sub-type.
ROLES: dict[str, tuple[str, str]] = {
    "Armed clash": ("state|rebel|militia", "rebel|militia|state"),
    "Government regains territory": ("state", "rebel"),
    "Non-state actor overtakes territory": ("rebel|militia", "state|militia"),
    "Chemical weapon": ("state", "rebel|civilian"),
    "Air/drone strike": ("state", "rebel|militia"),
    "Suicide bomb": ("rebel", "state|civilian"),
    "Shelling/artillery/missile attack": ("state|rebel", "rebel|state"),
    "Remote explosive/landmine/IED": ("rebel", "state|civilian"),
    "Grenade": ("gunmen|rebel", "civilian|state"),
    "Sexual violence": ("state|rebel|militia|gunmen", "civilian"),
    "Attack": ("gunmen|rebel|militia|state", "civilian"),
    "Abduction/forced disappearance": ("gunmen|rebel|militia", "civilian"),
    "Peaceful protest": ("protester", "state"),
    "Protest with intervention": ("protester", "state"),
    "Excessive force against protesters": ("protester", "state"),
    "Violent demonstration": ("rioter", "state"),
    "Mob violence": ("rioter|militia", "civilian"),
    "Agreement": ("state|rebel", "rebel|militia"),
    "Arrests": ("state", "rebel|militia"),
    "Change to group/activity": ("rebel|state|militia", "state"),
    "Disrupted weapons use": ("state", "rebel"),
    "Headquarters or base established": ("rebel|state|militia", "state"),
    "Looting/property destruction": ("rebel|militia|gunmen|rioter", "civilian"),
    "Non-violent transfer of territory": ("state|rebel", "rebel|militia"),
    "Other": ("state|rebel", "state|rebel"),
}

NEGATIVE_TEMPLATES: T = {
    "crime": [
        "Police in {t} arrested a man {w} for selling fake medicines, {s}.",
        "A businessman was robbed at gunpoint in {t} {w} by thieves who fled with cash.",
        "A man killed his wife in a domestic dispute in {t} {w}, {s}.",
        "Drug gang members were charged with extortion in {t} {w}.",
        "A man was arrested in {t} {w} for stealing a car from a parking lot, {s}.",
        "Fraudsters cheated a businessman in {t} out of $20,000, {s}.",
        "A drug trafficker was sentenced to 10 years in prison in {t} {w}.",
        "Customs officers seized 200 kilograms of cocaine at the port of {t} {w}.",
        "A bank employee in {t} was charged with embezzling public funds.",
        "Burglars broke into a jewellery shop in {t} {w} and escaped with gold worth millions.",
        "A court in {t} convicted {k} men of money laundering {w}.",
        "Police in {t} busted a counterfeit currency racket {w}, {s}.",
    ],
    "disaster": [
        "Lightning struck a school in {t} {w}, injuring {i} pupils.",
        "An explosion at a fuel depot in {t} killed {k} workers {w}, {s}.",
        "Heavy rains triggered floods that swept away houses in {t}.",
        "Floods killed {k} people in {t} {w} after days of heavy rain, {s}.",
        "An earthquake of magnitude 6.1 struck near {t} {w}, killing {k}.",
        "A fire at a textile factory in {t} killed {k} workers {w}, {s}.",
        "{k} people died when a bus plunged into a ravine near {t} {w}.",
        "A gas cylinder explosion in a restaurant in {t} injured {i} people {w}.",
        "A landslide buried {k} homes in {t} {w}, {s}.",
        "A boat carrying migrants capsized off {t} {w}, leaving {k} dead.",
        "A building collapsed in {t} {w}, killing {k} people, {s}.",
        "Cholera has killed {k} people in {t} this month, health officials said.",
        "A train derailed near {t} {w}, injuring {i} passengers.",
    ],
    "diplomacy": [
        "The government expelled two diplomats {w} in a row over espionage, {s}.",
        "The prime minister held talks with the visiting president in {t} {w}.",
        "The foreign minister met his counterpart in {t} {w} to discuss trade and security.",
        "The president arrived in {t} {w} for a two-day state visit, {s}.",
        "The two countries agreed to reopen their embassies {w}, {s}.",
        "The ambassador was summoned to the foreign ministry in {t} {w} over remarks by the prime minister.",
        "Leaders of the regional bloc held a summit in {t} {w}.",
        "The United Nations envoy called for calm in {t} {w}.",
    ],
    "politics": [
        "Parliament passed a new budget {w}, {s}.",
        "The ruling party nominated its candidate for the presidential election {w}.",
        "The opposition leader announced {w} that he would run for governor of {t}.",
        "Voters in {t} went to the polls {w} in a calm atmosphere, {s}.",
        "The cabinet approved a bill on local government reform {w}.",
        "The minister resigned {w} after a corruption scandal, {s}.",
    ],
    "metaphor": [
        "Lawmakers launched an attack on the finance minister's plan {w}.",
        "The mayor of {t} said the city was under siege from rising rents.",
        "The striker hit the crossbar twice before scoring the winning goal.",
        "Markets in {t} were bombarded with cheap imports this year, traders said.",
        "The striker fired a shot past the keeper to kill off the game in {t} {w}.",
        "The opposition launched a blistering attack on the government's budget {w}.",
        "Critics say the new policy is a bombshell for small businesses in {t}.",
        "The senator came under fire {w} for his comments about refugees.",
        "The company's shares were hammered on the stock exchange {w}, {s}.",
        "The battle for the title is heating up after the champions lost in {t} {w}.",
        "Prices exploded in {t} {w} after the currency collapsed.",
        "The minister shot down the proposal during a heated debate in parliament {w}.",
        "The singer's new album is a killer, fans in {t} said.",
        "Lawmakers clashed over the bill in a stormy session {w}.",
        "The party's campaign was torpedoed by infighting, analysts said.",
        "The coach said his team would fight to the end for a place in the final.",
    ],
    "anniversary": [
        "Residents of {t} marked {w} the tenth anniversary of the massacre in which {k} people died.",
        "Survivors gathered in {t} {w} to remember the victims of the 2015 bombing.",
        "A memorial service was held in {t} {w} for those killed in the attack a year ago.",
        "{w}, the city commemorated the soldiers who died defending {t} in 1944.",
    ],
    "threat": [
        "{a1} threatened to storm {t} unless the army withdrew.",
        "The group warned of more attacks in {t}, {s}.",
        "{a1} threatened to attack {t} if the government did not release its prisoners.",
        "{a1} warned {w} that it would strike military targets in {t}.",
        "The army vowed to crush {a1} in {t}, {s}.",
        "{a1} said it would kill any soldier who entered {t}.",
        "Officials fear that {a1} could launch new attacks on {t} in the coming weeks.",
    ],
    "plan": [
        "{a1} plan to hold a march in {t} next week to demand reforms.",
        "The government intends to deploy troops to {t} next month.",
        "Opposition parties called for nationwide protests next Friday, {s}.",
        "Unions said they would strike from next Monday unless wages are raised.",
        "{a1} are preparing an offensive to retake {t}, {s}.",
    ],
    "hypothetical": [
        "If fighting resumes in {t}, thousands of civilians could be forced to flee.",
        "Analysts said a military strike on {t} would risk a wider war.",
        "An attack on the dam near {t} could kill thousands, engineers warned.",
        "Had the bomb exploded, dozens could have died, {s}.",
    ],
    "denial": [
        "The ministry denied that any protesters had been killed in {t} {w}.",
        "{a1} denied {w} that they had carried out any air strikes near {t}.",
        "The army rejected reports that its soldiers killed civilians in {t}, {s}.",
        "Police said no one was arrested in {t} {w}, contrary to social media posts.",
        "{a1} said it had no involvement in the bombing in {t}.",
    ],
    "exercise": [
        "{a1} held live-fire military exercises near {t} {w}, {s}.",
        "The navy conducted drills off {t} {w} to test its readiness.",
        "Troops practised urban combat in a training exercise in {t} {w}.",
        "{a1} test-fired a new ballistic missile {w}, {s}.",
        "A mock evacuation drill was held at the airport in {t} {w}.",
    ],
    "review": [
        "The play, staged in {t} {w}, depicts a village massacred by soldiers.",
        "The film tells the story of a soldier who kills {k} insurgents in {t}.",
        "In the novel, rebels storm the capital and execute the president.",
        "The documentary about the bombing of {t} premiered at the festival {w}.",
        "The new war drama, set in {t}, features spectacular battle scenes.",
        "In the video game, players lead a squad of special forces on raids.",
    ],
    "sports": [
        "{t} United beat their rivals 3-1 {w} to go top of the league.",
        "The boxer knocked out his opponent in the third round in {t} {w}.",
        "The national team crushed the visitors in {t} {w}, {s}.",
        "The sprinter shot to victory in the 100 metres in {t} {w}.",
        "Fans celebrated in the streets of {t} after the team won the cup.",
    ],
    "economy": [
        "Inflation rose to 15 percent in {w}, the central bank said.",
        "The government raised fuel prices in {t} {w}, {s}.",
        "Exports of cocoa fell sharply this year, traders in {t} said.",
        "A new factory opened in {t} {w}, creating 500 jobs.",
        "The currency lost a third of its value against the dollar {w}.",
    ],
    "past_total": [
        "The conflict has killed more than 500,000 people since 2011, {s}.",
        "More than {k},000 people have died in the insurgency over the past decade.",
        "The war has displaced millions of people since it began, {s}.",
        "Violence in the region has claimed thousands of lives in recent years.",
    ],
    "other": [
        "{a1} deployed additional troops to {t} {w}, {s}.",
        "The army said it was pursuing the attackers near {t}.",
        "{a1} reinforced their positions around {t} {w}.",
        "Security was tightened in {t} {w} ahead of the holiday, {s}.",
        "The court in {t} sentenced {k} men {w} for their role in a 2016 bombing.",
        "The trial of the suspected militants opened in {t} {w}, {s}.",
        "The army chief visited troops in {t} {w} to boost morale.",
        "Humanitarian groups said {w} that the ceasefire was largely holding in {t}.",
        "Aid agencies delivered food to displaced families in {t} {w}, {s}.",
        "Schools reopened in {t} {w} after the holidays.",
        "The health ministry launched a vaccination campaign in {t} {w}.",
        "A report published {w} said hunger was rising in {t}.",
        "Refugees returning to {t} said they needed help to rebuild their homes.",
    ],
}
NEGATIVE_ACTOR = "state|rebel|militia|protester"


def pools() -> dict[str, list[str]]:
    return {"state": STATE, "rebel": REBELS, "militia": MILITIAS, "gunmen": GUNMEN,
            "civilian": CIVILIANS, "protester": PROTESTERS, "rioter": RIOTERS}


def pick_actor(rng: random.Random, spec: str) -> str:
    kind = rng.choice(spec.split("|"))
    return rng.choice(pools()[kind])


def cap(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def fill(rng: random.Random, template: str, roles: tuple[str, str]) -> dict[str, object]:
    """One filled template with the values it used."""
    a1, a2 = pick_actor(rng, roles[0]), pick_actor(rng, roles[1])
    while a2 == a1:
        a2 = pick_actor(rng, roles[1])
    k, i = rng.choice(NUMS), rng.choice(NUMS)
    values = {"a1": a1, "a2": a2, "t": rng.choice(TOWNS + REGIONS[:2]), "w": rng.choice(WHEN),
              "s": rng.choice(SAID), "k": k, "i": i, "s_who": "local officials"}
    text = cap(template.format(**values))
    return {"text": text, "a1": a1 if "{a1}" in template else None,
            "a2": a2 if "{a2}" in template else None,
            "killed": num_value(k) if "{k}" in template else None,
            "injured": num_value(i) if "{i}" in template else None}


def actor_span(text: str, actor: object) -> str | None:
    """The actor as it appears in the text (its first letter may be capitalised)."""
    if not isinstance(actor, str):
        return None
    if actor in text:
        return actor
    return cap(actor) if cap(actor) in text else None


def row(rng: random.Random, n: int, template: tuple[str, str], label: str,
        roles: tuple[str, str], negative: str | None) -> dict[str, object]:
    """One labelled row; its id names the template ("s-00042-Attack-3") so that a held-out
    split can keep whole templates apart."""
    got = fill(rng, template[1], roles)
    text = str(got["text"])
    if rng.random() < 0.25:  # a second, neutral sentence as context
        text += " " + rng.choice(CONTEXT).format(t=rng.choice(TOWNS))
    out: dict[str, object] = {"id": f"s-{n:05d}-{template[0]}", "text": text, "label": label}
    if negative:
        out["negative"] = negative
    out.update({"actor1": actor_span(text, got["a1"]), "actor2": actor_span(text, got["a2"]),
                "killed": None if negative else got["killed"],
                "injured": None if negative else got["injured"], "source": "synthetic"})
    return out


CONTEXT = ["The area has seen repeated violence this year.", "Further details were not available.",
           "{t} lies about 100 km from the capital.", "No group has claimed responsibility.",
           "The situation remained tense on Tuesday.", "Authorities have opened an investigation."]


def pick(rng: random.Random, name: str, templates: list[str]) -> tuple[str, str]:
    """A template and its tag (the name without spaces or slashes, and its number)."""
    number = rng.randrange(len(templates))
    tag = "".join(c for c in name.split("/")[0] if c.isalnum())
    return f"{tag}{number}", templates[number]


def generate(seed: int, per_type: int, per_negative: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for label, templates in EVENT_TEMPLATES.items():
        for _ in range(per_type):
            rows.append(row(rng, len(rows), pick(rng, label, templates), label, ROLES[label],
                            None))
    for negative, templates in NEGATIVE_TEMPLATES.items():
        for _ in range(per_negative):
            rows.append(row(rng, len(rows), pick(rng, negative, templates), "NONE",
                            (NEGATIVE_ACTOR, NEGATIVE_ACTOR), negative))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--per-type", type=int, default=260)
    parser.add_argument("--per-negative", type=int, default=190)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("synthetic.jsonl"))
    args = parser.parse_args()
    rows = generate(args.seed, args.per_type, args.per_negative)
    with args.out.open("w", encoding="utf-8") as handle:
        for item in rows:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()

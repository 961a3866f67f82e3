"""The ACLED event taxonomy as data: 6 event types, 25 sub-event types (exact spellings).

Spellings follow the ACLED Codebook (2023). `event_type_of` maps a sub-event type to its
event type; `SUB_EVENT_TYPES` keeps the codebook order, which tests and exports rely on.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

BATTLES: Final = "Battles"
EXPLOSIONS: Final = "Explosions/Remote violence"
VAC: Final = "Violence against civilians"
PROTESTS: Final = "Protests"
RIOTS: Final = "Riots"
STRATEGIC: Final = "Strategic developments"

EVENT_TYPES: Final[tuple[str, ...]] = (BATTLES, EXPLOSIONS, VAC, PROTESTS, RIOTS, STRATEGIC)

# sub-event type constants, so callers never retype a spelling
ARMED_CLASH: Final = "Armed clash"
GOV_REGAINS: Final = "Government regains territory"
NSA_OVERTAKES: Final = "Non-state actor overtakes territory"
CHEMICAL: Final = "Chemical weapon"
AIR_STRIKE: Final = "Air/drone strike"
SUICIDE_BOMB: Final = "Suicide bomb"
SHELLING: Final = "Shelling/artillery/missile attack"
IED: Final = "Remote explosive/landmine/IED"
GRENADE: Final = "Grenade"
SEXUAL_VIOLENCE: Final = "Sexual violence"
ATTACK: Final = "Attack"
ABDUCTION: Final = "Abduction/forced disappearance"
PEACEFUL_PROTEST: Final = "Peaceful protest"
PROTEST_INTERVENTION: Final = "Protest with intervention"
EXCESSIVE_FORCE: Final = "Excessive force against protesters"
VIOLENT_DEMO: Final = "Violent demonstration"
MOB_VIOLENCE: Final = "Mob violence"
AGREEMENT: Final = "Agreement"
ARRESTS: Final = "Arrests"
CHANGE_GROUP: Final = "Change to group/activity"
DISRUPTED_WEAPONS: Final = "Disrupted weapons use"
HQ_ESTABLISHED: Final = "Headquarters or base established"
LOOTING: Final = "Looting/property destruction"
TERRITORY_TRANSFER: Final = "Non-violent transfer of territory"
OTHER: Final = "Other"

TAXONOMY: Final = MappingProxyType(
    {
        BATTLES: (ARMED_CLASH, GOV_REGAINS, NSA_OVERTAKES),
        EXPLOSIONS: (CHEMICAL, AIR_STRIKE, SUICIDE_BOMB, SHELLING, IED, GRENADE),
        VAC: (SEXUAL_VIOLENCE, ATTACK, ABDUCTION),
        PROTESTS: (PEACEFUL_PROTEST, PROTEST_INTERVENTION, EXCESSIVE_FORCE),
        RIOTS: (VIOLENT_DEMO, MOB_VIOLENCE),
        STRATEGIC: (
            AGREEMENT,
            ARRESTS,
            CHANGE_GROUP,
            DISRUPTED_WEAPONS,
            HQ_ESTABLISHED,
            LOOTING,
            TERRITORY_TRANSFER,
            OTHER,
        ),
    }
)

SUB_EVENT_TYPES: Final[tuple[str, ...]] = tuple(s for subs in TAXONOMY.values() for s in subs)

_PARENT: Final = MappingProxyType({s: t for t, subs in TAXONOMY.items() for s in subs})

# Sub-event types that are political violence (used for confidence and grouping).
VIOLENT_TYPES: Final = frozenset((BATTLES, EXPLOSIONS, VAC, RIOTS))


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type of a sub-event type; KeyError (with the known names) if unknown."""
    try:
        return _PARENT[sub_event_type]
    except KeyError:
        known = ", ".join(SUB_EVENT_TYPES)
        raise KeyError(f"unknown ACLED sub-event type {sub_event_type!r}; known: {known}") from None


def is_sub_event_type(name: str) -> bool:
    return name in _PARENT


def sub_event_types_of(event_type: str) -> tuple[str, ...]:
    """The sub-event types of one event type, in codebook order."""
    try:
        return TAXONOMY[event_type]
    except KeyError:
        raise KeyError(
            f"unknown ACLED event type {event_type!r}; known: {', '.join(EVENT_TYPES)}"
        ) from None


# --- families: which sub-event types can describe one event ----------------------------

VIOLENCE_FAMILY: Final = frozenset(
    TAXONOMY[BATTLES] + TAXONOMY[EXPLOSIONS] + TAXONOMY[VAC]
    + (MOB_VIOLENCE, LOOTING)
)
PROTEST_FAMILY: Final = frozenset(TAXONOMY[PROTESTS] + (VIOLENT_DEMO, ARRESTS))


def family(sub_event_type: str) -> str:
    """"violence", "protest", or the sub-event type itself (its own family)."""
    if sub_event_type in VIOLENCE_FAMILY:
        return "violence"
    if sub_event_type in PROTEST_FAMILY:
        return "protest"
    return sub_event_type


# Strategic types reported together as one event ("arrested five men and seized rifles").
COMPANIONS: Final = frozenset({frozenset({ARRESTS, DISRUPTED_WEAPONS})})


# Reported after a violent event, these are part of the same operation ("troops seized
# rifles", "detained a group of men"): they join it and never change its type.
FOLLOWERS: Final = frozenset({ARRESTS, DISRUPTED_WEAPONS})


def compatible(a: str, b: str) -> bool:
    """Whether two sub-event types can describe one event (same family or companions)."""
    return a == b or family(a) == family(b) or frozenset({a, b}) in COMPANIONS


def follows(running: str, candidate: str) -> bool:
    """Whether `candidate` can join a running event of type `running` as a follow-up."""
    return candidate in FOLLOWERS and family(running) == "violence"


# --- cue-word lexicons (lemmas, lower case) ----------------------------------------------
# Data only: the words `flashpoint.coding.triggers` reads as signs of an event type, of a
# weapon, of an actor kind, or of a non-event (irrealis, sports, business, accidents).
# Extend a list here to teach the rules a new word; the logic lives in triggers.py.

AIR_WORDS: Final = frozenset({
    "air", "airstrike", "aerial", "warplane", "jet", "drone", "aircraft", "helicopter",
    "uav", "plane", "gunship", "bomber", "airforce", "air-strike", "airstrikes", "air-raid",
    "chopper", "warjet",
})
SHELL_WORDS: Final = frozenset({
    "rocket", "missile", "mortar", "artillery", "shell", "shelling", "barrage", "howitzer",
    "katyusha", "projectile", "cannon",
})
IED_WORDS: Final = frozenset({
    "ied", "roadside", "landmine", "mine", "explosive", "car", "vbied", "booby", "bomb",
    "device", "improvised", "parcel", "motorcycle",
})
CHEM_WORDS: Final = frozenset({"chemical", "chlorine", "sarin", "mustard", "nerve", "toxic",
                               "poison", "poisonous", "vx", "phosgene"})
CIVILIAN_WORDS: Final = frozenset({
    "civilian", "villager", "resident", "worshipper", "passenger", "farmer", "woman", "child",
    "student", "pupil", "teacher", "journalist", "family", "people", "market", "church",
    "mosque", "school", "hospital", "village", "home", "house", "herder", "pilgrim",
    "refugee", "camp", "shopkeeper", "trader", "civilians", "man", "girl", "boy", "doctor",
    "aid", "worker", "traveller", "motorist", "congregation", "displaced", "idp",
    "community", "hotel", "restaurant", "settlement", "bus", "shop", "guest", "tourist",
    # officials, clergy and civilian buildings: ACLED codes attacks on them as violence
    # against civilians, not as a clash
    "minister", "mayor", "judge", "magistrate", "politician", "candidate", "priest", "nun",
    "bishop", "archbishop", "jesuit", "businessman", "lawyer", "diplomat", "ambassador",
    "councilman", "councillor", "governor", "senator", "unionist", "bank", "store",
    "office", "factory", "embassy", "company",
})
MILITARY_TARGETS: Final = frozenset({
    "base", "troops", "soldier", "army", "convoy", "checkpoint", "post", "position",
    "barracks", "outpost", "military", "force", "police", "station", "patrol", "officer",
    "militia", "militant", "fighter", "rebel", "insurgent", "garrison", "unit", "terrorist",
    "jihadist", "extremist", "gunman", "gunmen", "militiaman", "airbase", "positions",
})
ARMED_AGENTS: Final = frozenset({
    "gunman", "gunmen", "militant", "attacker", "assailant", "bandit", "insurgent",
    "jihadist", "rebel", "militia", "militiaman", "fighter", "terrorist", "soldier",
    "troops", "army", "extremist", "raider", "group", "force", "police", "policeman",
    "guerrilla", "subversive", "commando", "paramilitary", "hitman", "kidnapper",
})
STATE_AGENTS: Final = frozenset({
    "army", "troops", "soldier", "military", "government", "regime", "police", "force",
    "forces", "marine", "navy", "gendarmerie", "sdf",
})
NONSTATE_AGENTS: Final = frozenset({
    "rebel", "militant", "insurgent", "jihadist", "militia", "fighter", "group", "gunman",
    "gunmen", "terrorist", "extremist", "taliban", "faction", "bandit", "gang",
})
PROTESTER_WORDS: Final = frozenset({
    "protester", "protestor", "demonstrator", "marcher", "crowd", "rally", "protest",
    "demonstration", "activist", "student",
})
TERRITORY_WORDS: Final = frozenset({
    "town", "city", "village", "district", "base", "area", "territory", "region", "province",
    "capital", "airport", "border", "crossing", "hill", "neighbourhood", "neighborhood",
    "control", "port", "outskirts", "county", "locality", "camp", "stronghold", "enclave",
})
LABOUR_WORDS: Final = frozenset({
    "worker", "union", "teacher", "nurse", "doctor", "employee", "general", "hunger",
    "labour", "labor", "staff", "driver", "miner", "wage", "pay", "strikers",
})
# governors that make a trigger irrealis: threats, plans, warnings, calls, deterrence ...
IRREALIS_GOVERNORS: Final = frozenset({
    "threaten", "threat", "plan", "warn", "warning", "call", "urge", "vow", "pledge",
    "intend", "seek", "aim", "deter", "deterrence", "prevent", "avoid", "fear", "consider",
    "propose", "prepare", "want", "risk", "possibility", "prospect", "danger", "demand",
    "plot", "order", "allow", "must", "need", "hope", "wish", "expect", "likelihood",
    "rehearse", "simulate", "ready", "capable", "capability", "able", "deny", "refrain",
    "halt", "stop", "end", "ban", "condemn", "retaliate", "restriction", "prohibit",
    "prohibitory", "permission", "permit", "schedule", "easy", "easier", "describe",
    "try", "rumour", "rumor", "postpone", "defer", "cancel", "abandon",
})
MODALS: Final = frozenset({"could", "would", "may", "might", "should", "will", "can", "must",
                           "shall", "'d", "'ll"})
DRILL_WORDS: Final = frozenset({"drill", "exercise", "manoeuvre", "maneuver", "simulation",
                                "rehearsal", "mock", "simulated", "war-game", "wargame"})
RECALL_WORDS: Final = frozenset({"anniversary", "commemorate", "commemoration", "remembrance",
                                 "previously", "ago"})
OFF_DOMAIN: Final = frozenset({
    "title", "match", "league", "cup", "championship", "season", "team", "player", "coach",
    "goal", "tournament", "olympic", "olympics", "box-office", "film", "movie", "actor",
    "actress", "album", "song", "fan", "streaming", "studio", "ratings", "boxing", "chess",
    "company", "companies", "firm", "operator", "subscriber", "customer", "revenue",
    "bowling", "luck", "lucky", "investor", "stock", "shares", "profit", "supermarket",
    "retailer", "brand", "consumer", "earnings", "box", "sequel", "premiere", "striker",
    "midfielder", "referee", "knockout", "semifinal", "final",
})
# where "shelling", "attack" or "battle" is a political metaphor unless violence is named
POLITICAL_ARENA: Final = frozenset({
    "parliament", "debate", "senate", "congress", "applause", "speech", "interview",
    "campaign", "rival", "lawmaker", "mp", "candidate", "opponent", "tweet", "verbal",
    "scathing", "broadside", "criticism",
})
VIOLENCE_ANCHORS: Final = frozenset({
    "kill", "dead", "death", "wound", "injure", "injured", "casualty", "gun", "gunman",
    "gunmen", "bomb", "rocket", "missile", "troops", "soldier", "militant", "militia",
    "rebel", "insurgent", "army", "military", "weapon", "shoot", "shot", "fire", "police",
    "body", "corpse", "hostage", "civilian", "explosion", "airstrike",
})
METAPHOR_COLLOCATIONS: Final = (
    ("price", "war"), ("trade", "war"), ("battle", "title"), ("box", "battle"),
    ("strike", "luck"), ("lucky", "strike"), ("legal", "battle"), ("court", "battle"),
    ("battle", "cancer"), ("custody", "battle"), ("ratings", "battle"),
)
STRIKE_IDIOM_OBJECTS: Final = frozenset({
    "deal", "balance", "chord", "tone", "note", "pose", "agreement", "bargain", "match",
    "gold", "oil", "figure", "compromise", "nerve", "blow", "fear",
})
ATTACK_HEADS: Final = frozenset({
    "attack", "strike", "raid", "bombing", "bomb", "blast", "explosion", "explode",
    "detonate", "bomber", "assault", "ambush", "massacre",
})
NON_ATTACK_HEADS: Final = frozenset({
    "defuse", "intercept", "dismantle", "disposal", "squad", "threat", "scare", "shelter",
    "hoax", "sniffer", "detector", "shoot", "case", "trial", "verdict", "accused", "convict",
    "probe", "investigation", "suspect", "accuse",
})
ACCIDENT_WORDS: Final = frozenset({
    "plant", "factory", "boiler", "furnace", "container", "leak", "leakage", "warehouse",
    "crash", "accident", "cylinder", "pipeline", "refinery", "fertilizer", "fertiliser",
    "firework", "fireworks", "industrial", "laborer", "labourer", "worker", "cooking",
    "tanker", "reactor", "mine", "coal", "methane", "accidental", "accidentally",
})
ATTACK_CUES: Final = frozenset({
    "bomb", "attack", "militant", "terrorist", "suicide", "ied", "gunman", "gunmen", "insurgent",
    "bomber", "claim", "responsibility", "jihadist", "rebel", "target", "explosive", "device",
})
TERRITORY_VERBS: Final = frozenset({"recapture", "retake", "regain", "liberate", "seize",
                                    "capture", "overrun", "take", "storm", "control", "free",
                                    "occupy", "establish", "recover", "gain"})
REGAIN_VERBS: Final = frozenset({"recapture", "retake", "regain", "liberate", "free",
                                 "recover"})
PROPERTY_WORDS: Final = frozenset({
    "house", "home", "shop", "car", "vehicle", "building", "property", "church", "mosque",
    "school", "office", "market", "village", "hut", "store", "properties", "crop", "farm",
    "granary", "livestock", "business", "stall", "truck",
})
VIOLENT_ACTS: Final = frozenset({"torch", "stone", "hurl", "throw", "pelt", "smash", "vandalize",
                                 "vandalise", "ransack", "burn", "attack", "storm", "loot"})
MISSILES_THROWN: Final = frozenset({"rock", "stone", "bottle", "molotov", "cocktail", "petrol",
                                    "brick", "firebomb", "firecracker", "projectile", "window",
                                    "car", "vehicle", "tyre", "tire", "building", "office"})
HQ_WORDS: Final = frozenset({"base", "headquarters", "outpost", "camp", "point", "post",
                             "barracks", "garrison", "stronghold", "office"})
WEAPON_OBJECTS: Final = frozenset({
    "weapon", "arm", "ammunition", "explosive", "device", "ied", "mine", "landmine", "grenade",
    "rocket", "missile", "mortar", "gun", "rifle", "pistol", "firearm", "bullet", "cartridge",
    "cache", "stash", "depot", "munition", "tnt", "detonator", "drone", "bomb", "vbied",
    "ammo", "round", "rpg", "launcher", "shell", "projectile", "kalashnikov", "ak-47",
})
DISRUPT_VERBS: Final = frozenset({
    "seize", "capture", "confiscate", "recover", "find", "discover", "destroy",
    "defuse", "dismantle", "uncover", "unearth", "intercept", "neutralize", "neutralise",
    "detonate", "foil", "thwart", "impound", "locate", "retrieve", "down",
})
# governors that make an event word the topic of a claim, an accusation or a diplomatic
# measure ("claimed responsibility for the attack", "sanctions over the nerve agent attack")
ATTRIBUTION_GOVERNORS: Final = frozenset({
    "responsibility", "responsible", "accuse", "accusation", "allegation", "blame",
    "sanction", "expel", "expulsion",
})
DISASTER_WORDS: Final = frozenset({
    "earthquake", "quake", "tremor", "flood", "flooding", "cyclone", "hurricane", "storm",
    "tsunami", "landslide", "typhoon", "tornado", "wildfire", "drought", "eruption", "volcano",
    "avalanche", "mudslide", "lightning",
})
# verbs that narrate a fresh incident; a definite or plural event noun in a sentence with none
# of them is a reference to known violence ("relief for victims of the riots")
NARRATIVE_VERBS: Final = frozenset({
    "kill", "injure", "wound", "die", "hurt", "explode", "detonate", "erupt", "occur",
    "shoot", "fire", "arrest", "detain", "clash", "break", "launch", "carry", "stage",
    "target", "hit", "strike", "attack", "flee", "pound",
})
# nouns of collective violence that news often names as background ("after the riots")
REFERENCE_NOUNS: Final = frozenset({
    "riot", "rioting", "violence", "carnage", "unrest", "massacre", "killing", "attack",
    "bombing", "blast", "agitation", "clash", "pogrom", "mayhem",
})
# verbs whose object is an event already known, not a report of it ("justifying the riots")
REACTION_VERBS: Final = frozenset({
    "control", "contain", "justify", "investigate", "probe", "discuss", "debate", "follow",
    "recall", "remember", "mention", "overcome", "survive", "witness", "blame",
    "decry", "denounce", "deplore", "mourn",
})
# a party to armed conflict in the sentence: an agreement among them is a strategic event
CONFLICT_WORDS: Final = frozenset({
    "rebel", "militia", "insurgent", "armed", "war", "conflict", "fighting", "hostilities",
    "militant", "guerrilla", "army", "military", "faction", "combatant", "taliban",
    "soldier", "troops", "rebellious", "mutineer", "mutiny", "fighter", "separatist",
})
REFERENCE_PREPS: Final = frozenset({
    "after", "following", "since", "during", "over", "about", "on", "behind", "for", "of",
    "by", "to", "in", "from", "against", "into", "before", "amid", "despite",
    "notwithstanding", "due", "because",
})
# words the rules in triggers.py read for vehicles, non-territory objects, expulsions,
# lethal force and protest policing
VEHICLE_WORDS: Final = frozenset({"vehicle", "car", "bus", "minibus", "truck", "lorry", "van",
                                  "convoy", "tractor", "motorcycle"})
# what "take/seize control of" can govern that is no territory
NOT_TERRITORY: Final = frozenset({
    "situation", "crisis", "matter", "affair", "economy", "party", "company", "board",
    "process", "agenda", "budget", "government", "ministry", "sector", "inflation",
    "pandemic", "fire", "blaze", "spread", "outbreak", "team", "game", "narrative", "life",
})
PUSHBACK_VERBS: Final = frozenset({"drive", "push", "expel", "oust", "dislodge", "flush",
                                   "purge", "evict", "repel"})
LETHAL_FORCE: Final = frozenset({"violently", "brutally", "excessive", "kill", "dead", "die",
                                  "death", "killing"})
INTERVENTION_WORDS: Final = frozenset({
    "disperse", "tear", "cannon", "baton", "rubber", "teargas", "pepper", "suppress",
    "crackdown", "break", "drag", "pepper-spray",
})

# --- words of the rules in triggers.py (kept here so the logic stays short) ---------------
FIRE_VERBS: Final = frozenset({
    "fire", "launch", "land", "hit", "strike", "fall", "slam", "rain", "explode", "kill",
    "target", "use", "drop", "impact", "pound", "shoot",
})
CLASH_WORDS: Final = frozenset({"clash", "gunfight", "firefight", "shootout", "skirmish",
                                "fighting", "gunbattle", "crossfire"})
FIND_VERBS: Final = frozenset({"find", "discover", "uncover", "exhume", "unearth", "locate",
                               "report", "identify"})
PLAN_WORDS: Final = frozenset({"plan", "order", "strategy", "warrant", "contract", "project",
                               "programme", "program", "scheme"})
# sexual violence: words that say it alone, and words that say it with "sexual(ly)"
SEXUAL_VIOLENCE_WORDS: Final = frozenset({"rape", "gang-rape", "molest", "molestation",
                                          "grope", "sodomize", "sodomise"})
SEXUAL_QUALIFIED: Final = frozenset({"violence", "assault", "abuse", "attack", "harass",
                                     "harassment", "exploit", "exploitation", "slavery"})
# nouns of setting fire to property: "an arson attack", "a campaign of torching"
ARSON_NOUNS: Final = frozenset({"arson", "torching", "firebombing"})
# unarmed parties whose fights are mob violence ("villagers clashed with sticks")
COMMUNAL_PARTIES: Final = frozenset({"villager", "resident", "mob", "neighbour", "neighbor",
                                     "family"})
# what an army deploys or dispatches: a change to its activity
MILITARY_UNITS: Final = frozenset({"troops", "troop", "soldier", "army", "reinforcement", "convoy",
                                   "battalion", "brigade", "tank", "military", "division"})
# a side leaving a place; with none of FIGHT_WORDS, the place changes hands peacefully
WITHDRAW_VERBS: Final = frozenset({"withdraw", "withdrawal", "pull", "evacuate", "handover"})
FIGHT_WORDS: Final = frozenset({"clash", "fight", "fighting", "battle", "attack", "assault",
                                "offensive", "shelling", "shell", "kill", "airstrike", "storm",
                                "strike", "bombardment", "counterattack", "push"})
# what a protest does when it turns violent: "descended / erupted / degenerated into violence"
TURN_VERBS: Final = frozenset({"descend", "turn", "erupt", "degenerate", "spiral", "escalate",
                               "dissolve", "break"})
# verbs of taking a place: with a withdrawal and no fighting, the place was handed over
TAKEOVER_VERBS: Final = frozenset({"enter", "take", "control", "seize", "capture", "occupy",
                                   "assume", "hand", "deploy", "move"})
# people (not weapons) captured: the capture is an arrest
CAPTURED_PERSONS: Final = frozenset({"commander", "leader", "member", "militant", "suspect",
                                     "fighter", "terrorist", "insurgent", "rebel", "chief",
                                     "operative", "kingpin", "emir", "man", "men"})
# nouns for people who can be detained ("police nabbed two youths", "were held for rioting")
DETAINED_PERSONS: Final = CAPTURED_PERSONS | frozenset({
    "person", "people", "youth", "activist", "accused", "student", "woman", "boy", "villager",
    "resident", "protester", "rioter", "supporter", "worker", "culprit", "criminal", "accomplice",
    "miscreant", "smuggler", "gangster", "official", "journalist", "others", "individual",
    "teenager", "shopkeeper", "trader", "driver", "palestinian", "civilian", "dozen", "dozens",
    "hundred", "hundreds", "scores",
})
# the law a person is booked under ("booked under section 302 of the IPC")
LEGAL_WORDS: Final = frozenset({"section", "act", "ipc", "law", "charge", "provision", "code",
                                "article", "crpc", "tada", "pota", "nsa", "uapa"})
# armed groups and their parts: formed, founded or set up, a change to group/activity
GROUP_NOUNS: Final = frozenset({"militia", "group", "brigade", "unit", "battalion",
                                "organisation", "organization", "movement", "wing", "faction",
                                "network", "cell", "branch"})
# phrasal and regional verbs of arrest (read with a state agent or a law named)
ARREST_VERBS: Final = frozenset({"nab", "catch", "pick", "hold", "book", "take"})
# people held for crossing borders: immigration enforcement, not a political arrest
MIGRANT_WORDS: Final = frozenset({"migrant", "immigrant", "asylum", "smuggler", "trafficker",
                                  "stowaway"})
# a place handed over ("handed authority over", "ceded control"): a non-violent transfer
HANDOVER_WORDS: Final = frozenset({"hand", "handover", "cede", "transfer"})

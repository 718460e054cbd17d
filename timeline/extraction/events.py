"""Event typing (ACLED's six types), fatalities and actor roles, from one sentence of news.

Everything here works on a sentence's text and the gazetteer hits inside it, by general
English news patterns: a trigger word decides the type; numbers next to "killed" / "dead" /
"shot dead" give the fatalities; the position of an actor relative to the trigger gives its
role (subject → actor1, object → actor2; "X, backed by Y" → associated; passive "… by X" turns
the roles round). Nothing is written for a particular article.

Type values are exactly ``timeline.models.EventType`` values (copied, since this package must
not import Django; a test checks they agree).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from timeline.extraction.types import ROLE_RANK, GazetteerHit

BATTLES = "battles"
EXPLOSIONS = "explosions_remote_violence"
VAC = "violence_against_civilians"
PROTESTS = "protests"
RIOTS = "riots"
STRATEGIC = "strategic_developments"
EVENT_TYPES = (BATTLES, EXPLOSIONS, VAC, PROTESTS, RIOTS, STRATEGIC)
LABELS = {
    BATTLES: "Battles",
    EXPLOSIONS: "Explosions/Remote violence",
    VAC: "Violence against civilians",
    PROTESTS: "Protests",
    RIOTS: "Riots",
    STRATEGIC: "Strategic developments",
}


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


# Trigger words per type. Order of the dict is the order of precedence when a sentence holds
# triggers of several types: ACLED codes a suicide bombing of a mosque as Explosions, a mob
# storming a building as Riots, an execution during a battle as Violence against civilians.
TRIGGERS: dict[str, re.Pattern[str]] = {
    RIOTS: _words(
        r"riot(?:s|ed|ers|ing)?(?! (?:police|squads?|gear|control|shields|units?|officers))",
        r"broke windows",
        r"smashed (?:furniture|windows|cars|shops)",
        r"torched",
        r"set fire to",
        r"ransack(?:ed|ing)",
        r"vandali[sz](?:ed|ing)",
        r"mob(?:s)? (?:attacked|stormed|burned)",
        r"loot(?:ed|ing|ers)",
        # stones and petrol bombs are a crowd's weapons: "hurled stones at each other"
        r"(?:hurled|threw|throwing|hurling|pelted|pelting) (?:[\w-]+ ){0,3}?(?:stones|rocks"
        r"|petrol bombs|Molotov cocktails|bottles)",
        r"(?:stone|rock)-throwing (?:[\w-]+ )?(?:youths|protesters|demonstrators|crowds?|mobs?"
        r"|men|students|supporters|villagers|residents)",
    ),
    EXPLOSIONS: _words(
        r"air ?strikes?",
        r"air raids?",
        r"bombing raids?",
        r"bombings?",
        r"bombed",
        r"bombard(?:ed|ing|ment)",
        r"car bomb(?:s|ings?)?(?= (?:blast|attacks?|exploded|went off|explosions?))",
        r"suicide (?:bomb(?:er|ers|ing|ings)?|attacks?|vehicles?|car)",
        r"suicide (?:car |truck )bomb(?:er|ers|ing|ings)?",
        r"(?:roadside )?bombs? (?:exploded|went off|blast)",
        # the weapon as the subject of the harm: "a roadside bomb killed four soldiers",
        # "three rockets struck the base", "mortar rounds landed near the embassy"
        r"(?:(?:roadside|car|truck|sticky|magnetic|parcel) )?bombs? (?:killed|wounded|injured"
        r"|struck|hit|targeted|tore through|ripped through|damaged|destroyed)",
        r"(?:rockets?|missiles?|mortar (?:rounds?|shells?|bombs?)|(?:artillery )?shells"
        r"|projectiles?|grenades?) (?:struck|slammed into|crashed into|fell|exploded|killed"
        r"|wounded|injured)",
        # "another strike on Sunday hit a military area", "the strike, which hit the house"
        r"(?:air ?)?strikes?,? (?:[\w-]+ ){0,3}?(?:hit|struck|targeted|destroyed)",
        # "25 of its fighters were killed and 50 wounded in the strikes on its headquarters"
        r"(?:killed|wounded|injured) (?:[\w-]+ ){0,4}?(?:in|by) (?:the |an? |[\w-]+ )?"
        r"(?:air ?)?strikes\b",
        r"(?:threw|hurled|lobbed) (?:a |two |several )?(?:hand )?grenades?",
        # "two rockets fired from Syria hit the town": the weapon, then where it came down
        r"(?:rockets?|missiles?|mortar rounds?|mortar shells?|shells?)"
        r"(?= (?:[\w'’.-]+ ){1,8}?(?:hit|struck|slammed into|landed|fell on|exploded|killed"
        r"|wounded))",
        r"grenade attacks?",
        r"(?:land ?)?mines? (?:exploded|blast|killed|wounded)",
        r"(?:stepped on|hit|struck) (?:a )?(?:land ?)?mine",
        r"IEDs?",
        r"improvised explosive devices?",
        r"explosions?",
        r"exploded",
        r"blasts?",
        r"shell(?:ed|ing)",
        r"mortars?",
        r"rockets? (?:fire|attacks?|strikes?|hit|landed)",
        r"(?:fired|firing|launched) (?:[\w-]+ ){0,5}?(?:missiles?|rockets?|mortar (?:rounds|shells)"
        r"|artillery shells)",
        r"missile (?:strikes?|attacks?)",
        r"drone (?:strikes?|attacks?)",
        r"artillery (?:fire|strikes?|barrage)",
        r"detonat(?:ed|ion|ing)",
        # "U.S. F-15E jets on Sunday struck five facilities": a day may stand between
        r"(?:warplanes?|aircraft|jets?|drones?|helicopters?|gunships?) (?:(?:early |late )?"
        r"(?:on )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day (?:night |morning )?|overnight )?"
        r"(?:also |then |again |had |have |has )?(?:struck|hit|opened fire|fired|bombed|pounded"
        r"|attacked|targeted|raided|rocketed|strafed|destroyed)",
        # "warplanes began striking ISIS positions", "artillery began pounding Ras al-Ain"
        r"(?:began|begun|started|resumed|continued) (?:striking|bombing|pounding|shelling"
        r"|bombarding|hitting|targeting)",
        r"c[oa]me under (?:heavy |intense |sustained )?(?:artillery|mortar|rocket|tank|shell)"
        r" (?:fire|attack)",
        # "F-16 jets took off from the Diyarbakir air base and struck targets near Hawar"
        r"(?:warplanes?|aircraft|jets|drones?|helicopters?|gunships?) (?:took off|flew) from "
        r"(?:[\w'’.-]+ ){1,6}?and (?:struck|hit|bombed|pounded|attacked|targeted|destroyed)",
        # "Russian warplanes carried out heavy strikes on ...", "jets conducted raids"
        r"(?:warplanes?|aircraft|jets|drones?|helicopters?|gunships?) (?:also |then |again )?"
        r"(?:carried out|conducted|launched|staged) (?:[\w-]+ ){0,3}?(?:strikes|raids?|sorties)",
        r"(?:struck|hit) by (?:an? )?(?:air ?strike|missile|rocket|drone)",
        # the weapon named as such: "a car bomb in the suburb killed", "killed by a car bomb"
        # (reported when a harm, a date or a verb of its own goes with it, as any event noun)
        r"(?:car|truck|roadside|suicide car|sticky|magnetic|parcel|barrel) bombs?",
        r"(?:helicopter|drone|missile|rocket|artillery|mortar) (?:strikes?|attacks?)",
        # ACLED codes a chemical weapon's use as remote violence
        r"(?:chemical|poison gas|gas|sarin|chlorine|nerve agent) (?:weapons? )?attacks?",
        r"(?:dropped|dropping) (?:[\w-]+ ){0,4}?(?:bombs|barrel bombs|bombs?|explosives)",
        r"blew (?:up|apart)",
        r"(?:carried out|conducted|launched|staged) (?:[\w-]+ ){0,4}?(?:air ?strikes|air raids"
        r"|bombing raids|drone strikes|missile strikes)",
        r"shot down",
        r"pound(?:ed|ing)",
    ),
    VAC: _words(
        r"execut(?:ed|ing|ion|ions)",
        r"massacr(?:e|ed|es|ing)",
        r"behead(?:ed|ing)",
        r"abduct(?:ed|ing|ion|ions)",
        r"kidnapp?(?:ed|ing)",
        r"murder(?:ed|ing|s)?",
        r"rap(?:ed|ing)",
        r"tortur(?:ed|ing)",
        r"(?:as|use (?:them|civilians) as) human shields",
        r"shot dead",
        # "seized 12 detainees … and shot them": those already in the gunmen's hands
        r"shot (?:them|him|her)(?! down)",
        r"lynch(?:ed|ing)",
    ),
    BATTLES: _words(
        r"clash(?:es|ed)?",
        r"fought",
        r"fighting",
        r"firefights?",
        r"gun ?battles?",
        r"battle(?:s|d)?",
        r"offensives?",
        r"counter-?offensives?",
        r"counter-?attacks?",
        r"assault(?:s|ed)?",
        r"attack(?:s|ed|ing)?",
        r"ambush(?:ed|es)?",
        r"overr[au]n",
        r"(?:re)?captur(?:ed|ing)",
        r"retook",
        r"retaken",
        r"seized",
        r"regained",
        r"storm(?:ed|ing)",
        r"besieged",
        r"repell?ed",
        r"pushed back",
        r"pushed (?:deeper )?into",
        r"(?:fought|battled) (?:their|its|his) way into",
        r"(?:drove|driven|thrown|beaten) (?:back|out)",
        # "drove the jihadists out of Kobane": the side driven out between
        r"drove (?:[\w'’()-]+ ){1,6}?out of",
        # "helped the army retake Qusayr", "spearheaded the capture of the town"
        r"help(?:ed)? (?:[\w'’-]+ ){0,4}?(?:retake|recapture|capture|take|seize|drive)",
        r"spearheaded (?:the |an? )?(?:[\w-]+ )?(?:capture|recapture|assault|offensive|attack)",
        r"(?:completed|tightened|closed) (?:the |its |their )?encirclement",
        r"(?:troops|forces|fighters|army|units|rebels|militants|militias?|militiamen) "
        r"(?:[\w-]+ ){0,2}?encircled",
        r"exchanged (?:[\w-]+ ){0,4}?fire",
        # (not people sent out of a country: "handed over and expelled.", "expelled the
        # ambassador")
        r"expelled(?! to\b)(?!\s*[.,;:])(?!(?: [\w'’-]+){0,3} (?:ambassadors?|envoys?|diplomats?"
        r"|journalists?|correspondents?|staff|detainees|nationals|citizens|workers)\b)",
        r"liberated",
        r"took (?:full |complete |total )?control",
        # "troops entered Amerli", "entered the town": coming into a place held by the other side
        r"entered(?= (?:the )?(?:(?:[\w-]+ ){0,2}(?:town|city|village|district|neighbou?rhood"
        r"|base|airport|camp|capital)\b|(?-i:[A-Z])))",
        r"broke through",
        r"(?:broke|lifted|ended|broken|lifting|breaking) (?:the|a|its) (?:[\w-]+ ){0,3}?siege",
        # "took the K-1 military base", "took the town of Hit": taking a named place
        r"(?:took|take|taking)(?= (?:the )?(?:(?:[\w-]+ )?(?:town|city|village|district|base"
        r"|airport|oil ?field|bridge|dam|hill|crossing) of )?(?:[\w-]+ )?(?-i:[A-Z]))",
        r"takeovers?",
        # "played a key role in the recapture of Tikrit in March 2015" (a noun: reported
        # with its own date or a verb that makes it happen)
        r"(?:re)?capture(?= of\b)",
        r"invasion",
        r"invaded",
        r"fell to",
        r"killed",
        r"wounded",
        r"opened fire",
        r"c[oa]me under (?:heavy |intense )?(?:fire|attack)",
        r"advanced",
        r"cleared",
        # a front moving up to a place: "reached the outskirts of the village of Tadef",
        # "pushed on toward the town", "linked up with the defenders"
        r"reached (?:the )?(?:(?:eastern|western|northern|southern|[\w-]+ern) )?(?:outskirts"
        r"|edges?|entrance|gates|cent(?:re|er)|heart|walls|perimeter) of",
        r"pushed on (?:toward|towards|to|into)",
        r"linked up with",
    ),
    PROTESTS: _words(
        r"protest(?:s|ed|ers|ing)?",
        r"demonstrat(?:ion|ions|ors|ed)",
        r"rall(?:y|ies|ied)",
        r"sit-ins?",
        r"(?:took|take|taking) to the streets",
        r"marched",
        r"(?:thousands|hundreds|dozens|crowds) (?:of [\w-]+ )?(?:more )?gathered",
        r"general strike",
        # ACLED's protest with intervention: "police fired tear gas at the crowd"
        r"(?:fired|firing|used|using) (?:[\w-]+ ){0,2}?(?:tear ?gas|water cannons?)",
    ),
    STRATEGIC: _words(
        r"arrest(?:ed|s)?",
        r"detain(?:ed|s)?",
        r"appoint(?:ed|ment)",
        r"withdr(?:ew|awn|awal)",
        # (not "pulled out 47 people" from their cars)
        r"pulled (?:out|back)"
        r"(?! (?:\d|(?:dozens|scores|hundreds) of|(?:the|their) (?:bodies|victims)))",
        r"retreat(?:ed)?",
        r"deploy(?:ed|ment)",
        r"summoned",
        r"ceasefire",
        r"truce",
        r"(?:signed|reached) an? (?:agreement|deal)",
        # "The 14-point agreement, reached on Saturday between …"
        r"(?:agreement|deal|accord)(?=,? (?:was |were )?(?:reached|signed|struck|concluded)\b)",
        r"ground to a halt",
        r"halted",
        r"announced",
        r"ordered",
        r"launched",
        r"began",
        r"handed over",
        r"took over",
        # Meetings, visits, new posts and bases, orders: ACLED's non-violent developments.
        r"visit(?:s|ed|ing)?",
        r"met with",
        r"held (?:[\w-]+ ){0,3}?talks",
        r"took command",
        r"hosted(?! by)",
        r"brokered (?:an? |the )?(?:[\w-]+ )?(?:deal|truce|ceasefire|cease-fire|agreement|talks)",
        r"issued (?:an? |the )?(?:[\w-]+ )?statement",
        r"declared (?:an? |the )?(?:state of emergency|curfew|ceasefire|truce|victory|war)",
        r"foiled",
        # (not "surrounded by kids": a state, not a siege)
        r"(?<!was )(?<!were )(?<!been )surrounded(?! by)",
        r"bulldoz(?:ed|ing)",
        r"(?:handed|transferred) (?:[\w-]+ ){0,3}?to (?:[\w-]+ )?control",
        r"held (?:an? |the )?(?:emergency |extraordinary |urgent )?(?:meeting|session|summit)",
        r"(?:was|were) seen(?= (?:at|in|near|on) )",
        r"accepted (?:his|her|the) resignation",
        r"(?:submitted|tendered|handed in) (?:his|her|their|its) resignation",
        # orders and decisions of a state or a leader: an ultimatum, a fatwa, a decree, a law,
        # a call to arms, strikes authorised, a curfew, a minister approved
        r"gave (?:[\w'’-]+ ){0,3}?(?:\d+|\w+) (?:hours|days) to",
        r"issued (?:an? |the |his |its )?(?:[\w-]+ )?(?:fatwa|decree|call to arms|ultimatum"
        r"|edict|order)",
        r"called on (?:[\w'’-]+ ){0,3}?to take up arms",
        r"passed (?:an? |the )?(?:[\w-]+ ){0,2}?(?:law|bill|resolution|motion)",
        r"authori[sz]ed (?:[\w-]+ ){0,2}?(?:air ?strikes|strikes|military action|the use of force"
        r"|operations?|the deployment)",
        r"approved (?:[\w'’.-]+ ){1,5}?as (?:the )?(?:new )?(?:[\w-]+ )?(?:minister|president"
        r"|governor|commander|chief|speaker)",
        r"(?:imposed|declared|announced) (?:an? |the )?(?:[\w-]+ ){0,2}?curfews?",
        r"curfews? (?:would be |will be |was |were |had been |has been )?(?:imposed|lifted)",
        r"(?:handed|transferred) (?:over )?(?:security |military )?(?:control|responsibility)"
        r" (?:of|for)",
        r"escaped (?:from )?(?:an? |the )?(?:[\w-]+ ){0,2}?(?:prison|jail|camp|detention)",
        # aid and arms flown in: "planes dropped food, water and medical supplies"
        r"(?:dropped|airdropped|air-dropped|delivered|flew in) (?:[\w'’,-]+ ){0,4}?(?:food|aid"
        r"|supplies|weapons|ammunition|bundles)",
        # a leader's presence, shown or walked: "walked through the centre of Tikrit",
        # "photographs showing Suleimani at the front"
        r"walked (?:through|around|along)",
        r"(?:photographs?|pictures?|images|video|footage) (?:[\w-]+ ){0,3}?show(?:ing|ed)"
        r"(?= (?-i:[A-Z]))",
        r"(?:rolled|crossed|moved) (?:across|over) the border",
        r"crossed into(?= (?:the )?(?:[\w-]+ ){0,4}?(?:town|city|country|territory|region"
        r"|(?-i:[A-Z])))",
        r"ended (?:[\w'’.-]+ ){0,3}?(?:mission|combat role|presence|occupation)",
        r"met (?:his|her|their|the) (?:[\w-]+ ){0,2}?(?:counterparts?|president|minister|leader"
        r"|envoy|delegation|ambassador)",
        r"declared (?:[\w'’-]+ ){0,4}?(?:mourning|illegal|unlawful|a terrorist organi[sz]ation"
        r"|[\"“]?liberated|free of)",
        r"vetoed",
        r"expelled (?:[\w'’-]+ ){0,3}?(?:ambassadors?|envoys?|diplomats?|journalists?"
        r"|correspondents?)",
        r"voted (?:[\w-]+ ){0,3}?(?:to|for|against|on|overwhelmingly)",
        r"adopted (?:a|the) (?:[\w-]+ )?resolution",
        r"(?:held|hold) (?:a |its )?referendum",
        r"met(?= (?:in|at) (?:the )?(?-i:[A-Z]))",
        r"signed",
        r"(?:named|appointed|nominated|installed) (?:\w+ ){0,3}as",
        r"replac(?:ed|es)",
        r"resign(?:ed|s)",
        r"(?:established|set up|opened|built)(?= (?:an? |the |its |their )?(?:[\w-]+ ){0,3}"
        r"(?:base|headquarters|command|cent(?:er|re)|office|camp|outpost|garrison|war room)s?\b)",
        r"(?:base|headquarters|command|cent(?:er|re)|office|camp|outpost|war room)s? "
        r"(?:that |which )?(?:\w+ )?(?:established|set up|opened|built)",
        r"instructed",
        # "agreed to a truce", "agreed to halt airstrikes", "agreed to let U.S. warplanes use
        # the base" (not "agreed to support the government": a pledge)
        # (or a new body: "agreed on August 7 to set up a joint operations centre")
        r"agreed (?:(?:late |early )?(?:on )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day |on "
        r"(?-i:[A-Z])[a-z]{2,8}\.? \d{1,2},? )?"
        r"(?:to|on) (?:an? |the )?(?:[\w-]+ )?(?:truce|ceasefire|cease-fire|deal|agreement"
        r"|halt|suspend|end|withdraw|pull out|exchange|release|hand over|let|allow|open|close"
        r"|set up|establish|form|create)",
        # a truce ended: "resumed last July, ending a two-year ceasefire"
        r"(?:ended|ending|broke|breaking|violated|violating) (?:an? |the |its |their )?"
        r"(?:[\w-]+ ){0,2}?(?:ceasefire|cease-fire|truce)",
        r"disarmed",
        # a flag raised over a taken place is ACLED's symbolic development
        r"(?:raised|hoisted|planted) (?:the|their|its|a) (?:[\w-]+ ){0,2}flag",
        # A person's presence somewhere, reported in the past: "the minister was in Baghdad".
        r"(?:was|were) (?:in|at)(?= (?-i:[A-Z]))",
        r"(?:sighted|spotted)(?= (?:in|at|near|on|outside|around) )",
        r"(?:arrived|landed) (?:in|at)(?= (?:the )?(?-i:[A-Z]))",
        # a journey to a named place: "travelled on Saturday to the Iranian city of Qom"
        r"(?:travell?ed|flew|headed)(?= (?:[\w-]+ ){0,3}?(?:in)?to (?:the )?(?:[\w-]+ ){0,3}?"
        r"(?-i:[A-Z]))",
        r"toured(?= (?:the )?(?-i:[A-Z]))",
        r"(?:appeared|surfaced|turned up|was photographed|was pictured)"
        r"(?= (?:in|at|near|on|outside|around) )",
        r"sent (?:\w+ ){0,2}(?:troops|forces|reinforcements|soldiers|fighters|advisers|warships|"
        r"aircraft|jets|bombers|ships|a naval|an aircraft carrier|warplanes|planes|helicopters|"
        r"tanks|drones|weapons|arms|missiles|militiamen|commandos|special forces)",
        r"dispatch(?:ed|ing)",
        r"stationed",
        r"relocat(?:ed|ing)",
        r"evacuat(?:ed|ion)",
        r"(?:formed|launched|founded) (?:a |an |the )?(?:new )?"
        r"(?:party|movement|coalition|alliance|government|militia|brigade|force)",
        r"formation of (?:a |an |the )?(?:new )?(?:party|movement|coalition|alliance|government)",
        # ACLED's other non-violent developments, by its sub-event types: talks that begin or
        # end, a group's allegiance or end, weapons disrupted, property destroyed, a state's
        # listings, closures, bans and suspensions, captives freed or exchanged, a
        # decision extended or put off, forces flown in, a leader sworn in
        # (not "the talks convened by the White House are in limbo": a participle describing)
        r"(?:talks|negotiations)(?= (?:[\w'’-]+ ){0,6}?(?:got under ?way|opened|resumed|began"
        r"|started|convened|collapsed|broke down|ended)\b(?! by\b))",
        r"(?:resumed|opened|began|started|launched|convened) (?:[\w'’-]+ ){0,3}?(?:talks"
        r"|negotiations)",
        r"pledged (?:(?:its|his|their) )?allegiance",
        r"disband(?:ed|ing)",
        r"dissolved (?:the |its |his )?(?:[\w-]+ )?(?:militia|group|parliament|government|cabinet"
        r"|council|force|unit|party)",
        r"defected",
        r"(?:defused|dismantled) (?:an? |the |two |three |several )?(?:[\w-]+ ){0,2}?(?:bombs?"
        r"|explosives?|devices?|IEDs?|mines?|cells?|networks?|rings?)",
        r"intercepted (?:an? |the |two |three |several )?(?:[\w-]+ ){0,2}?(?:missiles?|rockets?"
        r"|drones?|shipments?|convoys?|vessels?|ships?|boats?)",
        r"(?:demolished|razed)",
        r"designated (?:[\w'’.-]+ ){1,6}?(?:as )?(?:an? |the )?(?:[\w-]+ )?(?:terrorist|terror)",
        r"blacklisted",
        r"imposed (?:new |fresh |further )?sanctions",
        r"(?:closed|shut|reopened) (?:its |the |their )?(?:[\w-]+ ){0,2}?(?:airspace|borders?"
        r"|crossings?|embassy|consulate|mission|offices?|airports?)",
        r"suspended (?:its |the |their |all )?(?:[\w-]+ ){0,2}?(?:flights|talks|cooperation"
        r"|operations|activities|membership|ties|relations|aid|participation)",
        r"(?:banned|outlawed) (?:the |its |all )?(?:[\w-]+ ){0,2}?(?:party|group|movement"
        r"|organi[sz]ation|militia|flights|protests|rallies|gatherings)",
        r"(?:released|freed) (?:[\w'’-]+ ){0,3}?(?:prisoners|hostages|detainees|captives"
        r"|abductees|soldiers|pilots?|diplomats|journalists|engineers|pilgrims|fighters"
        r"|militants|workers)",
        r"(?:exchanged|swapped) (?:[\w-]+ ){0,2}?(?:prisoners|bodies|captives|detainees)",
        r"(?:prisoner|body|hostage) (?:swap|exchange)",
        r"recalled (?:its|their|his|the) (?:[\w-]+ )?(?:ambassador|envoy)",
        r"extended (?:the|its|his|a) (?:[\w-]+ )?(?:freeze|ceasefire|cease-fire|truce|deadline"
        r"|mandate|mission|curfew|state of emergency|ban|suspension)",
        r"(?:postponed|delayed|put off) (?:the |a |its )?(?:[\w-]+ )?(?:vote|elections?"
        r"|referendum|offensive|operation|assault|withdrawal)",
        r"(?:was|were|had been) flown (?:in|into|to)",
        r"sworn in",
    ),
}
# Riots need a crowd: "supporters stormed the parliament" is a riot, "troops stormed" a battle.
_CROWD_RE = _words(
    r"supporters", r"protesters", r"demonstrators", r"followers", r"crowds?", r"mobs?", r"rioters",
    r"looters", r"students", r"youths", r"mourners", r"angry (?:[\w-]+ )?(?:\w+s|people|men)",
)  # fmt: skip
# A riot's own words; the others (fire, ransacking, vandalism) are a riot only when a crowd
# does them: when gunmen or a militia do, ACLED counts the destruction of property as a
# strategic development.
_RIOT_WORD_RE = re.compile(r"riot|mob|stones|rocks|petrol|Molotov|bottles", re.IGNORECASE)
# "clashes between rival students", "clashes between the army and protesters": the crowd is a
# side
_CROWD_SIDE_RE = re.compile(
    r"[^.;]{0,30}?\b(?:between|with)\b[^.;]{0,60}?\b(?:supporters|protesters|demonstrators"
    r"|students|youths|rioters|mobs?|crowds)\b",
    re.IGNORECASE,
)
_CROWD_ENTRY_RE = _words(r"stormed", r"broke into", r"forc(?:ed|ing) their way into")
_CIVILIAN_VICTIM_RE = _words(
    r"civilians?", r"people", r"residents", r"villagers", r"women", r"children", r"worshippers",
    r"protesters", r"demonstrators", r"elderly", r"medics", r"refugees", r"families",
    r"journalists", r"reporters", r"staff", r"employees", r"(?:television|TV|radio) stations?",
    r"hospitals?", r"schools?", r"correspondents?", r"cameram[ae]n", r"crews?", r"onlookers",
    r"crowds?", r"spectators", r"shoppers", r"passers-?by", r"bystanders", r"mourners",
    r"pilgrims", r"students", r"activists", r"teachers", r"doctors", r"nurses", r"patients",
    r"aid workers", r"guests", r"teenagers", r"boys", r"girls",
)  # fmt: skip
# "killed in clashes", "clashes … that killed 50": deaths of a fight, whoever died
_FIGHT_DEATHS_RE = re.compile(
    r"^\s+(?:[\w-]+\s+){0,4}?(?:in|during)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:clashes|fighting"
    r"|battles?|gun ?battles?|firefights?|exchanges? of fire)\b",
    re.IGNORECASE,
)
_FIGHT_KILLED_RE = re.compile(
    r"\b(?:clashes|fighting|battles?|gun ?battles?|firefights?)\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:that|which)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_ARMED_VICTIM_RE = _words(
    r"soldiers?", r"troops", r"fighters", r"militants", r"militiamen", r"policemen", r"officers",
    r"forces", r"jihadists?", r"servicemen", r"marines",
)  # fmt: skip
# Words that make a trigger hypothetical, negated or a plan rather than a happening.
_IRREALIS_RE = _words(
    r"will", r"would", r"could", r"may", r"might", r"should", r"must", r"can", r"cannot",
    r"to", r"not", r"never", r"no", r"didn't", r"don't", r"won't", r"wouldn't", r"can't",
    r"if", r"unless", r"threat(?:en|ens|ened)?", r"plans?", r"poised", r"ready", r"prepar(?:e|ing)",
    r"avoid(?:s|ed|ing)?", r"without", r"prevent(?:s|ed|ing)?", r"any",
)  # fmt: skip
_ASSOCIATE_RE = re.compile(
    r"\b(?:backed|supported|assisted|aided|accompanied|joined|helped) by\s+(?:the\s+)?$"
    r"|\b(?:alongside|together with|along with|with the help of|and|as well as)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SOURCE_RE = re.compile(
    r"\b(?:according to|said|told|reported|quoted|cited|sources?(?: in| near)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SAYS_AFTER_RE = re.compile(r"\s+(?:said|says|reported|reports|told|added)\b", re.IGNORECASE)
_PASSIVE_RE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

# --- numbers --------------------------------------------------------------------------
# fmt: off
_UNIT_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
_TEN_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# fmt: on
_UNITS = {w: i for i, w in enumerate(_UNIT_WORDS)}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(_TEN_WORDS)}
_NUMBER_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(list(_UNITS)[1:10]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"|a dozen|a hundred|dozen)"
)
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + _NUMBER_WORD + r")(?:\s+(?:hundred|thousand))?"
_APPROX = (
    r"(?:(?:at least|more than|over|some|about|around|nearly|almost|up to|an estimated|all"
    r"|as many as)\s+)?"
)
_VICTIMS = (
    r"(?:people|persons|civilians|soldiers|troops|fighters|militants|members|men|women|children|"
    r"policemen|police officers|officers|personnel|servicemen|militiamen|jihadists|insurgents|"
    r"recruits|worshippers|guards|pilgrims|residents|villagers|Americans|Iraqis|Syrians|"
    r"Kurds|Iranians|forces|passengers|prisoners|detainees|hostages|students|workers|"
    r"journalists|activists|tourists|cadets|advisers|advisors|observers|bodyguards|diplomats|"
    r"peacekeepers|mourners|protesters|demonstrators|commanders|officials|guerrillas|others)"
)
_MODS = r"(?:[\w'’.-]+\s+){0,4}?"
# "56 people, 34 of them children": a breakdown of the number before, not more dead
_NOT_PART = r"(?!\s+of\s+(?:them|whom|those))"
_ONE_VICTIM = (
    r"(?:person|civilian|soldier|officer|policeman|policewoman|member|man|woman|child|boy|girl|"
    r"commander|official|judge|journalist|reporter|doctor|cleric|activist|leader|lawyer|"
    r"politician|candidate|lawmaker|MP|governor|mayor|colonel|general|fighter|militant|"
    r"militiaman|guard|worker|employee|teacher|student|farmer|shepherd|driver|contractor|"
    r"diplomat|adviser|advisor|engineer|businessman|tribal sheikh|sheikh|imam|judge)"
)
_KILL_VERB = r"(?:killed|killing|kills|shot dead|executed|executing|massacred|slaughtered)"
# a person by name, after a title: "former Prime Minister Rafik Hariri", "police
# intelligence officer Captain Wissam Eid", "Muthanna governor Mohammed Ali al-Hassani"
_TITLE_WORDS = (
    r"(?:former|then|senior|top|police|intelligence|army|military|deputy|prime|minister|"
    r"governor|commander|general|captain|colonel|chief|leader|officer|spokesman|cleric|judge|"
    r"mayor|MP|lawmaker|correspondent|diver|station|television|reporter|journalist|"
    r"photographer|activist|director|head)"
)
_NAMED_ONE = (
    rf"(?:(?:(?-i:[A-Z])[\w'’.-]*|{_TITLE_WORDS})\s+){{0,5}}?"
    r"(?-i:[A-Z])[\w'’.-]+(?:\s+(?:al-|bin\s+|ibn\s+)?(?-i:[A-Z])[\w'’.-]+){1,3}"
)
_DEATH_PASSIVE = (
    r"(?:were|was|have been|had been|are|been)?\s*(?:also\s+)?"
    r"(?:killed|dead|died|executed|shot dead|slain|left dead)"
)
FATALITY_RES = [
    # "killed 12 Iraqi soldiers", "shot dead at least 232 people", "killing 241 American
    # servicemen and 58 French soldiers"
    re.compile(
        rf"\b{_KILL_VERB}\s+(?P<list>{_APPROX}{NUMBER}\s+{_MODS}{_VICTIMS}"
        rf"(?:\s*(?:,|and|,\s*and)\s+{_APPROX}{NUMBER}{_NOT_PART}\s+{_MODS}{_VICTIMS})*)\b",
        re.IGNORECASE,
    ),
    re.compile(rf"\bleft\s+{_APPROX}(?P<n>{NUMBER})\s+{_MODS}\w*\s*dead\b", re.IGNORECASE),
    # "At least 28 people were killed", "15 civilians and 35 … forces were also killed"
    re.compile(
        rf"(?P<list>{_APPROX}{NUMBER}\s+{_MODS}{_VICTIMS}"
        rf"(?:\s*(?:,|and|,\s*and)\s+{_APPROX}{NUMBER}{_NOT_PART}\s+{_MODS}{_VICTIMS})*)"
        # ("at least 36 civilians, including five children, were killed")
        r"(?:,\s*(?:including|among them)\s+[^,;]{0,60},)?"
        rf"\s+{_DEATH_PASSIVE}\b",
        re.IGNORECASE,
    ),
    # "603 dead Americans", "the death toll rose to 40"
    re.compile(rf"\b(?P<n>{NUMBER})\s+dead\s+{_VICTIMS}\b", re.IGNORECASE),
    re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?(?P<n>{NUMBER})\b", re.IGNORECASE),
    # one person named by role: "shot dead a local council member", "a soldier was killed"
    re.compile(
        rf"\b(?:{_KILL_VERB}|assassinated|murdered|stabbed to death|beheaded)\s+"
        rf"(?P<one>an?)\s+{_MODS}{_ONE_VICTIM}\b"
        rf"(?:\s+and\s+{_APPROX}(?P<more>{NUMBER})\s+{_MODS}{_VICTIMS}\b)?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<one>An?)\s+{_MODS}{_ONE_VICTIM}\s+(?:was|has been|had been)\s+(?:also\s+)?"
        r"(?:killed|shot dead|slain|assassinated|murdered|executed|beheaded)\b",
        re.IGNORECASE,
    ),
    # one person named: "killed Samir Kuntar, a Lebanese militant", "killed Diwaniyah governor
    # Khalil Jalil Hamza and the province's police chief", "killed Zarqawi and five others",
    # "Mughniyeh was killed by a car bomb"
    re.compile(
        rf"\b(?:{_KILL_VERB}|assassinated|murdered)\s+(?P<one>{_NAMED_ONE})"
        # (not a list of names, "killed Gen. Qassem Soleimani and Abu Mahdi al-Muhandis": the
        # pipeline counts the known people killed)
        r"(?!\s+and\s+(?-i:[A-Z]))"
        r"(?=\s*(?:,|\.|;|$|\s+(?:and|in|on|at|as|who|near|while|when|after|during|outside"
        r"|inside|with)\b))"
        r"(?:,[^,;]{0,80},)?"
        rf"(?:\s+and\s+{_APPROX}(?P<more>{NUMBER})\s+(?:other\s+|more\s+)?(?:of\s+(?:his|her"
        rf"|their)\s+)?{_MODS}{_VICTIMS}\b)?"
    ),
    re.compile(
        r"(?<![\w’'-])(?!(?:He|She|It|They|The|This|That|A|An|One|Each)\b)"
        r"(?P<one>[A-Z][\w'’.-]+(?:\s+(?:al-|bin\s+|ibn\s+)?[A-Z][\w'’.-]+){0,3})"
        r"(?:,\s*\d{1,3},)?\s+(?:was|has been|had been)\s+(?:also\s+)?"
        r"(?:killed|shot dead|assassinated|murdered|executed|beheaded)\b"
    ),
]
_NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)


def parse_number(words: str) -> int | None:
    """'12' → 12, '1,500' → 1500, 'twenty-five' → 25, 'a dozen' → 12, 'two hundred' → 200."""
    s = words.strip().lower().replace(",", "")
    scale = 1
    for mult, factor in (("thousand", 1000), ("hundred", 100)):
        if s.endswith(mult) and s != f"a {mult}":
            s = s[: -len(mult)].strip()
            scale = factor
    if s.isdigit():
        return int(s) * scale
    if s in ("a dozen", "dozen"):
        return 12 * scale
    if s == "a hundred":
        return 100
    if s in _UNITS:
        return _UNITS[s] * scale
    parts = re.split(r"[- ]", s)
    if parts[0] in _TENS:
        total = _TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
        return total * scale
    return None


def fatalities(text: str) -> int | None:
    """Deaths the sentence states, summed over separate mentions; None when none is stated.

    Numbers after "including" break down a total already counted and are left out; vague
    amounts ("dozens", "many") give no figure.
    """
    spans: list[tuple[int, int, int]] = []
    including = [m.start() for m in re.finditer(r"\bincluding\b", text, re.IGNORECASE)]
    for rx in FATALITY_RES:
        for m in rx.finditer(text):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in spans):
                continue
            # A breakdown of a total already counted ("…, including 190 troops").
            if any(0 < m.start() - i < 60 for i in including):
                continue
            if "one" in rx.groupindex:
                more = m.group("more") if "more" in rx.groupindex else None
                total = 1 + ((parse_number(more) or 0) if more else 0)
            elif "list" in rx.groupindex and m.group("list"):
                nums = [parse_number(n.group()) for n in _NUMBER_RE.finditer(m.group("list"))]
                total = sum(n for n in nums if n is not None)
            else:
                total = parse_number(m.group("n")) or 0
            if total:
                spans.append((m.start(), m.end(), total))
    return sum(n for *_, n in spans) if spans else None


_ACCIDENTS = (
    r"stampede|crash(?:ed)?|accident|collapse[ds]?|earthquake|floods?|storms?|avalanche"
    r"|landslide|disease|illness|heart attack|virus|outbreak|cholera|blaze|stroke|cancer"
)
_ACCIDENT_BEFORE_RE = re.compile(rf"\b(?:{_ACCIDENTS})\b[^.;,]{{0,40}}$", re.IGNORECASE)
# ("killed in an exchange of fire" is no accident: "fire" is not in the list)
_ACCIDENT_AFTER_RE = re.compile(
    rf"\s+(?:in|by|during|after)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{_ACCIDENTS})\b",
    re.IGNORECASE,
)
_ALLEGATION_RE = re.compile(
    r"\b(?:accused of|charged with|suspected of|blamed for|convicted of|on charges of"
    r"|in connection with|(?:for\s+)?allegedly)\b",
    re.IGNORECASE,
)
# "captured the town after days of heavy air strikes", "within hours of that withdrawal": a
# spell of earlier violence (or another happening) the reported one followed.
_PRIOR_SPELL_RE = re.compile(
    r"\b(?:after|following|amid|within)\s+(?:(?:nearly|almost|more than|about|some|over)\s+)?"
    r"(?:[\w-]+\s+)?(?:hours|days|weeks|months|years)\s+of\b"
    r"|\b(?:after|following|amid)\s+an?\s+(?:series|string|wave|barrage|spate)\s+of\b"
    r"|\bwithin\s+(?:hours|days|minutes|weeks)\s+of\b",
    re.IGNORECASE,
)
# "at least 124 civilians have been killed in airstrikes on al-Bab since December", "more than
# 460 people had been killed in nine days of fighting", "more than 1,100 Iraqis were killed in
# September alone", "there have been 11 such attacks since October": a count over a span of
# time is an aggregate tally, which event datasets leave out; its words report no happening.
_TALLY_RE = re.compile(
    r"(?:\b(?:at least|more than|over|nearly|almost|about|some|as many as|up to|around)\s+)?"
    r"(?<![\w.-])(?:\d[\d,.]*(?:\s+(?:hundred|thousand|million))?|scores|dozens|hundreds"
    r"|thousands|tens of thousands)\s+(?:of\s+)?(?:[\w'’-]+,?\s+){0,8}?"
    r"(?:(?:have|has|had)\s+(?:now\s+)?(?:been\s+)?|were\s+|was\s+)"
    r"(?:killed|died|wounded|injured|detained|arrested|displaced|fled|destroyed|damaged)\b"
    # (within its clause: "50 people were killed in Homs on Tuesday, most of them in a
    # district under siege since February" counts one day's dead, an event)
    r"[^.;,]{0,100}?"
    # the span: "since" and what it names ("since the offensive began": the span's start, not
    # news), "so far", "alone", "over the past two weeks" (not "the past 24 hours": a day's
    # dead), "in nine days of fighting"
    r"(?:\bsince\b(?!\s+then\b)[^.;,]*|\bso far\b|\bto date\b|\balone\b"
    r"|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?!24\b|48\b|twenty-four\b|day\b|night\b)"
    r"|\bin\s+(?:(?:more than|nearly|almost|about|over)\s+)?[\w-]+\s+(?:days|weeks|months"
    r"|years)\s+of\b(?:\s+[\w'’-]+){0,3})"
    # ... and who they were: "…, most of them in coalition air strikes"
    r"(?:,\s+(?:most|many|some|all|including|among|the majority)\b[^.;]*)?"
    r"|\bthere\s+(?:have|has|had)\s+been\s+(?:[\w-]+\s+){1,3}?(?:attacks|strikes|incidents"
    r"|bombings|killings)\s+since\b[^.;,]*",
    re.IGNORECASE,
)
# "After Baghdad complained to the UN, Turkey moved …", "Hours after the bombing, the group
# announced …": a phrase put first that tells what came before; the news follows its comma.
FRONTED_AFTER_RE = re.compile(
    r"\W*(?:(?:just|only|shortly|soon|hours|days|minutes|weeks|months|moments|a day|a week"
    r"|a month|the day|(?:two|three|four|five|six|seven|\d{1,2}) (?:days|weeks|months))\s+)?"
    r"(?:after|following)\b(?=[^,;]{3,120},)",
    re.IGNORECASE,
)
_SUPPORT_RE = re.compile(
    r"\b(?:backed|supported|aided|assisted|covered) by\s+(?:[\w'’.-]+\s+){0,4}$"
    r"|\b(?:with|under) (?:the )?(?:support|help|cover|backing) of\s+(?:[\w'’.-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "…, hours after Iranian forces fired rockets", "in retaliation for the attack on …": a clause
# that dates or explains the reported happening by another one.
OTHER_HAPPENING_RE = re.compile(
    r"\b(?:(?:hours|days|minutes|weeks|moments|shortly|soon|a day|a week|a month|the day)"
    r"\s+(?:after|before)|in (?:retaliation|response) (?:for|to)"
    # the happening a protest or a revenge is about: "stormed the embassy to protest U.S.
    # airstrikes that killed 25"
    # (not a clock's or a day's hour: "shortly after 10:00 local time", "just before dawn")
    r"|to (?:protest|avenge)(?: against)?|in protest (?:at|against|over))\s+(?!the\s+\w+ing\b)"
    r"(?!\d|(?:midnight|noon|midday|dawn|dusk|sunrise|sunset|nightfall|daybreak)\b)",
    re.IGNORECASE,
)


def _keep(
    found: dict[str, list[re.Match[str]]], keep: Callable[[re.Match[str]], bool]
) -> dict[str, list[re.Match[str]]]:
    """``found`` with only the matches ``keep`` accepts (types left with none dropped)."""
    return {etype: kept for etype, ms in found.items() if (kept := [m for m in ms if keep(m)])}


def _before(found: dict[str, list[re.Match[str]]], at: int) -> dict[str, list[re.Match[str]]]:
    """``found`` with only the matches that start before ``at``."""
    return _keep(found, lambda m: m.start() < at)


def _by_accident(text: str, m: re.Match[str]) -> bool:
    """The harm is an accident's: "a stampede killed", "killed in a bus crash"."""
    return bool(
        _ACCIDENT_BEFORE_RE.search(text, max(0, m.start() - 50), m.start())
        or _ACCIDENT_AFTER_RE.match(text, m.end())
    )


# "gunmen armed with rocket-propelled grenades and mortars": what they carried, not what
# happened.
_ARMED_WITH_RE = re.compile(r"\barmed\s+with\s+(?:[\w-]+,?\s+){0,6}$", re.IGNORECASE)


def _carried(text: str, m: re.Match[str]) -> bool:
    return bool(_ARMED_WITH_RE.search(text, max(0, m.start() - 80), m.start()))


def _in_support_phrase(text: str, m: re.Match[str]) -> bool:
    """An event noun inside "backed by …" / "with the support of …"."""
    return bool(_NOMINAL_RE.fullmatch(m.group()) and _SUPPORT_RE.search(text, 0, m.start()))


# --- typing and roles -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    start: int  # offsets into the sentence
    end: int
    text: str


_DONE_TO_RE = re.compile(
    r"\b(?:went on|managed|(?:was|were) able)\s+to\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


def _realis(text: str, start: int) -> bool:
    """False when the words just before a trigger make it hypothetical or negated."""
    # Hyphenated modifiers ("head-on clash") count as one word; "wasn’t" is "wasn't".
    window = text[max(0, start - 40) : start].replace("’", "'")
    before = re.findall(r"[\w'-]+", window)[-3:]
    for i, w in enumerate(before):
        # "On May 26, two rockets struck": the month, not the modal (which is lower-case
        # but at a sentence's head, where no day stands beside it)
        if w == "May" and re.search(
            r"\bMay\s+\d|\d\s+May\b|\b(?:[Ii]n|[Oo]f|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate"
            r"|[Mm]id-?|[Ll]ast|[Nn]ext|[Tt]his|[Tt]hat)\s+May\b|\bMay\s*,",
            window,
        ):
            continue
        # "went on to take", "managed to retake": an infinitive that reports what was done
        if w.lower() == "to" and _DONE_TO_RE.search(window):
            continue
        # "to" marks an infinitive ("to retake") only right before the verb (or one adverb);
        # "open to attacks", "next to the station" are prepositions.
        if w.lower() == "to" and not (
            i == len(before) - 1 or (i == len(before) - 2 and before[-1].lower().endswith("ly"))
        ):
            continue
        if _IRREALIS_RE.fullmatch(w) or w.lower().endswith("n't"):
            return False
    return True


# --- is the trigger a report of a happening? -------------------------------------------
# News reports a happening with a finite verb in the past ("ISIS overran the district"), the
# present perfect or the progressive ("troops are attacking the centre"). The same words also
# name events in passing ("the battle for Mosul", "the ISIS offensive"), describe people
# ("soldiers fighting to retake the city"), or sit under a prediction, an opinion or a
# condition ("analysts predicted that retaking the city would be hard"). These rules tell the
# two apart without a parser.

# Words that, before a trigger in the same sentence, put it in someone's expectation,
# belief or plan rather than in the world.
_OPINION_RE = _words(
    r"predict(?:s|ed|ing|ions?)?", r"expect(?:s|ed|ing|ations?)?", r"believ(?:e|es|ed|ing)",
    r"fear(?:s|ed)?", r"hop(?:e|es|ed|ing|efully)", r"consider", r"doubts?", r"likely",
    r"unlikely", r"probably", r"perhaps", r"opinions?", r"speculat(?:e|es|ed|ion)",
    r"intend(?:s|ed)?", r"vow(?:s|ed)?", r"pledg(?:e|es|ed)", r"promis(?:e|es|ed)",
    r"warn(?:s|ed)? that", r"(?:ready|set|about|going|poised|expected) to", r"if", r"unless",
    r"whether", r"in order to", r"(?:is|are|was|were|also) said to",
    # a denial: what is denied is not reported ("has denied that its members are taking part
    # in the battle", "denied reports that the pullout was agreed")
    r"den(?:y|ies|ied|ying) (?:that|(?:the |any )?(?:[\w-]+ )?(?:reports?|claims?|accusations?"
    r"|allegations?))",
    r"(?:rejected|dismissed) (?:the )?(?:reports?|claims?|accusations?|allegations?) that",
)  # fmt: skip
# A clause that recalls an earlier, different happening: its triggers and dates are the
# backdrop of the sentence, not its news ("…, recalling a previous defeat in June 2014").
_BACKDROP_RE = _words(
    r"recalling", r"reminiscent of", r"echoing", r"similar to", r"a repeat of",
    r"(?:a|an|the) (?:previous|earlier|prior)",
)  # fmt: skip
# Event nouns: they name a happening; on their own they do not report one.
_NOMINAL_RE = _words(
    r"clash(?:es)?", r"fighting", r"firefights?", r"gun ?battles?", r"battles?",
    r"(?:counter-?)?offensives?", r"counter-?attacks?", r"assaults?", r"attacks?",
    r"ambush(?:es)?", r"takeovers?", r"invasion", r"air ?strikes?", r"air raids?",
    r"bombing raids?", r"bombings?", r"bombardment", r"explosions?", r"blasts?", r"shelling",
    r"mortars?", r"IEDs?", r"improvised explosive devices?", r"appointment", r"withdrawal",
    r"deployment", r"visits?", r"ceasefire", r"truce", r"protests?", r"demonstrations?",
    r"rall(?:y|ies)", r"riots?", r"executions?", r"massacres?", r"abductions?",
    r"evacuation", r"suicide (?:bomb(?:er|ers|ing|ings)?|attacks?|vehicles?|car)",
    r"(?:missile|drone|rocket) (?:strikes?|attacks?)", r"artillery (?:fire|strikes?|barrage)",
    r"formation of .*", r"mortar", r"rocket attacks?", r"(?:re)?capture",
    r"(?:car|truck|roadside|suicide car|sticky|magnetic|parcel|barrel) bombs?",
    r"(?:helicopter|drone|missile|rocket|artillery|mortar) (?:strikes?|attacks?)",
    r"(?:chemical|poison gas|gas|sarin|chlorine|nerve agent) (?:weapons? )?attacks?",
)  # fmt: skip


_TAKING_RE = re.compile(
    r"took control|took full control|seized|(?:re)?captur(?:ed|ing)|retook|took(?: over)?"
    r"|entered|regained",
    re.IGNORECASE,
)
_ARRIVING_RE = re.compile(r"entered|advanced|besieged|crossed into", re.IGNORECASE)
_ALLIED_ARRIVAL_RE = re.compile(
    r"\b(?:at the invitation of|under (?:an? |the )?(?:[\w-]+ )?(?:deal|agreement)"
    r"|(?:announced|reached|struck) a deal|to help (?:[\w'’-]+ ){0,3}?(?:defend|repel|defenders"
    r"|hold)|to reinforce|to bolster|as reinforcements|through (?:the )?(?:same |[\w-]+ )?"
    r"(?:border )?crossing)\b",
    re.IGNORECASE,
)
_UNOPPOSED_RE = re.compile(
    r"\bwithout (?:a fight|a shot|resistance|fighting|firing a shot)\b"
    r"|\bafter (?:the |Iraqi |Syrian |Kurdish |government )?(?:[\w-]+ )?(?:army|troops|forces"
    r"|soldiers|fighters|militants|police|peshmerga|rebels|units|divisions)(?: and [\w-]+)? "
    r"(?:had )?(?:withdrew|fled|pulled out|abandoned|retreated|left)\b",
    re.IGNORECASE,
)


_ASIDE_RE = re.compile(r",\s+(?:where|which|who|whose|when)\b[^,;]*", re.IGNORECASE)


def _dated_asides(text: str, timex_spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of non-restrictive relative clauses that hold a date of their own."""
    return [
        (m.start(), m.end())
        for m in _ASIDE_RE.finditer(text)
        if any(m.start() <= s and e <= m.end() for s, e in timex_spans)
    ]


# "authorized airstrikes against ISIS": the strikes a decision allows (see find_trigger)
_AUTHORISED_BEFORE_RE = re.compile(r"\bauthori[sz](?:ed|ing)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)


# "handed over positions they had captured", "retook the villages which the militants had
# overrun": a past perfect in a relative clause on a noun describes the thing by an earlier
# happening; it is not what the sentence reports. (A lowercase word before the pronoun, not a
# word of time or speech: "Last week they had captured …", "said they had captured …" report.)
_EARLIER_RELATIVE_RE = re.compile(
    r"(?<![\w'’-])(?!(?:and|but|or|as|when|after|before|because|since|until|once|while|if|so|"
    r"then|that|where|said|says|say|told|announced|claimed|added|reported|confirmed|stated|"
    r"believed|thought|week|month|year|day|night|morning|evening|afternoon|time|earlier|later|"
    r"ago|now|yesterday|today)\s)[a-z][a-z'’-]+\s+"
    r"(?:(?:they|it|he|she|we)|which\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)\s+had\s+"
    r"(?:(?:already|earlier|previously|just|recently)\s+)?$"
)


# "a farming area that had been used to launch attacks on the capital": what a place served
# for describes it
_USED_FOR_RE = re.compile(
    r"\b(?:that|which)\s+(?:had|has|have)\s+(?:long\s+)?been\s+used\s+(?:to|for|as)\s+"
    r"(?:[\w'’-]+\s+){0,2}?$",
    re.IGNORECASE,
)


def _earlier_in_a_relative_clause(text: str, m: re.Match[str]) -> bool:
    window = max(0, m.start() - 60)
    return (
        _EARLIER_RELATIVE_RE.search(text, window, m.start()) is not None
        or _USED_FOR_RE.search(text, window, m.start()) is not None
    )


def is_event_noun(word: str) -> bool:
    """Whether ``word`` names a happening as a noun ("attack", "offensive", "truce")."""
    return _NOMINAL_RE.fullmatch(word) is not None


# Before an event noun: a verb that makes it happen ("launched an offensive", "killed in a
# bombing") or an adjective of intensity that only a happening has ("fierce fighting").
_LICENSOR_RE = _words(
    r"launch(?:ed|es|ing)?", r"stag(?:ed|es|ing)", r"mount(?:ed|s|ing)", r"carr(?:ied|ying) out",
    r"conduct(?:ed|s|ing)", r"wag(?:ed|es|ing)", r"beg[au]n", r"start(?:ed|s|ing)",
    r"unleash(?:ed|es|ing)", r"repell?(?:ed|s|ing)", r"repuls(?:ed|es|ing)", r"fought",
    r"engaged in", r"(?:killed|died|dead|wounded|injured|hurt|destroyed|damaged) (?:in|by|during)",
    # "killed 39 people in a suicide bombing", "were killed and nine wounded when a jet struck"
    r"(?:killed|wounded|injured) (?:[\w'’-]+ ){1,4}(?:in|by|during|when)",
    r"caused by", r"survived", r"claimed(?: responsibility for)?", r"resum(?:ed|es|ing)",
    r"renewed", r"fierce", r"heavy", r"intense", r"deadly", r"bloody", r"fresh", r"series of",
    r"overnight", r"dawn", r"night-?time", r"pre-?dawn",
    r"played (?:a |an |the )?(?:key |major |leading |central |decisive )?role in(?: the)?",
    r"wave of", r"surprise", r"(?:on|in) (?:his|her|their|a|an) (?:\w+ )?(?=visits?)",
)  # fmt: skip
# Before an event noun: an adjective that puts it in the future or in doubt.
_UNREALISED_RE = _words(
    r"possible", r"potential", r"feared", r"imminent", r"looming", r"impending", r"planned",
    r"proposed", r"expected", r"anticipated", r"threatened", r"prospective", r"would-be",
    r"future", r"upcoming", r"forthcoming", r"hypothetical",
)  # fmt: skip
_HALTING_RE = _words(
    r"halt(?:s|ed|ing)?", r"suspend(?:s|ed|ing)?", r"stop(?:s|ped|ping)?", r"end(?:s|ed|ing)?",
    r"freez(?:e|es|ing)", r"froze", r"cease", r"ceas(?:ed|ing)", r"pause(?:d)?",
)  # fmt: skip
# Starts a clause of its own: "if the town fell", "before the army withdrew".
_SUBORDINATE_RE = re.compile(r"\b(?:if|unless|whether|until|before|once|lest)\b", re.IGNORECASE)
# After an event noun: its own finite verb ("the offensive began", "the battle is ramping up").
_EVENTIVE_AFTER_RE = re.compile(
    r"^\W*(?:[\w'’-]+\s+){0,10}?"
    r"(?:(?:was|were|is|are|has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ed|\w+ing|"
    r"begun|broken|taken|gone|hit|struck|left|come|spread|ground|fought|overrun|fallen|shot)"
    r"|\w+ed|began|broke|took|went|hit|struck|left|came|spread|ground|fought|blew|overran|fell"
    r"|shot)\b",
    re.IGNORECASE,
)
_BE_RE = re.compile(r"\b(?:is|are|am|was|were|been|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_DETERMINER_RE = _words(
    r"the", r"a", r"an", r"this", r"that", r"its", r"their", r"his", r"her", r"our", r"of",
    r"in", r"for", r"from", r"after", r"during", r"amid", r"by",
)  # fmt: skip
_CLAUSE_BREAK_RE = re.compile(r"[;:–—()]|,\s")


def _clause_before(text: str, start: int) -> str:
    head = text[max(0, start - 60) : start]
    cuts = list(_CLAUSE_BREAK_RE.finditer(head))
    return head[cuts[-1].end() :] if cuts else head


def _dated_nearby(start: int, end: int, text: str, timex_spans: Sequence[tuple[int, int]]) -> bool:
    """A date inside the noun phrase: "the withdrawal in 2011", "Tuesday's attack"."""
    for t_start, t_end in timex_spans:
        if 0 <= t_start - end <= 30 and not _CLAUSE_BREAK_RE.search(text[end:t_start]):
            return True
        if 0 <= start - t_end <= 12 and not _CLAUSE_BREAK_RE.search(text[t_end:start]):
            return True
    return False


def _nominal_licensed(
    text: str, start: int, end: int, timex_spans: Sequence[tuple[int, int]]
) -> bool:
    before_words = re.findall(r"[\w'’-]+", _clause_before(text, start))
    # "a possible massacre", "the looming offensive": the noun names what has not happened.
    if any(_UNREALISED_RE.fullmatch(w) for w in before_words[-2:]):
        return False
    # "agreed to halt airstrikes", "a truce to end weeks of fighting": what is stopped is the
    # matter of the agreement, not a happening the sentence reports
    if any(_HALTING_RE.fullmatch(w) for w in before_words[-3:]):
        return False
    if _LICENSOR_RE.search(" ".join(before_words[-6:])):
        return True
    # "a massacre if the town fell": a verb after a conditional or temporal subordinator is
    # that other clause's, not the noun's.
    after = _SUBORDINATE_RE.split(_clause_after(text, end), maxsplit=1)[0]
    if _EVENTIVE_AFTER_RE.match(after) or _HARM_AFTER_RE.match(after):
        return True
    # "An air strike on a house in Jaramana, a suburb of Damascus, killed …": a weapon's
    # harm may come after the commas of where it struck
    if (
        TRIGGERS[EXPLOSIONS].fullmatch(text[start:end])
        and not _INSTRUMENT_BEFORE_RE.search(_clause_before(text, start))
        and (harm := _HARM_BEYOND_COMMAS_RE.match(text, end))
        and not _ANOTHER_CLAUSE_RE.search(harm.group())
    ):
        return True
    return _dated_nearby(start, end, text, timex_spans)


# The event noun as the subject of the harm it did, however far its place and time stretch
# the subject: "A U.S. drone strike near Baghdad International Airport early Friday killed …".
_HARM_AFTER_RE = re.compile(
    r"^\W*(?:[\w'’.-]+\s+){0,9}?(?:killed|wounded|injured|hit|struck|destroyed|damaged)\b",
    re.IGNORECASE,
)


_HARM_BEYOND_COMMAS_RE = re.compile(
    r"[^.;:]{0,140}?\b(?:killed|wounded|injured|hit|struck|destroyed|damaged|tore through"
    r"|ripped through|targeted)\b",
    re.IGNORECASE,
)
# ... but not when the weapon is what someone attacked with ("attacked the camp with rockets
# and mortar rounds, wounding …"), and not across another clause ("…, and the army said its
# troops killed 18")
_INSTRUMENT_BEFORE_RE = _words(r"with", r"using", r"by", r"from", r"of", r"for", r"and")
_ANOTHER_CLAUSE_RE = _words(r"and", r"said", r"says", r"but", r"while")


# Modal or negated verb earlier in the trigger's own clause: "they could never really purge".
_CLAUSE_IRREALIS_RE = _words(
    r"will", r"would", r"could", r"may", r"might", r"should", r"must", r"cannot", r"never",
    r"not", r"no", r"unable",
)  # fmt: skip
# "With ISIS driven out of Mosul, …": an absolute construction states a prior condition.
_ABSOLUTE_RE = re.compile(r"^\W*With\s+(?:[\w'’-]+\s+){1,5}$", re.IGNORECASE)
_QUOTES_OPEN = "“\"‘'"
_QUOTES_CLOSE = "”\"’'"


_HABITUAL_RE = _words(r"repeatedly", r"regularly", r"routinely", r"frequently", r"often")


_CLAUSE_END_RE = re.compile(r"[,;:—–]|\s-\s")
# How far before and after a trigger its sentence's cues are looked for. A sentence is rarely
# longer; a run-on "sentence" without stops (a list, a scraped page) would otherwise be read
# again from its start for every trigger in it.
_REACH = 400


def _clause_after(text: str, start: int) -> str:
    """From ``start`` to the end of its clause (the next comma, semicolon or dash)."""
    m = _CLAUSE_END_RE.search(text, start, start + _REACH)
    return text[start : m.start()] if m else text[start : start + _REACH]


def _head(text: str, start: int) -> str:
    """The sentence ``text`` before ``start``, at most ``_REACH`` characters of it (from a
    word's start)."""
    if start <= _REACH:
        return text[:start]
    head = text[start - _REACH : start]
    return head[head.find(" ") + 1 :]


def is_reported(
    text: str, start: int, end: int, timex_spans: Sequence[tuple[int, int]] = ()
) -> bool:
    """True when the trigger ``text[start:end]`` reports a happening (see the rules above).

    ``timex_spans`` are the sentence-relative spans of its temporal expressions: an event noun
    with its own date ("the U.S. withdrawal from Iraq in 2011") is a dated happening.
    """
    if not _realis(text, start):
        return False
    # A word in scare quotes ("“liberated” towns") is the writer's irony, not a report.
    if (
        start > 0
        and text[start - 1] in _QUOTES_OPEN
        and text[end : end + 1] in tuple(_QUOTES_CLOSE)
        and text[end : end + 1] != ""
    ):
        return False
    clause = _clause_before(text, start)
    if _CLAUSE_IRREALIS_RE.search(clause.replace("’", "'")) or re.search(r"n['’]t\b", clause):
        return False
    # "Rockets have repeatedly hit Hermel": a habit over a stretch of time, not one happening.
    if _HABITUAL_RE.search(clause) or _HABITUAL_RE.search(_clause_after(text, start)):
        return False
    if _ABSOLUTE_RE.match(clause):
        return False
    # ", which were fighting on behalf of X": a non-restrictive relative in the progressive
    # describes what a participant was doing, as background to the sentence's news.
    head = _head(text, start)
    if re.search(r",\s*(?:who|which)\s+(?:are|were|is|was)\s+(?:\w+ly\s+)?$", head):
        return False
    if _OPINION_RE.search(head) or _BACKDROP_RE.search(head):
        return False
    word = text[start:end]
    if _NOMINAL_RE.fullmatch(word):
        if word.lower().endswith("ing") and " " not in word:
            prev = re.findall(r"[\w'’-]+", text[max(0, start - 30) : start])
            if _BE_RE.search(text[max(0, start - 30) : start]):
                return True  # progressive: "troops are fighting"
            last = prev[-1] if prev else ""
            # "soldiers fighting to retake …": a participle describing people, not a report.
            at_start = len(prev) == 1 and not text[: max(0, start - len(last) - 1)].strip()
            if (
                last
                and not _DETERMINER_RE.fullmatch(last)
                and not _LICENSOR_RE.fullmatch(last)
                and ((last[0].isupper() and not at_start) or re.search(r"(?<!s)s$|men$", last))
            ):
                return False
        return _nominal_licensed(text, start, end, timex_spans)
    # "the besieged city", "a liberated town": a participle after a determiner is an
    # adjective describing a thing, not a verb reporting a happening.
    if (
        " " not in word
        and word.lower().endswith(("ed", "en"))
        and re.search(r"\b(?:the|a|an|its|their|this|these|those)\s+$", head, re.I)
    ):
        return False
    if word.lower().endswith("ing") and " " not in word:
        # A bare participle reports in the progressive ("are pounding") or as a free adjunct
        # of the clause before ("…, killing 12" / "… force—dispatching a battle group").
        before = text[max(0, start - 30) : start]
        return bool(
            _BE_RE.search(before)
            or re.search(r"[,—–]\s*$", before)
            # "began storming the district": the verb before says it happened
            or re.search(r"\b(?:began|started|continued|kept|resumed)\s+$", before, re.I)
        )
    return True


_PRESENT_AUX_RE = re.compile(
    r"\b(?:is|are|am|has|have|'s|'re)\s+(?:\w+ly\s+)?(?:been\s+)?(?:being\s+)?$", re.I
)
_PAST_PERFECT_RE = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?$", re.IGNORECASE)
_AUX_AFTER_RE = re.compile(
    r"^\W*(?:[\w'’-]+\s+){0,4}?(?P<aux>is|are|has|have|had|was|were)\b", re.IGNORECASE
)


def tense_of(text: str, start: int, end: int) -> str:
    """The tense of the clause a trigger reports in: "present", "past perfect" or "past".

    "present" covers the progressive and the present perfect ("are attacking", "have
    abducted"): news uses them for what is happening as it reports. An event noun takes the
    tense of the verb after it ("the battle is ramping up").
    """
    before = text[max(0, start - 40) : start].replace("’", "'")
    if _PAST_PERFECT_RE.search(before):
        return "past perfect"
    if _PRESENT_AUX_RE.search(before):
        return "present"
    word = text[start:end]
    if _NOMINAL_RE.fullmatch(word):
        m = _AUX_AFTER_RE.match(_clause_after(text, end))
        if m:
            aux = m.group("aux").lower()
            return {"is": "present", "are": "present", "has": "present", "have": "present",
                    "had": "past perfect"}.get(aux, "past")  # fmt: skip
    return "past"


def backdrop_start(text: str) -> int | None:
    """Where a backdrop clause recalling an earlier happening begins, or None."""
    m = _BACKDROP_RE.search(text)
    return m.start() if m else None


_CLASH_RE = _words(r"clash(?:es|ed)?")
# what an arrest takes: people, named or counted ("four Iranians", "Qais al-Khazali, a former
# spokesman", "five of its staff")
_PEOPLE_TAKEN = (
    r"(?:(?:\d+|" + _NUMBER_WORD + r"|several|dozens of|scores of|a number of)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:[A-Z][a-z]+(?:ans|is|s)|diplomats|officials|suspects|people|men"
    r"|staff|employees|activists|journalists|leaders|commanders|operatives|agents|guards"
    r"|of (?:its|their|his|the) (?:staff|employees|members|guards))\b"
    r"|(?-i:[A-Z][a-z]+(?:[ -](?:al-|bin |abu |el-|Abu |Al-)?[A-Z][\w'’]+){1,3})"
    r"(?=,\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,4}?(?:spokesman|spokesperson|commander"
    r"|leader|operative|official|cleric|aide|deputy|chief|member|brother|son|envoy|diplomat"
    r"|minister|mayor|governor|officer)\b))"
)
_ARREST_RE = re.compile(
    r"\b(?:arrest(?:ed|ing)|detain(?:ed|ing)|captur(?:ed|ing)|seiz(?:ed|ing)|picked up"
    r"|rounded up)\s+(?:[\w-]+\s+){0,2}?(?=" + _PEOPLE_TAKEN + r")",
    re.IGNORECASE,
)
# what makes the arrest part of a fight (then the sentence reports a battle): deaths or
# combat verbs other than the ways into a building
_FIGHT_IN_ARREST_RE = _words(
    r"killed", r"killing", r"clash(?:es|ed)?", r"fought", r"firefights?", r"gun ?battles?",
    r"exchanged fire", r"overr[au]n", r"shot dead", r"wounded",
)  # fmt: skip
_ENTRY_WORDS = ("stormed", "raided", "entered", "captured", "seized", "capturing", "seizing")


def _arrest(text: str, found: dict[str, list[re.Match[str]]]) -> re.Match[str] | None:
    """The arrest the sentence reports, when its fight words are only the troops' way in."""
    if any(etype in found for etype in (RIOTS, EXPLOSIONS, VAC)):
        return None
    arrest = next((m for m in _ARREST_RE.finditer(text) if _realis(text, m.start())), None)
    if arrest is None or _FIGHT_IN_ARREST_RE.search(text):
        return None
    if any(m.group().lower() not in _ENTRY_WORDS for m in found.get(BATTLES, [])):
        return None
    return arrest


_OPERATION = (
    # (singular: "launched counterattacks in Iraq and Syria" reports the attacks themselves)
    r"(?:(?:counter-?)?offensive|assault|operation|campaign|push|counter-?attack|incursion)"
)
_OPERATION_LAUNCH_RE = re.compile(
    r"\b(?P<verb>launch(?:ed|es)?|began|begun|started|opened|initiated|kicked off)\s+"
    r"(?:[\w'’-]+\s+){0,4}?" + _OPERATION + r"\b"
    r"|\b" + _OPERATION + r"\b[^.;]{0,80}?\b(?P<verb_after>launched|began|begun|got under way"
    r"|started|kicked off)\b",
    re.IGNORECASE,
)
# the operation is another's matter: "preparations for the offensive began", "since the
# offensive began" (a tally's span)
_NOT_THE_LAUNCH_RE = re.compile(
    r"\b(?:preparations? for|ahead of|before|since|after|during|until|plans? for)\s+"
    r"(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# what makes the launch a battle: territory taken or a fight reported with it
_DECISIVE_RE = _words(
    r"captur(?:ed|ing)", r"seiz(?:ed|ing)", r"overr[au]n", r"overrunning", r"retook", r"retaking",
    r"recaptur(?:ed|ing)", r"(?:broke|breaking|broken) (?:into|through)", r"breach(?:ed|ing)",
    r"pushed (?:[\w-]+ ){0,3}back", r"drove (?:[\w-]+ ){0,3}back", r"driven back",
    r"clash(?:ed|es)", r"fought", r"battled", r"took (?:full |complete )?control", r"killed",
    r"killing", r"stormed", r"bombed", r"shelled", r"struck", r"pounded", r"exploded",
    r"(?:sweeping|swept) (?:through|into|across)",
    r"took(?= (?:the )?(?:(?:town|city|village|district) of )?(?-i:[A-Z]))",
)  # fmt: skip


def _operation_launch(text: str, found: dict[str, list[re.Match[str]]]) -> re.Match[str] | None:
    """The launch of an operation the sentence reports, when it reports no fighting with it."""
    if any(etype in found for etype in (RIOTS, VAC)):
        return None
    for m in _OPERATION_LAUNCH_RE.finditer(text):
        if _NOT_THE_LAUNCH_RE.search(text, max(0, m.start() - 40), m.start()):
            continue
        verb = m.start("verb") if m.group("verb") else m.start("verb_after")
        # "will be launched within days", "analysts expect the offensive to begin"
        if not _realis(text, verb) or _OPINION_RE.search(_head(text, verb)):
            continue
        if _DECISIVE_RE.search(text, m.end()) or _DECISIVE_RE.search(text, 0, m.start()):
            return None
        return m
    return None


def find_trigger(
    text: str,
    actor_kinds: dict[str, str] | None = None,
    *,
    timex_spans: Sequence[tuple[int, int]] = (),
) -> Trigger | None:
    """The trigger that decides the sentence's event type, or None if it reports no event.

    Only triggers that report a happening count (``is_reported``). ``actor_kinds`` maps
    canonical names of the actors in the sentence to their kinds (unused by the rules now;
    kept for callers). ``timex_spans`` are the sentence-relative spans of its dates.
    """
    found: dict[str, list[re.Match[str]]] = {}
    for etype, rx in TRIGGERS.items():
        hits = [m for m in rx.finditer(text) if is_reported(text, m.start(), m.end(), timex_spans)]
        if hits:
            found[etype] = hits
    # A crowd forcing its way in is a riot even without a riot word.
    if RIOTS not in found and _CROWD_RE.search(text):
        entry = [m for m in _CROWD_ENTRY_RE.finditer(text) if _realis(text, m.start())]
        if entry:
            found[RIOTS] = entry
    if not found:
        return None
    # "a stampede killed 56 people", "died in a plane crash": an accident or illness is not
    # political violence, whatever it kills.
    found = _keep(found, lambda m: not _by_accident(text, m))
    if not found:
        return None
    # What follows these in the sentence is another happening than the one it reports: an
    # allegation ("arrested a commander accused of ordering snipers to fire on protesters"),
    # or an earlier happening that dates or explains it ("launched an offensive on Sunday, a
    # day after its jets pounded targets"). Triggers before them, when there are any, win.
    # (of several allegations, the first with a trigger before it: "a man whose house was
    # allegedly a bomb factory was arrested in connection with last year's bombing")
    allegation = next((m for m in _ALLEGATION_RE.finditer(text) if _before(found, m.start())), None)
    for boundary in (
        allegation,
        OTHER_HAPPENING_RE.search(text),
        _PRIOR_SPELL_RE.search(text),
        FRONTED_AFTER_RE.match(text),
    ):
        if boundary is None:
            continue
        before = _before(found, boundary.start())
        if before:
            found = before
            continue
        # "Minutes after the blasts, police fired tear gas …": the phrase put first, up to its
        # comma, is the other happening; the news follows it
        comma = text.find(",", boundary.end())
        if comma != -1 and len(text[: boundary.start()].split()) <= 3:
            found = _keep(found, lambda m, comma=comma: m.start() > comma) or found
    # An aggregate tally reports no happening: the triggers inside it go ("killed in
    # airstrikes … since December"), and a sentence that is only a tally reports none.
    for tally in _TALLY_RE.finditer(text):
        found = _keep(found, lambda m, t=tally: not t.start() <= m.start() < t.end())
    if not found:
        return None
    # "special forces backed by coalition airstrikes pushed into the Old City": the support
    # named in a "backed by" phrase is not what the sentence reports.
    found = _keep(found, lambda m: not _in_support_phrase(text, m)) or found
    weapons = found.get(EXPLOSIONS, [])
    found = _keep(found, lambda m: not (m in weapons and _carried(text, m))) or found
    # "… raised the flag in Daraa, where protests erupted in 2011": a relative clause with a
    # date of its own tells another happening of that place.
    aside = _dated_asides(text, timex_spans)
    found = _keep(found, lambda m: not any(a <= m.start() < b for a, b in aside)) or found
    found = _keep(found, lambda m: not _earlier_in_a_relative_clause(text, m)) or found
    # "Obama authorized airstrikes against ISIS": the decision is the news; the strikes it
    # allows are its matter
    if STRATEGIC in found:
        decisions = {id(m) for m in found[STRATEGIC]}
        found = _keep(
            found,
            lambda m: (
                id(m) in decisions
                or not _AUTHORISED_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            ),
        )
    # Killing or shooting unarmed people, with no armed victims named, is violence against
    # civilians, not a battle.
    if VAC not in found and BATTLES in found:
        for m in found[BATTLES]:
            if m.group().lower() in (
                "killed",
                "attacked",
                "attack",
                "attacks",
                "opened fire",
                "stormed",
                "raided",
            ):
                after = text[m.end() : m.end() + 60]
                if (
                    _CIVILIAN_VICTIM_RE.search(after)
                    and not _ARMED_VICTIM_RE.search(after)
                    and not _FIGHT_DEATHS_RE.match(after)
                    and not _FIGHT_KILLED_RE.search(text, max(0, m.start() - 100), m.start())
                ):
                    found[VAC] = [m]
                    break
    # "clashes between rival students", "killed in clashes between the army and protesters":
    # a crowd fighting is a riot
    if RIOTS not in found:
        crowd_clash = [
            m
            for m in _CLASH_RE.finditer(text)
            if _CROWD_SIDE_RE.match(text, m.end()) and _realis(text, m.start())
        ]
        if crowd_clash:
            found[RIOTS] = crowd_clash
    # "gunmen set fire to the offices of the party": destruction by an armed group, not a crowd
    if RIOTS in found and not _CROWD_RE.search(text):
        riots = [m for m in found[RIOTS] if _RIOT_WORD_RE.search(m.group())]
        wrecking = [m for m in found[RIOTS] if m not in riots]
        if wrecking and not riots:
            del found[RIOTS]
            found.setdefault(STRATEGIC, []).extend(wrecking)
            found[STRATEGIC].sort(key=lambda m: m.start())
    # An arrest is a strategic development, however the troops got in: "seized four Iranians
    # in Baghdad", "stormed the office and detained five of its staff", "captured Qais
    # al-Khazali, a former spokesman".
    arrest = _arrest(text, found)
    if arrest is not None:
        return Trigger(STRATEGIC, arrest.start(), arrest.end(), arrest.group())
    # ACLED counts the launch of an operation as a strategic development ("launched an
    # offensive on Zabadani on 4 July", "the push into the city began on Tuesday, when troops
    # crossed the river"); the fighting it brings is a battle when the sentence reports one
    # ("…, overrunning 300 villages", "and captured the town the same day").
    launch = _operation_launch(text, found)
    if launch is not None:
        # the verb is the trigger ("launched"), not the words between it and the operation's
        # name, which may hold a name that reads as a date ("the operation, dubbed Ashura")
        verb = "verb" if launch.group("verb") else "verb_after"
        return Trigger(STRATEGIC, launch.start(verb), launch.end(verb), launch.group(verb))
    # "took control of Kirkuk after the army withdrew", "entered the town without a fight":
    # territory changing hands without fighting is a strategic development, not a battle.
    if BATTLES in found and STRATEGIC not in found and _UNOPPOSED_RE.search(text):
        takes = [m for m in found[BATTLES] if _TAKING_RE.fullmatch(m.group())]
        if takes and not any(etype in found for etype in (RIOTS, EXPLOSIONS, VAC)):
            m = takes[0]
            return Trigger(STRATEGIC, m.start(), m.end(), m.group())
    # "crossed into the besieged town to help its defenders", "entered the region at the
    # invitation of the YPG", "entered Kobani through the crossing": forces arriving as allies
    # are a deployment, ACLED's strategic development, not a fight
    if (
        BATTLES in found
        and not any(etype in found for etype in (RIOTS, EXPLOSIONS, VAC))
        and _ALLIED_ARRIVAL_RE.search(text)
        and all(_ARRIVING_RE.fullmatch(m.group()) for m in found[BATTLES])
    ):
        m = found[BATTLES][0]
        return Trigger(STRATEGIC, m.start(), m.end(), m.group())
    for etype in TRIGGERS:  # precedence order
        if etype in found:
            m = found[etype][0]
            return Trigger(etype, m.start(), m.end(), m.group())
    return None


def assign_roles(text: str, trigger: Trigger, hits: list[GazetteerHit]) -> list[tuple[str, str]]:
    """(canonical name, role) for each actor hit in a sentence, by position to the trigger.

    ``hits`` have offsets into ``text``. The subject (first actor before the trigger that is
    not a source or a helper) is actor1; the first actor after it, actor2; actors "backed by"
    / "alongside" / "and" an actor are associated; sources ("according to X") and the rest are
    mentioned. In the passive ("… were killed by X") the roles turn round. Each actor appears
    once, with its strongest role.
    """
    # (a mention the trigger begins inside is its subject: "U.S. warplanes hit a convoy",
    # whose trigger is "warplanes hit")
    before = [h for h in hits if h.end <= trigger.start or h.start < trigger.start < h.end]
    after = [h for h in hits if h.start >= trigger.end]
    # "…, according to X", "X said": who tells of it, not who did it
    source = {
        id(h)
        for h in hits
        if _SOURCE_RE.search(text[max(0, h.start - 30) : h.start])
        or (h.start > trigger.end and _SAYS_AFTER_RE.match(text, h.end))
    }
    helper = {id(h) for h in hits if _ASSOCIATE_RE.search(text[max(0, h.start - 30) : h.start])}
    roles: dict[str, str] = {}

    def give(hit: GazetteerHit, role: str) -> None:
        old = roles.get(hit.canonical)
        if old is None or ROLE_RANK[role] < ROLE_RANK[old]:
            roles[hit.canonical] = role

    eligible = [h for h in before if id(h) not in source and id(h) not in helper]
    # The subject of the trigger's own clause ("Sensing the weakness of X, ISIS launched …")
    # beats an actor in an earlier clause; else the sentence's first actor ("The Iraqi Army,
    # supported by Y, captured …").
    same_clause = [h for h in eligible if not re.search(r"[,;–—]", text[h.end : trigger.start])]
    subject = (same_clause or eligible or [None])[0]
    objects = [h for h in after if id(h) not in source]
    passive = bool(_PASSIVE_RE.search(text[max(0, trigger.start - 30) : trigger.start]))
    agent = None
    if passive:
        by = re.search(r"\bby\b", text[trigger.end : trigger.end + 60], re.IGNORECASE)
        if by:
            at = trigger.end + by.end()
            agent = next((h for h in after if h.start >= at and id(h) not in source), None)
    if agent is not None:
        give(agent, "actor1")
        if subject is not None:
            give(subject, "actor2")
    else:
        if subject is not None:
            give(subject, "actor1")
        obj = next((h for h in objects if id(h) not in helper and h.canonical not in roles), None)
        if obj is not None:
            give(obj, "actor2")
    for h in hits:
        if h.canonical in roles:
            continue
        if id(h) in helper and id(h) not in source:
            give(h, "associated")
        else:
            give(h, "mentioned")
    order = []
    for h in hits:
        if h.canonical not in (n for n, _ in order):
            order.append((h.canonical, roles[h.canonical]))
    return order

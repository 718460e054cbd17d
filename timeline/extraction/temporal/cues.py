"""Tense and aspect cues: whether the words before an expression look back ("said", "had",
"-ed") or ahead ("will", "is expected to", a schedule's present), which decide the direction
of "Friday" or "March"."""

from __future__ import annotations

import re

_FUTURE_CUES = re.compile(
    r"\b(?:will|won't|would|'ll|shall|going\s+to|(?<=\w)['’]d\s+(?=(?:be|go|come|return|leave|get|make"
    r"|meet|see|start|finish|open|close|try|need|want|like|love)\b)|(?:is|are|was|were)\s+(?:due\s+)?to\s+\w+"
    r"|plans?\s+to|(?<!as\s)(?<!previously\s)(?<!originally\s)(?-i:plann(?:ed|ing))(?:\s+to)?|(?-i:expects?)(?=(?:\s+[\w'\x22\u201c\u201d-]+){0,6}?\s+$)|(?-i:expect(?:s|ed|ing)?)\s+(?:(?!to\b)[\w'-]+\s+){1,8}?to\s+(?!have\b)[a-z]+|scheduled|slated|expected\s+to(?!\s+have\b)|(?-i:expects?|expecting)\s+to\s+(?!have\b)[a-z]+|set\s+to|(?:is|are)\s+set\s+for|next(?!\s+to\b)|upcoming"
    # "hundreds of flights grounded, with more expected over the weekend"
    r"|(?<=\bmore\s)expected|(?<=\bfurther\s)expected"
    # "with the first purchases expected on Wednesday", "the crest, expected Wednesday
    # morning": what is expected on a day is still to come
    r"|(?<!than\s)(?<!as\s)(?<!had\s)(?<!had\sbeen\s)(?<!were\s)(?<!was\s)"
    r"expected(?=\s+(?:on\s+|by\s+|in\s+|early\s+|late\s+)?"
    # ("the caucuses, now expected in the middle of January")
    r"(?:the\s+(?:middle|end|start|beginning)\s+of\s+)?$)"
    # "a forum to be broadcast at 8 p.m.", "the accord to be signed on Monday": an event still
    # to come (not "appeared to be released")
    r"|(?<!appeared\s)(?<!seemed\s)(?<!found\s)(?<!proved\s)to\s+be\s+(?:held|broadcast|televised"
    r"|aired|staged|played|chaired|hosted|unveiled|announced|released|published|signed|launched"
    r"|opened|inaugurated|sworn\s+in|debated|decided|heard|sentenced|delivered|completed)"
    r"|intends?\s+to|prepar(?:e|es|ing)\s+(?:to|for)\b|will\s+be|payable|effective|(?:set|scheduled|pencil+ed)\s+(?:\w+\s+){0,2}for"
    r"|(?:forecast|predicted)\s+(?:for|to(?!\s+have\b))\b"
    # a possibility is ahead: "rain could fall through the weekend" ("could have" looks back)
    # (the month is no "may": "imposed in May and reissued on Monday")
    r"|(?:could|(?-i:may)|might|should)\s+(?!have\b|not\s+have\b|be\s+(?:heard|seen|felt)\b)[a-z]+"
    # "must now win at Chelsea on Monday night" (not "ruled that he must be returned")
    r"|must\s+(?!have\b|be\b|not\s+have\b)[a-z]+"
    # news writes scheduled events in the present: "the council meets Tuesday"
    # (close before the expression: "still holds Mosul, and on Saturday it posted" is no
    # schedule)
    r"|(?<!to )(?-i:meets?|begins|(?<!came\s)(?<!come\s)(?<!comes\s)(?<!stayed\s)opens?"
    r"|resumes|expires?|matur(?:es?|ing)|expiring|convenes"
    r"|reconvenes|arrives|departs|heads(?!\s+of\b)"
    r"|hosts?|(?:is|are)\s+off|possible"
    r"|reports(?=\s+(?:\w+\s+)?(?:results|earnings|figures))|faces(?!\s+of\b)|hosts|visits"
    # (not what "the territory it holds in Iraq" is: no event is held)
    r"|holds(?!\s+(?:in|on|at|to|up|out|back|off|down|onto|power|sway|office|the\s+record)\b)"
    r"|ends|(?<!the )(?<!a )(?<!\.m\. )(?<!record )(?<!its )(?<!highest )(?<!lowest )"
    # (nor the noun after a clock time: "a 1 p.m. close", "the 1600 GMT close", "13:00 AST")
    r"(?<!\d\s)(?<!\btime\s)(?<!\bhours\s)(?<!\bhrs\s)(?<!\)\s)(?<!(?-i:[A-Z]{2}T)\s)(?<!UTC\s)"
    r"closes?"
    # (the adjective is no schedule: "a militia with close ties to Iran", "an aide close to")
    r"(?<!with close)(?<!very close)(?<!so close)(?<!too close)"
    r"(?!\s+(?:ties|links|relations|relationships?|friends?|allies|ally|aides?|associates?"
    r"|advisers?|advisors?|confidants?|contacts?|cooperation|attention|to|second)\b)"
    r"|(?<!the )starts?|go(?:es)?(?=\s+on\s+sale\b)"
    r"|follows(?=\s+on\b)|falls(?=\s+(?:on\b|$))|due"
    # "hosting the Dodgers from Tuesday", "also opening Friday is a retrospective", "the money
    # runs out June 30", "who takes over as governor on July 1", "voters go to the polls on
    # Tuesday"
    r"|hosting|delivers|(?<=\b[Aa]lso\s)opening|runs?\s+out|takes\s+over|go(?:es)?\s+to\s+the\s+polls"
    r"|takes\s+effect"
    # "rights groups want the issue raised in Monday's talks", "wants the deal passed before
    # Thursday": what someone wants done is still to come
    r"|(?-i:wants|want|urges|urge)(?=\s+(?!to\s+(?:know|see|hear|find|understand)\b))"
    # "Koizumi makes a one-day trip to Pyongyang on Saturday", "pays a visit to Kabul Friday"
    r"|(?-i:makes|pays)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:trip|visit|tour|stop|appearance))"
    r"(?=(?:\s+[\w'<>.:()+-]+){0,10}?\s+(?:on\s+|in\s+|at\s+)?$)"
    # ... and a present that is no habit when a day follows it: "lawmakers leave Friday for
    # a recess", "the race continues on Monday", "advocates plan a rally Wednesday"
    r"|(?<!\bto )(?<!n't )(?<!\bnot )(?<!\bdid )(?<!\bdo )(?<!\bdoes )"
    r"(?-i:continues?|returns?|leaves?|travels?|flies|fly|plays?|rests?"
    r"|testif(?:y|ies)|kicks?\s+off|wraps?\s+up|concludes?|plan\s+an?|hope[sd]?\s+to|hoping\s+to"
    r"|setting\s+up|(?:un)?likely|brings|takes\s+up|lifts"
    # (the verbs, not the nouns of "had filed reports by Wednesday", "its releases")
    r"|(?<!filed )(?<!the )(?<!its )(?<!their )(?<!his )(?<!her )(?<!of )(?<!and )(?<!new )"
    r"(?:reports|releases|publishes)(?!\s+(?:of|from|between|about|that|by)\b))"
    r"(?=(?:\s+[\w'.,&-]+){0,6}?\s+(?:on\s+)?$)"
    # what the news turns to, or what something is done ahead of, or put off to, is still to
    # come: "campaigning ahead of Tuesday's elections", "investors now turn to Friday's
    # report", "the final has been moved to 8:15 p.m. on Monday"
    r"|(?:ahead\s+of|(?:turns?|turning|looks?|looking)\s+(?:ahead\s+)?to)(?=\s+(?:[\w'’-]+\s+)?$)"
    r"|(?:moved|postponed|pushed\s+back|rescheduled|brought\s+forward)\s+(?:to|until|till)\b"
    r"(?=(?:\s+[\w'’.:()-]+){0,8}?\s+(?:on\s+)?$)"
    # "Talks begin Monday", a headline's "Hearings Begin Monday" (not "let the offensive
    # begin as previously planned Saturday night")
    r"|(?<!\bto )(?<!n't )(?<!\bnot )(?<!\bdid )(?-i:begin|Begins?)(?=\s+(?:on\s+)?$)"
    # an invitation is to something ahead: "invited her to the White House for lunch on
    # Thursday", "has invited regional leaders to a summit on Wednesday"
    r"|invit(?:e|es|ed|ing)\s+(?:[\w'-]+\s+){0,4}?(?:to|for)\b"
    # a deal or plan "to acquire ..." looks past the time it was struck
    r"|(?:agreement|agreed|deal|offer|offered|promised|pledged|vowed|plan|proposal|decided|voted)"
    r"\s+(?:(?-i:[A-Z][a-z]+day)\s+)?"
    r"to\s+(?!be\b|have\b)[a-z]+)\b",
    re.IGNORECASE,
)
_PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|(?:was|were|had|did)n['’]t|said|told|(?-i:[a-z])\w{2,}(?<!e)(?<!hundr)ed|agreed|freed|decreed|went|came|made|took|gave|began|ago|last|earlier"
    r"|met|won|lost|fell|rose|held|left|ran|saw|got|sold|bought|paid|struck|hit|killed|shot|died"
    r"|brought|thought|sought|fought|caught|taught|built|sent|spent|kept|felt|found|stood"
    r"|wrote|spoke|broke|chose|drove|flew|grew|knew|threw|drew|led|fled|became|arose|sank"
    r"|stole|swore|tore|woke|withdrew|undertook|overtook|forgot|meant|slept|swept|began"
    r"|underwent|forbade|dealt|heard|lent|sped|stuck|swung|wept|wound|quit|shut|since"
    # "the $5.90 to $6.20 it forecast in April": a third person's bare "forecast" is past
    r"|(?<=\bit\s)forecast|(?<=\bhe\s)forecast|(?<=\bshe\s)forecast"
    r"|(?:has|have)\s+(?:not\s+|already\s+|also\s+|just\s+)?(?!(?:scheduled|planned|slated)\b)"
    r"(?:been|\w+ed|had|made|won|lost"
    r"|become|come|done|gone|taken|given|seen|put|set|cut|left|held|told|said|paid|sold))\b",
    re.IGNORECASE,
)
_UNTIL_NEAR = re.compile(
    r"\b(?:until|till|as\s+soon\s+as|as\s+early\s+as)\s+(?:\S+\s+){0,2}$", re.I
)
# After a future cue: words up to the expression with no clause break and no finite past
# other than -ed participles ("will stay closed on", "will publish updated figures on"). A
# question word opens a clause of its own ("is investigating why illnesses doubled Saturday").
_ONLY_PARTICIPLES = re.compile(
    r"(?:(?!\b(?:(?:was|were|had|did)(?:n['’]t)?|said|who|which|that|when|after|because"
    r"|since|why|how|what|where|whether)\b)[^,;:.!?])*",
    re.I,
)
# "by Thursday", "through Monday": an end or a deadline (see ``_h_weekday``), unless a past
# perfect tells of one already passed ("had filed reports by Wednesday")
_BY_NEAR = re.compile(r"\b(?:by|through)\s+$", re.I)
_HAD_AFTER = re.compile(r",?\s+(?:[\w'’-]+\s+){0,3}?had\s+(?!to\b)\w+", re.I)
_PAST_PERFECT = re.compile(r"\bhad\s+(?:not\s+|already\s+)?\w+(?:ed|en|ne|wn)\b", re.I)
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)(?:n['’]t|\s+not|\s+never)?\s+[a-z]+(?:ed|en|wn|ne)\b", re.I
)
# (a pronoun's "'s" too: "when he's sentenced May 7" is ahead, as "is sentenced" is)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|be|been|being|(?:he|she|it|that|who)['’]s)\s+$", re.IGNORECASE
)
_PRESENT_AUX = re.compile(r"\b(?:has|have|is|are)\s+\w+$", re.I)
_ADJ_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|this|that|still|very|most|newly|so-called)\s+$", re.I
)
# "expected to hit", "plans to meet": a base form that looks like a past ("hit", "met"...)
_INFINITIVE_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)
_HAD_BEFORE = re.compile(r"\bhad\s+(?:(?:previously|already|originally)\s+)?(?:been\s+)?$", re.I)


def _past_cues(seg: str) -> list[re.Match[str]]:
    """Past-tense cue words in seg, leaving out passive participles ("is expected") and
    participles used as adjectives ("on a still unspecified date")."""
    return [
        m
        for m in _PAST_CUES.finditer(seg)
        if not _PASSIVE_BEFORE.search(seg, max(0, m.start() - 8), m.start())
        and not _INFINITIVE_BEFORE.search(seg, max(0, m.start() - 4), m.start())
        and not (
            m.group().endswith("ed")
            and _ADJ_BEFORE.search(seg, max(0, m.start() - 12), m.start())
            # "a heat wave that pushed the temperature": "that" opened a clause, its verb past
            and not (
                seg[max(0, m.start() - 5) : m.start()].lower() == "that "
                and (_OBJECT_AFTER.match(seg, m.end()) or _CLAUSE_GOES_ON.match(seg, m.end()))
            )
        )
    ]


# "a listings market that stalled after the turbulence in January": a relative clause's verb
_CLAUSE_GOES_ON = re.compile(
    r"\s*(?:[,;]|\s(?:after|before|in|on|at|during|when|as|until|since|last|earlier)\b)", re.I
)
_OBJECT_AFTER = re.compile(
    r"\s+(?:the|a|an|its|their|his|her|our|up|out|down|back|into|off|more|some|\d)\b", re.I
)


# A present progressive or "is expected" names an arrangement: "the ministers are meeting
# Monday", "a vote is expected Friday". Not a cue for a possessive ("are investigating
# Monday's attack"), which checks _FUTURE_CUES alone.
_ARRANGED = re.compile(
    r"\b(?:is|are|'re)\s+(?:[a-z]+ly\s+)?(?:(?!being\b)[a-z]{2,}ing|expected)\b"
    r"(?!\s+(?:to|that)\b)",
    re.I,
)


def _future_cues(seg: str) -> list[re.Match[str]]:
    """Future cue words in seg, leaving out plans that were past ("had been due to expire",
    "had planned to"): those report a past the narrative has already gone by."""
    found = [*_FUTURE_CUES.finditer(seg), *_ARRANGED.finditer(seg)]
    found.sort(key=lambda m: m.end())
    return [m for m in found if not _HAD_BEFORE.search(seg, max(0, m.start() - 24), m.start())]


# (not a passive still to come: "the results will be announced on Friday")
_SAID_NEAR = re.compile(r"(?<!\bbe\s)\b(?:said|says|told|announced|reported)\W*$", re.IGNORECASE)

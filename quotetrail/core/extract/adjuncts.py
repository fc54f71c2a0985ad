"""Words that may stand between a verb of saying and what was said.

    said ──► [told reporters] [on Monday] [in a statement] [по телефону] ──► (that) clause
             _past_adjuncts skips them; the vocabulary below says what a clause may
             start with when "that" is missing (_BARE_CLAUSE, _NEEDS_THAT, _SAY …)

Pure vocabulary (regexes and word lists) plus the one function that skips adjuncts;
clause boundaries, cue subjects and reported speech all read it.
"""

from __future__ import annotations

import re

from quotetrail.core.extract.article import _words

_COORDINATED = re.compile(r"(?<![\w-])(?:and|or|but|и|или|а|но),?\s*$", re.IGNORECASE)


# What may stand between a verb and its reported clause: the one spoken to, a time,
# a channel — "told reporters on Wednesday that", "said in a statement that",
# "said Wednesday the plan", «заявил журналистам в среду, что».
_DAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|today|tonight"
    r"|earlier|later|again|also|recently|previously|publicly|privately|repeatedly|separately"
    r"|last\s+(?:week|weekend|month|year|night)"
    r"|this\s+(?:week|weekend|month|year|morning|afternoon|evening)"
    r"|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    # "has said for weeks", "has said in recent days", "said on several occasions"
    r"|for\s+(?:(?:several|many|two|three|some)\s+)?(?:days|weeks|months|years)"
    r"|in\s+recent\s+(?:days|weeks|months|years)|on\s+(?:several|multiple|many)\s+occasions"
)
_CHANNEL = (
    r"statement|interview|briefing|conference|news\s+conference|press\s+conference|post|speech"
    r"|letter|release|email|e-mail|call|phone\s+call|tweet|hearing|meeting|address|appearance"
    r"|session|video|broadcast|message|op-ed|memo|filing|report|radio\s+interview|tv\s+interview"
)
_TIME_ADJUNCT = r"\s*,?\s*(?:(?:on|late|early)\s+)?(?:" + _DAYS + r")\b"
_CHANNEL_ADJUNCT = (
    r"\s+(?:in|at|during|on|via|through)\s+(?:an?|the|his|her|their|its|a\s+written|one)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:" + _CHANNEL + r")\b"
    r"(?:\s+(?:with|to|on|at|in)\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,4})?"
    r"|\s+on\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.'’-]*\s*){1,4}"
)
_ADDRESSEE_ADJUNCT = (
    r"\s+(?:reporters|journalists|lawmakers|supporters|the\s+audience|the\s+crowd|the\s+court"
    r"|the\s+committee|the\s+(?:agency|newspaper|paper|broadcaster|channel|station|network|magazine)"
    r"|him|her|them|us|me|you|investigators|police|officials|the\s+jury|the\s+judge)\b"
    r"|\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,4}(?=\s+(?:on|in|at|last|this|that)\b)"
)
_RU_ADJUNCT = (
    r"\s+(?:журналистам|репортерам|репортёрам|агентству|изданию|газете|телеканалу"
    r"|в\s+(?:своем\s+|своём\s+)?(?:telegram|телеграм|[\w-]*)-канале|в\s+соцсетях|в\s+соцсети\s+\w+"
    r"|на\s+(?:брифинге|пресс-конференции|встрече\s+с\s+журналистами|заседании|форуме|совещании)"
    r"|в\s+ходе\s+(?:брифинга|пресс-конференции|встречи|заседания|визита)"
    r"|в\s+(?:интервью|эфире|беседе)"
    r"(?:\s+[«\"]?[А-ЯЁA-Z][\w.-]*[»\"]?){0,3}|в\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|сегодня|вчера|ранее|также|тоже)"
)
_ADJUNCT = re.compile(
    f"(?:{_TIME_ADJUNCT}|{_CHANNEL_ADJUNCT}|{_ADDRESSEE_ADJUNCT}|{_RU_ADJUNCT})*", re.IGNORECASE
)
# «Как отметил в своем Telegram-канале депутат …», «заявил журналистам Песков»: what may
# stand between a Russian verb and the speaker after it
_RU_ADJUNCTS = re.compile(f"(?:{_RU_ADJUNCT})*", re.IGNORECASE)
# the same without the one spoken to: in "said the agency does not comment" the agency
# is the clause's subject, not an addressee
_ADJUNCT_NO_ADDRESSEE = re.compile(
    f"(?:{_TIME_ADJUNCT}|{_CHANNEL_ADJUNCT}|{_RU_ADJUNCT})*", re.IGNORECASE
)
_TOLD = ("told", "tells", "tell", "telling")
_OBJECT_PRONOUN = re.compile(r"\s+(?:him|her|them|us|me|you)\b", re.IGNORECASE)
_AUX = re.compile(
    r"(?<![\w-])(?:is|are|was|were|will|would|can|could|should|may|might|must|has|have|had"
    r"|do|does|did|won't|wouldn't|can't|couldn't|isn't|aren't|wasn't|weren't|hasn't|haven't"
    r"|didn't|doesn't|don't|shall|need|needs)(?![\w-])"
    r"|(?<![\w-])(?:it|he|she|that|there|what|who|they|we|you|i)(?:’|')(?:s|re|ll|d|ve)\b|n[’']t\b",
    re.IGNORECASE,
)
_AUX_WORDS = frozenset(
    _words(
        """
    is are was were will would can could should may might must has have had do does did
    won't wouldn't can't couldn't isn't aren't wasn't weren't hasn't haven't didn't doesn't
    don't shall
    """
    )
)
_BARE_CLAUSE = re.compile(
    r"(?-i:[A-Z0-9])|(?:the|a|an|it|he|she|they|we|i|you|there|this|these|those|no|not|its|his"
    r"|her|their|our|my|your|some|many|most|all|any|every|each|several|few|both|having|one"
    r"|none|nobody|everyone|everybody|anyone|anybody|someone|somebody"
    r"|neither|either|only|even|russia|moscow|that['’]s)\b",
    re.IGNORECASE,
)
_PREP_START = re.compile(
    r"(?:in|on|at|to|after|before|during|with|from|of|about|for|by|as)\b", re.IGNORECASE
)
_SAY = ("said", "says", "say")
_SAID_OBJECTS = frozenset(
    _words(
        """
    nothing goodbye so much little yes no as grace hello something anything everything
    more less too very again earlier later instead otherwise thanks farewell sorry amen
    """
    )
)
# a quoted fragment the writer's words continue: `“the tide is turning” despite her loss`
# (not `“We will win” and walked out`: a second verb of the subject)
_MIXED_AFTER = re.compile(
    r"[“\"][^“”\"\n]{1,200}[”\"]\s+(?!(?:and|but|or|then|as|while|when|before|after|he|she"
    r"|they|it|to|said|says|told|adding|saying)\b)(?-i:[a-z])",
    re.IGNORECASE,
)
# "told the Harbour Post he …", "told his audience they …": the one spoken to, then a
# clause opened by a pronoun subject
_TOLD_NP = re.compile(
    r"\s+(?:(?:the|his|her|their|its|a|an)\s+)?(?:(?-i:[A-Z])[\w.&'’-]*\s+){0,4}?"
    r"(?:(?-i:[a-z])[\w-]+\s+)?"
    # "told The Harbour Post of Lisle last week she …", "told Radio host Tom Vey he …"
    r"(?:(?:of|at|founder|host|anchor|editor|reporter|correspondent)\s+"
    r"(?:(?-i:[A-Z])[\w.&'’-]*\s+){1,3})?"
    r"(?:(?:last|this)\s+(?:week|month|year|weekend|night)\s+|on\s+(?-i:[A-Z])[a-z]+day\s+)?"
    r"(?P<subj>(?:he|she|they|it|we|i|you)(?:[’'](?:s|re|d|ll|ve))?\b"
    # "told the AP his firm worked …": a possessive subject, then a verb
    r"|(?:his|her|their|its|our|my)\s+(?-i:[a-z])[\w-]+(?=\s+(?:(?-i:[a-z])[\w-]+ed|is|are|was"
    r"|were|has|have|had|will|would|can|could|never|did|does|do|should|must)\b))",
    re.IGNORECASE,
)
_WH = re.compile(r"(?:whether|if|why|how|what|when|where|who)\b", re.IGNORECASE)
_NEEDS_THAT = frozenset(_words("called calls asked asks continued continues believes believed"))


def _past_adjuncts(text: str, pos: int, end: int, *, addressee: bool = True) -> int:
    m = (_ADJUNCT if addressee else _ADJUNCT_NO_ADDRESSEE).match(text, pos, end)
    return m.end() if m else pos

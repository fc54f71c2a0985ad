"""What a name looks like: tokens, stop words, titles, first names, the SpeakerRef.

    text ──► _tokens ──► _is_name_token / _is_name_part (capitalised, not on _STOP,
                         not a title or an institution) ──► runs of name words
    a title before a run ("Russian President", «пресс-секретарь») ──► roles (_ROLE)

The bottom of the package: the vocabulary (stop words, roles, English and Russian first
names from data/first_names_en.txt), clause bounds a subject may not cross, and
`SpeakerRef`, what every finder returns. Everything above imports from here; nothing
here imports another speakers module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Literal


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one block of text."""
    return tuple(text.split())


Gender = Literal["m", "f"] | None

_TOKEN = re.compile(r"[^\W\d_](?:[\w’'-]*[^\W_])?")
# "Mr. O'Brien": no break at a title's dot (a thousands comma: see `_clause_start`)
_CLAUSE_BREAK = re.compile(r"[,;:()\"«»“”„!?—–\[\]]|\.(?!\s*[A-ZА-ЯЁ][\w.'’])")
_LAST_CLAUSE_BREAK = re.compile(rf"(?s:.*)(?:{_CLAUSE_BREAK.pattern})")  # see _clause_start
_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")

PRONOUNS: dict[str, Gender] = {
    "he": "m", "she": "f", "him": "m", "her": "f", "он": "m", "она": "f", "его": "m", "ее": "f", "её": "f",
}  # fmt: skip
_SUBJECT_PRONOUNS = frozenset({"he", "she", "он", "она"})
_PLURAL_PRONOUNS = frozenset({"they", "они"})  # a group or an organisation, never one person

# Capitalised words that are never (part of) a person's name in a news sentence.
_STOP = frozenset(
    _words(
        """
    the a an in on at to of for from by with and or but if as so this that these those there
    then when while after before during since meanwhile however earlier later also yet still
    speaking according asked he she it they we i you his her their its our my mr mrs ms dr
    rep sen gov rev lt gen col sgt prof atty supt
    sir lord madam president presidential prime minister ministers foreign defense defence
    interior finance secretary state general deputy vice chief head chairman chairwoman
    spokesman spokeswoman spokesperson press senator governor mayor ambassador envoy leader
    councillor councilor councilman councilwoman alderman
    chancellor premier king queen prince official officials commander colonel lieutenant
    captain major sergeant admiral director ceo professor analyst expert lawmaker
    congressman congresswoman representative kremlin house senate congress duma
    parliament government ministry department office council commission committee court army
    navy police pentagon russian russia russia's ukrainian ukraine american america us usa
    uk eu nato un european europe british britain french france german germany chinese china
    turkish turkey armenian armenia azerbaijani azerbaijan georgian georgia belarusian
    belarus kazakh kazakhstan israeli israel iranian iran polish poland western west eastern
    east moscow kyiv kiev washington london paris berlin beijing ankara yerevan baku minsk
    now still here yet thus instead indeed moreover furthermore finally first second third
    separately recently currently previously overall even just only again once last next
    asked answering responding commenting writing addressing
    теперь сейчас здесь там впрочем кстати итак поэтому между тем затем именно лишь только уже
    еще ещё вот все всё вместе причем причём потому поскольку хотя если когда пока
    tbilisi brussels soviet monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december today
    yesterday tomorrow в во на по из от до для при о об с со к ко у за над под про как что
    это этот эта эти тот та и а но или же ли не ни тоже также ранее позже затем потом
    сегодня вчера завтра однако кроме он она они оно мы я вы ты его ее её их сам сама сами
    сам сама сами президент президента президентом министр министра министром глава главы
    пресс-секретарь пресс-секретаря председатель председателя представитель представителя
    посол посла депутат депутата сенатор сенатора губернатор губернатора мэр мэра премьер
    премьер-министр вице-премьер спикер спикера замглавы генсек лидер лидера директор
    директора эксперт политолог россия россии россию россией рф сша украина украины украине
    украину москва москвы москве кремль кремля кремле киев киева запад запада европа европы
    евросоюз евросоюза ес нато оон госдума госдумы госдуме совфед совета федерации думы
    минобороны мид минфин правительство правительства белоруссия белоруссии беларусь
    беларуси армения армении азербайджан азербайджана турция турции казахстан казахстана
    китай китая пекин вашингтон лондон париж берлин ереван баку минск анкара брюссель
    германии франции британии израиля ирана понедельник вторник среда среду четверг пятница
    пятницу суббота субботу воскресенье января февраля марта апреля мая июня июля августа
    сентября октября ноября декабря российский российского российская американский
    украинский источник источники источника источников собеседник собеседники
    ведомство министерство власти source sources officials
    господин госпожа господина госпожи после республика республики республике
    другой другая другие
    local many some most several other others few both critics residents businesses people
    former neither nor like although amid inside over given having what wow hours minutes
    shortly similarly likewise despite unlike among following whether wait more therefore
    back facing continuing well busted thus hence perhaps maybe yes no please thanks
    why how where which whose whom let reached hastily soon beyond
    """
    )
)

# Role titles: a later "the president" / «глава государства» refers to someone who held one.
_ROLE_PATTERNS: dict[str, str] = {
    "president": r"president|head of state|leader|президент\w*|глав\w* государства|лидер\w*|хозяин\w* кремля",
    "premier": r"prime minister|premier|премьер(?:-министр)?\w*|глав\w* правительства",
    "minister": r"minister|secretary|министр\w*|глав\w* (?:мид|мвд|мчс|мин[а-яё]+|ведомства)",
    "spokesperson": r"spokes(?:man|woman|person)|press secretary|пресс-секретар\w*|официальн\w* представител\w*|представител\w*",
    "diplomat": r"diplomat|ambassador|envoy|foreign minister|дипломат\w*|посол|посла|послу|постпред\w*|глав\w* мид",
    "lawmaker": r"lawmaker|legislator|senator|congress(?:man|woman)|mp|депутат\w*|сенатор\w*|парламентари\w*",
    "governor": r"governor|губернатор\w*|глав\w* (?:региона|республики)",
    "mayor": r"mayor|мэр\w*|глав\w* города",
    "official": r"official|чиновник\w*",
    "chancellor": r"chancellor|канцлер\w*",
    "commander": r"commander|general|командующ\w*|генерал\w*",
    "executive": r"chief executive|ceo|chairman|chairwoman|director|председател\w*|директор\w*|гендиректор\w*",
    "expert": r"expert|analyst|political scientist|economist|эксперт\w*|аналитик\w*|политолог\w*|экономист\w*",
    # Russian only: a later «— рассказал следователь» means the investigator named before
    "investigator": r"следовател\w*|дознавател\w*",
    "prosecutor": r"прокурор\w*|гособвинител\w*",
    "doctor": r"врач\w*|главврач\w*",
    "attorney": r"адвокат\w*",
    "coach": r"тренер\w*",
}
_ROLE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _ROLE_PATTERNS.items()) + r")(?![\w-])",
    re.IGNORECASE,
)

_FEMALE_FIRST = frozenset(
    _words(
        """
    maria anna elena olga natalia natalya tatiana tatyana svetlana irina ekaterina
    yekaterina valentina lyudmila marina julia yulia ursula angela kamala hillary theresa
    nancy kaja annalena giorgia marine emmanuelle liz sarah jane mary elizabeth victoria
    kristi ann anne lena ida helen helena karen linda susan lisa laura emily emma olivia
    sophia amy amanda jennifer jessica michelle melania nikki kristen kirsten megyn hope
    ivanka chelsea betsy elaine nicola ruth rosa rachel rebecca claire catherine katherine
    kate kathleen margaret patricia barbara deborah donna carol carly janet diana diane
    heather heidi tulsi kellyanne sheila alexandria ilhan rashida ayanna maxine debbie
    dianne lindsey stephanie nicole christine christina jill joan judith judy julie
    alice grace sandra shirley theresa teresa virginia martha monica mara marta greta
    """
    )
)
_MALE_FIRST = frozenset(
    _words(
        """
    john james robert michael william david richard joseph thomas charles daniel matthew
    mark donald paul steven andrew kenneth george joshua kevin brian edward ronald timothy
    jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
    brandon benjamin samuel frank gregory raymond patrick jack dennis jerry tyler aaron
    jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith
    christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan
    joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
    eugene vincent russell elijah louis bobby philip johnny bernie ted marco jeb mike
    chris tom tim jim bill bob dick ben rick ron hal ray oleg vladimir sergei dmitry
    ivan nikol ilham recep emmanuel olaf boris barack mitch chuck newt rand
    arvid lee tony hugh ian neil kurt lars hans
    """
    )
)


def _load_first_names() -> tuple[frozenset[str], frozenset[str]]:
    """The packaged list of common first names (data/first_names_en.txt): male, female."""
    text = resources.files("quotetrail.core").joinpath("data/first_names_en.txt").read_text("utf-8")
    pairs = [line.split() for line in text.splitlines() if line and not line.startswith("#")]
    return (
        frozenset(name for name, gender in pairs if gender == "m"),
        frozenset(name for name, gender in pairs if gender == "f"),
    )


_LISTED_MALE, _LISTED_FEMALE = _load_first_names()
_LISTED_ANY = _LISTED_MALE | _LISTED_FEMALE
_FEMALE_FIRST = _FEMALE_FIRST | (_LISTED_FEMALE - _MALE_FIRST)
_MALE_FIRST = _MALE_FIRST | (_LISTED_MALE - _FEMALE_FIRST)
_MALE_A = frozenset(
    _words(
        """
    никита илья кузьма фома лука nikita ilya luca joshua andrea
    """
    )
)

# Russian (and regional) first names in the nominative: a first name in any case tells
# the gender («Павла Гринько» is a man, «Ларисой» a woman) and its case tells how to
# put the surname back in the nominative («Гургену Саркисяну» → «Гурген Саркисян»).
_RU_MALE_FIRST = _words(
    """
    александр алексей анатолий андрей антон аркадий арсений артем артём артур борис вадим
    валентин валерий василий виктор виталий владимир владислав вячеслав геннадий георгий
    герман глеб григорий давид даниил денис дмитрий евгений егор иван игорь ильдар кирилл
    константин леонид максим марат марк матвей михаил николай олег роман руслан
    рустам семен семён сергей станислав степан тимур тимофей эдуард юрий ярослав
    ринат айдар азат эльдар рамзан нурлан ерлан гурген ашот арам зураб вахтанг рашид
    рустем мурат камиль фарид богдан всеволод захар савелий платон эмиль альберт филипп
    прохор ростислав ефим анвар шавкат мерген виорел карл никол арсен тигран армен
    """
)
_RU_FEMALE_FIRST = _words(
    """
    александра алина алла анастасия ангелина анна антонина валентина валерия вера вероника
    виктория галина дарья диана евгения екатерина елена елизавета жанна зарина зинаида
    инна ирина карина кира клавдия ксения лариса лидия людмила маргарита марина мария
    милана надежда наталья наталия нина оксана олеся ольга полина раиса светлана софья
    софия таисия тамара татьяна ульяна эвелина эльвира юлия яна алена алёна василиса
    варвара гульнара динара лейла лилия майя регина римма снежана стефания элина эльмира
    айгуль камила асель мадина кристина арина алиса ева серафима виолетта эльза ангела
    """
)
_IRREGULAR_STEM = {"павел": "павл", "лев": "льв", "петр": "петр", "пётр": "петр"}
Case = Literal["nom", "gen", "dat", "acc", "ins", "pre"]


def _first_name_forms() -> dict[str, tuple[str, Gender, Case]]:
    """Every case form of the listed first names → (nominative, gender, case)."""
    forms: dict[str, tuple[str, Gender, Case]] = {}

    def add(form: str, nom: str, gender: Gender, case: Case) -> None:
        forms.setdefault(form, (nom, gender, case))

    for name in (*_RU_MALE_FIRST, *_RU_FEMALE_FIRST, *_IRREGULAR_STEM, *("павел", "лев", "петр")):
        gender: Gender = "f" if name in _RU_FEMALE_FIRST else "m"
        add(name, name, gender, "nom")  # nominatives first: «Яна» is Яна, not Ян's genitive
    for name in (*_RU_MALE_FIRST, "павел", "лев", "петр", "пётр"):
        if name.endswith(("й", "ь")):
            stem, endings = name[:-1], ("я", "ю", "ем", "е")
        else:
            stem, endings = _IRREGULAR_STEM.get(name, name), ("а", "у", "ом", "е")
        for case, ending in zip(("gen", "dat", "ins", "pre"), endings, strict=True):
            add(stem + ending, name, "m", case)
    for name in _RU_FEMALE_FIRST:
        if name.endswith("ия"):
            stem, endings = name[:-1], ("и", "и", "ю", "ей", "и")
        elif name.endswith("я"):
            stem, endings = name[:-1], ("и", "е", "ю", "ей", "е")
        else:
            gen = "и" if name[-2] in "гкхжшчщ" else "ы"
            stem, endings = name[:-1], (gen, "е", "у", "ой", "е")
        for case, ending in zip(("gen", "dat", "acc", "ins", "pre"), endings, strict=True):
            add(stem + ending, name, "f", case)
    return forms


_RU_FIRST_FORMS = _first_name_forms()
_PATRONYMIC = re.compile(r"(?:вич|вна|чна|ична|ьич)(?:а|у|ем|ом|е|ы|ой|ей|у)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """What stands next to a cue: a name, a pronoun, a role ("the minister") or a body.

    A *body* is an organisation or an unnamed source ("the ministry", «в Кремле»,
    "a source close to the talks"); its `name` is the phrase as written, with a
    Russian locative head put back in the nominative («Кремль»).
    """

    kind: Literal["name", "pronoun", "role", "body"]
    name: str = ""
    gender: Gender = None
    roles: frozenset[str] = frozenset()
    pos: int = -1
    known_only: bool = False  # a lone surname met in passing: only someone already named
    # the gender an honorific or a first name states (not guessed): tells apart two
    # people of one surname ("Mr. Khan", "Ms. Khan"), see morphology.firm_gender
    firm_gender: Gender = None


def _match_roles(m: re.Match[str]) -> frozenset[str]:
    keys = {k for k, v in m.groupdict().items() if v}
    if re.search(r"foreign minister|мид", m.group(), re.IGNORECASE):
        keys |= {"minister", "diplomat"}
    return frozenset(keys)


def roles_in(text: str) -> frozenset[str]:
    """All roles a phrase names (an appositive: "the Kremlin spokesman")."""
    return frozenset().union(*(_match_roles(m) for m in _ROLE.finditer(text)))


def title_roles(title: str) -> frozenset[str]:
    """The role of the title right before a name: its head noun only.

    English puts the head last ("Russian President"), Russian first
    («пресс-секретарь президента»), so a complement never lends its role.
    """
    matches = list(_ROLE.finditer(title))
    if not matches:
        return frozenset()
    head = matches[0] if _CYRILLIC.search(title) else matches[-1]
    roles = _match_roles(head)
    if re.search(r"иностранных дел|foreign", title, re.IGNORECASE):
        roles |= {"diplomat"}
    if _LEGISLATURE.search(title):
        roles |= {"lawmaker"}  # «Председатель комитета Госдумы …» is later «депутат»
    return roles


_LEGISLATURE = re.compile(
    r"(?:гос|гор|обл)?дум[аыеу]|законодательн\w+ собрани\w+|совет\w* федерации", re.IGNORECASE
)


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


def _is_name_token(tok: str) -> bool:
    base = _strip_possessive(tok)
    if not base or not base[0].isupper():
        return False
    if _ROLE.fullmatch(base):
        return False  # «Дипломат подчеркнул», "Minister …": a role, not a name
    if len(base) > 1 and base.isupper():
        return False  # acronyms: TASS, МИД, NATO
    if _NOT_NAME_SHAPE.fullmatch(base):
        return False  # "I'd", "Orlando-based"
    low = base.lower()
    if low[:3] in _RU_INSTITUTION_STARTS and _RU_INSTITUTION.match(low):
        return False  # «Источник в Минфине»: a ministry in any case, not a surname
    return low not in _STOP and low.replace("ё", "е") not in _STOP


_RU_INSTITUTION_STARTS = frozenset(("мин", "рос", "ген", "цен"))
_RU_INSTITUTION = re.compile(
    r"(?:мин(?:фин|юст|здрав|эконом|транс|природ|цифр|строй|энерго|сельхоз|промторг|просвещ"
    r"|обрнаук|труд|спорт|культ|обороны|вост|иност)|роспотребнадзор|росстат|ростех|росгидромет"
    r"|роскосмос|рособрнадзор|росавиаци|роскомнадзор|генпрокуратур|центробанк|минпромторг)"
)


def _is_name_part(text: str, token: tuple[int, int, str]) -> bool:
    """A name word, or an initial ("В." in «В. Путин»)."""
    a, b, tok = token
    initial = len(tok) == 1 and tok.isupper() and text[b : b + 1] == "."
    if tok[:1] in "JFMAOSND" and _MONTH_ABBREVIATION.match(text, a, b + 4):
        return False  # a dateline "WASHINGTON, Dec. 8": a date, while "Jan Brewer" is a name
    return initial or _is_name_token(tok) or _after_honorific(text, a, tok)


_MONTH_ABBREVIATION = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s*\d")


_NOT_NAME_SHAPE = re.compile(
    r"(?i:i|we|you|they|he|she|it|that|there)['’](?i:d|ll|ve|m|re|s)|[\w’'-]+-(?i:based|born|led)"
)
_HONORIFIC = re.compile(r"(?<![\w-])(?:Mr|Mrs|Ms|Dr)\.?\s$")


def _after_honorific(text: str, a: int, tok: str) -> bool:
    """ "Mr. King", "Ms. Major": after an honorific a word from the stop list is a surname."""
    return (
        tok[:1].isupper()
        and not tok.isupper()
        and _HONORIFIC.search(text, max(0, a - 5), a) is not None
    )


def _strip_possessive(tok: str) -> str:
    return tok[:-2] if tok.endswith(("'s", "’s")) else tok


def _joinable(text: str, end: int, start: int) -> bool:
    """Gap between two words of one name: a space, or an initial's dot."""
    gap = text[end:start]
    if "\n" in gap:
        return False  # "— Tom Reyes\n\nReyes, a former…": two paragraphs, two mentions
    # "J. Smith", not "Ikea. Forbes" or «…Ларисой Кречетовой. После встречи»
    initial = end >= 2 and not text[end - 2].isalpha()
    return (gap.isspace() and len(gap) <= 2) or (initial and gap.strip() == "." and len(gap) <= 3)


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Just after the last clause break in text[lo:hi] (lo when there is none).

    One greedy match instead of a match object per break: the breaks are single
    characters, so the last one `finditer` would give is the last one `.*` backs off to.
    """
    m = _LAST_CLAUSE_BREAK.match(text, lo, hi)
    while m is not None and _THOUSANDS.match(text, m.end() - 2):
        m = _LAST_CLAUSE_BREAK.match(text, lo, m.end() - 1)  # "1,500 pages": no break
    return m.end() if m else lo


def _clause_end(text: str, lo: int, hi: int) -> int:
    m = _CLAUSE_BREAK.search(text, lo, hi)
    return m.start() if m else hi


_RU_QUOTED = re.compile(r"«[^«»\n]{1,40}»")


def _clause_end_past_names(text: str, lo: int, hi: int) -> int:
    """Like `_clause_end`, but a short «…» after Russian words is a name inside the clause.

    «Аналитик банка «Восток» Игорь Лазарев», «рассказал «Ъ» председатель»: the
    bank and the paper are named in the middle of the title, not where it stops.
    """
    end = _clause_end(text, lo, hi)
    while end < hi and text[end] == "«" and _CYRILLIC.search(text, max(lo, end - 30), end + 3):
        m = _RU_QUOTED.match(text, end, hi)
        if m is None:
            break
        end = _clause_end(text, m.end(), hi)
    return end


def _rstrip_end(text: str, lo: int, hi: int) -> int:
    """Where text[lo:hi].rstrip() ends, found without copying text[lo:hi]."""
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _ends_with(text: str, lo: int, end: int, suffix: str) -> bool:
    """text[lo:end].endswith(suffix), without the copy."""
    return end - lo >= len(suffix) and text.startswith(suffix, end - len(suffix))


IsOutlet = Callable[[str], bool]
_REACH = 200  # a subject stands within this many characters of its cue
_PAST_VERB = re.compile(r"[a-z]{3,}ed|said|told|wrote|was|were|had|has|is|did")


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)

"""Who is speaking: names next to a speech cue, and what "he" or "the minister" refers to.

Names are found by shape, not by a model: a run of one to three capitalised words
that are not on a stop list of capitalised non-names (titles, countries, days,
institutions). Titles in front of the run ("Russian President", «пресс-секретарь
президента») are kept as *roles* so that a later "the president" or «глава
государства» can be matched to the person.

Russian names after «по словам», «по мнению», «со слов» stand in the genitive
(«Пескова», «Марии Захаровой»); :func:`nominative` turns them back with a small
ending table, and every form of a surname shares one key, so «Пескову» and
«Песков» are one person. The best (nominative, longest) spelling seen anywhere in
the article is the one reported for all of that person's quotes.

Gender comes from an honorific ("Ms."), then a first name (the packaged list
``data/first_names_en.txt`` and a few Russian ones), then a "-woman"/"-man" title, then
a surname ending; a pronoun resolved to someone whose gender was unknown fixes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

__all__ = [
    "Person",
    "Resolver",
    "SpeakerRef",
    "body_after",
    "body_before",
    "find_full_names",
    "find_titled_mentions",
    "nominative",
    "subject_after",
    "subject_before",
]


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one block of text."""
    return tuple(text.split())


Gender = Literal["m", "f"] | None

_TOKEN = re.compile(r"[^\W\d_](?:[\w’'-]*[^\W_])?")
_CLAUSE_BREAK = re.compile(r"[,;:()\"«»“”„!?—–\[\]]|\.(?!\s*[A-ZА-ЯЁ][\w.])")
_LAST_CLAUSE_BREAK = re.compile(rf"(?s:.*)(?:{_CLAUSE_BREAK.pattern})")  # see _clause_start

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
    return roles


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
    return initial or _is_name_token(tok) or _after_honorific(text, a, tok)


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


# --- finding the subject of a cue ---------------------------------------------

IsOutlet = Callable[[str], bool]
_REACH = 200  # a subject stands within this many characters of its cue


_RU_CHANNEL_WORDS = ("беседе", "интервью", "разговоре", "эфире", "комментарии")
_RU_CHANNEL_BEFORE = re.compile(
    r"\s+(?:в|во)\s+(?:беседе|интервью|разговоре|эфире|комментарии)(?![\w-])[^,.;:!?\n]{0,80}$"
)


def subject_before(text: str, lo: int, hi: int, is_outlet: IsOutlet) -> SpeakerRef | None:
    """The speaker standing just before a cue at `hi` ("Putin said", "the minister told")."""
    appositive = frozenset()
    window = text[max(lo, hi - 120) : hi]
    channel = (
        _RU_CHANNEL_BEFORE.search(text, max(lo, hi - 120), hi)
        if any(w in window for w in _RU_CHANNEL_WORDS)
        else None
    )
    if channel is not None:
        hi = channel.start()  # «Семен Гальперин в беседе с корреспондентом РИА Новости сообщил»
    # `end` is where text[lo:hi].rstrip() would end: no copy of a long paragraph per cue
    end = _rstrip_end(text, lo, hi)
    if _ends_with(text, lo, end, "),"):
        end = _rstrip_end(text, lo, end - 1)
    if _ends_with(text, lo, end, ")"):  # "Rep. Jim Hale (D-Ore.) said": the party tag is no break
        opening = text.rfind("(", max(lo, hi - 60), end)
        if opening > lo:
            hi = opening
            end = _rstrip_end(text, lo, hi)
    seg_end = hi
    relative = _RELATIVE_AFTER_NAME.search(text, max(lo, hi - _REACH), hi)
    if _ends_with(text, lo, end, ",") and relative is not None:
        seg_end = relative.start()  # "Marco Rubio, whose hometown, Miami, is …, argues"
    elif _ends_with(text, lo, end, ","):
        comma = end - 1
        prev = text.rfind(",", lo, comma)
        chunk = text[prev + 1 : comma].strip() if prev >= 0 else ""
        if prev >= 0 and re.fullmatch(r"(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]+", chunk):
            seg_end = comma  # "A lawyer for the outlets, David Schulz, said": the name
        if (
            chunk
            and chunk.split()[0].lower() not in _NOT_APPOSITIVE
            and (
                chunk[0].islower()
                or chunk.lower().startswith(("the ", "a ", "an "))
                or re.search(r"(?:'s|’s|s'|s’)\s+(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*$", chunk)
                or re.fullmatch(r"\d{1,3}", chunk)  # "Butz, 49, told"
            )
            and len(chunk.split()) <= 12
        ):  # "Jane Roe, a lawyer, said", "Ben Rhodes, Mr. Obama's deputy adviser, said"
            appositive = roles_in(chunk)
            seg_end = prev
    start = _clause_start(text, max(lo, seg_end - _REACH), seg_end)
    tokens = _tokens(text, start, seg_end)
    role_ends = {m.end(): m for m in _ROLE.finditer(text, start, seg_end)}
    idx = len(tokens) - 1
    steps = 0
    while idx >= 0 and steps < 6:
        a, b, tok = tokens[idx]
        low = tok.lower()
        if low in _SUBJECT_PRONOUNS and steps <= 2:
            return SpeakerRef("pronoun", gender=PRONOUNS[low], pos=a)
        if low in _PLURAL_PRONOUNS and steps <= 1:
            return SpeakerRef("pronoun", name=low, pos=a)
        if _is_name_token(tok) or _after_honorific(text, a, tok):
            if tok != _strip_possessive(tok):
                return None
            run = _run_left(text, tokens, idx)
            ref = _name_ref(text, run, start, is_outlet, appositive)
            if _PLACE_BEFORE.search(text, max(0, run[0][0] - 8), run[0][0]):
                return None  # "an ad buy in California on Tuesday and announced": a place
            if ref is not None and not _OF_BEFORE.search(text, max(0, run[0][0] - 8), run[0][0]):
                return ref  # not "the head of Port Marren": a place that completes a title
            idx -= len(run)  # an outlet ("в своем Telegram-канале"): look past it
            steps += 1
            continue
        if b in role_ends:
            role = role_ends[b]
            head = next(
                (r for r in role_ends.values() if r.end() < role.start()
                 and not text[r.end() : role.start()].strip() and _CYRILLIC.search(r.group())),
                None,
            )  # fmt: skip
            if head is not None:  # «пресс-секретарь президента»: the secretary, not the president
                phrase = _lower_common(text[head.start() : role.end()])
                return SpeakerRef("role", name=phrase, roles=_match_roles(head), pos=head.start())
            unnamed = _INDEFINITE.search(text, start, role.start())
            if unnamed:  # "a senior diplomat": somebody new, not "the diplomat" named before
                end = b
                rest = text[b:seg_end].rstrip()
                if _OF_PHRASE.match(rest) and len(rest.split()) <= 5:
                    end = b + len(rest)  # "a spokesman for the ministry"
                return SpeakerRef("body", name=_lower_common(text[unnamed.start() : end]), pos=a)
            return _role_ref(text, role)
        idx -= 1
        steps += 1
    return None


def subject_after(
    text: str,
    lo: int,
    hi: int,
    is_outlet: IsOutlet,
    *,
    genitive: bool = False,
    sentence_start: bool = False,
) -> SpeakerRef | None:
    """The speaker right after a cue ("said Putin", «заявил он», «по словам Пескова»).

    With `sentence_start`, the subject that opens a sentence ("He …", "The minister …").
    """
    if sentence_start:
        lo = _past_opening_adverbial(text, lo, hi)
    end = _clause_end(text, lo, min(hi, lo + _REACH))
    if _CYRILLIC.search(text, lo, min(hi, lo + 12)):
        end = _clause_end_past_names(text, lo, min(hi, lo + _REACH))
    tokens = _tokens(text, lo, end)[:8]
    role: re.Match[str] | None = None
    skip_to = 0
    for i, (a, _b, tok) in enumerate(tokens):
        if i < skip_to:
            continue
        low = tok.lower()
        if low in PRONOUNS and i == 0:
            return SpeakerRef("pronoun", gender=PRONOUNS[low], pos=a)
        if low in _PLURAL_PRONOUNS and i == 0:
            return SpeakerRef("pronoun", name=low, pos=a)
        if i == 0 and tok != _strip_possessive(tok) and len(tokens) > 1:
            continue  # "said Florida's Rick Wilson": the place is not the name
        if _CYRILLIC.search(tok) and (
            (text[a - 1 : a] in '«"“„' and a > 0) or (len(tok) == 1 and text[_b : _b + 1] != ".")
        ):
            continue  # «рассказал «Ъ» председатель компании «Трансойл» Эдуард Лапин»
        if _CYRILLIC.search(tok) and _place_adjective(tokens, i):
            continue  # «сказал губернатор Псковской области Михаил Ведерников»
        if _is_name_part(text, tokens[i]):
            run = _run_right(text, tokens, i)
            ref = _name_ref(text, run, lo, is_outlet, frozenset(), genitive=genitive)
            if _names_a_place_or_body(text, run, tokens, i + len(run)):
                ref = None  # "Marren State University": the run is part of a longer name
            if ref is not None or _CYRILLIC.search(tok) or i + len(run) >= len(tokens):
                return ref
            skip_to = i + len(run)  # "said Ohio State University professor Paul Beck"
            continue
        m = _ROLE.match(text, a)
        if m and role is None:
            role = m
            continue
        if i == 0 and low in _NAME_MODIFIERS:
            continue  # "said former Gov. Bill Richardson"
        if sentence_start and i > 0 and _PAST_VERB.fullmatch(tok):
            break  # "Ryan’s campaign shrugged off Trump’s comments": past the subject
        if (
            i == 0
            and not sentence_start
            and tok[0].islower()
            and low not in ("the", "a", "an")
            and not _CYRILLIC.search(low)
        ):
            return None  # "said the talks…", "said it was…": no inversion in English
        if i >= 5:
            break
    if role is not None:
        return _role_ref(text, role, genitive=genitive)
    return None


# A sentence opening with an adverbial ("Shortly after Moss's call ended, …", "Walking to
# the car, …", "Hastily, …"): its subject stands after the comma.
_OPENING_ADVERBIAL = re.compile(
    r"[\s\"“”'‘’(—–-]*(?:(?:after|although|though|amid|among|as|at|before|by|despite|during"
    r"|following|for|from|given|having|if|in|inside|like|on|once|over|since|unlike|until"
    r"|upon|when|whenever|where|while|with|within|without|shortly|hours|minutes|days|weeks"
    r"|months|years|moments|earlier|later|asked|speaking|back|one\s+of|[a-z]{3,}(?<!l)ly|[a-z]{2,}ally)\b"
    r"|[a-z]{4,}ing\s+(?-i:[a-z]))",
    re.IGNORECASE,
)
_PAST_VERB = re.compile(r"[a-z]{3,}ed|said|told|wrote|was|were|had|has|is|did")
_GERUND = re.compile(r"(?-i:[A-Z])[a-z]{4,}ing")
_ING_SURNAMES = frozenset(
    _words("manning fleming browning sterling cushing harding golding channing")
)


def _past_opening_adverbial(text: str, lo: int, hi: int) -> int:
    """Just after the comma closing a sentence-opening adverbial (lo when there is none)."""
    m = _OPENING_ADVERBIAL.match(text, lo, hi)
    if m is None:
        return lo
    word = _TOKEN.search(text, lo, hi)
    first = word.group().lower() if word else ""
    if first in _ING_SURNAMES or first in _FEMALE_FIRST or first in _MALE_FIRST:
        return lo
    comma = text.find(",", m.end(), min(hi, lo + 150))
    if comma < 0 or _SENTENCE_GAP.search(text, lo, comma):
        return lo
    return comma + 1


def _names_a_place_or_body(text: str, run, tokens, j: int) -> bool:
    """Is the name run followed by the head of an institution or place ("… State University")?"""
    if j >= len(tokens) or not _joinable(text, run[-1][1], tokens[j][0]):
        return False
    nxt = tokens[j][2]
    low = nxt.lower()
    return nxt[0].isupper() and (low in _INSTITUTION_HEADS or low in _NOT_PERSON)


# a chunk between commas that opens with one of these is a clause, not an appositive
_NOT_APPOSITIVE = frozenset(
    _words(
        "but and or after before while when as although though because only which who whom "
        "whose where even also still then if unless since until so yet"
    )
)
_NAME_MODIFIERS = frozenset(
    _words(
        "former then ex retired acting outgoing incoming late conservative liberal progressive "
        "undecided moderate longtime veteran fellow"
    )
)
_PLACE_GENITIVE = ("стана", "ии", "ы", "ска", "рга")
_RELATIVE_AFTER_NAME = re.compile(
    r"(?<=\w),\s+(?:who|whose|whom|which|кто|который|которая|чей|чья)\b"
)
_OF_BEFORE = re.compile(r"(?<![\w-])of\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:in|at|from|into|across|near|outside)\s+(?:the\s+)?$")
_THE = re.compile(r"(?<![\w-])the\s+$", re.IGNORECASE)


def _role_ref(text: str, role: re.Match[str], *, genitive: bool = False) -> SpeakerRef:
    """A role standing for a person; `name` is how to call them if nobody held it ("the mayor")."""
    start = role.start()
    the = _THE.search(text, max(0, start - 5), start)
    phrase = text[the.start() if the else start : role.end()]
    if genitive and " " not in phrase:
        phrase = nominative([phrase])[0]  # «по словам губернатора» → «губернатор»
    return SpeakerRef("role", name=_lower_common(phrase), roles=_match_roles(role), pos=start)


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def _run_left(text: str, tokens, idx: int) -> list[tuple[int, int, str]]:
    run = [tokens[idx]]
    j = idx - 1
    while j >= 0 and len(run) < 3 and _is_name_part(text, tokens[j]):
        if not _joinable(text, tokens[j][1], run[0][0]) or not _same_name(tokens[j], run[0]):
            break
        run.insert(0, tokens[j])
        j -= 1
    return run


def _run_right(text: str, tokens, idx: int) -> list[tuple[int, int, str]]:
    run = [tokens[idx]]
    j = idx + 1
    while j < len(tokens) and _is_name_part(text, tokens[j]):
        if not _joinable(text, run[-1][1], tokens[j][0]) or not _same_name(run[-1], tokens[j]):
            break
        if _first_name_restarts(run, tokens[j][2]):
            run = []  # «Республики Карелия Степан Вахрушев»: the name starts at the first name
        elif len(run) >= 3:
            break
        run.append(tokens[j])
        j += 1
    return run


def _first_name_restarts(run, tok: str) -> bool:
    """A listed Russian first name after capitalised words that hold none (a place)."""
    low = tok.lower().replace("ё", "е")
    return (
        low in _RU_FIRST_FORMS
        and bool(_CYRILLIC.search(tok))
        and not any(t[2].lower().replace("ё", "е") in _RU_FIRST_FORMS for t in run)
    )


def _same_name(left, right) -> bool:
    """Can two neighbouring words be one name? Not «Орлов Orlov» (two scripts), not "Orlov Orlov"."""
    a, b = left[2], right[2]
    if bool(_CYRILLIC.search(a)) != bool(_CYRILLIC.search(b)):
        return False
    return len(a) <= 1 or surname_key(a) != surname_key(b)


def _without_outlets(run, is_outlet: IsOutlet):
    """ "заявил Кольцов Интерфаксу", "said Orlov Reuters": the outlet is the addressee, not a name."""
    while len(run) > 1 and is_outlet(_strip_possessive(run[-1][2])):
        run = run[:-1]
    while len(run) > 1 and is_outlet(_strip_possessive(run[0][2])):
        run = run[1:]
    return run


def _name_ref(
    text, run, clause_start, is_outlet, extra_roles, *, genitive=False, oblique=False
) -> SpeakerRef | None:
    run = _without_outlets(run, is_outlet)
    if (
        len(run) >= 3
        and _CYRILLIC.search(run[0][2])
        and run[0][2].lower().endswith(_PLACE_GENITIVE)
    ):
        run = run[1:]  # «Президент Узбекистана Тимур Рашидов»: the country completes the title
    elif len(run) >= 3 and _title_word(text, run):
        run = run[1:]  # «Гроссмейстер Алина Сабурова»: a capitalised title opens the sentence
    elif len(run) >= 3 and run[0][2].lower() in _PARTY_WORDS:
        run = run[1:]  # "Republican Christine Todd Whitman": the party is not part of the name
    words = [_strip_possessive(t[2]) for t in run]
    raw = " ".join(words)
    if all(len(w) == 1 for w in words) or is_outlet(raw) or _institution(text, run, words):
        return None
    if genitive:
        words = nominative(words)
    elif oblique:
        words = from_oblique(words)
    reach = 60 if _CYRILLIC.search(raw) else 40  # «Министр промышленности Республики Карелия»
    title = text[max(clause_start, run[0][0] - reach) : run[0][0]]
    name = " ".join(_with_dot(text, t, w) for t, w in zip(run, words, strict=True))
    roles = title_roles(title) | extra_roles
    return SpeakerRef(
        "name", name=name, gender=guess_gender(words, title), roles=roles, pos=run[0][0]
    )


_PARTY_WORDS = frozenset(_words("republican democrat democratic gop independent libertarian"))
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?…\n])[\s«\"„—–-]*$")


def _title_word(text: str, run) -> bool:
    """Three Cyrillic words, no patronymic in the middle: is the first a title, not a name?

    «Адвокат Марк Фельдман» opening a sentence, or any word before a known first
    name («…, гроссмейстер»-style «Правозащитница Тамара Оськина»).
    """
    first, middle = run[0][2], run[1][2]
    if not (_CYRILLIC.search(first) and _CYRILLIC.search(middle)) or _PATRONYMIC.search(middle):
        return False
    if first.lower() in _RU_FIRST_FORMS:
        return False
    if middle.lower() in _RU_FIRST_FORMS:
        return True
    return bool(_SENTENCE_OPEN.search(text, max(0, run[0][0] - 4), run[0][0]))


# Heads of capitalised names that belong to papers, stations and institutions, not people.
_INSTITUTION_HEADS = frozenset(
    _words(
        "herald times post radio news gazette journal courier tribune agency television tv "
        "channel daily weekly review ledger observer chronicle telegraph express mirror press "
        "service ministry office house council committee bank university company group "
        "institute foundation parliament assembly court"
    )
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


# Words that make a capitalised run a place or a thing, not a person: "South Florida",
# "New Hampshire", "Wall Street", "Bloomberg Politics", "Islamic State".
_NOT_PERSON = frozenset(
    _words(
        """
    street avenue road square city county state states district valley island islands
    bay river lake mountain mountains park beach coast hills heights port harbour harbor
    florida texas california hampshire jersey york dakota ohio iowa
    nevada arizona michigan wisconsin pennsylvania massachusetts kentucky
    tennessee alabama mississippi louisiana arkansas oklahoma kansas missouri nebraska
    colorado utah oregon montana wyoming idaho alaska hawaii maine vermont
    connecticut maryland delaware indiana illinois minnesota america africa asia europe
    islamic republic kingdom union federation politics senate congress church airport
    hospital center centre hall school college campaign party democrats republicans democrat
    republican independent
    democratic republican conservative liberal national international united
    americans muslims christians jews hispanics latinos mexicans europeans asians africans
    israelis palestinians russians ukrainians syrians iraqis iranians chinese evangelicals
    """
    )
)


def _institution(text: str, run, words: list[str]) -> bool:
    """ "told the Riverton Herald": a paper, not a person who could later be "she"."""
    if words[-1].lower() in _INSTITUTION_HEADS:
        return True
    if (
        any(w.lower().strip(".") in _NOT_PERSON for w in words)
        and not _CYRILLIC.search(words[-1])
        and not _first_middle_last(words)
    ):
        return True
    return bool(_THE_BEFORE.search(text[max(0, run[0][0] - 5) : run[0][0]]))


def _first_middle_last(words: list[str]) -> bool:
    """ "Kathleen Hall Jamieson": a listed first name, then a surname that is no place or
    body word: a middle name that is also a common noun ("Hall", "Park") stays a name."""
    return (
        len(words) >= 3
        and words[0].lower() in _LISTED_ANY
        and words[-1].lower().strip(".") not in _NOT_PERSON
    )


def _with_dot(text: str, token, word: str) -> str:
    """Keep an initial's dot: "V. Putin"."""
    if len(word) == 1 and token[1] < len(text) and text[token[1]] == ".":
        return word + "."
    return word


# --- organisations and unnamed sources ---------------------------------------

# Head words of a speaking body; Russian ones are stems, matched at a word's start.
_BODY_EN = frozenset(
    _words(
        """
    ministry ministries kremlin government department office embassy committee council
    commission court police army military navy pentagon source sources officials
    authorities administration prosecutors investigators headquarters cabinet parliament
    duma senate congress company bank regulator spokesperson spokespeople diplomats
    insiders service authority authorities agency aide aides adviser advisers advisor
    advisors staffer staffers witness witnesses lawyer lawyers attorney attorneys analysts
    experts economists observers researchers scientists officers prosecutor prosecutors
    campaign spokesman spokeswoman email letter memo message statement editorial ad report
    """
    )
)
_BODY_RU = (
    "минобороны", "мид", "кремл", "правительств", "министерств", "минздрав", "минфин",
    "минэконом", "минюст", "минтранс", "ведомств", "источник", "пресс-служб", "посольств",
    "власт", "генштаб", "штаб", "полици", "прокуратур", "суд", "администраци", "аппарат",
    "комитет", "комисси", "совбез", "госдеп", "пентагон", "белом доме", "белый дом",
    "офис", "мэри", "компани", "банк", "центробанк", "спецслужб", "следовател",
    "парламент", "госдум", "кабмин", "представительств", "дипмисси", "собеседник",
)  # fmt: skip
# Countries and cities speak only through a body ("Moscow said" is left alone).
_NOT_BODY = frozenset(_words("us usa uk eu рф сша ес"))
_DETERMINERS = frozenset(
    _words(
        """
    the a an its their one two three several some senior anonymous unnamed local western
    foreign military government defence defense security diplomatic european russian
    ukrainian american british in в во
    """
    )
)
_LOCATIVE = {
    "кремле": "кремль", "правительстве": "правительство", "министерстве": "министерство",
    "ведомстве": "ведомство", "посольстве": "посольство", "пентагоне": "пентагон",
    "госдепе": "госдеп", "штабе": "штаб", "генштабе": "генштаб", "офисе": "офис",
    "банке": "банк", "суде": "суд", "комитете": "комитет", "аппарате": "аппарат",
    "совбезе": "совбез", "администрации": "администрация", "комиссии": "комиссия",
    "полиции": "полиция", "прокуратуре": "прокуратура", "пресс-службе": "пресс-служба",
    "госдуме": "госдума", "мэрии": "мэрия", "компании": "компания", "белом": "белый",
    "доме": "дом", "минздраве": "минздрав", "минфине": "минфин", "минюсте": "минюст",
    "представительстве": "представительство", "дипмиссии": "дипмиссия", "парламенте": "парламент",
    # genitive after «по словам», «по данным»
    "источника": "источник", "источников": "источники", "собеседника": "собеседник",
    "собеседников": "собеседники", "ведомства": "ведомство", "министерства": "министерство",
}  # fmt: skip
_PROPER_RU = ("кремл", "минобороны", "мид", "госдеп", "пентагон", "генштаб", "совбез", "госдум", "белый")  # fmt: skip
_BODY_MAX_WORDS = 8
_SUBORDINATORS = frozenset(
    _words("when if as after before while since because although though once until unless")
)
_HEAD_OF = re.compile(
    r"(?:the\s+)?(?:head|chief|director|chair(?:man|woman)?|spokes(?:man|woman|person)"
    r"|representative|leader)\s+of\s+(?=\S)",
    re.IGNORECASE,
)
# a single unnamed person, whom a later pronoun may mean
_SINGLE_SOURCE = re.compile(
    r"^(?:an?\s|one\s|another\s|источник(?!и)|собеседник(?!и))", re.IGNORECASE
)
# "the partner", "the longtime aide": one person, whom a later "he"/"she" may mean
_ONE_PERSON = re.compile(
    r"the\s+(?:[\w-]+\s+){0,3}(?:partner|woman|man|person|official|source|aide|adviser"
    r"|advisor|staffer|witness|lawyer|attorney|prosecutor|spokesman|spokeswoman|spokesperson"
    r"|officer|employee|worker|resident|voter|student|teacher|doctor|nurse|owner|friend"
    r"|neighbor|neighbour|activist|analyst|economist|expert|researcher|scientist|executive"
    r"|manager|director|veteran|delegate|supporter|protester|organizer|insider|diplomat)",
    re.IGNORECASE,
)
_OF_PHRASE = re.compile(r"\s+(?:for|of|at|with|in)\s", re.IGNORECASE)
_INDEFINITE = re.compile(r"(?<![\w-])(?:an?|another|one)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_BODY_MAX_CHARS = 120
_RU_ADJECTIVE = ("ий", "ый", "ой", "ая", "ое", "ые", "ие", "ых", "их", "ого", "его")
# «Газета со ссылкой на источники пишет»: the sources speak, the outlet is credited
_CITING = re.compile(r"^(?:со\s+ссылкой\s+на|ссылаясь\s+на|citing)\s+", re.IGNORECASE)


_RU_DOCUMENT = re.compile(
    r"^(?:в|во)\s+(?:заявлении|сообщении|пресс-релизе|релизе|документе|письме|обращении"
    r"|ответе|комментарии)\s+(?=\S)",
    re.IGNORECASE,
)
_RU_BODY_TRAILING = re.compile(r"(?:\s+(?:также|тоже|ранее|уже|еще|ещё|вновь|сегодня|вчера))+$")
# «в ведомстве», «министерство»: the institution that spoke last
_ANAPHORIC_BODY = frozenset(("ведомство", "министерство"))
# verbs that may stand between a body and its verb of saying ("The email goes on to say")
_BODY_VERBS = frozenset(_words("goes went continues continued also then later"))


def _is_body_head(tok: str) -> bool:
    low = tok.lower().replace("ё", "е")
    if low in _NOT_BODY:
        return False
    if len(tok) > 1 and tok.isupper() and _CYRILLIC.search(low):
        return True  # «во ФСИН», «в МЧС»: an acronym is an institution
    if _CYRILLIC.search(low):
        # a short stem takes a short ending only: «суде», not the surname «Судаков»
        return any(
            low.startswith(stem) and (len(stem) >= 5 or len(low) - len(stem) <= 2)
            for stem in _BODY_RU
        )
    if len(tok) > 1 and tok.isupper():
        return True  # NATO, FSB
    return low in _BODY_EN


def _body(text: str, lo: int, hi: int, is_outlet: IsOutlet, *, leading: bool) -> SpeakerRef | None:
    """A body phrase filling text[lo:hi]: `leading` words before the head are modifiers only."""
    if hi - lo > _BODY_MAX_CHARS:
        return None  # longer than any body phrase: no need to read it word by word
    phrase = _CITING.sub("", text[lo:hi].strip(" \t\r\n—–-"))
    if _CYRILLIC.search(phrase):
        # «говорится в заявлении Минобороны», «В ведомстве также сообщили»
        phrase = _RU_BODY_TRAILING.sub("", _RU_DOCUMENT.sub("", phrase))
    head_of = _HEAD_OF.match(phrase)
    if head_of:  # "the head of the Port Marren harbour authority": that body's person speaks
        rest = phrase[head_of.end() :]
        if _body(rest, 0, len(rest), is_outlet, leading=leading) is None:
            return None
        pos = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip(" \t\r\n—–-")))
        return SpeakerRef("body", name=_lower_common(phrase), pos=pos)
    tokens = _tokens(phrase, 0, len(phrase))
    if not tokens or len(tokens) > _BODY_MAX_WORDS or is_outlet(phrase):
        return None
    if tokens[0][2].lower() in _SUBORDINATORS:
        return None  # "When an NBC reporter asked …": a clause, not a body
    head = next((i for i, t in enumerate(tokens) if _is_body_head(t[2])), None)
    determined = bool(tokens) and tokens[0][2].lower() in ("the", "a", "an", "its", "their")
    if head is None or head > (4 if determined else 3):  # the + three modifiers at most
        return None
    determined = determined and head > 0
    for _a, _b, tok in tokens[:head]:
        low = tok.lower()
        modifier = (determined or head <= 2) and not _CYRILLIC.search(low) and low.isalpha()
        if not (tok[0].isupper() or low in _DETERMINERS or low.endswith(_RU_ADJECTIVE) or modifier):
            return None
    if any(t[2].lower() in ("в", "во", "in") for t in tokens[1:head]):
        return None
    first = tokens[0][2].lower()
    if first == "in":
        return None
    if first in ("в", "во"):
        if len(tokens) == 1:
            return None
        phrase = phrase[tokens[1][0] :]
    after_head = tokens[head + 1][2].lower() if head + 1 < len(tokens) else ""
    if after_head in _BODY_VERBS or _PAST_VERB.fullmatch(after_head):
        phrase = phrase[: tokens[head][1]]  # "The email goes on to say": the email
    if _CYRILLIC.search(phrase):
        phrase = _nominative_body(phrase)
    pos = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip(" \t\r\n—–-")))
    name = _lower_common(phrase)
    gender: Gender = "m" if re.match(r"(?:источник|собеседник)(?!и)", name) else None
    return SpeakerRef("body", name=name, gender=gender, pos=pos)


def _nominative_body(phrase: str) -> str:
    """«Кремле» → «Кремль», «пресс-службе ведомства» → «пресс-служба ведомства»."""
    words = phrase.split(" ")
    # the head only; its complement keeps its case («ведомства»), but «Белом доме» is one head
    heads = 2 if words[0].lower() == "белом" and len(words) > 1 else 1
    for i, word in enumerate(words[:heads]):
        new = _LOCATIVE.get(word.lower())
        if new is not None:
            words[i] = new[0].upper() + new[1:] if word[0].isupper() else new
    return " ".join(words)


def _lower_common(phrase: str) -> str:
    """A sentence-initial capital is not part of the name: "The ministry" → "the ministry"."""
    first = phrase.split(" ", 1)[0]
    low = first.lower()
    proper = (
        (len(first) > 1 and first.isupper())
        or low.startswith(_PROPER_RU)
        or (not _CYRILLIC.search(low) and low not in _BODY_EN and low not in _DETERMINERS)
    )
    return phrase if proper or not first[:1].isupper() else first[0].lower() + phrase[1:]


def body_before(text: str, lo: int, hi: int, is_outlet: IsOutlet) -> SpeakerRef | None:
    """The body right before a cue at `hi`: "The ministry said", «В Кремле заявили»."""
    start = _clause_start(text, max(lo, hi - _REACH), hi)
    return _body(text, start, hi, is_outlet, leading=True)


def body_after(text: str, lo: int, hi: int, is_outlet: IsOutlet) -> SpeakerRef | None:
    """The body right after a cue: "…, said the ministry.", «…, сообщили в Минобороны»."""
    end = _clause_end(text, lo, min(hi, lo + _REACH))
    end = min(end, _sentence_end(text, lo, end))
    return _body(text, lo, end, is_outlet, leading=False)


def _sentence_end(text: str, lo: int, hi: int) -> int:
    m = re.compile(r"[.!?…]").search(text, lo, hi)
    return m.start() if m else hi


# --- Russian case and gender --------------------------------------------------

_MALE_GEN_IRREGULAR = {"петра": "Петр", "павла": "Павел", "льва": "Лев"}


def nominative(words: list[str]) -> list[str]:
    """Genitive Russian name → nominative («Марии Захаровой» → «Мария Захарова»).

    The surname's ending decides the gender (-ой is feminine, -а/-ого masculine);
    Latin-script names are returned unchanged.
    """
    if not words or not _CYRILLIC.search(words[-1]):
        return words
    known = _known_first(words)
    if known is not None:
        return known
    feminine = words[-1].lower().endswith(("ой", "ей")) and not words[-1].lower().endswith(("ого",))
    return [_nominative_word(w, feminine) for w in words]


def _known_first(words: list[str]) -> list[str] | None:
    """A listed first name in an oblique case: its case and gender fix the whole name."""
    if len(words) < 2:
        return None
    found = _RU_FIRST_FORMS.get(words[0].lower().replace("ё", "е")) or _RU_FIRST_FORMS.get(
        words[0].lower()
    )
    if found is None or found[2] == "nom":
        return None
    nom, gender, case = found
    first = (nom[0].upper() if words[0][0].isupper() else nom[0]) + nom[1:]
    return [first] + [_surname_nominative(w, gender, case) for w in words[1:]]


_SURNAME_ENDINGS: dict[tuple[Gender, str], tuple[tuple[str, str], ...]] = {
    ("m", "gen"): (("ского", "ский"), ("цкого", "цкий"), ("ого", "ый")),
    ("m", "dat"): (("скому", "ский"), ("цкому", "цкий"), ("ому", "ый")),
    ("m", "ins"): (
        *(("ским", "ский"), ("цким", "цкий"), ("овым", "ов"), ("евым", "ев"), ("ёвым", "ёв")),
        *(("иным", "ин"), ("ыным", "ын"), ("ым", "ый")),
    ),
    ("m", "pre"): (("ском", "ский"), ("цком", "цкий")),
    ("f", "acc"): (("скую", "ская"), ("цкую", "цкая"), ("ую", "ая"), ("у", "а"), ("ю", "я")),
}
_MALE_CASE_ENDING = {"gen": "а", "dat": "у", "ins": "ом", "pre": "е"}
_FEMALE_OBLIQUE = (("ской", "ская"), ("цкой", "цкая"), ("ой", "а"))


def _surname_nominative(word: str, gender: Gender, case: str) -> str:
    """A surname (or patronymic) in a known case and gender, back to the nominative."""
    low = word.lower()
    if not _CYRILLIC.search(word) or len(word) <= 3:
        return word
    for old, new in _SURNAME_ENDINGS.get((gender, case), ()):
        if low.endswith(old):
            return word[: -len(old)] + new
    if gender == "f":
        if case in ("gen", "dat", "ins", "pre"):
            for old, new in _FEMALE_OBLIQUE:
                if low.endswith(old):
                    return word[: -len(old)] + new
        return word  # «Анне Лебедь»: a surname that does not decline
    ending = _MALE_CASE_ENDING.get(case, "")
    if ending and low.endswith(ending) and low[-len(ending) - 1] not in "аеёиоуыэюя":
        return word[: -len(ending)]  # «Саркисяну» → «Саркисян», «Иванова» → «Иванов»
    return word  # «Гринько», «Дурных»: surnames that do not decline


def _nominative_word(word: str, feminine: bool) -> str:
    low = word.lower()
    if len(word) <= 2 or not _CYRILLIC.search(word):
        return word

    def swap(n: int, new: str) -> str:
        return word[:-n] + new

    if feminine:
        for old, new in (
            ("ской", "ская"),
            ("цкой", "цкая"),
            ("ой", "а"),
            ("ии", "ия"),
            ("ьи", "ья"),
        ):
            if low.endswith(old):
                return swap(len(old), new)
        if low.endswith("ы"):
            return swap(1, "а")
        if low[-1] == "и" and low[-2] in "гкхжшчщ":
            return swap(1, "а")
        return word
    if low in _MALE_GEN_IRREGULAR:
        return _MALE_GEN_IRREGULAR[low]
    for old, new in (
        ("ского", "ский"),
        ("цкого", "цкий"),
        ("ого", "ый"),
        ("ия", "ий"),
        ("ея", "ей"),
        ("ая", "ай"),
    ):
        if low.endswith(old):
            return swap(len(old), new)
    if low.endswith("я") and low[-2] not in "аеёиоуыэюя":
        return swap(1, "ь")
    if low.endswith("а") and low[-2] not in "аеёиоуыэюя":
        return swap(1, "")
    return word


_OBLIQUE_SURNAME = (
    ("ским", "ский"), ("цким", "цкий"), ("ской", "ская"), ("цкой", "цкая"),
    ("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ыным", "ын"),
    ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"),
)  # fmt: skip
_OBLIQUE_FIRST = (("ием", "ий"), ("еем", "ей"), ("аем", "ай"), ("ией", "ия"), ("ьей", "ья"))


def from_oblique(words: list[str]) -> list[str]:
    """Undo endings that only an oblique case has («Сергеем Лавровым» → «Сергей Лавров»).

    Used on names met in passing, whose case is unknown; ambiguous endings
    (-а, -у: «Пескова» or «Захарова»?) are left alone.
    """
    if not words or not _CYRILLIC.search(words[-1]):
        return words
    known = _known_first(words)
    if known is not None:
        return known
    last = words[-1]
    low = last.lower()
    surname = next(((o, n) for o, n in _OBLIQUE_SURNAME if low.endswith(o)), None)
    if surname is None and len(words) == 2 and _male_dative(words):
        # «Премьер-министру Армении Гургену Саркисяну»: a man's name in the dative
        return [words[0][:-1] + ("й" if words[0].endswith("ею") else ""), words[1][:-1]]
    if surname is None:
        return words
    if surname[0].endswith("ой") and len(words) > 1 and not words[0].lower().endswith(("ой", "ей")):
        return words  # «Игорь Ланской», not «Марией Ланской»: already nominative
    out = [last[: -len(surname[0])] + surname[1]]
    feminine = surname[1].endswith("а") or surname[1].endswith("ая")
    for word in reversed(words[:-1]):
        w = word.lower()
        new = word
        for old, repl in _OBLIQUE_FIRST:
            if w.endswith(old):
                new = word[: -len(old)] + repl
                break
        else:
            if feminine and w.endswith("ой"):
                new = word[:-2] + "а"
            elif not feminine and w.endswith("ом") and len(w) > 4:
                new = word[:-2]
        out.insert(0, new)
    return out


def _male_dative(words: list[str]) -> bool:
    """«Гургену Саркисяну»: an unlisted first name and a surname, both consonant + у."""
    first, last = words[0].lower(), words[1].lower()
    return (
        first not in _RU_FIRST_FORMS
        and len(first) > 3
        and len(last) > 4
        and first.endswith("у")
        and last.endswith("у")
        and first[-2] not in "аеёиоуыэюя"
        and last[-2] not in "аеёиоуыэюя"
        and not last.endswith(("ову", "еву", "ину", "ыну"))  # «Анну Петрову»: her, accusative
    )


def guess_gender(words: list[str], title: str = "") -> Gender:
    if len(words) > 1:
        known = _RU_FIRST_FORMS.get(words[0].lower().replace("ё", "е"))
        if known is not None:
            return known[1]  # «Павел Гринько», «Анна Лебедь»: the first name decides
    t = title.lower()
    if re.search(r"\b(mrs|ms|madam)\b", t):
        return "f"
    if re.search(r"\bmr\b", t):
        return "m"
    first = words[0].lower() if len(words) > 1 else ""
    if first in _FEMALE_FIRST:  # before "spokesman" or a Russian-looking ending: "Jill Stein"
        return "f"
    if first in _MALE_FIRST:
        return "m"
    if re.search(r"spokeswoman|chairwoman|congresswoman", t):
        return "f"
    if re.search(r"spokesman|chairman|congressman", t):
        return "m"
    last = words[-1].lower() if words else ""
    if last.endswith(
        ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ova", "eva", "ina", "skaya", "kaya")
    ):
        return "f"
    if last.endswith(
        ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ov", "ev", "in", "sky", "skiy", "skii")
    ):
        return "m"
    if len(words) > 1:
        if first.endswith(("а", "я")) and first not in _MALE_A:
            return "f"
        if _CYRILLIC.search(first):
            return "m"
    return None


def surname_key(word: str) -> str:
    """One key for every case form of a surname: Песков/Пескова/Пескову → «песков»."""
    w = _strip_possessive(word).lower().replace("ё", "е")
    if _CYRILLIC.search(w):
        for ending in ("ого", "ому", "ыми", "ими", "ой", "ою", "ую", "ым", "им", "ом", "ем", "ий", "ый", "ая", "а", "у", "е", "ы", "ю", "я", "и"):  # fmt: skip
            if w.endswith(ending) and len(w) - len(ending) >= 3:
                return w[: -len(ending)]
    return w


# --- mentions with titles -------------------------------------------------------


def find_titled_mentions(text: str, is_outlet: IsOutlet) -> list[SpeakerRef]:
    """Names introduced with a title anywhere in the text ("Russian President Vladimir Putin met…").

    They let "the president said" resolve even before the person has spoken.
    """
    refs: list[SpeakerRef] = []
    for m in _ROLE.finditer(text):
        end = _clause_end(text, m.end(), min(len(text), m.end() + 60))
        if _CYRILLIC.search(m.group()):
            end = _clause_end_past_names(text, m.end(), min(len(text), m.end() + 60))
        tokens = _tokens(text, m.end(), end)[:6]
        for i in range(len(tokens)):
            if _SENTENCE_GAP.search(text, m.end(), tokens[i][0]):
                break  # «…, — сказал мэр. Губернатор Андрей Кольцов»: another sentence
            quoted = tokens[i][0] > 0 and text[tokens[i][0] - 1] in '«"“„'
            if quoted and _CYRILLIC.search(tokens[i][2]):
                continue  # «Аналитик банка «Восток» Игорь Лазарев»: the bank, not a name
            if not _is_name_part(text, tokens[i]):
                if _ends_title(tokens[i][2]):
                    break  # "the mayor told Northwind": past the title, an addressee
                continue
            if _place_adjective(tokens, i):
                continue  # «Губернатор Приветлужской области Андрей Кольцов»
            run = _run_right(text, tokens, i)
            ref = _name_ref(text, run, m.start(), is_outlet, frozenset(), oblique=True)
            if ref:
                refs.append(ref)
            break
    return refs


_SENTENCE_GAP = re.compile(r"[.!?…]\s")
_TITLE_LINKS = frozenset(_words("of the for at and in on"))
_RU_VERB = re.compile(r"(?:л|ла|ли|ло|лся|лась|лись|ет|ит|ют|ят|ется|ится)$")
_PLACE_NOUNS = re.compile(
    r"(?:област|кра[яюе]|район|округ|республик|город|сел[аеу]|поселени|губерни|муниципалитет)\w*$"
)


def _ends_title(word: str) -> bool:
    """A lowercase word that a title cannot hold: an English verb, a Russian past tense."""
    low = word.lower()
    if _CYRILLIC.search(low):
        return len(low) >= 5 and bool(_RU_VERB.search(low))  # not «дел» of «иностранных дел»
    return low not in _TITLE_LINKS


def _place_adjective(tokens, i: int) -> bool:
    """A capitalised adjective before a place noun («Приветлужской области»): part of a title."""
    nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
    return bool(nxt) and nxt[0].islower() and bool(_PLACE_NOUNS.match(nxt))


def find_full_names(text: str, is_outlet: IsOutlet) -> list[SpeakerRef]:
    """Every first-and-last-name pair ("Dmitry Peskov was asked…"): a pronoun's fallback.

    A lone capitalised word ("Trump also took a swipe at Jeb Bush.") comes back as a
    `known_only` mention: it counts (as the sentence's subject) only when it is the
    surname of someone already named, so "Super Tuesday" or "Miami" never become people.
    """
    refs: list[SpeakerRef] = []
    tokens = _tokens(text, 0, len(text))
    i = 0
    while i < len(tokens):
        if not _is_name_part(text, tokens[i]):
            i += 1
            continue
        run = _run_right(text, tokens, i)
        i += len(run)
        if len(run) == 1:
            a, _b, tok = run[0]
            if len(tok) > 2 and tok == _strip_possessive(tok) and not _CYRILLIC.search(tok):
                title = text[max(0, a - 5) : a]
                honorific = _HONORIFIC.search(title) is not None  # "Ms. Ortiz": a person
                ref = SpeakerRef(
                    "name", name=tok, gender=guess_gender([tok], title), pos=a,
                    known_only=not honorific,
                )  # fmt: skip
                refs.append(ref)
            continue
        if len(run) > 1 and _GERUND.fullmatch(run[0][2]) and run[0][2].lower() not in _ING_SURNAMES:
            run = run[1:]  # "Entrusting Donald Trump with …": the verb opens the sentence
        cut = next((k for k, t in enumerate(run[:-1]) if t[2] != _strip_possessive(t[2])), None)
        if cut is not None:
            run = run[: cut + 1]  # "Trump’s Middle East policy": the name ends at the 's
        if _PLACE_BEFORE.search(text, max(0, run[0][0] - 8), run[0][0]):
            continue  # "an event in St. Clairsville": a place, not a person
        ref = _name_ref(text, run, run[0][0], is_outlet, frozenset(), oblique=True)
        alone = len(run) == 1 and _RU_FIRST_FORMS.get(run[0][2].lower(), ("", None, ""))[2] == "nom"
        if (len(run) >= 2 or alone) and ref:  # «Его жена Людмила»: a first name alone
            refs.append(ref)
    return refs


# --- resolution -----------------------------------------------------------------


# Nouns that bring a new, unnamed person into the story: never an earlier name.
_NEW_PERSON = (
    "следовател", "свидетел", "очевид", "представител", "источник", "собеседник", "житель",
    "сотрудник", "полицейск", "корреспондент", "журналист", "пострадавш", "пассажир",
    "защитни", "адвокат обвиняем", "участник", "посетител", "сосед", "родственни", "знаком",
    "пресс-секретар", "пресс-служб", "спикер",
)  # fmt: skip
# «эколог Андрей …», «министр энергетики»: a second word completes the noun (genitive)
_GENITIVE_TAIL = re.compile(r"[а-яё-]+(?:а|я|ы|и|ов|ев|ей|ых|их|ого|его)$|[А-ЯЁA-Z]{2,}$")
# «собеседник издания», «по словам собеседника»: the unnamed source quoted just before
_INTERLOCUTOR = re.compile(r"собеседник(?:а)?(?:\s+(?:агентства|издания|газеты|редакции|«[^»]+»))?")
_EPITHET_REACH = 700  # characters between the name and the noun that means that person


@dataclass(eq=False)
class Person:
    words: list[str]
    gender: Gender = None
    roles: set[str] = field(default_factory=set)
    tentative: bool = False  # only seen named, never cited speaking
    seen: int = -1  # where the person was last named or cited (for a Russian epithet)
    bare: bool = False  # referred to by the surname alone ("Trump said"), see `_by_surname`

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def key(self) -> str:
        return surname_key(self.words[-1])

    def same_as(self, words: list[str]) -> bool:
        if surname_key(words[-1]) != self.key:
            return False
        if len(words) > 1 and len(self.words) > 1:
            a, b = self.words[0].rstrip(".").lower(), words[0].rstrip(".").lower()
            if len(a) == 1 or len(b) == 1:
                return a[0] == b[0]
            return surname_key(a) == surname_key(b)
        return True


class Resolver:
    """Tracks who has been named and who spoke, in article order."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.recent: list[Person] = []  # named or spoke, most recent last
        self.speakers: list[Person] = []  # spoke, most recent last
        self.subjects: list[Person] = []  # spoke or opened a sentence: what "he" refers to
        self.bodies: dict[str, Person] = {}  # organisations and sources, by phrase
        self.unnamed: list[Person] = []  # roles nobody held when they spoke ("the mayor")
        self.last_body: Person | None = None  # the last Russian institution that spoke
        self.groups: list[Person] = []  # bodies and groups that spoke: what "they" refers to

    def mention(self, ref: SpeakerRef, *, subject: bool = False) -> Person | None:
        """A name seen in the text; its spelling yields to how the person is cited speaking.

        Only a `subject` mention (the first name of its sentence) can be a later "he":
        in "Putin met Erdogan. "…," he said." the speaker is Putin.
        """
        if ref.kind == "name" and ref.known_only:
            person = self._known(ref.name)
            if person is not None and person.gender is None:
                person.gender = ref.gender
        else:
            person = self._person(ref, tentative=True) if ref.kind == "name" else None
        if person:
            person.seen = max(person.seen, ref.pos)
            self._touch(self.recent, person)
            if subject:
                self._touch(self.subjects, person)
        return person

    def speaker(self, ref: SpeakerRef | None, feminine: bool | None = None) -> Person | None:
        """The person a cue's subject refers to; records them as the latest speaker."""
        if ref is None:
            return None
        if ref.kind == "body":
            return self._body(ref)
        if ref.kind == "name":
            person = self._person(ref)
        elif ref.kind == "pronoun" and ref.name in _PLURAL_PRONOUNS:
            return self.groups[-1] if self.groups else None  # "they": the last group
        elif ref.kind == "pronoun":
            person = self._by_gender(ref.gender)
            if person is not None and person.gender is None and person in self.people:
                person.gender = ref.gender  # "Lee … she said": a later "he" is someone else
        else:
            person = self._by_role(ref.roles)
            if person is None:
                person = self._epithet_antecedent(ref)
            if person is None and _INTERLOCUTOR.fullmatch(ref.name.lower()):
                person = self._last_source()
            if person is None and ref.name:  # "the mayor", nobody named as one: as written
                return self._unnamed(ref)
        if person is None:
            return None
        person.seen = max(person.seen, ref.pos)
        if person.gender is None and feminine is not None and ref.kind == "name":
            person.gender = "f" if feminine else "m"
        self._touch(self.recent, person)
        self._touch(self.speakers, person)
        self._touch(self.subjects, person)
        return person

    def _body(self, ref: SpeakerRef) -> Person:
        """A body speaks but is not what a later "he" refers to, unless it is one person.

        An unnamed single source («источник», "a senior diplomat") can be "he".
        """
        key = ref.name.lower()
        if key in _ANAPHORIC_BODY and self.last_body is not None:
            return self.last_body  # «Минобороны заявило … В ведомстве также сообщили»
        if _INTERLOCUTOR.fullmatch(key):
            source = self._last_source()
            if source is not None:
                return source  # «Источник в Минфине …. По словам собеседника, …»: the same one
        if key not in self.bodies:
            self.bodies[key] = Person([ref.name], ref.gender)
        person = self.bodies[key]
        if ref.name[:1].isupper() and _CYRILLIC.search(ref.name):
            self.last_body = person
        if _SINGLE_SOURCE.search(ref.name) or _ONE_PERSON.fullmatch(ref.name):
            # «Источник … рассказал. По его словам, …» / "the partner told them …. "…," he said"
            self._touch(self.recent, person)
            self._touch(self.subjects, person)
        else:
            self._touch(self.groups, person)
        return person

    def _last_source(self) -> Person | None:
        """The latest unnamed single source that spoke («источник в Минфине»)."""
        for person in reversed(self.subjects):
            if person not in self.people and _SINGLE_SOURCE.search(person.name):
                return person
        return None

    def _unnamed(self, ref: SpeakerRef) -> Person:
        """A role nobody was named to: one person, whom a later "he" may mean."""
        key = ref.name.lower()
        if key not in self.bodies:
            self.bodies[key] = Person([ref.name], ref.gender, set(ref.roles))
            self.unnamed.append(self.bodies[key])
        person = self.bodies[key]
        self._touch(self.recent, person)
        self._touch(self.subjects, person)
        return person

    def named_later(self, person: Person, after: int, mentions: list[SpeakerRef]) -> Person | None:
        """The first person named with an unnamed role's title after it spoke.

        A headline's "…, mayor says" comes before "Mayor Helen Marsh said" in the lede.
        `mentions` are sorted by position.
        """
        for ref in mentions:
            if ref.pos > after and ref.kind == "name" and person.roles & ref.roles:
                return self._person(ref, tentative=True)
        return None

    def last_speaker(self) -> Person | None:
        return self.speakers[-1] if self.speakers else None

    def _person(self, ref: SpeakerRef, *, tentative: bool = False) -> Person:
        words = ref.name.split()
        person = self._by_surname(words)
        if person is not None:
            upgrade = person.tentative and not tentative and len(words) >= len(person.words)
            if len(words) > len(person.words) or upgrade:
                person.words = words
            person.tentative = person.tentative and tentative
            person.roles |= ref.roles
            person.gender = person.gender or ref.gender
            return person
        person = Person(words, ref.gender, set(ref.roles), tentative=tentative)
        self.people.append(person)
        return person

    def _known(self, surname: str) -> Person | None:
        """The person already named whose surname this is (see `_by_surname`), else nobody."""
        return self._by_surname([surname])

    def _by_surname(self, words: list[str]) -> Person | None:
        """The person already named whom these words name (the latest one), else nobody.

        A surname alone shared by several people ("Trump" after Donald, Ivanka and Eric
        Trump) means the one the copy already calls by the surname alone, else the one
        named first: news copy gives relatives their first names, the principal the
        surname. (The latest one made "Trump said" Ivanka's, and the next "he" somebody
        else's.)
        """
        matches = [person for person in self.people if person.same_as(words)]
        if len(matches) <= 1 or len(words) > 1:
            person = matches[-1] if matches else None
        else:
            person = next((p for p in reversed(matches) if p.bare), matches[0])
        if person is not None and len(words) == 1:
            person.bare = True
        return person

    def _by_gender(self, gender: Gender) -> Person | None:
        """The latest subject whose gender fits (or is unknown); never the other gender.

        "Paul Grant met Ann Diaz. She said …": she is Ann Diaz (first names tell the
        gender), though Paul Grant opened the sentence.
        """
        for pool in (self.subjects, self.recent):
            for person in reversed(pool):
                if gender is None or person.gender in (None, gender):
                    return person
        return None

    def _epithet_antecedent(self, ref: SpeakerRef) -> Person | None:
        """«Гроссмейстер Алина Сабурова выиграла. «…», — описала шахматистка»: Сабурова.

        Russian copy names a person once, then calls them by what they are
        (шахматистка, эколог, ученый, прокурор). Such a noun means the latest person
        who opened a sentence nearby and whose gender fits the verb; nouns that bring
        in somebody new (следователь, свидетельница, источник, представитель …) and a
        noun with nobody named within reach stay as written.
        """
        words = ref.name.split()
        if not words or not _CYRILLIC.search(ref.name) or len(words) > 3 or ref.pos < 0:
            return None
        if ref.roles - {"official"}:
            return None  # «мэр», «министр»: an office means only someone who held it
        head = words[0].lower()
        if head.startswith(_NEW_PERSON) or (len(words) > 1 and not _GENITIVE_TAIL.match(words[1])):
            return None
        for person in reversed(self.subjects):
            if person not in self.people or person.seen < 0:
                continue
            if ref.pos - person.seen > _EPITHET_REACH:
                return None
            if ref.gender is None or person.gender in (None, ref.gender):
                return person
        return None

    def _by_role(self, roles: frozenset[str]) -> Person | None:
        for person in reversed(self.recent):
            if person.roles & roles:
                return person
        return None  # not the last speaker: "Orlov said … the mayor said" are two people

    @staticmethod
    def _touch(pool: list[Person], person: Person) -> None:
        if pool and pool[-1] is person:
            return
        if person in pool:
            pool.remove(person)
        pool.append(person)

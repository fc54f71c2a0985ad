"""Word lists the meaning checks rely on (English and Russian, normalised: ё→е).

Kept as plain data so a reviewer can see exactly which words can turn a quote into
`altered`, and extend them without touching the logic.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


# Words that flip a statement's polarity. "n't" endings are handled in meaning.py.
NEGATIONS: frozenset[str] = frozenset(
    _words(
        """
    not no never cannot nobody nothing none neither nor nowhere
    не ни нет никогда никто ничто ничего никого никому никем нигде никуда ниоткуда
    нельзя некому нечего некого никакой никакая никакое никакие никакого никакой никаких
    """
    )
)

# "without"/"без" negate a claim ("signed" vs "ended without signing") but pair with
# other negators in double negatives ("не останутся без денег"), so they only count
# when comparing the polarity of loose paraphrases, not in word-level counts.
WEAK_NEGATIONS: frozenset[str] = frozenset({"without", "без"})

# Pairs (negator, next word) that are not negations: "не раз" means "more than once".
NOT_NEGATING_BIGRAMS: frozenset[tuple[str, str]] = frozenset(
    {
        ("не", "раз"),
        ("не", "только"),
        ("не", "однажды"),
        ("not", "only"),
        ("no", "doubt"),
    }
)

# Opposites whose swap reverses a claim while leaving the sentence nearly verbatim.
# Each entry: (forms of one side, forms of the other side).
ANTONYMS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(a.split()), frozenset(b.split()))
    for a, b in [
        ("rise rises rising rose risen", "fall falls falling fell fallen"),
        (
            "increase increases increased increasing",
            "decrease decreases decreased decreasing cut cuts",
        ),
        ("more", "less fewer"),
        ("large larger largest big bigger biggest", "small smaller smallest little"),
        ("high higher highest", "low lower lowest"),
        ("open opens opened opening", "close closes closed closing shut"),
        ("win wins won winning", "lose loses lost losing"),
        ("always", "never"),
        ("before", "after"),
        ("early earlier", "late later"),
        ("good better best well", "bad worse worst badly"),
        ("accept accepts accepted", "reject rejects rejected"),
        ("support supports supported", "oppose opposes opposed"),
        ("allow allows allowed", "ban bans banned forbid forbids forbidden"),
        ("day", "night"),
        ("all", "some few"),
        ("above over", "below under"),
        ("first", "last"),
        ("fast faster quickly quick", "slow slower slowly"),
        ("everything everyone everybody", "nothing"),
        ("with", "without"),
        (
            "вырос выросла выросли выросло вырастут вырастет рост",
            "упал упала упали упало упадут упадет снизился снизилась снизятся падение",
        ),
        (
            "увеличат увеличит увеличили увеличился увеличилась",
            "сократят сократит сократили сократился сократилась уменьшат уменьшили",
        ),
        ("больше", "меньше"),
        ("все всех всем всеми", "некоторые некоторых некоторым немногие"),
        ("выше", "ниже"),
        ("раньше", "позже позднее"),
        ("хорошо хороший хорошая хорошие лучше", "плохо плохой плохая плохие хуже"),
        ("всегда", "никогда"),
        (
            "открыть откроют откроет откроется откроются открыли открыл открылась открыта открыт открытие",
            "закрыть закроют закроет закроется закроются закрыли закрыл закрылась закрыта закрыт закрытие",
        ),
        (
            "выиграл выиграла выиграли выиграем выиграет выиграют выиграть победа победили",
            "проиграл проиграла проиграли проиграем проиграет проиграют проиграть поражение",
        ),
        ("день днем", "ночь ночью"),
        ("опасен опасна опасно", "безопасен безопасна безопасно"),
        ("можем может могу могут можно", "нельзя"),
        # Extend vs cancel: a sentence model scores «продлят маршрут» and «закрыть
        # маршрут» alike (crosslang helper; found by the same-language model signal).
        (
            "extend extends extended extending prolong prolonged renew renews renewed",
            "cancel cancels cancelled scrap scraps scrapped terminate terminated",
        ),
        (
            "продлить продлят продлит продлили продлил продлила продлен продлена продлены",
            "закрыть закроют закроет закрыли отменить отменят отменит отменили прекратить прекратят",
        ),
        ("stay stays stayed remain remains remained", "leave leaves left"),
    ]
)

# Number words: value of each form. Scales multiply what precedes them.
NUMBER_WORDS: dict[str, float] = {
    **dict.fromkeys(["zero"], 0),
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "half": 0.5, "dozen": 12,
    **dict.fromkeys(_words("один одна одно одного одной одну одним одном"), 1),
    **dict.fromkeys(_words("два две двух двум двумя"), 2),
    **dict.fromkeys(_words("три трех трем тремя"), 3),
    **dict.fromkeys(_words("четыре четырех четырем четырьмя"), 4),
    **dict.fromkeys(_words("пять пяти пятью"), 5),
    **dict.fromkeys(_words("шесть шести"), 6),
    **dict.fromkeys(_words("семь семи"), 7),
    **dict.fromkeys(_words("восемь восьми"), 8),
    **dict.fromkeys(_words("девять девяти"), 9),
    **dict.fromkeys(_words("десять десяти"), 10),
    **dict.fromkeys(_words("одиннадцать одиннадцати"), 11),
    **dict.fromkeys(_words("двенадцать двенадцати"), 12),
    **dict.fromkeys(_words("тринадцать тринадцати"), 13),
    **dict.fromkeys(_words("четырнадцать четырнадцати"), 14),
    **dict.fromkeys(_words("пятнадцать пятнадцати"), 15),
    **dict.fromkeys(_words("шестнадцать шестнадцати"), 16),
    **dict.fromkeys(_words("семнадцать семнадцати"), 17),
    **dict.fromkeys(_words("восемнадцать восемнадцати"), 18),
    **dict.fromkeys(_words("девятнадцать девятнадцати"), 19),
    **dict.fromkeys(_words("двадцать двадцати"), 20),
    **dict.fromkeys(_words("тридцать тридцати"), 30),
    **dict.fromkeys(_words("сорок сорока"), 40),
    **dict.fromkeys(_words("пятьдесят пятидесяти"), 50),
    **dict.fromkeys(_words("шестьдесят шестидесяти"), 60),
    **dict.fromkeys(_words("семьдесят семидесяти"), 70),
    **dict.fromkeys(_words("восемьдесят восьмидесяти"), 80),
    **dict.fromkeys(_words("девяносто девяноста"), 90),
    **dict.fromkeys(_words("сто ста"), 100),
    **dict.fromkeys(_words("двести двухсот"), 200),
    **dict.fromkeys(_words("триста трехсот"), 300),
    **dict.fromkeys(_words("четыреста четырехсот"), 400),
    **dict.fromkeys(_words("пятьсот пятисот"), 500),
    **dict.fromkeys(_words("второй второго второму вторую вторая второе вторым втором"), 2),
    **dict.fromkeys(_words("третий третьего третьему третью третья третье третьим третьем"), 3),
    **dict.fromkeys(_words("полтора полторы"), 1.5),
}  # fmt: skip

# "one" after these is a pronoun or quantifier idiom ("no one", "every one"), not a count.
ONE_IDIOMS: frozenset[str] = frozenset(
    _words("no not every any some each the this that which no-one")
)

# "hundred" multiplies the running group; scales close it.
HUNDRED: frozenset[str] = frozenset({"hundred", "hundreds"})
SCALES: dict[str, float] = {
    **dict.fromkeys(_words("thousand thousands тысяча тысячи тысяч тысячу тыс"), 1e3),
    **dict.fromkeys(_words("million millions mln миллион миллиона миллионов млн"), 1e6),
    **dict.fromkeys(_words("billion billions bn миллиард миллиарда миллиардов млрд"), 1e9),
}

# Function words ignored when measuring content-word overlap for paraphrases.
# Speech verbs are here too: reported speech adds them ("he said that ...").
STOPWORDS: frozenset[str] = frozenset(
    _words("""
    a an the and or but if so as at by for from in into of on onto to with up out over
    about than then that this these those there here it its it's is are was were be been
    being am do does did done doing have has had having will would shall should can could
    may might must i me my mine we us our ours you your yours he him his she her hers
    they them their theirs who whom whose which what when where why how all any each
    every some such only own same too very just also even still yet again once while
    because until though although whether both either one's s t don't won't can't
    said says say saying told tell tells added according asked
    и в во на с со к ко по о об от до из за для у при про над под без а но или да же ли
    бы что чтобы как так также тоже это этот эта эти эту этого этой этим том тот та те
    тем того той там тут здесь где когда если то ведь уже еще лишь только вот вон
    я мы ты вы он она оно они меня мне мной нас нам нами тебя тебе вас вам его ее ей
    ему им их ими них нем ней него нему мой моя мое мои наш наша наше наши ваш ваша свой
    своя свое свои своего себя себе был была было были быть будет будут будем буду
    есть является сказал сказала сказали заявил заявила заявили говорит отметил
    отметила подчеркнул подчеркнула пояснил пояснила рассказал рассказала признал
    признала по словам
    """)
)

# Words before a quoted fragment, in the same clause, that reverse or narrow it:
# "I do not think [we will win]", "It is not true that [we are closing]",
# "Неправда, что [мы закрываем школу]", "Only [the first two years are free]".
CONTEXT_NEGATORS: frozenset[str] = NEGATIONS | frozenset(
    _words("untrue false неправда неверно ложь")
)
LIMITERS: frozenset[str] = frozenset(_words("only merely solely только лишь исключительно"))
# A clause starting with one of these is a new statement, not governed by what precedes.
CLAUSE_WORDS: frozenset[str] = frozenset(
    _words("and but or yet while whereas however и а но или однако зато")
)
# Verbs that a negation cancels rather than passes on: "I never doubted that [we
# would win]" affirms the fragment.
DOUBT_WORDS: frozenset[str] = frozenset(
    _words(
        """
    doubt doubts doubted doubting deny denies denied question questioned
    сомневаюсь сомневается сомневаемся сомневался сомнений сомнения отрицать отрицаю
    отрицает отрицал
    """
    )
)
# After a comma these continue the clause ("Неправда, что …", "Я не считаю, что …").
COMPLEMENTIZERS: frozenset[str] = frozenset(_words("that что чтобы будто якобы"))
# Words that open a subordinate clause: a negation after one ("developers who never
# paid", "если они не …") belongs to that clause, not to the words before it.
SUBORDINATORS: frozenset[str] = frozenset(
    _words(
        """
    who whom whose which where when whenever if unless because although though since
    until whether
    который которая которое которые которого которой которому котором которую которым
    которыми которых кто чей где когда если потому поскольку хотя пока ли
    """
    )
)


# Words that introduce the agent of a passive verb ("built by Harwick", «построен силами
# компании …»): the agent is the subject of the active version, so it moves to the front.
AGENT_MARKERS: frozenset[str] = frozenset(_words("by силами усилиями"))
# Russian instrumental endings (a passive agent: «построен Вектором») and the
# prepositions that make an instrumental something else («с Ивановой», «над Ольхой»).
INSTRUMENTAL_ENDINGS: tuple[str, ...] = ("ом", "ем", "ой", "ей", "ым", "им", "ами", "ями")
NOT_AGENT_PREPOSITIONS: frozenset[str] = frozenset(_words("с со между над под за перед"))


# Verbs of attribution: a name next to one is who spoke, not what was said, and may
# move freely between a source and a reported version ("Vance said Smith won").
SPEECH_VERBS: frozenset[str] = frozenset(
    _words(
        """
    said says say told tells added insisted noted explained wrote
    сказал сказала сказали заявил заявила заявили отметил отметила подчеркнул
    подчеркнула пояснил пояснила рассказал рассказала признал признала добавил добавила
    """
    )
)


# Pronouns a source uses in place of a speaker's name ("— сказал он").
PRONOUNS: frozenset[str] = frozenset(_words("he she they он она они him her его ее"))


# Dates are facts like numbers: a quote naming one month, season or weekday where the
# source names another has been changed. Each group lists the forms of its members.
TIME_GROUPS: tuple[tuple[frozenset[str], ...], ...] = tuple(
    tuple(frozenset(_words(member)) for member in group)
    for group in [
        [
            "january январь января январе",
            "february февраль февраля феврале",
            "march март марта марте",
            "april апрель апреля апреле",
            "may мая мае",
            "june июнь июня июне",
            "july июль июля июле",
            "august август августа августе",
            "september сентябрь сентября сентябре",
            "october октябрь октября октябре",
            "november ноябрь ноября ноябре",
            "december декабрь декабря декабре",
        ],
        [
            "spring весна весной весну весны весенний весеннего",
            "summer лето летом лету летний летнего",
            "autumn fall осень осенью осени осенний осеннего",
            "winter зима зимой зиму зимы зимний зимнего",
        ],
        [
            "monday понедельник понедельника понедельнику",
            "tuesday вторник вторника вторнику",
            "wednesday среда среду среды",
            "thursday четверг четверга",
            "friday пятница пятницу пятницы",
            "saturday суббота субботу субботы",
            "sunday воскресенье воскресенья",
        ],
        [
            "day days день дня дней дне",
            "week weeks неделя недели неделю неделе недель",
            "month months месяц месяца месяцев месяце",
            "quarter квартал квартала квартале",
            "year years год года году",
            "decade decades десятилетие десятилетия",
        ],
    ]
)

# Ordinals: "the first quarter" is not "the second quarter".
ORDINALS: tuple[frozenset[str], ...] = tuple(
    frozenset(_words(member))
    for member in [
        "first первый первая первое первые первого первой первом первую",
        "second второй вторая второе вторые второго втором вторую",
        "third третий третья третье третьего третьем третью",
        "fourth четвертый четвертая четвертое четвертого четвертом",
    ]
)

# Lexical negatives: words that carry their own "not", so "groundless" agrees with "has
# no grounds" and «безосновательны» with «не имеют оснований» (same polarity), and a
# translation that renders one as the other is no negation flip.
LEXICAL_NEGATIVES: frozenset[str] = frozenset(
    _words(
        """
    groundless baseless unfounded unacceptable unacceptably inadmissible impossible
    unthinkable untrue pointless meaningless senseless unjustified unwarranted
    беспочвенны беспочвенно
    """
    )
)
# Russian lexical negatives by stem (every case and short form): безосновательны,
# необоснованные, неприемлемо, недопустимы, невозможно, бессмысленно, неправда.
LEXICAL_NEGATIVE_PREFIXES: tuple[str, ...] = (
    "безоснователь",
    "необоснован",
    "неприемлем",
    "недопустим",
    "невозмож",
    "беспочвен",
    "бессмыслен",
    "неправд",
    "немыслим",
)

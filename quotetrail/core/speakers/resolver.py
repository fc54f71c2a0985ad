"""Resolution across the article: who "he", «она», "the minister" is.

    mention(ref) ──► Person (one per surname key; the best spelling wins)
    speaker(ref) ──► a name: that person; a pronoun: the last fitting person by gender;
                     a role: the last person with that title; a body: as written,
                     "they" the last group that spoke; else None

Fed in article order by extract's resolve step, so "last" always means "named before
the quote".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quotetrail.core.speakers.bodies import _ANAPHORIC_BODY, _ONE_PERSON, _SINGLE_SOURCE
from quotetrail.core.speakers.morphology import surname_key
from quotetrail.core.speakers.names import (
    _CYRILLIC,
    _PATRONYMIC,
    _PLURAL_PRONOUNS,
    _RU_INSTITUTION,
    Gender,
    SpeakerRef,
)

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
_IT_REACH = 1500  # characters between a body that spoke and the "it" that means it
_PLURAL_HEAD = re.compile(r"(?<![sS'’])s$")  # "aides", "officials": a group, never "it"
_EPITHET_REACH = 700  # characters between the name and the noun that means that person


@dataclass(eq=False)
class Person:
    words: list[str]
    gender: Gender = None
    roles: set[str] = field(default_factory=set)
    tentative: bool = False  # only seen named, never cited speaking
    seen: int = -1  # where the person was last named or cited (for a Russian epithet)
    bare: bool = False  # referred to by the surname alone ("Trump said"), see `_by_surname`
    firm: Gender = None  # the gender an honorific or first name stated, see `_by_surname`
    place: bool = False  # once written as a place ("in Puerto Rico"), see `_by_gender`

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def key(self) -> str:
        return surname_key(self.words[-1])

    def same_as(self, words: list[str]) -> bool:
        if len(words) == 2 and len(self.words) == 3 and _PATRONYMIC.search(words[1]):
            # «Иван Сергеевич» after «Иван Сергеевич Куликов»: first name and patronymic
            return [surname_key(w) for w in words] == [surname_key(w) for w in self.words[:2]]
        if surname_key(words[-1]) != self.key:
            return False
        if len(words) > 1 and len(self.words) > 1:
            a, b = self.words[0].rstrip(".").lower(), words[0].rstrip(".").lower()
            if len(a) == 1 or len(b) == 1:
                return a[0] == b[0]
            return surname_key(a) == surname_key(b)
        return True


def _placeish(person: Person) -> bool:
    """A name the copy wrote as a place ("in Manhattan", "at Valeant") and never gave a
    gender or cited speaking: not what "he" or "she" means."""
    return person.place and person.gender is None


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
        self.group_at = -1  # where the last of `groups` spoke
        self.last_it: tuple[Person, int] | None = None  # the last one body that spoke, where

    def mention(
        self,
        ref: SpeakerRef,
        *,
        subject: bool = False,
        gender: Gender = None,
        place: bool = False,
    ) -> Person | None:
        """A name seen in the text; its spelling yields to how the person is cited speaking.

        Only a `subject` mention (the first name of its sentence) can be a later "he":
        in "Putin met Erdogan. "…," he said." the speaker is Putin. `gender` is what the
        article's own pronoun for them says ("Lindsey Graham … his rival"): it overrides
        a guess from a first-name list. `place`: the name follows "in"/"at" here.
        """
        if ref.kind == "name" and ref.known_only:
            person = self._known(ref.name, ref.firm_gender)
            if person is not None and person.gender is None:
                person.gender = ref.gender
        else:
            person = self._person(ref, tentative=True) if ref.kind == "name" else None
        if person:
            person.seen = max(person.seen, ref.pos)
            if gender is not None and person in self.people:
                person.gender = gender
            person.place = person.place or place
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
        elif ref.kind == "pronoun" and ref.name == "it":
            return self._it(ref.pos)
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
        if _CYRILLIC.search(ref.name) and (
            ref.name[:1].isupper() or _RU_INSTITUTION.match(key) or key.startswith("министерств")
        ):  # «Кремль», «минздрав Башкирии»: what a later «в ведомстве» means
            self.last_body = person
        if (
            _SINGLE_SOURCE.search(ref.name)
            or _ONE_PERSON.fullmatch(ref.name)
            or (ref.gender is not None and _CYRILLIC.search(ref.name))
        ):  # «агент игрока заявил»: a verb in the singular makes the phrase one person
            # «Источник … рассказал. По его словам, …» / "the partner told them …. "…," he said"
            self._touch(self.recent, person)
            self._touch(self.subjects, person)
        else:
            self._touch(self.groups, person)
            self.group_at = max(self.group_at, ref.pos)
            if not _PLURAL_HEAD.search(ref.name):
                self.last_it = (person, ref.pos)
        return person

    @property
    def it_at(self) -> int:
        """Where the last one body that spoke did so (-1: none yet)."""
        return self.last_it[1] if self.last_it is not None else -1

    def _it(self, pos: int) -> Person | None:
        """`"…," it added`: the one body (a paper, a committee) that spoke just before.

        Not a plural ("aides", "officials"), and not one that spoke far back: an "it"
        with no body nearby stays unresolved rather than borrow an old one.
        """
        if self.last_it is None:
            return None
        person, at = self.last_it
        return person if 0 <= pos - at <= _IT_REACH else None

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

    def lead(self, person: Person) -> None:
        """Make `person` the one a later "he"/"she" tries first (a sentence's subject)."""
        self._touch(self.subjects, person)

    def last_speaker(self) -> Person | None:
        return self.speakers[-1] if self.speakers else None

    def _person(self, ref: SpeakerRef, *, tentative: bool = False) -> Person:
        words = ref.name.split()
        person = self._by_surname(words, ref.firm_gender)
        if person is not None:
            person.firm = person.firm or ref.firm_gender
            upgrade = person.tentative and not tentative and len(words) >= len(person.words)
            if len(words) > len(person.words) or upgrade:
                person.words = words
            person.tentative = person.tentative and tentative
            person.roles |= ref.roles
            person.gender = person.gender or ref.gender
            return person
        gender = ref.firm_gender or ref.gender
        person = Person(words, gender, set(ref.roles), tentative=tentative, firm=ref.firm_gender)
        self.people.append(person)
        return person

    def _known(self, surname: str, firm: Gender = None) -> Person | None:
        """The person already named whose surname this is (see `_by_surname`), else nobody."""
        return self._by_surname([surname], firm)

    def _by_surname(self, words: list[str], firm: Gender = None) -> Person | None:
        """The person already named whom these words name (the latest one), else nobody.

        A surname alone shared by several people ("Trump" after Donald, Ivanka and Eric
        Trump) means the one the copy already calls by the surname alone, else the one
        named first: news copy gives relatives their first names, the principal the
        surname. (The latest one made "Trump said" Ivanka's, and the next "he" somebody
        else's.) A stated gender (`firm`: "Ms. Khan") never matches a person of the
        other stated gender ("Khizr Khan"): a relative, a person of their own.
        """
        matches = [
            person
            for person in self.people
            if person.same_as(words) and (firm is None or person.firm in (None, firm))
        ]
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
                if gender is not None and _placeish(person):
                    continue  # "Puerto Rico tends to …. "…," she said": not Puerto Rico
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

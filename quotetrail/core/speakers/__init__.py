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

The package, bottom up (each module imports only those above it in this list):

- ``names``: what a name looks like (tokens, stop words, titles, first names) and
  ``SpeakerRef``, what every finder returns;
- ``morphology``: Russian case endings and gender, one key per surname;
- ``bodies``: organisations and unnamed sources ("the ministry", «источник»);
- ``subjects``: the speaker right before or after a cue (``subject_before``/``_after``);
- ``mentions``: titled mentions and full names anywhere in the text;
- ``resolver``: ``Person`` and ``Resolver``, who "he" or "the minister" is.
"""

from __future__ import annotations

from quotetrail.core.speakers.bodies import body_after, body_before
from quotetrail.core.speakers.mentions import find_full_names, find_titled_mentions
from quotetrail.core.speakers.morphology import common_nominative, nominative
from quotetrail.core.speakers.names import SpeakerRef
from quotetrail.core.speakers.resolver import Person, Resolver
from quotetrail.core.speakers.subjects import subject_after, subject_before

__all__ = [
    "Person",
    "Resolver",
    "SpeakerRef",
    "body_after",
    "body_before",
    "common_nominative",
    "find_full_names",
    "find_titled_mentions",
    "nominative",
    "subject_after",
    "subject_before",
]

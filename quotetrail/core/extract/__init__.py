"""Find the quotations in an article: who said what, and which outlet the article credits.

The pipeline reads top to bottom:

1. **Quote spans** (:mod:`quotemarks`): every top-level "…", “…”, «…», „…“, ‘…’
   span; a quote over several paragraphs comes as one fragment per paragraph.
2. **Sentences** (:mod:`sentences`): boundaries that never cut through a quote.
3. **Direct quotes** (:mod:`.direct`; the speaker before a quote in :mod:`.direct_heads`,
   after it in :mod:`.direct_tails`): each span is attributed from the words right around it —
   a cue before it in its sentence (``Putin said: "…"``, «По словам Пескова, «…»»)
   or right after it (``"…," he said``, «…», — заявил он), or a name and a colon
   (``Dmitry Peskov: "…"``), or a signature (``"…" — Tom Reyes``). A quote that is a sentence of its own continues the
   previous speaker (``"A," he said. "B."``). Russian attributions inside the marks
   («Мы готовы, — сказал он. — Но не сегодня») and dialogue paragraphs opened by a
   dash (— Мы готовы, — заявил Песков.) are split around the attribution.
   Interrupted and multi-paragraph quotes are returned **one Quote per fragment**,
   each with the same speaker, so that ``text[q.start:q.end] == q.text`` always holds.
   A *partial quotation* — a direct quote lying wholly inside a reported clause
   whose cue stands before it ("Orlov said the bridge would open “in the autumn of
   2028”") — is not returned on its own: the reported quote carries it, marks
   included, so no word is counted twice downstream. A *mixed quote* (reported words
   around a quoted fragment, `Trump said Kaine “has a passion …”`, `But on trade, “we
   held firm,” he said`, a headline `Orlan: Velt's ‘Honesty Is in Question’`) is one
   reported quote, whatever the share of marked words; its text keeps the fragment's
   closing mark. A short fragment (≤ 9 words) whose marks open right after a word of
   the writer's (`portrayed the levy as “a tax on work”`) is reported too, even when
   no clause could be cut around it; after a verb of saying, "that" or a naming verb
   (`said “…”`, `called it “a mistake”`) it stays direct.
4. **Reported speech** (:mod:`.reported`, clause shapes in :mod:`.clauses`, closing
   attributions in :mod:`.trailing`): sentences shaped like ``X said (that) …``, ``X told Y that …``,
   ``according to X, …``, ``…, X said.``, ``…, saying (that) …`` (the speaker is the
   subject of the sentence's first verb), ``X did Y and said …``, ``Republicans who
   say …``, ``is telling voters that …``, «X заявил, что …»,
   «X заявил: …», «по словам X, …», «как сообщил X, …»; the quote is the reported
   clause, without a trailing credit or attribution (", передает ТАСС") or a wire
   dateline ("GENEVA, March 4 (Wire) - ") or a writer's parenthetical closing it
   ("(that is, …)"). "That"/«что» is left out of the clause. Words may stand between
   the verb and its clause ("told reporters on Monday that", "said in a statement
   that"); without "that" the clause must start like one. An attribution set off by commas in
   mid-sentence («Россия, по словам Пескова, готова к диалогу», "Russia, Peskov
   said, is ready") gives **two fragments** with one speaker and cue — the words
   before and after it — like an interrupted direct quote; the first may be one word.
   A line "Name: words" (a headline, a transcript) is Name's reported words.
   "According to" a document ("a pool report", "an email from the group") names its
   author; figures, data and polls ("according to official figures") are nobody's.
5. **Speakers** (:mod:`.resolve` over :mod:`speakers`): names are normalised (titles dropped, Russian
   genitive turned nominative, one spelling per person); "he", «она», "the
   president", «глава государства», "the minister" resolve to the last fitting
   person named before them ("the mayor" only to someone titled mayor, never to
   the previous speaker); a role nobody held speaks as written («мэр», "the
   mayor") unless a person with that title is named later (a headline's "…, mayor
   says" before the lede's "Mayor Helen Marsh said"). The one spoken to ("told
   John Smith", "told TASS") is never a later "he", and an outlet after a name
   («заявил Кольцов Интерфаксу») is not part of it. «Об этом заявил Песков» names the speaker of the
   quotes just before it. When no person speaks, an organisation or unnamed source
   is the speaker, as written ("the ministry", "a source close to the talks",
   «Минобороны», «источник в правительстве»; «В Кремле заявили» → «Кремль»). A
   single unnamed source may be a later «он»/"he"; an organisation never is, and
   "they" means the last group or body that spoke, never one person. A sentence's
   subject (what a later "he" means) is its first name that is a person, a lone
   surname included ("Trump also took a swipe at Jeb Bush."); a quote standing alone
   after a sentence that quotes nobody is that sentence's subject's. An
   outlet as the subject ("TASS reported that …", «Как сообщает «Интерфакс», …»)
   gives a quote with speaker None, cited to the outlet; a person named inside
   ("TASS reported that Peskov said …") is the speaker instead.
6. **Credited claims** (:mod:`.claims`, kind ``claim``): a speech act without quoted words ("X
   thanked Y for …", «X призвал …») or a sentence credited to an outlet ("…, as RIA
   Novosti reported", or a next "This was reported by Gazeta.ru."), in a sentence
   with no quote of its own; speaker and outlet as for quotes.
7. **Outlets** (:mod:`.credits` over :mod:`attribution`): a credit ("quoted by TASS", «передает ТАСС»,
   "in his Telegram channel") applies to the quotes of its sentence; a credit
   sentence without quotes applies back ("This was reported by Gazeta.ru.") or
   forward ("He gave an interview to Rossiya 24."). "He told the agency", «сказал он
   изданию» credit the outlet the same speaker last spoke to; otherwise nothing
   («Источник рассказал агентству» means the article's own publisher).
8. **Terms** (:mod:`.direct`): quoted names, titles and scare quotes are not anyone's words. A span
   is a *term* when it follows a naming noun (the film, the narrative, so-called,
   телеканал, партия, газета, операция…), names a known outlet, or, with no speech
   cue next to it, is short or reads like a name (every word capitalised). A
   quote that is a whole sentence, or has a cue next to it, is speech. Terms are
   returned only with ``include_terms=True`` (kind ``"term"``, no speaker).

Plain text hard-wrapped at ~70 columns is read through :func:`hardwrap.unwrap`, a
same-length copy with the wrapping newlines turned to spaces: offsets index the
original text, and a quote's ``text`` keeps its newlines.

The package, bottom up (each module imports only those above it in this list):

- ``article``: the ``_Article`` (text, spans, sentences, cues, names, computed once),
  the ``_Candidate`` working item, and the regexes and helpers several stages share;
- ``adjuncts``: words between a verb of saying and its clause ("told reporters on Monday");
- ``subjects``: who a cue points at (pronoun, name before/after, a body);
- ``noun_phrases``: a common-noun or appositive subject ("the ministry's spokesman said");
- ``clauses``: where a reported clause starts and ends, and the shapes around one;
- ``partial``: partial quotations and embedded fragments (direct inside reported);
- ``claims``: credited claims; ``direct``: direct quotes and terms; ``reported``:
  reported speech; ``resolve``: speakers across the article; ``credits``: outlets;
- this ``__init__``: :func:`extract_quotes`, which runs the steps in order, and the
  confidence scale.

Every item gets a ``confidence`` (:func:`_confidence`); ``min_confidence`` drops the
ones below it. Everything is regex and bounded look-around on the text, linear in its
length.
"""

from __future__ import annotations

from quotetrail.core.extract.article import _Article, _Candidate
from quotetrail.core.extract.claims import _claims
from quotetrail.core.extract.credits import _attach_outlets
from quotetrail.core.extract.direct import _direct_quotes
from quotetrail.core.extract.partial import _embedded_fragments, _without_partial_quotations
from quotetrail.core.extract.reported import _reported_speech
from quotetrail.core.extract.resolve import _apply_back_attributions, _resolve_speakers
from quotetrail.core.hardwrap import unwrap
from quotetrail.core.models import DEFAULT_MIN_CONFIDENCE, Quote
from quotetrail.core.outlets import OutletRegistry

__all__ = ["DEFAULT_MIN_CONFIDENCE", "extract_quotes"]


def extract_quotes(
    text: str,
    registry: OutletRegistry | None = None,
    *,
    include_terms: bool = False,
    min_confidence: float = 0.0,
) -> list[Quote]:
    """The quotes of `text` in article order (see the module docstring for the rules).

    Items whose `confidence` is below `min_confidence` are left out (0 keeps all).
    """
    if not text or not text.strip():
        return []
    # hard-wrapped lines are joined on a same-length copy, so offsets stay valid
    article = _Article(unwrap(text), registry or OutletRegistry.default())
    candidates = _direct_quotes(article)
    candidates += _reported_speech(article, candidates)
    candidates.sort(key=lambda c: (c.start, c.end))
    candidates = _without_partial_quotations(article, candidates)
    _embedded_fragments(article, candidates)
    candidates += _claims(article, candidates)
    candidates.sort(key=lambda c: (c.start, c.end))
    _apply_back_attributions(article, candidates)
    _resolve_speakers(article, candidates)
    _attach_outlets(article, candidates)
    quotes = [_to_quote(text, c) for c in candidates if c.kind != "term" or include_terms]
    return [q for q in quotes if q.confidence >= min_confidence]


def _to_quote(text: str, c: _Candidate) -> Quote:
    return Quote(
        text=text[c.start : c.end],
        kind=c.kind,
        start=c.start,
        end=c.end,
        speaker=c.person.name if c.person else None,
        cue=c.cue.text if c.cue else None,
        cited_source=c.outlet.name if c.outlet else None,
        confidence=_confidence(c),
    )


def _confidence(c: _Candidate) -> float:
    """How sure we are that this is somebody's statement, credited to the right speaker.

    A fixed scale, not a learned probability: marks and a cue with a named person are
    the surest (0.95); a body or an unresolved role as speaker, a medial or trailing
    attribution, or words with no cue cost a little; a quote nobody is credited with
    and a claim with neither speaker nor outlet fall below DEFAULT_MIN_CONFIDENCE.
    Terms (not speech) are 0.2.
    """
    if c.kind == "term":
        return 0.2
    person = c.person
    if person is None:
        base = {"direct": 0.55, "reported": 0.45, "claim": 0.4}[c.kind]
        if c.outlet is not None:
            base += 0.1  # the outlet is the source: "TASS reported that …"
        return round(base, 2)
    named = person.words and person.words[0][:1].isupper() and not person.tentative
    score = {"direct": 0.95, "reported": 0.9, "claim": 0.75}[c.kind]
    if c.cue is None:
        score -= 0.1
    if not named:
        score -= 0.1  # a body or a role as written: "the ministry", «следователь»
    if c.kind == "claim" and c.outlet is not None:
        score += 0.05
    return round(min(1.0, score), 2)

"""Find the main text of a news page with BeautifulSoup, keeping where each paragraph came from.

The pipeline reads top to bottom like trafilatura's: parse → drop furniture → pick the
article container → walk it into paragraphs. Every paragraph remembers the element it
came from (tag, CSS-ish path, offsets in the original HTML) so a verdict can point a
reader at the exact place on the page.

html.parser is used (not lxml) because it is the only bs4 tree builder that records
source positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag

# Elements that never hold article text.
_DROP_TAGS = """script style noscript template iframe svg canvas form button input select textarea nav
    footer aside dialog object embed video audio map link meta head title""".split()  # noqa: SIM905

# Class/id words that mark page furniture (matched against the words of class and id).
_FURNITURE_WORDS = frozenset(
    """nav navbar navigation menu footer sidebar aside related recommended recommendations
    popular mostread trending share sharing social socials comment comments cookie cookies
    consent banner advert advertisement ads ad adv adfox promo sponsored subscribe
    subscription newsletter breadcrumb breadcrumbs pagination pager widget modal popup
    toolbar rating counter tags outbrain taboola teaser teasers byline date dateline
    timestamp meta author""".split()  # noqa: SIM905
)
_CONTENT_WORDS = frozenset(["article", "content", "body", "text", "story", "post", "entry"])
_FURNITURE_PHRASES = ("most-read", "most_read", "mostread", "read-also", "read_also", "see-also")
_FURNITURE_ROLES = frozenset(
    """navigation banner contentinfo complementary search dialog alertdialog menu""".split()  # noqa: SIM905
)
# Headings that introduce lists of other articles or reader comments.
_FURNITURE_HEADING = re.compile(
    r"^\s*(most read|most popular|popular|trending|related|read more|read also|see also|"
    r"more from|more on this|recommended|top stories|latest news|comments?|share|"
    r"популярное|самое читаемое|самое популярное|самое обсуждаемое|читайте также|"
    r"читайте еще|читайте ещё|по теме|новости по теме|другие новости|главное|"
    r"комментарии|рекомендуем|последние новости|лента новостей|поделиться)\b",
    re.I,
)
_BLOCK_TAGS = frozenset(
    """p div section article main header h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre
    figure figcaption table tr td th thead tbody caption address hr body html""".split()  # noqa: SIM905
)
_BLOCK_TAG_LIST = sorted(_BLOCK_TAGS)
_PROSE_TAGS = ("p", "pre", "blockquote", "div", "td", "dd")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADING_LIKE = frozenset({*_HEADINGS, "strong", "b", "span", "div", "p"})
_COPYRIGHT = re.compile(r"©|\(c\) \d{4}|copyright|все права защищены", re.I)
_WIDEN_STOP = frozenset({"body", "html", "[document]", "table", "tbody", "thead", "tr"})
_INLINE_WRAPPERS = frozenset({"a", "em", "i", "span", "strong", "b"})
_BR_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2009\u202f]+")
_WORD_SPLIT = re.compile(r"[\s_-]+")


@dataclass(frozen=True, slots=True)
class RawBlock:
    """One paragraph of main text and the element it came from."""

    text: str
    tag: str
    path: str
    source_start: int
    source_end: int
    hrefs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    blocks: tuple[RawBlock, ...]
    title: str | None
    links: tuple[str, ...]
    lang: str | None
    base_url: str | None


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def extract_main(
    html: str, url: str | None = None, soup: BeautifulSoup | None = None
) -> Extraction:
    """Main text of `html` as paragraphs with their source positions, plus title, links and lang."""
    from quotetrail.core.html_meta import base_url, page_lang, page_title, resolve_links

    soup = soup or parse(html)
    base = base_url(soup, url)
    lang = page_lang(soup)
    fallback_title = page_title(soup)
    remove_furniture(soup)
    container = find_container(soup)
    headline = _headline_outside(soup, container)
    roots = [headline, container] if headline is not None else [container]
    offsets = LineOffsets(html)
    blocks = [b for root in roots for b in paragraphs(root, html, offsets)]
    h1 = next((b.text for b in blocks if b.tag == "h1"), None)
    links = resolve_links([href for b in blocks for href in b.hrefs], base)
    return Extraction(tuple(blocks), h1 or fallback_title, links, lang, base)


def remove_furniture(soup: BeautifulSoup) -> None:
    """Delete comments, scripts, menus, sidebars, banners and lists of other articles."""
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(_DROP_TAGS):
        if not _gone(tag):
            tag.decompose()
    for tag in soup.find_all(True):
        if _gone(tag) or tag.attrs is None:
            continue
        if _is_furniture(tag):
            tag.decompose()
    for caption in soup.find_all("figcaption"):
        figure = caption.find_parent("figure")
        if figure is not None and figure.find(["img", "picture", "video"]) is not None:
            caption.decompose()  # photo credits; a <figure> around a <blockquote> keeps its caption
    # Start from the strings, not from every <div>: get_text() per div is quadratic when
    # divs nest deeply.
    for string in soup.find_all(string=_FURNITURE_HEADING):
        if _gone(string):
            continue
        heading = string.parent
        if not isinstance(heading, Tag):
            continue
        text = heading.get_text(" ", strip=True)
        # From <h2><a>Most read</a></h2> climb to the <h2>: wrappers that add no text.
        while (
            heading.name in _INLINE_WRAPPERS
            and isinstance(heading.parent, Tag)
            and heading.parent.name in _HEADING_LIKE
            and len(heading.parent.get_text(" ", strip=True)) == len(text)
        ):
            heading = heading.parent
        if heading.name in _HEADING_LIKE and len(text) <= 60 and _FURNITURE_HEADING.match(text):
            _drop_section_of(heading)


def find_container(soup: BeautifulSoup) -> Tag:
    """The element holding the article body: <article>, schema.org articleBody, <main>, or
    the element whose prose blocks carry the most text, widened to take in a lead."""
    stats = _Stats(soup)
    for selector in ("article", '[itemprop="articleBody"]', "main, [role=main]"):
        found = [t for t in soup.select(selector) if stats.prose(t) > 0]
        if found:
            return _widen(max(found, key=stats.prose), stats)
    scores: dict[int, tuple[float, Tag]] = {}
    for block, length in stats.leaves:
        if length < 25:
            continue
        for weight, ancestor in zip((1.0, 0.5), block.parents, strict=False):
            if isinstance(ancestor, Tag):
                prev = scores.get(id(ancestor), (0.0, ancestor))[0]
                scores[id(ancestor)] = (prev + weight * (1 + min(length, 300) / 100), ancestor)
    if scores:
        best = max(scores.values(), key=lambda s: s[0] * (1 - stats.link_density(s[1])))[1]
        return _widen(best, stats)
    return soup.body or soup


def _widen(container: Tag, stats: _Stats) -> Tag:
    """Climb to the ancestor that adds a little more prose: the lead paragraph above the body
    (`<div class="lead">` beside `<div class="text">`) belongs to the article. Layout
    tables are never climbed: the next row is another part of the page."""
    own = stats.prose(container)
    best, best_text, node = container, own, container
    while isinstance(node.parent, Tag) and node.parent.name not in _WIDEN_STOP:
        node = node.parent
        total = stats.prose(node)
        if total > 1.5 * own or stats.link_density(node) > 0.3:
            break
        if total > best_text:
            best, best_text = node, total
    return best


class _Stats:
    """Prose, text and link-text lengths of every element, computed once bottom-up so that
    scoring a 10 MB page stays linear."""

    def __init__(self, soup: BeautifulSoup) -> None:
        self._prose: dict[int, int] = {}
        self._text: dict[int, int] = {}
        self._links: dict[int, int] = {}
        self._has_block: dict[int, bool] = {}
        self.leaves: list[tuple[Tag, int]] = []
        for tag in reversed(soup.find_all(True)):  # children before parents
            self._add(tag)
        self.leaves.reverse()

    def _add(self, tag: Tag) -> None:
        prose = text = links = 0
        has_block = False
        for child in tag.contents:
            if isinstance(child, Tag):
                key = id(child)
                prose += self._prose.get(key, 0)
                text += self._text.get(key, 0)
                links += self._links.get(key, 0)
                has_block = (
                    has_block or child.name in _BLOCK_TAGS or self._has_block.get(key, False)
                )
            elif type(child) is NavigableString:
                text += len(child.strip())
        if tag.name == "a":
            links = text
        key = id(tag)
        self._text[key], self._links[key], self._has_block[key] = text, links, has_block
        if tag.name in _PROSE_TAGS and not has_block and _reads_as_prose(tag, text, links):
            prose = text
            self.leaves.append((tag, text))
        self._prose[key] = prose

    def prose(self, tag: Tag) -> int:
        return self._prose.get(id(tag), 0)

    def link_density(self, tag: Tag) -> float:
        text = self._text.get(id(tag), 0)
        return self._links.get(id(tag), 0) / text if text else 1.0


def paragraphs(root: Tag, html: str, offsets: LineOffsets) -> list[RawBlock]:
    """Walk `root` in reading order, cutting text at block boundaries; <br> is a line break.

    Iterative (an explicit stack), so pathologically nested pages cannot hit the recursion limit.
    """
    out: list[RawBlock] = []
    parts: list[str] = []
    anchors: list[Tag] = []
    paths = _PathNamer()

    def flush(owner: Tag) -> None:
        raw = "".join(parts)
        parts.clear()
        # `<br><br>` is how old layouts separate paragraphs: keep it a paragraph break.
        pieces = [p for p in (_clean(piece) for piece in _BR_BREAK.split(raw)) if p]
        text = "\n".join(pieces)
        if text and not _is_link_list(anchors, text):
            start, end = offsets.span(owner, html)
            hrefs = tuple(str(a["href"]) for a in anchors if a.get("href"))
            path = paths.path(owner)
            for piece in pieces:
                out.append(RawBlock(piece, owner.name, path, start, end, hrefs))
        anchors.clear()

    owners: list[Tag] = [root]
    pre_depth = 1 if root.name == "pre" else 0
    stack: list[object] = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        if node is _EXIT:
            flush(owners.pop())
            continue
        if node is _EXIT_PRE:
            pre_depth -= 1
            continue
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # skips CData, doctype, processing instructions
                parts.append(str(node) if pre_depth else _SPACE.sub(" ", str(node)))
        elif isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
                continue
            if node.name == "a":
                anchors.append(node)
            if node.name == "pre":
                pre_depth += 1
                stack.append(_EXIT_PRE)
            if node.name in _BLOCK_TAGS:
                flush(owners[-1])
                owners.append(node)
                stack.append(_EXIT)
            stack.extend(reversed(node.contents))
    flush(root)
    return out


_EXIT = object()  # stack markers: leaving a block, leaving a <pre>
_EXIT_PRE = object()


class _PathNamer:
    """CSS-ish paths such as `article > p:nth-of-type(3)`, with sibling positions cached
    per parent (a naive count per paragraph is quadratic on long articles)."""

    def __init__(self) -> None:
        self._positions: dict[int, tuple[dict[int, int], dict[str, int]]] = {}

    def path(self, tag: Tag) -> str:
        steps = []
        node: Tag | None = tag
        while isinstance(node, Tag) and node.name != "[document]":
            step = node.name
            if node.get("id"):
                steps.append(f"{step}#{node['id']}")
                break
            parent = node.parent
            if parent is not None:
                index, counts = self._siblings(parent)
                if counts.get(node.name, 0) > 1:
                    step += f":nth-of-type({index[id(node)]})"
            steps.append(step)
            node = parent
        return " > ".join(reversed(steps))

    def _siblings(self, parent: Tag) -> tuple[dict[int, int], dict[str, int]]:
        key = id(parent)
        if key not in self._positions:
            index: dict[int, int] = {}
            counts: dict[str, int] = {}
            for child in parent.contents:
                if isinstance(child, Tag):
                    counts[child.name] = counts.get(child.name, 0) + 1
                    index[id(child)] = counts[child.name]
            self._positions[key] = (index, counts)
        return self._positions[key]


def css_path(tag: Tag) -> str:
    """A CSS-ish path such as `body > article > p:nth-of-type(3)` for pointing at an element."""
    return _PathNamer().path(tag)


class LineOffsets:
    """Turns html.parser's (line, column) positions into offsets in the HTML string."""

    def __init__(self, html: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", html)]

    def offset(self, tag: Tag) -> int:
        if tag.sourceline is None or tag.sourcepos is None:
            return -1
        line = tag.sourceline - 1
        return self._starts[line] + tag.sourcepos if line < len(self._starts) else -1

    def span(self, tag: Tag, html: str) -> tuple[int, int]:
        """Start of the element's open tag to the end of its close tag (or of its last content)."""
        start = self.offset(tag)
        if start < 0:
            return -1, -1
        limit = self._next_outside(tag)
        stop = limit if limit > start else len(html)
        close = html.rfind(f"</{tag.name}", start, stop)
        if close >= 0:
            gt = html.find(">", close, stop)
            return start, (gt + 1 if gt >= 0 else stop)
        return start, stop

    def _next_outside(self, tag: Tag) -> int:
        node = tag.next_sibling
        parent: Tag | None = tag
        while node is None and parent is not None:
            parent = parent.parent
            node = parent.next_sibling if parent is not None else None
        while node is not None and not isinstance(node, Tag):
            node = node.next_element
        return self.offset(node) if isinstance(node, Tag) else -1


def _reads_as_prose(tag: Tag, text: int, links: int) -> bool:
    if tag.name in ("p", "pre", "blockquote"):
        return True
    return text >= 25 and links < 0.5 * text and not _COPYRIGHT.search(tag.get_text())


def _gone(tag: PageElement) -> bool:
    """Whether `tag` was decomposed. bs4's own `Tag.decomposed` falls through to
    `Tag.__getattr__` (a subtree search) on live tags, which made deep pages quadratic."""
    return bool(tag.__dict__.get("_decomposed", False))


def _is_furniture(tag: Tag) -> bool:
    if tag.name in ("html", "body", "article", "main") and tag.get("role") is None:
        return False
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    style = str(tag.get("style", "")).replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if str(tag.get("role", "")).lower() in _FURNITURE_ROLES:
        return True
    if tag.name == "header":
        return tag.find("h1") is None and tag.find_parent(["article", "main"]) is None
    names = " ".join([*tag.get("class", []), str(tag.get("id", ""))]).lower()
    if not names.strip():
        return False
    if any(phrase in names for phrase in _FURNITURE_PHRASES):
        return True
    words = set(_WORD_SPLIT.split(names))
    if not words & _FURNITURE_WORDS:
        return False
    # "article-body", "post-content-main": not furniture by a stray word when it holds prose.
    return not (words & _CONTENT_WORDS and _paragraph_text(tag) > 200)


def _drop_section_of(heading: Tag) -> None:
    """Remove the block a 'Most read' / 'Читайте также' heading introduces, not the article."""
    parent = heading.parent
    if (
        isinstance(parent, Tag)
        and parent.name not in ("body", "html", "article", "main")
        and (_link_density(parent) > 0.4 or _paragraph_text(parent) < 200)
    ):
        parent.decompose()
        return
    for sibling in list(heading.find_next_siblings()):
        if sibling.name in ("ul", "ol", "div", "section") and _link_density(sibling) > 0.4:
            sibling.decompose()
        else:
            break
    heading.decompose()


def _headline_outside(soup: BeautifulSoup, container: Tag) -> Tag | None:
    """The page's <h1>, when the article body does not contain it (headline above the body)."""
    h1 = soup.find("h1")
    if h1 is None or container is h1 or container in h1.parents or h1 in container.parents:
        return None
    if container.find("h1") is not None:
        return None
    return h1


def _is_link_list(anchors: list[Tag], text: str) -> bool:
    """A paragraph that is only a link ("Read also: …") is navigation, not article text."""
    link_text = sum(len(a.get_text(" ", strip=True)) for a in anchors)
    return link_text > 0.7 * len(text) and len(text) < 200 and not _has_quote_marks(text)


def _has_quote_marks(text: str) -> bool:
    return any(mark in text for mark in '«»“”„"')


def _prose_blocks(tag: Tag):
    """Leaf blocks that read as prose: paragraphs, and text-only <div>s of layouts that use
    no <p> at all (a div of 25+ characters that is not mostly a link)."""
    for element in tag.find_all(_PROSE_TAGS):
        if element.find(_BLOCK_TAG_LIST) is not None:
            continue
        length = len(element.get_text(" ", strip=True))
        if element.name in ("p", "pre", "blockquote") or (
            length >= 25 and _link_density(element) < 0.5
        ):
            yield element, length


def _paragraph_text(tag: Tag) -> int:
    return sum(length for _, length in _prose_blocks(tag))


def _link_density(tag: Tag) -> float:
    text = len(tag.get_text(" ", strip=True))
    if text == 0:
        return 1.0
    return sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a")) / text


def _clean(text: str) -> str:
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)

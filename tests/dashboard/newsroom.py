"""Synthetic newsroom fixtures: an article, the outlets it cites, and a hostile page.

All people, places, outlets and figures are invented. The Herald page carries one quote
word for word, one with a changed figure and one reworded; the radio page is plain
text that carries markup meant to run in a reviewer's browser.
"""

from __future__ import annotations

PWN_SCRIPT = "<script>window.__pwned=1</script>"
PWN_IMG = '<img src=x onerror="window.__pwned=1">'

ARTICLE_TITLE = "Riverton will rebuild the old tram depot, mayor says"


def _link(url: str | None, label: str) -> str:
    return f'<a href="{url}">{label}</a>' if url else label


def article_html(herald_url: str | None = None, radio_url: str | None = None) -> str:
    """The article; with URLs, its outlet names link to the sources (as a real page would)."""
    herald = _link(herald_url, "Riverton Herald")
    radio = _link(radio_url, "Valley Radio")
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{ARTICLE_TITLE} | The Valley Courier</title></head>
<body>
<header><a href="/">The Valley Courier</a></header>
<article>
<h1>{ARTICLE_TITLE}</h1>
<p>The city of Riverton will turn its disused tram depot into a public library, Mayor Helen Marsh said on Monday.</p>
<p>“The depot will reopen as a library in the spring of 2027,” Marsh told the {herald}.</p>
<p>“The work will cost 12 million dollars, all of it from the city budget,” she said in an interview with the Herald.</p>
<p>Marsh said the building had stood empty for years and that neighbours wanted it used.</p>
<p>“We never planned to sell the land to private developers,” Marsh added, according to the Herald.</p>
<p>“Residents asked for this &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; for a whole decade,” the mayor told {radio}.</p>
</article>
<footer>© The Valley Courier. Synthetic text.</footer>
</body>
</html>
"""


HERALD_HTML = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Tram depot to become library in 2027 - Riverton Herald</title>
<script>window.__pwned=1</script></head>
<body>
<nav><a href="/">Riverton Herald</a> <a href="/city">City</a></nav>
<main><article>
<h1>Tram depot to become library in 2027</h1>
<p>RIVERTON, Monday. Mayor Helen Marsh announced that the disused tram depot on Mill Street will be converted into the city's new central library.</p>
<p>"The depot will reopen as a library in the spring of 2027," the mayor told the Herald in an interview at city hall.</p>
<p>"The work will cost 21 million dollars, all of it from the city budget," Marsh said, adding that no federal grants had been requested.</p>
<p>Asked about earlier rumours of a sale, she said: "Selling the land to private developers was never part of our plans."</p>
<p>Construction crews are expected on site in January. <img src=x onerror="window.__pwned=1"></p>
</article></main>
<footer>Riverton Herald. Synthetic page.</footer>
</body>
</html>
"""

RADIO_TEXT = f"""Valley Radio — morning bulletin transcript (synthetic)

Mayor Helen Marsh spoke to Valley Radio about the tram depot.
"Residents asked for this {PWN_IMG} for a whole decade," the mayor said. {PWN_SCRIPT}
She said the library would have a children's wing and a reading garden.
"""

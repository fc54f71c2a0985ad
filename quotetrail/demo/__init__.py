"""The `quotetrail demo`: an example article and outlet pages served on loopback.

Everything here is synthetic (invented people, places and figures). The pages are
package data in `data/`; `site.serving()` serves them from a throwaway HTTP server
on 127.0.0.1 so the demo goes through the real fetcher without any network.
"""

from quotetrail.demo.site import ARTICLE_PATH, DemoSite, serving

__all__ = ["ARTICLE_PATH", "DemoSite", "serving"]

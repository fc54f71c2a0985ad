"""Suite-wide safety: every fetch the code makes is confined to loopback.

Set before any quotetrail module reads its settings, so no test, property test or
fuzzer can reach a real address even when a guard under test is broken.
"""

import os

os.environ["QUOTETRAIL_EGRESS_NETWORKS"] = "127.0.0.0/8,::1/128"
os.environ.setdefault("QUOTETRAIL_ALLOW_NETWORKS", "127.0.0.1/32")


import pytest


@pytest.fixture(autouse=True)
def _sentence_model_does_not_leak():
    """A test that loads the embedder (CLI, pipeline) leaves the core as it found it."""
    from quotetrail.core import semantic

    before = semantic.current()
    yield
    semantic.restore(before)

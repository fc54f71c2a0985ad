"""Errors users can act on. Each carries a one-line message fit for stderr or a problem body."""


class QuotetrailError(Exception):
    """Base class: the message is shown to the user as it is."""


class InputError(QuotetrailError):
    """The article or a source is empty, binary, too large, undecodable or not a page."""

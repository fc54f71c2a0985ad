"""quotetrail: did this person really say this, and does the cited outlet carry it?"""

__version__ = "0.1.0"

"""newsdesk: from many outlets' articles to one faithful, cited brief per story."""

from newsdesk.models import Article, Brief, BriefSentence, Citation, Provenance, Rejection

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Brief",
    "BriefSentence",
    "Citation",
    "Provenance",
    "Rejection",
    "__version__",
]

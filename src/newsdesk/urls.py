"""URLs from untrusted pages: which ones may become links.

Article titles, texts and URLs come from pages newsdesk does not control. Templates autoescape
every text; an ``href`` also needs its scheme checked, which is done here.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link safe to put in ``href``, else ``None``.

    Escaping alone would keep ``javascript:`` links clickable, so anything but http(s) is refused.
    """
    if not url:
        return None
    url = url.strip()
    if any(ord(ch) < 0x20 or ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return url

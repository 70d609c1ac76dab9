"""The web UI, JSON API and HTTP exports over a newsdesk store (``newsdesk serve``)."""

from newsdesk.serve.app import create_app

__all__ = ["create_app"]

"""Path parameters and media types shared by the web app's routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from newsdesk.store import MAX_ID

IdPath = Annotated[int, Path(ge=0, le=MAX_ID)]
HTML = "text/html; charset=utf-8"
JSON = "application/json"

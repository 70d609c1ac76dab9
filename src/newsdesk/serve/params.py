"""Path parameters and media types shared by the web app's routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

MAX_ID = 2**62
"""Larger ids cannot be stored (SQLite and PostgreSQL use 64-bit integers); refuse them early."""

IdPath = Annotated[int, Path(ge=0, le=MAX_ID)]
HTML = "text/html; charset=utf-8"
JSON = "application/json"

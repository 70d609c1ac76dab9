"""The JSON API: fuzzed against its own OpenAPI schema (schemathesis), and paginated walks."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.result import Ok
from schemathesis.generation import GenerationMode

from newsdesk.config import Settings
from newsdesk.serve import create_app
from newsdesk.store import open_store
from serve_helpers import REPRINT_OUTLET, build_store

_STORE = Path(__file__)  # replaced by the module fixture below


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return create_app(build_store(tmp_path_factory.mktemp("api")))


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]


def test_api_conforms_to_its_schema_without_server_errors(app: FastAPI) -> None:
    """Every operation of /openapi.json, fuzzed with valid and with invalid parameters.

    (Driven through hypothesis directly: schemathesis' pytest plugin does not support pytest 9.)
    """
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result
        operations.append(result.ok())
    paths = {op.path for op in operations}
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/search"} <= paths
    spec = app.openapi()["paths"]
    for operation, mode in itertools.product(operations, GenerationMode):
        if mode is GenerationMode.NEGATIVE and not spec[operation.path]["get"].get("parameters"):
            continue  # nothing to make invalid

        @given(case=operation.as_strategy(mode))
        @settings(
            max_examples=30,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def run(case: Any) -> None:
            case.call_and_validate(checks=CHECKS)

        run()


def walk(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get(path, params={**params, "offset": offset}).json()
        assert page["offset"] == offset
        assert len(page["items"]) <= page["limit"]
        items.extend(page["items"])
        offset = page["next_offset"]
    return items


def test_story_pages_cover_every_story_once(client: TestClient, app: FastAPI) -> None:
    settings_: Settings = app.state.settings
    with open_store(settings_.db) as store:
        expected = {s.id for s in store.stories(limit=1000, offset=0)}
    walked = [s["id"] for s in walk(client, "/api/stories", limit=3)]
    assert sorted(walked) == sorted(expected) and len(walked) == len(set(walked))


def test_article_pages_cover_every_article_in_order(client: TestClient, app: FastAPI) -> None:
    settings_: Settings = app.state.settings
    with open_store(settings_.db) as store:
        expected = [a.id for a in store.iter_articles()]
    assert [a["id"] for a in walk(client, "/api/articles", limit=7)] == expected


def test_story_detail_has_cited_brief_and_folded_reprints(client: TestClient, app: FastAPI) -> None:
    settings_: Settings = app.state.settings
    with open_store(settings_.db) as store:
        reprint = store.article_by_key("reprint-daily-1")
        assert reprint is not None and reprint.story_id is not None
        members = {m.id: m for m in store.story_articles(reprint.story_id)}
    detail = client.get(f"/api/stories/{reprint.story_id}").json()
    assert detail["story"]["outlet_count"] == 2
    for sentence in detail["brief"]["sentences"]:
        cited = members[sentence["citation"]["article_id"]]
        assert sentence["text"] in cited.article.text
        assert sentence["support"] == len(sentence["supporting_outlets"]) >= 1
    folded = [
        r for group in detail["coverage"] for entry in group["articles"] for r in entry["reprints"]
    ]
    assert [r["outlet"] for r in folded] == [REPRINT_OUTLET]
    notes = {c["note"] for c in detail["citations"]}
    assert notes == {s["citation"]["note"] for s in detail["brief"]["sentences"]}


def test_search_pages_are_consistent_and_highlighted(client: TestClient) -> None:
    everything = client.get("/api/search", params={"q": "tsunami", "limit": 100}).json()
    walked = walk(client, "/api/search", q="tsunami", limit=4)
    assert [(h["kind"], h["id"]) for h in walked] == [
        (h["kind"], h["id"]) for h in everything["items"]
    ]
    assert all("<mark>" in h["snippet_html"] for h in walked)
    scores = [h["score"] for h in walked]
    assert scores == sorted(scores, reverse=True)
    hostile = client.get("/api/search", params={"q": "harbour stayed shut"}).json()["items"]
    assert hostile and all("<script" not in h["snippet_html"] for h in hostile)
    assert any("&lt;script&gt;" in h["snippet_html"] for h in hostile)
    assert (
        client.get(
            "/api/search", params={"q": "x", "since": "2005-02-01", "until": "2005-01-01"}
        ).status_code
        == 400
    )

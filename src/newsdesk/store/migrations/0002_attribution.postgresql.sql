-- newsdesk schema, version 2 (PostgreSQL): per-story attribution, an entity index across stories, and
-- the user's watchlist. Twin: 0002_attribution.sqlite.sql (same tables and columns).
-- ``quotes``, ``entities``, ``claims`` and ``timeline`` are JSON arrays of the models.py types.

CREATE TABLE attributions (
    story_id   BIGINT PRIMARY KEY REFERENCES stories(id),
    quotes     TEXT NOT NULL,
    entities   TEXT NOT NULL,
    claims     TEXT NOT NULL,
    timeline   TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- One row per (entity name or alias, casefolded) and story: "which stories mention Sohae?"
CREATE TABLE entity_index (
    name     TEXT NOT NULL,
    story_id BIGINT NOT NULL REFERENCES stories(id),
    entity   TEXT NOT NULL,
    kind     TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (name, story_id, entity)
);
CREATE INDEX entity_index_story ON entity_index(story_id);

CREATE TABLE watchlist (
    term_key TEXT PRIMARY KEY,
    term     TEXT NOT NULL,
    added_at TEXT NOT NULL
);

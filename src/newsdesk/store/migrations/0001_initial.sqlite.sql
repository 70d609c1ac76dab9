-- newsdesk schema, version 1 (SQLite). The PostgreSQL twin is 0001_initial.postgresql.sql: same
-- tables, columns and constraints; only the full-text index differs (FTS5 here, tsvector there).
-- Timestamps are ISO 8601 text. ``published`` keeps the source's own form (offset or none);
-- ``published_sort`` is the same instant in UTC as 'YYYY-MM-DDTHH:MM:SS.ffffff' (naive times taken
-- as UTC) so ordering and range filters are plain text comparisons.

CREATE TABLE stories (
    id              INTEGER PRIMARY KEY,
    created_at      TEXT NOT NULL,
    merged_into     INTEGER REFERENCES stories(id),
    article_count   INTEGER NOT NULL DEFAULT 0,
    first_published TEXT,
    last_published  TEXT,
    last_sort       TEXT
);
CREATE INDEX stories_recent ON stories(last_sort DESC, id DESC) WHERE merged_into IS NULL;

CREATE TABLE story_merges (
    source_id INTEGER PRIMARY KEY REFERENCES stories(id),
    target_id INTEGER NOT NULL REFERENCES stories(id),
    merged_at TEXT NOT NULL
);

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    key               TEXT NOT NULL UNIQUE,
    url               TEXT,
    url_norm          TEXT UNIQUE,
    content_hash      TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL,
    text              TEXT NOT NULL,
    outlet            TEXT NOT NULL,
    published         TEXT,
    published_sort    TEXT,
    language          TEXT,
    author            TEXT,
    provenance_source TEXT NOT NULL,
    provenance_record TEXT,
    canonical_id      INTEGER REFERENCES articles(id),
    story_id          INTEGER REFERENCES stories(id),
    ingested_at       TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published_sort, id);
CREATE INDEX articles_story ON articles(story_id, published_sort);
CREATE INDEX articles_canonical ON articles(canonical_id) WHERE canonical_id IS NOT NULL;
CREATE INDEX articles_outlet ON articles(outlet);

CREATE TABLE sentences (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    paragraph  INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature  BLOB NOT NULL
);

CREATE TABLE briefs (
    story_id   INTEGER PRIMARY KEY REFERENCES stories(id),
    brief      TEXT NOT NULL,
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE briefs_fts USING fts5(
    text, content='briefs', content_rowid='story_id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER briefs_fts_insert AFTER INSERT ON briefs BEGIN
    INSERT INTO briefs_fts(rowid, text) VALUES (new.story_id, new.text);
END;
CREATE TRIGGER briefs_fts_delete AFTER DELETE ON briefs BEGIN
    INSERT INTO briefs_fts(briefs_fts, rowid, text) VALUES ('delete', old.story_id, old.text);
END;
CREATE TRIGGER briefs_fts_update AFTER UPDATE OF text ON briefs BEGIN
    INSERT INTO briefs_fts(briefs_fts, rowid, text) VALUES ('delete', old.story_id, old.text);
    INSERT INTO briefs_fts(rowid, text) VALUES (new.story_id, new.text);
END;

-- newsdesk schema, version 3 (SQLite): spaCy NER spans kept per text, so re-attributing a story
-- that grew does not run NER again over the articles it already had (a new process has an empty
-- in-memory cache). Twin: 0003_ner_spans.postgresql.sql. ``spans`` is a JSON array of
-- [start, end, text, label]; ``model`` names the model and its version.

CREATE TABLE ner_spans (
    model     TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    spans     TEXT NOT NULL,
    PRIMARY KEY (model, text_hash)
);

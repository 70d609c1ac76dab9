-- newsdesk schema, version 7 (PostgreSQL): the time the near-duplicate index filed each signature
-- under, so a restarted ingest rebuilds the index a running one holds, undated articles included.
-- Twin: 0007_signature_time.sqlite.sql. ``filed_sort`` is a sort key like
-- ``articles.published_sort``: the article's publication time or, for an undated (or
-- future-dated) article, the newest time the index had seen; NULL while it has seen none (the
-- first time it sees is then written to those). A signature stored before version 7 takes its
-- article's publication time, or NULL when it has none: it is restored, as before, only while the
-- store has no time.

ALTER TABLE signatures ADD COLUMN filed_sort TEXT COLLATE "C";

UPDATE signatures s SET filed_sort = a.published_sort FROM articles a WHERE a.id = s.article_id;

CREATE INDEX signatures_filed ON signatures(filed_sort);

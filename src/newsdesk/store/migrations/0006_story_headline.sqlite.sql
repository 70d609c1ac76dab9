-- newsdesk schema, version 6 (SQLite): the story's headline, chosen when its brief is built
-- (newsdesk.brief.headline), so listing stories reads it instead of choosing among titles on every
-- request. Twin: 0006_story_headline.postgresql.sql. NULL in briefs saved before version 6: such a
-- story is named by its earliest article's title, as before, until its brief is rebuilt (the next
-- ingest that touches it, or `newsdesk refresh`).

ALTER TABLE briefs ADD COLUMN headline TEXT;

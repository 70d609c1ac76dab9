-- newsdesk schema, version 4 (PostgreSQL): search finds stopwords, as SQLite's FTS5 does. The
-- 'english' configuration drops them, so "The Who" or "it" found nothing and "who" in a longer
-- query was ignored. ``newsdesk_english`` is a copy of it whose words go through a Snowball English
-- stemmer without a stopword list and, where the unaccent extension can be installed (it ships
-- with PostgreSQL and is trusted: the database's owner may create it), lose their accents first,
-- like FTS5's remove_diacritics. Queries use the same configuration (postgres.py).
-- Twin: 0004_search_stopwords.sqlite.sql (nothing to change there).

CREATE TEXT SEARCH DICTIONARY newsdesk_english_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION newsdesk_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION newsdesk_english
    ALTER MAPPING REPLACE english_stem WITH newsdesk_english_stem;

DO $$
DECLARE
    home TEXT;
BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
    SELECT n.nspname INTO home
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'unaccent';
    -- Only these token types can hold non-ASCII letters.
    EXECUTE format(
        'ALTER TEXT SEARCH CONFIGURATION newsdesk_english '
        'ALTER MAPPING FOR word, hword, hword_part WITH %I.unaccent, newsdesk_english_stem',
        home
    );
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE NOTICE 'newsdesk: unaccent extension not available (%); search keeps accents', SQLERRM;
END
$$;

-- A stored generated column's expression cannot be altered (before PostgreSQL 17): rebuild it.
-- Dropping the column drops its GIN index too.
ALTER TABLE articles DROP COLUMN search;
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('newsdesk_english', title), 'A')
    || setweight(to_tsvector('newsdesk_english', text), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);

ALTER TABLE briefs DROP COLUMN search;
ALTER TABLE briefs ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('newsdesk_english', text)) STORED;
CREATE INDEX briefs_search ON briefs USING GIN (search);

-- newsdesk schema, version 4 (PostgreSQL): search finds what SQLite's FTS5 finds. The 'english'
-- configuration drops stopwords, so "The Who" or "it" found nothing and "who" in a longer query
-- was ignored. ``newsdesk_english`` is a copy of it whose words go through Snowball's Porter
-- stemmer (the original Porter algorithm, as FTS5's porter tokenizer; 'english' is Porter2) with no
-- stopword list and, where the unaccent extension can be installed (it ships with PostgreSQL and is
-- trusted: the database's owner may create it), lose their accents first, like FTS5's
-- remove_diacritics. Queries use the same configuration (postgres.py), each word quoted (a word
-- the parser splits, "china's", is a phrase, as in FTS5).
-- On the 100 MultiLing articles' 5,707 distinct words, each searched alone: 478 found other
-- articles than SQLite did before, 99 now (in both a C and a C.UTF-8 database). What is left:
-- numbers and words inside what PostgreSQL's parser keeps whole ("Earthquake/Tsunami", "3.5",
-- "10:30am", host names), two-letter words ending in s (FTS5 leaves words under three letters
-- unstemmed: "us" is not "u" there) and a few words the two Porter implementations stem apart.
-- Twin: 0004_search_stopwords.sqlite.sql (nothing to change there).

CREATE TEXT SEARCH DICTIONARY newsdesk_english_stem (TEMPLATE = snowball, Language = porter);
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

-- Where the database's LC_CTYPE is C, the text search parser takes every non-ASCII character for
-- a letter: "People’s", “Who” or "10 km" with a no-break space would each be one word nobody can
-- search for (FTS5 splits them). There the text is searched and highlighted with typographic
-- quotes, dashes and the ellipsis made ASCII and other non-ASCII punctuation, spaces and symbols
-- made spaces; in other locales the parser splits them itself and the text is used as it is.
DO $$
BEGIN
    IF (SELECT datctype FROM pg_database WHERE datname = current_database()) IN ('C', 'POSIX') THEN
        CREATE FUNCTION newsdesk_search_text(body TEXT) RETURNS TEXT
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $fn$
            SELECT regexp_replace(
                translate(body, '‘’‚‛“”„‟–—…', '''''''''""""--.'),
                '[\u00A0-\u00A9\u00AB-\u00B1\u00B4\u00B6-\u00B8\u00BB\u00BF\u00D7\u00F7'
                '\u2000-\u206F\u20A0-\u20CF\u2116\u2122\u2190-\u23FF\u2500-\u27BF\u3000-\u303F'
                '\uFEFF\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\U0001F000-\U0001FAFF]',
                ' ', 'g'
            )
        $fn$;
    ELSE
        CREATE FUNCTION newsdesk_search_text(body TEXT) RETURNS TEXT
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $fn$ SELECT body $fn$;
    END IF;
END
$$;

-- A stored generated column's expression cannot be altered (before PostgreSQL 17): rebuild it.
-- Dropping the column drops its GIN index too.
ALTER TABLE articles DROP COLUMN search;
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('newsdesk_english', newsdesk_search_text(title)), 'A')
    || setweight(to_tsvector('newsdesk_english', newsdesk_search_text(text)), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);

ALTER TABLE briefs DROP COLUMN search;
ALTER TABLE briefs ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('newsdesk_english', newsdesk_search_text(text))) STORED;
CREATE INDEX briefs_search ON briefs USING GIN (search);

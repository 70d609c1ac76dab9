-- newsdesk schema, version 5 (PostgreSQL): the clusterer's document frequencies, so a restarted
-- ingest weighs terms by every article placed so far, not only by the last window's. Twin:
-- 0005_term_counts.sqlite.sql. ``term_counts`` holds, per term, how many placed articles contain
-- it; ``term_count_total`` the one row counting those articles. Both are empty in a store from
-- before version 5 until its next placement counts its placed articles once.

CREATE TABLE term_counts (
    term     TEXT PRIMARY KEY,
    articles BIGINT NOT NULL
);

CREATE TABLE term_count_total (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    articles BIGINT NOT NULL
);

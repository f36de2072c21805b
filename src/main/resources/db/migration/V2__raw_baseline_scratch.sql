-- A scratch table for the raw JDBC baseline: one-row insert and delete commits, timed on the same
-- database and settings as the repository's own commits. It is empty between runs.
CREATE TABLE raw_baseline_scratch (
    id      BIGINT      NOT NULL PRIMARY KEY,
    payload VARCHAR(64) NOT NULL
);

UPDATE lab SET schema_version = 2 WHERE id = 1;

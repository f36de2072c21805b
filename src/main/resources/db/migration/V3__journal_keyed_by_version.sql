-- The journal keyed by the version each entry made, and client tokens in a table of their own.
--
-- Every accepted request writes its journal row in the commit that makes its version. Before this
-- migration a commit also rewrote the lab row (version and id counter), and the journal row, keyed
-- by a generated number with an index on the rarely set client token, changed three B-trees of the
-- file. Now the journal row alone says where the lab is: its key is the version (a second writer
-- from the same version collides on that key, which is the version check), and it carries the
-- id counter as it stands after that version. The lab row keeps the schema version and the
-- creation time. A request with a client token also writes one row to client_tokens.

CREATE TABLE journal_by_version (
    version      BIGINT                      NOT NULL PRIMARY KEY,
    id_sequence  BIGINT                      NOT NULL,
    principal_id VARCHAR(128)                NOT NULL,
    request      VARCHAR                     NOT NULL,
    result       VARCHAR                     NOT NULL,
    recorded_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    client_token VARCHAR
);

-- Older labs kept only the latest id counter; it is the one that matters, and no earlier entry's
-- counter is ever read, so every copied entry gets it.
INSERT INTO journal_by_version (version, id_sequence, principal_id, request, result, recorded_at, client_token)
    SELECT j.version, l.id_sequence, j.principal_id, j.request, j.result, j.recorded_at, j.client_token
    FROM journal j CROSS JOIN lab l ORDER BY j.seq;

DROP TABLE journal;

ALTER TABLE journal_by_version RENAME TO journal;

-- The first version that carried each client token.
CREATE TABLE client_tokens (
    client_token VARCHAR NOT NULL PRIMARY KEY,
    version      BIGINT  NOT NULL
);

INSERT INTO client_tokens (client_token, version)
    SELECT client_token, MIN(version) FROM journal WHERE client_token IS NOT NULL GROUP BY client_token;

ALTER TABLE lab DROP COLUMN version;

ALTER TABLE lab DROP COLUMN id_sequence;

UPDATE lab SET schema_version = 3 WHERE id = 1;

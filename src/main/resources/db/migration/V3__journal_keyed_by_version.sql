-- The journal keyed by the version each entry recorded, and client tokens in a table of their own.
--
-- Every accepted request writes one journal row in the commit that makes its version. With a
-- generated sequence number as the key and an index on the (rarely set) client token, that row
-- changed three B-trees of the file per commit; keyed by its version, which is unique anyway (the
-- version check lets one commit make each version), it changes one. A request that carries a client
-- token also writes one row to client_tokens, which answers "was this token seen?" by its key.

CREATE TABLE journal_by_version (
    version      BIGINT                      NOT NULL PRIMARY KEY,
    principal_id VARCHAR(128)                NOT NULL,
    request      VARCHAR                     NOT NULL,
    result       VARCHAR                     NOT NULL,
    recorded_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    client_token VARCHAR
);

INSERT INTO journal_by_version (version, principal_id, request, result, recorded_at, client_token)
    SELECT version, principal_id, request, result, recorded_at, client_token FROM journal ORDER BY seq;

DROP TABLE journal;

ALTER TABLE journal_by_version RENAME TO journal;

-- The first version that carried each client token.
CREATE TABLE client_tokens (
    client_token VARCHAR NOT NULL PRIMARY KEY,
    version      BIGINT  NOT NULL
);

INSERT INTO client_tokens (client_token, version)
    SELECT client_token, MIN(version) FROM journal WHERE client_token IS NOT NULL GROUP BY client_token;

UPDATE lab SET schema_version = 3 WHERE id = 1;

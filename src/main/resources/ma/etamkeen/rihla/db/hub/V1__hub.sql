-- A Rihla hub on a PostgreSQL server: the merged knowledge base of every laptop that syncs with it.

-- The hub's own id: laptops name the hub by it, whatever address they reach it at.
CREATE TABLE hub_info (
    id          UUID PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
INSERT INTO hub_info (id) VALUES (gen_random_uuid());

-- Every change a push makes takes the next number: a laptop reads what changed since the last number it saw.
-- Pushes take turns (a transaction-level advisory lock), so numbers are committed in their order.
CREATE SEQUENCE hub_change;

-- Every record of every kind, tombstones included, as it travels in a .rihla package (the fields as JSON), with
-- its content hash and every version of it the laptops that pushed it had sent or received. The fields are json,
-- kept as written, not jsonb: jsonb refuses the escape \u0000 and turns a lone UTF-16 surrogate into "?", and a
-- note holds what its writer typed or pasted (cast to jsonb to query them).
CREATE TABLE hub_record (
    id         UUID PRIMARY KEY,
    kind       VARCHAR(40) NOT NULL,
    fields     JSON NOT NULL,
    hash       CHAR(64) NOT NULL,
    versions   TEXT[] NOT NULL,
    change     BIGINT NOT NULL,
    pushed_by  VARCHAR(200) NOT NULL,
    pushed_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX hub_record_change ON hub_record (change);

-- Attachments' bytes, stored once by their SHA-256.
CREATE TABLE hub_blob (
    sha256   CHAR(64) PRIMARY KEY,
    content  BYTEA NOT NULL
);

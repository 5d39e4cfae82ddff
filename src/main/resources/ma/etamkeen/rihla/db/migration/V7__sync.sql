-- Sync through a hub (a shared folder or a PostgreSQL server). A hub is named by the id it keeps itself
-- (rihla-hub.json in a folder, hub_info on a server), so a USB stick mounted elsewhere is the same hub.

-- The version of each record this laptop knows the hub holds: sent there, or received from there. A record
-- whose version here differs is in the next change set this laptop sends (no clock is read for that).
CREATE TABLE sync_record (
    hub        VARCHAR(100) NOT NULL,
    record_id  UUID NOT NULL,
    hash       CHAR(64) NOT NULL,
    PRIMARY KEY (hub, record_id)
);

-- How far this laptop has read each source of a hub: the number of the last change set of a laptop's
-- folder, or the last change of a server's sequence.
CREATE TABLE sync_cursor (
    hub       VARCHAR(100) NOT NULL,
    source    VARCHAR(100) NOT NULL,
    position  BIGINT NOT NULL,
    PRIMARY KEY (hub, source)
);

-- Conflicts a sync brought, waiting for the user: their version of a record that was changed here too, as it
-- travels (fields as JSON, every version the sender knew), an attachment's bytes with it. Settled mine, theirs
-- or both, exactly like a conflict of an import; one row per record (a newer version of theirs replaces it).
CREATE TABLE sync_conflict (
    record_id    UUID PRIMARY KEY,
    kind         VARCHAR(40) NOT NULL,
    fields       CLOB NOT NULL,
    versions     CLOB NOT NULL,
    content      BLOB,
    hub          VARCHAR(100) NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

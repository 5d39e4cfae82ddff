-- Exchange between laptops. The versions of a record this laptop has sent or received, by content hash:
-- an incoming version we have seen is older than ours; ours, seen by the sender, is older than theirs;
-- anything else was changed on both sides since they last agreed, and is a conflict.
CREATE TABLE exchange_version (
    record_id  UUID NOT NULL,
    hash       CHAR(64) NOT NULL,
    PRIMARY KEY (record_id, hash)
);

-- When this laptop last exported for a colleague, for "what changed since the last export to ...".
CREATE TABLE exchange_export (
    delegate_id  UUID PRIMARY KEY,
    exported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

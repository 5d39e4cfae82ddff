-- Every move of an idea for transfer to a status: which status, who moved it (updated_by) and when
-- (created_at). Written once, never changed; travels in packages like any record, so every laptop keeps the
-- whole history ("adopted on 12 March 2023, by ..."). Ideas written before keep no history of their past moves.
CREATE TABLE idea_status_change (
    id          UUID PRIMARY KEY,
    idea_id     UUID NOT NULL REFERENCES idea (id),
    status      VARCHAR(20) NOT NULL
        CHECK (status IN ('proposed', 'under-study', 'piloting', 'adopted', 'dropped')),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idea_status_change_idea ON idea_status_change (idea_id);

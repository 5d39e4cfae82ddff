-- Capture: emptying the trash purges an entry's content but keeps its tombstone (id, deleted_at,
-- purged_at), so other laptops learn of the deletion when notes are merged.
ALTER TABLE note ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lesson ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE idea ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE attachment ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;

-- A small JPEG/PNG preview of a photo, made when it is attached (null for documents).
ALTER TABLE attachment ADD COLUMN thumbnail BINARY LARGE OBJECT;
-- Purged attachments keep no bytes.
ALTER TABLE attachment ALTER COLUMN content SET NULL;

CREATE INDEX note_deleted ON note (deleted_at);
CREATE INDEX lesson_deleted ON lesson (deleted_at);
CREATE INDEX idea_deleted ON idea (deleted_at);
CREATE INDEX attachment_deleted ON attachment (deleted_at);

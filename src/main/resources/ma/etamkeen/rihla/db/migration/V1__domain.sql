-- The whole domain of Rihla. Every record has a UUID key, audit columns and a tombstone
-- (deleted_at): nothing is ever removed by the app, so laptops can merge and users can undo.
-- Link rows have deterministic UUIDs derived from the two ends, so two laptops adding the same
-- link produce the same record.

CREATE TABLE visit (
    id                   UUID PRIMARY KEY,
    code                 VARCHAR(100) NOT NULL UNIQUE,
    title_ar             VARCHAR(500),
    title_fr             VARCHAR(500),
    title_en             VARCHAR(500),
    programme            VARCHAR(200),
    starts_on            DATE,
    ends_on              DATE,
    delegation_size      INTEGER,
    administration_count INTEGER,
    description_ar       VARCHAR(20000),
    description_fr       VARCHAR(20000),
    description_en       VARCHAR(20000),
    sources              VARCHAR(5000),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(200) NOT NULL,
    deleted_at           TIMESTAMP WITH TIME ZONE
);

CREATE TABLE theme (
    id          UUID PRIMARY KEY,
    code        VARCHAR(100) NOT NULL UNIQUE,
    label_ar    VARCHAR(300),
    label_fr    VARCHAR(300),
    label_en    VARCHAR(300),
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE site (
    id              UUID PRIMARY KEY,
    visit_id        UUID NOT NULL REFERENCES visit (id),
    slug            VARCHAR(100) NOT NULL UNIQUE,
    name_ar         VARCHAR(500),
    name_fr         VARCHAR(500),
    name_en         VARCHAR(500),
    name_original   VARCHAR(500),
    type_ar         VARCHAR(500),
    type_fr         VARCHAR(500),
    type_en         VARCHAR(500),
    level           VARCHAR(30) NOT NULL
        CHECK (level IN ('federal', 'regional', 'community', 'local', 'non-profit')),
    level_detail_ar VARCHAR(500),
    level_detail_fr VARCHAR(500),
    level_detail_en VARCHAR(500),
    city_ar         VARCHAR(200),
    city_fr         VARCHAR(200),
    city_en         VARCHAR(200),
    address         VARCHAR(1000),
    website         VARCHAR(1000),
    summary_ar      VARCHAR(20000),
    summary_fr      VARCHAR(20000),
    summary_en      VARCHAR(20000),
    to_confirm      VARCHAR(200) NOT NULL DEFAULT '',  -- comma-separated Site.Field names
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(200) NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX site_visit ON site (visit_id);

CREATE TABLE site_fact (
    id          UUID PRIMARY KEY,
    site_id     UUID NOT NULL REFERENCES site (id),
    position    INTEGER NOT NULL,
    text_ar     VARCHAR(5000),
    text_fr     VARCHAR(5000),
    text_en     VARCHAR(5000),
    source      VARCHAR(1000),
    to_confirm  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX site_fact_site ON site_fact (site_id);

CREATE TABLE site_theme (
    id          UUID PRIMARY KEY,
    site_id     UUID NOT NULL REFERENCES site (id),
    theme_id    UUID NOT NULL REFERENCES theme (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    UNIQUE (site_id, theme_id)
);

-- Moroccan administrations: the targets of ideas for transfer and the employers of delegates.
CREATE TABLE administration (
    id          UUID PRIMARY KEY,
    name_ar     VARCHAR(500),
    name_fr     VARCHAR(500),
    acronym     VARCHAR(50),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE
);

-- Members of the delegation: the authors of notes, lessons and ideas.
CREATE TABLE delegate (
    id                UUID PRIMARY KEY,
    name              VARCHAR(300) NOT NULL,
    administration_id UUID REFERENCES administration (id),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(200) NOT NULL,
    deleted_at        TIMESTAMP WITH TIME ZONE
);

CREATE TABLE note (
    id          UUID PRIMARY KEY,
    site_id     UUID NOT NULL REFERENCES site (id),
    author_id   UUID REFERENCES delegate (id),
    noted_on    DATE,
    body        VARCHAR(1000000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX note_site ON note (site_id);

CREATE TABLE lesson (
    id            UUID PRIMARY KEY,
    site_id       UUID NOT NULL REFERENCES site (id),
    author_id     UUID REFERENCES delegate (id),
    title         VARCHAR(1000) NOT NULL,
    observed      VARCHAR(1000000),
    why_it_works  VARCHAR(1000000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(200) NOT NULL,
    deleted_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX lesson_site ON lesson (site_id);

CREATE TABLE lesson_theme (
    id          UUID PRIMARY KEY,
    lesson_id   UUID NOT NULL REFERENCES lesson (id),
    theme_id    UUID NOT NULL REFERENCES theme (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    UNIQUE (lesson_id, theme_id)
);

CREATE TABLE idea (
    id             UUID PRIMARY KEY,
    site_id        UUID NOT NULL REFERENCES site (id),
    lesson_id      UUID REFERENCES lesson (id),
    author_id      UUID REFERENCES delegate (id),
    title          VARCHAR(1000) NOT NULL,
    description    VARCHAR(1000000),
    effort         VARCHAR(1) CHECK (effort IN ('S', 'M', 'L')),
    impact         VARCHAR(10) CHECK (impact IN ('low', 'medium', 'high')),
    status         VARCHAR(20) NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed', 'under-study', 'piloting', 'adopted', 'dropped')),
    owner          VARCHAR(300),
    prerequisites  VARCHAR(1000000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     VARCHAR(200) NOT NULL,
    deleted_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idea_site ON idea (site_id);

CREATE TABLE idea_theme (
    id          UUID PRIMARY KEY,
    idea_id     UUID NOT NULL REFERENCES idea (id),
    theme_id    UUID NOT NULL REFERENCES theme (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    UNIQUE (idea_id, theme_id)
);

-- The Moroccan administrations an idea is meant for.
CREATE TABLE idea_administration (
    id                UUID PRIMARY KEY,
    idea_id           UUID NOT NULL REFERENCES idea (id),
    administration_id UUID NOT NULL REFERENCES administration (id),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(200) NOT NULL,
    deleted_at        TIMESTAMP WITH TIME ZONE,
    UNIQUE (idea_id, administration_id)
);

-- A photo or document attached to a site, or to one of its notes, lessons or ideas.
-- The bytes live in the database so a backup or an export is always complete and consistent.
CREATE TABLE attachment (
    id          UUID PRIMARY KEY,
    site_id     UUID NOT NULL REFERENCES site (id),
    owner_kind  VARCHAR(10) NOT NULL CHECK (owner_kind IN ('site', 'note', 'lesson', 'idea')),
    owner_id    UUID NOT NULL,
    file_name   VARCHAR(500) NOT NULL,
    media_type  VARCHAR(200) NOT NULL,
    size_bytes  BIGINT NOT NULL,
    sha256      CHAR(64) NOT NULL,
    caption     VARCHAR(2000),
    content     BINARY LARGE OBJECT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX attachment_owner ON attachment (owner_kind, owner_id);
CREATE INDEX attachment_site ON attachment (site_id);

-- Settings of this installation (language, last filters, seed fingerprint ...). Not merged.
CREATE TABLE app_setting (
    setting_key    VARCHAR(200) PRIMARY KEY,
    setting_value  VARCHAR(20000) NOT NULL
);

-- The knowledge base becomes the users' own: visits, sites, facts and themes are added, corrected and
-- shared like entries. Levels of government are no longer Belgian-only; a visit says where it went; a
-- theme can be hidden; a confirmed "to be confirmed" field or fact keeps who confirmed it and when.

ALTER TABLE visit ADD COLUMN country_ar VARCHAR(200);
ALTER TABLE visit ADD COLUMN country_fr VARCHAR(200);
ALTER TABLE visit ADD COLUMN country_en VARCHAR(200);
ALTER TABLE visit ADD COLUMN cities_ar VARCHAR(1000);
ALTER TABLE visit ADD COLUMN cities_fr VARCHAR(1000);
ALTER TABLE visit ADD COLUMN cities_en VARCHAR(1000);
UPDATE visit SET country_ar = 'بلجيكا', country_fr = 'Belgique', country_en = 'Belgium',
    cities_ar = 'بروكسل، نامور، أنتويرب', cities_fr = 'Bruxelles, Namur, Anvers', cities_en = 'Brussels, Namur, Antwerp'
WHERE code = 'belgium-2022';

-- A hidden theme is no longer offered for new entries; what it marks keeps it.
ALTER TABLE theme ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT FALSE;

-- National and other levels; H2 drops the old column's check with the column.
ALTER TABLE site ADD COLUMN level_code VARCHAR(30);
UPDATE site SET level_code = level;
ALTER TABLE site DROP COLUMN level;
ALTER TABLE site ALTER COLUMN level_code RENAME TO level;
ALTER TABLE site ALTER COLUMN level SET NOT NULL;
ALTER TABLE site ADD CONSTRAINT site_level
    CHECK (level IN ('national', 'federal', 'regional', 'community', 'local', 'non-profit', 'other'));

-- Who confirmed which field of a site, and when: a JSON object {"CITY": {"by": "...", "at": "..."}}.
ALTER TABLE site ADD COLUMN confirmations VARCHAR(4000);
ALTER TABLE site_fact ADD COLUMN confirmed_by VARCHAR(200);
ALTER TABLE site_fact ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;

-- A deleted site sits in the trash until it is emptied; then it stays as a tombstone, like an entry.
ALTER TABLE site ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX site_deleted ON site (deleted_at);
CREATE INDEX site_fact_deleted ON site_fact (deleted_at);

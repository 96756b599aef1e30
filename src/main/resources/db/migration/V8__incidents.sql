-- Incidents: imported reported crimes and calls for service, classified and placed in the unit hierarchy.

-- Mapping profiles a department added (the shipped ones live in incidents/profiles/*.yaml).
CREATE TABLE incident_profiles (
    name       text PRIMARY KEY,
    yaml       text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The code-to-category table, per classification scheme; seeded from incidents/classification/*.csv, editable.
-- match_key is an offense code (e.g. IUCR 0486) or an offense text (e.g. BATTERY); codes win over texts.
CREATE TABLE incident_classification (
    scheme    text    NOT NULL,
    match_key text    NOT NULL,
    category  text    NOT NULL,
    offense   text    NOT NULL,
    priority  text,
    sensitive boolean NOT NULL DEFAULT false,
    PRIMARY KEY (scheme, match_key)
);

-- The import journal: a RUNNING row left behind by a crash is marked INTERRUPTED at the next start (its data was
-- only ever in a temporary staging table, so nothing of it was applied).
CREATE TABLE incident_imports (
    id          bigserial PRIMARY KEY,
    profile     text        NOT NULL,
    file_name   text        NOT NULL,
    status      text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    rows_read   bigint      NOT NULL DEFAULT 0,
    inserted    bigint      NOT NULL DEFAULT 0,
    updated     bigint      NOT NULL DEFAULT 0,
    unchanged   bigint      NOT NULL DEFAULT 0,
    rejected    bigint      NOT NULL DEFAULT 0,
    warnings    bigint      NOT NULL DEFAULT 0,
    message     text
);

CREATE TABLE incident_rejects (
    import_id bigint NOT NULL REFERENCES incident_imports (id) ON DELETE CASCADE,
    line      bigint NOT NULL,
    reason    text   NOT NULL,
    PRIMARY KEY (import_id, line)
);

CREATE TABLE incidents (
    id           bigserial PRIMARY KEY,
    source       text             NOT NULL,
    source_id    text             NOT NULL,
    case_number  text,
    occurred_at  timestamptz      NOT NULL,
    occurred_on  date             NOT NULL,
    code         text,
    offense_text text,
    description  text,
    address      text,
    latitude     double precision,
    longitude    double precision,
    geocoded     boolean          NOT NULL DEFAULT false,
    category     text             NOT NULL,
    offense      text             NOT NULL,
    priority     text,
    sensitive    boolean          NOT NULL,
    -- the units counting the incident, top level first, as level:code (e.g. {district:004,sector:042,beat:0422})
    unit_path    text[]           NOT NULL,
    -- the source's own unit labels as level:code
    source_units text[]           NOT NULL,
    warning      text,
    import_id    bigint           NOT NULL,
    UNIQUE (source, source_id)
);
CREATE INDEX incidents_occurred_on ON incidents (occurred_on);
CREATE INDEX incidents_warnings ON incidents (import_id) WHERE warning IS NOT NULL;

-- Daily counts per unit (every level, plus level 'city' code 'all' for everything) for fast CompStat and trends.
CREATE TABLE incident_daily (
    level     text    NOT NULL,
    unit_code text    NOT NULL,
    day       date    NOT NULL,
    category  text    NOT NULL,
    offense   text    NOT NULL,
    priority  text    NOT NULL,
    sensitive boolean NOT NULL,
    n         integer NOT NULL,
    PRIMARY KEY (level, day, unit_code, category, offense, priority, sensitive)
);

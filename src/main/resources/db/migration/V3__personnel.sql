-- Personnel: members, their assignments to units (history kept), staffing targets.
-- Units are referenced by (level key, unit code), never by a geography id: boundaries get re-imported.

-- Ranks and roles are configurable lists in the department's own words; position orders them for display.
create table personnel_rank (
    key      varchar(40)  primary key check (key ~ '^[a-z0-9][a-z0-9-]*$'),
    name     varchar(100) not null,
    position integer      not null
);
insert into personnel_rank (key, name, position) values
    ('officer', 'Officer', 10),
    ('detective', 'Detective', 20),
    ('sergeant', 'Sergeant', 30),
    ('lieutenant', 'Lieutenant', 40),
    ('captain', 'Captain', 50),
    ('commander', 'Commander', 60),
    ('deputy-chief', 'Deputy Chief', 70),
    ('chief', 'Chief', 80),
    ('community-service-officer', 'Community Service Officer', 90),
    ('civilian', 'Civilian Staff', 100);

create table personnel_role (
    key      varchar(40)  primary key check (key ~ '^[a-z0-9][a-z0-9-]*$'),
    name     varchar(100) not null,
    position integer      not null
);
insert into personnel_role (key, name, position) values
    ('district-commander', 'District Commander', 10),
    ('area-commander', 'Area Commander', 20),
    ('district-officer', 'District Officer', 30),
    ('beat-officer', 'Beat Officer', 40),
    ('neighborhood-officer', 'Neighborhood Officer', 50),
    ('problem-solving-officer', 'Problem-Solving Officer', 60),
    ('district-coordination-officer', 'District Coordination Officer', 70),
    ('neighborhood-services-coordinator', 'Neighborhood Services Coordinator', 80);

create table personnel_member (
    id           bigserial    primary key,
    badge        varchar(40)  not null unique,
    given_name   varchar(100) not null,
    family_name  varchar(100) not null,
    display_name varchar(200) not null,
    rank_key     varchar(40)  not null references personnel_rank (key),
    email        varchar(254),
    phone        varchar(40),
    public_email boolean      not null default false,
    public_phone boolean      not null default false,
    -- ISO 639-1 codes, comma-separated, e.g. 'en,es'
    languages    varchar(200) not null default '',
    sworn        boolean      not null default true,
    active       boolean      not null default true,
    demo         boolean      not null default false,
    created      timestamptz  not null default now(),
    updated      timestamptz  not null default now()
);
create index personnel_member_family_name on personnel_member (lower(family_name), lower(given_name));

-- Kept apart from the member row so lists and lookups never read image bytes.
create table personnel_photo (
    member_id bigint       primary key references personnel_member (id) on delete cascade,
    large     bytea        not null,
    small     bytea        not null,
    etag      varchar(64)  not null,
    updated   timestamptz  not null default now()
);

create table personnel_assignment (
    id         bigserial   primary key,
    member_id  bigint      not null references personnel_member (id),
    role_key   varchar(40) not null references personnel_role (key),
    unit_level varchar(40) not null,
    unit_code  varchar(40) not null,
    start_date date        not null,
    end_date   date,
    created    timestamptz not null default now(),
    check (end_date is null or end_date >= start_date)
);
create index personnel_assignment_unit on personnel_assignment (unit_level, unit_code);
create index personnel_assignment_member on personnel_assignment (member_id);

-- Who changed the dates of an assignment that had already started (administrators only), and from what.
create table personnel_assignment_correction (
    id            bigserial    primary key,
    assignment_id bigint       not null references personnel_assignment (id),
    old_start     date         not null,
    old_end       date,
    new_start     date         not null,
    new_end       date,
    corrected_by  varchar(100) not null,
    corrected_at  timestamptz  not null default now()
);

create table personnel_staffing_target (
    level_key varchar(40) not null,
    role_key  varchar(40) not null references personnel_role (key),
    minimum   integer     not null check (minimum > 0),
    primary key (level_key, role_key)
);

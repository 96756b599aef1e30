-- Geography: the department's levels (top first), the units of each level and the audit of boundary imports.

create table geo_level (
    level_key   varchar(40)  primary key,
    name        varchar(100) not null,
    plural_name varchar(100) not null,
    -- reordering swaps depths inside one transaction, hence deferred
    depth       integer      not null,
    constraint geo_level_depth_unique unique (depth) deferrable initially deferred
);

create table geo_unit (
    id            bigserial    primary key,
    level_key     varchar(40)  not null references geo_level (level_key),
    code          varchar(100) not null,
    name          varchar(200) not null,
    -- the parent is the unit with this code in the level directly above parent_level
    parent_level  varchar(40),
    parent_code   varchar(100),
    -- F = named by the file, G = derived from geometry, C = derived from the code prefix
    parent_source char(1),
    part_count    integer      not null,
    -- WGS84 longitude/latitude, well-known binary; the envelope lets readers skip far-away units cheaply
    boundary      bytea        not null,
    min_lon       double precision not null,
    min_lat       double precision not null,
    max_lon       double precision not null,
    max_lat       double precision not null,
    updated_at    timestamptz  not null,
    constraint geo_unit_code_unique unique (level_key, code)
);

create index geo_unit_parent on geo_unit (parent_level, parent_code);

create table geo_import (
    id            bigserial    primary key,
    level_key     varchar(40)  not null,
    source        varchar(300) not null,
    imported_by   varchar(200) not null,
    imported_at   timestamptz  not null,
    accepted      boolean      not null,
    feature_count integer      not null,
    unit_count    integer      not null,
    error_count   integer      not null,
    warning_count integer      not null
);

create index geo_import_recent on geo_import (imported_at desc);

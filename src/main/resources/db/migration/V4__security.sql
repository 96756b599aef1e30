-- Staff accounts for the staff pages and the authenticated API. Passwords are stored only as
-- DelegatingPasswordEncoder hashes ("{bcrypt}..."), so the algorithm can change without a migration.
create table security_user (
    id            bigserial primary key,
    username      varchar(100) not null unique check (username = lower(username)),
    password_hash varchar(500) not null,
    display_name  varchar(200) not null,
    -- comma-separated role names, e.g. 'ADMIN' or 'STAFF'; ADMIN implies STAFF through the role hierarchy
    roles         varchar(100) not null check (roles ~ '^(ADMIN|STAFF)(,(ADMIN|STAFF))*$'),
    enabled       boolean      not null default true,
    created       timestamptz  not null default now()
);
